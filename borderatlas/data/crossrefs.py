"""Cross-file checks: every id a record points at must exist, and nothing may be orphaned."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from borderatlas.data.files import (
    AREAS,
    CROSSINGS,
    EVENTS,
    FEATURES,
    GAZETTEER,
    PLACES,
    SECTIONS,
    SECURITY,
    VERSIONS,
    ZONE_LINES,
    ZONES,
)
from borderatlas.data.problems import Problem
from borderatlas.dates import parse_date


def _missing(
    rel: str, fid: str, field: str, values: Iterable[Any], known: set[str], what: str
) -> list[Problem]:
    """Report each referenced id that is not among the known ids."""
    return [
        Problem(rel, fid, field, f"unknown {what} id {v!r}")
        for v in values
        if v is not None and v not in known
    ]


def _source_problems(
    rel: str, fid: str, field: str, keys: Iterable[str], bib: set[str]
) -> list[Problem]:
    """Report citations whose key is not in the bibliography."""
    return _missing(rel, fid, field, keys, bib, "bibliography")


def check_references(
    *,
    sections: list[dict[str, Any]],
    areas: list[dict[str, Any]],
    places: list[dict[str, Any]],
    zone_lines: list[dict[str, Any]],
    zones: list[dict[str, Any]],
    versions: list[dict[str, Any]],
    events: list[dict[str, Any]],
    history: dict[str, dict[str, dict[str, Any]]],
    gazetteer: list[dict[str, Any]],
    crossings: list[dict[str, Any]],
    security: list[dict[str, Any]],
    bibliography: set[str],
) -> list[Problem]:
    """Check ids across files in both directions that matter; all inputs are healthy records."""
    sec = {s["id"] for s in sections}
    area = {a["id"] for a in areas}
    place = {p["id"] for p in places}
    zone = {z["id"] for z in zones}
    event = {e["id"] for e in events}
    out: list[Problem] = []

    for s in sections:
        ends = [s.get("start_point"), s.get("end_point")]
        out += _missing(SECTIONS, s["id"], "properties.start_point/end_point", ends, place, "place")
        out += _source_problems(SECTIONS, s["id"], "properties.sources", s["sources"], bibliography)
    for z in zones:
        out += _missing(ZONES, z["id"], "section_id", [z["section_id"]], sec, "section")
        out += _missing(ZONES, z["id"], "change_event", [z.get("change_event")], event, "event")
        keys = [*z["sources"], *([z["old_source"]] if z.get("old_source") else [])]
        out += _source_problems(ZONES, z["id"], "sources", keys, bibliography)
    for line in zone_lines:
        out += _missing(
            ZONE_LINES, line["id"], "properties.zone_id", [line["zone_id"]], zone, "zone"
        )
        out += _source_problems(
            ZONE_LINES, line["id"], "properties.sources", line["sources"], bibliography
        )
    for a in areas:
        out += _missing(AREAS, a["id"], "properties.zone_id", [a.get("zone_id")], zone, "zone")
        out += _missing(
            AREAS, a["id"], "properties.section_id", [a.get("section_id")], sec, "section"
        )
        keys = [*a["sources"], *a.get("published_area_sources", [])]
        out += _source_problems(AREAS, a["id"], "properties.sources", keys, bibliography)
        out += _published_problems(a)
    for p in places:
        out += _source_problems(PLACES, p["id"], "properties.sources", p["sources"], bibliography)
    for c in crossings:
        out += _missing(CROSSINGS, c["id"], "properties.section_id", [c["section_id"]], sec, "section")
        out += _source_problems(CROSSINGS, c["id"], "properties.sources", c["sources"], bibliography)
        if c.get("opened") and c.get("closed") and parse_date(c["closed"]) < parse_date(c["opened"]):
            out.append(Problem(CROSSINGS, c["id"], "properties.closed", "closed before it opened"))
    for z in security:
        keys = [*z["sources"], *z.get("width_sources", []),
                *(k for a in z.get("agreements", []) for k in a["sources"])]
        out += _source_problems(SECURITY, z["id"], "sources", keys, bibliography)
        if z.get("width_km_each_side") is not None and not z.get("width_sources"):
            out.append(Problem(SECURITY, z["id"], "width_sources", "a zone width needs a source that gives it"))
    for v in versions:
        out += _source_problems(VERSIONS, v["id"], "sources", v.get("sources", []), bibliography)

    out += _event_problems(events, sec, area, bibliography)
    out += _history_problems(history, sec, area, {e["id"]: e for e in events}, bibliography)
    out += _gazetteer_problems(gazetteer, sec, area, place)
    return out


def _published_problems(area: dict[str, Any]) -> list[Problem]:
    """A published figure is one a cited source prints: it needs that source and its words."""
    if area.get("published_area_km2") is None:
        return []
    out = []
    if not area.get("published_area_sources"):
        out.append(Problem(AREAS, area["id"], "properties.published_area_sources",
                           "a published area needs the source that prints it (else it is derived)"))
    if not area.get("published_area_note"):
        out.append(Problem(AREAS, area["id"], "properties.published_area_note",
                           "a published area needs the source's words (quote them in published_area_note)"))
    return out


def _event_problems(
    events: list[dict[str, Any]], sec: set[str], area: set[str], bib: set[str]
) -> list[Problem]:
    """Events must point at real features, cite real sources, and cover every feature."""
    out: list[Problem] = []
    for e in events:
        out += _missing(EVENTS, e["id"], "section_ids", e["section_ids"], sec, "section")
        out += _missing(EVENTS, e["id"], "area_ids", e["area_ids"], area, "area")
        out += _source_problems(EVENTS, e["id"], "sources", e["sources"], bib)
        if not e["section_ids"] and not e["area_ids"]:
            out.append(Problem(EVENTS, e["id"], "section_ids", "event concerns no section or area"))
        if e.get("end_date") and parse_date(e["end_date"]) < parse_date(e["date"]):
            out.append(Problem(EVENTS, e["id"], "end_date", "end_date is before date"))
        if e.get("disputed") and len(e.get("readings", [])) < 2:
            out.append(
                Problem(EVENTS, e["id"], "readings", "disputed event needs at least two readings")
            )
        for i, reading in enumerate(e.get("readings", [])):
            out += _source_problems(
                EVENTS, e["id"], f"readings.{i}.sources", reading["sources"], bib
            )
    used_sec = {s for e in events for s in e["section_ids"]}
    used_area = {a for e in events for a in e["area_ids"]}
    out += [
        Problem(SECTIONS, s, None, "no event concerns this section") for s in sorted(sec - used_sec)
    ]
    out += [
        Problem(AREAS, a, None, "no event concerns this area") for a in sorted(area - used_area)
    ]
    return out


def _history_problems(
    history: dict[str, dict[str, dict[str, Any]]],
    sec: set[str],
    area: set[str],
    event: dict[str, dict[str, Any]],
    bib: set[str],
) -> list[Problem]:
    """Per-feature histories must exist for every feature and agree with the events they cite."""
    out: list[Problem] = []
    for kind, known in (("sections", sec), ("areas", area)):
        entries = history.get(kind, {})
        out += _missing(FEATURES, "-", kind, sorted(entries), known, kind[:-1])
        out += [
            Problem(FEATURES, fid, kind, f"no history for this {kind[:-1]}")
            for fid in sorted(known - set(entries))
        ]
        for fid, entry in entries.items():
            for field in ("timeline", "holders"):
                rows = entry.get(field, [])
                ids = [r.get("event_id") for r in rows]
                out += _missing(FEATURES, fid, field, ids, set(event), "event")
                out += _interval_problems(fid, field, rows)
                out += _event_date_problems(fid, field, rows, event)
            out += _source_problems(FEATURES, fid, "sources", entry.get("sources", []), bib)
            for i, acc in enumerate(entry.get("accounts", [])):
                out += _source_problems(FEATURES, fid, f"accounts.{i}.sources", acc["sources"], bib)
    return out


def _event_date_problems(
    fid: str, field: str, rows: list[dict[str, Any]], event: dict[str, dict[str, Any]]
) -> list[Problem]:
    """A status or holder change caused by an event must start on that event's date."""
    out = []
    for i, row in enumerate(rows):
        cause = event.get(row.get("event_id") or "")
        if cause and row["from"] not in (cause["date"], cause.get("end_date")):
            msg = f"starts {row['from']} but its event {cause['id']!r} is dated {cause['date']}"
            out.append(Problem(FEATURES, fid, f"{field}.{i}.from", msg))
    return out


def _interval_problems(fid: str, field: str, rows: list[dict[str, Any]]) -> list[Problem]:
    """Timeline intervals must be ordered, contiguous, non-empty and end open."""
    out: list[Problem] = []
    for i, row in enumerate(rows):
        if row.get("to") and parse_date(row["to"]) <= parse_date(row["from"]):
            out.append(Problem(FEATURES, fid, f"{field}.{i}.to", "interval ends before it starts"))
        if i + 1 < len(rows) and row.get("to") != rows[i + 1]["from"] and field == "timeline":
            out.append(
                Problem(
                    FEATURES,
                    fid,
                    f"{field}.{i}.to",
                    "timeline is not contiguous with the next interval",
                )
            )
    if field == "timeline" and rows and rows[-1].get("to") is not None:
        out.append(
            Problem(
                FEATURES,
                fid,
                f"{field}.{len(rows) - 1}.to",
                "last interval must be open (to = null)",
            )
        )
    return out


def _gazetteer_problems(
    gazetteer: list[dict[str, Any]], sec: set[str], area: set[str], place: set[str]
) -> list[Problem]:
    """Every feature must be findable by name, and every name must point at a real feature."""
    known = sec | area | place
    out: list[Problem] = []
    for entry in gazetteer:
        fid = entry.get("feature_id")
        if fid is not None and fid not in known:
            out.append(Problem(GAZETTEER, entry["id"], "feature_id", f"unknown feature id {fid!r}"))
    named = {e.get("feature_id") for e in gazetteer}
    for rel, ids in ((SECTIONS, sec), (AREAS, area), (PLACES, place)):
        out += [
            Problem(rel, fid, None, "no gazetteer entry for this feature")
            for fid in sorted(ids - named)
        ]
    return out
