"""Static JSON API files: layout, determinism, content equal to the data, datapackage entries."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from shapely.geometry import shape

import borderatlas as ba
from borderatlas.data.datapackage import LICENCES
from borderatlas.export.static_api import API_ROOT, api_files, datapackage_resources

FRICTIONLESS_NAME = re.compile(r"^[a-z0-9._/-]+$")


def _strict(blob: bytes):
    def refuse(token: str):
        raise ValueError(f"non-standard JSON constant {token}")
    return json.loads(blob.decode("utf-8"), parse_constant=refuse)


@pytest.fixture(scope="module")
def atlas() -> ba.BorderAtlas:
    return ba.open()


@pytest.fixture(scope="module")
def files(atlas) -> dict[str, bytes]:
    return api_files(atlas)


def test_layout(atlas, files):
    days = sorted(v["date"] for v in atlas.data.versions.values())
    expected = {f"{API_ROOT}/{n}" for n in ("index.json", "sections.geojson", "areas.geojson",
                                            "places.geojson", "events.json")}
    expected |= {f"{API_ROOT}/line/{d}.geojson" for d in days}
    assert set(files) == expected
    assert list(files) == sorted(files)
    for blob in files.values():
        _strict(blob)
        assert blob.endswith(b"\n")


def test_deterministic_and_same_from_raw_atlas(atlas, files):
    assert api_files(atlas) == files
    assert api_files(atlas.data) == files


def test_layers_and_events_equal_the_data(atlas, files):
    for name in ("sections", "areas", "places"):
        doc = _strict(files[f"{API_ROOT}/{name}.geojson"])
        assert doc["type"] == "FeatureCollection" and "crs" not in doc
        assert [f["id"] for f in doc["features"]] == list(getattr(atlas, name)()["id"])
    events = _strict(files[f"{API_ROOT}/events.json"])["events"]
    assert [e["id"] for e in events] == [e["id"] for e in atlas.data.events]
    assert events[0] == atlas.data.events[0]


def test_line_files_are_the_line_on_each_version_date(atlas, files):
    for version in atlas.data.versions.values():
        doc = _strict(files[f"{API_ROOT}/line/{version['date']}.geojson"])
        assert doc["version"]["id"] == version["id"]
        line = atlas.line_at(version["date"]).set_index("id")
        assert [f["id"] for f in doc["features"]] == list(line.index)
        for feature in doc["features"]:
            props = feature["properties"]
            row = line.loc[feature["id"]]
            assert props["status"] == row["status"]
            assert props["zone_ids"] == row["zone_ids"]
            assert props["version"] == version["id"]
            assert shape(feature["geometry"]).equals_exact(row.geometry, 1e-6)
    old = _strict(files[f"{API_ROOT}/line/1991-05-16.geojson"])
    new = _strict(files[f"{API_ROOT}/line/2011-09-20.geojson"])
    pending = {z for f in old["features"] for z in f["properties"]["zone_ids"]}
    assert pending == set(atlas.data.zones)
    assert all(not f["properties"]["zone_ids"] for f in new["features"])


def test_index_lists_every_file_with_its_hash(atlas, files):
    index = _strict(files[f"{API_ROOT}/index.json"])
    assert index["api_version"] == "v1"
    assert (index["data_version"], index["date_released"]) == ("0.2.0", "2026-11-26")
    listed = {f["path"]: f for f in index["files"]}
    assert set(listed) == {p.removeprefix(f"{API_ROOT}/") for p in files} - {"index.json"}
    for rel, entry in listed.items():
        blob = files[f"{API_ROOT}/{rel}"]
        assert entry["bytes"] == len(blob)
        assert entry["hash"] == "sha256:" + hashlib.sha256(blob).hexdigest()
    assert listed["events.json"]["count"] == 99
    assert listed["sections.geojson"]["count"] == 14
    assert [v["id"] for v in index["versions"]] == ["1991", "2001", "2008", "present"]
    for v in index["versions"]:
        assert v["line"] in listed


def test_datapackage_resources(files):
    resources = datapackage_resources({**files, "index.html": b"<html>"})
    assert [r["path"] for r in resources] == sorted(files)
    names = [r["name"] for r in resources]
    assert len(names) == len(set(names))
    for r in resources:
        assert FRICTIONLESS_NAME.match(r["name"])
        blob = files[r["path"]]
        assert r["bytes"] == len(blob)
        assert r["hash"] == "sha256:" + hashlib.sha256(blob).hexdigest()
        assert r["mediatype"] == ("application/geo+json" if r["path"].endswith(".geojson")
                                  else "application/json")
        assert r["licenses"] and all(lic in LICENCES.values() for lic in r["licenses"])
        assert r["description"]
    by_path = {r["path"]: r for r in resources}
    assert [x["name"] for x in by_path[f"{API_ROOT}/sections.geojson"]["licenses"]] == ["ODbL-1.0"]
    assert [x["name"] for x in by_path[f"{API_ROOT}/events.json"]["licenses"]] == ["CC-BY-4.0"]
