"""One home for settings: where the data is, which resolution to load, where the app lives and is served."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

GEODATA_ENV = "BORDERATLAS_GEODATA"
RESOLUTION_ENV = "BORDERATLAS_RESOLUTION"
RESOLUTIONS = ("standard", "full")
BASE_URL_ENV = "BORDERATLAS_BASE_URL"
DEFAULT_BASE_URL = "http://localhost:8501"
PACKAGE_DIR = Path(__file__).resolve().parent
# an installed wheel ships the data inside the package; a clone keeps it at the top level
PACKAGED_GEODATA = PACKAGE_DIR / "geodata"
CHECKOUT = PACKAGE_DIR.parent


class ConfigError(RuntimeError):
    """A setting names something that does not exist."""


def geodata_root(environ: Mapping[str, str] | None = None) -> Path:
    """The data folder: ``BORDERATLAS_GEODATA``, else the packaged copy, else the clone's."""
    env = (os.environ if environ is None else environ).get(GEODATA_ENV)
    if env:
        root = Path(env)
        if not root.is_dir():
            raise ConfigError(f"{GEODATA_ENV}={env!r} is not a folder")
        return root
    for root in (PACKAGED_GEODATA, CHECKOUT / "geodata"):
        if (root / "datapackage.json").is_file():
            return root
    raise ConfigError(f"no geodata found: set {GEODATA_ENV} to a geodata folder")


def app_dir() -> Path:
    """The folder holding ``app.py`` and ``pages/`` (Streamlit serves ``static/`` beside it)."""
    if (CHECKOUT / "app.py").is_file():
        return CHECKOUT
    raise ConfigError(f"app.py not found in {CHECKOUT}: run the app from a clone of the repo")


def resolution(environ: Mapping[str, str] | None = None) -> str:
    """The resolution asked for by ``BORDERATLAS_RESOLUTION`` (anything unknown -> standard)."""
    value = (os.environ if environ is None else environ).get(RESOLUTION_ENV, "standard")
    value = value.strip().lower()
    return value if value in RESOLUTIONS else "standard"


def base_url(environ: Mapping[str, str] | None = None) -> str:
    """Where the app is served, for permalinks: ``BORDERATLAS_BASE_URL`` or the local default.

    Anything that is not an absolute http(s) URL without query or fragment falls back to
    ``http://localhost:8501``; a trailing slash is dropped.
    """
    value = (os.environ if environ is None else environ).get(BASE_URL_ENV, "").strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        return DEFAULT_BASE_URL
    return value.rstrip("/")


MAP_HEIGHT_ENV = "BORDERATLAS_MAP_HEIGHT"
MAP_HEIGHT_DEFAULT = 650  # px: about 70 % of a 1080-px-high window (st_folium needs pixels)


def map_height(environ: Mapping[str, str] | None = None) -> int:
    """Height of the large maps in pixels: ``BORDERATLAS_MAP_HEIGHT`` (300–2000), else 650."""
    raw = (os.environ if environ is None else environ).get(MAP_HEIGHT_ENV, "")
    try:
        value = int(raw)
    except ValueError:
        return MAP_HEIGHT_DEFAULT
    return value if 300 <= value <= 2000 else MAP_HEIGHT_DEFAULT
