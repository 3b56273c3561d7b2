"""The river islands as land: schematic outlines, their split by the present line, claims and rivers.

Wires the island builders (``islands``, ``island_parts``, ``land_transfers``, ``claims``,
``rivers``) into the build: the island points of ``areas`` become outlines, the two eastern
transfers become island land on the side that changed hands (channel water reported beside
them), the Chinese main-channel claim joins ``zone_lines`` and the named border rivers form the
``basemap_rivers`` layer. The boundary itself never moves: it stays ``sections.geojson``.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry import box
from shapely.geometry.base import BaseGeometry
from shapely.ops import linemerge

from .claims import build_claims
from .inputs import osm_countries
from .island_parts import build_island_parts
from .islands import build_islands
from .land_transfers import build_land_transfers
from .rivers import build_rivers

Row = tuple[str, BaseGeometry, dict[str, Any]]
WINDOWS = {"khabarovsk": (134.3, 48.2, 135.15, 48.5), "argun": (117.78, 49.48, 118.1, 49.65)}
# island built here -> the id of the area it gives an outline to
ISLAND_AREAS = {"island-bolshoy-ussuriysky": "heixiazi-island", "island-tarabarov": "yinlong-tarabarov",
                "island-bolshoy-argun": "abagaitu-island"}
TRANSFER_AREAS = {"heixiazi-transfer-land": "heixiazi-transfer", "abagaitu-transfer-land": "abagaitu-transfer"}
KEEP = ("kind", "zone_id", "section_id", "name_en", "name_ru", "name_zh", "name_zh_pinyin")


def _zones(sections: dict[str, BaseGeometry], old: dict[str, BaseGeometry]) -> dict[str, dict[str, Any]]:
    """The two eastern change zones: present line, pre-2008 line and their sections."""
    khabarovsk = linemerge([sections["rus-e-amur-middle"], sections["rus-e-ussuri"]])
    return {
        "khabarovsk": {"zone_id": "heixiazi", "present": khabarovsk, "old": old["heixiazi"],
                       "section_ids": ["rus-e-amur-middle", "rus-e-ussuri"]},
        "argun": {"zone_id": "abagaitu", "present": sections["rus-e-argun"], "old": old["abagaitu"],
                  "section_ids": ["rus-e-argun"]},
    }


def _outline_props(base: dict[str, Any], built: dict[str, Any], parts: list[Row]) -> dict[str, Any]:
    """An area's properties with the built outline's figures, method, accuracy and sources."""
    props = {k: base[k] for k in KEEP if k in base}
    props.update({
        "published_area_km2": base.get("published_area_km2"),
        "published_area_sources": base.get("published_area_sources", []),
        "published_area_note": built.get("published_area_note") or base.get("published_area_note"),
        "computed_area_km2": built["computed_area_km2"],
        "computed_area_from_chn_km2": None, "direction": base.get("direction"),
        "area_note": built.get("area_note") or None,
        "geometry_method": built["method"], "accuracy_m": built["accuracy_m"],
        "accuracy_note": built.get("accuracy_note"), "schematic": True,
        "sources": sorted({*base.get("sources", []), *built["sources"]}),
        "license": built.get("license", "LGPL-3.0-or-later"),
    })
    if parts:
        props["parts"] = [{"id": pid, "holder_before": p["holder_before"], "holder_after": p["holder_after"],
                           "computed_area_km2": p["computed_area_km2"]} for pid, _g, p in parts]
    return props


def apply(areas: list[Row], sections: dict[str, BaseGeometry],
          old: dict[str, BaseGeometry], junctions: tuple[tuple[float, float], tuple[float, float]],
          ) -> tuple[list[Row], list[Row], list[Row]]:
    """Areas with island outlines and land transfers, the claim lines, and the river layer.

    ``old`` maps a zone id to its pre-2008 line piece; ``junctions`` are the Khabarovsk zone's.
    Returns ``(areas, claims, rivers)``.
    """
    zones = _zones(sections, old)
    present = {w: zones[w]["present"].intersection(box(*bb)) for w, bb in WINDOWS.items()}
    islands = build_islands(present)
    parts = build_island_parts(islands, zones, osm_countries()["CHN"])
    transfers = {tid: (g, p) for tid, g, p in build_land_transfers(parts, zones)}
    by_area = {area_id: (geom, props) for area_id, geom, props in areas}
    out = dict(by_area)
    for iid, geom, built in islands:
        area_id = ISLAND_AREAS[iid]
        mine = [p for p in parts if p[2]["island_id"] == iid]
        out[area_id] = (geom, _outline_props(by_area[area_id][1], built, mine))
    for tid, area_id in TRANSFER_AREAS.items():
        geom, built = transfers[tid]
        water_id = tid.replace("-land", "-water")
        props = _outline_props(by_area[area_id][1], built, [])
        props["water_between_lines_km2"] = transfers[water_id][1]["computed_area_km2"]
        props["land_outside_between_lines_km2"] = built.get("land_outside_between_lines_km2")
        props["area_note"] = " ".join(x for x in (
            built.get("area_note"),
            f"Land only: the {props['water_between_lines_km2']:g} km² of channel water between the "
            "pre-2008 and present lines is not counted.") if x)
        out[area_id] = (geom, props)
    # the Soviet/Russian claim is the existing old line (zone_lines heixiazi-old): only China's is new
    claims = [row for row in build_claims(zones["khabarovsk"]["present"], old["heixiazi"], "heixiazi-old", junctions)
              if row[2].get("claimant") == "CHN"]
    rivers = build_rivers(sections)
    return sorted(((k, g, p) for k, (g, p) in out.items()), key=lambda t: t[0]), claims, rivers
