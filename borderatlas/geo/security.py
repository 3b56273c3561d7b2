"""Border security on the map: the 100 km confidence-building zone as a geodesic buffer, crossings by year."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from typing import Any

import pyproj
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import transform, unary_union

from borderatlas.dates import end_of, parse_date

WGS84 = pyproj.CRS.from_epsg(4326)


def _aeqd(lon: float, lat: float) -> tuple[pyproj.Transformer, pyproj.Transformer]:
    """WGS84 <-> an azimuthal equidistant projection centred on (lon, lat): distances true from there."""
    local = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    return (pyproj.Transformer.from_crs(WGS84, local, always_xy=True),
            pyproj.Transformer.from_crs(local, WGS84, always_xy=True))


def geodesic_buffer(lines: Iterable[BaseGeometry], width_km: float, simplify_m: float = 500.0) -> BaseGeometry:
    """Everything within ``width_km`` of the lines, buffered piece by piece in local equidistant projections.

    Each line is cut into pieces of at most ~400 km so that, in a projection centred on the piece,
    the buffer's error from the ellipsoidal distance stays well under 1 % of the width.
    """
    pieces: list[BaseGeometry] = []
    for line in lines:
        for part in getattr(line, "geoms", [line]):
            coords = shapely.get_coordinates(part)
            step = max(2, int(len(coords) / max(1, shapely.length(part) / 4.0)))  # ~4° per piece
            for start in range(0, len(coords) - 1, step - 1):
                chunk = shapely.LineString(coords[start:start + step])
                centre = chunk.interpolate(0.5, normalized=True)
                fwd, inv = _aeqd(centre.x, centre.y)
                local = transform(fwd.transform, chunk).buffer(width_km * 1000.0, quad_segs=8)
                pieces.append(transform(inv.transform, local.simplify(simplify_m)))
    return unary_union(pieces)


@functools.lru_cache(maxsize=4)
def _zone_geometry(sections: tuple[BaseGeometry, ...], width_km: float) -> BaseGeometry:
    """Memoised buffer (the sections and width only change with the data)."""
    return geodesic_buffer(sections, width_km)


def zone_geometry(atlas: Any, zone_id: str) -> BaseGeometry | None:
    """A security zone's area from its width in the data; None when no source gives a width."""
    zone = atlas.security.get(zone_id)
    if zone is None or zone.get("width_km_each_side") is None or not len(atlas.sections):
        return None
    return _zone_geometry(tuple(atlas.sections.geometry), float(zone["width_km_each_side"]))


def _closed_on(periods: Iterable[Mapping[str, Any]], when: dt.date) -> bool:
    """True when ``when`` falls in one of the closed periods (``to`` exclusive, open-ended if null)."""
    return any(parse_date(p["from"]) <= when < (parse_date(p["to"]) if p.get("to") else dt.date.max)
               for p in periods)


def _date(value: Any) -> dt.date | None:
    """An ISO date from a data field; None, NaN (a missing value in a frame) and '' are no date."""
    return parse_date(value) if isinstance(value, str) and value else None


def open_in(props: Mapping[str, Any], year: int) -> bool:
    """Was a crossing open at the end of ``year``? An unrecorded opening date counts as open."""
    when = end_of(year)
    opened, closed = _date(props.get("opened")), _date(props.get("closed"))
    if opened and opened > when:
        return False
    if closed and closed <= when:
        return False
    periods = props.get("closed_periods")
    return not _closed_on(periods if isinstance(periods, list) else [], when)


def crossings_open(atlas: Any, year: int) -> list[str]:
    """Ids of the crossings open at the end of ``year``."""
    return [row["id"] for row in atlas.crossings.drop(columns="geometry").to_dict("records")
            if open_in(row, year)] if len(atlas.crossings) else []
