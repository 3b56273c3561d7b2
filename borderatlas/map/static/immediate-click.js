/* Border Atlas: report a click on a feature to Streamlit at once, not after st_folium's 250 ms wait.
 *
 * streamlit-folium reports map events through one debounced function (right for panning, a
 * quarter of a second of dead time for a click). Just after its own click handler has recorded
 * the click, this sends the value it would send and records it as sent, so the delayed report
 * finds nothing new.
 *
 * Through BorderAtlas.reportValue (selection.js), which holds the PRIVATE INTERNALS of
 * streamlit-folium 0.27 (checked by tests/e2e): `window.__GLOBAL_DATA__`
 * with `returned_objects`, `last_object_clicked_count`, `last_object_clicked_tooltip` and
 * `previous_data`, and `window.Streamlit.setComponentValue`. It acts only when
 * `returned_objects` is exactly `keys`; with another streamlit-folium nothing happens and clicks
 * are simply reported 250 ms later. It also keeps the map's untouched first value from being
 * reported (a rerun for nothing on every page load).
 */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  ns.immediateClick = function (map, keys) {
    function report() {
      var data = ns.componentData(keys);
      if (data) {
        ns.reportValue(keys, {
          last_object_clicked_count: data.last_object_clicked_count,
          last_object_clicked_tooltip: data.last_object_clicked_tooltip
        });
      }
    }

    // streamlit-folium reports the map's first value once it is drawn: a click count of 0 where
    // Python's default is None, which reruns the whole page script for nothing on every visit.
    // Record that value as already sent; the first real click is then the first report.
    var first = ns.componentData(keys);
    if (first && !first.last_object_clicked_count && !first.last_object_clicked_tooltip) {
      first.previous_data = {last_object_clicked_count: first.last_object_clicked_count,
                             last_object_clicked_tooltip: first.last_object_clicked_tooltip};
    }

    map.on('layeradd', function (e) {
      if (e.layer.feature && !e.layer.baNow) {
        e.layer.baNow = true;
        e.layer.on('click', function () { root.setTimeout(report, 0); });
      }
    });
  };
}(window));
