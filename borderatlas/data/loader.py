"""Read ``geodata/`` into GeoDataFrames and records, validating everything on the way in.

Files are parsed with :mod:`json` rather than pyogrio so that each bad feature can be
named and left out on its own while the rest of its layer still loads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.geometry.base import BaseGeometry

from borderatlas import config
from borderatlas.data import crossrefs as ref
from borderatlas.data.manifest import check_manifest
from borderatlas.data.problems import Problem
from borderatlas.data.schemas import (
    AREA_PROPS,
    BASEMAP_PROPS,
    BIBLIOGRAPHY_FILE,
    EVENTS_FILE,
    FEATURE_HISTORY,
    GAZETTEER_FILE,
    PLACE_PROPS,
    SECTION_PROPS,
    VERSIONS_FILE,
    ZONE_LINE_PROPS,
    ZONES_FILE,
    Schema,
)
from borderatlas.data.validate import (
    check_feature_collection,
    check_records,
    read_json,
    schema_problems,
)
from borderatlas.dates import parse_date

LINES = frozenset({"LineString", "MultiLineString"})
POLYGONS = frozenset({"Polygon", "MultiPolygon"})

# layer name -> (file, property schema, allowed geometry types)
LAYERS: dict[str, tuple[str, Schema, frozenset[str]]] = {
    "sections": (ref.SECTIONS, SECTION_PROPS, LINES),
    "zone_lines": (ref.ZONE_LINES, ZONE_LINE_PROPS, LINES),
    "areas": (ref.AREAS, AREA_PROPS, POLYGONS | {"Point"}),
    "places": (ref.PLACES, PLACE_PROPS, frozenset({"Point"})),
    "basemap_countries": ("basemap_countries.geojson", BASEMAP_PROPS, POLYGONS),
    "basemap_water": ("basemap_water.geojson", BASEMAP_PROPS, LINES | POLYGONS),
}
# record kind -> (file, file schema, list key)
RECORDS: dict[str, tuple[str, Schema, str]] = {
    "zones": (ref.ZONES, ZONES_FILE, "zones"),
    "versions": (ref.VERSIONS, VERSIONS_FILE, "versions"),
    "events": (ref.EVENTS, EVENTS_FILE, "events"),
    "gazetteer": (ref.GAZETTEER, GAZETTEER_FILE, "entries"),
}
AREA_TOLERANCE = 0.15  # published vs computed area beyond this needs an area_note
MEASURE_TOLERANCE = 0.01  # stored geodesic figures must match the geometry this closely


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
    zones: dict[str, dict[str, Any]]
    versions: dict[str, dict[str, Any]]
    events: list[dict[str, Any]]
    feature_history: dict[str, dict[str, dict[str, Any]]]
    gazetteer: list[dict[str, Any]]
    bibliography: dict[str, dict[str, Any]]
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
            mine += _date_rows(rel, fid, entry)
            if mine:
                problems += [
                    Problem(p.file, p.feature_id, p.field, p.message, left_out=True) for p in mine
                ]
            else:
                out[kind][fid] = entry
    return out, problems


def _date_rows(rel: str, fid: str, entry: Any) -> list[Problem]:
    """Check that timeline and holder dates name real days."""
    out = []
    if not isinstance(entry, dict):
        return out
    for field_name in ("timeline", "holders"):
        for i, row in enumerate(entry.get(field_name) or []):
            for key in ("from", "to"):
                value = row.get(key) if isinstance(row, dict) else None
                if isinstance(value, str):
                    try:
                        parse_date(value)
                    except ValueError as exc:
                        out.append(
                            Problem(
                                rel,
                                fid,
                                f"{field_name}.{i}.{key}",
                                f"date {value!r} does not parse: {exc}",
                            )
                        )
    return out


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
        mine = schema_problems(rel, label, item, BIBLIOGRAPHY_FILE["items"])
        if isinstance(key, str) and key in out:
            mine.append(Problem(rel, label, "id", "duplicate id"))
        if mine:
            problems += [
                Problem(p.file, p.feature_id, p.field, p.message, left_out=True) for p in mine
            ]
        else:
            out[key] = item
    return out, problems


def _measure_problems(
    sections: list[tuple[dict[str, Any], BaseGeometry]],
    areas: list[tuple[dict[str, Any], BaseGeometry]],
) -> list[Problem]:
    """Stored lengths and areas must match the geometry; big published gaps need a reason."""
    from borderatlas.geo.geodesy import area_km2, length_km

    out = []
    for props, geom in sections:
        actual, stored = length_km(geom), props["length_km"]
        if abs(actual - stored) > MEASURE_TOLERANCE * actual:
            msg = f"stored {stored} km but geometry measures {actual:.3f} km"
            out.append(Problem(ref.SECTIONS, props["id"], "properties.length_km", msg))
    for props, geom in areas:
        fid, note = props["id"], props.get("area_note")
        computed, published = props.get("computed_area_km2"), props.get("published_area_km2")
        if geom.geom_type == "Point":
            if not note:
                msg = "a Point area must say why it has no outline"
                out.append(Problem(ref.AREAS, fid, "properties.area_note", msg))
            continue
        actual = area_km2(geom)
        if computed is None or abs(actual - computed) > MEASURE_TOLERANCE * actual:
            msg = f"stored {computed} km² but geometry measures {actual:.3f} km²"
            out.append(Problem(ref.AREAS, fid, "properties.computed_area_km2", msg))
        if published and abs(actual - published) > AREA_TOLERANCE * published and not note:
            msg = (
                f"computed {actual:.1f} km² differs from published {published} km² "
                "by more than 15 % and no area_note says why"
            )
            out.append(Problem(ref.AREAS, fid, "properties.area_note", msg))
    return out


def _zone_problems(
    zones: list[dict[str, Any]],
    sections: list[tuple[dict[str, Any], BaseGeometry]],
    zone_lines: list[tuple[dict[str, Any], BaseGeometry]],
) -> list[Problem]:
    """A zone can only be spliced if its junctions are vertices of its section, in order."""
    lines = {p["id"]: g for p, g in sections}
    old = {p["zone_id"]: g for p, g in zone_lines if p["kind"] == "old"}
    out = []
    for zone in zones:
        zid, line = zone["id"], lines.get(zone["section_id"])
        if line is None or line.geom_type != "LineString":
            msg = "its section is missing or not a single LineString, so it cannot be spliced"
            out.append(Problem(ref.ZONES, zid, "section_id", msg, left_out=True))
            continue
        coords = [tuple(c) for c in line.coords]
        ends = [tuple(j) for j in zone["junctions"]]
        if not all(j in coords for j in ends) or coords.index(ends[0]) >= coords.index(ends[1]):
            msg = "junctions must be two vertices of the section, in line order"
            out.append(Problem(ref.ZONES, zid, "junctions", msg, left_out=True))
            continue
        piece = old.get(zid)
        if piece is None:
            out.append(
                Problem(ref.ZONES, zid, "id", "no `old` line in zone_lines.geojson", left_out=True)
            )
        elif {tuple(piece.coords[0]), tuple(piece.coords[-1])} != set(ends):
            msg = "the old line must run from junction to junction"
            out.append(Problem(ref.ZONE_LINES, f"{zid}-old", "geometry", msg, left_out=True))
    return out


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
    events = sorted(records["events"], key=lambda e: (parse_date(e["date"]), e["id"]))
    problems += ref.check_references(
        sections=props["sections"],
        areas=props["areas"],
        places=props["places"],
        zone_lines=props["zone_lines"],
        zones=records["zones"],
        versions=records["versions"],
        events=events,
        history=history,
        gazetteer=records["gazetteer"],
        bibliography=set(bibliography),
    )
    layers = {
        name: _frame(good, LAYERS[name][1].get("properties", {})) for name, good in rows.items()
    }
    problems += _measure_problems(rows["sections"], rows["areas"])
    zone_problems = _zone_problems(records["zones"], rows["sections"], rows["zone_lines"])
    problems += zone_problems
    unusable = {p.feature_id for p in zone_problems if p.file == ref.ZONES}
    unusable |= {
        p.feature_id.removesuffix("-old") for p in zone_problems if p.file == ref.ZONE_LINES
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
        bibliography=bibliography,
        problems=problems,
    )
