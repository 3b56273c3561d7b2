"""Browser tests: real Streamlit server, headless Chromium, maps drawn from local assets only."""

from __future__ import annotations

import time
from urllib.parse import urlparse

import pytest

from tools.browser import DRAWN, FIT_JS, MAP, POINT_JS

pytestmark = pytest.mark.e2e
TIMEOUT = 30_000
TILE_HOST = "tile.openstreetmap.org"  # basemap "auto" asks for tiles; offline they fail


def left_the_machine(requests: list[str], app_url: str) -> list[str]:
    """Requests to anywhere but the app, OSM's tiles aside (no CDN, no script from outside)."""
    host = urlparse(app_url).netloc
    return [u for u in requests if urlparse(u).netloc not in (host, "")
            and not (urlparse(u).netloc == TILE_HOST and u.endswith(".png"))]


def open_page(page, app_url: str, path: str):
    """Go to a page, wait for its map's vector paths; return the map frame and seconds taken."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    start = time.perf_counter()
    page.goto(app_url + path)
    frame = page.frame_locator(MAP).first
    frame.locator(DRAWN).first.wait_for(timeout=TIMEOUT)
    took = time.perf_counter() - start
    wait_idle(page)
    # no "Page not found" dialog, even for a first visitor arriving on a deep link
    assert page.locator('[data-testid="stDialog"]').count() == 0, "a dialog covers the page"
    outside = left_the_machine(requests, app_url)
    assert outside == [], f"requests left the machine: {outside}"
    return frame, took


def wait_idle(page) -> None:
    """Wait until Streamlit has finished its script runs (the map's first value reruns once)."""
    page.wait_for_timeout(300)  # let a pending rerun start before looking for its indicator
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=TIMEOUT)


def click_path(page, frame, selector: str) -> None:
    """Bring a path into view and click the middle of its stroke with the mouse, like a reader."""
    target = frame.locator(selector).first
    target.wait_for(state="attached", timeout=TIMEOUT)
    target.evaluate(FIT_JS)
    wait_idle(page)
    point = target.evaluate(POINT_JS)
    box = page.locator(MAP).first.bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


@pytest.mark.parametrize("path", ["/", "/border_map", "/compare", "/timeline", "/disputed_areas"])
def test_each_page_draws_its_map(page, app_url, shots, path):
    frame, took = open_page(page, app_url, path)
    assert frame.locator(DRAWN).count() > 0
    assert "OpenStreetMap contributors, ODbL" in frame.locator(".leaflet-control-attribution").inner_text()
    page.wait_for_load_state("networkidle")
    name = path.strip("/") or "home"
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    print(f"{path}: map drawn in {took:.2f} s")


def test_toggling_a_layer_adds_and_removes_paths(page, app_url, shots):
    frame, _ = open_page(page, app_url, "/border_map")
    areas = frame.locator("path.ba-area")
    areas.first.wait_for(timeout=TIMEOUT)
    toggle = page.get_by_text("Disputed / transferred areas")
    toggle.click()
    areas.first.wait_for(state="detached", timeout=TIMEOUT)
    assert areas.count() == 0
    page.screenshot(path=str(shots / "border_map_no_areas.png"))
    toggle.click()
    areas.first.wait_for(timeout=TIMEOUT)
    assert areas.count() > 0
    # back to the default layers: the shareable link drops the parameter (replaceState, no nav)
    page.wait_for_function("() => !location.search.includes('layers')", timeout=TIMEOUT)


def panel_in(frame, feature: str):
    """The history panel shown inside the map frame for ``feature`` (``type:id``)."""
    return frame.locator(f'aside.ba-history div.ba-panel[data-feature="{feature}"]')


def test_clicking_a_section_shows_its_events_and_reselection_works(page, app_url, shots):
    sent: list[int] = []  # sizes of the messages the browser sends over the websocket
    page.on("websocket", lambda ws: ws.on("framesent", lambda f: sent.append(len(f))))
    frame, _ = open_page(page, app_url, "/border_map")
    panel = panel_in(frame, "section:rus-e-ussuri")
    halo = frame.locator(".leaflet-baSelection-pane path.ba-halo")
    # mark every drawn feature: a click must not make the map re-send and redraw its layers
    frame.locator("body").evaluate(
        "b => document.querySelectorAll('path.leaflet-interactive').forEach(p => p.baKept = 1)")
    before = len(sent)
    start = time.perf_counter()
    click_path(page, frame, "path.ba-id-rus-e-ussuri")
    panel.wait_for(timeout=TIMEOUT)
    print(f"click-to-panel: {time.perf_counter() - start:.2f} s")
    assert "Events (2)" in panel.inner_text()
    assert "Clash on Zhenbao <island>" in panel.inner_text()  # escaped, shown as text
    halo.first.wait_for(timeout=TIMEOUT)
    page.wait_for_function("() => location.search.includes('rus-e-ussuri')", timeout=TIMEOUT)
    # one rerun request for one click: reported at once, and not again after the debounce
    page.wait_for_timeout(600)
    assert len([n for n in sent[before:] if n > 500]) == 1, sent[before:]
    assert frame.locator("body").evaluate(
        "b => [...document.querySelectorAll('path.leaflet-interactive')].every(p => p.baKept)")
    # a permalink in the panel opens in the page, not inside the map frame
    assert panel.locator("a[href]").evaluate_all(
        "links => links.every(a => a.target === '_top' || a.target === '_blank')")
    page.screenshot(path=str(shots / "border_map_clicked.png"))
    frame.locator("button.ba-history-close").click()  # closes here and clears on the server
    panel.wait_for(state="detached", timeout=TIMEOUT)
    halo.first.wait_for(state="detached", timeout=TIMEOUT)
    page.wait_for_function("() => !location.search.includes('feature')", timeout=TIMEOUT)
    click_path(page, frame, "path.ba-id-rus-e-ussuri")  # the same feature again
    panel.wait_for(timeout=TIMEOUT)
    halo.first.wait_for(timeout=TIMEOUT)


def test_the_panel_needs_no_server_round_trip(page, app_url):
    """With the map's reports to the server cut, a click still shows the history at once."""
    frame, _ = open_page(page, app_url, "/border_map")
    wait_idle(page)
    frame.locator("body").evaluate("() => { window.Streamlit.setComponentValue = () => {}; }")
    click_path(page, frame, "path.ba-id-rus-e-ussuri")
    panel_in(frame, "section:rus-e-ussuri").wait_for(timeout=TIMEOUT)
    assert "feature" not in page.evaluate("() => location.search")  # the server never heard
    # the panel came from its static file, written once for the reader's language
    files = frame.locator("body").evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/panels-en-'))")
    assert any(f.endswith("/section/rus-e-ussuri.html") for f in files), files


@pytest.mark.parametrize(("path", "selector", "feature"), [
    ("/", "path.ba-id-rus-e-ussuri", "section:rus-e-ussuri"),
    ("/timeline", "path.ba-id-rus-e-ussuri", "section:rus-e-ussuri"),
    ("/disputed_areas", "path.ba-area.ba-id-heixiazi-transfer", "area:heixiazi-transfer"),
])
def test_a_click_opens_the_history_on_every_page_with_a_map(page, app_url, path, selector,
                                                             feature):
    frame, _ = open_page(page, app_url, path)
    click_path(page, frame, selector)
    panel_in(frame, feature).wait_for(timeout=TIMEOUT)
    frame.locator(".leaflet-baSelection-pane path.ba-halo").first.wait_for(timeout=TIMEOUT)
    page.wait_for_function(f"() => location.search.includes('{feature.split(':')[1]}')",
                           timeout=TIMEOUT)


def test_compare_page_shows_both_lines_and_differences(page, app_url, shots):
    frame, _ = open_page(page, app_url, "/compare")
    # paths outside the current view are attached but empty ("M0 0"), so wait for attachment
    for selector in ("path.ba-version[class*='ba-id-v0-']", "path.ba-version[class*='ba-id-v1-']",
                     "path.ba-difference"):
        frame.locator(selector).first.wait_for(state="attached", timeout=TIMEOUT)
    assert frame.locator("path.ba-difference").first.is_visible()  # the view is on the change
    assert page.get_by_text("What “the 2001 line” means").count() == 1
    table = page.locator("table.ba-table")  # the plain table first, no data grid
    table.wait_for(timeout=TIMEOUT)
    assert page.get_by_text("differ (3)").count() == 1  # one line moved, two holders changed
    assert table.locator("tbody tr").count() == 3
    link = table.locator("a", has_text="open on the map").first
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("href").startswith("border_map?feature=")
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    page.screenshot(path=str(shots / "compare_detail.png"), full_page=True)
    page.get_by_text("Sortable table", exact=True).click()  # the data grid on request, the same rows
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=TIMEOUT)
    table.wait_for(state="detached", timeout=TIMEOUT)


HEAVY = ("PlotlyChart.", "DataFrame.", "arrowFormatUtils.", "Slider.", "moment.", "numbro.")


@pytest.mark.parametrize("path", ["/", "/border_map", "/compare", "/timeline", "/disputed_areas"])
def test_a_first_visit_loads_no_heavy_streamlit_script(page, app_url, path):
    """Plotly, the data grid, the slider and st.metric's scripts load only on request (#16)."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_page(page, app_url, path)
    page.wait_for_load_state("networkidle")
    heavy = [u for u in requests if any(f"/static/js/{h}" in u for h in HEAVY)]
    assert heavy == [], heavy


def test_the_year_steps_and_jumps_with_the_number_input(page, app_url):
    frame, _ = open_page(page, app_url, "/border_map?year=1995")
    year = page.locator('[data-testid="stSidebar"] [data-testid="stNumberInput"]').first
    frame.locator("body").evaluate(
        "b => document.querySelectorAll('path').forEach(p => p.dataset.old = '1')")
    year.locator('[data-testid="stNumberInputStepDown"]').click()
    page.wait_for_function("() => location.search.includes('year=1994')", timeout=TIMEOUT)
    page.get_by_text("Section status in 1994").wait_for(timeout=TIMEOUT)
    frame.locator("path.ba-section:not([data-old])").first.wait_for(state="attached",
                                                                     timeout=TIMEOUT)
    field = year.locator("input")
    field.fill("1970")  # jump straight to a year
    field.press("Enter")
    page.wait_for_function("() => location.search.includes('year=1970')", timeout=TIMEOUT)
    page.get_by_text("Section status in 1970").wait_for(timeout=TIMEOUT)
    field.press("ArrowUp")  # the keyboard steps too
    page.wait_for_function("() => location.search.includes('year=1971')", timeout=TIMEOUT)


def test_timeline_strip_by_default_and_a_point_picked_on_the_chart(page, app_url, shots):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_page(page, app_url, "/timeline?year=1970")
    strip = page.locator("figure.ba-strip")
    strip.wait_for(timeout=TIMEOUT)
    assert strip.locator(".ba-strip-row i").count() == 5
    # hover titles: date, type and title, as text
    titles = strip.locator(".ba-strip-row i[title]").evaluate_all("d => d.map(i => i.title)")
    assert len(titles) == 5 and "2 March 1969 · clash: Clash on Zhenbao <island>" in titles
    assert "1970" in strip.locator(".ba-strip-year").inner_text()
    assert page.locator(".js-plotly-plot").count() == 0
    assert page.locator(".ba-strip-list").count() == 0  # sent once opened
    page.get_by_text("All events, by date (5)").click()  # the same events as text
    page.locator(".ba-strip-list li").nth(4).wait_for(timeout=TIMEOUT)
    assert page.locator(".ba-strip-list li").count() == 5
    page.get_by_text("Interactive chart", exact=True).click()
    chart = page.locator(".js-plotly-plot").first
    chart.wait_for(timeout=TIMEOUT)
    assert any("/static/js/PlotlyChart." in u for u in requests)  # loaded on request only
    assert strip.count() == 0
    wait_idle(page)
    chart.scroll_into_view_if_needed()
    points = page.locator(".js-plotly-plot .scatterlayer .point")
    points.first.wait_for(timeout=TIMEOUT)
    box = points.first.bounding_box()  # the drag layer covers the points: click where one is
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    event = page.locator("div.ba-event").first
    event.wait_for(timeout=TIMEOUT)
    chosen = event.get_attribute("id").removeprefix("event-")
    wait_idle(page)  # the run that puts the pick in the list (a click during it would undo that)
    # the pick is the list's choice too, so it stays when the strip is back
    page.get_by_text("Events strip", exact=True).click()
    strip.wait_for(timeout=TIMEOUT)
    assert page.locator(f"div.ba-event#event-{chosen}").count() == 1
    assert strip.locator("i.ba-chosen").count() == 1
    assert page.locator('[data-testid="stSelectbox"]').count() == 0  # the list: once opened
    page.locator('[data-testid="stPopover"] button').first.click()
    listed = page.locator('[data-testid="stSelectbox"] input').first
    listed.wait_for(timeout=TIMEOUT)
    assert listed.input_value().startswith(f"{chosen}:"), listed.input_value()
    page.screenshot(path=str(shots / "timeline_picked.png"), full_page=True)


def test_disputed_areas_plain_table_then_a_row_picked_in_the_grid(page, app_url):
    frame, _ = open_page(page, app_url, "/disputed_areas")
    table = page.locator("table.ba-table")
    table.wait_for(timeout=TIMEOUT)
    first = table.locator("tbody tr").first.locator("td").first.inner_text()
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    page.get_by_text("Sortable table", exact=True).click()
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=TIMEOUT)
    wait_idle(page)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()  # the grid is a canvas: the first row's checkbox, left of row 1
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)
    panel_in(frame, f"area:{first}").wait_for(timeout=TIMEOUT)
    page.wait_for_function(f"() => location.search.includes('{first}')", timeout=TIMEOUT)


def test_deep_link_restores_view(page, app_url, shots):
    link = "/border_map?feature=area:heixiazi-transfer&layers=areas,pair:CHN-RUS-E&year=1995"
    frame, _ = open_page(page, app_url, link)
    panel_in(frame, "area:heixiazi-transfer").wait_for(timeout=TIMEOUT)
    frame.locator(".leaflet-baSelection-pane path.ba-halo").first.wait_for(timeout=TIMEOUT)
    # the map is zoomed onto the linked area, and stays there
    page.wait_for_timeout(1000)
    view = frame.locator("path.ba-halo").first.evaluate("""el => {
        let halo = null;
        window.map.eachLayer(l => { if (l._path === el) halo = l; });
        return {zoom: window.map.getZoom(), asked: window.__GLOBAL_DATA__.last_zoom,
                inside: window.map.getBounds().contains(halo.getBounds())};
    }""")
    assert view["zoom"] == view["asked"] and view["inside"], view
    assert frame.locator("path.ba-place").count() == 0
    assert frame.locator("path.ba-id-kaz-ili").count() == 0  # CHN-KAZ pair hidden
    assert page.get_by_text("Section status in 1995").count() == 1
    page.screenshot(path=str(shots / "deep_link.png"))


def test_bad_link_gives_notice(page, app_url):
    open_page(page, app_url, "/border_map?year=abc")
    page.get_by_text("Ignored year 'abc'").wait_for(timeout=TIMEOUT)
