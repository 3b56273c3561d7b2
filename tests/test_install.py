"""The installed wheel works on its own: packaged data, styles and CITATION.cff, the console script.

Builds the wheel from a copy of the tracked files (so the clone gets no build/ or egg-info),
installs it with ``pip install --no-deps --target`` (the dependencies are this venv's) and runs
the public API from a temporary folder with only the install on ``PYTHONPATH``, so neither the
clone nor the venv's editable install can be what answers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.install
REPO = Path(__file__).resolve().parents[1]
PROBE = """
import json, borderatlas
from borderatlas import config
from borderatlas.views import citation
a = borderatlas.open()
c = citation.cite(a, "area:zhenbao", "https://atlas.example.org", accessed="")
print(json.dumps({"sections": len(a.sections()), "module": borderatlas.__file__,
                  "geodata": str(config.geodata_root()), "cff": str(citation.cff_path(None)),
                  "version": c.version, "apa": c.apa}))
"""


def _tracked_copy(dest: Path) -> Path:
    """The tracked files of the clone (what a CI checkout has), copied to ``dest``."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for rel in filter(None, files):
        src, out = REPO / rel, dest / rel
        if src.is_file():
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, out)  # follows the CITATION.cff link: the wheel gets the file
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("git") is None:
        pytest.skip("needs git to list the tracked files")
    tmp = tmp_path_factory.mktemp("wheel")
    src = _tracked_copy(tmp / "src")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation",
                    "--outdir", str(tmp / "dist"), str(src)],
                   check=True, capture_output=True, timeout=120)
    (wheel,) = (tmp / "dist").glob("borderatlas-*.whl")
    target = tmp / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
                    "--quiet", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=120)
    return wheel, target


def test_wheel_declares_the_console_script(installed):
    wheel, _ = installed
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        text = zf.read(entry_points).decode()
    assert "[console_scripts]" in text and "borderatlas = borderatlas.cli:main" in text
    for packaged in ("borderatlas/geodata/datapackage.json", "borderatlas/views/CITATION.cff",
                     "borderatlas/views/citation_styles/apa.csl",
                     "borderatlas/views/citation_styles/LICENSE.md",
                     "borderatlas/export/templates/site/site.js"):
        assert packaged in names, packaged
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "pages/"))]


def test_installed_package_reads_its_packaged_data(installed, tmp_path):
    _, target = installed
    env = {k: v for k, v in os.environ.items() if not k.startswith("BORDERATLAS_")}
    env["PYTHONPATH"] = str(target)
    proc = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    root = str(target.resolve())
    assert got["sections"] == 14
    for key in ("module", "geodata", "cff"):
        assert str(Path(got[key]).resolve()).startswith(root), (key, got[key])
    assert got["version"] == json.loads(
        (target / "borderatlas/geodata/datapackage.json").read_text(encoding="utf-8"))["version"]
    assert "Zhenbao" in got["apa"]
