"""Differences between two versions of the line: which zones changed, how much, and which way."""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from borderatlas.dates import norm_date
from borderatlas.geo.lines import LineSet
from borderatlas.geodesy import area_km2


@dataclass(frozen=True)
class ZoneChange:
    """One zone whose line changed between two dates, with one polygon per direction."""

    zone_id: str
    change_date: str
    direction: str  # "to_CHN" | "from_CHN"
    polygon: BaseGeometry
    area_km2: float
    agreement: str
    sources: tuple[str, ...]


def changes_between(lineset: LineSet, a: str, b: str) -> list[ZoneChange]:
    """Zones whose change_date lies in (earlier, later] of the two dates/versions, sorted by date then id."""
    da, db = sorted((lineset.date_of(a), lineset.date_of(b)))
    out: list[ZoneChange] = []
    for zid, z in sorted(lineset.zones.items(), key=lambda kv: (norm_date(kv[1]["change_date"]), kv[0])):
        if not (da < norm_date(z["change_date"]) <= db) or zid not in lineset.old_pieces:
            continue
        for poly, direction in lineset.transfer_polygons(zid):
            out.append(ZoneChange(zid, z["change_date"], direction, poly, round(area_km2(poly), 3),
                                  z.get("agreement", ""), tuple(z.get("sources", []))))
    return out


def net_to_china_km2(changes: list[ZoneChange]) -> float:
    """Net area gained by China over a list of changes (km²)."""
    return round(sum(c.area_km2 if c.direction == "to_CHN" else -c.area_km2 for c in changes), 3)
