"""The map's browser behaviours: each links its own local file and passes its options as JSON."""

from __future__ import annotations

import json
import re

import folium

from borderatlas.map import assets, elements


def _script_options(html: str, function: str) -> dict:
    found = re.search(rf"BorderAtlas\.{function}\([^,]+, (\{{.*?\}})\);", html, re.S)
    assert found, f"{function} is not called"
    return json.loads(found.group(1))


def test_the_history_panel_links_its_local_script_and_style_and_passes_its_options():
    m = folium.Map(tiles=None)
    elements.HistoryPanel("/app/static/vendor/panels-ru-abc", "ru", ["b", "a"], "[[ba:cleared]]",
                          close_label="Закрыть </script>").add_to(m)
    html = m.get_root().render()
    assert '/app/static/vendor/borderatlas/history-panel.js' in html
    assert '/app/static/vendor/borderatlas/history-panel.css' in html
    options = _script_options(html, "historyPanel")
    assert options["prefix"] == "/app/static/vendor/panels-ru-abc" and options["lang"] == "ru"
    assert options["keys"] == ["a", "b"]  # compared with the component's, sorted in the browser
    assert options["clearMarker"] == "[[ba:cleared]]"
    assert options["closeLabel"] == "Закрыть </script>"  # data, not markup
    assert "</script>\"" not in html


def test_the_history_panel_files_are_installed_with_the_other_scripts():
    served = {item.relative for item in assets.vendor_files()}
    assert {"borderatlas/history-panel.js", "borderatlas/history-panel.css"} <= served
