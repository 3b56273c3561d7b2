"""Named border rivers at three levels of detail, so the reader can see the channels the lines follow."""

from __future__ import annotations

from typing import Any

import shapely
from shapely.geometry import LineString, MultiLineString, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import linemerge, substring, unary_union

from .inputs import wdb_record, wdb_rivers

# level -> (min_zoom, max_zoom or None, simplification in degrees or None for full detail)
LEVELS: dict[str, tuple[int, int | None, float | None]] = {"overview": (0, 6, 0.01), "regional": (7, 9, 0.002), "local": (10, None, None)}
WINDOWS = {"khabarovsk": (134.30, 48.20, 135.20, 48.56), "argun": (117.75, 49.45, 118.12, 49.66)}
NEAR_DEG = 0.04  # WDB II river lines within this of the present line (WDB II lies up to ~3.4 km off) are border rivers
MIN_COURSE_DEG = 0.12  # merged pieces shorter than this are tributaries crossing the border corridor
LAKE = 186442
NAMES: dict[str, dict[str, str | None]] = {
    "amur": {"name_en": "Amur", "name_ru": "Амур", "name_zh": "黑龙江", "name_zh_pinyin": "Hēilóng Jiāng", "label": "Amur / Heilong Jiang"},
    "ussuri": {"name_en": "Ussuri", "name_ru": "Уссури", "name_zh": "乌苏里江", "name_zh_pinyin": "Wūsūlǐ Jiāng", "label": "Ussuri / Wusuli Jiang"},
    "argun": {"name_en": "Argun", "name_ru": "Аргунь", "name_zh": "额尔古纳河", "name_zh_pinyin": "É'ěrgǔnà Hé", "label": "Argun / Ergun He"},
    "kazakevicheva": {"name_en": "Kazakevicheva channel", "name_ru": "протока Казакевичева", "name_zh": "抚远水道", "name_zh_pinyin": "Fǔyuǎn Shuǐdào",
                      "label": "Kazakevicheva channel / Fuyuan Shuidao"},
    "tarabarov-channel": {"name_en": "Channel between Tarabarov and Bolshoy Ussuriysky", "name_ru": None, "name_zh": None, "name_zh_pinyin": None,
                          "label": "side channel (Tarabarov / Bolshoy Ussuriysky)"},
}
SECTION_RIVER = {"rus-e-argun": "argun", "rus-e-amur-upper": "amur", "rus-e-amur-middle": "amur", "rus-e-ussuri": "ussuri"}
# local named records: (river key, rivers_f indices) per window; 8827 is split where 8828 leaves it (see _kazakevicheva)
LOCAL = {"khabarovsk": [("ussuri", (3719, 3720), "main stem")],
         "argun": [("argun", (748, 750), "southern arm (the pre-2004 line)"), ("argun", (8667, 8668), "northern arm")]}
BASE = {"sources": ["wdb2_basemap_hires"], "license": "LGPL-3.0-or-later", "schematic": True}


def _oriented(geom: BaseGeometry) -> BaseGeometry:
    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
    polys = [orient(p, 1.0) for p in polys]
    return polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)


def _simplify(g: BaseGeometry, tol: float | None) -> BaseGeometry:
    if tol is None:
        return g
    return g.simplify(tol, preserve_topology=True)


def _kazakevicheva() -> tuple[LineString, LineString]:
    """rivers_f 8827 split where 8828 branches off: (upper Kazakevicheva + 8828 merged, the Tarabarov side channel)."""
    upper = LineString(wdb_record("rivers", 8827)[1])
    lower = LineString(wdb_record("rivers", 8828)[1])
    at = upper.project(shapely.Point(lower.coords[0]))
    west, east = substring(upper, 0.0, at), substring(upper, at, upper.length)
    kaz = MultiLineString([west, LineString([west.coords[-1], *lower.coords])])
    return linemerge(kaz), east


def border_courses(sections: dict[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    """WDB II river lines following the present line, merged per river (river key -> (Multi)LineString).

    Parameters
    ----------
    sections : dict
        Present boundary lines by section id (sections.geojson).

    Returns
    -------
    dict
        River key -> merged lines, full detail (EPSG:4326).
    """
    out: dict[str, list[BaseGeometry]] = {}
    for sid, key in sorted(SECTION_RIVER.items()):
        line = sections[sid]
        corridor = line.buffer(NEAR_DEG)
        cand = [r.intersection(corridor) for r in wdb_rivers(line.bounds) if r.intersects(corridor)]
        merged = linemerge(unary_union([c for c in cand if not c.is_empty and c.geom_type in ("LineString", "MultiLineString")]))
        keep = [g for g in getattr(merged, "geoms", [merged]) if g.length >= MIN_COURSE_DEG]
        out.setdefault(key, []).extend(keep)
    return {k: unary_union(v) for k, v in out.items()}


def build_rivers(sections: dict[str, BaseGeometry]) -> list[tuple[str, BaseGeometry, dict[str, Any]]]:
    """River basemap features (id, geometry, properties) for every level, each with ``min_zoom``/``max_zoom``.

    Parameters
    ----------
    sections : dict
        Present boundary lines by section id; rivers are chosen by following them, never the reverse.

    Returns
    -------
    list of tuple
        Features sorted by (level order, id); property ``level`` is one of ``LEVELS``.
    """
    lake = Polygon(wdb_record("gshhs", LAKE)[1])
    courses = border_courses(sections)
    kaz, side = _kazakevicheva()
    out = []
    for level, (zmin, zmax, tol) in LEVELS.items():
        zoom = {"level": level, "min_zoom": zmin, "max_zoom": zmax}
        simp = "full detail" if tol is None else f"simplified {tol:g} deg"
        if level != "local":
            out.append((f"{level}-water-amur", _oriented(_simplify(lake, tol)), {
                "kind": "river_water", **NAMES["amur"], **zoom, **BASE,
                "method": f"GSHHG level-2 river-lake gshhs_f {LAKE} (the Amur from about 130.3E to its mouth), {simp}"}))
            for key, geom in sorted(courses.items()):
                out.append((f"{level}-river-{key}", _simplify(geom, tol), {
                    "kind": "river", **NAMES[key], **zoom, **BASE,
                    "method": f"WDB II rivers_f lines within {NEAR_DEG:g} deg of the present line, merged, courses >= {MIN_COURSE_DEG:g} deg kept, {simp}"}))
            continue
        for window, bb in WINDOWS.items():
            clip = box(*bb)
            wl = lake.intersection(clip)
            if not wl.is_empty:
                out.append((f"local-{window}-water-amur", _oriented(wl), {
                    "kind": "river_water", **NAMES["amur"], **zoom, **BASE, "window": window,
                    "method": f"GSHHG river-lake gshhs_f {LAKE} clipped to {list(bb)}, full detail"}))
            named: list[tuple[str, Any, tuple[int, ...], str]] = [
                (key, linemerge([LineString(wdb_record("rivers", i)[1]) for i in recs]), recs, part)
                for key, recs, part in LOCAL[window]]
            if window == "khabarovsk":
                named += [("kazakevicheva", kaz, (8827, 8828), "upper rivers_f 8827 west of the 8828 branch, then 8828"),
                          ("tarabarov-channel", side, (8827,), "rivers_f 8827 east of the 8828 branch")]
            for n, (key, geom, recs, part) in enumerate(named):
                g = geom.intersection(clip)
                out.append((f"local-{window}-river-{key}-{n}", g, {
                    "kind": "river", **NAMES[key], **zoom, **BASE, "window": window, "channel": part,
                    "method": "WDB II rivers_f " + ", ".join(map(str, recs)) + f" clipped to {list(bb)}, full detail"}))
    return out
