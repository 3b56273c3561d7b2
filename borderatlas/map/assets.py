"""Serve Leaflet and our own map scripts locally, so maps draw with no CDN.

No jQuery, Bootstrap or awesome-markers: folium loads them by default, but nothing on our maps
uses them (none of folium's templates we render, nor streamlit-folium, nor our scripts).

The files are copied (not symlinked: Streamlit's static handler refuses paths whose real
location is outside ``static/``) into a git-ignored ``static/vendor/`` next to ``app.py``;
Streamlit serves that folder at ``/app/static/`` when ``server.enableStaticServing`` is on.
"""

from __future__ import annotations

import filecmp
import functools
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import rjsmin

if TYPE_CHECKING:  # folium is imported by borderatlas.map only
    import folium


VENDOR_SUBDIR = "vendor"
STATIC_URL_PREFIX = "app/static"
OWN_JS = Path(__file__).resolve().parent / "static"  # our browser code, as real .js files
OWN_SUBDIR = "borderatlas"
BUNDLE_KEY = "ba_bundle"  # folium's default_js name of the bundle (one link per map)


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


@functools.cache
def bundle() -> tuple[str, str]:
    """Leaflet and all our scripts as one file: its content-named path below vendor/ and its text.

    streamlit-folium loads a map's scripts one after another, each waiting for the last: nine
    files cost nine round trips (0.4 s on a first visit, ``python -m benchmarks.bench``). Our
    scripts only define functions on ``BorderAtlas`` when they load, so all of them can ride
    along with Leaflet in one request; the name changes with the content, so it may be cached.
    Our scripts are minified (rjsmin: comments and whitespace only, names kept), which halves
    what a first visit fetches for them; Leaflet comes minified.
    """
    own = sorted((p for p in OWN_JS.iterdir() if p.suffix == ".js"),
                 key=lambda p: (p.name != "selection.js", p.name))  # the shared helpers first
    parts = [("leaflet/leaflet.js", (_xstatic_dir("leaflet") / "leaflet.js").read_text(encoding="utf-8")),
             *((f"{OWN_SUBDIR}/{p.name}", rjsmin.jsmin(p.read_text(encoding="utf-8")))
               for p in own)]
    text = "".join(f"/* ---- {name} ---- */\n{source}\n;\n" for name, source in parts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return f"{OWN_SUBDIR}/bundle-{digest}.js", text


def served_text(relative: str) -> str | None:
    """The text of a file served below vendor/ (the bundle included), or None if not ours."""
    name, text = bundle()
    if relative == name:
        return text
    source = next((f.source for f in vendor_files() if f.relative == relative), None)
    return source.read_text(encoding="utf-8") if source is not None else None


def install_vendor(static_dir: Path) -> Path:
    """Copy the vendored files and write the bundle into ``static_dir/vendor`` (idempotent)."""
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
    name, text = bundle()
    dest = target / name
    if not dest.is_file():
        tmp = dest.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(dest)
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


def bundle_url(base_url_path: str = "") -> str:
    """URL of the one script file holding Leaflet and our scripts (:func:`bundle`)."""
    return _url(base_url_path, bundle()[0])


def local_js(base_url_path: str = "") -> list[tuple[str, str]]:
    """Return folium ``default_js`` entries: the bundle of Leaflet and our scripts, served locally.

    Every one of our elements names the same entry, so a map loads one script whatever it shows.
    """
    return [(BUNDLE_KEY, bundle_url(base_url_path))]


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
