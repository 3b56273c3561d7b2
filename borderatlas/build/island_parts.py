"""Split each island by the present boundary line itself, so the parts agree with that line by construction."""

from __future__ import annotations

from typing import Any

import numpy as np
from pyproj import Geod
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import polygonize, substring, unary_union

from borderatlas.geodesy import area_km2 as geodesic_area_km2  # the one geodesic area

GEOD = Geod(ellps="WGS84")
HANDOVER = "2008-10-14"
MIN_CUT_M = 2000.0  # a straight segment this long is a land cut (OSM river vertices are ~0.2–0.5 km apart)
MIN_INSIDE = 0.9  # share of the segment's length inside the island
PROLONG_DEG = 0.05  # at most ~4–5 km of prolongation to reach the schematic outline
EXTEND_DEG = 1e-5  # cut pieces are extended ~1 m past the island outline so polygonize nodes them


def _oriented(geom: BaseGeometry) -> BaseGeometry:
    if isinstance(geom, MultiPolygon):
        return MultiPolygon([orient(p, 1.0) for p in geom.geoms])
    return orient(geom, 1.0)


def between_lines(old: LineString, present: LineString) -> BaseGeometry:
    """Faces between the old (pre-2008) line and the present line: the ground that changed sides.

    Parameters
    ----------
    old : LineString
        Old-line piece; its ends are vertices of ``present`` (the zone junctions).
    present : LineString
        The present line; only its stretch between the old piece's ends is used.

    Returns
    -------
    BaseGeometry
        Union of the faces enclosed by the two lines (EPSG:4326).
    """
    a, b = present.project(Point(old.coords[0])), present.project(Point(old.coords[-1]))
    stretch = substring(present, min(a, b), max(a, b))
    return unary_union(list(polygonize(unary_union([old, stretch]))))


def _extended(piece: LineString) -> LineString:
    c = np.asarray(piece.coords)

    def push(p: np.ndarray, q: np.ndarray) -> np.ndarray:
        v = p - q
        return p + v / np.linalg.norm(v) * EXTEND_DEG

    return LineString(np.vstack([push(c[0], c[1]), c, push(c[-1], c[-2])]))


def cut_pieces(island: Polygon, line: LineString) -> tuple[list[LineString], list[dict[str, Any]]]:
    """The straight cut segment(s) of the present line across the island, prolonged to the outline.

    Rule: across land the 2008 line is a straight line between markers on two banks, which OSM stores as one long
    segment; along channels it is a thalweg with vertices a few hundred metres apart. A cut is therefore a single
    segment of the line at least ``MIN_CUT_M`` long with at least ``MIN_INSIDE`` of its length inside the island. Its
    two vertices are used exactly; where they fall short of the schematic outline (the WDB II bank lies up to ~1 km
    off the OSM bank) the segment is prolonged in its own direction to the outline. Following the OSM thalweg beyond
    the markers instead would carve slivers of WDB II/OSM disagreement into the land (on the Argun 25 km of the line
    run inside the WDB II outline).

    Parameters
    ----------
    island : Polygon
        Island outline (EPSG:4326).
    line : LineString
        Present boundary line near the island (EPSG:4326).

    Returns
    -------
    tuple
        (cut lines, each from outline to outline; one record per cut with segment and prolongation lengths in m).
    """
    c = np.asarray(line.coords)
    cuts, log = [], []
    for k in range(len(c) - 1):
        seg = LineString([c[k], c[k + 1]])
        length = GEOD.geometry_length(seg)
        if length < MIN_CUT_M or not seg.intersects(island) or seg.intersection(island).length / seg.length < MIN_INSIDE:
            continue
        a, b = c[k], c[k + 1]
        u = (b - a) / np.linalg.norm(b - a)
        ends: list[np.ndarray | None] = []
        for p, d in ((a, -u), (b, u)):
            ray = LineString([p, p + d * PROLONG_DEG])
            hit = ray.intersection(island.boundary)
            pts = [np.asarray(q.coords[0]) for q in getattr(hit, "geoms", [hit]) if not q.is_empty]
            if island.contains(Point(p)):
                if not pts:
                    raise ValueError(f"cut segment {k} does not reach the island outline within {PROLONG_DEG} deg")
                ends.append(min(pts, key=lambda q: float(np.linalg.norm(q - p))))
            else:
                ends.append(None)  # this vertex is already outside: the segment itself crosses the outline
        coords = ([ends[0]] if ends[0] is not None else []) + [a, b] + ([ends[1]] if ends[1] is not None else [])
        cut = LineString(coords)
        log.append({"segment_index": k, "segment_m": round(length, 1),
                    "prolonged_m": [round(GEOD.line_length([p[0], q[0]], [p[1], q[1]]), 1) if q is not None else 0.0
                                    for p, q in ((a, ends[0]), (b, ends[1]))]})
        cuts.append(cut)
    return cuts, log


def build_island_parts(islands: list[tuple[str, BaseGeometry, dict[str, Any]]], zones: dict[str, dict[str, Any]],
                       china_present: BaseGeometry) -> list[tuple[str, BaseGeometry, dict[str, Any]]]:
    """Parts of each island on each side of the present line, with holder before and after 14 Oct 2008.

    Parameters
    ----------
    islands : list of tuple
        Output of ``islands.build_islands``.
    zones : dict
        ``window -> {"zone_id", "present": LineString, "old": LineString, "section_ids": [...]}`` with the present
        line (sections.geojson) and the pre-2008 line piece (zone_lines.geojson) of the zone.
    china_present : BaseGeometry
        China's present polygon (OSM, same edition as the sections), to name the side of the line.

    Returns
    -------
    list of tuple
        ``(id, Polygon, properties)``, sorted by id.
    """
    out = []
    for iid, island, props in islands:
        z = zones[props["window"]]
        changed = between_lines(z["old"], z["present"])
        cuts, log = cut_pieces(island, z["present"])
        if cuts:
            faces = [f for f in polygonize(unary_union([island.boundary, *[_extended(c) for c in cuts]]))
                     if island.contains(f.representative_point())]
        else:
            faces = [island]
        cut_len = sum(GEOD.geometry_length(c) for c in cuts)
        for f in faces:
            probe = f.representative_point()
            after = "CHN" if china_present.contains(probe) else "RUS"
            moved = changed.contains(probe)
            before = ("RUS" if after == "CHN" else "CHN") if moved else after
            side = "west" if probe.x < island.centroid.x else "east"
            out.append((f"{iid}-{after.lower()}", _oriented(f), {
                "kind": "island_part", "island_id": iid, "zone_id": z["zone_id"], "name_en": f"{props['name_en']}: {'whole island' if len(faces) == 1 else side + ' part'}",
                "holder_before": before, "holder_after": after, "holder_change_date": HANDOVER, "changed_hands": bool(moved),
                "computed_area_km2": round(geodesic_area_km2(f), 3), "schematic": True,
                "method": ("island outline split by the present OSM line itself (sections " + "/".join(z["section_ids"]) + "): "
                           f"{len(cuts)} straight segment(s) of the line at least {MIN_CUT_M:g} m long and at least {MIN_INSIDE:.0%} inside "
                           f"the island, used vertex for vertex and prolonged in their own direction to the schematic outline "
                           f"(total cut {cut_len / 1000:.2f} km); holder after = side of the "
                           "present line (China's OSM polygon), holder before = the other side where the part lies between the "
                           "present and the pre-2008 (DCW) lines, else the same"),
                "cut_segments": log, "accuracy_m": props["accuracy_m"], "sources": sorted({*props["sources"], "osm_borders_maritime_10m", "dcw_gmt"}),
                "license": "ODbL-1.0",
            }))
    ids = [t[0] for t in out]
    if len(set(ids)) != len(ids):
        raise ValueError(f"two parts of one island on the same side: {ids}")
    return sorted(out, key=lambda t: t[0])
