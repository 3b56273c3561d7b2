"""Compare two dated versions of the line: overlay, differences highlighted, table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from borderatlas import style, ui
from borderatlas.map import layers
from borderatlas.views import panels, text, urlstate, viewmodel

data = ui.atlas()
versions = [v["id"] for v in viewmodel.sorted_versions(data)]
labels = {v["id"]: v.get("label_en") or v["id"] for v in data.versions.values()}
default_pair = ("1991", "2001") if {"1991", "2001"} <= set(versions) else tuple(versions[:2])
defaults = urlstate.ViewState(versions=default_pair)
state = ui.read_url_state(defaults, "cmp_url_notices")

if "cmp_a" not in st.session_state and len(versions) >= 2:
    st.session_state["cmp_a"], st.session_state["cmp_b"] = state.versions

st.title("Compare versions of the line")
if len(versions) < 2:
    st.warning("The data has fewer than two dated versions of the line to compare.")
    st.stop()

left, right = st.columns(2)
left.selectbox("Earlier version", versions, key="cmp_a", format_func=labels.get)
right.selectbox("Later version", versions, key="cmp_b", format_func=labels.get)
a, b = st.session_state["cmp_a"], st.session_state["cmp_b"]
if a == b:
    st.info("Choose two different versions.")
    st.stop()
if "2001" in (a, b):
    st.markdown(
        "**What “the 2001 line” means:** the line the 2001 treaty confirmed as agreed — "
        "except around Heixiazi/Tarabarov and Abagaitu, which stayed open until the "
        "2004 supplementary agreement settled them; they were handed over in 2008.")
for vid in (a, b):
    desc = data.versions[vid].get("description_en")
    if desc:
        st.caption(f"{labels[vid]}: {desc}")

user_group = ui.user_overlay(data, "cmp", (a, b))
with st.spinner("Computing differences…"):
    rows = viewmodel.compare_versions(data, a, b)
    style_a, style_b = style.VERSION_STYLES[0], style.VERSION_STYLES[1]
    groups = [
        layers.version_layer(viewmodel.version_line(data, a), labels[a], 0,
                             tolerance=ui.DETAIL["map"]),
        layers.version_layer(viewmodel.version_line(data, b), labels[b], 1,
                             tolerance=ui.DETAIL["map"]),
        layers.difference_layer(rows),
    ]
    if user_group is not None:
        groups.append(user_group)
    view = None
    if rows and rows[0].get("zone_id") in data.zones:
        minx, miny, maxx, maxy = data.zones[rows[0]["zone_id"]]["bbox"]
        view = (((miny + maxy) / 2, (minx + maxx) / 2), 9)
    ui.show_map(ui.base_map(), groups, key="cmp_map", view=view, height=500)
st.markdown(
    f'<span style="color:{style_a["color"]}">▬ ▬</span> {text.esc(labels[a])} &nbsp; '
    f'<span style="color:{style_b["color"]}">━━</span> {text.esc(labels[b])} &nbsp; '
    f'<span style="color:{style.OKABE_ITO["purple"]}">■</span> area that changed hands',
    unsafe_allow_html=True)
ui.attribution_caption()

st.subheader(f"Where {labels[a]} and {labels[b]} differ ({len(rows)})")
if rows:
    table = pd.DataFrame([{
        "Place": r.get("name_en"),
        "Area changed (km², geodesic)": r.get("area_km2"),
        "From": r.get("from_holder"),
        "To": r.get("to_holder"),
        "Agreement": r.get("agreement"),
        "Date": r.get("change_date"),
        "Sources": "; ".join(r.get("sources") or []),
    } for r in rows])
    st.dataframe(table, hide_index=True, use_container_width=True, key="cmp_table")
    keys = [k for r in rows for k in r.get("sources") or []]
    with st.expander("Sources for these differences"):
        st.html(panels.sources_html(keys, data.bibliography))
else:
    st.info("These two versions do not differ anywhere in the data.")

ui.write_url_state(urlstate.ViewState(versions=(a, b)), defaults)
