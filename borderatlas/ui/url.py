"""Shareable URL state on a page: read once per visit with notices, write back only on change."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from borderatlas.data.loader import Atlas
from borderatlas.map.compose import pair_token, version_token
from borderatlas.ui.cache import atlas
from borderatlas.ui.lang import current_lang, lang_param
from borderatlas.views import urlstate, viewmodel
from borderatlas.views.notices import markdown_literal


def known_features() -> dict[str, list[str]]:
    """Ids per feature type, to validate links."""
    data = atlas()
    return {"section": list(data.sections["id"]), "area": list(data.areas["id"]),
            "place": list(data.places["id"])}


def read_url_state(defaults: urlstate.ViewState, init_key: str,
                   known_layers: Iterable[str] | None = None) -> urlstate.ViewState:
    """Parse the URL once per page visit; show a notice for each value that was ignored."""
    data = atlas()
    state, notices = urlstate.parse(
        st.query_params.to_dict(), defaults, known_features=known_features(),
        known_versions=list(data.versions), known_layers=known_layers, lang=current_lang())
    if init_key not in st.session_state:
        st.session_state[init_key] = notices
    for notice in st.session_state.get(init_key, []):
        st.warning(markdown_literal(notice), icon=":material/link_off:")
    return state


def write_url_state(state: urlstate.ViewState, defaults: urlstate.ViewState) -> None:
    """Mirror the view into the URL so it can be shared (only when it changed)."""
    wanted = {**urlstate.serialise(state, defaults), **lang_param()}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


OVERLAYS = ("claims", "areas", "places", "security")


def layer_groups(data: Atlas) -> dict[str, list[str]]:
    """The layer tokens by sidebar group: country pairs, dated versions, overlays."""
    pairs = sorted(set(data.sections["pair"])) if "pair" in data.sections else []
    return {"pairs": [pair_token(p) for p in pairs],
            "versions": [version_token(v["id"]) for v in viewmodel.sorted_versions(data)],
            "overlays": list(OVERLAYS)}


def layer_tokens(data: Atlas) -> list[str]:
    """Every layer token a link may name."""
    return [token for tokens in layer_groups(data).values() for token in tokens]
