"""Streamlit glue shared by the pages: cached data, the constant base map, clicks, URL state.

The only module of the package that imports Streamlit; nothing else imports it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import folium
import streamlit as st
from streamlit_folium import st_folium

from borderatlas import layers, urlstate, viewmodel
from borderatlas.assets import install_vendor
from borderatlas.data import Atlas, load_atlas

REPO = Path(__file__).resolve().parent.parent
RETURNED = ["last_object_clicked_tooltip", "last_object_clicked_count"]
DETAIL = {"overview": 0.02, "map": 0.004, "fine": 0.0}  # simplify tolerance, degrees


def geodata_root() -> Path:
    """Where to read data: ``BORDERATLAS_GEODATA`` (tests) or the repo's ``geodata/``."""
    env = os.environ.get("BORDERATLAS_GEODATA")
    return Path(env) if env else REPO / "geodata"


@st.cache_resource(show_spinner="Loading the atlas…")
def _load(root: str) -> Atlas:
    """Load and validate geodata once per process."""
    return load_atlas(Path(root))


def atlas() -> Atlas:
    """The cached Atlas for this process."""
    return _load(str(geodata_root()))


@st.cache_resource
def ensure_assets() -> str:
    """Copy Leaflet/jQuery into ``static/vendor`` once per process."""
    return str(install_vendor(REPO / "static"))


def base_url_path() -> str:
    """The server's base URL path, so asset URLs work behind a prefix."""
    try:
        return str(st.get_option("server.baseUrlPath") or "")
    except Exception:
        return ""


@st.cache_data(show_spinner=False)
def _basemap_features(root: str, tolerance: float) -> tuple[list[dict[str, Any]], ...]:
    """Simplified basemap features (cached: they never change)."""
    data = atlas()
    land = layers.to_features(data.basemap_countries, "land", tolerance)
    water = layers.to_features(data.basemap_water, "water", tolerance)
    return land, water


def base_map(basemap: str = "vector", center: tuple[float, float] = layers.DEFAULT_CENTER,
             zoom: int = layers.DEFAULT_ZOOM) -> folium.Map:
    """A fresh copy of the constant base map (st_folium mutates the map it is given)."""
    ensure_assets()
    group = None
    if basemap == "vector":
        data = atlas()
        group = layers.basemap_layer(data.basemap_countries, data.basemap_water,
                                     tolerance=DETAIL["overview"])
    sections = atlas().sections
    bounds = tuple(float(x) for x in sections.total_bounds) if len(sections) else None
    return layers.base_map(group, base_url_path(), center=center, zoom=zoom, bounds=bounds)


def _remember_click(map_key: str, selection_key: str) -> None:
    """Callback: turn the clicked tooltip into the selected (type, id)."""
    value = st.session_state.get(map_key) or {}
    clicked = layers.parse_clicked(value.get("last_object_clicked_tooltip"))
    if clicked and clicked[0] in ("section", "area", "place"):
        st.session_state[selection_key] = clicked


def show_map(m: folium.Map, groups: Sequence[folium.FeatureGroup], key: str,
             selection_key: str | None = None, view: tuple[Any, int] | None = None,
             height: int = 560) -> dict[str, Any]:
    """Render the map with changing layers passed separately so the iframe is never rebuilt."""
    callback = functools.partial(_remember_click, key, selection_key) if selection_key else None
    center, zoom = view if view else (None, None)
    return st_folium(m, key=key, height=height, use_container_width=True,
                     feature_group_to_add=list(groups), returned_objects=RETURNED,
                     center=center, zoom=zoom, on_change=callback) or {}


def zoom_view(feature_type: str, feature_id: str) -> tuple[tuple[float, float], int] | None:
    """Centre and zoom fitting a feature; nudged each call so repeated requests still move."""
    found = viewmodel.feature_bounds(atlas(), feature_type, feature_id)
    if found is None:
        return None
    (lat, lon), zoom = found
    bump = st.session_state.get("_view_bump", 0) + 1
    st.session_state["_view_bump"] = bump
    return (lat + bump * 1e-9, lon), zoom


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
        known_versions=list(data.versions), known_layers=known_layers)
    if init_key not in st.session_state:
        st.session_state[init_key] = notices
    for notice in st.session_state.get(init_key, []):
        st.warning(notice, icon=":material/link_off:")
    return state


def write_url_state(state: urlstate.ViewState, defaults: urlstate.ViewState) -> None:
    """Mirror the view into the URL so it can be shared (only when it changed)."""
    wanted = urlstate.serialise(state, defaults)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def problems_notice() -> None:
    """Tell the reader when data was left out, instead of hiding it."""
    left = atlas().left_out
    if left:
        with st.expander(f"⚠️ {len(left)} data problem(s) left features out"):
            for p in left[:50]:
                st.text(f"{p.file} {p.feature_id or ''} {p.field or ''}: {p.message}")


def attribution_caption() -> None:
    """The data attribution shown under every map."""
    st.caption(f"Basemap and boundary geometry: {layers.OSM_ATTRIBUTION}. "
               "Other layers: see *Sources & data*.")


def pair_token(pair: str) -> str:
    """Layer token for a country pair."""
    return f"pair:{pair}"


def version_token(version_id: str) -> str:
    """Layer token for a dated version of the line."""
    return f"version:{version_id}"


def layer_tokens(data: Atlas) -> list[str]:
    """Every layer token a link may name."""
    pairs = sorted(set(data.sections["pair"])) if "pair" in data.sections else []
    return ([pair_token(p) for p in pairs] + [version_token(v) for v in data.versions]
            + ["claims", "areas", "places"])
