"""Data and assets loaded once per process: the validated atlas, local scripts, the basemap file."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from pathlib import Path

import streamlit as st
from streamlit.logger import get_logger

from borderatlas import config
from borderatlas.data.loader import Atlas, load_atlas
from borderatlas.geo import simplify
from borderatlas.map.assets import install_vendor
from borderatlas.views import panels
from borderatlas.views.features import basemap_document, detail_parts, split_basemap

DETAIL = {"overview": 0.02, "map": 0.004, "fine": 0.0}  # simplify tolerance, degrees
_LOG = get_logger("borderatlas")


def geodata_root() -> Path:
    """Where to read data (``BORDERATLAS_GEODATA``, else the bundled geodata)."""
    return config.geodata_root()


@st.cache_resource(show_spinner="Loading the atlas…")
def _load(root: str, resolution: str = "standard") -> Atlas:
    """Load and validate geodata once per process, at the resolution asked for."""
    started = time.perf_counter()
    data = simplify.at_resolution(load_atlas(Path(root)), resolution)
    _LOG.info("atlas loaded: %s at %s resolution in %.3f s", root, resolution,
              time.perf_counter() - started)  # the benchmark counts these lines
    return data


def full_atlas() -> Atlas:
    """The atlas at full source resolution, for measurements (cached once per process)."""
    return _load(str(geodata_root()), "full")


def atlas() -> Atlas:
    """The cached Atlas for this process (``BORDERATLAS_RESOLUTION``: standard or full)."""
    return _load(str(geodata_root()), config.resolution())


@st.cache_resource
def ensure_assets() -> str:
    """Copy Leaflet and our scripts into ``static/vendor`` once per process."""
    return str(install_vendor(config.app_dir() / "static"))


def base_url_path() -> str:
    """The server's base URL path, so asset URLs work behind a prefix."""
    try:
        return str(st.get_option("server.baseUrlPath") or "")
    except Exception:
        return ""


def _write_named(stem: str, doc: dict[str, object], digits: int = 12) -> str:
    """Write a JSON document once as ``vendor/<stem><content hash>.geojson``; that path.

    Named by its content, so browsers may cache it and two processes writing it at once leave
    one complete copy. ``allow_nan=False``: a NaN is valid JavaScript but fails ``JSON.parse``.
    """
    body = json.dumps(doc, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    name = f"{stem}{hashlib.sha256(body.encode('utf-8')).hexdigest()[:digits]}.geojson"
    target = Path(ensure_assets()) / name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.parent / f".{target.name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        tmp.write_text(body, encoding="utf-8")
        tmp.replace(target)  # atomic: a concurrent reader never sees half a file
    return name


def vendor_url(relative: str) -> str:
    """URL path of a file or folder below ``static/vendor/``, behind the server's base path."""
    base = base_url_path().strip("/")
    return "/" + "/".join(p for p in (base, "app/static/vendor", relative) if p)


@st.cache_resource
def _basemap_file(root: str, resolution: str) -> str:
    """Write the basemap once per process as content-named static files; return the overview's name.

    The browser fetches it from ``/app/static/vendor/`` and caches it, so no page load or
    rerun carries the basemap over the websocket. The rivers' close-up levels are files of
    their own the overview names with their bounds (``views.features.detail_parts``), fetched
    when the reader zooms in over them.
    """
    data = _load(root, resolution)
    doc = basemap_document(data.basemap_countries, data.basemap_water, DETAIL["overview"],
                           rivers=data.basemap_rivers)
    overview, detail = split_basemap(doc)
    overview["detail"] = [{"href": _write_named("basemap-detail-", part), "bbox": part["bbox"],
                           "minZoom": part["minZoom"]} for part in detail_parts(detail)]
    return _write_named("basemap-", overview)


def basemap_whole() -> dict[str, object]:
    """The basemap as one document, overview and detail (a standalone map has no server)."""
    vendor = Path(ensure_assets())
    doc = json.loads((vendor / _basemap_file(str(geodata_root()), config.resolution()))
                     .read_text(encoding="utf-8"))
    for part in doc.pop("detail", None) or []:
        doc["features"] += json.loads((vendor / part["href"]).read_text(encoding="utf-8"))["features"]
    return dict(doc)


@st.cache_resource(show_spinner="Preparing the history panels…")
def _panel_dir(root: str, resolution: str, lang: str) -> str:
    """Write every feature's history panel in ``lang`` once per process as static files.

    A click then shows the panel from ``/app/static/vendor/<dir>/<type>/<id>.html`` in the map
    frame without waiting for a rerun. The folder is named by its content, so browsers may
    cache it and two processes writing it at once leave one complete copy.
    """
    rendered = panels.every_panel(_load(root, resolution), lang)
    digest = hashlib.sha256()
    for (ftype, fid), html in sorted(rendered.items()):
        digest.update(f"{ftype}/{fid}\0{html}\0".encode())
    name = f"panels-{lang}-{digest.hexdigest()[:12]}"
    vendor = Path(ensure_assets())
    target = vendor / name
    if target.is_dir():
        return name
    tmp = vendor / f".{name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    for (ftype, fid), html in rendered.items():
        (tmp / ftype).mkdir(exist_ok=True)
        (tmp / ftype / f"{fid}.html").write_text(html, encoding="utf-8")
    try:
        tmp.rename(target)  # atomic: a reader sees no folder or a complete one
    except OSError:  # another process was first
        shutil.rmtree(tmp, ignore_errors=True)
    return name


LAYER_SUBDIR = "layers"


def layer_url(document: dict[str, object]) -> str:
    """Write a map layer's GeoJSON as a content-named static file (once); return its URL path.

    The page then sends the browser a URL instead of the geometry: the file is gzipped by the
    server (or nginx), cached by the browser and shared by every reader and rerun that draws the
    same features. Only the atlas's own layers go here, never a reader's uploaded overlay.
    """
    return vendor_url(_write_named(f"{LAYER_SUBDIR}/", document, digits=16))


def panel_prefix(lang: str) -> str:
    """URL path of the folder holding every history panel in ``lang`` (written on first use)."""
    return vendor_url(_panel_dir(str(geodata_root()), config.resolution(), lang))
