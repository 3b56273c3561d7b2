"""User-uploaded GeoJSON overlays: strict limits, clear messages, and how far they are from a line.

An overlay lives only in the caller's memory (a Streamlit session); nothing here writes to disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from borderatlas.data.validate import CRS84
from borderatlas.geodesy import area_km2

MAX_BYTES = 10 * 1024 * 1024
MAX_FEATURES = 5_000
MAX_VERTICES = 500_000
ALLOWED_TYPES = frozenset(
    {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
)
SAMPLE_STEP_M = 250.0


class OverlayError(ValueError):
    """The upload cannot be shown at all; the message says what and where."""


@dataclass
class Overlay:
    """A parsed upload: the usable features and one message per feature left out."""

    name: str
    frame: gpd.GeoDataFrame
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Difference:
    """How an overlay departs from an official line, in metres and square kilometres."""

    median_m: float
    p95_m: float
    max_m: float
    area_between_km2: float
    sampled_points: int


def parse_overlay(data: bytes, name: str = "upload") -> Overlay:
    """Parse and check an uploaded GeoJSON; raise OverlayError if nothing usable remains."""
    if len(data) > MAX_BYTES:
        raise OverlayError(f"{name}: file is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes")
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise OverlayError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise OverlayError(
            f"{name}: broken JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    features = _features(raw, name)
    if len(features) > MAX_FEATURES:
        raise OverlayError(f"{name}: {len(features):,} features; the limit is {MAX_FEATURES:,}")
    rows, geoms, warnings, vertices = [], [], [], 0
    for index, feat in enumerate(features):
        label = f"{name}: feature #{index}"
        try:
            geom = _geometry(feat, label)
        except OverlayError as exc:
            warnings.append(f"{exc} — left out")
            continue
        vertices += shapely.get_num_coordinates(geom)
        if vertices > MAX_VERTICES:
            raise OverlayError(f"{name}: more than {MAX_VERTICES:,} vertices in all")
        raw_props = feat.get("properties")
        props = raw_props if isinstance(raw_props, dict) else {}
        rows.append({"label": str(props.get("name", f"#{index}"))[:200], "index": index})
        geoms.append(geom)
    if not geoms:
        detail = "; ".join(warnings[:3]) if warnings else "no features"
        raise OverlayError(f"{name}: nothing usable ({detail})")
    frame = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")
    return Overlay(name=name, frame=frame, warnings=warnings)


def _features(raw: object, name: str) -> list[dict]:
    """Accept a FeatureCollection, a Feature or a bare geometry, in WGS84 only."""
    if not isinstance(raw, dict):
        raise OverlayError(f"{name}: top level must be a GeoJSON object")
    crs = raw.get("crs")
    if crs is not None:
        crs_name = (crs.get("properties") or {}).get("name") if isinstance(crs, dict) else None
        if crs_name not in CRS84:
            raise OverlayError(
                f"{name}: CRS {crs_name!r} is not supported; use WGS84 longitude/latitude (EPSG:4326)"
            )
    kind = raw.get("type")
    if kind == "FeatureCollection":
        feats = raw.get("features")
        if not isinstance(feats, list):
            raise OverlayError(f"{name}: 'features' must be a list")
        return [f if isinstance(f, dict) else {} for f in feats]
    if kind == "Feature":
        return [raw]
    if kind in ALLOWED_TYPES:
        return [{"type": "Feature", "properties": {}, "geometry": raw}]
    raise OverlayError(
        f"{name}: type {kind!r} is not GeoJSON (FeatureCollection, Feature or geometry)"
    )


def _geometry(feat: dict, label: str) -> BaseGeometry:
    """Build one feature's geometry or explain why it cannot be used."""
    geom = feat.get("geometry")
    if not isinstance(geom, dict):
        raise OverlayError(f"{label}: no geometry")
    if geom.get("type") not in ALLOWED_TYPES:
        raise OverlayError(
            f"{label}: geometry type {geom.get('type')!r} not allowed; use {', '.join(sorted(ALLOWED_TYPES))}"
        )
    try:
        built = shape(geom)
    except (ValueError, TypeError, AttributeError, IndexError) as exc:
        raise OverlayError(f"{label}: malformed coordinates ({exc})") from exc
    if built.is_empty:
        raise OverlayError(f"{label}: empty geometry")
    coords = shapely.get_coordinates(built)
    if not np.isfinite(coords).all():
        raise OverlayError(f"{label}: coordinates must be finite numbers")
    lon, lat = coords[:, 0], coords[:, 1]
    if (np.abs(lon) > 180).any() or (np.abs(lat) > 90).any():
        raise OverlayError(
            f"{label}: coordinates out of range (longitude -180..180, latitude -90..90); "
            "is the file in a projected CRS or in lat/lon order?"
        )
    if not built.is_valid:
        raise OverlayError(f"{label}: invalid geometry ({shapely.is_valid_reason(built)})")
    return built


def compare_to_line(overlay: gpd.GeoDataFrame, line: BaseGeometry) -> Difference:
    """Distances from the overlay's lines/outlines to an official line, and the area between them."""
    crs = overlay.estimate_utm_crs()
    ours = gpd.GeoSeries([_as_lines(g) for g in overlay.geometry], crs=4326).to_crs(crs)
    official = gpd.GeoSeries([line], crs=4326).to_crs(crs).iloc[0]
    samples = []
    for geom in ours:
        if geom.is_empty:
            continue
        count = max(2, int(geom.length // SAMPLE_STEP_M) + 1)
        samples.append(shapely.line_interpolate_point(geom, np.linspace(0, geom.length, count)))
    if not samples:
        raise OverlayError("overlay has no lines or outlines to compare (points only)")
    points = np.concatenate(samples)
    dists = shapely.distance(points, official)
    return Difference(
        median_m=float(np.median(dists)),
        p95_m=float(np.percentile(dists, 95)),
        max_m=float(dists.max()),
        area_between_km2=_area_between(ours, official, crs),
        sampled_points=len(points),
    )


def _as_lines(geom: BaseGeometry) -> BaseGeometry:
    """Use polygon outlines as lines; points have nothing to compare."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom.boundary
    if geom.geom_type in ("Point", "MultiPoint"):
        return shapely.LineString()
    return geom


def _area_between(ours: gpd.GeoSeries, official: BaseGeometry, crs: object) -> float:
    """Geodesic area of the faces enclosed between the overlay and the official line near it."""
    near = official.intersection(ours.union_all().envelope.buffer(5_000))
    noded = shapely.union_all([*ours, near])
    faces = shapely.polygonize(shapely.get_parts(noded))
    if faces.is_empty:
        return 0.0
    return area_km2(gpd.GeoSeries([faces], crs=crs).to_crs(4326).iloc[0])
