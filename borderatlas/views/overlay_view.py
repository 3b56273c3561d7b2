"""What the overlay widgets show, without Streamlit or folium: lines to compare with and the figures.

The uploaded overlay stays in the caller's memory; this module only reads it and the Atlas.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from borderatlas.geo.overlay import Difference, Overlay
from borderatlas.views import viewmodel


def target_options(atlas: Any, version_ids: Iterable[str] = ()) -> dict[str, str]:
    """Official lines an overlay can be compared with: each present section, each whole version."""
    out: dict[str, str] = {}
    for row in atlas.sections.drop(columns="geometry").to_dict("records"):
        out[f"section:{row['id']}"] = f"Section: {row.get('name_en') or row['id']} (present line)"
    for vid in version_ids:
        label = (atlas.versions.get(vid) or {}).get("label_en") or vid
        out[f"version:{vid}"] = f"Whole line: {label}"
    return out


def target_line(atlas: Any, target: str) -> BaseGeometry | None:
    """The geometry of one option from :func:`target_options`, or None if it no longer exists."""
    kind, _, ident = target.partition(":")
    if kind == "section":
        row = viewmodel.feature_row(atlas, "section", ident)
        return None if row is None else row["geometry"]
    if kind == "version" and ident in atlas.versions:
        line = viewmodel.version_line(atlas, ident)
        return unary_union(list(line.geometry)) if len(line) else None
    return None


def nearest_section(overlay: Overlay, atlas: Any) -> str | None:
    """The option key of the present section closest to the overlay (the likely comparison)."""
    if not len(atlas.sections):
        return None
    centre = overlay.frame.union_all().centroid
    # planar degrees are enough to pick the closest section; the figures are geodesic
    distances = shapely.distance(np.asarray(atlas.sections.geometry), centre)
    return f"section:{atlas.sections['id'].iloc[int(np.argmin(distances))]}"


def difference_figures(diff: Difference) -> dict[str, str]:
    """Readable figures for the comparison (metres rounded, area to 0.01 km²)."""
    return {
        "Median distance": f"{diff.median_m:,.0f} m",
        "95th percentile": f"{diff.p95_m:,.0f} m",
        "Maximum distance": f"{diff.max_m:,.0f} m",
        "Area between": f"{diff.area_between_km2:,.2f} km²",
    }
