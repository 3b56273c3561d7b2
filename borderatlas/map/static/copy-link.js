/* Border Atlas: "Copy link" copies the address of the view the reader is looking at.
 *
 * Runs in the page (st.html with JavaScript), not in the map frame. The link is the page's own
 * address at the moment of the click — the app keeps its state (year, feature, layers, view)
 * in the query string — or else the address the server gave in `data-link`. One click handler
 * for the whole document, so re-rendered buttons need no new ones.
 * Relies on: the Clipboard API, with document.execCommand('copy') when it is refused.
 */
(function (root) {
  'use strict';
  if (root.baCopyLink) {
    return;
  }
  root.baCopyLink = true;

  function fallback(text) {
    var area = root.document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;left:-9999px;top:0';
    root.document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = root.document.execCommand('copy');
    } catch (err) {
      ok = false;
    }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  function say(button, text) {
    var note = button.parentNode.querySelector('.ba-copy-note');
    if (note) {
      note.textContent = text;
    }
  }

  root.document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button.ba-copy-link');
    if (!button) {
      return;
    }
    var link = root.location.href || button.getAttribute('data-link');
    var copy = root.navigator.clipboard && root.navigator.clipboard.writeText
      ? root.navigator.clipboard.writeText(link).catch(function () { return fallback(link); })
      : fallback(link);
    copy.then(function () { say(button, 'Link copied'); },
      function () { say(button, 'Copy this link: ' + link); });
  });
}(window));
