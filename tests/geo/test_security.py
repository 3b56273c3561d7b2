"""Border security: crossings open by year, the zone buffered at the width the data gives."""

from __future__ import annotations

import copy

import pytest
import shapely
from pyproj import Geod

from borderatlas.data.loader import load_atlas
from borderatlas.geo import security

GEOD = Geod(ellps="WGS84")


@pytest.mark.parametrize(("props", "year", "is_open"), [
    ({"opened": "1990-05-01"}, 1989, False),
    ({"opened": "1990-05-01"}, 1990, True),
    ({"opened": "1990", "closed": "2000-06-01"}, 2000, False),
    ({"opened": "1990", "closed": "2000-06-01"}, 1999, True),
    ({"opened": None, "closed_periods": [{"from": "2020-04-09", "to": "2023-01-16"}]}, 2021, False),
    ({"opened": None, "closed_periods": [{"from": "2020-04-09", "to": "2023-01-16"}]}, 2023, True),
    ({"opened": float("nan"), "closed": float("nan")}, 1970, True),  # missing values in a frame
])
def test_crossings_open_by_year(props, year, is_open):
    assert security.open_in(props, year) is is_open


def _far_side_km(zone: shapely.Geometry, line: shapely.Geometry) -> float:
    """Median geodesic distance (km) from points of a buffer's outline to the nearest line vertex."""
    coords = shapely.get_coordinates(line)
    out = []
    polygons = list(getattr(zone, "geoms", [zone]))
    for x, y in shapely.get_coordinates(max(polygons, key=lambda p: p.area).exterior)[::7]:
        _, _, d = GEOD.inv([x] * len(coords), [y] * len(coords), coords[:, 0], coords[:, 1])
        out.append(min(d) / 1000)
    return sorted(out)[len(out) // 2]


def test_zone_width_comes_from_the_data(mini_files, make_geodata):
    atlas = load_atlas(make_geodata(mini_files), check_integrity=False)
    line = shapely.segmentize(shapely.union_all(atlas.sections.geometry.values), 0.01)
    geom = security.zone_geometry(atlas, "zone-1")
    assert 48 < _far_side_km(geom, line) < 52  # the mini data says 50 km
    wider = copy.deepcopy(mini_files)
    wider["security.json"]["zones"][0]["width_km_each_side"] = 120
    atlas2 = load_atlas(make_geodata(wider), check_integrity=False)
    assert 115 < _far_side_km(security.zone_geometry(atlas2, "zone-1"), line) < 125


def test_a_zone_without_a_width_has_no_geometry(mini_files, make_geodata):
    mini_files["security.json"]["zones"][0]["width_km_each_side"] = None
    atlas = load_atlas(make_geodata(mini_files), check_integrity=False)
    assert security.zone_geometry(atlas, "zone-1") is None
    assert security.zone_geometry(atlas, "no-such-zone") is None
