"""Compare's own widgets: two ends (a version preset or any date), the view, and the change table."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from borderatlas.dates import WHEN_MAX, WHEN_MIN, parse_date, when_label
from borderatlas.ui.lang import current_lang, gettext, ngettext
from borderatlas.ui.widgets import lazy_box, sortable_toggle
from borderatlas.views import htmltable, panels, tables, urlstate
from borderatlas.views.messages import N_

DATE = "date"  # the preset meaning "the date beside it"
VIEWS = {"overlay": N_("Overlay"), "swipe": N_("Swipe"), "side": N_("Side by side")}


def compare_pickers(data: Any, state: urlstate.ViewState, versions: Sequence[str],
                    labels: Mapping[str, str]) -> tuple[str, str, str]:
    """Two ends (a version, or any date typed) and the view; returns (a, b, view).

    Pills, and a date input only when "a date" is chosen: the selectbox and the date input cost
    a first visit ~115 and ~260 KiB of scripts, the pills none (README "Scale"). A preset puts
    its day in the date input's state (kept while the input is hidden: ``persist_state``).
    """

    def version_day(vid: str) -> dt.date:
        """The day a version is dated (the date input starts there when "a date" is chosen)."""
        return parse_date(str(data.versions[vid]["date"]))

    def preset_changed(side: str) -> None:
        """A version preset puts its day in the date input, where "a date" then starts."""
        preset = st.session_state[f"cmp_{side}"]
        if preset in versions:
            st.session_state[f"cmp_{side}_date"] = version_day(preset)

    if "cmp_init" not in st.session_state:  # first visit (or a fresh link): widgets from the URL
        st.session_state["cmp_init"] = True
        for side, end in zip("ab", state.versions, strict=True):
            st.session_state[f"cmp_{side}"] = end if end in versions else DATE
            st.session_state[f"cmp_{side}_date"] = (version_day(end) if end in versions
                                                     else parse_date(end))
        st.session_state["cmp_view"] = state.view
        st.session_state["cmp_selected"] = state.feature

    _, lang = gettext(), current_lang()

    def preset_label(value: str) -> str:
        """'2001 treaty' for a preset, an arrow for 'a date'."""
        return _("a date →") if value == DATE else labels[value]

    sidebar = st.sidebar  # the pills wrap there in any language; the map keeps the screen
    ends = (("a", _("First"), _("First: any date")), ("b", _("Second"), _("Second: any date")))
    for side, version_label, date_label in ends:
        with sidebar:
            preset = st.pills(version_label, [*versions, DATE], key=f"cmp_{side}",
                              format_func=preset_label, on_change=preset_changed, args=(side,),
                              selection_mode="single", required=True, wrap=True,
                              persist_state="session")
            if preset == DATE:
                st.date_input(date_label, key=f"cmp_{side}_date", min_value=WHEN_MIN,
                              max_value=WHEN_MAX, format="YYYY-MM-DD", persist_state="session")
            elif preset in versions:
                st.caption(when_label(str(data.versions[preset]["date"]), lang=lang))
    sidebar.segmented_control(_("View"), list(VIEWS), key="cmp_view", required=True,
                              persist_state="session",
                              format_func=lambda v: _(VIEWS[v]),
                              help=_("Overlay: both lines on one map. Swipe: drag the divider, "
                                     "the first date left and the second right. Side by side: "
                                     "two maps that move together."))

    def chosen(side: str) -> str:
        """The chosen end: a version id, or the ISO date in the date input."""
        preset = st.session_state[f"cmp_{side}"]
        return preset if preset != DATE else st.session_state[f"cmp_{side}_date"].isoformat()

    return chosen("a"), chosen("b"), str(st.session_state["cmp_view"])


def change_table(data: Any, rows: Sequence[dict[str, Any]], a: str, b: str,
                 names: Mapping[str, str]) -> None:
    """Every change between the two ends, with CSV and GeoJSON downloads and the sources.

    A plain HTML table unless the reader asks for the sortable grid (:func:`sortable_toggle`).
    """
    _, _n, lang = gettext(), ngettext(), current_lang()
    st.subheader(_n("Where %(a)s and %(b)s differ (%(n)s)",
                    "Where %(a)s and %(b)s differ (%(n)s)", len(rows))
                 % {"a": names[a], "b": names[b], "n": len(rows)})
    if rows:
        cols = tables.change_columns(lang)
        frame = tables.change_table(rows, lang)
        if sortable_toggle("cmp_sortable"):
            st.dataframe(frame, hide_index=True, width="stretch", key="cmp_table", column_config={
                cols["map"]: st.column_config.LinkColumn(
                    cols["map"], display_text=_("open on the map")),
                cols["area"]: st.column_config.NumberColumn(format="%.1f")})
        else:
            st.html(htmltable.table_html(frame, links={cols["map"]: _("open on the map")},
                                         numbers={cols["area"]: 1}, lang=lang))
        stem = f"border-changes-{a}-{b}"
        d1, d2, _rest = st.columns([1, 1, 4])
        # built when clicked: a first visit neither builds nor fetches them (README "Scale")
        d1.download_button(_("Download CSV"), functools.partial(tables.change_csv, rows, lang),
                           f"{stem}.csv", "text/csv", key="cmp_csv")
        d2.download_button(_("Download GeoJSON"),
                           functools.partial(tables.change_geojson, rows, a, b, lang),
                           f"{stem}.geojson", "application/geo+json", key="cmp_geojson")
        with lazy_box(_("Sources for these differences"), "cmp_sources") as shown:
            if shown:
                st.html(panels.sources_html([k for r in rows for k in r.get("sources") or []],
                                            data.bibliography, lang))
    else:
        st.info(_("The line, statuses and holders are the same on these two dates."))
