"""What the pages show, computed from an Atlas: statuses in a year, version lines, diffs, search.

Thin adapters over ``history`` (lead), ``lines`` and ``compare`` (GEO helper): where a module
does not offer a call yet, a small local fallback written against docs/DATA_MODEL.md is used.
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
from shapely.geometry import box
from shapely.ops import linemerge, polygonize, unary_union

from borderatlas import history

STATUSES = ("treaty", "disputed", "agreed", "demarcated")
COUNTRY_NAMES = {
    "CHN": "China", "RUS": "Russia", "SUN": "USSR", "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan",
    "TJK": "Tajikistan", "MNG": "Mongolia", "PRK": "North Korea", "AFG": "Afghanistan",
    "disputed": "disputed",
}
PAIR_LABELS = {
    "CHN-RUS-E": "China–Russia (east)", "CHN-RUS-W": "China–Russia (west)",
    "CHN-KAZ": "China–Kazakhstan", "CHN-KGZ": "China–Kyrgyzstan", "CHN-TJK": "China–Tajikistan",
}


@dataclass(frozen=True)
class Hit:
    """One search result: which feature, how to label it, and the name that matched."""

    feature_type: str
    feature_id: str
    label: str
    matched: str


def _optional(module: str, name: str) -> Any:
    """Return ``borderatlas.<module>.<name>`` if that exists yet, else None."""
    try:
        mod = importlib.import_module(f"borderatlas.{module}")
    except ImportError:
        return None
    return getattr(mod, name, None)


def day(value: str | None) -> dt.date | None:
    """Parse an ISO date of year/month/day precision to its first day."""
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def year_end(year: int) -> dt.date:
    """Give the day whose state a year shows: its last, so the year's events count."""
    return dt.date(year, 12, 31)


def _interval_value(rows: list[dict[str, Any]], key: str, when: dt.date) -> str | None:
    """Value of ``key`` in the row whose [from, to) interval contains ``when``."""
    for row in rows or []:
        start, end = day(row.get("from")), day(row.get("to"))
        if (start is None or start <= when) and (end is None or when < end):
            return row.get(key)
    return None


def status_at(atlas: Any, section_id: str, year: int) -> str | None:
    """Status of a section at the end of ``year``; None when unknown or unrecorded."""
    try:
        return history.status_at(atlas, section_id, year)
    except history.UnknownFeatureError:
        return None


def holder_at(atlas: Any, area_id: str, year: int) -> str | None:
    """Holder of an area at the end of ``year``; None when unknown or unrecorded."""
    try:
        return history.holder_at(atlas, area_id, year)
    except history.UnknownFeatureError:
        return None


def area_status_at(atlas: Any, area_id: str, year: int) -> str | None:
    """Status of an area at the end of ``year`` from its timeline."""
    entry = atlas.feature_history.get("areas", {}).get(area_id, {})
    return _interval_value(entry.get("timeline", []), "status", year_end(year))


def status_map(atlas: Any, year: int) -> dict[str, str | None]:
    """Status of every section at the end of ``year``."""
    return {sid: status_at(atlas, sid, year) for sid in atlas.sections["id"]}


def holder_map(atlas: Any, year: int) -> dict[str, str | None]:
    """Holder of every area at the end of ``year``."""
    return {aid: holder_at(atlas, aid, year) for aid in atlas.areas["id"]}


def events_for(atlas: Any, kind: str, feature_id: str) -> list[dict[str, Any]]:
    """Events naming a section or an area, by date; empty for unknown ids."""
    try:
        return list(history.events_for(atlas, kind, feature_id))
    except history.UnknownFeatureError:
        return []


def search(atlas: Any, query: str) -> list[Hit]:
    """Sections, areas and places with a name in any language matching ``query``."""
    hits = []
    for h in history.search(atlas, query):
        if h.feature_type in ("section", "area", "place") and h.feature_id:
            hit = Hit(h.feature_type, h.feature_id, h.label, h.matched)
            if hit not in hits:
                hits.append(hit)
    return hits


def layer_for(atlas: Any, feature_type: str) -> gpd.GeoDataFrame:
    """Return the GeoDataFrame holding features of a type (section, area, place, zone_line)."""
    return {"section": atlas.sections, "area": atlas.areas, "place": atlas.places,
            "zone_line": atlas.zone_lines}[feature_type]


def feature_row(atlas: Any, feature_type: str, feature_id: str) -> dict[str, Any] | None:
    """Properties and geometry of one feature, or None when the id is unknown."""
    try:
        frame = layer_for(atlas, feature_type)
    except KeyError:
        return None
    match = frame[frame["id"] == feature_id]
    if match.empty:
        return None
    return match.iloc[0].to_dict()


def feature_bounds(atlas: Any, feature_type: str, feature_id: str,
                   pad_deg: float = 0.05) -> tuple[tuple[float, float], int] | None:
    """Centre (lat, lon) and a Leaflet zoom that fits one feature."""
    row = feature_row(atlas, feature_type, feature_id)
    if row is None or row.get("geometry") is None:
        return None
    minx, miny, maxx, maxy = row["geometry"].bounds
    mid_lat = (miny + maxy) / 2
    # Web Mercator: a degree of latitude is 1/cos(lat) times longer on screen
    span = max(maxx - minx, (maxy - miny) / max(math.cos(math.radians(mid_lat)), 0.2), pad_deg)
    zoom = 11
    # the map is ~2 tiles (2 × 256 px) wide; leave a third as margin
    while zoom > 3 and span * 1.5 > 2 * 360 / 2**zoom:
        zoom -= 1
    return ((miny + maxy) / 2, (minx + maxx) / 2), zoom


def sorted_versions(atlas: Any) -> list[dict[str, Any]]:
    """Versions of the line in date order."""
    return sorted(atlas.versions.values(), key=lambda v: day(v["date"]) or dt.date.min)


def _fallback_version_line(atlas: Any, version_id: str) -> gpd.GeoDataFrame:
    """Present sections with each zone's old line spliced in where its change is later."""
    vdate = day(atlas.versions[version_id]["date"])
    zones = [z for z in atlas.zones.values() if (day(z.get("change_date")) or dt.date.min) > vdate]
    rows = []
    for sec in atlas.sections.itertuples():
        geom = sec.geometry
        for zone in zones:
            if zone.get("section_id") == sec.id:
                geom = geom.difference(box(*zone["bbox"]))
        rows.append({"id": sec.id, "section_id": sec.id, "zone_id": None, "geometry": geom})
    old = atlas.zone_lines[atlas.zone_lines.get("kind", "") == "old"] if len(atlas.zone_lines) \
        else atlas.zone_lines
    zone_ids = {z["id"] for z in zones}
    for zl in old.itertuples():
        if zl.zone_id in zone_ids:
            sid = atlas.zones[zl.zone_id].get("section_id")
            rows.append({"id": zl.id, "section_id": sid, "zone_id": zl.zone_id,
                         "geometry": zl.geometry})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def version_line(atlas: Any, version_id: str) -> gpd.GeoDataFrame:
    """Return the whole line of a version as pieces with ``id``, ``section_id``, ``zone_id``."""
    fn = _optional("lines", "version_line") or _optional("lines", "line_for_version")
    if fn is not None:
        frame = fn(atlas, version_id)
        if "section_id" not in frame.columns:
            frame = frame.assign(section_id=frame["id"])
        if "zone_id" not in frame.columns:
            frame = frame.assign(zone_id=None)
        return frame
    return _fallback_version_line(atlas, version_id)


def _zone_polygon(atlas: Any, zone: dict[str, Any]) -> Any:
    """Polygon enclosed between a zone's old line and the present section, within its bbox."""
    transfer = atlas.areas[(atlas.areas.get("zone_id") == zone["id"])
                           & (atlas.areas.geom_type.isin(["Polygon", "MultiPolygon"]))]
    if len(transfer):
        return unary_union(list(transfer.geometry))
    old = atlas.zone_lines[(atlas.zone_lines["zone_id"] == zone["id"])
                           & (atlas.zone_lines["kind"] == "old")]
    sec = atlas.sections[atlas.sections["id"] == zone.get("section_id")]
    if old.empty or sec.empty:
        return None
    present = sec.geometry.iloc[0].intersection(box(*zone["bbox"]))
    merged = unary_union([*old.geometry, present])
    polys = list(polygonize(linemerge(merged) if merged.geom_type == "MultiLineString"
                            else merged))
    return unary_union(polys) if polys else None


def _holders_between(atlas: Any, zone_id: str, a: dt.date, b: dt.date) -> tuple[str, str]:
    """Holder of a zone's areas on two dates, as readable names."""
    rows = atlas.areas[atlas.areas.get("zone_id") == zone_id]
    for aid in rows["id"]:
        holders = atlas.feature_history.get("areas", {}).get(aid, {}).get("holders")
        if holders:
            h_a = _interval_value(holders, "holder", a) or "?"
            h_b = _interval_value(holders, "holder", b) or "?"
            return COUNTRY_NAMES.get(h_a, h_a), COUNTRY_NAMES.get(h_b, h_b)
    return "?", "?"


def compare_versions(atlas: Any, version_a: str, version_b: str) -> list[dict[str, Any]]:
    """Every place where two versions differ: zone, area, holders, agreement, sources, geometry."""
    fn = _optional("compare", "compare_versions") or _optional("compare", "differences")
    if fn is not None:
        return [dict(r) for r in fn(atlas, version_a, version_b)]
    da, db = (day(atlas.versions[v]["date"]) for v in (version_a, version_b))
    lo, hi = min(da, db), max(da, db)
    rows = []
    geod = _optional("geodesy", "area_km2")
    for zone in sorted(atlas.zones.values(), key=lambda z: z.get("change_date", "")):
        change = day(zone.get("change_date"))
        if change is None or not (lo < change <= hi):
            continue
        poly = _zone_polygon(atlas, zone)
        area = None
        if poly is not None and not poly.is_empty:
            area = round(geod(poly), 1) if geod else round(
                float(gpd.GeoSeries([poly], crs="EPSG:4326").to_crs("EPSG:6933").area[0]) / 1e6,
                1)
        before, after = _holders_between(atlas, zone["id"], lo, hi)
        rows.append({
            "zone_id": zone["id"], "section_id": zone.get("section_id"),
            "name_en": zone.get("name_en", zone["id"]), "area_km2": area,
            "from_holder": before, "to_holder": after,
            "agreement": zone.get("agreement", ""), "change_date": zone.get("change_date"),
            "event_id": zone.get("change_event"), "sources": list(zone.get("sources") or []),
            "geometry": poly,
        })
    return rows


def headline_figures(atlas: Any) -> dict[str, Any]:
    """Figures for the home page, all computed from the data."""
    sections = atlas.sections
    length = float(sections["length_km"].sum()) if "length_km" in sections else 0.0
    transfers = atlas.areas[atlas.areas.get("kind") == "transfer"] if len(atlas.areas) \
        else atlas.areas
    moved = float(transfers["computed_area_km2"].fillna(0).sum()) if len(transfers) else 0.0
    years = [day(e["date"]).year for e in atlas.events if e.get("date")]
    return {
        "length_km": round(length),
        "sections": len(sections),
        "pairs": sections["pair"].nunique() if "pair" in sections else 0,
        "areas": len(atlas.areas),
        "transferred_km2": round(moved, 1),
        "events": len(atlas.events),
        "first_year": min(years) if years else None,
        "last_year": max(years) if years else None,
        "treaties": sum(1 for e in atlas.events if e.get("type") in ("treaty", "agreement")),
    }
