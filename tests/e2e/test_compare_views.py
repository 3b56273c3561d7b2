"""Compare in the browser: swipe divider, two synchronised maps, click for history, no CDN."""

from __future__ import annotations

import pytest
from test_browser import MAP, TIMEOUT, click_path, open_page, panel_in, wait_idle

from tools.browser import FIT_JS, POINT_JS

pytestmark = pytest.mark.e2e

CLIP_X = """pane => {
    const m = /polygon\\(([-\\d.]+)px [-\\d.]+px, ([-\\d.]+)px/.exec(pane.style.clipPath);
    const nw = window.map.containerPointToLayerPoint([0, 0]);
    return m ? [Number(m[1]) - nw.x, Number(m[2]) - nw.x] : null;
}"""


def test_swipe_divider_moves_and_reveals_the_other_date(page, app_url, shots):
    frame, _ = open_page(page, app_url, "/compare?view=swipe")
    bar = frame.locator(".ba-swipe")
    bar.wait_for(timeout=TIMEOUT)
    for pane, index in (("baSwipeA", 0), ("baSwipeB", 1)):
        frame.locator(f".leaflet-{pane}-pane path.ba-version[class*='ba-id-v{index}-']").first \
            .wait_for(state="attached", timeout=TIMEOUT)
    width = frame.locator(".leaflet-container").first.evaluate("el => el.clientWidth")
    left, right = (frame.locator(f".leaflet-{p}-pane").first for p in ("baSwipeA", "baSwipeB"))
    assert left.evaluate(CLIP_X)[1] == pytest.approx(width / 2, abs=2)  # A: from 0 to the divider
    assert right.evaluate(CLIP_X)[0] == pytest.approx(width / 2, abs=2)  # B: from the divider on
    page.screenshot(path=str(shots / "compare_swipe_before.png"))
    # drag the divider to a quarter of the width, like a reader
    box = page.locator(MAP).first.bounding_box()
    handle = frame.locator(".ba-swipe-handle").bounding_box()
    page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + width * 0.25, handle["y"], steps=8)
    page.mouse.up()
    assert left.evaluate(CLIP_X)[1] == pytest.approx(width * 0.25, abs=3)
    # the second date now shows from a quarter of the width: more of it is revealed
    assert right.evaluate(CLIP_X)[0] == pytest.approx(width * 0.25, abs=3)
    # panning keeps the cut at the divider (the clip follows the map)
    frame.locator("body").evaluate("() => window.map.panBy([120, 0], {animate: false})")
    assert right.evaluate(CLIP_X)[0] == pytest.approx(width * 0.25, abs=3)
    page.screenshot(path=str(shots / "compare_swipe_after.png"))


def test_side_by_side_maps_move_together(page, app_url, shots):
    frame, _ = open_page(page, app_url, "/compare?view=side")
    frame.locator(".ba-side-map").wait_for(timeout=TIMEOUT)
    # the second date is drawn in the right-hand map, not in the left one
    frame.locator(".ba-side-map path.ba-version[class*='ba-id-v1-']").first.wait_for(
        state="attached", timeout=TIMEOUT)
    assert frame.locator(".ba-side-map path.ba-version[class*='ba-id-v0-']").count() == 0
    centres = """() => [window.map.getCenter(), window.baSideMap.getCenter(),
                        window.map.getZoom(), window.baSideMap.getZoom()]"""
    page.wait_for_timeout(500)
    a, b, za, zb = frame.locator("body").evaluate(centres)
    assert za == zb and a["lat"] == pytest.approx(b["lat"], abs=1e-6)
    # drag the left map with the mouse: the right one follows
    box = frame.locator(".leaflet-container").first.bounding_box()
    frame_box = page.locator(MAP).first.bounding_box()
    x, y = frame_box["x"] + box["width"] / 2, frame_box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 150, y + 60, steps=10)
    page.mouse.up()
    page.wait_for_timeout(800)  # the drag's inertia ends
    a2, b2, _, _ = frame.locator("body").evaluate(centres)
    assert a2["lng"] != pytest.approx(a["lng"], abs=1e-4)
    # the same centre to within a pixel (the two halves may differ by a pixel in width)
    pixel = 360 / 256 / 2 ** frame.locator("body").evaluate("() => window.map.getZoom()")
    assert (a2["lat"], a2["lng"]) == pytest.approx((b2["lat"], b2["lng"]), abs=pixel)
    # and zooming the right one zooms the left
    frame.locator("body").evaluate("() => window.baSideMap.setZoom(window.baSideMap.getZoom() + 1)")
    page.wait_for_timeout(400)
    _, _, za3, zb3 = frame.locator("body").evaluate(centres)
    assert za3 == zb3 == za + 1
    page.screenshot(path=str(shots / "compare_side.png"))


def test_click_a_line_on_compare_opens_its_history(page, app_url, shots):
    frame, _ = open_page(page, app_url, "/compare")
    click_path(page, frame, "path.ba-version[class*='ba-id-v1-rus-e-ussuri']")
    panel = frame.locator('aside.ba-history div.ba-panel[data-feature="section:rus-e-ussuri"]')
    panel.wait_for(timeout=TIMEOUT)
    frame.locator(".leaflet-baSelection-pane path.ba-halo").first.wait_for(timeout=TIMEOUT)
    page.wait_for_function("() => location.search.includes('rus-e-ussuri')", timeout=TIMEOUT)
    wait_idle(page)
    page.screenshot(path=str(shots / "compare_clicked.png"))


def test_the_right_hand_map_has_tooltips_and_opens_the_history(page, app_url, shots):
    frame, _ = open_page(page, app_url, "/compare?view=side")
    copy = frame.locator(".ba-side-map path.ba-version[class*='ba-id-v1-rus-e-ussuri']").first
    copy.wait_for(state="attached", timeout=TIMEOUT)
    # fit the left map to the (hidden) original; the right map follows it
    frame.locator(".leaflet-baSideB-pane path[class*='ba-id-v1-rus-e-ussuri']").first.evaluate(FIT_JS)
    page.wait_for_timeout(400)
    wait_idle(page)
    point = copy.evaluate(POINT_JS)
    box = page.locator(MAP).first.bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    frame.locator(".ba-side-map .leaflet-tooltip").first.wait_for(timeout=TIMEOUT)
    assert "2001" in frame.locator(".ba-side-map .leaflet-tooltip").first.inner_text()  # its date
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    panel_in(frame, "section:rus-e-ussuri").wait_for(timeout=TIMEOUT)
    page.wait_for_function("() => location.search.includes('rus-e-ussuri')", timeout=TIMEOUT)
    page.screenshot(path=str(shots / "compare_side_clicked.png"))


def test_map_controls_are_local_and_on_the_map(page, app_url):
    frame, _ = open_page(page, app_url, "/compare")
    for selector in (".ba-legend-control", ".ba-mouse-position", ".leaflet-control-scale",
                     "a[title^='Full screen']", "a[title^='Measure']"):
        frame.locator(selector).first.wait_for(state="attached", timeout=TIMEOUT)
    assert "land that changed hands" in frame.locator(".ba-legend-control").inner_text()
    iframe = page.locator(MAP).first
    small = iframe.bounding_box()
    page.mouse.move(small["x"] + small["width"] / 2, small["y"] + small["height"] / 2)
    assert "°" in frame.locator(".ba-mouse-position").inner_text()
    frame.locator("a[title^='Full screen']").click()
    page.wait_for_timeout(300)
    big = iframe.bounding_box()
    assert big["width"] == page.viewport_size["width"] and big["height"] > small["height"]
    frame.locator("a[title^='Full screen']").click()
    page.wait_for_timeout(300)
    assert iframe.bounding_box()["height"] == pytest.approx(small["height"], abs=2)
