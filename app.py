"""Border Atlas: entry point with the one navigation menu and the home page."""

from __future__ import annotations

import streamlit as st

from borderatlas import ui
from borderatlas.map import layers
from borderatlas.views import figures as htmlfigures
from borderatlas.views import legend, messages, urlstate, viewmodel

_ = ui.gettext()  # the reader's language (URL, session or browser locale) is known before any output
st.set_page_config(page_title=_("Border Atlas"), layout="wide")  # no page_icon: it would load from a CDN


def home() -> None:
    """Home: the whole boundary coloured by today's status, figures computed from the data."""
    data, _, _n, lang = ui.atlas(), ui.gettext(), ui.ngettext(), ui.current_lang()
    state = ui.read_url_state(urlstate.ViewState(), "home_url_notices")
    if "home_init" not in st.session_state:  # a link may name a feature: its history opens
        st.session_state["home_init"] = True
        st.session_state["home_selected"] = state.feature
    st.title(_("Border Atlas"))
    st.markdown(_("An interactive, sourced map of the former Sino-Soviet border — China with "
                  "Russia, Kazakhstan, Kyrgyzstan and Tajikistan — and the negotiations that "
                  "fixed it, 1960–2024."))
    figures = viewmodel.headline_figures(data)
    by_pair = "; ".join(f"{viewmodel.pair_label(p, lang)} {messages.area(v, lang)}"
                        for p, v in figures["transferred_by_pair"].items())
    span = (f"{figures['first_year']}–{figures['last_year']}" if figures["first_year"] else "—")
    st.html(htmlfigures.figures_html([
        (_("Boundary length"), messages.km(figures["length_km"], lang, 0),
         _("Geodesic length of all sections (WGS84)")),
        (_("Sections"), str(figures["sections"]), _n(
            "%(n)s country pair", "%(n)s country pairs", figures["pairs"]) % {"n": figures["pairs"]}),
        (_("Area that changed hands"), messages.area(figures["transferred_km2"], lang),
         _("Computed (geodesic) land of every transfer and settlement area, by country pair: "
           "%(pairs)s. Points without an outline (Zhenbao, Hunchun, Khasan) are not counted.")
         % {"pairs": by_pair}),
        (_("Dated events"), str(figures["events"]), _("Chronicle %(span)s") % {"span": span}),
    ]))
    year = urlstate.YEAR_MAX  # the end of the period the atlas covers
    with st.spinner(_("Drawing the boundary…")):
        m = ui.base_map(halo=True)  # a click shows the section's history beside it
        groups = [layers.sections_layer(data.sections, viewmodel.status_map(data, year),
                                        _("Boundary by status"), tolerance=ui.DETAIL["overview"],
                                        year=year, lang=lang, atlas=data)]
        ui.show_map(m, groups, key="home_map", height=480, selection_key="home_selected")
    st.html(legend.legend_html(year, atlas=data, lang=lang))
    ui.attribution_caption()
    ui.share_map(m, groups, _("The boundary by status, %(year)s") % {"year": year},
                 legend.legend_html(year, atlas=data, lang=lang), key="home")
    st.markdown(_("**How to use:** open **Border map** and click a section or area to read its "
                  "history, or search any name in English, Russian or Chinese.  \n**Compare** "
                  "shows how two dated versions of the line differ; **Timeline** replays "
                  "statuses year by year."))
    for page, label, icon in (("1_Border_map", _("Border map"), "map"),
                              ("2_Compare", _("Compare versions"), "compare_arrows"),
                              ("3_Timeline", _("Timeline"), "timeline"),
                              ("4_Disputed_areas", _("Disputed areas"), "square_foot"),
                              ("5_Sources_and_data", _("Sources & data"), "menu_book")):
        st.page_link(f"pages/{page}.py", label=label, icon=f":material/{icon}:")
    if st.session_state.get("home_selected") != state.feature:  # a click: share it in the URL
        ui.write_url_state(urlstate.ViewState(feature=st.session_state["home_selected"]),
                           urlstate.ViewState())


# no page icons: Streamlit turns the current page's icon into a favicon fetched from a CDN
PAGES = [
    st.Page(home, title=_("Home"), default=True),
    st.Page("pages/1_Border_map.py", title=_("Border map"), url_path="border_map"),
    st.Page("pages/2_Compare.py", title=_("Compare"), url_path="compare"),
    st.Page("pages/3_Timeline.py", title=_("Timeline"), url_path="timeline"),
    st.Page("pages/4_Disputed_areas.py", title=_("Disputed areas"), url_path="disputed_areas"),
    st.Page("pages/5_Sources_and_data.py", title=_("Sources & data"), url_path="sources"),
]

ui.ensure_assets()
nav = st.navigation(PAGES)
ui.language_switch()  # on every page, kept in the URL
ui.problems_notice()  # once, above every page: what was left out of the data and why
nav.run()
