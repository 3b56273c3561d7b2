"""Deterministic GeoJSON/JSON writing, so two builds give byte-identical files."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from shapely.geometry import GeometryCollection, MultiPolygon, mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from borderatlas.geo.simplify import round_coords

PRECISION = 6


def rfc7946(geom: BaseGeometry) -> BaseGeometry:
    """Polygons by the right-hand rule (RFC 7946 §3.1.6): exteriors counterclockwise, holes clockwise."""
    if geom.geom_type == "Polygon":
        return orient(geom, 1.0)
    if geom.geom_type == "MultiPolygon":
        return MultiPolygon([orient(p, 1.0) for p in geom.geoms])
    if geom.geom_type == "GeometryCollection":
        return GeometryCollection([rfc7946(g) for g in geom.geoms])
    return geom


def geometry_json(geom: BaseGeometry) -> dict[str, Any]:
    """Shapely geometry -> GeoJSON dict, polygons RFC 7946-wound, coordinates rounded, plain lists."""
    gj = mapping(rfc7946(geom))
    return {"type": gj["type"], "coordinates": round_coords(gj["coordinates"], PRECISION)}


def feature(fid: str, geom: BaseGeometry, props: Mapping[str, Any]) -> dict[str, Any]:
    """One GeoJSON Feature with its id repeated in properties (the loader keys on `id`)."""
    return {"type": "Feature", "id": fid, "properties": {"id": fid, **props}, "geometry": geometry_json(geom)}


def dumps(obj: Any) -> str:
    """Stable JSON text: sorted keys, compact separators, UTF-8, trailing newline."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


def write_json(path: Path, obj: Any, indent: bool = False) -> None:
    """Write JSON deterministically (indent=True for small hand-readable files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if indent:
        text = json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    else:
        text = dumps(obj)
    path.write_text(text, encoding="utf-8")


def write_collection(path: Path, features: Iterable[dict[str, Any]], extra: Mapping[str, Any] | None = None) -> None:
    """Write a FeatureCollection with sorted keys, features in the given (stable) order, one per line."""
    head: dict[str, Any] = {"type": "FeatureCollection", **(extra or {})}
    parts = []
    for key in sorted([*head, "features"]):
        if key == "features":
            body = ",\n".join(
                json.dumps(f, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
                for f in features
            )
            parts.append('"features":[\n' + body + "\n]")
        else:
            parts.append(json.dumps(key) + ":" + json.dumps(head[key], sort_keys=True, ensure_ascii=False, separators=(",", ":")))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{" + ",".join(parts) + "}\n", encoding="utf-8")
