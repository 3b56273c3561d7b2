"""Compare the line on any two dates: overlay, swipe or side by side; a change table to download."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from borderatlas import style, ui
from borderatlas.dates import WHEN_MAX, WHEN_MIN, parse_date, when_label
from borderatlas.map import compose
from borderatlas.views import legend, panels, tables, urlstate, viewmodel

SEL = "cmp_selected"
DATE = "date"  # the preset meaning "the date beside it"
VIEWS = {"overlay": "Overlay", "swipe": "Swipe", "side": "Side by side"}

data = ui.atlas()
versions = [v["id"] for v in viewmodel.sorted_versions(data)]
labels = {v["id"]: v.get("label_en") or v["id"] for v in data.versions.values()}
default_pair = ("1991", "2001") if {"1991", "2001"} <= set(versions) else tuple(versions[:2])
defaults = urlstate.ViewState(versions=default_pair)
state = ui.read_url_state(defaults, "cmp_url_notices")

ui.roomy_layout()
st.title("Compare the line on two dates")
if len(versions) < 2:
    st.warning("The data has fewer than two dated versions of the line to compare.")
    st.stop()


def version_day(vid: str) -> dt.date:
    """The day a version is dated (the date input beside its preset shows it)."""
    return parse_date(str(data.versions[vid]["date"]))


def preset_changed(side: str) -> None:
    """A version preset puts its date in the date input beside it."""
    preset = st.session_state[f"cmp_{side}"]
    if preset != DATE:
        st.session_state[f"cmp_{side}_date"] = version_day(preset)


def date_changed(side: str) -> None:
    """Typing a date switches the preset beside it to 'a date'."""
    st.session_state[f"cmp_{side}"] = DATE


if "cmp_init" not in st.session_state:  # first visit (or a fresh link): widgets from the URL
    st.session_state["cmp_init"] = True
    for side, end in zip("ab", state.versions, strict=True):
        st.session_state[f"cmp_{side}"] = end if end in versions else DATE
        st.session_state[f"cmp_{side}_date"] = version_day(end) if end in versions else parse_date(end)
    st.session_state["cmp_view"] = state.view
    st.session_state[SEL] = state.feature


def preset_label(value: str) -> str:
    """'2001 treaty (16 Jul 2001)' for a preset, an arrow for 'a date'."""
    return "a date →" if value == DATE else f"{labels[value]} ({when_label(data.versions[value]['date'])})"


cols = st.columns([3, 2, 3, 2, 4])
for side, (c_preset, c_date), name in (("a", cols[0:2], "First"), ("b", cols[2:4], "Second")):
    c_preset.selectbox(f"{name}: version", [*versions, DATE], key=f"cmp_{side}",
                       format_func=preset_label, on_change=preset_changed, args=(side,))
    c_date.date_input(f"{name}: or any date", key=f"cmp_{side}_date", min_value=WHEN_MIN,
                      max_value=WHEN_MAX, format="YYYY-MM-DD", on_change=date_changed,
                      args=(side,))
cols[4].radio("View", list(VIEWS), key="cmp_view", format_func=VIEWS.__getitem__, horizontal=True,
              help="Overlay: both lines on one map. Swipe: drag the divider, the first date left "
                   "and the second right. Side by side: two maps that move together.")


def chosen(side: str) -> str:
    """The chosen end: a version id, or the ISO date in the date input."""
    preset = st.session_state[f"cmp_{side}"]
    return preset if preset != DATE else st.session_state[f"cmp_{side}_date"].isoformat()


a, b = chosen("a"), chosen("b")
view_mode: str = st.session_state["cmp_view"]
names = {**labels, a: when_label(a, labels), b: when_label(b, labels)}
selected: tuple[str, str] | None = st.session_state.get(SEL)
ui.write_url_state(urlstate.ViewState(versions=(a, b), view=view_mode, feature=selected), defaults)
if a == b:
    st.info("Choose two different versions or dates.")
    st.stop()
if "2001" in (a, b):
    st.markdown(
        "**What “the 2001 line” means:** the line the 2001 treaty confirmed as agreed — "
        "except around Heixiazi/Tarabarov and Abagaitu, which stayed open until the "
        "2004 supplementary agreement settled them; they were handed over in 2008.")
for vid in (a, b):
    if vid in data.versions and data.versions[vid].get("description_en"):
        st.caption(f"{labels[vid]}: {data.versions[vid]['description_en']}")

user_group = ui.user_overlay(data, "cmp", (a, b))
with st.spinner("Computing differences…"):
    rows = viewmodel.compare_dates(data, a, b)
moved = [r for r in rows if r["kind"] == "line"]

map_col, panel_col = st.columns([3, 1])
with panel_col:  # before the map, so the history reaches the browser first
    if selected:
        year = parse_date(str(data.versions[b]["date"]) if b in data.versions else b).year
        year = min(max(year, urlstate.YEAR_MIN), urlstate.YEAR_MAX)  # statuses on the second date
        st.html(panels.panel_html(data, selected[0], selected[1], year=year))
        if st.button("Clear selection", key="cmp_clear"):
            st.session_state[SEL] = None
            st.rerun()
    else:
        st.info("Click a line on the map to read that section's history.")
with map_col:
    groups = compose.compare_groups(data, a, b, names, moved, ui.DETAIL["map"], view=view_mode)
    if user_group is not None:
        groups.append(user_group)
    key_html = legend.compare_legend_html(
        names[a], names[b],
        (style.VERSION_STYLES[0]["color"], style.VERSION_STYLES[1]["color"], style.DIFFERENCE_COLOUR),
        (style.VERSION_STYLES[0]["dashArray"], style.VERSION_STYLES[1]["dashArray"]))
    m = ui.base_map(halo=True, legend=key_html,
                    swipe=(names[a], names[b]) if view_mode == "swipe" else None,
                    side=(names[a], names[b]) if view_mode == "side" else None)
    view = viewmodel.zone_view(data, moved[0]["zone_id"]) if moved else None
    ui.show_map(m, groups, key=f"cmp_map_{view_mode}", selection_key=SEL, view=view)
    ui.attribution_caption()

st.subheader(f"Where {names[a]} and {names[b]} differ ({len(rows)})")
if rows:
    st.dataframe(tables.change_table(rows), hide_index=True, width="stretch",
                 key="cmp_table", column_config={
                     "Map": st.column_config.LinkColumn("Map", display_text="open on the map"),
                     "Area changed (km², geodesic)": st.column_config.NumberColumn(format="%.1f")})
    stem = f"border-changes-{a}-{b}"
    d1, d2, _ = st.columns([1, 1, 4])
    d1.download_button("Download CSV", tables.change_csv(rows), f"{stem}.csv", "text/csv",
                       key="cmp_csv")
    d2.download_button("Download GeoJSON", tables.change_geojson(rows, a, b), f"{stem}.geojson",
                       "application/geo+json", key="cmp_geojson")
    with st.expander("Sources for these differences"):
        st.html(panels.sources_html([k for r in rows for k in r.get("sources") or []],
                                    data.bibliography))
else:
    st.info("The line, statuses and holders are the same on these two dates.")
