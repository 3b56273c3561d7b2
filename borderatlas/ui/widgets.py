"""Widgets several pages share: the layer sidebar, the year, search with hits, the events."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal

import pandas as pd
import plotly.express as px
import streamlit as st

from borderatlas.ui.lang import current_lang, gettext
from borderatlas.ui.mapview import zoom_view
from borderatlas.ui.url import layer_groups
from borderatlas.views import eventstrip, urlstate, viewmodel
from borderatlas.views.messages import N_
from borderatlas.views.notices import markdown_literal

BASEMAP_LABELS = {"auto": N_("automatic"), "vector": N_("vector (offline)"),
                  "osm": N_("OSM tiles"), "none": N_("none")}  # short: buttons side by side
FEATURE_TYPES = {"section": N_("section"), "area": N_("area"), "place": N_("place")}


LAYER_CAPTIONS = {"pairs": N_("Boundary by country pair"),
                  "versions": N_("Dated versions of the line"), "overlays": N_("Also show")}
OVERLAY_LABELS = {"claims": N_("Claims by side and old lines"),
                  "areas": N_("Disputed / transferred areas"), "places": N_("Places"),
                  "security": N_("Crossings, 100 km zone")}
LAYER_HELP = {"overlays": N_("Claims: each side's claimed and older lines. Crossings, 100 km "
                             "zone: the border crossings open that year and the border security "
                             "zone on each side.")}


def layer_label(atlas: Any, token: str, lang: str, _: Callable[[str], str]) -> str:
    """A layer token's name in the sidebar: the country pair, the version, or the overlay."""
    kind, _sep, value = token.partition(":")
    if kind == "pair":
        return viewmodel.pair_label(value, lang)
    if kind == "version":
        return viewmodel.version_label(atlas, value, lang)
    return _(OVERLAY_LABELS[token]) if token in OVERLAY_LABELS else token


def layer_sidebar(atlas: Any, prefix: str, year_label: str | None = None) -> set[str]:
    """Sidebar: layers (pills, one group each), basemap and the year; returns the layers shown.

    Pills, not checkboxes: the checkbox costs a first visit 25 KiB of scripts, the pills none
    beyond the language switch's (README "Scale"). Each group's value is a list of tokens under
    ``{prefix}_{group}``.
    """
    _, lang = gettext(), current_lang()
    shown: set[str] = set()
    with st.sidebar:
        st.subheader(_("Layers"))
        for group, tokens in layer_groups(atlas).items():
            if tokens:
                chosen = st.pills(_(LAYER_CAPTIONS[group]), tokens, selection_mode="multi",
                                  key=f"{prefix}_{group}", persist_state="session",
                                  format_func=lambda t: layer_label(atlas, t, lang, _),
                                  help=_(LAYER_HELP[group]) if group in LAYER_HELP else None)
                shown.update(chosen)
        st.segmented_control(
            _("Basemap"), urlstate.BASEMAPS, key=f"{prefix}_basemap", required=True,
            persist_state="session",
            format_func=lambda b: _(BASEMAP_LABELS[b]) if b in BASEMAP_LABELS else b,
            help=_("The bundled vector basemap works offline. Tiles are fetched from "
                   "tile.openstreetmap.org and need an internet connection. Automatic: "
                   "your browser shows tiles if they load, else the bundled vector basemap."))
        year_input(year_label or _("Status in year"), f"{prefix}_year")
    return shown


@contextlib.contextmanager
def lazy_box(label: str, key: str, *, popover: bool = False, **options: Any) -> Iterator[bool]:
    """An expander (or popover) whose contents are sent only once it is open; yields whether it is.

    Opening it reruns the page (``on_change="rerun"``), so until then its contents, and the
    scripts their widgets need, cost a first visit nothing. ``options`` go to Streamlit's
    ``st.expander`` / ``st.popover`` (``expanded``, ``icon``).
    """
    box = (st.popover if popover else st.expander)(label, key=key, on_change="rerun", **options)
    with box:
        yield bool(box.open)


def year_input(label: str, key: str, help: str | None = None,
               width: int | Literal["stretch"] = "stretch") -> int:
    """A year between YEAR_MIN and YEAR_MAX: type it, or step with − / + (or the arrow keys).

    A number input, not a slider: Streamlit's slider loads ~120 KiB of scripts (moment, numbro)
    on a first visit, the number input ~16 KiB beside a text input (README "Performance").
    """
    return int(st.number_input(label, min_value=urlstate.YEAR_MIN, max_value=urlstate.YEAR_MAX,
                               step=1, format="%d", key=key, help=help, width=width,
                               persist_state="session"))


def sortable_toggle(key: str) -> bool:
    """The reader's choice of Streamlit's data grid (sort, search, resize) over the plain table.

    The plain table by default: the grid (``st.dataframe``) loads ~1.7 MiB of scripts on a first
    visit. A segmented control, not a toggle (25 KiB of scripts; the control's are loaded already).
    """
    _ = gettext()
    views = {"plain": _("Plain table"), "sortable": _("Sortable table")}
    choice = st.segmented_control(
        _("Table"), list(views), key=key, required=True, default="plain", persist_state="session",
        format_func=lambda v: views.get(v, v), label_visibility="collapsed",
        help=_("Sortable table: sort, filter and resize the columns in a data grid. It loads "
               "more than a megabyte of scripts the first time."))
    return choice == "sortable"


def search_box(atlas: Any, selection_key: str, view_key: str, prefix: str) -> None:
    """Search any name; a hit's button selects the feature and zooms onto it."""
    _ = gettext()
    query = st.text_input(_("Search any name (English, Русский, 中文, pinyin)"),
                          key=f"{prefix}_query", persist_state="session")
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
    """The event last picked, in the list or on the interactive chart (both write ``list_key``).

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
    """Events by date and type, the year marked, all of them as text, and a list to pick one.

    A light HTML strip by default; the interactive Plotly chart (click an event) only when the
    reader turns it on, since its script is 4.6 MiB on a first visit. ``keys`` are the chart's
    widget key, the pick's session key (:func:`chosen_event` reads it; the chart and the list
    write it) and the strip/chart switch's key. The text list and the pick list are sent only
    once opened (``{pick}_all``, ``{pick}_box``).
    """
    if frame.empty:
        return
    _, lang = gettext(), current_lang()
    chart_key, list_key, toggle_key = keys
    st.subheader(_("Events"))
    views = {"strip": _("Events strip"), "chart": _("Interactive chart")}
    if st.segmented_control(
            _("Events as"), list(views), key=toggle_key, required=True, default="strip",
            persist_state="session",
            format_func=lambda v: views.get(v, v), label_visibility="collapsed",
            help=_("Interactive chart: zoom, pan and click the events on a chart (Plotly). It "
                   "loads a few megabytes the first time.")) == "chart":
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
    with lazy_box(eventstrip.list_heading(len(frame), lang), f"{list_key}_all") as shown:
        if shown:
            st.html(eventstrip.list_html(frame, lang, chosen))
    titles = dict(zip(frame["id"], frame["title"], strict=True))
    label = _("Choose an event") + (f": {markdown_literal(str(titles[chosen]))}"
                                    if chosen in titles else "")
    # lazy: the list is sent, and its scripts (~115 KiB) load, only once the reader opens it
    with lazy_box(label, f"{list_key}_box", popover=True, icon=":material/event:") as shown:
        if shown:
            st.session_state[f"{list_key}_list"] = chosen if chosen in titles else "—"
            st.selectbox(_("Choose an event"), ["—", *frame["id"]], key=f"{list_key}_list",
                         format_func=lambda i: "—" if i == "—" else f"{i}: {titles.get(i)}",
                         on_change=_list_to_pick, args=(list_key,))


def _list_to_pick(list_key: str) -> None:
    """The event chosen in the list is the page's pick (kept while the list is closed)."""
    pick = st.session_state.get(f"{list_key}_list")
    st.session_state[list_key] = None if pick == "—" else pick
