"""Hostile text: every text field of the data carries HTML/JS payloads; none may run, all show as text.

The synthetic atlas is copied with a payload appended to every free-text field (names in all
languages, titles, summaries, narratives, accounts, readings, bibliography, gazetteer…), ids
kept valid. The app is started on it and every page is clicked through in Chromium; no frame
(the page, st_folium's map iframe, component iframes) may ever get ``window.__pwned``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import atlas_fixture as fx
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from borderatlas.data.loader import load_atlas
from tools.browser import DRAWN, MAP
from tools.devserver import run_app

pytestmark = pytest.mark.e2e
IMG = "<img src=x onerror=window.__pwned=1>"
SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD = f'{IMG} {SCRIPT} "><svg onload=window.__pwned=1> </script><b onmouseover=window.__pwned=1>'
TEXT_KEYS = frozenset({
    "name_en", "name_ru", "name_zh", "name_zh_pinyin", "name_ru_latn", "alt_names",
    "label_en", "label_ru", "label_zh", "description_en", "title_en", "summary_en", "outcome",
    "agreement", "old_status", "old_source_note", "narrative_en", "text", "topic", "basis",
    "method", "geometry_method", "area_note", "published_area_note", "title",
    "container-title", "family", "given",
})
TIMEOUT = 30_000


def poison(obj: Any, key: str | None = None) -> Any:
    """Append the payload to every free-text value; ids, codes, dates and enums stay valid."""
    if isinstance(obj, dict):
        return {k: poison(v, k) for k, v in obj.items()}
    if isinstance(obj, list):
        return [poison(v, key) for v in obj]
    if isinstance(obj, str) and key in TEXT_KEYS:
        return f"{obj} {PAYLOAD}"
    return obj


def write_hostile(root: Path) -> Path:
    """The fixture atlas with payloads in every text field, as ``root/geodata``."""
    return fx.write_geodata(root, transform=poison)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app running on the poisoned atlas (its own server, loopback only)."""
    root = tmp_path_factory.mktemp("hostile")
    gd = write_hostile(root)
    clean = {str(p) for p in load_atlas(fx.write_geodata(root / "clean")).problems}
    extra = [str(p) for p in load_atlas(gd).problems if str(p) not in clean]
    assert extra == [], "payloads must not make the data invalid: " + "; ".join(extra[:5])
    with run_app(gd, root / "server.log") as server:
        yield server.url


@pytest.fixture
def hostile_page(browser: Any, hostile_url: str) -> Iterator[Any]:
    """A page that records dialogs (alert = a payload ran) and is checked for __pwned after."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def assert_clean(page: Any) -> None:
    """No frame has run a payload: ``window.__pwned`` unset everywhere, no dialogs."""
    hit = []
    for frame in page.frames:
        try:
            if frame.evaluate("() => window.__pwned === 1"):
                hit.append(frame.url or frame.name)
        except Exception as exc:  # a frame that navigated away mid-check is not a failure
            if "detached" not in str(exc).lower():
                raise
    assert hit == [], f"payload ran in {hit}"
    assert page.dialogs == []


def wait_map(page: Any) -> Any:
    """Wait until the page's map has drawn vector paths; return its frame."""
    frame = page.frame_locator(MAP).first
    frame.locator(DRAWN).first.wait_for(timeout=TIMEOUT)
    return frame


def hover_all(page: Any, frame: Any, selector: str) -> int:
    """Open the tooltip of every matching path (tooltips are built with innerHTML)."""
    paths = frame.locator(selector)
    n = paths.count()
    for i in range(n):
        paths.nth(i).dispatch_event("mouseover")
        paths.nth(i).dispatch_event("mousemove")
    return n


def shown_literally(page: Any) -> str:
    """The visible text of the page (payloads must appear here as text)."""
    return page.locator("section.main, [data-testid='stMain']").first.inner_text()


def test_no_payload_runs_anywhere_and_payloads_show_as_text(hostile_page, hostile_url):
    page = hostile_page
    # Home: the boundary map with tooltips
    page.goto(hostile_url + "/")
    frame = wait_map(page)
    assert hover_all(page, frame, "path.ba-section") > 0
    frame.locator(".leaflet-tooltip").first.wait_for(timeout=TIMEOUT)
    assert IMG in frame.locator(".leaflet-tooltip").first.inner_text()
    assert_clean(page)

    # Border map: every layer on, a feature selected (panel), tooltips, search buttons
    tokens = "pair:CHN-RUS-E,pair:CHN-KAZ,version:1991,version:2001,claims,areas,places"
    page.goto(f"{hostile_url}/border_map?feature=section:rus-e-ussuri&layers={tokens}")
    frame = wait_map(page)
    panel = frame.locator('aside.ba-history div.ba-panel[data-feature="section:rus-e-ussuri"]')
    panel.wait_for(timeout=TIMEOUT)
    text = panel.inner_text()
    assert IMG in text and SCRIPT in text  # names, narrative, events, accounts, sources
    for kind in ("ba-section", "ba-area", "ba-place", "ba-zone_line", "ba-version"):
        frame.locator(f"path.{kind}").first.wait_for(state="attached", timeout=TIMEOUT)
        hover_all(page, frame, f"path.{kind}")
    assert_clean(page)
    page.get_by_label("Search any name").fill("Ussuri")
    page.get_by_label("Search any name").press("Enter")
    page.get_by_role("button", name="section: Ussuri").first.wait_for(timeout=TIMEOUT)
    assert IMG in page.get_by_role("button", name="section: Ussuri").first.inner_text()
    # a user overlay whose file and feature names are hostile too
    page.get_by_text("Your overlay").click()
    body = json.dumps({"type": "Feature", "properties": {"name": PAYLOAD},
                       "geometry": {"type": "LineString",
                                    "coordinates": [[134.72, 48.37], [133.86, 46.5]]}})
    page.locator("input[type=file]").first.set_input_files(
        files=[{"name": f"{IMG}.geojson", "mimeType": "application/json",
                "buffer": body.encode()}])
    page.get_by_text("Median distance").wait_for(timeout=TIMEOUT)
    frame.locator("path.ba-overlay").first.wait_for(state="attached", timeout=TIMEOUT)
    hover_all(page, frame, "path.ba-overlay")
    assert_clean(page)

    # Compare: captions, the differences table (plain, then the grid), its sources
    page.goto(hostile_url + "/compare?compare=1991,present")
    frame = wait_map(page)
    page.locator("table.ba-table").first.wait_for(timeout=TIMEOUT)
    assert IMG in page.locator("table.ba-table").first.inner_text()
    assert_clean(page)
    page.get_by_text("Sortable table", exact=True).click()
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=TIMEOUT)
    page.get_by_text("Sources for these differences").click()
    page.locator("ul.ba-sources").first.wait_for(timeout=TIMEOUT)
    hover_all(page, frame, "path.ba-difference")
    hover_all(page, frame, "path.ba-version")
    assert IMG in shown_literally(page)
    assert_clean(page)

    # Timeline: the events strip (titles as text), the chart's hover labels, an event, holders
    page.goto(hostile_url + "/timeline?year=2010")
    wait_map(page)
    strip = page.locator("figure.ba-strip")
    strip.wait_for(timeout=TIMEOUT)
    # st.html's DOMPurify drops a hover title holding "</script"; the list shows it as text
    assert strip.locator(".ba-strip-row i").count() > 0
    page.get_by_text("All events, by date").click()  # the list: sent once opened
    page.locator(".ba-strip-list li").first.wait_for(timeout=TIMEOUT)
    assert IMG in page.locator(".ba-strip-list").inner_text()
    assert_clean(page)
    page.get_by_text("Interactive chart", exact=True).click()
    chart = page.locator(".js-plotly-plot").first
    chart.wait_for(timeout=TIMEOUT)
    chart.scroll_into_view_if_needed()  # the chart sits below the map
    for point in page.locator(".js-plotly-plot .scatterlayer .point").all():
        box = point.bounding_box()  # the drag layer covers the points: move the mouse there
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.locator(".js-plotly-plot .hoverlayer .hovertext").first.wait_for(timeout=TIMEOUT)
    page.mouse.move(0, 0)  # away from the chart, whose hover labels can cover the list
    page.locator('[data-testid="stPopover"] button').first.click()  # the list: once opened
    choose = page.locator('[data-testid="stSelectbox"]').last  # the event list under the chart
    choose.wait_for(timeout=TIMEOUT)
    for _attempt in range(3):  # a click during a rerun can land before the list is ready
        choose.scroll_into_view_if_needed()
        choose.click()
        try:
            page.get_by_role("option").nth(1).wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    page.get_by_role("option").nth(1).click()
    event = page.locator("div.ba-event").first
    event.wait_for(timeout=TIMEOUT)
    assert IMG in event.inner_text()
    page.get_by_text("Holders:").first.wait_for(timeout=TIMEOUT)  # rendered after the rerun
    assert "Holders:" in shown_literally(page)
    assert_clean(page)

    # Disputed areas: the table, an area chosen (panel with holders and accounts)
    page.goto(hostile_url + "/disputed_areas?feature=area:heixiazi-transfer")
    frame = wait_map(page)
    area = frame.locator('aside.ba-history div.ba-panel[data-feature="area:heixiazi-transfer"]')
    area.wait_for(timeout=TIMEOUT)
    assert IMG in area.inner_text()
    page.locator("table.ba-table").first.wait_for(timeout=TIMEOUT)
    assert IMG in page.locator("table.ba-table").first.inner_text()
    assert_clean(page)
    page.get_by_text("Sortable table", exact=True).click()
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=TIMEOUT)
    assert_clean(page)

    # Sources & data: provenance table, bibliography, data-problem notice
    page.goto(hostile_url + "/sources")
    page.locator("ul.ba-sources").first.wait_for(timeout=TIMEOUT)
    assert IMG in page.locator("ul.ba-sources").first.inner_text()
    notice = page.get_by_text("Data problems (")
    if notice.count():
        notice.first.click()
    assert_clean(page)

    # the detector itself works: a payload that does run in the map's iframe is caught
    page.goto(hostile_url + "/border_map")
    frame = wait_map(page)
    page.frame_locator(MAP).first.locator("body").evaluate(
        "b => b.insertAdjacentHTML('beforeend', '<img src=x onerror=window.__pwned=1>')")
    page.wait_for_timeout(200)  # let the broken image fire its error event
    with pytest.raises(AssertionError, match="payload ran"):
        assert_clean(page)
