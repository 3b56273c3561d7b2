"""Session fixtures for the browser tests: a real `streamlit run app.py` and headless Chromium."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
sys.path.insert(0, str(REPO / "tests"))

from atlas_fixture import write_geodata  # noqa: E402

from tools.devserver import run_app  # noqa: E402


@pytest.fixture(scope="session")
def geodata_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repo's geodata when it has sections, else the synthetic fixture."""
    if os.environ.get("BORDERATLAS_E2E_REAL") and (REPO / "geodata/sections.geojson").is_file():
        return REPO / "geodata"
    return write_geodata(tmp_path_factory.mktemp("e2e"))


@pytest.fixture(scope="session")
def app_url(geodata_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start `streamlit run app.py` on a free loopback port; stop it after the session."""
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    with run_app(geodata_dir, log) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed: run `bash scripts/test.sh` (it apt-installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Directory for screenshots (printed so a developer can look at them)."""
    d = Path(os.environ.get("BORDERATLAS_SHOTS") or tmp_path_factory.mktemp("screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {d}")
    return d


@pytest.fixture
def page(browser: object, app_url: str) -> Iterator[object]:
    """A fresh page that records console errors and failed requests."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.failed = []
    pg.on("requestfailed", lambda r: pg.failed.append(r.url))
    yield pg
    context.close()
