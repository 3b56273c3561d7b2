"""Disputed areas: published vs computed area, holders, agreements; selecting one zooms the map."""

from __future__ import annotations

import streamlit as st

from borderatlas import ui
from borderatlas.map import compose
from borderatlas.views import legend, panels, tables, urlstate

data = ui.atlas()
defaults = urlstate.ViewState()
state = ui.read_url_state(defaults, "da_url_notices")
area_ids = list(data.areas["id"])
if "da_area" not in st.session_state:
    st.session_state["da_area"] = (state.feature[1] if state.feature and
                                   state.feature[0] == "area" else "—")

st.title("Disputed and transferred areas")
table = tables.area_table(data)
picked = st.dataframe(table, hide_index=True, on_select="rerun", selection_mode="single-row",
                      key="da_table")
rows = picked["selection"]["rows"] if picked else []
if rows:
    st.session_state["da_area"] = table.iloc[rows[0]]["id"]
names = dict(zip(table["id"], table["Area"], strict=True))
st.selectbox("Zoom to area", ["—", *area_ids], key="da_area",
             format_func=lambda i: "—" if i == "—" else f"{names.get(i)} ({i})")
area_id = st.session_state["da_area"] if st.session_state["da_area"] in area_ids else None

groups = compose.status_groups(data, urlstate.YEAR_MAX, ui.DETAIL["map"],
                               highlight=[("area", area_id)] if area_id else [])
view = ui.view_for("da_view", ("area", area_id) if area_id else None)

map_col, panel_col = st.columns([3, 2])
with map_col, st.spinner("Drawing…"):
    m = ui.base_map()
    ui.show_map(m, groups, key="da_map", view=view, height=480)
    ui.attribution_caption()
with panel_col:
    if area_id:
        st.html(panels.panel_html(data, "area", area_id, lang=ui.current_lang()))
    else:
        st.info("Select an area in the table (or the list) to zoom to it.")

ui.write_url_state(urlstate.ViewState(feature=("area", area_id) if area_id else None), defaults)
with map_col:  # after the URL is written, so the link is this view's
    ui.share_map(m, groups, "Disputed and transferred areas", legend.legend_html(urlstate.YEAR_MAX),
                 key="da")
