"""Write a static build of the map and its history, so any static host or CDN can serve it.

The output needs no Python at view time: ``index.html`` plus ``assets/`` (Leaflet from the
installed xstatic package, our ``site.js``/``site.css``), ``data/`` (web-simplified GeoJSON
layers, also offered for download, and ``history.json``), the versioned static JSON API
``api/v1/`` (:mod:`borderatlas.export.static_api`, full resolution) and a ``datapackage.json``
describing the API files. ``history.json`` carries what the app's
own Python renders: every feature's history panel (``views.panels.panel_html``, escaped there by
``esc``), its tooltip, and its status or holder in every year of the slider as a change list
(``views.yearly``, from ``viewmodel.status_map``/``holder_map``), with the labels and colours of
``style``. ``site.js`` only draws, looks up and inserts; it has no history rules of its own. The
same atlas always gives the same bytes: keys are sorted, features ordered, nothing uses the clock.
"""

from __future__ import annotations

import hashlib
import math
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from borderatlas.data.loader import Atlas
from borderatlas.export.common import json_bytes, plain
from borderatlas.export.static_api import API_ROOT, api_files, datapackage
from borderatlas.geo.simplify import web_geometry
from borderatlas.map.assets import vendor_files
from borderatlas.style import (
    HOLDER_COLOURS,
    OSM_ATTRIBUTION,
    STATUS_COLOURS,
    STATUS_DASH,
    STATUS_LABELS,
    place_style,
    zone_line_style,
)
from borderatlas.views import yearly
from borderatlas.views.features import tip_lines, tooltip_html
from borderatlas.views.i18n import LANGS
from borderatlas.views.legend import legend_html
from borderatlas.views.messages import N_, gettext, ngettext
from borderatlas.views.panels import event_html, panel_html
from borderatlas.views.text import esc
from borderatlas.views.viewmodel import pair_label, status_label

TEMPLATE_DIR = "templates/site"
SITE_FILES = ("site.js", "site.css")
GENERATOR = "borderatlas export-site"
API_TOP = API_ROOT.split("/")[0]  # the static JSON API's folder (api/v1/...)


# layer -> (simplification tolerance in degrees, decimals kept); Douglas–Peucker keeps each
# line's end vertices and rounding is a pure function, so sections that met still meet.
WEB_LAYERS: dict[str, tuple[float, int]] = {
    "sections": (0.001, 5),
    "zone_lines": (0.001, 5),
    "areas": (0.0003, 5),
    "places": (0.0, 5),
    "basemap_countries": (0.02, 3),
    "basemap_water": (0.01, 3),
}
# context-only layers whose many short river pieces are merged first, so simplifying can bite
MERGE_LINES = frozenset({"basemap_water"})
# CSL-JSON fields a citation needs; notes and abstracts stay in geodata/bibliography.json
CSL_FIELDS = frozenset(
    {
        "id", "type", "title", "author", "editor", "issued", "container-title", "publisher",
        "publisher-place", "URL", "DOI", "volume", "issue", "page", "language", "accessed",
        "title-short", "genre", "number",
    }
)
SOURCE_KEYS = frozenset({"sources", "published_area_sources", "old_source"})
# layer file -> feature type, for every layer the page lets you hover or click
FEATURE_LAYERS = {"sections": "section", "areas": "area", "places": "place",
                  "zone_lines": "zone_line"}
PANEL_TYPES = ("section", "area", "place")  # the types panel_html tells the history of
DOWNLOADS = ("basemap_countries", "basemap_water", "zone_lines", "areas", "sections", "places")
INTRO = N_("Click a section of the line, an area or a place on the map, or pick one here, to "
           "read its history: status over time, dated events with sources, and where the Chinese "
           "and Soviet/Russian accounts differ.")
# the words site.js shows, in every language; {kind}/{id}/{error} are filled in by site.js
UI = {
    "title": N_("Border Atlas"),
    "subtitle": N_("the former Sino-Soviet border and how it was settled"),
    "status_in": N_("Status in"),
    "language": N_("Language"),
    "back": N_("← All sections and areas"),
    "also_called": N_("Also called:"),
    "missing": N_("No %(kind)s with the id “%(id)s” in this build."),
    "load_error": N_("Could not load the map data (%(error)s). Serve this folder over HTTP (for "
                     "example: python3 -m http.server) instead of opening index.html as a file."),
    "layer_areas": N_("Areas"),
    "layer_sections": N_("Border sections"),
    "layer_zones": N_("Former and claimed lines"),
    "layer_places": N_("Places"),
    "map_label": N_("Map of the border"),
}
TOKENS = {"%(kind)s": "{kind}", "%(id)s": "{id}", "%(error)s": "{error}"}


def _web_geometry(
    geom: BaseGeometry, tolerance: float, digits: int, merge: bool = False
) -> dict[str, Any]:
    """Simplified, rounded GeoJSON geometry for a web map (the app's ``web_geometry``)."""
    if merge and geom.geom_type == "MultiLineString":
        geom = shapely.line_merge(geom)
    return web_geometry(geom, tolerance, digits)


def _sort_key(props: Mapping[str, Any]) -> tuple[Any, ...]:
    """Chain order first (sections), then id, so output order never depends on input order."""
    order = props.get("order")
    return (order if isinstance(order, int) else math.inf, str(props.get("id")))


def layer_collection(
    frame: gpd.GeoDataFrame, tolerance: float, digits: int, merge: bool = False
) -> dict[str, Any]:
    """A layer as an RFC 7946 FeatureCollection keeping every property, geometry web-simplified."""
    features = []
    for row in frame.to_dict("records"):
        geom = row.pop("geometry", None)
        if geom is None or geom.is_empty:
            continue
        props = plain(row)
        features.append(
            {
                "type": "Feature",
                "id": str(props["id"]),
                "properties": props,
                "geometry": _web_geometry(geom, tolerance, digits, merge),
            }
        )
    features.sort(key=lambda f: _sort_key(f["properties"]))
    return {"type": "FeatureCollection", "features": features}


def _cited(value: Any, found: set[str]) -> None:
    """Collect every bibliography key cited anywhere inside a record."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key in SOURCE_KEYS:
                keys = [item] if isinstance(item, str) else item or []
                found.update(k for k in keys if isinstance(k, str))
            else:
                _cited(item, found)
    elif isinstance(value, list):
        for item in value:
            _cited(item, found)


def _alt_names(gazetteer: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Other names of each mapped feature, so the panel can say what else it is called."""
    out: dict[str, list[str]] = {}
    for entry in gazetteer:
        fid = entry.get("feature_id")
        names = [n for n in entry.get("alt_names") or [] if isinstance(n, str) and n]
        if isinstance(fid, str) and names:
            out.setdefault(fid, [])
            out[fid] += [n for n in names if n not in out[fid]]
    return {k: out[k] for k in sorted(out)}


def _key(value: str | None) -> str:
    """A status or holder as a JSON object key (None, 'nothing recorded', becomes 'null')."""
    return "null" if value is None else value


def _ui(lang: str) -> dict[str, str]:
    """The words of ``site.js`` in ``lang`` (placeholders as ``{kind}`` for the page to fill)."""
    _ = gettext(lang)
    out = {}
    for key, message in UI.items():
        text = _(message)
        for token, mark in TOKENS.items():
            text = text.replace(token, mark)
        out[key] = text
    return out


def _meta(first: int, last: int, holders: Iterable[str | None], atlas: Any = None,
          lang: str = "en") -> dict[str, Any]:
    """Legend, labels, colours and wording, taken from the app's own Python so both read the same."""
    _ = gettext(lang)
    statuses = [
        {"status": key, "colour": STATUS_COLOURS[key],
         "label": status_label(atlas, key, lang) if lang != "en" else STATUS_LABELS[key],
         "dash": STATUS_DASH.get(key)}
        for key in STATUS_COLOURS
    ]
    shown = sorted(set(holders), key=lambda h: (h is None, h or ""))
    holder_rows = [
        {"holder": h, "colour": HOLDER_COLOURS.get(h, HOLDER_COLOURS[None]),
         "label": yearly.holder_label(h, lang)}
        for h in shown
    ]
    held_by = _("Areas: held by")
    return {
        "generator": GENERATOR,
        "attribution": OSM_ATTRIBUTION,
        "attribution_html": esc(OSM_ATTRIBUTION),
        "years": {"first": first, "last": last},
        "statuses": statuses,
        "holders": holder_rows,
        # value in a run -> how the page draws and names it
        "values": {
            "section": {_key(s["status"]): s for s in statuses},
            "area": {_key(h["holder"]): h for h in holder_rows},
        },
        "wording": {
            "section": yearly.status_line("{label}", "{year}", lang),
            "area": yearly.holder_line("{label}", "{year}", lang),
        },
        "lang": lang,
        "ui": _ui(lang),
        "legend_html": legend_html(atlas=atlas, lang=lang)
        + f'<div class="ba-legend"><b>{esc(held_by)}</b><ul>' + "".join(
            f'<li><span class="ba-swatch" style="background:{h["colour"]}"></span> '
            f'{esc(h["label"])}</li>' for h in holder_rows
            if h["holder"] is not None and h["holder"] in HOLDER_COLOURS  # own colour only
        ) + "</ul></div>",
    }


def _button(ftype: str, fid: str, label: Any) -> str:
    """A panel button that opens a feature (site.js listens for clicks on ``data-kind``)."""
    return (f'<button type="button" class="ba-link" data-kind="{esc(ftype)}" data-id="{esc(fid)}">'
            f"{esc(label or fid)}</button>")


def index_html(atlas: Atlas, layers: Mapping[str, dict[str, Any]], lang: str = "en") -> str:
    """The panel before anything is chosen: every section and area, the chronicle, downloads."""
    _, _n = gettext(lang), ngettext(lang)

    def name(props: Mapping[str, Any]) -> Any:
        return props.get(f"name_{lang}") or props.get("name_en")

    sections = "".join(
        f'<li>{_button("section", f["id"], name(f["properties"]))}'
        f' <span class="ba-muted">{esc(pair_label(f["properties"].get("pair"), lang))}</span></li>'
        for f in layers["sections"]["features"])
    areas = sorted(layers["areas"]["features"], key=lambda f: str(name(f["properties"])))
    files = [f"{n}.geojson" for n in DOWNLOADS] + ["history.json"]
    events = atlas.events
    chronicle = _n("Chronicle: %(n)s event", "Chronicle: all %(n)s events", len(events)) % {
        "n": len(events)}
    api = _("(JSON API, full resolution; described in %(file)s)") % {
        "file": '<a href="datapackage.json">datapackage.json</a>'}  # our own markup, no data
    heads = (_("The border, section by section"), _("Areas that changed hands or were disputed"),
             _("Download the data"))
    note = _("Boundary geometry © OpenStreetMap contributors, ODbL; every feature lists its own "
             "sources.")
    return (
        f"<h2>{esc(heads[0])}</h2><p>{esc(_(INTRO))}</p>"
        f'<ol class="ba-index">{sections}</ol><h3>{esc(heads[1])}</h3>'
        '<ul class="ba-index">' + "".join(
            f'<li>{_button("area", f["id"], name(f["properties"]))}</li>' for f in areas)
        + f'</ul><details class="ba-chronicle"><summary>{esc(chronicle)}'
        f'</summary>{"".join(event_html(atlas, e, lang) for e in events)}</details>'
        f'<section><h3>{esc(heads[2])}</h3><ul class="ba-downloads">' + "".join(
            f'<li><a href="data/{f}" download="{f}">{f}</a></li>' for f in files)
        + f'<li><a href="{API_ROOT}/index.json">{API_ROOT}/index.json</a> {api}</li>'
        f'</ul><p class="ba-note">{esc(note)}</p></section>'
    )


def _fixed_style(feature_type: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
    """Leaflet style of features drawn the same in every year (the app's own style rules)."""
    if feature_type == "zone_line":
        return zone_line_style(props.get("kind"), props.get("claimant"))
    if feature_type == "place":
        return place_style(props.get("kind"))
    return None


def _texts(atlas: Atlas, layers: Mapping[str, dict[str, Any]], lang: str,
           meta: dict[str, Any]) -> dict[str, Any]:
    """What the page shows in one language: panels, tooltips, the index and the meta words."""
    panels: dict[str, str] = {}
    tips: dict[str, str] = {}
    for layer, ftype in FEATURE_LAYERS.items():
        for feature in layers.get(layer, {"features": []})["features"]:
            props, key = feature["properties"], f"{ftype}:{feature['id']}"
            tips[key] = tooltip_html(ftype, feature["id"], props, tip_lines(ftype, props, lang),
                                     lang)
            if ftype in PANEL_TYPES:
                panels[key] = panel_html(atlas, ftype, feature["id"], lang=lang)
    return {"meta": meta, "panels": panels, "tips": tips, "index": index_html(atlas, layers, lang)}


def history_document(atlas: Atlas, layers: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """What the page shows, rendered by the app's Python, plus the data and sources behind it."""
    first, last = yearly.year_range(atlas)
    runs = {**yearly.status_runs(atlas, first, last), **yearly.holder_runs(atlas, first, last)}
    holders = [v for key, run in runs.items() if key.startswith("area:") for _, v in run]
    styles: dict[str, dict[str, Any]] = {}
    for layer, ftype in FEATURE_LAYERS.items():
        for feature in layers.get(layer, {"features": []})["features"]:
            style = _fixed_style(ftype, feature["properties"])
            if style is not None:
                styles[f"{ftype}:{feature['id']}"] = style
    texts = {lang: _texts(atlas, layers, lang, _meta(first, last, holders, atlas, lang))
             for lang in LANGS}
    doc: dict[str, Any] = {
        **texts["en"],  # English at the top (as before); every language under "langs"
        "langs": {lang: texts[lang] for lang in LANGS if lang != "en"},
        "runs": runs,
        "styles": styles,
        "events": [plain(e) for e in atlas.events],
        "features": {
            kind: {fid: plain(atlas.feature_history[kind][fid])
                   for fid in sorted(atlas.feature_history.get(kind, {}))}
            for kind in ("sections", "areas")
        },
        "zones": [plain(atlas.zones[z]) for z in sorted(atlas.zones)],
        "versions": sorted((plain(v) for v in atlas.versions.values()), key=lambda v: v["date"]),
        "alt_names": _alt_names(atlas.gazetteer),
    }
    used: set[str] = set()
    _cited(doc, used)
    for collection in layers.values():
        _cited([f["properties"] for f in collection["features"]], used)
    doc["bibliography"] = {
        key: {k: plain(v) for k, v in sorted(atlas.bibliography[key].items()) if k in CSL_FIELDS}
        for key in sorted(used)
        if key in atlas.bibliography
    }
    return doc


def _digest(*blobs: bytes) -> str:
    """Short content hash used as a cache-busting version in URLs."""
    h = hashlib.sha256()
    for blob in blobs:
        h.update(hashlib.sha256(blob).digest())
    return h.hexdigest()[:12]


def _template(name: str) -> bytes:
    """Read one of our site template files shipped inside the package."""
    return resources.files("borderatlas.export").joinpath(TEMPLATE_DIR, name).read_bytes()


def site_files(atlas: Atlas) -> dict[str, bytes]:
    """Every file of the static site as relative path -> bytes (no disk writes; testable)."""
    files: dict[str, bytes] = {}
    layers = {
        name: layer_collection(atlas.layer(name), tol, digits, name in MERGE_LINES)
        for name, (tol, digits) in WEB_LAYERS.items()
    }
    for name, collection in layers.items():
        files[f"data/{name}.geojson"] = json_bytes(collection)
    files["data/history.json"] = json_bytes(history_document(atlas, layers))
    api = api_files(atlas)
    files.update(api)
    files["datapackage.json"] = json_bytes(datapackage(api))
    for item in vendor_files():
        if item.relative.startswith("leaflet/"):
            files[f"assets/{item.relative}"] = item.source.read_bytes()
    for name in SITE_FILES:
        files[f"assets/{name}"] = _template(name)
    data_version = _digest(*(files[k] for k in sorted(files) if k.startswith("data/")))
    tokens = {
        "{{data_version}}": data_version,
        "{{generator}}": GENERATOR,
        **{
            f"{{{{asset:{rel}}}}}": f"assets/{rel}?v={_digest(files[f'assets/{rel}'])}"
            for rel in ("leaflet/leaflet.js", "leaflet/leaflet.css", *SITE_FILES)
        },
    }
    page = _template("index.html").decode("utf-8")
    for token, value in tokens.items():
        page = page.replace(token, value)
    if "{{" in page:
        raise ValueError("index.html template has an unknown {{token}}")
    files["index.html"] = page.encode("utf-8")
    return dict(sorted(files.items()))


def export_site(atlas: Atlas, out: Path) -> Path:
    """Write the static site into ``out`` (replacing a previous export) and return its index.html.

    Only ``index.html``, ``assets/`` and ``data/`` are replaced; other files in ``out`` (a CNAME,
    a README) are left alone. The new tree is written beside them first, so a failed export
    never leaves half a site behind.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = site_files(atlas)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out))
    try:
        for rel, blob in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blob)
        for top in ("assets", "data", API_TOP):
            if (out / top).is_dir():
                shutil.rmtree(out / top)
            (staging / top).replace(out / top)
        for name in ("index.html", "datapackage.json"):
            (staging / name).replace(out / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out / "index.html"


def export_size(out: Path) -> int:
    """Total bytes of an export (what a host must store and a cold visitor may download)."""
    return sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
