/* Border Atlas: basemap "auto" — OpenStreetMap tiles when they load, else the bundled vector one.
 *
 * The browser decides, with no round trip to the server: it adds the tile layer and waits for
 * the first tile. A `tileload` keeps the tiles; a `tileerror`, no tile within `timeoutMs`, or
 * `navigator.onLine === false` removes the tile layer (and with it the tiles' attribution) and
 * draws the bundled vector basemap instead (BorderAtlas.fetchedBasemap). The choice is shown in
 * a small note bottom left ("Basemap: …"; the attribution, bottom right, stays short enough for
 * half a map in Compare's side by side), set on the map container (`data-ba-basemap`), and
 * announced with a `babasemap` event; `map.baBasemap.follow(other)` draws the same choice on
 * another map (Compare's side by side).
 * Relies on: Leaflet 1.9 API only (L.tileLayer and its events); fetched-basemap.js; BorderAtlas.box
 * (map-controls.js) for the note.
 */
/* global L */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  ns.autoBasemap = function (map, options) {
    var state = {mode: 'pending', reason: ''};
    var waiting = [];
    var tiles = null;
    var timer = null;
    var shown = null;

    function say(text) {
      if (!shown) {
        shown = ns.box(map, 'bottomleft', 'ba-basemap-note', 'background:rgba(255,255,255,.8);' +
                       'padding:0 5px;margin:0;font:11px sans-serif;color:#333');
      }
      shown.textContent = options.labels.prefix + text;
    }

    function draw(target, mode) {
      if (mode === 'vector') {
        ns.fetchedBasemap(target, options.vector);
      } else {
        L.tileLayer(options.tiles.url, options.tiles.options).addTo(target);
      }
    }

    function settle(mode, reason) {
      if (state.mode !== 'pending') {
        return;
      }
      clearTimeout(timer);
      state.mode = mode;
      state.reason = reason;
      if (mode === 'vector') {
        if (tiles) {
          map.removeLayer(tiles);
        }
        ns.fetchedBasemap(map, options.vector);
        say(options.labels.vector + ' (' + (options.labels[reason] || reason) + ')');
      } else {
        say(options.labels.tiles);
      }
      map.getContainer().setAttribute('data-ba-basemap', mode);
      waiting.forEach(function (fn) { fn(mode); });
      waiting = [];
      map.fire('babasemap', {mode: mode, reason: reason});
    }

    state.follow = function (other) {
      if (state.mode === 'pending') {
        waiting.push(function (mode) { draw(other, mode); });
      } else {
        draw(other, state.mode);
      }
    };
    map.baBasemap = state;

    if (root.navigator && root.navigator.onLine === false) {
      settle('vector', 'offline');  // reasons name their label: offline, unavailable
      return state;
    }
    tiles = L.tileLayer(options.tiles.url, options.tiles.options);
    tiles.on('tileload', function () { settle('tiles', ''); });
    tiles.on('tileerror', function () { settle('vector', 'unavailable'); });
    timer = setTimeout(function () { settle('vector', 'unavailable'); }, options.timeoutMs);
    say(options.labels.pending);
    tiles.addTo(map);
    return state;
  };
}(window));
