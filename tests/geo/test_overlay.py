"""User overlays: every limit has its message; distances and areas are geodesically sane."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import LineString

from borderatlas.geo import overlay as ov
from borderatlas.geo.overlay import OverlayError, compare_to_line, parse_overlay


def fc(*geoms: dict, **extra) -> bytes:
    feats = [
        {"type": "Feature", "properties": {"name": f"f{i}"}, "geometry": g}
        for i, g in enumerate(geoms)
    ]
    return json.dumps({"type": "FeatureCollection", "features": feats, **extra}).encode()


LINE = {"type": "LineString", "coordinates": [[134.0, 48.0], [134.5, 48.0]]}


def test_parses_a_line_and_keeps_names():
    overlay = parse_overlay(fc(LINE), "old-map.geojson")
    assert list(overlay.frame["label"]) == ["f0"]
    assert overlay.warnings == []


def test_bare_geometry_is_accepted():
    assert len(parse_overlay(json.dumps(LINE).encode()).frame) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"x" * (ov.MAX_BYTES + 1),
            "upload: file is 10,485,761 bytes; the limit is 10,485,760 bytes",
        ),
        (b"\xff\xfe", "upload: not UTF-8 text (invalid start byte at byte 0)"),
        (
            b'{"type": "FeatureCollection", "features": [',
            "upload: broken JSON at line 1 column 44: Expecting value",
        ),
        (b"[1, 2]", "upload: top level must be a GeoJSON object"),
        (b'{"type": "Topology"}', "upload: type 'Topology' is not GeoJSON"),
        (
            fc(LINE, crs={"type": "name", "properties": {"name": "EPSG:3857"}}),
            "upload: CRS 'EPSG:3857' is not supported",
        ),
        (
            fc({"type": "Point", "coordinates": [500, 48]}),
            "upload: nothing usable (upload: feature #0: coordinates out of range",
        ),
        (
            fc({"type": "GeometryCollection", "geometries": []}),
            "geometry type 'GeometryCollection' not allowed",
        ),
    ],
)
def test_each_violation_has_a_clear_message(data, message):
    with pytest.raises(OverlayError) as err:
        parse_overlay(data)
    assert message in str(err.value)


def test_too_many_features(monkeypatch):
    monkeypatch.setattr(ov, "MAX_FEATURES", 2)
    with pytest.raises(OverlayError, match="3 features; the limit is 2"):
        parse_overlay(fc(LINE, LINE, LINE))


def test_bad_features_are_left_out_with_a_warning_not_silently():
    bowtie = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
    overlay = parse_overlay(fc(LINE, bowtie, {"type": "LineString", "coordinates": []}))
    assert len(overlay.frame) == 1
    assert overlay.warnings[0].startswith("upload: feature #1: invalid geometry (Self-intersection")
    assert overlay.warnings[1] == "upload: feature #2: empty geometry — left out"


def test_hostile_name_is_kept_as_text_only():
    data = json.dumps(
        {"type": "Feature", "properties": {"name": "<script>x</script>"}, "geometry": LINE}
    )
    assert parse_overlay(data.encode()).frame["label"].iloc[0] == "<script>x</script>"


def test_distance_to_a_parallel_line_one_km_north():
    # 0.009 deg of latitude is about 1 km (1,000.2 m at 48N on WGS84)
    official = LineString([(134.0, 48.009), (134.5, 48.009)])
    diff = compare_to_line(parse_overlay(fc(LINE)).frame, official)
    assert diff.median_m == pytest.approx(1000.3, abs=3)
    assert diff.max_m == pytest.approx(1000.3, abs=3)


def test_area_between_two_lines_that_meet_at_both_ends():
    official = LineString([(134.0, 48.0), (134.25, 48.0), (134.5, 48.0)])
    bent = {"type": "LineString", "coordinates": [[134.0, 48.0], [134.25, 48.05], [134.5, 48.0]]}
    diff = compare_to_line(parse_overlay(fc(bent)).frame, official)
    # triangle: base 0.5 deg lon at 48N (about 37.3 km) x height 0.05 deg lat (about 5.56 km) / 2
    assert diff.area_between_km2 == pytest.approx(103.7, rel=0.02)


def test_points_only_cannot_be_compared():
    with pytest.raises(OverlayError, match="points only"):
        compare_to_line(
            parse_overlay(fc({"type": "Point", "coordinates": [134, 48]})).frame,
            LineString([(0, 0), (1, 1)]),
        )
