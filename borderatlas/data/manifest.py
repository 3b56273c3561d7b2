"""SHA-256 manifest of ``geodata/`` so a changed or corrupted file is noticed at start-up."""

from __future__ import annotations

import hashlib
from pathlib import Path

from borderatlas.data.problems import Problem

MANIFEST = "MANIFEST.sha256"
SUFFIXES = (".geojson", ".json", ".csv")


def data_files(root: Path) -> list[Path]:
    """List the files the manifest covers, in a stable order."""
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix in SUFFIXES and p.name != MANIFEST
    )


def digest(path: Path) -> str:
    """Hash one file in chunks (large layers stay out of memory twice)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def render_manifest(root: Path) -> str:
    """Render the manifest text in ``sha256sum`` format (checkable with ``sha256sum -c``)."""
    lines = [f"{digest(p)}  {p.relative_to(root).as_posix()}" for p in data_files(root)]
    return "\n".join(lines) + "\n"


def write_manifest(root: Path) -> Path:
    """Write the manifest beside the data."""
    out = root / MANIFEST
    out.write_text(render_manifest(root), encoding="utf-8")
    return out


def check_manifest(root: Path) -> list[Problem]:
    """Compare files with the manifest: changed, missing and unlisted files are problems."""
    path = root / MANIFEST
    if not path.exists():
        return [
            Problem(
                MANIFEST, None, None, "manifest is missing; run `python -m borderatlas manifest`"
            )
        ]
    expected: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        sha, _, rel = line.partition("  ")
        if len(sha) != 64 or not rel:
            return [Problem(MANIFEST, None, f"line {n}", "malformed manifest line")]
        expected[rel] = sha
    actual = {p.relative_to(root).as_posix(): p for p in data_files(root)}
    out = []
    for rel, sha in sorted(expected.items()):
        if rel not in actual:
            out.append(Problem(rel, None, None, "listed in the manifest but missing"))
        elif digest(actual[rel]) != sha:
            out.append(
                Problem(rel, None, None, "checksum does not match the manifest (file changed)")
            )
    out += [
        Problem(rel, None, None, "not listed in the manifest")
        for rel in sorted(set(actual) - set(expected))
    ]
    return out
