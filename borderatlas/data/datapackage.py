"""A Frictionless ``datapackage.json`` describing every data file, regenerated and checked, never hand-kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from borderatlas import __version__
from borderatlas.data import files as ref
from borderatlas.data.files import LAYERS, RECORDS
from borderatlas.data.manifest import digest
from borderatlas.data.problems import Problem
from borderatlas.data.schemas import BIBLIOGRAPHY_FILE, FEATURES_FILE

DATAPACKAGE = "datapackage.json"
LICENCES = {
    "ODbL-1.0": {
        "name": "ODbL-1.0",
        "path": "https://opendatacommons.org/licenses/odbl/1-0/",
        "title": "Open Data Commons Open Database License 1.0",
    },
    "CC-BY-4.0": {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    },
    "PDDL-1.0": {
        "name": "PDDL-1.0",
        "path": "https://opendatacommons.org/licenses/pddl/1-0/",
        "title": "Public domain (Natural Earth, DCW, WDB II)",
    },
}
CURATED_LICENCE = "CC-BY-4.0"
TITLE = "Border Atlas: the former Sino-Soviet border and its negotiation, 1960–2024"
SOURCES = [
    {
        "title": "© OpenStreetMap contributors (via @osm_borders/maritime_10m)",
        "path": "https://www.openstreetmap.org/copyright",
    },
    {"title": "Digital Chart of the World (GMT DCW edition)"},
    {"title": "Natural Earth"},
]
DESCRIPTIONS = {
    "sections": "Present boundary, one feature per section, derived from OpenStreetMap",
    "zone_lines": "Older lines and claim lines inside documented change zones",
    "areas": "Disputed, transferred and settlement areas (computed between line versions)",
    "places": "Tripoints, split points, 1969 clash sites, crossings and cities",
    "basemap_countries": "Offline basemap: country polygons clipped to the region",
    "basemap_water": "Offline basemap: main rivers and lakes",
    "basemap_rivers": "Named border rivers (Amur water, Ussuri, Kazakevicheva, Argun) at three levels of detail, each shown from min_zoom to max_zoom; schematic, about 1:1,000,000",
    "zones": "Documented zones where an older line differs from the present one",
    "versions": "Named dated versions of the line",
    "events": "The negotiation chronicle",
    "gazetteer": "Names in English, Russian and Chinese with romanisations and variants",
    "crossings": "Border crossings with type, opening and closing dates; those with no sourced coordinate are listed under 'unlocated'",
    "translations_ru": "Russian translation of the atlas's own English content text (English is the master; each entry names the SHA-1 of the English it translates)",
    "translations_zh": "Chinese translation of the atlas's own English content text (English is the master; each entry names the SHA-1 of the English it translates)",
    "security": "Border-security areas: the 1996/1997 confidence-building zone (width and provisions) and Russia's border security zone (described)",
}


def _licences(path: Path) -> list[str]:
    """Licences named by a file's features, or the curated-data licence for our own records."""
    if path.suffix != ".geojson" or not path.exists():
        return [CURATED_LICENCE]
    try:
        feats = json.loads(path.read_text(encoding="utf-8")).get("features", [])
    except (json.JSONDecodeError, AttributeError):
        return [CURATED_LICENCE]
    found = {f.get("properties", {}).get("license") for f in feats if isinstance(f, dict)}
    named = sorted(x for x in found if x in LICENCES)
    return named or ["PDDL-1.0"]


def _resource(root: Path, name: str, rel: str, schema: dict[str, Any]) -> dict[str, Any]:
    """Describe one file: where, what, under which licence, with its JSON Schema and hash."""
    path = root / rel
    return {
        "name": name.replace("_", "-"),
        "path": rel,
        "format": "geojson" if rel.endswith(".geojson") else "json",
        "mediatype": "application/geo+json" if rel.endswith(".geojson") else "application/json",
        "encoding": "utf-8",
        "description": DESCRIPTIONS.get(name, name),
        "licenses": [LICENCES[x] for x in _licences(path)],
        "bytes": path.stat().st_size if path.exists() else None,
        "hash": f"sha256:{digest(path)}" if path.exists() else None,
        "jsonSchema": schema,
    }


def render_datapackage(root: Path) -> dict[str, Any]:
    """Build the descriptor from the loader's own file table, so the two cannot drift apart."""
    resources = [_resource(root, n, rel, schema) for n, (rel, schema, _) in LAYERS.items()]
    resources += [_resource(root, n, rel, schema) for n, (rel, schema, _) in RECORDS.items()]
    resources.append(_resource(root, "feature_history", ref.FEATURES, FEATURES_FILE))
    resources.append(_resource(root, "bibliography", ref.BIBLIOGRAPHY, BIBLIOGRAPHY_FILE))
    resources += [
        _resource(root, f"translations_{lang}", rel, schema)
        for lang, (rel, schema) in ref.TRANSLATIONS.items()
    ]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "border-atlas",
        "title": TITLE,
        "version": __version__,
        "licenses": [LICENCES["ODbL-1.0"], LICENCES[CURATED_LICENCE]],
        "sources": SOURCES,
        "resources": resources,
    }


def dumps(descriptor: dict[str, Any]) -> str:
    """Serialise deterministically so a regeneration is byte-identical."""
    return json.dumps(descriptor, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_datapackage(root: Path) -> Path:
    """Write ``datapackage.json`` for the current files."""
    out = root / DATAPACKAGE
    out.write_text(dumps(render_datapackage(root)), encoding="utf-8")
    return out


def check_datapackage(root: Path) -> list[Problem]:
    """Report a missing or stale descriptor (a data file changed without regenerating it)."""
    path = root / DATAPACKAGE
    if not path.exists():
        return [Problem(DATAPACKAGE, None, None, "missing; run `python -m borderatlas manifest`")]
    if path.read_text(encoding="utf-8") != dumps(render_datapackage(root)):
        return [
            Problem(
                DATAPACKAGE,
                None,
                None,
                "stale: does not describe the current files; run `python -m borderatlas manifest`",
            )
        ]
    return []
