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
from borderatlas.views.messages import gettext, number


def target_options(atlas: Any, version_ids: Iterable[str] = (),
                   lang: str = "en") -> dict[str, str]:
    """Official lines an overlay can be compared with: each present section, each whole version."""
    _ = gettext(lang)
    out: dict[str, str] = {}
    for row in atlas.sections.drop(columns="geometry").to_dict("records"):
        name = row.get(f"name_{lang}") or row.get("name_en") or row["id"]
        out[f"section:{row['id']}"] = _("Section: %(name)s (present line)") % {"name": name}
    for vid in version_ids:
        label = viewmodel.version_label(atlas, vid, lang)
        out[f"version:{vid}"] = _("Whole line: %(label)s") % {"label": label}
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


def difference_figures(diff: Difference, lang: str = "en") -> dict[str, str]:
    """Readable figures for the comparison (metres rounded, area to 0.01 km²), in ``lang``."""
    _ = gettext(lang)

    def metres(value: float) -> str:
        return _("%(value)s m") % {"value": number(value, lang)}

    return {
        _("Median distance"): metres(diff.median_m),
        _("95th percentile"): metres(diff.p95_m),
        _("Maximum distance"): metres(diff.max_m),
        _("Area between"): _("%(value)s km²") % {"value": number(diff.area_between_km2, lang, 2)},
    }
