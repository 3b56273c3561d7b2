"""Differences between two dates or versions: lines moved, statuses and holders changed.

Zones whose line moved (how much, which way), sections whose status and areas whose holder
differ.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from shapely.geometry.base import BaseGeometry

from borderatlas.dates import norm_date, parse_date
from borderatlas.geo import history
from borderatlas.geo.lines import LineSet
from borderatlas.geodesy import area_km2

if TYPE_CHECKING:
    from borderatlas.data.loader import Atlas


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


@dataclass(frozen=True)
class RecordChange:
    """A section whose status, or an area whose holder, differs between two dates."""

    what: str  # "status" | "holder"
    feature_type: str  # "section" | "area"
    feature_id: str
    before: str | None
    after: str | None
    event_id: str | None  # the record in force at the later date names what changed it


def record_changes(atlas: Atlas, a: str, b: str) -> list[RecordChange]:
    """Sections whose status and areas whose holder differ between two ISO dates (any order).

    ``before`` is the value at ``a`` and ``after`` at ``b``; ``event_id`` names what changed it
    (see :func:`_changing_event`).
    """
    da, db = parse_date(norm_date(a)), parse_date(norm_date(b))
    late = max(da, db)
    out: list[RecordChange] = []
    for ftype, field in (("section", "status"), ("area", "holder")):
        frame = atlas.sections if ftype == "section" else atlas.areas
        records = atlas.feature_history.get(f"{ftype}s", {})
        key = "timeline" if field == "status" else "holders"
        for fid in (frame["id"] if len(frame) else []):
            rows = records.get(fid, {}).get(key) or []
            if field == "holder":  # the one holder rule: a divided area has two holders at once
                before, after = history.holder_at(atlas, str(fid), da), history.holder_at(atlas, str(fid), db)
            else:
                before = history.status_at(atlas, str(fid), da, kind="section")
                after = history.status_at(atlas, str(fid), db, kind="section")
            if before == after:
                continue
            event = _changing_event(atlas, ftype, str(fid), rows, min(da, db), late)
            out.append(RecordChange(field, ftype, str(fid), before, after, event))
    return out


def _changing_event(atlas: Atlas, ftype: str, fid: str, rows: list[dict[str, Any]],
                    early: dt.date, late: dt.date) -> str | None:
    """What changed a record between two dates: its event id, or None.

    The last record starting in (early, late] that names its event; else the last event about
    the feature dated in (early, late].
    """
    started = [r for r in rows if r.get("event_id") and early < parse_date(r["from"]) <= late]
    if started:
        return str(max(started, key=lambda r: parse_date(r["from"]))["event_id"])
    key = "section_ids" if ftype == "section" else "area_ids"
    dated = [e for e in atlas.events if fid in (e.get(key) or []) and e.get("date")
             and early < parse_date(e["date"]) <= late]
    return str(max(dated, key=lambda e: parse_date(e["date"]))["id"]) if dated else None
