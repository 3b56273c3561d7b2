/* Border Atlas: a map layer whose GeoJSON the browser fetches from a static file (or is given).
 *
 * The server writes each layer's features once as a content-named file
 * (borderatlas.ui.cache.layer_url), so a page load or a rerun carries a URL instead of the
 * geometry, the browser caches the file and the server gzips it. A standalone map passes the
 * document itself. Each feature brings its own style (`properties.style`, with the
 * `ba-<type> ba-id-<id>` class) and its escaped tooltip HTML (`properties.tip`, escaped by
 * borderatlas.views.features); the tooltip is returned as an element, as streamlit-folium reads
 * a clicked feature's tooltip text from it.
 *
 * Fires `badata` on the map ({layer}) once the features are drawn (side-by-side.js copies them
 * then). A file that cannot be loaded is named in a note on the map (BorderAtlas.box,
 * map-controls.js), never dropped silently.
 */
/* global L */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  function styleOf(feature) {
    return (feature.properties && feature.properties.style) || {};
  }

  function problem(map, text) {
    var el = ns.box(map, 'topleft', 'ba-layer-error', 'background:#fff3cd;' +
                    'border:1px solid #b58900;padding:3px 6px;font:12px sans-serif;max-width:22em');
    el.setAttribute('role', 'alert');
    el.textContent = text;
  }

  ns.layerData = function (map, group, source, options) {
    var layer = L.geoJSON(null, {
      pane: options.pane || 'overlayPane',
      interactive: options.interactive,
      style: styleOf,
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, L.extend({pane: options.pane || 'overlayPane'},
                                               options.circle, styleOf(feature)));
      },
      onEachFeature: function (feature, sub) {
        if (!options.interactive) {
          return;
        }
        if (options.highlight) {
          sub.on('mouseover', function () { sub.setStyle(options.highlight); });
          sub.on('mouseout', function () { layer.resetStyle(sub); });
        }
      }
    });
    if (options.interactive) {
      layer.bindTooltip(function (sub) {
        var div = L.DomUtil.create('div');
        div.innerHTML = (sub.feature && sub.feature.properties.tip) || '';  // escaped in Python
        return div;
      }, {sticky: true, className: 'foliumtooltip'});
    }
    layer.addTo(group);

    function draw(doc) {
      layer.addData(doc);
      map.fire('badata', {layer: layer});
    }

    if (typeof source === 'string') {
      fetch(source)
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status + ' ' + response.statusText);
          }
          return response.json();
        })
        .then(draw)
        .catch(function (err) {
          problem(map, options.errorLabel + ': ' + options.name + ' (' + source + ': ' +
                  err.message + ')');
        });
    } else {
      draw(source);
    }
    return layer;
  };
}(window));
