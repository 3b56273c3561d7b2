"""The tables pages show and offer for download, as DataFrames built from an Atlas."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from borderatlas.data.files import LAYERS
from borderatlas.dates import day
from borderatlas.views.viewmodel import COUNTRY_NAMES, events_for

SETTLING = frozenset({"treaty", "agreement", "handover", "ratification", "entry_into_force"})


def _agreements(atlas: Any, area_id: str) -> str:
    """Titles of the treaties, agreements and hand-overs concerning an area, by date."""
    return "; ".join(f"{e['date'][:4]} {e.get('title_en')}"
                     for e in events_for(atlas, "area", area_id) if e.get("type") in SETTLING)


def _holder_sequence(atlas: Any, area_id: str) -> str:
    """Holders in order, like 'USSR → Russia → China'."""
    rows = atlas.feature_history.get("areas", {}).get(area_id, {}).get("holders") or []
    return " → ".join(str(COUNTRY_NAMES.get(str(r.get("holder")), r.get("holder"))) for r in rows)


def area_table(atlas: Any) -> pd.DataFrame:
    """Every area: published vs computed km², holders, agreements and the note on any gap."""
    return pd.DataFrame([{
        "id": r["id"], "Area": r.get("name_en"), "Kind": r.get("kind"),
        "Published km²": r.get("published_area_km2"),
        "Computed km² (geodesic)": r.get("computed_area_km2"),
        "Holders": _holder_sequence(atlas, r["id"]), "Agreements": _agreements(atlas, r["id"]),
        "Note": r.get("area_note") or "",
    } for r in atlas.areas.drop(columns="geometry").to_dict("records")],
        columns=["id", "Area", "Kind", "Published km²", "Computed km² (geodesic)", "Holders",
                 "Agreements", "Note"])


CHANGE_KINDS = {"line": "line moved", "status": "status", "holder": "holder"}


def feature_link(feature: str | None) -> str | None:
    """Relative link to the Border map on one feature (``border_map?feature=area:x``)."""
    return f"border_map?feature={feature}" if feature else None


def change_table(rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Every place whose line, status or holder differs between two dates (Compare's table)."""
    return pd.DataFrame([{
        "Change": CHANGE_KINDS.get(str(r.get("kind", "line")), r.get("kind")),
        "Place": r.get("name_en"),
        "Area changed (km², geodesic)": r.get("area_km2"),
        "From": r.get("from", r.get("from_holder")),
        "To": r.get("to", r.get("to_holder")),
        "Agreement": r.get("agreement"),
        "Date": r.get("change_date"),
        "Event": r.get("event_title") or r.get("event_id"),
        "Event id": r.get("event_id"),
        "Map": feature_link(r.get("feature")),
        "Sources": "; ".join(r.get("sources") or []),
    } for r in rows], columns=["Change", "Place", "Area changed (km², geodesic)", "From", "To",
                               "Agreement", "Date", "Event", "Event id", "Map", "Sources"])


def change_csv(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """The change table as UTF-8 CSV, for download."""
    return change_table(rows).to_csv(index=False).encode("utf-8")


def change_geojson(rows: Sequence[Mapping[str, Any]], a: str, b: str) -> bytes:
    """The changes as a GeoJSON FeatureCollection, for download.

    Moved land as polygons; status and holder changes with a null geometry (the section or
    area is named in ``feature``).
    """
    from shapely.geometry import mapping

    table = change_table(rows)
    features = []
    for row, (_i, props) in zip(rows, table.iterrows(), strict=True):
        geom = row.get("geometry")
        clean = {k: (None if pd.isna(v) else v) for k, v in props.items()}
        features.append({"type": "Feature",
                         "properties": {**clean, "zone_id": row.get("zone_id"),
                                        "feature": row.get("feature"), "date_a": a, "date_b": b},
                         "geometry": mapping(geom) if geom is not None else None})
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False).encode("utf-8")


def event_points(events: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Events as points for the timeline chart (date, type, title, id)."""
    return pd.DataFrame([{
        "id": e["id"], "date": pd.Timestamp(day(e["date"])), "type": e.get("type"),
        "title": e.get("title_en"),
    } for e in events], columns=["id", "date", "type", "title"])


def events_csv(events: Sequence[Mapping[str, Any]]) -> bytes:
    """The chronicle as CSV (lists joined with ';'), for download."""
    frame = pd.DataFrame([{
        "id": e["id"], "date": e["date"], "date_precision": e.get("date_precision"),
        "end_date": e.get("end_date"), "type": e.get("type"), "title_en": e.get("title_en"),
        "summary_en": e.get("summary_en"), "section_ids": ";".join(e.get("section_ids") or []),
        "area_ids": ";".join(e.get("area_ids") or []), "sources": ";".join(e.get("sources") or []),
        "disputed": e.get("disputed"),
    } for e in events])
    return frame.to_csv(index=False).encode("utf-8")


def provenance_table(atlas: Any) -> pd.DataFrame:
    """Per layer: features, file, method, licence, accuracy and sources."""
    prov = []
    for name in LAYERS:
        frame = atlas.layer(name)
        cols = frame.columns
        methods = sorted({str(m) for c in ("method", "geometry_method") if c in cols
                          for m in frame[c].dropna()})
        licences = sorted({str(x) for x in frame["license"].dropna()}) if "license" in cols else []
        keys = sorted({k for ks in (frame["sources"].dropna() if "sources" in cols else [])
                       for k in ks})
        acc = frame["accuracy_m"].dropna() if "accuracy_m" in cols else pd.Series(dtype=float)
        prov.append({
            "Layer": name, "Features": len(frame), "File": LAYERS[name][0],
            "Method": "; ".join(methods)[:300], "Licence": ", ".join(licences) or "see SOURCES",
            "Accuracy (m)": f"{acc.min():g}–{acc.max():g}" if len(acc) else "",
            "Sources": ", ".join(keys),
        })
    return pd.DataFrame(prov)


def year_summary(atlas: Any, statuses: Mapping[str, str | None],
                 holders: Mapping[str, str | None]) -> tuple[str, list[str]]:
    """'13 disputed, 1 treaty' and 'Area: holder' lines for a year."""
    counts = pd.Series([s or "no status" for s in statuses.values()]).value_counts()
    names = dict(zip(atlas.areas["id"], atlas.areas["name_en"], strict=True)) if len(atlas.areas) else {}
    held = [f"{names.get(a, a)}: {COUNTRY_NAMES.get(h, h)}" for a, h in holders.items() if h]
    return ", ".join(f"{n} {k}" for k, n in counts.items()), held
