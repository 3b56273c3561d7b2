/* Border Atlas: draw the bundled vector basemap, fetched once from a static URL.
 *
 * The basemap is a content-named GeoJSON file the browser caches; it is never part of a
 * Streamlit rerun's payload. (A standalone map file passes the GeoJSON itself instead of a URL.) It is drawn in its own pane (z-index 350) under the data layers
 * and the selection halo, so it stays underneath although it arrives after them. Features with
 * `minZoom`/`maxZoom` (the named border rivers at three levels of detail) are shown only in that
 * zoom range, and those with a `label` get a permanent label in the `baLabels` pane. The close-up
 * levels come in files of their own the document names (`detail: [{href, bbox, minZoom}]`, href
 * relative to its URL; borderatlas.views.features.detail_parts), each fetched once the map is
 * zoomed in that far over its bounds, so a first visit fetches the overview only and a close
 * view of one river fetches that river's detail only.
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
        var base = typeof source === 'string' ? new URL(source, root.location.href) : null;
        var parts = (base && doc.detail) || [];  // close-up files, fetched when first needed
        function draw() {
          var zoom = map.getZoom();
          detail.clearLayers();
          detail.addData(zoomed.filter(function (f) { return inRange(f.properties, zoom); }));
        }
        function fetchNeeded() {
          var zoom = map.getZoom();
          var view = map.getBounds();
          parts.forEach(function (part) {
            var box = part.bbox;
            if (part.asked || zoom < part.minZoom ||
                !view.intersects(L.latLngBounds([box[1], box[0]], [box[3], box[2]]))) {
              return;
            }
            part.asked = true;
            fetch(new URL(part.href, base).href)
              .then(function (response) { return response.json(); })
              .then(function (extra) {
                zoomed = zoomed.concat(extra.features);
                draw();
              })
              .catch(function (error) {  // context only: the map works without it
                root.console.warn('Border Atlas: basemap detail ' + part.href + ': ' + error);
              });
          });
        }
        L.geoJSON({type: 'FeatureCollection', features: fixed}, options).addTo(map);
        detail = L.geoJSON(null, L.extend({onEachFeature: label}, options)).addTo(map);  // above land
        map.on('zoomend', draw);
        map.on('moveend', fetchNeeded);
        draw();
        fetchNeeded();
      });
  };
}(window));
