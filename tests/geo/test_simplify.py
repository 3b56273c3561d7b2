"""The standard resolution keeps the chain joined with ≤ 1/10 of the vertices; full keeps all."""

import dataclasses
import itertools
import math
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from atlas_fixture import write_geodata
from shapely.geometry import LineString

from borderatlas import config
from borderatlas.data.loader import load_atlas
from borderatlas.geo import simplify
from borderatlas.geo.lines import LineSet

REPO_GEODATA = Path(__file__).resolve().parents[2] / "geodata"


def wiggly(x0: float, x1: float, n: int = 2000) -> list[tuple[float, float]]:
    """A dense meandering line from (x0, 45) to (x1, 45), like a river boundary."""
    return [(round(x0 + (x1 - x0) * i / (n - 1), 6),
             round(45 + 0.05 * math.sin(i / 7) + 0.01 * math.sin(i * 1.3), 6)) for i in range(n)]


@pytest.fixture
def chain() -> gpd.GeoDataFrame:
    """Three consecutive dense sections meeting end to end."""
    lines = [wiggly(100, 101), wiggly(101, 102), wiggly(102, 103.5)]
    lines[1][0], lines[2][0] = lines[0][-1], lines[1][-1]
    return gpd.GeoDataFrame({"id": ["a", "b", "c"]}, geometry=[LineString(c) for c in lines],
                            crs="EPSG:4326")


def test_standard_keeps_consecutive_sections_joined_with_a_tenth_of_the_vertices(chain):
    simple, tolerance = simplify.standard_sections(chain, {})
    assert tolerance > 0
    assert simplify.vertex_count(simple) <= simplify.vertex_count(chain) / 10
    geoms = list(simple.geometry)
    for before, after in itertools.pairwise(geoms):
        assert before.coords[-1] == after.coords[0]
    for full, std in zip(chain.geometry, geoms, strict=True):
        assert (full.coords[0], full.coords[-1]) == (std.coords[0], std.coords[-1])


def test_zone_junctions_are_kept_so_old_lines_can_be_spliced(chain):
    coords = list(chain.geometry.iloc[1].coords)
    pins = {"b": {coords[123], coords[1500]}}
    simple, _ = simplify.standard_sections(chain, pins)
    kept = set(simple.geometry.iloc[1].coords)
    assert pins["b"] <= kept


def test_full_keeps_every_vertex_and_standard_a_tenth_on_the_fixture(tmp_path):
    atlas = load_atlas(write_geodata(tmp_path / "fx"))
    # densify the fixture's lines (vertices every ~0.001°) so there is something to drop
    dense_sections = atlas.sections.copy()
    dense_sections["geometry"] = shapely.segmentize(dense_sections.geometry.values, 0.001)
    dense = dataclasses.replace(atlas, sections=dense_sections)
    n_dense = simplify.vertex_count(dense.sections)
    assert n_dense > 5000
    full = simplify.at_resolution(dense, "full")
    assert simplify.vertex_count(full.sections) == n_dense
    assert list(full.sections.geometry) == list(dense_sections.geometry)
    standard = simplify.at_resolution(dense, "standard")
    assert simplify.vertex_count(standard.sections) <= n_dense / 10
    assert [tuple(g.coords[0]) for g in standard.sections.geometry] == \
        [tuple(g.coords[0]) for g in dense_sections.geometry]


@pytest.mark.skipif(not (REPO_GEODATA / "sections.geojson").is_file(), reason="no geodata")
def test_real_geodata_standard_level_is_joined_small_and_still_composes_versions():
    full = load_atlas(REPO_GEODATA, check_integrity=False)
    std = simplify.at_resolution(full, "standard")
    assert simplify.vertex_count(std.sections) <= simplify.vertex_count(full.sections) / 10
    ends_full = {fid: (g.coords[0], g.coords[-1]) for fid, g in zip(full.sections["id"],
                                                                     full.sections.geometry,
                                                                     strict=True)}
    ends_std = {fid: (g.coords[0], g.coords[-1]) for fid, g in zip(std.sections["id"],
                                                                    std.sections.geometry,
                                                                    strict=True)}
    assert ends_std == ends_full  # so every join between consecutive sections is unchanged
    lines = LineSet.from_atlas(std)
    for version in std.versions:
        assert lines.lines_at(version)  # zone junctions survived: old lines splice in


@pytest.mark.parametrize(("value", "expected"), [
    (None, "standard"), ("full", "full"), (" FULL ", "full"), ("standard", "standard"),
    ("bogus", "standard"),
])
def test_resolution_from_env(value, expected):
    env = {} if value is None else {config.RESOLUTION_ENV: value}
    assert config.resolution(env) == expected


def test_web_geometry_rounds_to_a_twentieth_of_its_tolerance():
    digits_for, pixel_degrees, web_geometry = (simplify.digits_for, simplify.pixel_degrees,
                                               simplify.web_geometry)
    assert [digits_for(t) for t in (0.0, 0.0003, 0.001, 0.004, 0.02, 0.5)] == [5, 5, 4, 4, 3, 2]
    assert digits_for(pixel_degrees(6)) == 3 and digits_for(pixel_degrees(9)) == 4
    line = LineString([(130.123456789, 48.987654321), (131.5, 47.25), (132.777777, 48.111111)])
    for tolerance in (0.0, 0.001, 0.004, 0.02):
        coords = web_geometry(line, tolerance)["coordinates"]
        assert coords[0] != [130.123456789, 48.987654321] and len(coords) >= 2
        assert all(round(v, digits_for(tolerance)) == v for xy in coords for v in xy)
        # the first vertex stays (Douglas-Peucker keeps the ends) and moves by <= tolerance / 20
        moved = max(abs(coords[0][0] - 130.123456789), abs(coords[0][1] - 48.987654321))
        assert moved <= max(tolerance, 1e-4) / 20, (tolerance, moved)
    assert web_geometry(line, 0.004, 6)["coordinates"][0] == [130.123457, 48.987654]  # explicit
