"""Border map: layer toggles, search in any language, click a feature to read its history."""

from __future__ import annotations

import streamlit as st

from borderatlas import ui
from borderatlas.map import layers
from borderatlas.views import legend, panels, urlstate, viewmodel

SEL = "bm_selected"

data = ui.atlas()
tokens = ui.layer_tokens(data)
pairs = sorted(set(data.sections["pair"])) if "pair" in data.sections else []
defaults = urlstate.ViewState(
    year=2015, layers=frozenset([ui.pair_token(p) for p in pairs] + ["areas", "places"]))
state = ui.read_url_state(defaults, "bm_url_notices", known_layers=tokens)

# first visit (or a fresh link): widgets start from the URL
if "bm_init" not in st.session_state:
    st.session_state["bm_init"] = True
    for token in tokens:
        st.session_state[f"bm_layer_{token}"] = token in state.layers
    st.session_state["bm_year"] = state.year
    st.session_state["bm_basemap"] = state.basemap
    st.session_state[SEL] = state.feature
    if state.feature:
        st.session_state["bm_view"] = ui.zoom_view(*state.feature)

st.title("Border map")
with st.sidebar:
    st.subheader("Layers")
    st.caption("Boundary by country pair")
    for pair in pairs:
        st.checkbox(viewmodel.PAIR_LABELS.get(pair, pair), key=f"bm_layer_{ui.pair_token(pair)}")
    st.caption("Dated versions of the line")
    for version in viewmodel.sorted_versions(data):
        st.checkbox(version.get("label_en") or version["id"],
                    key=f"bm_layer_{ui.version_token(version['id'])}")
    st.checkbox("Claim and old lines", key="bm_layer_claims")
    st.checkbox("Disputed / transferred areas", key="bm_layer_areas")
    st.checkbox("Places", key="bm_layer_places")
    st.radio("Basemap", urlstate.BASEMAPS, key="bm_basemap",
             format_func={"vector": "bundled vector (offline)",
                          "osm": "OpenStreetMap tiles (online)", "none": "none"}.get,
             help="The bundled vector basemap works offline. Tiles are fetched from "
                  "tile.openstreetmap.org and need an internet connection.")
    st.slider("Status in year", urlstate.YEAR_MIN, urlstate.YEAR_MAX, key="bm_year")

visible = {t for t in tokens if st.session_state.get(f"bm_layer_{t}")}
year = st.session_state["bm_year"]

query = st.text_input("Search any name (English, Русский, 中文, pinyin)", key="bm_query")
if query:
    hits = viewmodel.search(data, query)
    if not hits:
        st.info(f"No feature is called {query!r}.")
    for i, hit in enumerate(hits[:8]):
        label = f"{hit.feature_type}: {hit.label}" + (
            f" — matched “{hit.matched}”" if hit.matched != hit.label else "")
        if st.button(label, key=f"bm_hit_{i}"):
            st.session_state[SEL] = (hit.feature_type, hit.feature_id)
            st.session_state["bm_view"] = ui.zoom_view(hit.feature_type, hit.feature_id)

user_group = ui.user_overlay(data, "bm", [v["id"] for v in viewmodel.sorted_versions(data)])
map_col, panel_col = st.columns([3, 2])
selected = st.session_state.get(SEL)  # a map click has set it already (on_change runs first)
with panel_col:  # before the map, so the history reaches the browser first
    if selected:
        st.html(panels.panel_html(data, *selected, year=year))
        if st.button("Clear selection", key="bm_clear"):
            st.session_state[SEL] = None
            st.rerun()
    else:
        st.info("Click a section or an area on the map (or search above) to see its history.")
with map_col:
    with st.spinner("Drawing layers…"):
        statuses = viewmodel.status_map(data, year)
        shown = data.sections[data.sections["pair"].isin(
            [p for p in pairs if ui.pair_token(p) in visible])] if pairs else data.sections
        groups = [layers.sections_layer(shown, statuses, "Boundary sections",
                                        tolerance=ui.DETAIL["map"], year=year)]
        for i, version in enumerate(v for v in viewmodel.sorted_versions(data)
                                    if ui.version_token(v["id"]) in visible):
            line = viewmodel.version_line(data, version["id"])
            groups.append(layers.version_layer(line, version.get("label_en") or version["id"],
                                               i, tolerance=ui.DETAIL["map"]))
        if "claims" in visible:
            groups.append(layers.claim_lines_layer(data.zone_lines))
        if "areas" in visible:
            groups.append(layers.areas_layer(data.areas, viewmodel.holder_map(data, year),
                                             year=year))
        if "places" in visible:
            groups.append(layers.places_layer(data.places))
        if user_group is not None:
            groups.append(user_group)
        # the selection is haloed by the browser from the URL: a click re-sends no layers
        m = ui.base_map(st.session_state["bm_basemap"], halo=True)
        ui.show_map(m, groups, key="bm_map", selection_key=SEL,
                    view=st.session_state.get("bm_view"))
    st.markdown(legend.legend_html(year), unsafe_allow_html=True)
    ui.attribution_caption()


ui.write_url_state(
    urlstate.ViewState(feature=selected, year=year, layers=frozenset(visible),
                       basemap=st.session_state["bm_basemap"]),
    defaults)
