"""Widgets several pages share: the layer sidebar, the year, search with hits, the events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import pandas as pd
import plotly.express as px
import streamlit as st

from borderatlas.map.compose import pair_token, version_token
from borderatlas.ui.lang import current_lang, gettext
from borderatlas.ui.mapview import zoom_view
from borderatlas.views import eventstrip, urlstate, viewmodel
from borderatlas.views.messages import N_

BASEMAP_LABELS = {"auto": N_("automatic"), "vector": N_("vector (offline)"),
                  "osm": N_("OSM tiles"), "none": N_("none")}  # short: buttons side by side
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
        st.segmented_control(
            _("Basemap"), urlstate.BASEMAPS, key=f"{prefix}_basemap", required=True,
            format_func=lambda b: _(BASEMAP_LABELS[b]) if b in BASEMAP_LABELS else b,
            help=_("The bundled vector basemap works offline. Tiles are fetched from "
                   "tile.openstreetmap.org and need an internet connection. Automatic: "
                   "your browser shows tiles if they load, else the bundled vector basemap."))
        year_input(year_label or _("Status in year"), f"{prefix}_year")


def year_input(label: str, key: str, help: str | None = None,
               width: int | Literal["stretch"] = "stretch") -> int:
    """A year between YEAR_MIN and YEAR_MAX: type it, or step with − / + (or the arrow keys).

    A number input, not a slider: Streamlit's slider loads ~120 KiB of scripts (moment, numbro)
    on a first visit, the number input ~16 KiB beside a text input (README "Performance").
    """
    return int(st.number_input(label, min_value=urlstate.YEAR_MIN, max_value=urlstate.YEAR_MAX,
                               step=1, format="%d", key=key, help=help, width=width))


def sortable_toggle(key: str) -> bool:
    """The reader's choice of Streamlit's data grid (sort, search, resize) over the plain table.

    Off by default: the grid (``st.dataframe``) loads ~1.7 MiB of scripts on a first visit.
    """
    _ = gettext()
    return bool(st.toggle(_("Sortable table"), key=key,
                          help=_("Sort, filter and resize the columns in a data grid. It loads "
                                 "more than a megabyte of scripts the first time.")))


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


def chosen_event(events: Sequence[dict[str, Any]], list_key: str) -> dict[str, Any] | None:
    """The event last picked, in the list or on the interactive chart (which writes the list).

    Read from the list's state before it is drawn, so the map can be sent to the browser first
    and the events below it.
    """
    pick = st.session_state.get(list_key)
    return next((e for e in events if e["id"] == pick), None)


def chart_pick(selection: Any) -> str | None:
    """The event id of the first point selected on the events chart (None: nothing picked)."""
    points = ((selection or {}).get("selection") or {}).get("points") or []
    custom = (points[0].get("customdata") or []) if points else []
    return str(custom[0]) if custom else None


def _chart_to_list(chart_key: str, list_key: str, ids: Sequence[str]) -> None:
    """A point clicked on the chart becomes the list's choice (the last pick wins, either way)."""
    pick = chart_pick(st.session_state.get(chart_key))
    if pick in ids:
        st.session_state[list_key] = pick


def events_view(frame: pd.DataFrame, year: int, chosen: str | None, keys: tuple[str, str, str]
                ) -> None:
    """Events by date and type, the year marked, then a list to choose one from.

    A light HTML strip by default; the interactive Plotly chart (click an event) only when the
    reader turns it on, since its script is 4.6 MiB on a first visit. ``keys`` are the chart's,
    the list's and the toggle's widget keys; a point clicked on the chart becomes the list's
    choice, which :func:`chosen_event` reads.
    """
    if frame.empty:
        return
    _, lang = gettext(), current_lang()
    chart_key, list_key, toggle_key = keys
    st.subheader(_("Events"))
    if st.toggle(_("Interactive chart"), key=toggle_key,
                 help=_("Zoom, pan and click the events on a chart (Plotly). It loads a few "
                        "megabytes the first time.")):
        colours = eventstrip.type_colours(frame.sort_values("date", kind="stable")["type"])
        fig = px.scatter(frame, x="date", y="type", hover_name="title", custom_data=["id"],
                         color="type", labels={"date": _("Date"), "type": _("Type")},
                         color_discrete_map=colours, height=260)
        fig.add_vline(x=pd.Timestamp(year=year, month=12, day=31).timestamp() * 1000,
                      line_dash="dot", line_color="#555")
        fig.update_traces(marker={"size": 11})
        fig.update_layout(showlegend=False, margin={"l": 10, "r": 10, "t": 10, "b": 10})
        ids = list(frame["id"])
        st.plotly_chart(fig, on_select=lambda: _chart_to_list(chart_key, list_key, ids),
                        selection_mode="points", key=chart_key)
    else:
        st.html(eventstrip.strip_html(frame, year, lang, chosen))
    titles = dict(zip(frame["id"], frame["title"], strict=True))
    st.selectbox(_("Choose an event"), ["—", *frame["id"]], key=list_key,
                 format_func=lambda i: "—" if i == "—" else f"{i}: {titles.get(i)}")
