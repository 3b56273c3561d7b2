/* Border Atlas: two maps side by side that move together (date A left, date B right).
 *
 * The map st_folium draws shrinks to the left half; a second Leaflet map fills the right half.
 * Layers drawn in the `pane` named in the options (date B's line) are hidden in the first map
 * and drawn again in the second, added and removed with the originals; each map follows the
 * other's centre and zoom (in the manner of Leaflet.Sync, in a few lines). The copies show the
 * originals' tooltips and hand their clicks to the originals.
 *
 * The second map gets the first one's basemap: the same "auto" choice (`map.baBasemap`, see
 * basemap-auto.js) or the vector basemap at `basemapUrl`.
 * Relies on: Leaflet 1.9 API only; BorderAtlas.box (map-controls.js) for the date labels; the `badata` event of layer-data.js (features that arrive after
 * their layer); BorderAtlas.fetchedBasemap when a basemap URL is given, and
 * BorderAtlas.focusWithoutScroll (every map has it) for the right-hand map's clicks.
 */
/* global L */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  ns.sideBySide = function (map, options) {
    var first = map.getContainer();
    var hidden = map.createPane(options.pane);
    hidden.style.display = 'none';
    first.style.width = 'calc(50% - 2px)';
    var second = L.DomUtil.create('div', 'ba-side-map');
    first.parentNode.insertBefore(second, first.nextSibling);

    function place() {
      second.style.cssText = 'position:absolute;top:' + first.offsetTop + 'px;left:' +
        (first.offsetLeft + first.offsetWidth + 4) + 'px;width:' + first.offsetWidth + 'px;height:' +
        first.offsetHeight + 'px;background:#dfe8ef';
    }
    place();
    var other = L.map(second, {
      center: map.getCenter(), zoom: map.getZoom(), minZoom: map.getMinZoom(),
      maxZoom: map.getMaxZoom(), zoomControl: true, attributionControl: true
    });
    if (ns.focusWithoutScroll) {
      ns.focusWithoutScroll(other);  // or a click on the right map scrolls the page and is lost
    }
    other.createPane(options.pane).style.zIndex = 410;
    other.attributionControl.setPrefix(false);
    map.attributionControl.setPrefix(false);  // half a map: the data's credit must fit on one line
    if (options.attribution) {
      other.attributionControl.addAttribution(options.attribution);
    }
    if (map.baBasemap) {
      map.baBasemap.follow(other);
    } else if (options.basemapUrl && ns.fetchedBasemap) {
      ns.fetchedBasemap(other, options.basemapUrl);
    }
    L.control.scale().addTo(other);
    function tag(target, text) {
      ns.box(target, 'topright', 'ba-side-label', 'background:rgba(255,255,255,.9);' +
             'padding:2px 6px;border:1px solid #999;border-radius:3px;font:12px sans-serif')
        .textContent = text;
    }
    tag(map, options.labelA);
    tag(other, options.labelB);

    // A copy in the right map shows the original's tooltip and passes its clicks on to the
    // original, so the halo, the history panel and Streamlit hear of them as of any click.
    function copyOf(layer) {
      var originals = [];
      var i = 0;
      layer.eachLayer(function (sub) { originals.push(sub); });
      return L.geoJSON(layer.toGeoJSON(), {
        pane: options.pane,
        style: layer.options.style,
        onEachFeature: function (feature, copy) {
          var original = originals[i++];
          if (!original) {
            return;
          }
          copy.bindTooltip(function () {
            var tip = layer.getTooltip() || (original.getTooltip && original.getTooltip());
            var content = tip && tip.getContent();
            return typeof content === 'function' ? content(original) : (content || '');
          }, {sticky: true});
          copy.on('click', function (e) {
            original.fire('click', {latlng: e.latlng, originalEvent: e.originalEvent}, true);
          });
        }
      });
    }

    var copies = {};
    function copy(e) {  // a layer in the pane was added, or its fetched features arrived
      var layer = e.layer;
      if (!(layer instanceof L.GeoJSON) || layer.options.pane !== options.pane ||
          !map.hasLayer(layer)) {
        return;
      }
      var id = L.stamp(layer);
      if (copies[id]) {
        other.removeLayer(copies[id]);
      }
      copies[id] = copyOf(layer).addTo(other);
    }
    map.on('layeradd', copy);
    map.on('badata', copy);  // layer-data.js: features fetched after the layer was added
    map.on('layerremove', function (e) {
      var id = L.stamp(e.layer);
      if (copies[id]) {
        other.removeLayer(copies[id]);
        delete copies[id];
      }
    });

    var busy = false;
    function follow(from, to) {
      return function () {
        if (busy) {
          return;
        }
        busy = true;
        to.setView(from.getCenter(), from.getZoom(), {animate: false});
        busy = false;
      };
    }
    map.on('move zoomend', follow(map, other));
    other.on('move zoomend', follow(other, map));
    root.addEventListener('resize', function () {
      place();
      other.invalidateSize();
    });
    setTimeout(function () {
      map.invalidateSize();
      place();
      other.invalidateSize();
      follow(map, other)();
    }, 0);
    map.baOther = other;
    root.baSideMap = other;
  };
}(window));
