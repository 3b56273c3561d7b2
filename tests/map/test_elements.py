"""The map's browser behaviours: each links its own local file and passes its options as JSON."""

from __future__ import annotations

import json
import re

import folium

from borderatlas.map import assets, elements, layers
from borderatlas.map.assets import external_urls
from borderatlas.style import OSM_TILES_URL


def _script_options(html: str, function: str) -> dict:
    found = re.search(rf"BorderAtlas\.{function}\([^,]+, (\{{.*?\}})\);", html, re.S)
    assert found, f"{function} is not called"
    return json.loads(found.group(1))


def test_the_history_panel_links_its_local_script_and_style_and_passes_its_options():
    m = folium.Map(tiles=None)
    elements.HistoryPanel("/app/static/vendor/panels-ru-abc", "ru", ["b", "a"], "[[ba:cleared]]",
                          close_label="Закрыть </script>").add_to(m)
    html = m.get_root().render()
    assert assets.bundle_url() in html  # history-panel.js rides in the bundle
    assert re.search(r"ns\.historyPanel\s*=\s*function", assets.bundle()[1])
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


def _html(*children: folium.Element) -> str:
    m = layers.base_map(None, "")
    for child in children:
        child.add_to(m)
    return m.get_root().render()


def test_every_behaviour_of_a_map_loads_in_one_script_request():
    html = _html(elements.AutoBasemap("/app/static/vendor/basemap-x.geojson"),
                 elements.SelectionHalo(), elements.HistoryPanel("/p", "en", ["a"], "x"),
                 elements.ImmediateClick(["a"]), elements.Fullscreen(), elements.Measure())
    assert re.findall(r'<script src="([^"]+)"', html) == [assets.bundle_url()]


def test_auto_basemap_calls_the_vector_fallback_and_names_the_tiles():
    html = _html(elements.AutoBasemap("/app/static/vendor/basemap-x.geojson", timeout_ms=2500))
    call = re.search(r"BorderAtlas\.autoBasemap\(map_\w+, (\{.*?\})\);", html)
    assert call is not None
    assert OSM_TILES_URL in call.group(1) and "basemap-x.geojson" in call.group(1)
    assert '"timeoutMs": 2500' in call.group(1)
    assert "openstreetmap.org/copyright" in call.group(1)  # the tiles' own attribution
    assert external_urls(html) == []  # the tile URL is an option, not a script or stylesheet
    assert '"prefix": "Basemap: "' in call.group(1) and '"offline": "offline"' in call.group(1)


def test_auto_basemap_says_its_note_in_the_labels_given():
    labels = {"prefix": "Подложка: ", "unavailable": "тайлы недоступны", "bogus": "x"}
    auto = elements.AutoBasemap("/b.geojson", labels=labels)
    assert auto.options["labels"]["prefix"] == "Подложка: "
    assert auto.options["labels"]["unavailable"] == "тайлы недоступны"
    assert auto.options["labels"]["tiles"] == "OpenStreetMap tiles"  # the rest in English
    assert "bogus" not in auto.options["labels"]


def test_fetched_basemap_takes_a_document_instead_of_a_url():
    doc = {"type": "FeatureCollection", "features": []}
    html = _html(elements.FetchedBasemap(doc))
    assert re.search(r'BorderAtlas\.fetchedBasemap\(map_\w+, \{"features": \[\], "type": "FeatureCollection"\}\)', html)


def test_control_words_come_translated_from_python():
    m = folium.Map(tiles=None)
    elements.Fullscreen(title="全屏（切换）").add_to(m)
    elements.Measure(title="Измерить", prompt="Щёлкайте", distance="Расстояние: {km} км",
                     lang="ru").add_to(m)
    html = m.get_root().render()
    assert _script_options(html, "fullscreen") == {"title": "全屏（切换）"}
    assert _script_options(html, "measure") == {"title": "Измерить", "prompt": "Щёлкайте",
                                                "distance": "Расстояние: {km} км", "lang": "ru"}
