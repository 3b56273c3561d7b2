"""Basemap "auto" in the browser: tiles when they load, else the bundled vector basemap."""

from __future__ import annotations

import base64

import pytest
from test_browser import MAP, TILE_HOST, TIMEOUT, left_the_machine, open_page

pytestmark = pytest.mark.e2e
# a 1×1 PNG: what a tile server that answers would send
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
VECTOR = ".leaflet-baBasemap-pane path"
NOTE = ".leaflet-bottom.leaflet-left .ba-basemap-note"


def test_auto_falls_back_to_the_vector_basemap_when_tiles_fail(page, app_url, shots):
    tiles: list[str] = []
    page.on("request", lambda r: TILE_HOST in r.url and tiles.append(r.url))
    frame, _ = open_page(page, app_url, "/timeline")  # offline here: every tile fails
    frame.locator(VECTOR).first.wait_for(state="attached", timeout=TIMEOUT)
    container = frame.locator(".leaflet-container").first
    assert container.get_attribute("data-ba-basemap") == "vector"
    assert tiles, "auto tries the tiles first"
    assert frame.locator(".leaflet-tile-pane .leaflet-layer").count() == 0  # tile layer removed
    note = frame.locator(NOTE).first.inner_text()
    assert note == "Basemap: bundled vector (tiles unavailable)"
    attribution = frame.locator(".leaflet-control-attribution").inner_text()
    assert "OpenStreetMap contributors, ODbL" in attribution  # the data's, always
    page.screenshot(path=str(shots / "auto_vector.png"))


@pytest.mark.parametrize("path", ["/timeline", "/compare?view=side"])
def test_auto_keeps_the_tiles_when_they_load(page, app_url, shots, path):
    page.route(f"https://{TILE_HOST}/**",
               lambda route: route.fulfill(status=200, content_type="image/png", body=PNG))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    frame, _ = open_page(page, app_url, path)
    frame.locator(".leaflet-tile-pane img.leaflet-tile-loaded").first.wait_for(
        state="attached", timeout=TIMEOUT)
    assert frame.locator(".leaflet-container").first.get_attribute("data-ba-basemap") == "tiles"
    page.wait_for_timeout(1000)
    assert not [u for u in requests if "/basemap-" in u and u.endswith(".geojson")], "the vector basemap is not fetched"
    assert frame.locator(VECTOR).count() == 0
    assert frame.locator(NOTE).first.inner_text() == "Basemap: OpenStreetMap tiles"
    assert "OpenStreetMap contributors" in frame.locator(
        ".leaflet-control-attribution a[href='https://www.openstreetmap.org/copyright']").first \
        .locator("xpath=..").inner_text()
    if "side" in path:  # the second map shows the same choice
        frame.locator(".ba-side-map img.leaflet-tile-loaded").first.wait_for(
            state="attached", timeout=TIMEOUT)
    assert left_the_machine(requests, app_url) == []
    page.screenshot(path=str(shots / f"auto_tiles{path.replace('/', '_').replace('?', '_')}.png"))


def test_an_old_vector_link_still_draws_the_vector_basemap_without_tiles(page, app_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    frame, _ = open_page(page, app_url, "/border_map?basemap=vector")
    frame.locator(VECTOR).first.wait_for(state="attached", timeout=TIMEOUT)
    assert not [u for u in requests if TILE_HOST in u]
    assert page.locator(MAP).count() == 1


def test_the_basemap_note_speaks_the_readers_language(page, app_url):
    frame, _ = open_page(page, app_url, "/timeline?lang=ru")  # offline here: every tile fails
    frame.locator(VECTOR).first.wait_for(state="attached", timeout=TIMEOUT)
    assert frame.locator(NOTE).first.inner_text() == "Подложка: встроенная векторная (тайлы недоступны)"
