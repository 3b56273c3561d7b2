"""Screenshots of Compare's three views at two screen widths (developer tool, no pytest).

    .venv/bin/python -m tools.compare_shots [OUT_DIR]      # default: a new temporary folder

Starts the app on loopback on the bundled geodata, opens ``/compare?view=…`` in Debian's
Chromium at 1280 and 1920 px wide, waits for the map to draw and for Streamlit to finish,
and saves the window (``<view>-<width>.png``) and the whole page (``<view>-<width>-page.png``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tools.browser import CHROMIUM, CHROMIUM_ARGS, DRAWN, MAP
from tools.devserver import REPO, run_app

VIEWS = ("overlay", "swipe", "side")
WIDTHS = {1280: 800, 1920: 1080}  # width: height of a common screen


def main(out: Path) -> None:
    """Take every screenshot into ``out``."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with run_app(REPO / "geodata", out / "server.log") as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for view in VIEWS:
                page.goto(f"{server.url}/compare?view={view}")
                page.frame_locator(MAP).first.locator(DRAWN).first.wait_for(timeout=60_000)
                page.wait_for_timeout(300)
                page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden",
                                                                         timeout=60_000)
                page.wait_for_timeout(2500)  # tiles fail offline; the vector basemap follows
                page.locator(MAP).first.scroll_into_view_if_needed()
                page.screenshot(path=str(out / f"{view}-{width}.png"))
                page.screenshot(path=str(out / f"{view}-{width}-page.png"), full_page=True)
                box = page.locator(MAP).first.bounding_box() or {"width": 0, "height": 0,
                                                                   "x": 0, "y": 0}
                print(f"{view} @ {width}px: map {box['width']:.0f}×{box['height']:.0f} px "
                      f"at ({box['x']:.0f}, {box['y']:.0f})")
            context.close()
        browser.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="shots-"))
    print(f"screenshots: {target}")
    main(target)
