"""The exported static site in a real browser: draws offline, clicks open history, text stays text.

The panel and the year's status are the app's own Python (``panel_html``, ``status_map``).

The site is exported to a temp dir and served by a loopback ``http.server`` in a thread (a static
host in miniature). Uses the real ``geodata/`` when it has sections with events, else the mini
fixture from ``tests/conftest.py``. Every request must stay on loopback: anything else is
recorded and aborted, and the test fails.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import importlib.util
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from borderatlas.config import geodata_root
from borderatlas.data.loader import Atlas, load_atlas
from borderatlas.dates import period_end
from borderatlas.export.site import export_site, export_size
from borderatlas.geo.history import events_for
from borderatlas.style import STATUS_COLOURS, STATUS_LABELS
from borderatlas.views import viewmodel, yearly
from borderatlas.views.panels import panel_html

pytestmark = pytest.mark.e2e
expect = pytest.importorskip("playwright.sync_api").expect

TESTS = Path(__file__).resolve().parents[1]
PREFERRED_SECTION = "rus-e-amur-middle"
PAYLOAD = "<img src=x onerror=window.__pwned=1>"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _mini() -> Any:
    """tests/conftest.py as a module (imported by path: two conftest.py files share a name)."""
    spec = importlib.util.spec_from_file_location("_ba_root_conftest", TESTS / "conftest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Site:
    """An exported site being served, and what the test expects to find in it."""

    url: str
    root: Path
    atlas: Atlas
    section_id: str
    real: bool


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@functools.cache
def _real_atlas() -> Atlas | None:
    """The repo's geodata (or $BORDERATLAS_EXPORT_GEODATA) when it can be clicked through."""
    root = Path(os.environ.get("BORDERATLAS_EXPORT_GEODATA") or geodata_root())
    if not (root / "sections.geojson").is_file():
        return None
    atlas = load_atlas(root)
    if not len(atlas.sections) or not atlas.events:
        return None
    return atlas


def _pick_section(atlas: Atlas) -> str:
    """The section to click: the Middle Amur when present, else the first with events."""
    ids = [str(i) for i in atlas.sections["id"]]
    ordered = ([PREFERRED_SECTION] if PREFERRED_SECTION in ids else []) + ids
    for sid in ordered:
        if events_for(atlas, "section", sid):
            return sid
    pytest.fail("no section has any event to show")


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Export an atlas and serve it on a free loopback port; yields a function doing both."""
    servers: list[ThreadingHTTPServer] = []

    def start(atlas: Atlas, name: str, real: bool = False) -> Site:
        root = tmp_path_factory.mktemp(name)
        export_site(atlas, root / "site")
        handler = functools.partial(_QuietHandler, directory=str(root / "site"))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        return Site(url, root / "site", atlas, _pick_section(atlas), real)

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def site(serve: Any, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real data when ready, otherwise the mini fixture."""
    real = _real_atlas()
    if real is not None:
        return serve(real, "real", real=True)
    mini = _mini()
    root = mini.write_geodata(tmp_path_factory.mktemp("mini") / "geodata", mini.mini_geodata_files())
    return serve(load_atlas(root), "mini")


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """Pages whose every request is checked: loopback passes, anything else is aborted."""
    contexts: list[Any] = []

    def make(bypass_csp: bool = False) -> Any:
        context = browser.new_context(viewport={"width": 1400, "height": 900},
                                      service_workers="block", bypass_csp=bypass_csp)
        contexts.append(context)
        page = context.new_page()
        page.requests, page.outside, page.errors, page.missing = [], [], [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("response", lambda r: r.status >= 400 and page.missing.append(r.url))
        page.on("pageerror", lambda e: page.errors.append(str(e)))

        def guard(route: Any) -> None:
            parts = urlsplit(route.request.url)
            if parts.scheme in ("data", "blob", "about") or (
                parts.scheme in ("http", "https", "ws") and parts.hostname in LOOPBACK
            ):
                route.continue_()
            else:
                page.outside.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        return page

    yield make
    for context in contexts:
        context.close()


def _all_loopback(page: Any) -> None:
    """Assert no request left the machine (the point of a self-contained build)."""
    assert page.outside == []
    for url in page.requests:
        parts = urlsplit(url)
        assert parts.scheme in ("data", "blob") or parts.hostname in LOOPBACK, url
    assert page.errors == []
    assert page.missing == []  # every file the page asks for is in the build


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("html[data-ready]", timeout=20_000)
    assert page.get_attribute("html", "data-ready") == "1", page.inner_text("#panel")


def _point_on(page: Any, section_id: str) -> tuple[float, float]:
    """A screen point on the drawn line where the section's own click target is on top."""
    point = page.evaluate(
        """(id) => {
          const path = document.querySelector('path.ba-section.ba-id-' + id);
          const total = path.getTotalLength(), ctm = path.getScreenCTM();
          for (const t of [0.5, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85]) {
            const p = path.getPointAtLength(total * t).matrixTransform(ctm);
            const hit = document.elementFromPoint(p.x, p.y);
            if (hit && hit.classList.contains('ba-hit') && hit.classList.contains('ba-id-' + id)) {
              return [p.x, p.y];
            }
          }
          return null;
        }""",
        section_id,
    )
    assert point, f"no clickable point found on {section_id}"
    return point[0], point[1]


def test_map_draws_and_a_click_shows_the_history(site: Site, new_page: Any,
                                                 shots: Path) -> None:
    page = new_page()
    _open(page, site.url)
    n_sections = len(site.atlas.sections)
    assert page.locator("path.ba-section").count() == n_sections
    assert page.locator("path.ba-hit").count() == n_sections
    basemap = len(site.atlas.basemap_countries) + len(site.atlas.basemap_water)
    assert basemap >= 1
    assert page.locator("path.ba-land, path.ba-water").count() == basemap  # vector, no tiles
    assert page.locator("img.leaflet-tile").count() == 0
    assert page.locator("path.ba-area").count() == len(site.atlas.areas)
    assert "© OpenStreetMap contributors, ODbL" in page.inner_text(".leaflet-control-attribution")
    legend = page.inner_text(".ba-legend")
    assert "disputed" in legend and "demarcated" in legend

    sid = site.section_id
    row = site.atlas.sections.set_index("id").loc[sid]
    x, y = _point_on(page, sid)
    page.mouse.move(x, y)
    tip = page.locator(".leaflet-tooltip").first
    tip.wait_for()
    for name in (row["name_en"], row["name_ru"], row["name_zh"]):
        assert name in tip.inner_text()
    page.mouse.click(x, y)
    expect(page).to_have_url(f"{site.url}#section={sid}")
    panel = page.locator("#panel")
    assert panel.locator(".ba-panel h3").inner_text() == row["name_en"]
    events = events_for(site.atlas, "section", sid)
    assert [page.get_attribute(f"#panel .ba-event >> nth={i}", "id")
            for i in range(panel.locator(".ba-event").count())] == [
        f"event-{e['id']}" for e in events]
    for i, event in enumerate(events):
        assert event["title_en"] in panel.locator(".ba-event").nth(i).inner_text()
    assert panel.locator(".ba-timeline li").count() >= 1
    assert panel.locator(".ba-sources a[href^='http']").count() >= 1
    assert "8" in page.locator(f"path.ba-section.ba-id-{sid}").get_attribute("stroke-width")
    shot = shots / f"export-site-{'real' if site.real else 'mini'}.png"
    page.screenshot(path=str(shot))
    page.locator("#panel .ba-event").first.scroll_into_view_if_needed()
    page.screenshot(path=str(shot.with_name(shot.stem + "-events.png")))
    print(f"\nscreenshot: {shot}  export size: {export_size(site.root)} bytes")
    _all_loopback(page)


def test_hash_restores_the_selection_on_load(site: Site, new_page: Any) -> None:
    page = new_page()
    area_ids = [str(a) for a in site.atlas.areas["id"]]
    _open(page, f"{site.url}#area={area_ids[0]}&year=1990")
    name = site.atlas.areas.set_index("id").loc[area_ids[0], "name_en"]
    assert page.locator("#panel .ba-panel h3").inner_text() == name
    assert page.input_value("#ba-year") == "1990"
    page.evaluate(f"location.hash = '#section={site.section_id}'")
    section_name = site.atlas.sections.set_index("id").loc[site.section_id, "name_en"]
    expect(page.locator("#panel .ba-panel h3")).to_have_text(section_name)
    page.go_back()  # the back button returns to the area
    expect(page.locator("#panel .ba-panel h3")).to_have_text(name)
    _all_loopback(page)


def _poisoned_files() -> dict[str, Any]:
    """The mini atlas with a script payload in every kind of text the page shows."""
    files = copy.deepcopy(_mini().mini_geodata_files())
    section = files["sections.geojson"]["features"][0]["properties"]
    for key in ("name_en", "name_ru", "name_zh", "name_zh_pinyin", "method"):
        section[key] = PAYLOAD
    files["areas.geojson"]["features"][0]["properties"]["name_en"] = PAYLOAD
    event = files["history/events.json"]["events"][0]
    event.update(title_en=PAYLOAD, summary_en=PAYLOAD, outcome=PAYLOAD, disputed=True,
                 readings=[{"text": PAYLOAD, "sources": ["k1"]}])
    history = files["history/features.json"]["sections"]["s-a"]
    history["narrative_en"] = PAYLOAD
    history["accounts"] = [{"topic": PAYLOAD, "perspective": "CHN", "text": PAYLOAD,
                            "sources": ["k1"]}]
    files["history/gazetteer.json"]["entries"][0]["alt_names"] = [PAYLOAD]
    files["bibliography.json"][0].update(title=PAYLOAD, URL="javascript:window.__pwned=2")
    return files


def test_script_payloads_in_the_data_show_as_text(serve: Any, new_page: Any,
                                                  tmp_path: Path) -> None:
    mini = _mini()
    root = mini.write_geodata(tmp_path / "geodata", _poisoned_files())
    site = serve(load_atlas(root), "poisoned")
    page = new_page(bypass_csp=True)  # prove the escaping itself, not the CSP behind it
    _open(page, site.url)
    index_text = page.inner_text("#panel")
    assert PAYLOAD in index_text  # the section list shows the name literally
    x, y = _point_on(page, "s-a")
    page.mouse.move(x, y)
    page.locator(".leaflet-tooltip").first.wait_for()
    assert PAYLOAD in page.inner_text(".leaflet-tooltip")
    page.mouse.click(x, y)
    expect(page).to_have_url(f"{site.url}#section=s-a")
    panel = page.inner_text("#panel")
    assert panel.count(PAYLOAD) >= 6  # name, alt name, narrative, event, reading, account …
    assert page.locator("#panel .ba-panel h3").inner_text() == PAYLOAD
    assert PAYLOAD in page.locator(".ba-event").first.inner_text()
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("#panel a[href^='javascript']").count() == 0
    page.evaluate("location.hash = '#area=a-1'")
    expect(page.locator("#panel .ba-panel h3")).to_have_text(PAYLOAD)
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert not [u for u in page.requests if urlsplit(u).path.endswith("/x")]
    _all_loopback(page)


SAME_DOM = """([html, selector]) => {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.innerHTML === document.querySelector(selector).innerHTML;
}"""


def test_the_panel_is_the_apps_panel(site: Site, new_page: Any) -> None:
    """Same Python, same words: the site shows exactly what ``panel_html`` renders for the app."""
    page = new_page()
    sid = site.section_id
    _open(page, f"{site.url}#section={sid}")
    html = panel_html(site.atlas, "section", sid)
    assert page.evaluate(SAME_DOM, [html, "#panel .ba-history"])
    text = page.inner_text("#panel .ba-history")
    assert "→ now" in html and "→ now" in text and "today" not in text
    area = str(site.atlas.areas["id"].iloc[0])
    page.evaluate(f"location.hash = '#area={area}'")
    expect(page.locator("#panel .ba-panel")).to_have_attribute("data-feature", f"area:{area}")
    assert page.evaluate(SAME_DOM, [panel_html(site.atlas, "area", area), "#panel .ba-history"])
    _all_loopback(page)


def _stroke(page: Any, section_id: str) -> str:
    return page.get_attribute(f"path.ba-section.ba-id-{section_id}", "stroke").upper()


def test_the_status_for_a_year_is_the_apps_status(site: Site, new_page: Any) -> None:
    """For every year where the section's status changes (and the year before), the site shows
    the status ``viewmodel.status_map`` gives the app for that year, in the app's colours."""
    page = new_page()
    sid = site.section_id
    first, last = yearly.year_range(site.atlas)
    run = yearly.status_runs(site.atlas, first, last)[f"section:{sid}"]
    years = sorted({y for start, _ in run for y in (start - 1, start) if first <= y <= last})
    assert len(years) >= 3
    _open(page, f"{site.url}#section={sid}&year={years[0]}")
    for year in years:
        page.evaluate("""(y) => { const i = document.getElementById('ba-year');
                                  i.value = String(y); i.dispatchEvent(new Event('change')); }""",
                      year)
        statuses = viewmodel.status_map(site.atlas, year)
        want = STATUS_LABELS[statuses[sid]]
        expect(page.locator("#panel .ba-now")).to_have_text(f"Status in {year}: {want}")
        for other, status in statuses.items():
            assert _stroke(page, other) == STATUS_COLOURS[status].upper(), (other, year)
    expect(page).to_have_url(f"{site.url}#section={sid}&year={years[-1]}"
                             if years[-1] < last else f"{site.url}#section={sid}")
    _all_loopback(page)


FETCH_API = """async () => {
  const get = async (path) => {
    const r = await fetch(path);
    if (!r.ok) throw new Error(path + ': ' + r.status);
    return [r.headers.get('content-type'), await r.json()];
  };
  const [indexType, index] = await get('api/v1/index.json');
  const version = index.versions[index.versions.length - 1];
  const [lineType, line] = await get('api/v1/' + version.line);
  const [, events] = await get('api/v1/events.json');
  const [, sections] = await get('api/v1/sections.geojson');
  const [, pkg] = await get('datapackage.json');
  return {indexType, lineType, index, version, lineCount: line.features.length,
          lineVersion: line.version.id, lineStatuses: line.features.map(f => f.properties.status),
          events: events.events.length, sections: sections.features.length,
          pkgPaths: pkg.resources.map(r => r.path)};
}"""


def test_the_static_api_is_served_and_matches_the_data(site: Site, new_page: Any) -> None:
    """The page can fetch the JSON API next to it; counts and statuses equal the data's."""
    page = new_page()
    _open(page, site.url)
    got = page.evaluate(FETCH_API)
    assert got["indexType"].startswith("application/json")
    assert got["index"]["api_version"] == "v1"
    assert len(got["index"]["versions"]) == len(site.atlas.versions)
    counts = {f["path"]: f["count"] for f in got["index"]["files"]}
    assert counts["events.json"] == got["events"] == len(site.atlas.events)
    assert counts["sections.geojson"] == got["sections"] == len(site.atlas.sections)
    assert counts["areas.geojson"] == len(site.atlas.areas)
    assert counts["places.geojson"] == len(site.atlas.places)
    assert got["lineCount"] == counts[got["version"]["line"]] == len(site.atlas.sections)
    version = site.atlas.versions[got["lineVersion"]]
    line = viewmodel.line_on(site.atlas, min(period_end(version["date"]), dt.date.today()))
    assert got["lineStatuses"] == list(line["status"])
    assert {f"api/v1/{p}" for p in counts} | {"api/v1/index.json"} == set(got["pkgPaths"])
    _all_loopback(page)


@pytest.mark.parametrize(("lang", "script", "title"), [
    ("zh", r"[\u4e00-\u9fff]", "边界地图集"), ("ru", r"[А-Яа-яЁё]", "Атлас границы")])
def test_the_site_speaks_each_language_and_switches(site: Site, new_page: Any, lang: str,
                                                    script: str, title: str) -> None:
    page = new_page()
    _open(page, f"{site.url}#lang={lang}")
    assert page.get_attribute("html", "lang") == lang
    assert page.inner_text("#ba-title") == title
    assert re.search(script, page.inner_text(".ba-legend"))
    sid = site.section_id
    x, y = _point_on(page, sid)
    page.mouse.move(x, y)
    tip = page.locator(".leaflet-tooltip").first
    tip.wait_for()
    assert re.search(script, tip.locator("b").first.inner_text())  # the reader's name first
    page.mouse.click(x, y)
    expect(page).to_have_url(f"{site.url}#section={sid}&lang={lang}")
    headings = page.locator("#panel .ba-panel h4").all_inner_texts()
    assert headings and all(re.search(script, h) for h in headings), headings
    assert re.search(script, page.inner_text("#panel .ba-link"))  # "back", Python's words
    page.select_option("#ba-lang", "en")
    expect(page.locator("#panel .ba-panel h4").first).to_have_text("Status over time")
    expect(page).to_have_url(f"{site.url}#section={sid}")
    _all_loopback(page)
