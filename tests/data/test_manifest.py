"""Integrity manifest: a changed, missing or unlisted data file is reported."""

from __future__ import annotations

from borderatlas.data.loader import load_atlas
from borderatlas.data.manifest import check_manifest, render_manifest


def test_manifest_matches_after_write(make_geodata, mini_files):
    root = make_geodata(mini_files)
    assert check_manifest(root) == []
    assert "history/events.json" in render_manifest(root)


def test_changed_file_is_reported_at_load(make_geodata, mini_files):
    root = make_geodata(mini_files)
    path = root / "bibliography.json"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    msgs = [str(p) for p in load_atlas(root).problems]
    assert msgs == ["bibliography.json: -: -: checksum does not match the manifest (file changed)"]


def test_unlisted_and_missing_files(make_geodata, mini_files):
    root = make_geodata(mini_files)
    (root / "extra.geojson").write_text("{}", encoding="utf-8")
    (root / "basemap_water.geojson").unlink()
    msgs = [str(p) for p in check_manifest(root)]
    assert "basemap_water.geojson: -: -: listed in the manifest but missing" in msgs
    assert "extra.geojson: -: -: not listed in the manifest" in msgs


def test_bundled_geodata_matches_its_manifest():
    from borderatlas.config import geodata_root

    assert [str(p) for p in check_manifest(geodata_root())] == []
