"""Compare two dated versions of the line: overlay, differences highlighted, table."""

from __future__ import annotations

import streamlit as st

from borderatlas import style, ui
from borderatlas.map import compose
from borderatlas.views import panels, tables, text, urlstate, viewmodel

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
left.selectbox("Earlier version", versions, key="cmp_a", format_func=lambda v: labels[v])
right.selectbox("Later version", versions, key="cmp_b", format_func=lambda v: labels[v])
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
    if data.versions[vid].get("description_en"):
        st.caption(f"{labels[vid]}: {data.versions[vid]['description_en']}")

user_group = ui.user_overlay(data, "cmp", (a, b))
with st.spinner("Computing differences…"):
    rows = viewmodel.compare_versions(data, a, b)
    groups = compose.compare_groups(data, a, b, labels, rows, ui.DETAIL["map"])
    if user_group is not None:
        groups.append(user_group)
    view = viewmodel.zone_view(data, rows[0]["zone_id"]) if rows else None
    ui.show_map(ui.base_map(), groups, key="cmp_map", view=view, height=500)
st.markdown(
    f'<span style="color:{style.VERSION_STYLES[0]["color"]}">▬ ▬</span> {text.esc(labels[a])} &nbsp; '
    f'<span style="color:{style.VERSION_STYLES[1]["color"]}">━━</span> {text.esc(labels[b])} &nbsp; '
    f'<span style="color:{style.DIFFERENCE_COLOUR}">■</span> area that changed hands',
    unsafe_allow_html=True)
ui.attribution_caption()

st.subheader(f"Where {labels[a]} and {labels[b]} differ ({len(rows)})")
if rows:
    st.dataframe(tables.change_table(rows), hide_index=True, use_container_width=True,
                 key="cmp_table")
    with st.expander("Sources for these differences"):
        st.html(panels.sources_html([k for r in rows for k in r.get("sources") or []],
                                    data.bibliography))
else:
    st.info("These two versions do not differ anywhere in the data.")

ui.write_url_state(urlstate.ViewState(versions=(a, b)), defaults)
