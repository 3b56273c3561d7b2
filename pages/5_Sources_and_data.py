"""Sources & data: bibliography, provenance per layer, downloads, how to cite, attribution."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from borderatlas import config, style, ui
from borderatlas.data.files import LAYERS
from borderatlas.views import panels

data = ui.atlas()
st.title("Sources & data")
st.markdown(f"Boundary and basemap geometry derived from OpenStreetMap: **{style.OSM_ATTRIBUTION}**. "
            "Each feature cites its sources by key; the full bibliography is below.")

st.subheader("Layers: provenance, licence, accuracy")
prov = []
for name in LAYERS:
    frame = data.layer(name)
    cols = frame.columns
    methods = sorted({str(m) for c in ("method", "geometry_method") if c in cols
                      for m in frame[c].dropna()})
    licences = sorted({str(x) for x in frame["license"].dropna()}) if "license" in cols else []
    keys = sorted({k for c in ("sources",) if c in cols for ks in frame[c].dropna() for k in ks})
    acc = frame["accuracy_m"].dropna() if "accuracy_m" in cols else pd.Series(dtype=float)
    prov.append({
        "Layer": name, "Features": len(frame), "File": LAYERS[name][0],
        "Method": "; ".join(methods)[:300], "Licence": ", ".join(licences) or "see SOURCES",
        "Accuracy (m)": f"{acc.min():g}–{acc.max():g}" if len(acc) else "",
        "Sources": ", ".join(keys),
    })
st.dataframe(pd.DataFrame(prov), hide_index=True, key="src_prov")

st.subheader("Downloads")
dl_cols = st.columns(3)
for i, name in enumerate(LAYERS):
    path = data.root / LAYERS[name][0]
    if path.is_file():
        dl_cols[i % 3].download_button(f"{name}.geojson", path.read_bytes(),
                                       file_name=path.name, mime="application/geo+json",
                                       key=f"src_dl_{name}")
events = pd.DataFrame([{
    "id": e["id"], "date": e["date"], "date_precision": e.get("date_precision"),
    "end_date": e.get("end_date"), "type": e.get("type"), "title_en": e.get("title_en"),
    "summary_en": e.get("summary_en"), "section_ids": ";".join(e.get("section_ids") or []),
    "area_ids": ";".join(e.get("area_ids") or []), "sources": ";".join(e.get("sources") or []),
    "disputed": e.get("disputed"),
} for e in data.events])
st.download_button("events.csv", events.to_csv(index=False).encode("utf-8"),
                   file_name="events.csv", mime="text/csv", key="src_dl_events")

st.subheader("How to cite")
cff = config.CHECKOUT / "CITATION.cff"
st.markdown(
    f"Border Atlas contributors ({dt.date.today().year}). *Border Atlas: an interactive map of "
    "the former Sino-Soviet border and its negotiation, 1960–2015* (software and data). "
    "Map data © OpenStreetMap contributors, ODbL. Cite the underlying sources listed below "
    "for historical claims.")
if cff.is_file():
    with st.expander("CITATION.cff"):
        st.code(cff.read_text(encoding="utf-8"), language="yaml")

st.subheader(f"Bibliography ({len(data.bibliography)})")
st.markdown(panels.sources_html(sorted(data.bibliography), data.bibliography),
            unsafe_allow_html=True)
