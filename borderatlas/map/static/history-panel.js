/* Border Atlas: a feature's history panel shown inside the map frame the moment it is clicked.
 *
 * History panels depend only on the feature and the language, so the server writes each one
 * once as a static file (borderatlas.ui.cache.panel_prefix, rendered by views.panels.panel_html,
 * escaped there). A click fetches that file (or reuses it) and shows it beside the map with no
 * script rerun in between; the click is still reported to Streamlit, which then only keeps the
 * URL and its widgets in step. The panel also follows the page URL's `feature` value when it
 * changes (a deep link, a search hit, a row chosen in a table), and its close button clears the
 * selection here and on the server.
 *
 * Relies on: features carry `properties.ftype`/`properties.id`, or `properties.select`
 * ('section:<id>') when they stand for another feature (borderatlas.views.features); the map
 * runs in a same-origin iframe so `window.parent.location` can be read (Streamlit components
 * do); for the server to learn of a close, the streamlit-folium internals `selection.js` names
 * (BorderAtlas.reportValue; without them
 * the close is local only). Fires `baselect` on the map ({key: null} on close).
 */
/* global L */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  function reportClear(marker, keys) {  // as a click on nothing would be reported
    var data = ns.componentData(keys);
    if (data) {
      data.last_object_clicked_tooltip = marker;
      data.last_object_clicked_count = (data.last_object_clicked_count || 0) + 1;
      ns.reportValue(keys, {
        last_object_clicked_count: data.last_object_clicked_count,
        last_object_clicked_tooltip: marker
      });
    }
  }

  ns.historyPanel = function (map, options) {
    var kinds = options.kinds;
    var cache = {};
    var shown = null;  // key of the feature whose panel is (being) shown
    var seen;  // the URL's feature value last acted on
    var box = L.DomUtil.create('aside', 'ba-history');
    var close = L.DomUtil.create('button', 'ba-history-close', box);
    var body = L.DomUtil.create('div', 'ba-history-body', box);
    box.setAttribute('lang', options.lang);
    box.setAttribute('aria-live', 'polite');
    box.hidden = true;
    close.type = 'button';
    close.textContent = '\u00d7';
    close.title = options.closeLabel;
    close.setAttribute('aria-label', options.closeLabel);
    map.getContainer().parentNode.appendChild(box);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);

    function key(layer) {
      return ns.featureKey(layer, kinds);
    }

    function url(k) {
      var cut = k.indexOf(':');
      return options.prefix + '/' + encodeURIComponent(k.slice(0, cut)) + '/' +
        encodeURIComponent(k.slice(cut + 1)) + '.html';
    }

    function fill(k, html) {
      if (shown !== k) {
        return;  // another feature was chosen while this one was on its way
      }
      body.innerHTML = html;  // rendered and escaped by views.panels.panel_html
      body.querySelectorAll('a[href]:not([target])').forEach(function (a) {
        a.target = '_top';  // a permalink opens in the page, not inside the map frame
      });
      body.scrollTop = 0;
      box.hidden = false;
    }

    function show(k) {
      if (k && k === shown && !box.hidden) {
        return;  // already open: keep the reader's scroll position
      }
      shown = k;
      if (!k) {
        box.hidden = true;
        body.innerHTML = '';
        return;
      }
      if (cache[k] !== undefined) {
        fill(k, cache[k]);
        return;
      }
      fetch(url(k))
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status + ' ' + response.statusText);
          }
          return response.text();
        })
        .then(function (html) {
          cache[k] = html;
          fill(k, html);
        })
        .catch(function (err) {
          var p = L.DomUtil.create('p', 'ba-history-error');
          p.textContent = options.errorLabel + ' (' + k + ': ' + err.message + ')';
          fill(k, '');
          body.appendChild(p);
        });
    }

    close.addEventListener('click', function () {
      show(null);
      map.fire('baselect', {key: null});
      reportClear(options.clearMarker, options.keys);
    });
    map.on('layeradd', function (e) {
      var k = key(e.layer);
      if (k && !e.layer.baPanel) {
        e.layer.baPanel = true;
        e.layer.on('click', function () { show(k); });
      }
    });
    function follow() {
      var want = ns.wantedFeature();
      if (want !== seen) {  // only a change of the URL: a click is ahead of the server's answer
        seen = want;
        show(want && kinds.indexOf(want.split(':')[0]) >= 0 ? want : null);
      }
    }
    follow();
    root.setInterval(follow, options.pollMs);
  };
}(window));
