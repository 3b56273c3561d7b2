"""Geodesic length/area helpers against known values."""

import pytest
from shapely.geometry import LineString, Polygon

from borderatlas.geodesy import area_km2, length_km


def test_one_degree_meridian_arc_at_equator() -> None:
    assert length_km(LineString([(0, 0), (0, 1)])) == pytest.approx(110.574, abs=0.01)


def test_one_degree_equator_arc() -> None:
    assert length_km(LineString([(0, 0), (1, 0)])) == pytest.approx(111.319, abs=0.01)


def test_one_degree_cell_area_at_equator() -> None:
    cell = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])
    assert area_km2(cell) == pytest.approx(12308.8, rel=1e-3)


def test_area_ignores_ring_orientation() -> None:
    ccw = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])
    assert area_km2(ccw) == pytest.approx(area_km2(Polygon(list(ccw.exterior.coords)[::-1])))


@pytest.mark.parametrize("geom", [None, LineString()])
def test_empty_is_zero(geom) -> None:
    assert length_km(geom) == 0.0
    assert area_km2(geom) == 0.0
