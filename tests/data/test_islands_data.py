"""The river islands in the bundled data: outlines, land-only transfers, sides of the dated lines, claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import Point
from shapely.ops import polygonize, unary_union

from borderatlas.data.loader import load_atlas
from borderatlas.geo.lines import LineSet

GEO = Path(__file__).resolve().parents[2] / "geodata"
# published points (Wikipedia / enacademic coordinates the atlas had before the outlines)
PUBLISHED_POINTS = {"heixiazi-island": (134.62, 48.33), "yinlong-tarabarov": (134.56, 48.37),
                    "abagaitu-island": (117.898364, 49.55857)}
BEFORE, AFTER = "2008-10-13", "2008-10-15"


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(GEO)


@pytest.fixture(scope="module")
def lines(atlas) -> LineSet:
    return LineSet.from_atlas(atlas)


def _area(atlas, fid):
    row = atlas.areas[atlas.areas["id"] == fid]
    assert len(row) == 1, fid
    return row.iloc[0]


@pytest.mark.parametrize("fid", sorted(PUBLISHED_POINTS))
def test_each_island_is_an_outline_holding_its_published_point(atlas, fid):
    row = _area(atlas, fid)
    assert row.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert row.geometry.contains(Point(PUBLISHED_POINTS[fid]))
    assert bool(row["schematic"]) is True and row["accuracy_m"] >= 1000


@pytest.mark.parametrize(("fid", "low", "high"), [
    ("heixiazi-island", 0.80 * 327, 1.10 * 350),   # published 327–350 km²
    ("heixiazi-transfer", 0.85 * 174, 1.15 * 174),  # published ~174 km² of land
    ("abagaitu-island", 0.80 * 58, 1.25 * 58),     # published 58 km² (57.56 at normal water)
    ("yinlong-tarabarov", 0.80 * 43.3, 1.35 * 43.3),  # published 43.3 km²
])
def test_island_areas_are_in_a_band_around_the_published_figures(atlas, fid, low, high):
    row = _area(atlas, fid)
    assert low <= row["computed_area_km2"] <= high
    published = row["published_area_km2"]
    if published and abs(row["computed_area_km2"] - published) > 0.15 * published:
        assert row["area_note"], f"{fid} differs by more than 15 % and says nothing"


@pytest.mark.parametrize("fid", ["heixiazi-transfer", "abagaitu-transfer"])
def test_transfers_are_land_on_the_side_that_changed_hands(atlas, lines, fid):
    row = _area(atlas, fid)
    probe = row.geometry.representative_point()
    assert lines.side_of_line(probe, AFTER) == "CHN"
    assert lines.side_of_line(probe, BEFORE) == "other"
    assert lines.holder_at(probe, BEFORE) == "RUS"
    assert row["water_between_lines_km2"] > 0  # the channel water is reported, not counted
    assert "Land only" in row["area_note"]


@pytest.mark.parametrize(("island", "transfer"), [("heixiazi-island", "heixiazi-transfer"),
                                                   ("abagaitu-island", "abagaitu-transfer")])
def test_the_rest_of_each_split_island_stays_russian(atlas, lines, island, transfer):
    rest = _area(atlas, island).geometry.difference(_area(atlas, transfer).geometry.buffer(1e-4))
    assert rest.area > 0
    probe = rest.representative_point()
    assert lines.side_of_line(probe, AFTER) == "other"
    assert lines.side_of_line(probe, BEFORE) == "other"


def test_tarabarov_is_wholly_chinese_after_2008(atlas, lines):
    geom = _area(atlas, "yinlong-tarabarov").geometry
    assert lines.side_of_line(geom.representative_point(), AFTER) == "CHN"
    assert lines.side_of_line(geom.representative_point(), BEFORE) == "other"


def test_chinese_claim_runs_north_and_east_of_the_island(atlas, lines):
    claims = atlas.zone_lines[(atlas.zone_lines["kind"] == "claim")
                              & (atlas.zone_lines["claimant"] == "CHN")]
    assert len(claims) == 1
    claim = claims.iloc[0].geometry
    old = atlas.zone_lines[atlas.zone_lines["id"] == "heixiazi-old"].iloc[0].geometry
    island = _area(atlas, "heixiazi-island").geometry
    present = unary_union([lines.lines_at(AFTER)["rus-e-amur-middle"], lines.lines_at(AFTER)["rus-e-ussuri"]])
    centre = island.centroid
    samples = [claim.interpolate(i / 200, normalized=True) for i in range(201)]
    apart = [p for p in samples if p.distance(present) > 0.02]  # > ~1.5 km from the 2008 line
    assert len(apart) > 20
    # where it differs from the 2008 line the claim runs along the island's north and east side
    assert sum(p.y for p in apart) / len(apart) > centre.y
    assert sum(p.x for p in apart) / len(apart) > centre.x
    assert all(island.exterior.distance(p) < 0.01 or not island.contains(p) for p in apart)
    # between China's claim and the Soviet/Russian line lies (almost all of) the island
    between = unary_union(list(polygonize(unary_union([claim, old]))))
    assert island.intersection(between).area > 0.8 * island.area


def test_every_polygon_is_wound_by_the_right_hand_rule(atlas):
    for name in ("areas", "basemap_countries", "basemap_water", "basemap_rivers"):
        for geom in atlas.layer(name).geometry:
            for poly in getattr(geom, "geoms", [geom]):
                if poly.geom_type == "Polygon":
                    assert poly.exterior.is_ccw, name
                    assert not any(r.is_ccw for r in poly.interiors), name
