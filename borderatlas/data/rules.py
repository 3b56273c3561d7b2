"""Rules across a layer's geometry: stored figures match it, zones splice, dates name real days."""

from __future__ import annotations

from typing import Any

from shapely.geometry.base import BaseGeometry

from borderatlas.data import files as ref
from borderatlas.data.problems import Problem
from borderatlas.dates import parse_date
from borderatlas.geodesy import area_km2, length_km

AREA_TOLERANCE = 0.15  # published vs computed area beyond this needs an area_note
MEASURE_TOLERANCE = 0.01  # stored geodesic figures must match the geometry this closely


def date_rows(rel: str, fid: str, entry: Any) -> list[Problem]:
    """Check that timeline and holder dates name real days."""
    out: list[Problem] = []
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


def winding_problems(layer: str, rows: list[tuple[dict[str, Any], BaseGeometry]]) -> list[Problem]:
    """Polygons follow the right-hand rule (RFC 7946 §3.1.6): exteriors counterclockwise, holes clockwise.

    Reported, not left out: a ring wound the wrong way still draws, but other tools may read it
    as its complement.
    """
    out: list[Problem] = []
    for props, geom in rows:
        polygons = list(getattr(geom, "geoms", [geom])) if geom.geom_type in ("Polygon", "MultiPolygon") else []
        for i, poly in enumerate(polygons):
            where = f"geometry.coordinates[{i}]" if geom.geom_type == "MultiPolygon" else "geometry.coordinates"
            if not poly.exterior.is_ccw:
                out.append(Problem(layer, props.get("id"), where, "exterior ring is clockwise; RFC 7946 wants counterclockwise"))
            if any(ring.is_ccw for ring in poly.interiors):
                out.append(Problem(layer, props.get("id"), where, "a hole is counterclockwise; RFC 7946 wants clockwise"))
    return out


def measure_problems(
    sections: list[tuple[dict[str, Any], BaseGeometry]],
    areas: list[tuple[dict[str, Any], BaseGeometry]],
) -> list[Problem]:
    """Stored lengths and areas must match the geometry; big published gaps need a reason."""
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


def zone_problems(
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
