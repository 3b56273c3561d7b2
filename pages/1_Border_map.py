"""Border map: layer toggles, search in any language, click a feature to read its history."""

from __future__ import annotations

import streamlit as st

from borderatlas import ui
from borderatlas.map import compose
from borderatlas.views import legend, security, urlstate

SEL = "bm_selected"

data, _, lang = ui.atlas(), ui.gettext(), ui.current_lang()
tokens = ui.layer_tokens(data)
defaults = urlstate.ViewState(  # every country pair, the areas and the places
    year=urlstate.YEAR_MAX, layers=frozenset([*ui.layer_groups(data)["pairs"], "areas", "places"]))
state = ui.read_url_state(defaults, "bm_url_notices", known_layers=tokens)

if "bm_init" not in st.session_state:  # first visit (or a fresh link): widgets start from the URL
    st.session_state["bm_init"] = True
    for group, group_tokens in ui.layer_groups(data).items():
        st.session_state[f"bm_{group}"] = [t for t in group_tokens if t in state.layers]
    st.session_state["bm_year"] = state.year
    st.session_state["bm_basemap"] = state.basemap
    st.session_state[SEL] = state.feature
    if state.feature:
        st.session_state["bm_view"] = ui.zoom_view(*state.feature)

ui.roomy_layout()
st.title(_("Border map"))
visible = ui.layer_sidebar(data, "bm")
year: int = st.session_state["bm_year"]
ui.search_box(data, SEL, "bm_view", "bm")

user_group = ui.user_overlay(data, "bm", list(data.versions))
selected: tuple[str, str] | None = st.session_state.get(SEL)  # a click set it (on_change ran first)
if not selected:
    st.caption(_("Click a section or an area on the map (or search above) to read its history "
                 "beside the map."))
with st.spinner(_("Drawing layers…")):
    groups = compose.border_map_groups(data, visible, year, ui.DETAIL["map"], lang)
    if user_group is not None:
        groups.append(user_group)
    # the browser halos the selection and shows its history: a click re-sends no layers
    m = ui.base_map(st.session_state["bm_basemap"], halo=True)
    ui.show_map(m, groups, key="bm_map", selection_key=SEL, view=st.session_state.get("bm_view"))
st.html(legend.legend_html(year, atlas=data, lang=lang))
if "claims" in visible:
    st.html(legend.claims_legend_html(lang))
if "security" in visible:
    st.html(legend.security_legend_html(year, lang))
    st.html(security.security_html(data, lang))
ui.attribution_caption()

ui.write_url_state(
    urlstate.ViewState(feature=selected, year=year, layers=frozenset(visible),
                       basemap=st.session_state["bm_basemap"]),
    defaults)
ui.share_map(m, groups, _("Border map, %(year)s") % {"year": year},
             legend.legend_html(year, atlas=data, lang=lang), key="bm")  # URL written
