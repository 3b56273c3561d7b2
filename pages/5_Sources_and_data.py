"""Sources & data: bibliography, provenance per layer, downloads, how to cite, attribution."""

from __future__ import annotations

import streamlit as st

from borderatlas import config, style, ui
from borderatlas.data.files import LAYERS
from borderatlas.views import htmltable, panels, tables

data, _, lang = ui.atlas(), ui.gettext(), ui.current_lang()
st.title(_("Sources & data"))
st.markdown(_("Boundary and basemap geometry derived from OpenStreetMap: **%(attribution)s**. "
              "Each feature cites its sources by key; the full bibliography is below.")
            % {"attribution": style.OSM_ATTRIBUTION})

st.subheader(_("Layers: provenance, licence, accuracy"))
provenance = tables.provenance_table(data, lang)  # escaped HTML: no data grid's 1.7 MiB of scripts
st.html(htmltable.table_html(provenance, lang=lang,
                             label=_("Layers: provenance, licence, accuracy")))

st.subheader(_("Downloads"))
st.caption(_("The whole atlas at full resolution: every layer and the events table (GeoPackage), "
             "attributes as CSV, and the bibliography for reference managers."))
ui.download_buttons()
with st.expander(_("Single layers (GeoJSON)")):
    dl_cols = st.columns(3)
    for i, name in enumerate(LAYERS):
        path = data.root / LAYERS[name][0]
        if path.is_file():
            dl_cols[i % 3].download_button(f"{name}.geojson", path.read_bytes,  # on click
                                           file_name=path.name, mime="application/geo+json",
                                           key=f"src_dl_{name}")

st.subheader(_("How to cite"))
st.html(ui.how_to_cite_html(lang))
st.caption(_("Cite the underlying sources listed below for historical claims; every feature panel "
             "and event has its own “Cite this”. Map data © OpenStreetMap contributors, ODbL."))
cff = config.CHECKOUT / "CITATION.cff"
if cff.is_file():
    with ui.lazy_box("CITATION.cff", "src_cff") as shown:  # the code block once opened
        if shown:
            st.code(cff.read_text(encoding="utf-8"), language="yaml")

st.subheader(_("Bibliography (%(n)s)") % {"n": len(data.bibliography)})
st.html(panels.sources_html(sorted(data.bibliography), data.bibliography, lang))
