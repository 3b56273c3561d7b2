"""Change zones: snap curated junctions to the present line and cut the old (DCW) line piece between them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from shapely.geometry import LineString, Point
from shapely.ops import substring

from borderatlas.geodesy import WGS84

from .inputs import dcw_rings


def _nearest_vertex(line: LineString, lon: float, lat: float) -> tuple[int, tuple[float, float]]:
    c = np.asarray(line.coords)
    i = int(np.argmin(np.hypot(c[:, 0] - lon, c[:, 1] - lat)))
    return i, (float(c[i, 0]), float(c[i, 1]))


def _ring_path(ring: LineString, a: Point, b: Point) -> LineString:
    """Shorter way along a closed ring from the projection of a to the projection of b."""
    length = ring.length
    da, db = ring.project(a), ring.project(b)
    direct = abs(db - da)
    if direct <= length - direct:
        return substring(ring, da, db)
    if da < db:  # go backwards from da through 0 to db
        first = substring(ring, da, 0.0)
        second = substring(ring, length, db)
    else:  # go forwards from da through the end to db
        first = substring(ring, da, length)
        second = substring(ring, 0.0, db)
    return LineString(list(first.coords) + list(second.coords)[1:])


def old_piece(ja: tuple[float, float], jb: tuple[float, float], iso3: str = "CHN") -> tuple[LineString, float]:
    """DCW China outline between the junctions, its ends set exactly to the junctions; max end gap (m)."""
    a, b = Point(ja), Point(jb)
    rings = dcw_rings(iso3)
    ring = min(rings, key=lambda r: r.distance(a) + r.distance(b))
    path = _ring_path(ring, a, b)
    coords = [tuple(map(float, c)) for c in np.round(np.asarray(path.coords), 6)]
    gaps = [WGS84.inv(ja[0], ja[1], coords[0][0], coords[0][1])[2],
            WGS84.inv(jb[0], jb[1], coords[-1][0], coords[-1][1])[2]]
    inner = [c for c in coords[1:-1] if c not in (ja, jb)]
    return LineString([ja, *inner, jb]), max(gaps)


def build_zones(curated: Path, sections: dict[str, LineString]) -> tuple[list[dict[str, Any]], dict[str, LineString], dict[str, float]]:
    """Zones with snapped junctions and bbox, the old pieces, and the DCW end gaps (m) per zone."""
    recs = json.loads(curated.read_text(encoding="utf-8"))["zones"]
    zones, pieces, gaps = [], {}, {}
    for rec in recs:
        if not rec.get("junctions_approx"):
            continue
        line = sections[rec["section_id"]]
        (ia, ja), (ib, jb) = (_nearest_vertex(line, *p) for p in rec["junctions_approx"])
        if ia > ib:
            (ia, ja), (ib, jb) = (ib, jb), (ia, ja)
        piece, gap = old_piece(ja, jb)
        present = LineString(list(line.coords)[ia : ib + 1])
        minx, miny, maxx, maxy = present.union(piece).bounds
        out = {k: v for k, v in rec.items() if k != "junctions_approx"}
        out["junctions"] = [list(ja), list(jb)]
        out["bbox"] = [round(minx - 0.01, 4), round(miny - 0.01, 4), round(maxx + 0.01, 4), round(maxy + 0.01, 4)]
        zones.append(out)
        pieces[rec["id"]] = piece
        gaps[rec["id"]] = round(gap, 1)
    return zones, pieces, gaps
