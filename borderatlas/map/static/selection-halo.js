/* Border Atlas: halo the selected feature in the browser, so selecting one re-sends no layers.
 *
 * A click draws the halo at once; after that it follows the page URL's `feature` value (set by
 * the server for a click, a search, a deep link or "Clear selection"). It lives in its own pane
 * between the basemap and the data, outside the layers st_folium replaces, and is redrawn when
 * the selected feature's layer is drawn again (a year or layer change).
 *
 * Relies on: features carry `properties.ftype` and `properties.id` (borderatlas.views.features),
 * or `properties.select` ('section:<id>') when they stand for another feature;
 * the map runs in a same-origin iframe so `window.parent.location` can be read (Streamlit
 * components do); otherwise only clicks draw the halo.
 */
/* global L */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  ns.selectionHalo = function (map, options) {
    var style = options.style;
    var kinds = options.kinds;
    var pane = map.createPane('baSelection');
    var halo = null;
    var source = null;
    var seen;
    pane.style.zIndex = 390;
    pane.style.pointerEvents = 'none';

    function key(layer) {
      return ns.featureKey(layer, kinds);
    }

    function show(layer) {
      if (halo) {
        map.removeLayer(halo);
        halo = null;
      }
      source = layer;
      if (!layer) {
        return;
      }
      halo = L.geoJSON(layer.feature, {
        pane: 'baSelection',
        interactive: false,
        style: function () { return style; },
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, L.extend({radius: 14, fill: false, pane: 'baSelection'}, style));
        }
      }).addTo(map);
    }

    map.on('layeradd', function (e) {
      if (key(e.layer) && !e.layer.baHalo) {
        e.layer.baHalo = true;
        e.layer.on('click', function () { show(e.layer); });
      }
    });
    map.on('baselect', function (e) {  // the history panel was closed
      if (!e.key) {
        show(null);
      }
    });
    map.on('layerremove', function (e) {
      if (e.layer === source) {
        show(null);
        seen = undefined;
      }
    });
    root.setInterval(function () {
      var want = ns.wantedFeature();
      var hit = null;
      if (want === seen) {
        return;
      }
      if (!want) {
        show(null);
        seen = want;
        return;
      }
      map.eachLayer(function (layer) {
        if (key(layer) === want) {
          hit = layer;
        }
      });
      if (hit) {
        show(hit);
        seen = want;
      }
    }, options.pollMs);
  };
}(window));
