"""Simplify sections for the web while consecutive sections still meet at the same vertex.

Two resolutions of the loaded atlas (``BORDERATLAS_RESOLUTION``):

* ``full`` keeps every vertex of ``geodata/sections.geojson`` (the build's source resolution);
* ``standard`` (the default) keeps at most :data:`STANDARD_RATIO` of them: Douglas–Peucker
  between pinned vertices — each section's two ends (shared with the neighbouring section)
  and every zone junction (where old lines are spliced in) — so the chain stays joined
  exactly and every version of the line can still be composed.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import LineString, mapping
from shapely.geometry.base import BaseGeometry

if TYPE_CHECKING:
    from borderatlas.data.loader import Atlas

Coord = tuple[float, float]
STANDARD_RATIO = 0.1  # standard keeps at most this share of the source vertices
START_TOLERANCE = 0.0005  # degrees (≈50 m); raised until the ratio is met
MAX_TOLERANCE = 0.05  # degrees; never coarser than the overview map


def simplify_line(line: LineString, tolerance_deg: float, keep: Collection[Coord] = ()) -> LineString:
    """Douglas–Peucker between pinned vertices (both ends and any in ``keep`` stay exact)."""
    coords = shapely.get_coordinates(line)
    if tolerance_deg <= 0 or len(coords) < 3:
        return line
    pins = {0, len(coords) - 1}
    for x, y in keep:
        pins.update(int(i) for i in np.flatnonzero((coords[:, 0] == x) & (coords[:, 1] == y)))
    cuts = sorted(pins)
    pieces = [LineString(coords[a:b + 1]) for a, b in itertools.pairwise(cuts)]
    parts = [coords[:1]]
    for piece, simple in zip(pieces, shapely.simplify(pieces, tolerance_deg, preserve_topology=False),
                             strict=True):
        done = shapely.get_coordinates(simple)
        ends = shapely.get_coordinates(piece)[[0, -1]]
        if len(done) < 2 or not (done[[0, -1]] == ends).all():
            done = ends
        parts.append(done[1:])
    return LineString(np.concatenate(parts))


def simplify_sections(gdf: gpd.GeoDataFrame, tolerance_deg: float,
                      keep: Mapping[str, Collection[Coord]] | None = None) -> gpd.GeoDataFrame:
    """Douglas–Peucker per section; ends (and ``keep[id]`` vertices) stay, so shared ends stay exact."""
    keep = keep or {}
    geoms = []
    for fid, geom in zip(gdf["id"], gdf.geometry, strict=True):
        if geom is None or geom.geom_type != "LineString":
            geoms.append(geom)
            continue
        geoms.append(simplify_line(geom, tolerance_deg, keep.get(str(fid), ())))
    out = gdf.copy()
    return out.set_geometry(gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs))


def vertex_count(gdf: gpd.GeoDataFrame) -> int:
    """Total number of vertices in a layer."""
    return int(shapely.get_num_coordinates(gdf.geometry.values).sum()) if len(gdf) else 0


def zone_pins(zones: Iterable[Mapping[str, object]]) -> dict[str, set[Coord]]:
    """Zone junctions per section id: old lines are spliced in there, so they must survive."""
    pins: dict[str, set[Coord]] = {}
    for zone in zones:
        raw = zone.get("junctions")
        junctions: list[Sequence[float]] = list(raw) if isinstance(raw, list) else []
        pins.setdefault(str(zone.get("section_id")), set()).update(
            (float(p[0]), float(p[1])) for p in junctions)
    return pins


def standard_sections(sections: gpd.GeoDataFrame, pins: Mapping[str, Collection[Coord]],
                      ratio: float = STANDARD_RATIO) -> tuple[gpd.GeoDataFrame, float]:
    """The standard level: the finest tolerance (×1.25 steps) keeping ≤ ``ratio`` of the vertices."""
    full = vertex_count(sections)
    lines = sections.geometry.values
    tolerance = START_TOLERANCE
    while True:  # cheap search without pins (vectorised), then one pinned pass to confirm
        rough = shapely.simplify(lines, tolerance, preserve_topology=False)
        pinned = sum(len(p) for p in pins.values())
        if int(shapely.get_num_coordinates(rough).sum()) + pinned <= ratio * full \
                or tolerance >= MAX_TOLERANCE:
            simple = simplify_sections(sections, tolerance, pins)
            if vertex_count(simple) <= ratio * full or tolerance >= MAX_TOLERANCE:
                return simple, tolerance
        tolerance *= 1.25


def at_resolution(atlas: Atlas, resolution: str) -> Atlas:
    """The atlas at a resolution: ``full`` unchanged, ``standard`` with pre-simplified sections."""
    if resolution == "full" or not len(atlas.sections):
        return atlas
    simple, _tolerance = standard_sections(atlas.sections, zone_pins(atlas.zones.values()))
    return dataclasses.replace(atlas, sections=simple)


COORD_DIGITS = 5  # ≈1 m: finer than any source's accuracy


def round_coords(obj: Any, ndigits: int = COORD_DIGITS) -> Any:
    """Round nested coordinate arrays (GeoJSON ``coordinates``) to ``ndigits`` decimals (no -0.0)."""
    if isinstance(obj, (int, float)):
        return round(float(obj), ndigits) + 0.0
    return [round_coords(c, ndigits) for c in obj]


def simplify_geometry(geom: BaseGeometry, tolerance: float) -> BaseGeometry:
    """Simplify one feature; Douglas–Peucker keeps each line's end vertices, so joins hold."""
    if tolerance <= 0 or geom is None or geom.geom_type == "Point":
        return geom
    simple = geom.simplify(tolerance, preserve_topology=True)
    return geom if simple.is_empty else simple


def digits_for(tolerance: float) -> int:
    """Decimals that move a vertex by at most a twentieth of ``tolerance`` (unsimplified: 5).

    A line simplified to ``tolerance`` already strays that far; finer digits only add bytes.

    >>> digits_for(0.004), digits_for(0.02), digits_for(0.001), digits_for(0.0)
    (4, 3, 4, 5)
    """
    if tolerance <= 0:
        return COORD_DIGITS
    return min(COORD_DIGITS, max(0, math.ceil(-math.log10(tolerance / 10) - 1e-9)))


def pixel_degrees(zoom: int) -> float:
    """The width of one screen pixel in degrees of longitude at web-map ``zoom`` (256 px tiles)."""
    return 360.0 / (256 * 2**zoom)


@functools.lru_cache(maxsize=1024)
def web_geometry(geom: BaseGeometry, tolerance: float, digits: int | None = None) -> dict[str, Any]:
    """Simplified, rounded GeoJSON geometry, memoised: the same lines are drawn on every rerun.

    Rounded to ``digits`` decimals, by default :func:`digits_for` the tolerance (0.004° -> 4,
    about 10 m; unsimplified -> 5, about 1 m). Keyed by the geometry's value (shapely hashes its
    WKB), so new but equal objects hit too. The result is shared between callers: read-only.
    """
    g = mapping(simplify_geometry(geom, tolerance))
    ndigits = digits_for(tolerance) if digits is None else digits
    return {"type": g["type"], "coordinates": round_coords(g["coordinates"], ndigits)}
