"""The data package descriptor: generated from the loader's file table, licences per layer."""

from __future__ import annotations

from borderatlas.data.datapackage import check_datapackage, render_datapackage


def test_every_file_is_a_resource_with_schema_hash_and_licence(make_geodata, mini_files):
    root = make_geodata(mini_files)
    desc = render_datapackage(root)
    paths = {r["path"] for r in desc["resources"]}
    assert {
        "sections.geojson",
        "history/events.json",
        "bibliography.json",
        "history/features.json",
    } <= paths
    sections = next(r for r in desc["resources"] if r["path"] == "sections.geojson")
    assert [lic["name"] for lic in sections["licenses"]] == ["ODbL-1.0"]
    assert sections["hash"].startswith("sha256:") and sections["jsonSchema"]["required"]
    events = next(r for r in desc["resources"] if r["path"] == "history/events.json")
    assert [lic["name"] for lic in events["licenses"]] == ["CC-BY-4.0"]


def test_fresh_descriptor_checks_clean(make_geodata, mini_files):
    assert check_datapackage(make_geodata(mini_files)) == []
