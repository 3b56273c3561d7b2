"""The tables pages show and offer for download, as DataFrames built from an Atlas."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from borderatlas.data.files import LAYERS
from borderatlas.dates import day, format_when
from borderatlas.views.i18n import text
from borderatlas.views.messages import N_, gettext, tr
from borderatlas.views.viewmodel import country_name, events_for, kind_label, status_label

SETTLING = frozenset({"treaty", "agreement", "handover", "ratification", "entry_into_force"})


def _agreements(atlas: Any, area_id: str) -> str:
    """Titles of the treaties, agreements and hand-overs concerning an area, by date."""
    return "; ".join(f"{e['date'][:4]} {e.get('title_en')}"
                     for e in events_for(atlas, "area", area_id) if e.get("type") in SETTLING)


def _holder_sequence(atlas: Any, area_id: str, lang: str = "en") -> str:
    """Holders in order, like 'USSR → Russia → China'."""
    rows = atlas.feature_history.get("areas", {}).get(area_id, {}).get("holders") or []
    return " → ".join(country_name(r.get("holder"), lang) for r in rows)


AREA_COLUMNS = {"id": "id", "name": N_("Area"), "kind": N_("Kind"),
                "published": N_("Published km²"), "computed": N_("Computed km² (geodesic)"),
                "holders": N_("Holders"), "agreements": N_("Agreements"), "note": N_("Note")}


def area_columns(lang: str = "en") -> dict[str, str]:
    """Disputed areas' column headers in ``lang``; ``id`` keeps its name (pages look rows up by it)."""
    _ = gettext(lang)
    return {k: (v if k == "id" else _(v)) for k, v in AREA_COLUMNS.items()}


def area_table(atlas: Any, lang: str = "en") -> pd.DataFrame:
    """Every area: published vs computed km², holders, agreements and the note on any gap.

    Column headers are in ``lang`` (:func:`area_columns`).
    """
    cols = area_columns(lang)
    return pd.DataFrame([{
        cols["id"]: r["id"], cols["name"]: r.get(f"name_{lang}") or r.get("name_en"),
        cols["kind"]: kind_label(r.get("kind"), lang) if r.get("kind") else None,
        cols["published"]: r.get("published_area_km2"),
        cols["computed"]: r.get("computed_area_km2"),
        cols["holders"]: _holder_sequence(atlas, r["id"], lang),
        cols["agreements"]: _agreements(atlas, r["id"]),
        cols["note"]: r.get("area_note") or "",
    } for r in atlas.areas.drop(columns="geometry").to_dict("records")],
        columns=list(cols.values()))


CHANGE_KINDS = {"line": N_("line moved"), "status": N_("status"), "holder": N_("holder")}
CHANGE_COLUMNS = {"change": N_("Change"), "place": N_("Place"),
                  "area": N_("Area changed (km², geodesic)"), "from": N_("From"), "to": N_("To"),
                  "agreement": N_("Agreement"), "date": N_("Date"), "event": N_("Event"),
                  "event_id": N_("Event id"), "map": N_("Map"), "sources": N_("Sources")}


def feature_link(feature: str | None) -> str | None:
    """Relative link to the Border map on one feature (``border_map?feature=area:x``)."""
    return f"border_map?feature={feature}" if feature else None


def change_columns(lang: str = "en") -> dict[str, str]:
    """Compare's column headers in ``lang`` (the page configures the map and area columns)."""
    _ = gettext(lang)
    return {k: _(v) for k, v in CHANGE_COLUMNS.items()}


def change_table(rows: Sequence[Mapping[str, Any]], lang: str = "en") -> pd.DataFrame:
    """Every place whose line, status or holder differs between two dates (Compare's table)."""
    _ = gettext(lang)
    c = change_columns(lang)
    kinds = {k: _(v) for k, v in CHANGE_KINDS.items()}
    return pd.DataFrame([{
        c["change"]: kinds.get(str(r.get("kind", "line")), r.get("kind")),
        c["place"]: r.get("name_en"),
        c["area"]: r.get("area_km2"),
        c["from"]: r.get("from", r.get("from_holder")),
        c["to"]: r.get("to", r.get("to_holder")),
        c["agreement"]: r.get("agreement"),
        c["date"]: format_when(r["change_date"], lang) if lang != "en" and r.get("change_date")
        else r.get("change_date"),
        c["event"]: r.get("event_title") or r.get("event_id"),
        c["event_id"]: r.get("event_id"),
        c["map"]: feature_link(r.get("feature")),
        c["sources"]: "; ".join(r.get("sources") or []),
    } for r in rows], columns=list(c.values()))


def change_csv(rows: Sequence[Mapping[str, Any]], lang: str = "en") -> bytes:
    """The change table as UTF-8 CSV, for download."""
    return change_table(rows, lang).to_csv(index=False).encode("utf-8")


def change_geojson(rows: Sequence[Mapping[str, Any]], a: str, b: str, lang: str = "en") -> bytes:
    """The changes as a GeoJSON FeatureCollection, for download.

    Moved land as polygons; status and holder changes with a null geometry (the section or
    area is named in ``feature``).
    """
    from shapely.geometry import mapping

    table = change_table(rows, lang)
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


def event_points(events: Sequence[Mapping[str, Any]], atlas: Any = None,
                 lang: str = "en") -> pd.DataFrame:
    """Events as points for the timeline (id, date, type and title in ``lang``, date as written).

    ``when`` is the date at the event's own precision, for readers of ``lang``.
    """
    return pd.DataFrame([{
        "id": e["id"], "date": pd.Timestamp(day(e["date"])),
        "type": kind_label(e.get("type"), lang),
        "title": text(atlas, f"events/{e['id']}/title_en", e.get("title_en") or "", lang)[0],
        "when": format_when(e["date"], lang, e.get("date_precision")),
    } for e in events], columns=["id", "date", "type", "title", "when"])


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


def provenance_table(atlas: Any, lang: str = "en") -> pd.DataFrame:
    """Per layer: features, file, method, licence, accuracy and sources (headers in ``lang``)."""
    _ = gettext(lang)
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
            _("Layer"): name, _("Features"): len(frame), _("File"): LAYERS[name][0],
            _("Method"): "; ".join(methods),
            _("Licence"): ", ".join(licences) or _("see SOURCES"),
            _("Accuracy (m)"): f"{acc.min():g}–{acc.max():g}" if len(acc) else "",
            _("Sources"): ", ".join(keys),
        })
    return pd.DataFrame(prov)


def year_summary(atlas: Any, statuses: Mapping[str, str | None],
                 holders: Mapping[str, str | None], lang: str = "en") -> tuple[str, list[str]]:
    """'13 disputed, 1 treaty' and 'Area: holder' lines for a year, in ``lang``."""
    counts = pd.Series([status_label(atlas, s, lang) if s else tr(lang, "no status")
                        for s in statuses.values()]).value_counts()
    names = (dict(zip(atlas.areas["id"], atlas.areas.get(f"name_{lang}", atlas.areas["name_en"]),
                      strict=True)) if len(atlas.areas) else {})
    held = [f"{names.get(a) or a}: {country_name(h, lang)}" for a, h in holders.items() if h]
    return ", ".join(f"{n} {k}" for k, n in counts.items()), held
