"""The command line: validate prints one line per problem and sets the exit code."""

from __future__ import annotations

import subprocess
import sys

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
