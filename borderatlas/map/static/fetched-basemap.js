/* Border Atlas: draw the bundled vector basemap, fetched once from a static URL.
 *
 * The basemap is a content-named GeoJSON file the browser caches; it is never part of a
 * Streamlit rerun's payload. It is drawn in its own pane (z-index 350) under the data layers
 * and the selection halo, so it stays underneath although it arrives after them.
 * Leaflet API only (createPane, L.geoJSON): no private internals.
 */
/* global L */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  ns.fetchedBasemap = function (map, url) {
    map.createPane('baBasemap').style.zIndex = 350;
    return fetch(url)
      .then(function (response) { return response.json(); })
      .then(function (doc) {
        L.geoJSON(doc, {
          interactive: false,
          pane: 'baBasemap',
          style: function (feature) { return feature.properties.style; }
        }).addTo(map);
      });
  };
}(window));
