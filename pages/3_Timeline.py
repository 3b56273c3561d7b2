"""Timeline: a year slider (status and holders that year) and an events chart that locates events."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from borderatlas import style, ui
from borderatlas.map import layers
from borderatlas.views import legend, panels, text, urlstate, viewmodel

data = ui.atlas()
defaults = urlstate.ViewState(year=1991)
state = ui.read_url_state(defaults, "tl_url_notices")
if "tl_year" not in st.session_state:
    st.session_state["tl_year"] = state.year

st.title("Timeline")
year = st.slider("Year", urlstate.YEAR_MIN, urlstate.YEAR_MAX, key="tl_year",
                 help="Sections are coloured by their status, areas by their holder, "
                      "at the end of this year.")

events = data.events
frame = pd.DataFrame([{
    "id": e["id"], "date": pd.Timestamp(viewmodel.day(e["date"])), "type": e.get("type"),
    "title": e.get("title_en"),
} for e in events])


def chosen_event_id() -> str | None:
    """The event picked on the chart (or else in the list) at the last interaction.

    Read from the widgets' state before they are drawn, so the map can be sent to the
    browser first and the (heavier) chart below it.
    """
    picked = st.session_state.get("tl_chart") or {}
    points = (picked.get("selection") or {}).get("points") or []
    custom = (points[0].get("customdata") or []) if points else []
    if custom:
        return custom[0]
    pick = st.session_state.get("tl_event")
    return pick if pick and pick != "—" else None


chosen_id = chosen_event_id()
event = next((e for e in events if e["id"] == chosen_id), None)
statuses = viewmodel.status_map(data, year)
holders = viewmodel.holder_map(data, year)
groups = [layers.sections_layer(data.sections, statuses, "Boundary sections",
                                tolerance=ui.DETAIL["map"], year=year),
          layers.areas_layer(data.areas, holders, year=year)]
targets = [("area", i) for i in (event or {}).get("area_ids") or []] + [
    ("section", i) for i in (event or {}).get("section_ids") or []]
view = ui.view_for("tl_view", targets[0] if targets else None)  # kept while the year moves
if event:
    for sid in event.get("section_ids") or []:
        row = viewmodel.feature_row(data, "section", sid)
        if row is not None:
            groups.insert(0, layers.highlight_layer(row["geometry"], "section", sid,
                                                      tolerance=ui.DETAIL["map"]))
    for aid in event.get("area_ids") or []:
        row = viewmodel.feature_row(data, "area", aid)
        if row is not None:
            groups.insert(0, layers.highlight_layer(row["geometry"], "area", aid))

map_col, text_col = st.columns([3, 2])
with map_col, st.spinner("Drawing…"):
    ui.show_map(ui.base_map(), groups, key="tl_map", view=view, height=480)
    st.markdown(legend.legend_html(year), unsafe_allow_html=True)
    ui.attribution_caption()
with text_col:
    if event:
        st.html(panels.event_html(event))
        st.html(panels.sources_html(event.get("sources") or [], data.bibliography))
    else:
        st.info("Pick an event on the chart below the map (or in the list under it) to read "
                "it here and locate it on the map.")
    counts = pd.Series([s or "no status" for s in statuses.values()]).value_counts()
    st.markdown(f"**In {year}:** " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    held = [f"{viewmodel.feature_row(data, 'area', a)['name_en']}: "
            f"{viewmodel.COUNTRY_NAMES.get(h, h)}" for a, h in holders.items() if h]
    if held:
        st.markdown("**Holders:** " + "; ".join(text.esc(h) for h in held))

if not frame.empty:
    fig = px.scatter(frame, x="date", y="type", hover_name="title", custom_data=["id"],
                     color="type", color_discrete_sequence=list(style.OKABE_ITO.values()),
                     height=260)
    fig.add_vline(x=pd.Timestamp(year=year, month=12, day=31).timestamp() * 1000,
                  line_dash="dot", line_color="#555")
    fig.update_traces(marker={"size": 11})
    fig.update_layout(showlegend=False, margin={"l": 10, "r": 10, "t": 10, "b": 10})
    st.subheader("Events")
    st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="tl_chart")
    titles = dict(zip(frame["id"], frame["title"], strict=True))
    st.selectbox("…or choose an event", ["—", *frame["id"]], key="tl_event",
                 format_func=lambda i: "—" if i == "—" else f"{i}: {titles.get(i)}")

ui.write_url_state(urlstate.ViewState(year=year), defaults)
