"""Loading and validation: one malformed fixture per rule, exact messages, healthy layers kept."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from borderatlas.data.loader import load_atlas
from borderatlas.data.problems import Problem


def problems_of(make_geodata, files: dict[str, Any]) -> list[str]:
    return [str(p) for p in load_atlas(make_geodata(files)).problems]


def test_mini_atlas_is_clean(make_geodata, mini_files):
    atlas = load_atlas(make_geodata(mini_files))
    assert atlas.problems == []
    assert list(atlas.sections["id"]) == ["s-a", "s-b"]
    assert atlas.sections.crs.to_epsg() == 4326
    assert [e["id"] for e in atlas.events] == ["e-1"]
    assert set(atlas.bibliography) == {"k1"}


def test_broken_json_names_file_and_position_and_keeps_other_layers(make_geodata, mini_files):
    mini_files["areas.geojson"] = '{"type": "FeatureCollection", "features": [}'
    atlas = load_atlas(make_geodata(mini_files))
    assert "areas.geojson: -: -: broken JSON at line 1 column 44: Expecting value (left out)" in [
        str(p) for p in atlas.problems
    ]
    assert len(atlas.areas) == 0
    assert len(atlas.sections) == 2 and len(atlas.places) == 3


def test_wrong_crs_rejects_the_layer(make_geodata, mini_files):
    mini_files["places.geojson"]["crs"] = {"type": "name", "properties": {"name": "EPSG:3857"}}
    msgs = problems_of(make_geodata, mini_files)
    assert (
        "places.geojson: -: crs: CRS 'EPSG:3857' is not WGS84 lon/lat "
        "(RFC 7946 requires EPSG:4326/CRS84) (left out)"
    ) in msgs


def test_invalid_geometry_is_reported_not_repaired(make_geodata, mini_files):
    bowtie = [[130.0, 48.0], [130.2, 48.2], [130.2, 48.0], [130.0, 48.2], [130.0, 48.0]]
    mini_files["areas.geojson"]["features"][0]["geometry"]["coordinates"] = [bowtie]
    atlas = load_atlas(make_geodata(mini_files))
    assert any(
        str(p).startswith("areas.geojson: a-1: geometry: invalid geometry: Self-intersection")
        for p in atlas.problems
    )
    assert list(atlas.areas["id"]) == ["a-2"]


def test_empty_geometry(make_geodata, mini_files):
    mini_files["sections.geojson"]["features"][1]["geometry"]["coordinates"] = []
    msgs = problems_of(make_geodata, mini_files)
    assert "sections.geojson: s-b: geometry: geometry is empty (left out)" in msgs


def test_missing_id_is_named_by_position(make_geodata, mini_files):
    del mini_files["places.geojson"]["features"][2]["properties"]["id"]
    atlas = load_atlas(make_geodata(mini_files))
    msgs = [str(p) for p in atlas.problems]
    assert "places.geojson: #2: properties.id: required field is missing (left out)" in msgs
    # the section that ended on the dropped place now points at nothing, and says so
    assert "sections.geojson: s-b: properties.start_point/end_point: unknown place id 'p-3'" in msgs
    assert len(atlas.places) == 2


def test_duplicate_id(make_geodata, mini_files):
    dup = copy.deepcopy(mini_files["places.geojson"]["features"][0])
    mini_files["places.geojson"]["features"].append(dup)
    msgs = problems_of(make_geodata, mini_files)
    assert "places.geojson: p-1: properties.id: duplicate id (left out)" in msgs


def test_dangling_reference_in_event(make_geodata, mini_files):
    mini_files["history/events.json"]["events"][0]["area_ids"].append("atlantis")
    msgs = problems_of(make_geodata, mini_files)
    assert "history/events.json: e-1: area_ids: unknown area id 'atlantis'" in msgs


def test_feature_without_any_event(make_geodata, mini_files):
    mini_files["history/events.json"]["events"][0]["section_ids"] = ["s-a"]
    msgs = problems_of(make_geodata, mini_files)
    assert "sections.geojson: s-b: -: no event concerns this section" in msgs


def test_unknown_source_key(make_geodata, mini_files):
    mini_files["history/events.json"]["events"][0]["sources"] = ["nope"]
    msgs = problems_of(make_geodata, mini_files)
    assert "history/events.json: e-1: sources: unknown bibliography id 'nope'" in msgs


def test_wrong_type(make_geodata, mini_files):
    mini_files["sections.geojson"]["features"][0]["properties"]["length_km"] = "long"
    msgs = problems_of(make_geodata, mini_files)
    assert (
        "sections.geojson: s-a: properties.length_km: 'long' is not of type 'number' (left out)"
        in msgs
    )


def test_out_of_range_coordinates(make_geodata, mini_files):
    mini_files["places.geojson"]["features"][0]["geometry"]["coordinates"] = [230.0, 48.0]
    msgs = problems_of(make_geodata, mini_files)
    assert (
        "places.geojson: p-1: geometry: coordinate (230.0, 48.0) out of range "
        "(lon -180..180, lat -90..90) (left out)"
    ) in msgs


@pytest.mark.parametrize("bad", ["2001-02-30", "2001-13"])
def test_dates_that_do_not_parse(make_geodata, mini_files, bad):
    mini_files["history/events.json"]["events"][0]["date"] = bad
    msgs = problems_of(make_geodata, mini_files)
    assert any(
        m.startswith(f"history/events.json: e-1: date: date '{bad}' does not parse") for m in msgs
    )


def test_date_with_wrong_shape(make_geodata, mini_files):
    mini_files["zones.json"]["zones"][0]["change_date"] = "14 Oct 2008"
    msgs = problems_of(make_geodata, mini_files)
    assert any(
        m.startswith("zones.json: z-1: change_date: '14 Oct 2008' does not match") for m in msgs
    )


def test_span_end_before_start(make_geodata, mini_files):
    mini_files["history/events.json"]["events"][0]["end_date"] = "2001-01-01"
    msgs = problems_of(make_geodata, mini_files)
    assert "history/events.json: e-1: end_date: end_date is before date" in msgs


def test_timeline_must_be_contiguous(make_geodata, mini_files):
    mini_files["history/features.json"]["sections"]["s-a"]["timeline"][0]["to"] = "1990"
    msgs = problems_of(make_geodata, mini_files)
    assert (
        "history/features.json: s-a: timeline.0.to: "
        "timeline is not contiguous with the next interval" in msgs
    )


def test_stored_length_must_match_geometry(make_geodata, mini_files):
    mini_files["sections.geojson"]["features"][0]["properties"]["length_km"] = 1.0
    msgs = problems_of(make_geodata, mini_files)
    assert any(
        m.startswith(
            "sections.geojson: s-a: properties.length_km: stored 1.0 km but geometry measures"
        )
        for m in msgs
    )


def test_large_area_gap_needs_a_note(make_geodata, mini_files):
    mini_files["areas.geojson"]["features"][0]["properties"]["published_area_km2"] = 1000
    msgs = problems_of(make_geodata, mini_files)
    assert any("differs from published 1000 km² by more than 15 %" in m for m in msgs)


def test_missing_file_is_reported(make_geodata, mini_files):
    root = make_geodata(mini_files)
    (root / "history" / "gazetteer.json").unlink()
    msgs = [str(p) for p in load_atlas(root, check_integrity=False).problems]
    assert "history/gazetteer.json: -: -: file is missing (left out)" in msgs


def test_problem_renders_one_line():
    assert str(Problem("a.json", "x", "f", "bad")) == "a.json: x: f: bad"


def test_timeline_row_must_start_on_its_event_date(make_geodata, mini_files):
    mini_files["history/features.json"]["sections"]["s-a"]["timeline"][1]["event_id"] = "e-1"
    msgs = problems_of(make_geodata, mini_files)
    assert (
        "history/features.json: s-a: timeline.1.from: starts 1991-05-16 "
        "but its event 'e-1' is dated 2008-10-14" in msgs
    )


def test_zone_junction_off_the_section_is_left_out(make_geodata, mini_files):
    mini_files["zones.json"]["zones"][0]["junctions"][1] = [130.6, 48.2]
    atlas = load_atlas(make_geodata(mini_files))
    msgs = [str(p) for p in atlas.problems]
    assert (
        "zones.json: z-1: junctions: junctions must be two vertices of the section, "
        "in line order (left out)" in msgs
    )
    assert atlas.zones == {}


def test_old_line_must_join_the_junctions(make_geodata, mini_files):
    mini_files["zone_lines.geojson"]["features"][0]["geometry"]["coordinates"][0] = [130.1, 48.0]
    msgs = problems_of(make_geodata, mini_files)
    assert (
        "zone_lines.geojson: z-1-old: geometry: the old line must run from junction to junction "
        "(left out)" in msgs
    )


def test_clockwise_polygons_are_named_not_dropped(mini_files, make_geodata):
    feats = mini_files["areas.geojson"]["features"]
    poly = next(f for f in feats if f["geometry"]["type"] == "Polygon")
    poly["geometry"]["coordinates"][0] = poly["geometry"]["coordinates"][0][::-1]
    atlas = load_atlas(make_geodata(mini_files), check_integrity=False)
    msgs = [str(p) for p in atlas.problems]
    assert any("exterior ring is clockwise" in m and poly["properties"]["id"] in m for m in msgs), msgs
    assert poly["properties"]["id"] in set(atlas.areas["id"])  # still drawn


@pytest.mark.parametrize(("edit", "fragment"), [
    (lambda f: f["crossings.geojson"]["features"][0]["properties"].update(types=["teleport"]),
     "crossings.geojson: x-1: properties.types"),
    (lambda f: f["crossings.geojson"]["features"][0]["properties"].update(section_id="nope"),
     "unknown section id 'nope'"),
    (lambda f: f["crossings.geojson"]["features"][0]["properties"].update(closed="1980-01-01"),
     "closed before it opened"),
    (lambda f: f["security.json"]["zones"][0].pop("width_sources"),
     "a zone width needs a source that gives it"),
    (lambda f: f["areas.geojson"]["features"][0]["properties"].update(
        published_area_km2=12.0, published_area_sources=[], published_area_note=None),
     "a published area needs the source that prints it"),
])
def test_new_layer_rules_name_the_problem(mini_files, make_geodata, edit, fragment):
    edit(mini_files)
    msgs = [str(p) for p in load_atlas(make_geodata(mini_files), check_integrity=False).problems]
    assert any(fragment in m for m in msgs), msgs
