"""Sources & data: bibliography, provenance per layer, downloads, how to cite, attribution."""

from __future__ import annotations

import streamlit as st

from borderatlas import config, style, ui
from borderatlas.data.files import LAYERS
from borderatlas.views import panels, tables

data = ui.atlas()
st.title("Sources & data")
st.markdown(f"Boundary and basemap geometry derived from OpenStreetMap: **{style.OSM_ATTRIBUTION}**. "
            "Each feature cites its sources by key; the full bibliography is below.")

st.subheader("Layers: provenance, licence, accuracy")
st.dataframe(tables.provenance_table(data), hide_index=True, key="src_prov")

st.subheader("Downloads")
st.caption("The whole atlas at full resolution: every layer and the events table (GeoPackage), "
           "attributes as CSV, and the bibliography for reference managers.")
ui.download_buttons()
with st.expander("Single layers (GeoJSON)"):
    dl_cols = st.columns(3)
    for i, name in enumerate(LAYERS):
        path = data.root / LAYERS[name][0]
        if path.is_file():
            dl_cols[i % 3].download_button(f"{name}.geojson", path.read_bytes(),
                                           file_name=path.name, mime="application/geo+json",
                                           key=f"src_dl_{name}")

st.subheader("How to cite")
st.html(ui.how_to_cite_html())
st.caption("Cite the underlying sources listed below for historical claims; every feature panel "
           "and event has its own “Cite this”. Map data © OpenStreetMap contributors, ODbL.")
cff = config.CHECKOUT / "CITATION.cff"
if cff.is_file():
    with st.expander("CITATION.cff"):
        st.code(cff.read_text(encoding="utf-8"), language="yaml")

st.subheader(f"Bibliography ({len(data.bibliography)})")
st.html(panels.sources_html(sorted(data.bibliography), data.bibliography))
