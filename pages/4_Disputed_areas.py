"""Disputed areas: published vs computed area, holders, agreements; selecting one zooms the map."""

from __future__ import annotations

import streamlit as st

from borderatlas import ui
from borderatlas.map import compose
from borderatlas.views import htmltable, legend, tables, urlstate

SEL = "da_selected"

data, _, lang = ui.atlas(), ui.gettext(), ui.current_lang()
defaults = urlstate.ViewState()
state = ui.read_url_state(defaults, "da_url_notices")
area_ids = list(data.areas["id"])
if "da_area" not in st.session_state:
    st.session_state["da_area"] = (state.feature[1] if state.feature and
                                   state.feature[0] == "area" else None)
    st.session_state[SEL] = state.feature

ui.roomy_layout()
st.title(_("Disputed and transferred areas"))
table = tables.area_table(data, lang)
names = dict(zip(table["id"], table.iloc[:, 1], strict=True))  # the name column, in lang


def choose(area: str | None) -> None:
    """A row or the list chose an area: zoom to it and show its history (a click may change it)."""
    st.session_state["da_area"] = area if area in area_ids else None
    st.session_state[SEL] = ("area", area) if area in area_ids else None


if ui.sortable_toggle("da_sortable"):  # the grid: sort, and pick a row to choose its area
    st.dataframe(table, hide_index=True, selection_mode="single-row", key="da_table",
                 on_select=lambda: choose(next(iter(table.iloc[
                     st.session_state["da_table"]["selection"]["rows"][:1]]["id"]), None)))
else:
    cols = tables.area_columns(lang)  # km² as precise as the data gives them
    st.html(htmltable.table_html(table, numbers={cols["published"]: None, cols["computed"]: None},
                                 lang=lang))
chosen = st.pills(_("Zoom to area"), area_ids, key="da_area", format_func=lambda i: names[i],
                  persist_state="session",  # kept when the reader comes back to the page
                  on_change=lambda: choose(st.session_state["da_area"]),
                  help=_("Choose an area to zoom to it and read its history; choose it again "
                         "to see all areas."))
area_id = chosen if chosen in area_ids else None

groups = compose.status_groups(data, urlstate.YEAR_MAX, ui.DETAIL["map"],
                               highlight=[("area", area_id)] if area_id else [], lang=lang)
view = ui.view_for("da_view", ("area", area_id) if area_id else None)
st.caption(_("The chosen area's history shows beside the map; click any area or section on the "
             "map to read its own."))
with st.spinner(_("Drawing…")):
    m = ui.base_map(halo=True)
    ui.show_map(m, groups, key="da_map", selection_key=SEL, view=view)
ui.attribution_caption()

ui.write_url_state(urlstate.ViewState(feature=st.session_state.get(SEL)), defaults)
ui.share_map(m, groups, _("Disputed and transferred areas"),
             legend.legend_html(urlstate.YEAR_MAX, atlas=data, lang=lang),
             key="da")  # after the URL is written, so the file's link is this view's
