"""What changed between two dates, as the rows of the API's ``compare``: lines moved, statuses, holders.

The rules come from one place each: the lines from ``viewmodel.compare_versions``, statuses and
holders from ``geo.history``, the neighbour (USSR before 26 Dec 1991) from ``dates``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from borderatlas.data.loader import Atlas
from borderatlas.dates import neighbour, parse_date
from borderatlas.geo import history
from borderatlas.geodesy import area_km2
from borderatlas.views.viewmodel import compare_versions, lineset

FeatureKind = Literal["section", "area"]


def _event(atlas: Atlas, event_id: str | None) -> dict[str, Any]:
    """An event record by id ({} when None or unknown)."""
    if not event_id:
        return {}
    return next((e for e in atlas.events if e["id"] == event_id), {})

def line_changes(atlas: Atlas, early: dt.date, late: dt.date, forward: bool) -> list[dict[str, Any]]:
    """Rows for the zones whose line changed in (early, late]."""
    out = []
    for change in compare_versions(atlas, early.isoformat(), late.isoformat()):
        zone = lineset(atlas).zones[change["zone_id"]]
        other = neighbour(lineset(atlas).section_pairs[zone["section_id"]],
                          change["change_date"])
        gain = change["to_holder"] == "China"
        before, after = (other, "CHN") if gain else ("CHN", other)
        if not forward:
            before, after = after, before
        event = _event(atlas, change["event_id"])
        out.append({
            "place_type": "zone", "place_id": change["zone_id"],
            "name_en": change["name_en"], "section_id": change["section_id"],
            "zone_id": change["zone_id"], "direction": "to_CHN" if gain else "from_CHN",
            "changed": "line", "area_km2": change["area_km2"],
            "from_holder": before, "to_holder": after, "from_status": None,
            "to_status": None, "event_id": change["event_id"],
            "event_title": event.get("title_en"), "event_date": event.get("date"),
            "change_date": parse_date(change["change_date"]).isoformat(),
            "sources": _union(change["sources"], event.get("sources", [])),
            "geometry": change["geometry"],
        })
    return out

def record_changes(atlas: Atlas, da: dt.date, db: dt.date, early: dt.date,
                   late: dt.date) -> list[dict[str, Any]]:
    """Rows for sections whose status, and areas whose holder or status, differ."""
    out = []
    lines = lineset(atlas).lines_at(late.isoformat())
    for kind, frame in (("section", atlas.sections), ("area", atlas.areas)):
        for row in frame.sort_values("id").to_dict("records"):
            fid = row["id"]
            entry = atlas.feature_history[f"{kind}s"].get(fid, {})
            hist_kind: FeatureKind = "section" if kind == "section" else "area"
            sa = history.status_at(atlas, fid, da, kind=hist_kind)
            sb = history.status_at(atlas, fid, db, kind=hist_kind)
            ha = hb = None
            if kind == "area":
                ha = history.holder_at(atlas, fid, da)
                hb = history.holder_at(atlas, fid, db)
            changed = [name for name, x, y in (("holder", ha, hb), ("status", sa, sb)) if x != y]
            if not changed:
                continue
            change_day, event_id = _latest_change(entry, early, late, changed)
            event = _event(atlas, event_id)
            geom = lines[fid] if kind == "section" else row["geometry"]
            measured = area_km2(geom) if geom.geom_type.endswith("Polygon") else float("nan")
            out.append({
                "place_type": kind, "place_id": fid, "name_en": row.get("name_en"),
                "section_id": fid if kind == "section" else row.get("section_id"),
                "zone_id": None if kind == "section" else row.get("zone_id"),
                "direction": None, "changed": ", ".join(changed),
                "area_km2": round(measured, 1) if measured == measured else measured,
                "from_holder": ha, "to_holder": hb, "from_status": sa, "to_status": sb,
                "event_id": event_id, "event_title": event.get("title_en"),
                "event_date": event.get("date"), "change_date": change_day,
                "sources": _union(event.get("sources", [])),
                "geometry": geom,
            })
    return out


def _latest_change(entry: dict[str, Any], early: dt.date, late: dt.date,
                   changed: Sequence[str]) -> tuple[str, str | None]:
    """Day and event id of the last recorded change in (early, late] (event may be None)."""
    best: tuple[dt.date, str | None] | None = None
    for name in changed:
        for row in entry.get("holders" if name == "holder" else "timeline", []):
            start = parse_date(row["from"])
            if early < start <= late and (best is None or start >= best[0]):
                best = (start, row.get("event_id"))
    if best is None:  # the records differ without a row starting in between: cannot happen
        return late.isoformat(), None
    return best[0].isoformat(), best[1]


def _union(*lists: Iterable[str]) -> list[str]:
    """Keys of several lists in first-seen order, without repeats."""
    out: list[str] = []
    for keys in lists:
        out += [k for k in keys if k not in out]
    return out
