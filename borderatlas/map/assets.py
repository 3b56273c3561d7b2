"""Serve Leaflet and our own map scripts locally, so maps draw with no CDN.

No jQuery, Bootstrap or awesome-markers: folium loads them by default, but nothing on our maps
uses them (none of folium's templates we render, nor streamlit-folium, nor our scripts).

The files are copied (not symlinked: Streamlit's static handler refuses paths whose real
location is outside ``static/``) into a git-ignored ``static/vendor/`` next to ``app.py``;
Streamlit serves that folder at ``/app/static/`` when ``server.enableStaticServing`` is on.
"""

from __future__ import annotations

import filecmp
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # folium is imported by borderatlas.map only
    import folium


VENDOR_SUBDIR = "vendor"
STATIC_URL_PREFIX = "app/static"
OWN_JS = Path(__file__).resolve().parent / "static"  # our browser code, as real .js files
OWN_SUBDIR = "borderatlas"


@dataclass(frozen=True)
class VendorFile:
    """One file of a vendored library: where it is installed and where we serve it."""

    source: Path
    relative: str  # path below static/vendor/


def _xstatic_dir(module_name: str) -> Path:
    """Locate an xstatic package's data directory without importing its web stack."""
    import importlib

    module = importlib.import_module(f"xstatic.pkg.{module_name}")
    return Path(module.BASE_DIR)


def vendor_files() -> list[VendorFile]:
    """List the files the maps need: Leaflet (JS, CSS, images) and our scripts and styles."""
    leaflet = _xstatic_dir("leaflet")
    files = [
        VendorFile(leaflet / "leaflet.js", "leaflet/leaflet.js"),
        VendorFile(leaflet / "leaflet.css", "leaflet/leaflet.css"),
    ]
    files += [VendorFile(p, f"{OWN_SUBDIR}/{p.name}") for p in sorted(OWN_JS.iterdir())
              if p.suffix in (".js", ".css")]
    images = leaflet / "images"
    if images.is_dir():
        files += [
            VendorFile(p, f"leaflet/images/{p.name}")
            for p in sorted(images.iterdir())
            if p.is_file()
        ]
    return files


def install_vendor(static_dir: Path) -> Path:
    """Copy the vendored files into ``static_dir/vendor`` (idempotent; returns that dir)."""
    target = static_dir / VENDOR_SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    ignore = target / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# copied at app start from the xstatic packages\n*\n", encoding="utf-8")
    for item in vendor_files():
        dest = target / item.relative
        if dest.is_file() and filecmp.cmp(item.source, dest, shallow=False):
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_suffix(dest.suffix + ".tmp")
        shutil.copyfile(item.source, tmp)
        tmp.replace(dest)  # atomic: a concurrent reader never sees half a file
    return target


def _url(base_url_path: str, relative: str) -> str:
    """Join the server's base path and a vendored file into an absolute URL path."""
    base = base_url_path.strip("/")
    parts = [p for p in (base, STATIC_URL_PREFIX, VENDOR_SUBDIR, relative) if p]
    return "/" + "/".join(parts)


def own_js_url(base_url_path: str, name: str) -> str:
    """URL of one of our own scripts or styles (``borderatlas/map/static/<name>``) as served."""
    return _url(base_url_path, f"{OWN_SUBDIR}/{name}")


def own_js_source(name: str) -> str:
    """The text of one of our own scripts, to inline where nothing can load it by URL."""
    return (OWN_JS / name).read_text(encoding="utf-8")


def local_js(base_url_path: str = "") -> list[tuple[str, str]]:
    """Return folium ``default_js`` entries pointing at the locally served files."""
    return [
        ("leaflet", _url(base_url_path, "leaflet/leaflet.js")),
    ]


def local_css(base_url_path: str = "") -> list[tuple[str, str]]:
    """Return folium ``default_css`` entries pointing at the locally served files."""
    return [("leaflet_css", _url(base_url_path, "leaflet/leaflet.css"))]


def use_local_assets(m: folium.Map, base_url_path: str = "") -> folium.Map:
    """Point a map at the local Leaflet, dropping jQuery, Bootstrap and awesome-markers."""
    m.default_js = local_js(base_url_path)
    m.default_css = local_css(base_url_path)
    return m


def external_urls(html: str) -> list[str]:
    """List http(s) script/stylesheet URLs in rendered HTML (should be empty offline)."""
    import re

    return re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
