"""The layer groups each page draws, composed from the atlas for a year, versions or an event."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import folium

from borderatlas.geo import security
from borderatlas.map import elements, layers
from borderatlas.views import viewmodel


def pair_token(pair: str) -> str:
    """Layer token for a country pair."""
    return f"pair:{pair}"


def version_token(version_id: str) -> str:
    """Layer token for a dated version of the line."""
    return f"version:{version_id}"


AREA_DETAIL = 0.001  # degrees, ≈ 70–110 m here: far inside the areas' stated accuracy (≥ 1 km)


def area_detail(tolerance: float) -> float:
    """Areas (islands a few km across) drawn finer than the lines, but not at full detail.

    At full detail the island outlines were 60 KiB of a first visit; at ``AREA_DETAIL`` 18 KiB,
    with no visible change at the scale of their ±2.5 km (schematic) accuracy. Published and
    computed areas are measured on the full geometry, never on this.
    """
    return min(tolerance, AREA_DETAIL)


def border_map_groups(atlas: Any, visible: Iterable[str], year: int, tolerance: float,
                      ) -> list[folium.FeatureGroup]:
    """Border map: sections of the visible pairs by status, chosen versions, claims, areas, places."""
    shown = set(visible)
    pairs = sorted(set(atlas.sections["pair"])) if "pair" in atlas.sections else []
    sections = atlas.sections[atlas.sections["pair"].isin(
        [p for p in pairs if pair_token(p) in shown])] if pairs else atlas.sections
    groups = [layers.sections_layer(sections, viewmodel.status_map(atlas, year),
                                    "Boundary sections", tolerance=tolerance, year=year)]
    for i, version in enumerate(v for v in viewmodel.sorted_versions(atlas)
                                if version_token(v["id"]) in shown):
        groups.append(layers.version_layer(viewmodel.version_line(atlas, version["id"]),
                                           version.get("label_en") or version["id"], i,
                                           tolerance=tolerance))
    if "claims" in shown:
        groups.append(layers.claim_lines_layer(atlas.zone_lines))
    if "areas" in shown:
        groups.append(layers.areas_layer(atlas.areas, viewmodel.holder_map(atlas, year), year=year,
                                         tolerance=area_detail(tolerance)))
    if "places" in shown:
        groups.append(layers.places_layer(atlas.places))
    if "security" in shown:
        zone = atlas.security.get("cbm-zone")
        if zone is not None:
            groups.insert(0, layers.security_zone_layer(security.zone_geometry(atlas, "cbm-zone"), zone))
        groups.append(layers.crossings_layer(atlas.crossings, security.crossings_open(atlas, year), year))
    return groups


def compare_groups(atlas: Any, a: str, b: str, labels: Mapping[str, str],
                   rows: Sequence[Mapping[str, Any]], tolerance: float,
                   view: str = "overlay") -> list[folium.FeatureGroup]:
    """Compare: the line at A (dashed) and at B (solid), and the land that changed between them.

    ``swipe`` draws A and B in the panes the divider clips (``elements.Swipe``); ``side`` draws
    B in the pane the second map shows (``elements.SideBySide``).
    """
    pane_a, pane_b = {"swipe": (elements.Swipe.PANE_A, elements.Swipe.PANE_B),
                      "side": (None, elements.SideBySide.PANE)}.get(view, (None, None))
    moved = [r for r in rows if r.get("geometry") is not None]
    return [layers.version_layer(viewmodel.version_line(atlas, a), labels[a], 0,
                                 tolerance=tolerance, pane=pane_a),
            layers.version_layer(viewmodel.version_line(atlas, b), labels[b], 1,
                                 tolerance=tolerance, pane=pane_b),
            layers.difference_layer(moved)]


def status_groups(atlas: Any, year: int, tolerance: float,
                  highlight: Iterable[tuple[str, str]] = ()) -> list[folium.FeatureGroup]:
    """Sections by status and areas by holder in a year, with the given features haloed."""
    groups = [layers.sections_layer(atlas.sections, viewmodel.status_map(atlas, year),
                                    "Boundary sections", tolerance=tolerance, year=year),
              layers.areas_layer(atlas.areas, viewmodel.holder_map(atlas, year), year=year,
                                 tolerance=area_detail(tolerance))]
    for kind, fid in highlight:
        row = viewmodel.feature_row(atlas, kind, fid)
        if row is not None:
            detail = tolerance if kind == "section" else area_detail(tolerance)
            groups.insert(0, layers.highlight_layer(row["geometry"], kind, fid, tolerance=detail))
    return groups
