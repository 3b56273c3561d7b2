"""Compare the line on any two dates: overlay, swipe or side by side; a change table to download."""

from __future__ import annotations

import streamlit as st

from borderatlas import style, ui
from borderatlas.dates import when_label
from borderatlas.map import compose
from borderatlas.views import i18n, legend, urlstate, viewmodel

SEL = "cmp_selected"

data, _, lang = ui.atlas(), ui.gettext(), ui.current_lang()
versions = [v["id"] for v in viewmodel.sorted_versions(data)]
labels = {vid: viewmodel.version_label(data, vid, lang) for vid in data.versions}
default_pair = ("1991", "2001") if {"1991", "2001"} <= set(versions) else tuple(versions[:2])
defaults = urlstate.ViewState(versions=default_pair)
state = ui.read_url_state(defaults, "cmp_url_notices")

ui.roomy_layout()
st.title(_("Compare the line on two dates"))
if len(versions) < 2:
    st.warning(_("The data has fewer than two dated versions of the line to compare."))
    st.stop()

a, b, view_mode = ui.compare_pickers(data, state, versions, labels)
names = {**labels, a: when_label(a, labels, lang), b: when_label(b, labels, lang)}
selected: tuple[str, str] | None = st.session_state.get(SEL)
ui.write_url_state(urlstate.ViewState(versions=(a, b), view=view_mode, feature=selected), defaults)
if a == b:
    st.info(_("Choose two different versions or dates."))
    st.stop()
if "2001" in (a, b):
    st.markdown(_("**What “the 2001 line” means:** the line the 2001 treaty confirmed as agreed "
                  "— except around Heixiazi/Tarabarov and Abagaitu, which stayed open until the "
                  "2004 supplementary agreement settled them; they were handed over in 2008."))
for vid in (a, b):
    if vid in data.versions and data.versions[vid].get("description_en"):
        text = i18n.text(data, f"versions/{vid}/description_en",
                         data.versions[vid]["description_en"], lang)[0]
        st.caption(f"{labels[vid]}: {text}")

user_group = ui.user_overlay(data, "cmp", (a, b))
with st.spinner(_("Computing differences…")):
    rows = viewmodel.compare_dates(data, a, b, lang)
moved = [r for r in rows if r["kind"] == "line"]

groups = compose.compare_groups(data, a, b, names, moved, ui.DETAIL["map"], view=view_mode,
                                lang=lang)
if user_group is not None:
    groups.append(user_group)
key_html = legend.compare_legend_html(
    names[a], names[b],
    (style.VERSION_STYLES[0]["color"], style.VERSION_STYLES[1]["color"], style.DIFFERENCE_COLOUR),
    (style.VERSION_STYLES[0]["dashArray"], style.VERSION_STYLES[1]["dashArray"]), lang)
m = ui.base_map(halo=True, legend=key_html,
                swipe=(names[a], names[b]) if view_mode == "swipe" else None,
                side=(names[a], names[b]) if view_mode == "side" else None)
view = viewmodel.zone_view(data, moved[0]["zone_id"]) if moved else None
st.caption(_("Click a line on the map to read that section's history beside it."))
ui.show_map(m, groups, key=f"cmp_map_{view_mode}", selection_key=SEL, view=view)
ui.attribution_caption()
ui.share_map(m, groups, _("Compare: %(a)s and %(b)s") % {"a": names[a], "b": names[b]}, key="cmp")

ui.compare_change_table(data, rows, a, b, names)
