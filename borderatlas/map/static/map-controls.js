/* Border Atlas: small map controls written here because no installable package ships them
 * (folium's Fullscreen, MousePosition and MeasureControl load their plugins from CDNs):
 * a fullscreen toggle, the pointer's coordinates, a distance measure and the legend.
 *
 * Relies on: Leaflet 1.9 API; for fullscreen, a same-origin component iframe
 * (`window.frameElement`), which is enlarged to the whole browser window.
 */
/* global L */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  // A plain box on the map at `position` (a Leaflet control), styled by `cssText`: the
  // element, for the caller to fill. Every note, label and readout on our maps is one.
  ns.box = function (map, position, className, cssText) {
    var el = L.DomUtil.create('div', className);
    var control = L.control({position: position});
    el.style.cssText = cssText;
    control.onAdd = function () { return el; };
    control.addTo(map);
    return el;
  };

  function button(map, position, text, title, onClick) {
    var control = L.control({position: position});
    control.onAdd = function () {
      var bar = L.DomUtil.create('div', 'leaflet-bar');
      var a = L.DomUtil.create('a', 'ba-control', bar);
      a.href = '#';
      a.role = 'button';
      a.title = title;
      a.setAttribute('aria-label', title);
      if (text.charAt(0) === '<') {
        a.innerHTML = text;  // a constant SVG icon of ours (no icon font to fall back on)
      } else {
        a.textContent = text;
      }
      a.style.fontSize = '16px';
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(a, 'click', function (e) {
        L.DomEvent.preventDefault(e);
        onClick(a);
      });
      return bar;
    };
    return control.addTo(map);
  }

  var EXPAND = '<svg width="14" height="14" viewBox="0 0 14 14" style="vertical-align:middle" ' +
    'aria-hidden="true"><path d="M1 5V1h4M9 1h4v4M13 9v4H9M5 13H1V9" fill="none" stroke="#333" ' +
    'stroke-width="2"/></svg>';
  var SHRINK = '<svg width="14" height="14" viewBox="0 0 14 14" style="vertical-align:middle" ' +
    'aria-hidden="true"><path d="M5 1v4H1M13 5H9V1M9 13V9h4M1 9h4v4" fill="none" stroke="#333" ' +
    'stroke-width="2"/></svg>';

  ns.fullscreen = function (map, options) {
    var labels = options || {};
    var frame = root.frameElement;
    var saved = null;
    function toggle(a) {
      var target = frame || map.getContainer();
      if (saved === null) {
        saved = target.getAttribute('style') || '';
        target.style.cssText = saved + ';position:fixed;left:0;top:0;width:100vw;height:100vh;' +
          'z-index:1000000;background:#fff';
        if (frame) {
          map.getContainer().style.height = '100vh';
        }
        a.innerHTML = SHRINK;
        a.classList.add('ba-fullscreen-on');
      } else {
        target.setAttribute('style', saved);
        if (frame) {
          map.getContainer().style.height = '';
        }
        saved = null;
        a.innerHTML = EXPAND;
        a.classList.remove('ba-fullscreen-on');
      }
      setTimeout(function () { map.invalidateSize(); root.dispatchEvent(new Event('resize')); }, 50);
    }
    var control = button(map, 'topleft', EXPAND, labels.title || 'Full screen (toggle)', toggle);
    root.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && saved !== null) {
        toggle(control.getContainer().firstChild);
      }
    });
  };

  ns.mousePosition = function (map) {
    var el = ns.box(map, 'bottomleft', 'ba-mouse-position',
                    'background:rgba(255,255,255,.85);padding:0 5px;font:11px monospace');
    map.on('mousemove', function (e) {
      el.textContent = e.latlng.lat.toFixed(4) + '\u00B0, ' + e.latlng.lng.toFixed(4) + '\u00B0';
    });
    map.on('mouseout', function () { el.textContent = ''; });
  };

  ns.measure = function (map, options) {
    var labels = options || {};
    var points = [];
    var line = null;
    var active = false;
    var box = ns.box(map, 'topleft', 'ba-measure-readout',
                     'display:none;background:#fff;padding:2px 6px;border:1px solid #999;' +
                     'border-radius:3px;font:12px sans-serif');
    function total() {
      var km = 0;
      for (var i = 1; i < points.length; i += 1) {
        km += map.distance(points[i - 1], points[i]) / 1000;
      }
      return km;
    }
    function show() {
      box.style.display = active ? 'block' : 'none';
      var km = total().toLocaleString(labels.lang || undefined,
                                      {minimumFractionDigits: 1, maximumFractionDigits: 1});
      box.textContent = points.length < 2 ? (labels.prompt || 'Click points to measure') :
        (labels.distance || 'Distance: {km} km (great circle)').replace('{km}', km);
    }
    function onClick(e) {
      points.push(e.latlng);
      if (!line) {
        line = L.polyline(points, {color: '#000', weight: 2, dashArray: '4 4', interactive: false}).addTo(map);
      }
      line.setLatLngs(points);
      show();
    }
    button(map, 'topleft', '\u21A6', labels.title || 'Measure a distance (toggle)', function (a) {
      active = !active;
      a.classList.toggle('ba-measure-on', active);
      if (active) {
        map.on('click', onClick);
      } else {
        map.off('click', onClick);
        if (line) {
          map.removeLayer(line);
        }
        line = null;
        points = [];
      }
      show();
    });
  };

  ns.legend = function (map, options) {
    var el = ns.box(map, options.position || 'bottomright', 'ba-legend-control',
                    'background:rgba(255,255,255,.92);padding:4px 8px;border-radius:4px;' +
                    'box-shadow:0 1px 4px rgba(0,0,0,.3);font:12px sans-serif;max-width:260px');
    el.innerHTML = options.html;  // escaped by borderatlas.views.legend
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
  };
}(window));
