"""The command line: validate prints one line per problem and sets the exit code."""

from __future__ import annotations

import subprocess
import sys

from borderatlas import config
from borderatlas.cli import main


def test_validate_clean_tree_exits_zero(make_geodata, mini_files, capsys):
    root = make_geodata(mini_files)
    assert main(["validate", str(root)]) == 0
    assert (
        "clean (2 sections, 1 zone_lines, 2 areas, 3 places, 1 events, 1 sources)"
        in capsys.readouterr().out
    )


def test_validate_reports_file_id_field_problem_and_exits_one(make_geodata, mini_files, capsys):
    mini_files["sections.geojson"]["features"][0]["properties"]["name_ru"] = ""
    root = make_geodata(mini_files)
    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "sections.geojson: s-a: properties.name_ru: '' should be non-empty (left out)" in out


def test_validate_missing_directory_exits_two(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope")]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_module_runs_as_a_program(make_geodata, mini_files):
    root = make_geodata(mini_files)
    proc = subprocess.run(
        [sys.executable, "-m", "borderatlas", "validate", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_validate_reports_a_stale_datapackage(make_geodata, mini_files, capsys):
    root = make_geodata(mini_files)
    (root / "datapackage.json").write_text("{}\n", encoding="utf-8")
    (root / "MANIFEST.sha256").unlink()
    main(["manifest", str(root)])
    assert main(["validate", str(root)]) == 0
    (root / "versions.json").write_text(
        '{"versions": [{"id": "v1", "date": "1991", "label_en": "a", "description_en": "b"}]}',
        encoding="utf-8",
    )
    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr().out
    assert "datapackage.json: -: -: stale: does not describe the current files" in out
    assert "versions.json: -: -: checksum does not match the manifest (file changed)" in out


def test_export_formats_repeated_and_comma_separated(make_geodata, mini_files, tmp_path, capsys):
    root = make_geodata(mini_files)
    out = tmp_path / "out"
    assert main(["export", str(out), "--data", str(root), "--format", "csv,bibtex",
                 "--format", "RIS", "--format", "csv"]) == 0
    printed = capsys.readouterr().out.split()
    names = sorted(p.rsplit("/", 1)[-1] for p in printed)
    assert names == ["areas.csv", "bibliography.bib", "bibliography.ris", "events.csv",
                     "places.csv", "sections.csv"]
    assert sorted(p.name for p in out.iterdir()) == names


def test_export_all_with_basemap(make_geodata, mini_files, tmp_path):
    root = make_geodata(mini_files)
    assert main(["export", str(tmp_path), "--data", str(root), "--format", "all",
                 "--basemap"]) == 0
    written = {p.name for p in tmp_path.iterdir()}
    assert {"border-atlas.gpkg", "sections.geojson", "events.csv", "bibliography.bib",
            "bibliography.ris", "bibliography.csl.json"} <= written


def test_export_unknown_format_is_a_clear_error(tmp_path, capsys):
    assert main(["export", str(tmp_path), "--format", "gpkg,shp", "--format", "kml"]) == 2
    err = capsys.readouterr().err
    assert "unknown format 'shp', 'kml'" in err
    assert "gpkg, geojson, csv, bibtex, ris, csl or all" in err
    assert not any(tmp_path.iterdir())


def test_export_refuses_invalid_data(make_geodata, mini_files, tmp_path, capsys):
    mini_files["sections.geojson"]["features"][0]["properties"]["name_ru"] = ""
    root = make_geodata(mini_files)
    assert main(["export", str(tmp_path / "o"), "--data", str(root), "--format", "csv"]) == 1
    assert "data problem(s)" in capsys.readouterr().err


def test_bench_and_loadtest_run_the_checkouts_developer_tools(capfd):
    assert main(["bench", "--help"]) == 0  # its own options, passed through untouched
    assert "--first-visit-only" in capfd.readouterr().out
    assert main(["loadtest", "--help"]) == 0
    assert "--users" in capfd.readouterr().out


def test_bench_outside_a_checkout_says_where_it_looked(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(config, "CHECKOUT", tmp_path)  # an installed package: no benchmarks/
    assert main(["bench", "--runs", "1"]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "benchmarks" / "bench.py") in err and "clone" in err
