"""The two claim lines at Khabarovsk before 2004, drawn schematically because no package has the Chinese one."""

from __future__ import annotations

import heapq
import itertools
from typing import Any

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import linemerge, substring

from .inputs import wdb_record

GEOD = Geod(ellps="WGS84")
EPSG = 32653
LAKE = 186442  # gshhs_f record of the Amur river-lake (level 2, negative area)
USSURI = (3720, 3719)  # rivers_f records of the Ussuri, downstream piece first
KAZAKEVICHEVA_LOWER = 8828  # rivers_f record whose downstream end joins the Ussuri
WINDOW = (134.30, 48.30, 135.20, 48.56)  # lon/lat clip of the river-lake for the skeleton
DENSIFY_M = 40.0  # bank vertex spacing fed to the Voronoi diagram
SIMPLIFY_M = 20.0  # the skeleton path is simplified by this (its Voronoi zig-zag is ~DENSIFY_M)
RIVERLAKE_NPTS = 6216


def _tf(epsg: int, inverse: bool = False) -> Transformer:
    return Transformer.from_crs(epsg, 4326, always_xy=True) if inverse else Transformer.from_crs(4326, epsg, always_xy=True)


def _apply(g: BaseGeometry, t: Transformer) -> BaseGeometry:
    return shapely.transform(g, lambda c: np.column_stack(t.transform(c[:, 0], c[:, 1])))


def medial_path(water: Polygon, start: Point, end: Point) -> LineString:
    """Shortest path along the Voronoi skeleton (medial axis) of a water polygon between two points.

    Parameters
    ----------
    water : Polygon
        Water polygon in a metric CRS.
    start, end : Point
        Points (metric) near the channel; the path runs between the skeleton nodes nearest to them.

    Returns
    -------
    LineString
        The skeleton path (metric), simplified by ``SIMPLIFY_M``.
    """
    pts = shapely.get_coordinates(shapely.segmentize(water.boundary, DENSIFY_M))
    edges = shapely.voronoi_polygons(shapely.MultiPoint(pts), only_edges=True)
    inside = [e for e in getattr(edges, "geoms", [edges]) if water.contains(e)]
    nodes: dict[tuple[float, float], int] = {}
    adj: dict[int, list[tuple[float, int]]] = {}
    for e in inside:
        c = np.asarray(e.coords)
        for a, b in itertools.pairwise(c):
            ka, kb = (round(a[0], 3), round(a[1], 3)), (round(b[0], 3), round(b[1], 3))
            ia, ib = nodes.setdefault(ka, len(nodes)), nodes.setdefault(kb, len(nodes))
            w = float(np.hypot(*(a - b)))
            adj.setdefault(ia, []).append((w, ib))
            adj.setdefault(ib, []).append((w, ia))
    xy = np.array(list(nodes.keys()))
    s = int(np.argmin(np.hypot(xy[:, 0] - start.x, xy[:, 1] - start.y)))
    t = int(np.argmin(np.hypot(xy[:, 0] - end.x, xy[:, 1] - end.y)))
    dist, prev, heap = {s: 0.0}, {}, [(0.0, s)]
    while heap:
        d, u = heapq.heappop(heap)
        if u == t:
            break
        if d > dist.get(u, np.inf):
            continue
        for w, v in adj.get(u, []):
            if d + w < dist.get(v, np.inf):
                dist[v], prev[v] = d + w, u
                heapq.heappush(heap, (d + w, v))
    if t not in dist:
        raise ValueError("the skeleton does not connect the two ends")
    path = [t]
    while path[-1] != s:
        path.append(prev[path[-1]])
    return LineString(xy[path[::-1]]).simplify(SIMPLIFY_M)


def build_claims(present: LineString, old_line: LineString, old_line_id: str,
                 junctions: tuple[tuple[float, float], tuple[float, float]]) -> list[tuple[str, BaseGeometry, dict[str, Any]]]:
    """Chinese main-channel claim (schematic centreline) and the Soviet/Russian Kazakevicheva line at Khabarovsk.

    Parameters
    ----------
    present : LineString
        Present boundary through the zone (sections rus-e-amur-middle + rus-e-ussuri, EPSG:4326).
    old_line : LineString
        Pre-2008 line of the zone (zone_lines.geojson), the line the USSR/Russia held and claimed.
    old_line_id : str
        Its feature id in zone_lines.geojson (referenced, not redrawn).
    junctions : tuple
        The zone junctions (upstream, downstream), vertices of ``present``.

    Returns
    -------
    list of tuple
        ``(id, LineString, properties)`` sorted by id.
    """
    fwd, inv = _tf(EPSG), _tf(EPSG, inverse=True)
    arr = wdb_record("gshhs", LAKE)[1]
    if len(arr) != RIVERLAKE_NPTS:
        raise ValueError(f"gshhs_f {LAKE} has {len(arr)} points, expected {RIVERLAKE_NPTS} (the Amur river-lake)")
    lake = _apply(Polygon(arr).intersection(box(*WINDOW)), fwd)
    if lake.geom_type != "Polygon":
        lake = max(lake.geoms, key=lambda g: g.area)
    ussuri = _apply(linemerge([LineString(wdb_record("rivers", i)[1]) for i in USSURI]), fwd)
    if ussuri.geom_type != "LineString":
        raise ValueError("Ussuri records 3719/3720 do not join")
    # The Ussuri mouth: where the Ussuri line meets the river-lake bank (its downstream end).
    down = Point(ussuri.coords[0]) if ussuri.coords[0][1] > ussuri.coords[-1][1] else Point(ussuri.coords[-1])
    if down.coords[0][1] < ussuri.coords[0][1] or down.coords[0][1] < ussuri.coords[-1][1]:
        raise ValueError("unexpected Ussuri direction")
    kaz = _apply(LineString(wdb_record("rivers", KAZAKEVICHEVA_LOWER)[1]), fwd)
    kaz_join = ussuri.interpolate(ussuri.project(Point(kaz.coords[-1])))
    j_up, j_down = (_apply(Point(j), fwd) for j in junctions)
    # WDB II's Ussuri ends short of the GSHHG bank; the island outline closes that gap with a snap to the nearest
    # bank point, so the claim runs to the same bank point and along the same snap (it never cuts the island tip).
    mouth = lake.boundary.interpolate(lake.boundary.project(down))
    axis = medial_path(lake, j_up, mouth)
    # Up the Ussuri from its mouth to the Kazakevicheva junction.
    a, b = ussuri.project(down), ussuri.project(kaz_join)
    up_ussuri = substring(ussuri, a, b)
    coords = [j_up.coords[0], *axis.coords, mouth.coords[0], *up_ussuri.coords, j_down.coords[0]]
    claim_m = LineString(coords)
    gaps = {"start_m": round(j_up.distance(Point(axis.coords[0])), 1), "mouth_m": round(Point(axis.coords[-1]).distance(mouth), 1),
            "snap_m": round(mouth.distance(down), 1),
            "end_m": round(kaz_join.distance(j_down), 1)}
    claim = _apply(claim_m, inv)
    # Accuracy: where the present line also follows the main channel (from the upstream junction to the first
    # longest straight segment between the junctions, the cut across the island), distance from it to the centreline.
    pm = _apply(present, fwd)
    c = np.asarray(present.coords)
    seg_len = np.array([GEOD.line_length([p[0], q[0]], [p[1], q[1]]) for p, q in itertools.pairwise(c)])
    k_up = int(np.argmin(np.hypot(c[:, 0] - junctions[0][0], c[:, 1] - junctions[0][1])))
    k_down = int(np.argmin(np.hypot(c[:, 0] - junctions[1][0], c[:, 1] - junctions[1][1])))
    k_cut = k_up + int(np.argmax(seg_len[k_up:k_down]))
    follow = substring(pm, pm.project(_apply(Point(c[k_up]), fwd)), pm.project(_apply(Point(c[k_cut]), fwd)))
    samples = [follow.interpolate(s) for s in np.arange(0.0, follow.length, 100.0)]
    d = np.array([p.distance(axis) for p in samples])
    acc = {"median_m": round(float(np.median(d))), "p90_m": round(float(np.percentile(d, 90))), "max_m": round(float(d.max())), "n": len(d)}
    length_km = round(GEOD.geometry_length(claim) / 1000, 2)
    common_sources = ["tagirova2017", "wp_bolshoy_ussuriysky", "enacademic_bolshoy_ussuriysky"]
    return sorted([
        ("claim-chn-heixiazi", claim, {
            "kind": "claim", "zone_id": "heixiazi", "claimant": "CHN", "claimed_from": "1929", "claimed_to": "2004-10-14",
            "name_en": "Chinese claim: main channel of the Amur, then the Ussuri (schematic)", "name_ru": "Притязание КНР: по главному фарватеру Амура и Уссури (схематично)",
            "name_zh": "中方主张线：黑龙江、乌苏里江主航道（示意）", "schematic": True,
            "held_note": "China never accepted the 1929 Soviet seizure and claimed the main-channel line, pressing it at the 1964 and later border talks; it was superseded by the 2004 supplementary agreement (in force 2005, handed over 14 Oct 2008).",
            "method": (f"medial axis (Voronoi skeleton, shapely.voronoi_polygons of the bank densified to {DENSIFY_M:g} m; Dijkstra shortest "
                       f"path; simplified {SIMPLIFY_M:g} m) of the GSHHG Amur river-lake gshhs_f {LAKE} clipped to {list(WINDOW)} in UTM 53N, "
                       "from the upstream zone junction to the Ussuri mouth (the bank point nearest the downstream end of WDB II rivers_f 3720, "
                       f"{gaps['snap_m']:g} m away, the same snap that closes the island outline), then up the Ussuri "
                       "(rivers_f 3720, 3719) to the junction with the Kazakevicheva (rivers_f 8828), then to the downstream zone junction; "
                       f"joins {gaps['start_m']:g} m / {gaps['mouth_m']:g} m / {gaps['end_m']:g} m are straight"),
            "length_km": length_km, "accuracy_m": int(round(acc["p90_m"], -2)), "end_join_m": gaps["end_m"],
            "end_join_note": (f"The downstream zone junction (OSM) lies inside the schematic outline's southern tip, {gaps['end_m']:g} m from "
                              "where WDB II's Kazakevicheva meets WDB II's Ussuri (WDB II runs about 1-1.5 km east of the OSM Ussuri here), "
                              "so the last straight join crosses that tip; elsewhere the claim stays outside the island."),
            "accuracy_note": (f"Where the present OSM line also follows the Amur main channel (upstream junction to its cut across the island, "
                              f"{follow.length / 1000:.1f} km), it lies a median {acc['median_m']} m from this centreline (90th percentile "
                              f"{acc['p90_m']} m, max {acc['max_m']} m, {acc['n']} samples at 100 m). A medial axis is not a thalweg."),
            "sources": ["wdb2_basemap_hires", *common_sources], "license": "LGPL-3.0-or-later",
        }),
        ("claim-sun-rus-heixiazi", old_line, {
            "kind": "claim", "zone_id": "heixiazi", "claimant": "SUN-RUS", "claimed_from": "1929", "claimed_to": "2008-10-14",
            "name_en": "Soviet/Russian line: the Kazakevicheva channel", "name_ru": "Линия СССР/России: протока Казакевичева",
            "name_zh": "苏/俄主张线：抚远水道", "schematic": False, "geometry_ref": f"zone_lines.geojson#{old_line_id}",
            "held_note": "held by the USSR from the 1929 conflict and by Russia after 1991 until the hand-over of 14 Oct 2008",
            "method": f"the pre-2008 line of zone heixiazi, copied unchanged from zone_lines.geojson feature {old_line_id} (DCW-GMT 2.1.1)",
            "length_km": round(GEOD.geometry_length(old_line) / 1000, 2), "accuracy_m": 1000,
            "sources": ["dcw_gmt", *common_sources], "license": "public-domain",
        }),
    ], key=lambda t: t[0])
