"""Timeline: a year slider (status and holders that year) and an events chart that locates events."""

from __future__ import annotations

import streamlit as st

from borderatlas import ui
from borderatlas.map import compose
from borderatlas.views import legend, panels, tables, text, urlstate, viewmodel

SEL = "tl_selected"

data = ui.atlas()
defaults = urlstate.ViewState(year=1991)
state = ui.read_url_state(defaults, "tl_url_notices")
if "tl_year" not in st.session_state:
    st.session_state["tl_year"] = state.year
    st.session_state[SEL] = state.feature

ui.roomy_layout()
st.title("Timeline")
year = st.slider("Year", urlstate.YEAR_MIN, urlstate.YEAR_MAX, key="tl_year",
                 help="Sections are coloured by their status, areas by their holder, "
                      "at the end of this year.")

event = ui.chosen_event(data.events, "tl_chart", "tl_event")
targets = [("area", i) for i in (event or {}).get("area_ids") or []] + [
    ("section", i) for i in (event or {}).get("section_ids") or []]
groups = compose.status_groups(data, year, ui.DETAIL["map"], highlight=targets)
view = ui.view_for("tl_view", targets[0] if targets else None)  # kept while the year moves

with st.spinner("Drawing…"):  # a click shows the feature's history beside the map, in the map
    m = ui.base_map(halo=True)
    ui.show_map(m, groups, key="tl_map", selection_key=SEL, view=view)
st.html(legend.legend_html(year))
ui.attribution_caption()
ui.share_map(m, groups, f"Timeline, {year}", legend.legend_html(year), key="tl")
text_col, year_col = st.columns([3, 2])
with text_col:
    if event:
        st.html(panels.event_html(data, event, lang=ui.current_lang()))
        st.html(panels.sources_html(event.get("sources") or [], data.bibliography))
        st.html(panels.cite_html(data, f"event:{event['id']}"))
    else:
        st.info("Pick an event on the chart below (or in the list under it) to read it here and "
                "locate it on the map; click the map for a section's or an area's history.")
with year_col:
    counts, held = tables.year_summary(data, viewmodel.status_map(data, year),
                                       viewmodel.holder_map(data, year))
    st.markdown(f"**In {year}:** {counts}")
    if held:
        st.markdown("**Holders:** " + "; ".join(text.esc(h) for h in held))

ui.events_chart(tables.event_points(data.events), year, "tl_chart", "tl_event")
ui.write_url_state(urlstate.ViewState(year=year, feature=st.session_state.get(SEL)), defaults)
