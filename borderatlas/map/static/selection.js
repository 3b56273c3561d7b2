/* Border Atlas: what the selection behaviours share (halo, history panel, immediate click).
 *
 * - `featureKey(layer, kinds)`: 'type:id' of a clicked feature, from `properties.ftype`/`id`,
 *   or `properties.select` when it stands for another feature (Compare's lines: a section).
 * - `wantedFeature()`: the page URL's `feature` value (the map runs in a same-origin iframe,
 *   as Streamlit components do), or null.
 * - `reportValue(keys, value)`: send the map component's value to Streamlit at once and record
 *   it as sent. PRIVATE INTERNALS of streamlit-folium 0.27 (checked by tests/e2e):
 *   `window.__GLOBAL_DATA__` (`returned_objects`, `previous_data`) and
 *   `window.Streamlit.setComponentValue`; it acts only when `returned_objects` is exactly
 *   `keys`, and returns whether it did.
 */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  ns.featureKey = function (layer, kinds) {
    var props = layer.feature && layer.feature.properties;
    if (props && props.select) {
      return props.select;
    }
    return props && kinds.indexOf(props.ftype) >= 0 ? props.ftype + ':' + props.id : null;
  };

  ns.wantedFeature = function () {
    try {
      return new URLSearchParams(root.parent.location.search).get('feature');
    } catch (err) {
      return null;
    }
  };

  ns.componentData = function (keys) {
    var data = root.__GLOBAL_DATA__;
    var streamlit = root.Streamlit;
    if (!data || !streamlit || !streamlit.setComponentValue || !Array.isArray(data.returned_objects) ||
        JSON.stringify(data.returned_objects.slice().sort()) !== JSON.stringify(keys)) {
      return null;
    }
    return data;
  };

  ns.reportValue = function (keys, value) {
    var data = ns.componentData(keys);
    if (!data || JSON.stringify(data.previous_data) === JSON.stringify(value)) {
      return false;
    }
    data.previous_data = value;
    root.Streamlit.setComponentValue(value);
    return true;
  };
}(window));
