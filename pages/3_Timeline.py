"""Timeline: a year (status and holders that year) and the events by date, to locate one on the map."""

from __future__ import annotations

import streamlit as st

from borderatlas import ui
from borderatlas.map import compose
from borderatlas.views import legend, panels, tables, text, urlstate, viewmodel

SEL = "tl_selected"

data, _, lang = ui.atlas(), ui.gettext(), ui.current_lang()
defaults = urlstate.ViewState(year=1991)
state = ui.read_url_state(defaults, "tl_url_notices")
if "tl_year" not in st.session_state:
    st.session_state["tl_year"] = state.year
    st.session_state[SEL] = state.feature

ui.roomy_layout()
st.title(_("Timeline"))
year = ui.year_input(_("Year"), "tl_year", width=240,
                     help=_("Sections are coloured by their status, areas by their holder, at the "
                            "end of this year."))

event = ui.chosen_event(data.events, "tl_event")
targets = [("area", i) for i in (event or {}).get("area_ids") or []] + [
    ("section", i) for i in (event or {}).get("section_ids") or []]
groups = compose.status_groups(data, year, ui.DETAIL["map"], highlight=targets, lang=lang)
view = ui.view_for("tl_view", targets[0] if targets else None)  # kept while the year moves

with st.spinner(_("Drawing…")):  # a click shows the feature's history beside the map, in the map
    m = ui.base_map(halo=True)
    ui.show_map(m, groups, key="tl_map", selection_key=SEL, view=view)
st.html(legend.legend_html(year, atlas=data, lang=lang))
ui.attribution_caption()
ui.share_map(m, groups, _("Timeline, %(year)s") % {"year": year},
             legend.legend_html(year, atlas=data, lang=lang), key="tl")
text_col, year_col = st.columns([3, 2])
with text_col:
    if event:
        st.html(panels.event_html(data, event, lang=lang))
        st.html(panels.sources_html(event.get("sources") or [], data.bibliography, lang))
        st.html(panels.cite_html(data, f"event:{event['id']}", lang))
    else:
        st.info(_("Choose an event in the list below (or click one on the interactive chart) to "
                  "read it here and locate it on the map; click the map for a section's or an "
                  "area's history."))
with year_col:
    counts, held = tables.year_summary(data, viewmodel.status_map(data, year),
                                       viewmodel.holder_map(data, year), lang)
    st.markdown(_("**In %(year)s:** %(counts)s") % {"year": year, "counts": counts})
    if held:
        st.markdown(_("**Holders:** %(list)s") % {"list": "; ".join(text.esc(h) for h in held)})

ui.events_view(tables.event_points(data.events, data, lang), year, (event or {}).get("id"),
               ("tl_chart", "tl_event", "tl_chart_on"))
ui.write_url_state(urlstate.ViewState(year=year, feature=st.session_state.get(SEL)), defaults)
