"""Simplify sections for the web while consecutive sections still meet at the same vertex."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import LineString


def simplify_sections(gdf: gpd.GeoDataFrame, tolerance_deg: float) -> gpd.GeoDataFrame:
    """Douglas–Peucker per section; first and last vertices are always kept, so shared ends stay exact."""
    out = gdf.copy()
    geoms = []
    for geom in gdf.geometry:
        if geom is None or geom.geom_type != "LineString" or tolerance_deg <= 0:
            geoms.append(geom)
            continue
        simple = geom.simplify(tolerance_deg, preserve_topology=False)
        coords = list(simple.coords)
        ends = (geom.coords[0], geom.coords[-1])
        if coords[0] != ends[0] or coords[-1] != ends[1] or len(coords) < 2:
            coords = [ends[0], *coords[1:-1], ends[1]]
        geoms.append(LineString(coords))
    out = out.set_geometry(gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs))
    return out
