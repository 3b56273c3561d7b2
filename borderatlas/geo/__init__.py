"""Geometry and history queries on a loaded atlas: pure shapely/pyproj, no UI."""
