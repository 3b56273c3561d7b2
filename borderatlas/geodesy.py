"""Geodesic lengths and areas on the WGS84 ellipsoid, shared by build, validator and app."""

from __future__ import annotations

from pyproj import Geod
from shapely.geometry.base import BaseGeometry

WGS84 = Geod(ellps="WGS84")


def length_km(geom: BaseGeometry | None) -> float:
    """Geodesic length of a (multi)line or polygon outline in km, so lengths compare across latitudes."""
    if geom is None or geom.is_empty:
        return 0.0
    return WGS84.geometry_length(geom) / 1000.0


def area_km2(geom: BaseGeometry | None) -> float:
    """Unsigned geodesic area of a (multi)polygon in km², independent of ring orientation."""
    if geom is None or geom.is_empty:
        return 0.0
    if geom.geom_type in ("Polygon", "MultiPolygon", "GeometryCollection"):
        parts = getattr(geom, "geoms", [geom])
        total = 0.0
        for part in parts:
            if part.geom_type == "Polygon":
                total += abs(WGS84.geometry_area_perimeter(part)[0])
            elif part.geom_type == "MultiPolygon":
                total += sum(abs(WGS84.geometry_area_perimeter(p)[0]) for p in part.geoms)
        return total / 1e6
    return 0.0
