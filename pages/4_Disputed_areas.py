"""Disputed areas: published vs computed area, holders, agreements; selecting one zooms the map."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from borderatlas import ui
from borderatlas.map import layers
from borderatlas.views import panels, urlstate, viewmodel

data = ui.atlas()
defaults = urlstate.ViewState()
state = ui.read_url_state(defaults, "da_url_notices")
area_ids = list(data.areas["id"])
if "da_area" not in st.session_state:
    st.session_state["da_area"] = (state.feature[1] if state.feature and
                                   state.feature[0] == "area" else "—")

st.title("Disputed and transferred areas")


def _agreements(area_id: str) -> str:
    """Titles of agreements/treaties/handovers concerning an area."""
    kinds = {"treaty", "agreement", "handover", "ratification", "entry_into_force"}
    return "; ".join(f"{e['date'][:4]} {e.get('title_en')}"
                     for e in viewmodel.events_for(data, "area", area_id) if e.get("type") in kinds)


def _holders(area_id: str) -> str:
    """Holder sequence like 'USSR → Russia → China'."""
    rows = data.feature_history.get("areas", {}).get(area_id, {}).get("holders") or []
    return " → ".join(viewmodel.COUNTRY_NAMES.get(r.get("holder"), r.get("holder")) for r in rows)


table = pd.DataFrame([{
    "id": r["id"], "Area": r.get("name_en"), "Kind": r.get("kind"),
    "Published km²": r.get("published_area_km2"),
    "Computed km² (geodesic)": r.get("computed_area_km2"),
    "Holders": _holders(r["id"]), "Agreements": _agreements(r["id"]),
    "Note": r.get("area_note") or "",
} for r in data.areas.drop(columns="geometry").to_dict("records")])
picked = st.dataframe(table, hide_index=True, on_select="rerun", selection_mode="single-row",
                      key="da_table")
rows = (picked or {}).get("selection", {}).get("rows", []) if picked else []
if rows:
    st.session_state["da_area"] = table.iloc[rows[0]]["id"]
names = dict(zip(table["id"], table["Area"], strict=True)) if len(table) else {}
st.selectbox("Zoom to area", ["—", *area_ids], key="da_area",
             format_func=lambda i: "—" if i == "—" else f"{names.get(i)} ({i})")
area_id = st.session_state["da_area"] if st.session_state["da_area"] in area_ids else None

groups = [layers.sections_layer(data.sections, viewmodel.status_map(data, 2015),
                                tolerance=ui.DETAIL["map"], year=2015),
          layers.areas_layer(data.areas, viewmodel.holder_map(data, 2015), year=2015)]
view = ui.view_for("da_view", ("area", area_id) if area_id else None)
if area_id:
    groups.insert(0, layers.highlight_layer(
        viewmodel.feature_row(data, "area", area_id)["geometry"], "area", area_id))

map_col, panel_col = st.columns([3, 2])
with map_col, st.spinner("Drawing…"):
    ui.show_map(ui.base_map(), groups, key="da_map", view=view, height=480)
    ui.attribution_caption()
with panel_col:
    if area_id:
        st.html(panels.panel_html(data, "area", area_id))
    else:
        st.info("Select an area in the table (or the list) to zoom to it.")

ui.write_url_state(urlstate.ViewState(feature=("area", area_id) if area_id else None), defaults)
