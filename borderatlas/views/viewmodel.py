"""What the pages show, computed from an Atlas: statuses in a year, version lines, diffs, search.

Thin adapters over ``history``, ``lines`` and ``compare`` shaped for tables and layers.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from typing import Any

import geopandas as gpd

from borderatlas.data.loader import Atlas
from borderatlas.dates import SOVIET_END, day, neighbour, parse_date
from borderatlas.geo import history
from borderatlas.geo.compare import changes_between, record_changes
from borderatlas.geo.lines import LineSet
from borderatlas.geodesy import length_km
from borderatlas.style import STATUS_LABELS
from borderatlas.views.i18n import status_key, text
from borderatlas.views.messages import N_, gettext, tr

STATUSES = ("treaty", "disputed", "agreed", "demarcated")
COUNTRY_NAMES = {  # English msgids: shown through gettext(lang) (see country_name)
    "CHN": N_("China"), "RUS": N_("Russia"), "SUN": N_("USSR"), "KAZ": N_("Kazakhstan"),
    "KGZ": N_("Kyrgyzstan"), "TJK": N_("Tajikistan"), "MNG": N_("Mongolia"),
    "PRK": N_("North Korea"), "AFG": N_("Afghanistan"), "disputed": N_("disputed"),
}
PAIR_LABELS = {
    "CHN-RUS-E": N_("China–Russia (east)"), "CHN-RUS-W": N_("China–Russia (west)"),
    "CHN-KAZ": N_("China–Kazakhstan"), "CHN-KGZ": N_("China–Kyrgyzstan"),
    "CHN-TJK": N_("China–Tajikistan"),
}

KIND_LABELS = {  # event types, area and place kinds as readers see them
    "treaty": N_("treaty"), "agreement": N_("agreement"), "talks": N_("talks"),
    "clash": N_("clash"), "ratification": N_("ratification"),
    "entry_into_force": N_("entry into force"), "demarcation": N_("demarcation"),
    "handover": N_("handover"), "statement": N_("statement"), "meeting": N_("meeting"),
    "other": N_("other"), "island": N_("island"), "transfer": N_("transfer"),
    "settlement": N_("settlement"), "tripoint": N_("tripoint"),
    "split_point": N_("split point"), "clash_site": N_("clash site"), "crossing": N_("crossing"),
    "city": N_("city"), "old": N_("old line"), "claim": N_("claim"),
}


def kind_label(kind: Any, lang: str = "en") -> str:
    """An event type or a feature kind in ``lang`` ('entry_into_force' -> 'entry into force')."""
    label = KIND_LABELS.get(str(kind))
    return tr(lang, label) if label else str(kind or "").replace("_", " ")


def version_label(atlas: Any, version_id: str, lang: str = "en") -> str:
    """A version's label ('2001 treaty') from its ``label_<lang>``, else its English label."""
    version = atlas.versions.get(version_id) or {}
    return str(version.get(f"label_{lang}") or version.get("label_en") or version_id)


def country_name(code: Any, lang: str = "en") -> str:
    """'CHN' -> 'China' / 'Китай' / '中国'; an unknown code is shown as it is."""
    name = COUNTRY_NAMES.get(str(code))
    return tr(lang, name) if name else str(code)


def pair_label(pair: Any, lang: str = "en") -> str:
    """'CHN-KAZ' -> 'China–Kazakhstan' in ``lang``; an unknown pair as it is."""
    label = PAIR_LABELS.get(str(pair))
    return tr(lang, label) if label else str(pair)


def status_label(atlas: Any, status: str | None, lang: str = "en") -> str:
    """A status label in ``lang`` from the content catalog (``geodata/i18n``), else English."""
    _ = gettext(lang)
    if status not in STATUS_LABELS:
        return str(status) if status else _("not recorded")
    return text(atlas, status_key(status), STATUS_LABELS[status], lang)[0]



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


def area_status_at(atlas: Atlas, area_id: str, year: int) -> str | None:
    """Status of an area at the end of ``year`` from its timeline; None when unknown."""
    try:
        return history.status_at(atlas, area_id, year, kind="area")
    except history.UnknownFeatureError:
        return None


def status_map(atlas: Any, year: int) -> dict[str, str | None]:
    """Status of every section at the end of ``year``."""
    return {sid: status_at(atlas, sid, year) for sid in atlas.sections["id"]}


def holder_map(atlas: Any, year: int) -> dict[str, str | None]:
    """Holder of every area at the end of ``year``."""
    return {aid: holder_at(atlas, aid, year) for aid in atlas.areas["id"]}


def events_for(atlas: Any, kind: history.Kind, feature_id: str) -> list[dict[str, Any]]:
    """Events naming a section or an area, by date; empty for unknown ids."""
    try:
        return list(history.events_for(atlas, kind, feature_id))
    except history.UnknownFeatureError:
        return []


def search(atlas: Any, query: str) -> list[history.SearchHit]:
    """Sections, areas and places (one hit each, best first) with a name matching ``query``."""
    hits: dict[tuple[str, str], history.SearchHit] = {}
    for h in history.search(atlas, query):
        if h.feature_type in ("section", "area", "place") and h.feature_id:
            hits.setdefault((h.feature_type, h.feature_id), h)
    return list(hits.values())


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


def zone_view(atlas: Any, zone_id: str, zoom: int = 9) -> tuple[tuple[float, float], int] | None:
    """Centre (lat, lon) and zoom on a change zone's bounding box, or None for an unknown zone."""
    zone = atlas.zones.get(zone_id)
    if zone is None:
        return None
    minx, miny, maxx, maxy = zone["bbox"]
    return ((miny + maxy) / 2, (minx + maxx) / 2), zoom


def sorted_versions(atlas: Any) -> list[dict[str, Any]]:
    """Versions of the line in date order."""
    return sorted(atlas.versions.values(), key=lambda v: day(v["date"]) or dt.date.min)


@functools.lru_cache(maxsize=8)
def lineset(atlas: Atlas) -> LineSet:
    """Line composer for an atlas, built once (the atlas itself is cached per process)."""
    return LineSet.from_atlas(atlas)


LINE_COLUMNS = [
    "id", "section_id", "pair", "order", "name_en", "status", "zone_ids", "length_km", "date",
    "geometry",
]


def line_on(atlas: Atlas, when: dt.date) -> gpd.GeoDataFrame:
    """The whole line on a day, one row per section in chain order, with that day's status.

    Columns ``LINE_COLUMNS``: ``zone_ids`` are the zones whose older line is spliced in that
    day, ``length_km`` the geodesic length of that day's line, ``date`` the ISO day.
    """
    iso = when.isoformat()
    ls = lineset(atlas)
    pending: dict[str, list[str]] = {}
    for zid in ls.pending_zones(iso):
        pending.setdefault(ls.zones[zid]["section_id"], []).append(zid)
    lines = ls.lines_at(iso)
    meta = atlas.sections.set_index("id")
    rows = [
        {
            "id": sid, "section_id": sid, "pair": ls.section_pairs[sid],
            "order": ls.section_order[sid], "name_en": meta.at[sid, "name_en"],
            "status": history.status_at(atlas, sid, when),
            "zone_ids": sorted(pending.get(sid, [])),
            "length_km": round(length_km(lines[sid]), 3), "date": iso, "geometry": lines[sid],
        }
        for sid in sorted(lines, key=lambda s: (ls.section_order[s], s))
    ]
    return gpd.GeoDataFrame(rows, columns=LINE_COLUMNS, geometry="geometry", crs="EPSG:4326")


def version_line(atlas: Atlas, version_id: str) -> gpd.GeoDataFrame:
    """The whole line of a version, one row per section (``id``, ``section_id``, ``zone_id``)."""
    ls = lineset(atlas)
    pending: dict[str, str] = {}
    for zid in ls.pending_zones(version_id):
        pending.setdefault(ls.zones[zid]["section_id"], zid)
    lines = ls.lines_at(version_id)
    rows = [
        {"id": sid, "section_id": sid, "zone_id": pending.get(sid), "geometry": geom}
        for sid, geom in lines.items()
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _neighbour(ls: LineSet, zone: dict[str, Any], before: str) -> str:
    """Who held the non-Chinese side of a zone just before its change."""
    return neighbour(ls.section_pairs[zone["section_id"]], before)


def compare_versions(atlas: Atlas, version_a: str, version_b: str) -> list[dict[str, Any]]:
    """Every zone whose line moved between two versions or dates, read from A to B.

    Each row: geodesic area, holders, agreement, event, sources, polygon.
    """
    ls = lineset(atlas)
    forward = ls.date_of(version_a) <= ls.date_of(version_b)
    rows = []
    for change in changes_between(ls, version_a, version_b):
        zone = ls.zones[change.zone_id]
        other = COUNTRY_NAMES.get(_neighbour(ls, zone, change.change_date))
        gain = (change.direction == "to_CHN") == forward  # China gains going from A to B
        event = atlas_event(atlas, zone.get("change_event"))
        rows.append({
            "kind": "line", "zone_id": change.zone_id, "section_id": zone["section_id"],
            "feature": f"section:{zone['section_id']}",
            "name_en": zone.get("name_en", change.zone_id), "area_km2": round(change.area_km2, 1),
            "from_holder": other if gain else "China", "to_holder": "China" if gain else other,
            "agreement": change.agreement, "change_date": change.change_date,
            "event_id": zone.get("change_event"), "event_title": (event or {}).get("title_en"),
            "sources": list(change.sources), "geometry": change.polygon,
        })
    for row in rows:
        row["from"], row["to"] = row["from_holder"], row["to_holder"]
    return rows


TRANSFER_KINDS = ("transfer", "settlement")  # areas that changed hands (the east's islands, Central Asia)


def transferred_by_pair(atlas: Any) -> dict[str, float]:
    """Computed area (km², geodesic) of every area that changed hands, summed by country pair."""
    areas = atlas.areas
    if not len(areas) or "kind" not in areas:
        return {}
    pairs = dict(zip(atlas.sections["id"], atlas.sections["pair"], strict=True)) if len(atlas.sections) else {}
    out: dict[str, float] = {}
    for row in areas[areas["kind"].isin(TRANSFER_KINDS)].to_dict("records"):
        value = row.get("computed_area_km2")
        if isinstance(value, (int, float)) and value == value:
            pair = pairs.get(row.get("section_id"), "unknown")
            out[pair] = out.get(pair, 0.0) + float(value)
    return dict(sorted(out.items()))


def atlas_event(atlas: Any, event_id: str | None) -> dict[str, Any] | None:
    """The event with that id, or None."""
    if not event_id:
        return None
    return next((e for e in atlas.events if e.get("id") == event_id), None)


def _holder_names(value: str | None, lang: str = "en") -> str:
    """'CHN + RUS' -> 'China + Russia'; None -> 'not recorded'."""
    if not value:
        return tr(lang, "not recorded")
    return " + ".join(country_name(h, lang) for h in value.split(" + "))


def _succession(before: str | None, after: str | None, lang: str = "en") -> str:
    """'dissolution of the USSR' when only the USSR gave way to its successor, else ''."""
    if before == "SUN" and after in ("RUS", "KAZ", "KGZ", "TJK"):
        return tr(lang, "dissolution of the USSR (26 Dec 1991): its successor state holds "
                             "the area")
    return ""


def compare_dates(atlas: Atlas, a: str, b: str, lang: str = "en") -> list[dict[str, Any]]:
    """Every place whose line, status or holder differs between two versions or dates.

    Lines moved first (with their polygons and km²), then status and holder changes by date;
    each row reads from A to B, names its agreement (event id and title) and sources; the
    holders and statuses in ``from``/``to`` are named in ``lang``.
    """
    _ = gettext(lang)
    ls = lineset(atlas)
    rows = compare_versions(atlas, a, b)
    for row in rows:  # compare_versions names holders in English, which are our msgids
        row["from"], row["to"] = _(row["from_holder"]), _(row["to_holder"])
    names = {("section", i): n for i, n in zip(atlas.sections["id"], atlas.sections["name_en"],
                                                strict=True)} if len(atlas.sections) else {}
    if len(atlas.areas):
        names.update({("area", i): n for i, n in zip(atlas.areas["id"], atlas.areas["name_en"],
                                                     strict=True)})
    extra = []
    for rec in record_changes(atlas, ls.date_of(a), ls.date_of(b)):
        event = atlas_event(atlas, rec.event_id) or {}
        if rec.what == "status":
            before, after = (status_label(atlas, v, lang) for v in (rec.before, rec.after))
        else:
            before, after = _holder_names(rec.before, lang), _holder_names(rec.after, lang)
        extra.append({
            "kind": rec.what, "zone_id": None, "feature": f"{rec.feature_type}:{rec.feature_id}",
            "name_en": names.get((rec.feature_type, rec.feature_id), rec.feature_id),
            "area_km2": None, "from": before, "to": after,
            "agreement": event.get("title_en") or _succession(rec.before, rec.after, lang),
            "change_date": event.get("date") or (SOVIET_END if _succession(rec.before, rec.after)
                                                 else None),
            "event_id": rec.event_id, "event_title": event.get("title_en"),
            "sources": list(event.get("sources") or []), "geometry": None,
        })
    extra.sort(key=lambda r: (r["change_date"] or "", r["kind"], r["name_en"] or ""))
    return rows + extra


def headline_figures(atlas: Any) -> dict[str, Any]:
    """Figures for the home page, all computed from the data."""
    sections = atlas.sections
    length = float(sections["length_km"].sum()) if "length_km" in sections else 0.0
    moved_by_pair = transferred_by_pair(atlas)
    moved = sum(moved_by_pair.values())
    years = [parse_date(e["date"]).year for e in atlas.events if e.get("date")]
    return {
        "length_km": round(length),
        "sections": len(sections),
        "pairs": sections["pair"].nunique() if "pair" in sections else 0,
        "areas": len(atlas.areas),
        "transferred_km2": round(moved, 1),
        "transferred_by_pair": {k: round(v, 1) for k, v in moved_by_pair.items()},
        "events": len(atlas.events),
        "first_year": min(years) if years else None,
        "last_year": max(years) if years else None,
        "treaties": sum(1 for e in atlas.events if e.get("type") in ("treaty", "agreement")),
    }
