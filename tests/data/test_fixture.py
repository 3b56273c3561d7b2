"""The shared fixture behind every page, browser and load test is itself valid data."""

from __future__ import annotations

from atlas_fixture import write_geodata

from borderatlas.cli import main
from borderatlas.data.loader import load_atlas


def test_fixture_passes_the_validator(tmp_path, capsys):
    root = write_geodata(tmp_path)
    assert [str(p) for p in load_atlas(root).problems] == []
    assert main(["validate", str(root)]) == 0
    assert "clean" in capsys.readouterr().out
