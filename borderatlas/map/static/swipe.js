/* Border Atlas: swipe between two dated lines on one map with a draggable divider.
 *
 * Each version is drawn in its own Leaflet pane (options.pane on its GeoJSON layers); the
 * divider clips the first pane to its left and the second to its right with CSS clip-path,
 * recomputed in layer-point coordinates whenever the map moves, zooms or resizes. Works for
 * vector layers (folium's SideBySideLayers only splits tile layers).
 *
 * Relies on: Leaflet 1.9 API only (createPane, containerPointToLayerPoint, DomEvent).
 */
/* global L */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  ns.swipe = function (map, options) {
    var left = map.createPane(options.paneA);
    var right = map.createPane(options.paneB);
    left.style.zIndex = 410;
    right.style.zIndex = 411;
    var ratio = typeof options.ratio === 'number' ? options.ratio : 0.5;

    var bar = L.DomUtil.create('div', 'ba-swipe', map.getContainer());
    bar.style.cssText = 'position:absolute;top:0;bottom:0;width:4px;margin-left:-2px;' +
      'background:#333;z-index:800;cursor:ew-resize;touch-action:none';
    var handle = L.DomUtil.create('div', 'ba-swipe-handle', bar);
    handle.style.cssText = 'position:absolute;top:50%;left:-15px;width:34px;height:34px;' +
      'margin-top:-17px;border-radius:17px;background:#fff;border:2px solid #333;' +
      'font:bold 14px sans-serif;line-height:30px;text-align:center;user-select:none';
    handle.textContent = '\u2194';
    handle.title = 'Drag to compare';
    function tag(text, side) {
      var el = L.DomUtil.create('div', 'ba-swipe-label', bar);
      el.style.cssText = 'position:absolute;top:8px;white-space:nowrap;background:rgba(255,255,255,.9);' +
        'padding:2px 6px;border:1px solid #999;border-radius:3px;font:12px sans-serif;' +
        (side === 'left' ? 'right:8px' : 'left:8px');
      el.textContent = text;
    }
    tag(options.labelA + ' \u25C0', 'left');
    tag('\u25B6 ' + options.labelB, 'right');
    L.DomEvent.disableClickPropagation(bar);
    L.DomEvent.disableScrollPropagation(bar);

    function clip() {
      var size = map.getSize();
      var x = Math.round(size.x * ratio);
      bar.style.left = x + 'px';
      var nw = map.containerPointToLayerPoint([0, 0]);
      var se = map.containerPointToLayerPoint(size);
      var cut = nw.x + x;
      left.style.clipPath = 'polygon(' + nw.x + 'px ' + nw.y + 'px,' + cut + 'px ' + nw.y + 'px,' +
        cut + 'px ' + se.y + 'px,' + nw.x + 'px ' + se.y + 'px)';
      right.style.clipPath = 'polygon(' + cut + 'px ' + nw.y + 'px,' + se.x + 'px ' + nw.y + 'px,' +
        se.x + 'px ' + se.y + 'px,' + cut + 'px ' + se.y + 'px)';
    }

    function move(e) {
      var rect = map.getContainer().getBoundingClientRect();
      ratio = Math.min(Math.max((e.clientX - rect.left) / rect.width, 0), 1);
      clip();
    }
    function stop() {
      document.removeEventListener('pointermove', move);
      document.removeEventListener('pointerup', stop);
      map.dragging.enable();
    }
    bar.addEventListener('pointerdown', function (e) {
      e.preventDefault();
      map.dragging.disable();
      document.addEventListener('pointermove', move);
      document.addEventListener('pointerup', stop);
    });

    map.on('move zoom zoomend resize viewreset layeradd', clip);
    clip();
    map.baSwipe = {
      setRatio: function (r) { ratio = r; clip(); },
      getRatio: function () { return ratio; }
    };
  };
}(window));
