"""Border Atlas: entry point with the one navigation menu and the home page."""

from __future__ import annotations

import streamlit as st

from borderatlas import ui
from borderatlas.map import layers
from borderatlas.views import legend, urlstate, viewmodel

st.set_page_config(page_title="Border Atlas", layout="wide")  # no page_icon: it would load from a CDN


def home() -> None:
    """Home: the whole boundary coloured by today's status, figures computed from the data."""
    data = ui.atlas()
    state = ui.read_url_state(urlstate.ViewState(), "home_url_notices")
    if "home_init" not in st.session_state:  # a link may name a feature: its history opens
        st.session_state["home_init"] = True
        st.session_state["home_selected"] = state.feature
    st.title("Border Atlas")
    st.markdown("An interactive, sourced map of the former Sino-Soviet border — China with "
                "Russia, Kazakhstan, Kyrgyzstan and Tajikistan — and the negotiations that "
                "fixed it, 1960–2024.")
    figures = viewmodel.headline_figures(data)
    cols = st.columns(4)
    cols[0].metric("Boundary length", f"{figures['length_km']:,} km",
                   help="Geodesic length of all sections (WGS84)")
    cols[1].metric("Sections", figures["sections"], help=f"{figures['pairs']} country pairs")
    by_pair = "; ".join(f"{viewmodel.PAIR_LABELS.get(p, p)} {v:,} km²"
                        for p, v in figures["transferred_by_pair"].items())
    cols[2].metric("Area that changed hands", f"{figures['transferred_km2']:,} km²",
                   help="Computed (geodesic) land of every transfer and settlement area, by country "
                        f"pair: {by_pair}. Points without an outline (Zhenbao, Hunchun, Khasan) "
                        "are not counted.")
    span = (f"{figures['first_year']}–{figures['last_year']}"
            if figures["first_year"] else "—")
    cols[3].metric("Dated events", figures["events"], help=f"Chronicle {span}")
    st.caption(f"Area that changed hands, by country pair (computed from the outlines): {by_pair}.")
    year = urlstate.YEAR_MAX  # the end of the period the atlas covers
    statuses = viewmodel.status_map(data, year)
    with st.spinner("Drawing the boundary…"):
        m = ui.base_map(halo=True)  # a click shows the section's history beside it
        groups = [layers.sections_layer(data.sections, statuses, "Boundary by status",
                                        tolerance=ui.DETAIL["overview"], year=year)]
        ui.show_map(m, groups, key="home_map", height=480, selection_key="home_selected")
    st.html(legend.legend_html(year))
    ui.attribution_caption()
    ui.share_map(m, groups, f"The boundary by status, {year}", legend.legend_html(year), key="home")
    st.markdown(
        "**How to use:** open **Border map** and click a section or area to read its history, "
        "or search any name in English, Russian or Chinese.  \n"
        "**Compare** shows how two dated versions of the line differ; **Timeline** replays "
        "statuses year by year.")
    st.page_link("pages/1_Border_map.py", label="Border map", icon=":material/map:")
    st.page_link("pages/2_Compare.py", label="Compare versions", icon=":material/compare_arrows:")
    st.page_link("pages/3_Timeline.py", label="Timeline", icon=":material/timeline:")
    st.page_link("pages/4_Disputed_areas.py", label="Disputed areas", icon=":material/square_foot:")
    st.page_link("pages/5_Sources_and_data.py", label="Sources & data", icon=":material/menu_book:")
    if st.session_state.get("home_selected") != state.feature:  # a click: share it in the URL
        ui.write_url_state(urlstate.ViewState(feature=st.session_state["home_selected"]),
                           urlstate.ViewState())


# no page icons: Streamlit turns the current page's icon into a favicon fetched from a CDN
PAGES = [
    st.Page(home, title="Home", default=True),
    st.Page("pages/1_Border_map.py", title="Border map", url_path="border_map"),
    st.Page("pages/2_Compare.py", title="Compare", url_path="compare"),
    st.Page("pages/3_Timeline.py", title="Timeline", url_path="timeline"),
    st.Page("pages/4_Disputed_areas.py", title="Disputed areas",
            url_path="disputed_areas"),
    st.Page("pages/5_Sources_and_data.py", title="Sources & data",
            url_path="sources"),
]

ui.ensure_assets()
nav = st.navigation(PAGES)
ui.language_switch()  # on every page, kept in the URL
ui.problems_notice()  # once, above every page: what was left out of the data and why
nav.run()
