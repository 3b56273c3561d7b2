"""Schema, geometry and date checks for single ``geodata/`` files, reporting every problem."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import shapely
from jsonschema import Draft202012Validator
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from borderatlas.data.problems import Problem
from borderatlas.data.schemas import DATE_FIELDS, Schema
from borderatlas.dates import parse_date

CRS84 = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326"}


def read_json(path: Path, rel: str) -> tuple[Any, list[Problem]]:
    """Parse a JSON file, turning I/O, encoding and syntax errors into a Problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(rel, None, None, "file is missing", left_out=True)]
    except UnicodeDecodeError as exc:
        return None, [Problem(rel, None, None, f"not UTF-8: {exc.reason}", left_out=True)]
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        msg = f"broken JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        return None, [Problem(rel, None, None, msg, left_out=True)]


def date_problems(
    rel: str, fid: str | None, record: dict[str, Any], fields: Iterable[str]
) -> list[Problem]:
    """Report date fields that match the pattern but name no real day (e.g. 2001-02-30)."""
    out = []
    for name in fields:
        value = record.get(name)
        if isinstance(value, str):
            try:
                parse_date(value)
            except ValueError as exc:
                out.append(Problem(rel, fid, name, f"date {value!r} does not parse: {exc}"))
    return out


def schema_problems(
    rel: str, fid: str | None, obj: Any, schema: Schema, prefix: str = ""
) -> list[Problem]:
    """Run a JSON Schema and phrase each error with the field it concerns."""
    out = []
    validator = Draft202012Validator(schema)
    for err in sorted(validator.iter_errors(obj), key=lambda e: list(map(str, e.path))):
        path = [str(p) for p in err.path]
        if err.validator == "required":
            missing = err.message.split("'")[1] if "'" in err.message else err.message
            path = [*path, missing]
            message = "required field is missing"
        else:
            message = _short(err.message)
        field = ".".join(filter(None, [prefix, *path])) or None
        out.append(Problem(rel, fid, field, message))
    return out


def _short(message: str, limit: int = 160) -> str:
    """Keep schema messages readable when the offending value is large."""
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _coords(obj: Any) -> Iterator[tuple[float, float]]:
    """Yield every (lon, lat) pair in a GeoJSON coordinates array."""
    if isinstance(obj, list) and obj and all(isinstance(v, int | float) for v in obj):
        yield float(obj[0]), float(obj[1]) if len(obj) > 1 else math.nan
    elif isinstance(obj, list):
        for item in obj:
            yield from _coords(item)


def geometry_problems(
    rel: str, fid: str | None, geom: Any, allowed: frozenset[str]
) -> tuple[BaseGeometry | None, list[Problem]]:
    """Build a shapely geometry, reporting type, range, emptiness and validity problems."""
    if not isinstance(geom, dict):
        return None, [Problem(rel, fid, "geometry", "geometry is missing")]
    gtype = geom.get("type")
    if gtype not in allowed:
        return None, [
            Problem(
                rel,
                fid,
                "geometry",
                f"type {gtype!r} not allowed here; expected one of {sorted(allowed)}",
            )
        ]
    for lon, lat in _coords(geom.get("coordinates")):
        if not (-180 <= lon <= 180 and -90 <= lat <= 90) or math.isnan(lat):
            msg = f"coordinate ({lon}, {lat}) out of range (lon -180..180, lat -90..90)"
            return None, [Problem(rel, fid, "geometry", msg)]
    try:
        built = shape(geom)
    except (ValueError, TypeError, AttributeError, IndexError) as exc:
        return None, [Problem(rel, fid, "geometry", f"cannot build geometry: {exc}")]
    if built.is_empty:
        return None, [Problem(rel, fid, "geometry", "geometry is empty")]
    if not built.is_valid:
        reason = shapely.is_valid_reason(built)
        return None, [Problem(rel, fid, "geometry", f"invalid geometry: {reason}")]
    return built, []


def check_feature_collection(
    rel: str, raw: Any, props_schema: Schema, allowed: frozenset[str], layer: str
) -> tuple[list[tuple[dict[str, Any], BaseGeometry]], list[Problem]]:
    """Split a FeatureCollection into healthy features and problems; bad features are left out."""
    if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection":
        return [], [Problem(rel, None, "type", "not a GeoJSON FeatureCollection", left_out=True)]
    crs = raw.get("crs")
    if crs is not None:
        name = (crs.get("properties") or {}).get("name") if isinstance(crs, dict) else None
        if name not in CRS84:
            msg = f"CRS {name!r} is not WGS84 lon/lat (RFC 7946 requires EPSG:4326/CRS84)"
            return [], [Problem(rel, None, "crs", msg, left_out=True)]
    feats = raw.get("features")
    if not isinstance(feats, list):
        return [], [Problem(rel, None, "features", "features must be a list", left_out=True)]
    good: list[tuple[dict[str, Any], BaseGeometry]] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, feat in enumerate(feats):
        props = feat.get("properties") if isinstance(feat, dict) else None
        fid = props.get("id") if isinstance(props, dict) else None
        label = fid if isinstance(fid, str) and fid else f"#{index}"
        mine = schema_problems(rel, label, props, props_schema, "properties")
        mine += date_problems(
            rel, label, props if isinstance(props, dict) else {}, DATE_FIELDS.get(layer, ())
        )
        if isinstance(fid, str) and fid in seen:
            mine.append(Problem(rel, label, "properties.id", "duplicate id"))
        geom, gprobs = geometry_problems(
            rel, label, feat.get("geometry") if isinstance(feat, dict) else None, allowed
        )
        mine += gprobs
        if mine:
            problems += [
                Problem(p.file, p.feature_id, p.field, p.message, left_out=True) for p in mine
            ]
            continue
        assert isinstance(fid, str) and isinstance(props, dict)  # no problems: both checked
        seen.add(fid)
        good.append((props, geom))
    return good, problems


def check_records(
    rel: str, raw: Any, schema: Schema, key: str, kind: str
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Split a ``{key: [records]}`` file into healthy records and problems."""
    if not isinstance(raw, dict) or not isinstance(raw.get(key), list):
        return [], [
            Problem(rel, None, key, f"expected an object with a list '{key}'", left_out=True)
        ]
    item_schema = schema["properties"][key]["items"]
    good, problems, seen = [], [], set()
    for index, rec in enumerate(raw[key]):
        rid = rec.get("id") if isinstance(rec, dict) else None
        label = rid if isinstance(rid, str) and rid else f"#{index}"
        mine = schema_problems(rel, label, rec, item_schema)
        if isinstance(rec, dict):
            mine += date_problems(rel, label, rec, DATE_FIELDS.get(kind, ()))
        if isinstance(rid, str) and rid in seen:
            mine.append(Problem(rel, label, "id", "duplicate id"))
        if mine:
            problems += [
                Problem(p.file, p.feature_id, p.field, p.message, left_out=True) for p in mine
            ]
            continue
        seen.add(rid)
        good.append(rec)
    return good, problems
