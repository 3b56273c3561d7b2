"""Features as small GeoJSON for the map: stable ids, an escaped EN/RU/ZH tooltip and a click marker.

Every feature carries an ``id`` property and a tooltip whose hidden marker ``[[ba:<type>:<id>]]``
lets the app learn which feature was clicked from streamlit-folium's
``last_object_clicked_tooltip`` without sending any geometry back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import geopandas as gpd

from borderatlas.geo.simplify import web_geometry
from borderatlas.style import LAND_STYLE, RIVER_STYLE, RIVER_WATER_STYLE, WATER_STYLE
from borderatlas.views.text import esc

CLAIMANTS = {"CHN": "China", "SUN": "the USSR, then Russia", "RUS": "Russia"}
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
                 extra: Iterable[str] = ()) -> str:
    """Tooltip body: English, Russian and Chinese names (escaped) plus escaped extra lines."""
    en, ru, zh = (esc(props.get(k)) for k in ("name_en", "name_ru", "name_zh"))
    pinyin = esc(props.get("name_zh_pinyin"))
    lines = [f"<b>{en or esc(feature_id)}</b>"]
    if ru:
        lines.append(f'<span lang="ru">{ru}</span>')
    if zh:
        lines.append(f'<span lang="zh">{zh}</span>' + (f" <i>{pinyin}</i>" if pinyin else ""))
    lines += [f"<small>{esc(x)}</small>" for x in extra if x]
    hidden = f'<span style="display:none"> {esc(marker(feature_type, feature_id))}</span>'
    return "<br>".join(lines) + hidden


def to_features(frame: gpd.GeoDataFrame, feature_type: str, tolerance: float = 0.0,
                extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
                tip_lines: Callable[[dict[str, Any]], list[str]] | None = None,
                ) -> list[dict[str, Any]]:
    """GeoJSON features with only ``id``, ``type``, ``tip`` and styling keys (small payload)."""
    out = []
    for row in frame.to_dict("records"):
        geom = row.get("geometry")
        if geom is None or geom.is_empty:
            continue
        fid = str(row["id"])
        props: dict[str, Any] = {"id": fid, "ftype": feature_type}
        if extra:
            props.update(extra(row))
        props["tip"] = tooltip_html(feature_type, fid, row, tip_lines(row) if tip_lines else [])
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
            feats.append({**f, "properties": {**props, "style": style}})
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
        feats.append({"type": "Feature", "id": row["id"], "properties": river,
                      "geometry": web_geometry(row["geometry"], 0.0)})
    return {"type": "FeatureCollection", "features": feats}


def tip_lines(feature_type: str, row: Mapping[str, Any]) -> list[str]:
    """Tooltip lines that do not change with the year, the same on the map and the static site."""
    if feature_type == "section":
        length = row.get("length_km")
        km = f"{float(length):,.0f} km" if isinstance(length, (int, float)) else ""
        return [f"{row.get('pair', '')} · {km}"]
    if feature_type == "area":
        lines = [str(row.get("kind") or "")]
        for label, key in (("published", "published_area_km2"), ("computed", "computed_area_km2")):
            value = row.get(key)
            if isinstance(value, (int, float)) and value == value:
                lines.append(f"{label} {value:g} km²")
        return lines
    if feature_type == "place":
        return [str(row.get("kind", "")).replace("_", " "), str(row.get("date") or "")]
    span = f"{row.get('valid_from') or '?'} – {row.get('valid_to') or 'open'}"
    who = CLAIMANTS.get(str(row.get("claimant")), str(row.get("claimant")))
    schematic = " (schematic)" if row.get("schematic") is True else ""
    if row.get("kind") == "claim":
        return [f"claimed by {who}{schematic}", span]
    if row.get("claimant"):
        return [f"old line, also the position of {who}", span]
    return ["old line", span]
