"""Share and take away: "Copy link" puts the view's address on the clipboard; the downloaded
map file opens from disk, offline, and draws its layers and the vector basemap."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_browser import TIMEOUT, open_page

from tools.browser import DRAWN

pytestmark = pytest.mark.e2e


@pytest.fixture
def clip_page(browser, app_url):
    """A page allowed to read and write the clipboard (as a reader's browser asks to)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  permissions=["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize(("path", "wanted"), [
    ("/timeline?year=1995", ["/timeline?", "year=1995"]),
    ("/border_map?feature=section:rus-e-ussuri&year=1969", ["feature=section", "year=1969"]),
    ("/compare?view=swipe", ["/compare?", "view=swipe"]),
])
def test_copy_link_copies_the_view(clip_page, app_url, path, wanted):
    open_page(clip_page, app_url, path)
    clip_page.locator("button.ba-copy-link").first.click()
    clip_page.get_by_text("Link copied").wait_for(timeout=TIMEOUT)
    copied = clip_page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith(app_url)
    for part in wanted:
        assert part in copied, copied


def test_downloaded_map_opens_offline_from_disk(page, app_url, browser, tmp_path, shots):
    open_page(page, app_url, "/timeline?year=1995")
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name="Download this map (HTML)").click()
    download = info.value
    assert download.suggested_filename == "border-atlas-tl.html"
    saved = Path(tmp_path / download.suggested_filename)
    download.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "Border Atlas — Timeline, 1995" in text and "ODbL" in text
    assert "year=1995" in text  # the link back to this view

    context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
    try:
        offline = context.new_page()
        asked: list[str] = []
        offline.on("request", lambda r: asked.append(r.url))
        offline.goto(saved.as_uri())
        offline.locator(DRAWN).first.wait_for(timeout=TIMEOUT)  # the data layers
        offline.locator(".leaflet-baBasemap-pane path").first.wait_for(state="attached",
                                                                      timeout=TIMEOUT)
        assert offline.locator("path.ba-section").count() > 0
        assert offline.locator(".ba-legend-control").inner_text().startswith("Section status in 1995")
        assert "bundled vector" in offline.locator(".ba-basemap-note").inner_text()
        # nothing was fetched but the file itself (offline, the tiles are not even asked for)
        assert [u for u in asked if urlsplit(u).scheme not in ("file", "data")] == []
        offline.screenshot(path=str(shots / "standalone_offline.png"))
    finally:
        context.close()


def media_fetched(page) -> list[str]:
    """The page's requests for Streamlit media files (a download's bytes), as they are made."""
    fetched: list[str] = []
    page.on("request", lambda r: "/media/" in r.url and "/static/" not in r.url and fetched.append(r.url))
    return fetched


def click_download(page, button, tmp_path: Path) -> Path:
    """Click a download button and save the file it gives (its suggested name, in tmp_path)."""
    with page.expect_download(timeout=TIMEOUT) as info:
        button.click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    return saved


def test_the_sources_page_builds_a_download_when_its_button_is_clicked(page, app_url, tmp_path):
    fetched = media_fetched(page)
    page.goto(app_url + "/sources")
    button = page.get_by_role("button", name="BibTeX")
    button.wait_for(timeout=TIMEOUT)
    page.wait_for_timeout(500)
    assert fetched == []  # no export is built or sent with the page
    saved = click_download(page, button, tmp_path)
    assert saved.name == "bibliography.bib"
    assert saved.read_text(encoding="utf-8").lstrip().startswith("@")


def test_compares_change_table_downloads_are_built_when_clicked(page, app_url, tmp_path):
    fetched = media_fetched(page)
    open_page(page, app_url, "/compare")
    button = page.get_by_role("button", name="Download CSV")
    button.wait_for(timeout=TIMEOUT)
    page.wait_for_timeout(500)
    assert fetched == []  # neither the CSV nor the GeoJSON is built or sent with the page
    saved = click_download(page, button, tmp_path)
    assert saved.name.endswith(".csv")
    header = saved.read_text(encoding="utf-8").splitlines()[0]
    assert "Place" in header
