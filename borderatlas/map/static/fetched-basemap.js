/* Border Atlas: draw the bundled vector basemap, fetched once from a static URL.
 *
 * The basemap is a content-named GeoJSON file the browser caches; it is never part of a
 * Streamlit rerun's payload. (A standalone map file passes the GeoJSON itself instead of a URL.) It is drawn in its own pane (z-index 350) under the data layers
 * and the selection halo, so it stays underneath although it arrives after them. Features with
 * `minZoom`/`maxZoom` (the named border rivers at three levels of detail) are shown only in that
 * zoom range, and those with a `label` get a permanent label in the `baLabels` pane. The close-up
 * levels may come in a second file the document names (`detail: {href, minZoom}`, relative to
 * its URL; borderatlas.views.features.split_basemap), fetched the first time the map is zoomed
 * in that far, so a first visit fetches the overview only.
 * Leaflet API only (createPane, L.geoJSON, tooltips): no private internals.
 */
/* global L */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  function inRange(props, zoom) {
    return (props.minZoom === undefined || props.minZoom === null || zoom >= props.minZoom) &&
      (props.maxZoom === undefined || props.maxZoom === null || zoom <= props.maxZoom);
  }

  function label(feature, layer) {
    if (feature.properties.label) {
      layer.bindTooltip(feature.properties.label, {
        permanent: true, direction: 'center', className: 'ba-label', pane: 'baLabels'
      });
    }
  }

  ns.fetchedBasemap = function (map, source) {
    map.createPane('baBasemap').style.zIndex = 350;
    map.createPane('baLabels').style.zIndex = 640;
    map.getPane('baLabels').style.pointerEvents = 'none';
    var loaded = typeof source === 'string'
      ? fetch(source).then(function (response) { return response.json(); })
      : Promise.resolve(source);
    return loaded
      .then(function (doc) {
        var fixed = doc.features.filter(function (f) { return f.properties.minZoom === undefined; });
        var zoomed = doc.features.filter(function (f) { return f.properties.minZoom !== undefined; });
        var options = {
          interactive: false,
          pane: 'baBasemap',
          style: function (feature) { return feature.properties.style; }
        };
        var detail;
        var more = doc.detail;  // {href, minZoom}: close-up features, fetched when first needed
        function redraw() {
          var zoom = map.getZoom();
          if (more && zoom >= more.minZoom) {
            var href = new URL(more.href, new URL(source, root.location.href)).href;
            more = null;
            fetch(href)
              .then(function (response) { return response.json(); })
              .then(function (extra) {
                zoomed = zoomed.concat(extra.features);
                redraw();
              });
          }
          detail.clearLayers();
          detail.addData(zoomed.filter(function (f) { return inRange(f.properties, zoom); }));
        }
        L.geoJSON({type: 'FeatureCollection', features: fixed}, options).addTo(map);
        detail = L.geoJSON(null, L.extend({onEachFeature: label}, options)).addTo(map);  // above land
        map.on('zoomend', redraw);
        redraw();
      });
  };
}(window));
