"""Widgets several pages share: the layer sidebar, search with hits, the events chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.express as px
import streamlit as st

from borderatlas import style
from borderatlas.map.compose import pair_token, version_token
from borderatlas.ui.lang import current_lang, gettext
from borderatlas.ui.mapview import zoom_view
from borderatlas.views import urlstate, viewmodel
from borderatlas.views.messages import N_

BASEMAP_LABELS = {"auto": N_("automatic (tiles when online, else bundled vector)"),
                  "vector": N_("bundled vector (offline)"),
                  "osm": N_("OpenStreetMap tiles (online)"), "none": N_("none")}
FEATURE_TYPES = {"section": N_("section"), "area": N_("area"), "place": N_("place")}


def layer_sidebar(atlas: Any, prefix: str, year_label: str | None = None) -> None:
    """Sidebar: country pairs, dated versions, claims, areas, places, basemap and the year."""
    _, lang = gettext(), current_lang()
    pairs = sorted(set(atlas.sections["pair"])) if "pair" in atlas.sections else []
    with st.sidebar:
        st.subheader(_("Layers"))
        st.caption(_("Boundary by country pair"))
        for pair in pairs:
            st.checkbox(viewmodel.pair_label(pair, lang), key=f"{prefix}_layer_{pair_token(pair)}")
        st.caption(_("Dated versions of the line"))
        for version in viewmodel.sorted_versions(atlas):
            st.checkbox(viewmodel.version_label(atlas, version["id"], lang),
                        key=f"{prefix}_layer_{version_token(version['id'])}")
        st.checkbox(_("Claims by side and old lines"), key=f"{prefix}_layer_claims")
        st.checkbox(_("Disputed / transferred areas"), key=f"{prefix}_layer_areas")
        st.checkbox(_("Places"), key=f"{prefix}_layer_places")
        st.checkbox(_("Border security: crossings, 100 km zone"), key=f"{prefix}_layer_security")
        st.radio(_("Basemap"), urlstate.BASEMAPS, key=f"{prefix}_basemap",
                 format_func=lambda b: _(BASEMAP_LABELS[b]) if b in BASEMAP_LABELS else b,
                 help=_("The bundled vector basemap works offline. Tiles are fetched from "
                        "tile.openstreetmap.org and need an internet connection. Automatic: "
                        "your browser shows tiles if they load, else the bundled vector basemap."))
        st.slider(year_label or _("Status in year"), urlstate.YEAR_MIN, urlstate.YEAR_MAX,
                  key=f"{prefix}_year")


def search_box(atlas: Any, selection_key: str, view_key: str, prefix: str) -> None:
    """Search any name; a hit's button selects the feature and zooms onto it."""
    _ = gettext()
    query = st.text_input(_("Search any name (English, Русский, 中文, pinyin)"),
                          key=f"{prefix}_query")
    if not query:
        return
    hits = viewmodel.search(atlas, query)
    if not hits:
        st.info(_("No feature is called %(query)s.") % {"query": repr(query)})
    for i, hit in enumerate(hits[:8]):
        kind = _(FEATURE_TYPES[hit.feature_type]) if hit.feature_type in FEATURE_TYPES else hit.feature_type
        label = f"{kind}: {hit.label}" + (
            " — " + _("matched “%(name)s”") % {"name": hit.matched}
            if hit.matched != hit.label else "")
        if st.button(label, key=f"{prefix}_hit_{i}") and hit.feature_id:
            st.session_state[selection_key] = (hit.feature_type, hit.feature_id)
            st.session_state[view_key] = zoom_view(hit.feature_type, hit.feature_id)


def chosen_event(events: Sequence[dict[str, Any]], chart_key: str,
                 list_key: str) -> dict[str, Any] | None:
    """The event picked on the chart (or else in the list) at the last interaction.

    Read from the widgets' state before they are drawn, so the map can be sent to the browser
    first and the (heavier) chart below it.
    """
    picked = st.session_state.get(chart_key) or {}
    points = (picked.get("selection") or {}).get("points") or []
    custom = (points[0].get("customdata") or []) if points else []
    pick = custom[0] if custom else st.session_state.get(list_key)
    return next((e for e in events if e["id"] == pick), None)


def events_chart(frame: pd.DataFrame, year: int, chart_key: str, list_key: str) -> None:
    """Events as points by date and type (click one), a line at the year, and a list."""
    if frame.empty:
        return
    _ = gettext()
    fig = px.scatter(frame, x="date", y="type", hover_name="title", custom_data=["id"],
                     color="type", labels={"date": _("Date"), "type": _("Type")}, color_discrete_sequence=list(style.OKABE_ITO.values()),
                     height=260)
    fig.add_vline(x=pd.Timestamp(year=year, month=12, day=31).timestamp() * 1000,
                  line_dash="dot", line_color="#555")
    fig.update_traces(marker={"size": 11})
    fig.update_layout(showlegend=False, margin={"l": 10, "r": 10, "t": 10, "b": 10})
    st.subheader(_("Events"))
    st.plotly_chart(fig, on_select="rerun", selection_mode="points", key=chart_key)
    titles = dict(zip(frame["id"], frame["title"], strict=True))
    st.selectbox(_("…or choose an event"), ["—", *frame["id"]], key=list_key,
                 format_func=lambda i: "—" if i == "—" else f"{i}: {titles.get(i)}")
