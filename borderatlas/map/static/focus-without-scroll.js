/* Border Atlas: let Leaflet take keyboard focus on a click without scrolling the page.
 *
 * Leaflet focuses the map on mousedown and restores the scroll of its own window only; inside
 * Streamlit's iframe the focus scrolls the *parent* page when the map is partly off-screen, so
 * the mouseup lands elsewhere and the click on a line is lost.
 *
 * PRIVATE INTERNAL of Leaflet 1.9: the keyboard handler's `_onMouseDown`, `_focused` and
 * `_map._container`, replaced here with the same logic plus `{preventScroll: true}`.
 */
(function (root) {
  'use strict';
  var ns = root.BorderAtlas = root.BorderAtlas || {};

  ns.focusWithoutScroll = function (map) {
    var keyboard = map.keyboard;
    var enabled;
    if (!keyboard) {
      return;
    }
    enabled = keyboard.enabled();
    keyboard.disable();
    keyboard._onMouseDown = function () {
      if (!this._focused) {
        this._map._container.focus({preventScroll: true});
      }
    };
    if (enabled) {
      keyboard.enable();
    }
  };
}(window));
