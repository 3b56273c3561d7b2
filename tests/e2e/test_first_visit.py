"""A first visit in a real browser: one script request, layers fetched by URL, one script run."""

from __future__ import annotations

import re

import pytest
from test_browser import TIMEOUT, open_page

from benchmarks.bench import _msg_type

pytestmark = pytest.mark.e2e
VENDOR = "/app/static/vendor/"


def _reruns(page) -> list[int]:
    """Collect, as they are sent, the script reruns the page asks the server for."""
    asked: list[int] = []

    def sent(payload: bytes | str) -> None:
        if isinstance(payload, bytes) and _msg_type(payload, incoming=False) == "rerun_script":
            asked.append(len(payload))

    page.on("websocket", lambda ws: ws.on("framesent", sent))
    return asked


def test_a_first_visit_loads_one_script_fetches_the_layers_and_runs_the_page_once(page, app_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    asked = _reruns(page)
    frame, _ = open_page(page, app_url, "/border_map")
    page.wait_for_timeout(800)  # streamlit-folium's own report would come 250 ms after drawing
    ours = [u.split(VENDOR, 1)[1] for u in requests if VENDOR in u]
    scripts = [u for u in ours if u.endswith(".js")]
    assert len(scripts) == 1 and re.fullmatch(r"borderatlas/bundle-[0-9a-f]{12}\.js", scripts[0]), ours
    layers = [u for u in ours if u.startswith("layers/")]
    assert len(layers) >= 3, ours  # sections, areas, places: by URL, not in the page's payload
    assert frame.locator("path.ba-section").count() > 0
    assert not [u for u in ours if "basemap-detail" in u], "the close-up basemap came uninvited"
    assert len(asked) == 1, asked  # the page's own run; the untouched map reported nothing


def test_the_close_up_basemap_is_fetched_when_the_reader_zooms_in_over_it(page, app_url):
    frame, _ = open_page(page, app_url, "/border_map")
    detail: list[str] = []
    page.on("request", lambda r: "/basemap-detail-" in r.url and detail.append(r.url))
    frame.locator("body").evaluate("() => window.map.setView([38.5, 74.8], 9)")  # the Pamir
    page.wait_for_timeout(1000)
    assert detail == [], "a close view far from the Amur fetched the Amur's detail"
    with page.expect_request(lambda r: "/basemap-detail-" in r.url, timeout=TIMEOUT):
        frame.locator("body").evaluate("() => window.map.setView([48.35, 134.9], 9)")
    # the fixture's Amur close-up (min_zoom 8) is drawn, with its label
    frame.locator(".leaflet-baBasemap-pane path").first.wait_for(timeout=TIMEOUT)
    frame.locator(".leaflet-baLabels-pane .ba-label", has_text="Amur").first.wait_for(timeout=TIMEOUT)


def test_a_layer_file_that_fails_is_named_on_the_map(page, app_url):
    page.route(re.compile(r".*/app/static/vendor/layers/.*"), lambda route: route.fulfill(
        status=404, body="gone"))
    page.goto(app_url + "/border_map")
    note = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(
        ".ba-layer-error").first
    note.wait_for(timeout=TIMEOUT)
    text = note.inner_text()
    assert "This layer could not be loaded" in text and "404" in text and "layers/" in text
