"""Read ``geodata/`` into GeoDataFrames and records, validating everything on the way in.

Files are parsed with :mod:`json` rather than pyogrio so that each bad feature can be
named and left out on its own while the rest of its layer still loads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.geometry.base import BaseGeometry

from borderatlas import config
from borderatlas.data import crossrefs, rules, translations
from borderatlas.data import files as ref
from borderatlas.data.files import LAYERS, RECORDS
from borderatlas.data.manifest import check_manifest
from borderatlas.data.problems import Problem
from borderatlas.data.schemas import (
    BIBLIOGRAPHY_ITEM,
    FEATURE_HISTORY,
)
from borderatlas.data.validate import (
    check_feature_collection,
    check_records,
    read_json,
    schema_problems,
)
from borderatlas.dates import parse_date


@dataclass(eq=False)
class Atlas:
    """Everything in ``geodata/`` that passed validation, plus what did not and why."""

    root: Path
    sections: gpd.GeoDataFrame
    zone_lines: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame
    places: gpd.GeoDataFrame
    basemap_countries: gpd.GeoDataFrame
    basemap_water: gpd.GeoDataFrame
    basemap_rivers: gpd.GeoDataFrame
    crossings: gpd.GeoDataFrame
    zones: dict[str, dict[str, Any]]
    versions: dict[str, dict[str, Any]]
    events: list[dict[str, Any]]
    feature_history: dict[str, dict[str, dict[str, Any]]]
    gazetteer: list[dict[str, Any]]
    security: dict[str, dict[str, Any]]
    bibliography: dict[str, dict[str, Any]]
    # language -> key -> {"text", "en_sha1"}: our English content text translated
    translations: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def left_out(self) -> list[Problem]:
        """Problems that removed a file, feature or record from what the app shows."""
        return [p for p in self.problems if p.left_out]

    def layer(self, name: str) -> gpd.GeoDataFrame:
        """Return a geometry layer by its name in :data:`LAYERS`."""
        if name not in LAYERS:
            raise KeyError(f"unknown layer {name!r}; known: {', '.join(LAYERS)}")
        return getattr(self, name)


def _frame(
    rows: list[tuple[dict[str, Any], BaseGeometry]], columns: Iterable[str] = ()
) -> gpd.GeoDataFrame:
    """Turn healthy (properties, geometry) pairs into a GeoDataFrame in EPSG:4326.

    Every schema column exists even when the layer was left out entirely, so pages that
    filter on a column (``zone_id``, ``pair``…) still work on an empty layer.
    """
    props = [dict(p) for p, _ in rows]
    frame = gpd.GeoDataFrame(props, geometry=[g for _, g in rows], crs="EPSG:4326")
    for column in ("id", *columns):
        if column not in frame.columns:
            frame[column] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    return frame


def _load_layer(
    root: Path, name: str
) -> tuple[list[tuple[dict[str, Any], BaseGeometry]], list[Problem]]:
    """Load one geometry layer, keeping its healthy features."""
    rel, schema, allowed = LAYERS[name]
    raw, problems = read_json(root / rel, rel)
    if raw is None:
        return [], problems
    good, more = check_feature_collection(rel, raw, schema, allowed, name)
    return good, problems + more


def _load_records(root: Path, kind: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Load one record file, keeping its healthy records."""
    rel, schema, key = RECORDS[kind]
    raw, problems = read_json(root / rel, rel)
    if raw is None:
        return [], problems
    good, more = check_records(rel, raw, schema, key, kind)
    return good, problems + more


def _load_history(root: Path) -> tuple[dict[str, dict[str, dict[str, Any]]], list[Problem]]:
    """Load per-feature histories, leaving out only the entries that are malformed."""
    rel = ref.FEATURES
    raw, problems = read_json(root / rel, rel)
    out: dict[str, dict[str, dict[str, Any]]] = {"sections": {}, "areas": {}}
    if raw is None:
        return out, problems
    if not isinstance(raw, dict):
        return out, [
            Problem(
                rel, None, None, "expected an object with 'sections' and 'areas'", left_out=True
            )
        ]
    for kind in out:
        entries = raw.get(kind)
        if not isinstance(entries, dict):
            problems.append(
                Problem(rel, None, kind, "must be an object keyed by id", left_out=True)
            )
            continue
        for fid, entry in entries.items():
            mine = schema_problems(rel, fid, entry, FEATURE_HISTORY)
            mine += rules.date_rows(rel, fid, entry)
            if mine:
                problems += _left_out(mine)
            else:
                out[kind][fid] = entry
    return out, problems


def _load_bibliography(root: Path) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """Load the CSL-JSON bibliography keyed by citation id."""
    rel = ref.BIBLIOGRAPHY
    raw, problems = read_json(root / rel, rel)
    if raw is None:
        return {}, problems
    if not isinstance(raw, list):
        return {}, [Problem(rel, None, None, "expected a CSL-JSON array", left_out=True)]
    out: dict[str, dict[str, Any]] = {}
    for index, item in enumerate(raw):
        key = item.get("id") if isinstance(item, dict) else None
        label = key if isinstance(key, str) else f"#{index}"
        mine = schema_problems(rel, label, item, BIBLIOGRAPHY_ITEM)
        if isinstance(key, str) and key in out:
            mine.append(Problem(rel, label, "id", "duplicate id"))
        if mine:
            problems += _left_out(mine)
        elif isinstance(key, str):
            out[key] = item
    return out, problems


def _load_translations(root: Path) -> tuple[dict[str, dict[str, dict[str, Any]]], list[Problem]]:
    """Load each language's catalog; entries that break the schema are left out, by key."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    problems: list[Problem] = []
    for lang, (rel, schema) in ref.TRANSLATIONS.items():
        out[lang] = {}
        raw, more = read_json(root / rel, rel)
        problems += more
        if raw is None:
            continue
        if not isinstance(raw, dict) or not isinstance(raw.get("entries"), dict):
            problems.append(
                Problem(rel, None, "entries", "expected an object with 'entries'", left_out=True)
            )
            continue
        head = {k: v for k, v in raw.items() if k != "entries"}
        problems += schema_problems(rel, None, {**head, "entries": {}}, schema)
        if raw.get("lang") != lang:
            problems.append(Problem(rel, None, "lang", f"must be {lang!r} for this file"))
        entry_schema = schema["properties"]["entries"]["additionalProperties"]
        for key, entry in raw["entries"].items():
            mine = schema_problems(rel, key, entry, entry_schema)
            if mine:
                problems += _left_out(mine)
            else:
                out[lang][key] = entry
    return out, problems


def _left_out(problems: list[Problem]) -> list[Problem]:
    """The same problems, marked as having removed their record from what the app shows."""
    return [dataclasses.replace(p, left_out=True) for p in problems]


def load_atlas(root: Path | None = None, *, check_integrity: bool = True) -> Atlas:
    """Load and validate all of ``geodata/``; never raises on bad data, reports it instead."""
    root = Path(root) if root is not None else config.geodata_root()
    problems: list[Problem] = []
    rows = {}
    for name in LAYERS:
        rows[name], more = _load_layer(root, name)
        problems += more
    props = {name: [p for p, _ in good] for name, good in rows.items()}
    records = {}
    for kind in RECORDS:
        records[kind], more = _load_records(root, kind)
        problems += more
    history, more = _load_history(root)
    problems += more
    bibliography, more = _load_bibliography(root)
    problems += more
    catalogs, more = _load_translations(root)
    problems += more
    problems += translations.translation_problems(
        translations.content_keys(translations.read_content(root)), catalogs
    )
    events = sorted(records["events"], key=lambda e: (parse_date(e["date"]), e["id"]))
    problems += crossrefs.check_references(
        sections=props["sections"],
        areas=props["areas"],
        places=props["places"],
        zone_lines=props["zone_lines"],
        zones=records["zones"],
        versions=records["versions"],
        events=events,
        history=history,
        gazetteer=records["gazetteer"],
        crossings=props["crossings"],
        security=records["security"],
        bibliography=set(bibliography),
    )
    layers = {
        name: _frame(good, LAYERS[name][1].get("properties", {})) for name, good in rows.items()
    }
    problems += rules.measure_problems(rows["sections"], rows["areas"])
    for name, good in rows.items():
        problems += rules.winding_problems(LAYERS[name][0], good)
    zone_problems = rules.zone_problems(records["zones"], rows["sections"], rows["zone_lines"])
    problems += zone_problems
    unusable = {p.feature_id for p in zone_problems if p.file == ref.ZONES}
    unusable |= {
        (p.feature_id or "").removesuffix("-old") for p in zone_problems if p.file == ref.ZONE_LINES
    }
    records["zones"] = [z for z in records["zones"] if z["id"] not in unusable]
    if check_integrity:
        problems += check_manifest(root)
    return Atlas(
        root=root,
        **layers,
        zones={z["id"]: z for z in records["zones"]},
        versions={v["id"]: v for v in records["versions"]},
        events=events,
        feature_history=history,
        gazetteer=records["gazetteer"],
        security={z["id"]: z for z in records["security"]},
        bibliography=bibliography,
        translations=catalogs,
        problems=problems,
    )
