"""Features as small GeoJSON for the map: stable ids, an escaped EN/RU/ZH tooltip and a click marker.

Every feature carries an ``id`` property and a tooltip whose hidden marker ``[[ba:<type>:<id>]]``
lets the app learn which feature was clicked from streamlit-folium's
``last_object_clicked_tooltip`` without sending any geometry back.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import geopandas as gpd
from shapely.geometry import shape

from borderatlas.dates import format_when
from borderatlas.geo.simplify import digits_for, pixel_degrees, round_coords, web_geometry
from borderatlas.style import LAND_STYLE, RIVER_STYLE, RIVER_WATER_STYLE, WATER_STYLE
from borderatlas.views.messages import N_, area, gettext, km
from borderatlas.views.text import esc
from borderatlas.views.viewmodel import kind_label, pair_label

BASEMAP_DIGITS = 3  # decimals of the land and water outlines (drawn at 0.02°, ~2 km)
BASEMAP_DETAIL_ZOOM = 7  # the rivers' close-up levels start here (``split_basemap``)
CLAIMANTS = {"CHN": N_("China"), "SUN": N_("the USSR, then Russia"), "RUS": N_("Russia")}
CLEARED = "[[ba:cleared]]"  # what the map reports when the reader closes the history panel
MARKER = re.compile(r"\[\[ba:([a-z_]+):([a-z0-9][a-z0-9._-]*)\]\]")


def marker(feature_type: str, feature_id: str) -> str:
    """Hidden text that identifies a feature inside its tooltip."""
    return f"[[ba:{feature_type}:{feature_id}]]"


def parse_clicked(tooltip_text: str | None) -> tuple[str, str] | None:
    """Feature (type, id) from streamlit-folium's clicked-tooltip text, or None."""
    if not tooltip_text:
        return None
    found = MARKER.search(str(tooltip_text))
    return (found.group(1), found.group(2)) if found else None


def tooltip_html(feature_type: str, feature_id: str, props: Mapping[str, Any],
                 extra: Iterable[str] = (), lang: str = "en") -> str:
    """Tooltip body: the name in ``lang`` first (bold), then the other two, plus extra lines.

    Every value is escaped; the hidden click marker stays the last thing in the tooltip.
    """
    names = {k: esc(props.get(f"name_{k}")) for k in ("en", "ru", "zh")}
    pinyin = esc(props.get("name_zh_pinyin"))

    def name(code: str) -> str:
        shown = names[code]
        if code == "zh" and shown and pinyin:
            shown += f" <i>{pinyin}</i>"
        return shown if code == "en" else f'<span lang="{code}">{shown}</span>'

    first = lang if names.get(lang) else "en"
    lines = [f"<b>{name(first)}</b>" if names[first] else f"<b>{esc(feature_id)}</b>"]
    lines += [name(c) for c in ("en", "ru", "zh") if c != first and names[c]]
    lines += [f"<small>{esc(x)}</small>" for x in extra if x]
    hidden = f'<span style="display:none"> {esc(marker(feature_type, feature_id))}</span>'
    return "<br>".join(lines) + hidden


def to_features(frame: gpd.GeoDataFrame, feature_type: str, tolerance: float = 0.0,
                extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
                tip_lines: Callable[[dict[str, Any]], list[str]] | None = None,
                lang: str = "en") -> list[dict[str, Any]]:
    """GeoJSON features with only ``id``, ``type``, ``tip`` and styling keys (small payload)."""
    out = []
    for row in frame.to_dict("records"):
        geom = row.get("geometry")
        if geom is None or geom.is_empty:
            continue
        fid = str(row["id"])
        props: dict[str, Any] = {"id": fid, "ftype": feature_type}
        if extra:  # a missing value (pandas' NaN) is JSON null: JSON has no NaN
            props.update({k: None if isinstance(v, float) and math.isnan(v) else v
                          for k, v in extra(row).items()})
        props["tip"] = tooltip_html(feature_type, fid, row, tip_lines(row) if tip_lines else [],
                                    lang)
        out.append({"type": "Feature", "id": fid, "properties": props,
                    "geometry": web_geometry(geom, tolerance)})
    return out


def basemap_document(countries: gpd.GeoDataFrame, water: gpd.GeoDataFrame,
                     tolerance: float = 0.02, rivers: gpd.GeoDataFrame | None = None,
                     ) -> dict[str, Any]:
    """The basemap as one GeoJSON document with styles inline, served as a static file.

    Countries and water are simplified to ``tolerance``; the named border rivers keep their own
    detail levels and carry ``minZoom``/``maxZoom`` (the browser shows each only in that range)
    and a ``label`` on the first feature of each name and level.
    """
    feats = []
    for frame, style, kind in ((countries, LAND_STYLE, "land"), (water, WATER_STYLE, "water")):
        for f in to_features(frame, kind, tolerance):
            props = {k: v for k, v in f["properties"].items() if k != "tip"}
            geometry = {**f["geometry"],  # simplified at ~2 km: 0.001° (~100 m) loses nothing
                        "coordinates": round_coords(f["geometry"]["coordinates"], BASEMAP_DIGITS)}
            feats.append({**f, "properties": {**props, "style": style}, "geometry": geometry})
    labelled: set[tuple[str, str]] = set()
    for row in (rivers.to_dict("records") if rivers is not None else []):
        polygon = row["kind"] == "river_water"
        key = (str(row.get("label")), str(row.get("level")))
        river: dict[str, Any] = {
            "id": row["id"], "style": RIVER_WATER_STYLE if polygon else RIVER_STYLE,
            "minZoom": int(row["min_zoom"]),
            "maxZoom": int(row["max_zoom"]) if row.get("max_zoom") == row.get("max_zoom")
            and row.get("max_zoom") is not None else None,
        }
        if not polygon and key not in labelled:
            labelled.add(key)
            river["label"] = row.get("label")
        # each level within a twentieth of a pixel at the deepest zoom it is drawn (z6: 0.001°)
        digits = (digits_for(pixel_degrees(river["maxZoom"])) if river["maxZoom"] is not None
                  else None)
        feats.append({"type": "Feature", "id": row["id"], "properties": river,
                      "geometry": web_geometry(row["geometry"], 0.0, digits)})
    return {"type": "FeatureCollection", "features": feats}


def split_basemap(doc: dict[str, Any],
                  zoom: int = BASEMAP_DETAIL_ZOOM) -> tuple[dict[str, Any], dict[str, Any]]:
    """The basemap as an overview and its close-up detail: features shown only from ``zoom`` on.

    A first visit then fetches the overview alone; ``fetched-basemap.js`` fetches the detail the
    first time the reader zooms in that far, when the overview names it as
    ``detail: {href (relative to the overview's URL), minZoom}``.
    """
    near = [f for f in doc["features"] if (f["properties"].get("minZoom") or 0) >= zoom]
    far = [f for f in doc["features"] if (f["properties"].get("minZoom") or 0) < zoom]
    return ({"type": "FeatureCollection", "features": far},
            {"type": "FeatureCollection", "features": near})


def detail_parts(detail: dict[str, Any]) -> list[dict[str, Any]]:
    """The close-up detail as one document per feature, each with its ``bbox`` and ``minZoom``.

    ``fetched-basemap.js`` fetches a part only once the map is zoomed in that far over it, so a
    close view of the Pamir fetches none of the Amur's rivers.
    """
    parts = []
    for feature in detail["features"]:
        west, south, east, north = shape(feature["geometry"]).bounds  # outward to 0.001°
        bounds = ([math.floor(v * 1000) / 1000 for v in (west, south)]
                  + [math.ceil(v * 1000) / 1000 for v in (east, north)])
        parts.append({"type": "FeatureCollection", "bbox": bounds,
                      "minZoom": feature["properties"].get("minZoom") or 0,
                      "features": [feature]})
    return parts


def tip_lines(feature_type: str, row: Mapping[str, Any], lang: str = "en") -> list[str]:
    """Tooltip lines that do not change with the year, the same on the map and the static site."""
    _ = gettext(lang)
    if feature_type == "section":
        length = row.get("length_km")
        shown = km(float(length), lang, 0) if isinstance(length, (int, float)) else ""
        return [f"{pair_label(row.get('pair', ''), lang)} · {shown}"]
    if feature_type == "area":
        lines = [kind_label(row.get("kind"), lang) if row.get("kind") else ""]
        for label, key in ((N_("published %(area)s"), "published_area_km2"),
                           (N_("computed %(area)s"), "computed_area_km2")):
            value = row.get(key)
            if isinstance(value, (int, float)) and value == value:
                lines.append(_(label) % {"area": area(float(value), lang)})
        return lines
    if feature_type == "place":
        when = row.get("date")
        return [kind_label(row.get("kind", ""), lang), format_when(when, lang) if when else ""]
    start = format_when(row["valid_from"], lang) if row.get("valid_from") else "?"
    end = format_when(row["valid_to"], lang) if row.get("valid_to") else _("open")
    span = f"{start} – {end}"
    claimant = CLAIMANTS.get(str(row.get("claimant")))
    who = _(claimant) if claimant else str(row.get("claimant"))
    if row.get("kind") == "claim":
        text = (_("claimed by %(who)s (schematic)") if row.get("schematic") is True
                else _("claimed by %(who)s"))
        return [text % {"who": who}, span]
    if row.get("claimant"):
        return [_("old line, also the position of %(who)s") % {"who": who}, span]
    return [_("old line"), span]
