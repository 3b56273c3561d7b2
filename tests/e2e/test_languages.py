"""The app in Russian and Chinese in a real browser: each map page, a click, the panel in that script."""

from __future__ import annotations

import re

import pytest
from test_browser import TIMEOUT, click_path, open_page

pytestmark = pytest.mark.e2e
SCRIPTS = {"zh": re.compile(r"[\u4e00-\u9fff]"), "ru": re.compile(r"[А-Яа-яЁё]")}
# page -> the path to click, whether the click opens a history panel, where the legend is
# (every map page opens the clicked feature's history in the map frame since the in-frame panel)
PAGES = {
    "/border_map": ("path.ba-id-rus-e-ussuri", True, "page"),
    "/compare": ("path.ba-version[class*='ba-id-v1-']", True, "map"),
    "/timeline": ("path.ba-section", True, "page"),
    "/disputed_areas": ("path.ba-area", True, None),
}


@pytest.mark.parametrize("lang", ["zh", "ru"])
@pytest.mark.parametrize("path", list(PAGES))
def test_each_map_page_speaks_the_language_after_a_click(page, app_url, shots, path, lang):
    script = SCRIPTS[lang]
    frame, _ = open_page(page, app_url, f"{path}?lang={lang}")
    title = page.locator("h1").first.inner_text()
    assert script.search(title), title
    selector, opens_panel, legend_in = PAGES[path]
    # the feature's tooltip (not a river's name on the basemap), read before the click: the
    # history panel that the click opens may cover the feature and close its tooltip
    target = frame.locator(selector).first
    target.wait_for(state="attached", timeout=TIMEOUT)
    target.dispatch_event("mouseover")
    tip = frame.locator(".leaflet-tooltip:not(.ba-label)").first
    tip.wait_for(timeout=TIMEOUT)
    assert script.search(tip.inner_text()), tip.inner_text()
    click_path(page, frame, selector)
    if opens_panel:  # the history panel inside the map frame, fetched for the reader's language
        panel = frame.locator("aside.ba-history div.ba-panel").first
        panel.wait_for(timeout=TIMEOUT)
        headings = panel.locator("h4").all_inner_texts()
        assert headings and all(script.search(h) for h in headings), headings
        close = frame.locator("button.ba-history-close").get_attribute("aria-label") or ""
        assert script.search(close), close
    if legend_in:
        legend = (page if legend_in == "page" else frame).locator(".ba-legend").first.inner_text()
        assert script.search(legend), legend
    page.wait_for_function(f"() => location.search.includes('lang={lang}')", timeout=TIMEOUT)
    page.screenshot(path=str(shots / f"{path.strip('/')}_{lang}.png"))
