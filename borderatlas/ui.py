"""Streamlit glue shared by the pages: cached data, the constant base map, clicks, URL state.

The only module of the package that imports Streamlit; nothing else imports it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import folium
import pandas as pd
import streamlit as st
from streamlit.logger import get_logger
from streamlit_folium import st_folium

from borderatlas import layers, notices, overlay, overlay_view, simplify, urlstate, viewmodel
from borderatlas.assets import install_vendor
from borderatlas.data import Atlas, load_atlas
from borderatlas.notices import markdown_literal

REPO = Path(__file__).resolve().parent.parent
RETURNED = ["last_object_clicked_tooltip", "last_object_clicked_count"]
DETAIL = {"overview": 0.02, "map": 0.004, "fine": 0.0}  # simplify tolerance, degrees
_LOG = get_logger("borderatlas")


def geodata_root() -> Path:
    """Where to read data: ``BORDERATLAS_GEODATA`` (tests) or the repo's ``geodata/``."""
    env = os.environ.get("BORDERATLAS_GEODATA")
    return Path(env) if env else REPO / "geodata"


@st.cache_resource(show_spinner="Loading the atlas…")
def _load(root: str, resolution: str = "standard") -> Atlas:
    """Load and validate geodata once per process, at the resolution asked for."""
    started = time.perf_counter()
    data = simplify.at_resolution(load_atlas(Path(root)), resolution)
    _LOG.info("atlas loaded: %s at %s resolution in %.3f s", root, resolution,
              time.perf_counter() - started)  # the benchmark counts these lines
    return data


def full_atlas() -> Atlas:
    """The atlas at full source resolution, for measurements (cached once per process)."""
    return _load(str(geodata_root()), "full")


def atlas() -> Atlas:
    """The cached Atlas for this process (``BORDERATLAS_RESOLUTION``: standard or full)."""
    return _load(str(geodata_root()), simplify.resolution_from_env())


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


@st.cache_resource
def _basemap_file(root: str, resolution: str) -> str:
    """Write the basemap once per process as a content-named static file; return its name.

    The browser fetches it from ``/app/static/vendor/`` and caches it, so no page load or
    rerun carries the basemap over the websocket.
    """
    data = _load(root, resolution)
    body = json.dumps(layers.basemap_document(data.basemap_countries, data.basemap_water,
                                              DETAIL["overview"]), separators=(",", ":"))
    name = f"basemap-{hashlib.sha256(body.encode()).hexdigest()[:12]}.geojson"
    target = Path(ensure_assets()) / name
    if not target.is_file():
        tmp = target.with_suffix(".tmp")
        tmp.write_text(body, encoding="utf-8")
        tmp.replace(target)  # atomic: a concurrent reader never sees half a file
    return name


def base_map(basemap: str = "vector", center: tuple[float, float] = layers.DEFAULT_CENTER,
             zoom: int = layers.DEFAULT_ZOOM, halo: bool = False) -> folium.Map:
    """A fresh copy of the constant base map (st_folium mutates the map it is given).

    ``halo``: the browser highlights the selected feature itself (see ``layers.SelectionHalo``),
    so a click changes nothing in the map and re-sends none of its layers; and reports the
    click without streamlit-folium's 250 ms delay (``layers.ImmediateClick``).
    """
    ensure_assets()
    sections = atlas().sections
    bounds = tuple(float(x) for x in sections.total_bounds) if len(sections) else None
    tiles = "OpenStreetMap" if basemap == "osm" else None  # optional; needs internet
    m = layers.base_map(None, base_url_path(), tiles=tiles, center=center, zoom=zoom,
                        bounds=bounds)
    if basemap == "vector":
        name = _basemap_file(str(geodata_root()), simplify.resolution_from_env())
        base = base_url_path().strip("/")
        url = "/" + "/".join(p for p in (base, "app/static/vendor", name) if p)
        layers.FetchedBasemap(url).add_to(m)
    if halo:
        layers.SelectionHalo().add_to(m)
        layers.ImmediateClick(RETURNED).add_to(m)
    return m


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


def view_for(state_key: str, target: tuple[str, str] | None) -> tuple[Any, int] | None:
    """The view fitting ``target``, new only when the target changes.

    A rerun for any other reason (a year, a layer) then leaves the reader's pan and zoom alone.
    """
    if target is None:
        st.session_state.pop(state_key, None)
        return None
    kept = st.session_state.get(state_key)
    if kept is not None and kept[0] == target:
        return kept[1]
    view = zoom_view(*target)
    st.session_state[state_key] = (target, view)
    return view


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
        st.warning(markdown_literal(notice), icon=":material/link_off:")
    return state


def write_url_state(state: urlstate.ViewState, defaults: urlstate.ViewState) -> None:
    """Mirror the view into the URL so it can be shared (only when it changed)."""
    wanted = urlstate.serialise(state, defaults)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def problems_notice() -> None:
    """Tell the reader what was left out of the data and why, instead of hiding it."""
    notice = notices.data_notice(atlas().problems)
    if notice is None:
        return
    st.warning(notice.headline, icon=":material/report:")
    with st.expander(f"Data problems ({len(notice.rows) + notice.more})"):
        st.table(pd.DataFrame(notice.rows, columns=list(notices.COLUMNS)))
        if notice.more:
            st.caption(f"…and {notice.more} more; run `python -m borderatlas validate`.")


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


def user_overlay(data: Atlas, key: str,
                 version_ids: Sequence[str] = ()) -> folium.FeatureGroup | None:
    """Upload a GeoJSON line into this session only, compare it with an official line, draw it.

    The parsed overlay is kept in ``st.session_state`` (this browser session's memory): it is
    never written to disk, never added to the Atlas, and never seen by another session.
    """
    state_key, result_key = f"{key}_overlay", f"{key}_overlay_result"
    with st.expander("Your overlay: compare a line digitised from a historical map",
                     expanded=state_key in st.session_state):
        upload = st.file_uploader(
            "GeoJSON in WGS84 longitude/latitude (kept only in this browser session)",
            type=["geojson", "json"], key=f"{key}_file")
        if upload is None:
            st.session_state.pop(state_key, None)
            st.session_state.pop(result_key, None)
            return None
        kept = st.session_state.get(state_key)
        if kept is None or kept[0] != upload.file_id:
            st.session_state.pop(result_key, None)
            try:
                parsed = overlay.parse_overlay(upload.getvalue(), upload.name)
            except overlay.OverlayError as exc:
                st.session_state.pop(state_key, None)
                st.error(str(exc), icon=":material/error:")
                return None
            kept = (upload.file_id, parsed)
            st.session_state[state_key] = kept
        parsed = kept[1]
        for warning in parsed.warnings:
            st.warning(warning, icon=":material/warning:")
        options = overlay_view.target_options(data, version_ids)
        if not options:
            st.info("There is no official line in the data to compare with.")
            return overlay_view.overlay_layer(parsed)
        keys = list(options)
        nearest = overlay_view.nearest_section(parsed, data)
        target = st.selectbox("Compare with", keys, format_func=options.get,
                              index=keys.index(nearest) if nearest in keys else 0,
                              key=f"{key}_overlay_target")
        result = st.session_state.get(result_key)
        if result is None or result[0] != (upload.file_id, target):
            line = overlay_view.target_line(full_atlas(), target)  # measure at source detail
            try:
                if line is None:
                    raise overlay.OverlayError(f"{options[target]} has no geometry to compare with")
                figures: dict[str, str] | str = overlay_view.difference_figures(
                    overlay.compare_to_line(parsed.frame, line))
            except overlay.OverlayError as exc:
                figures = str(exc)
            result = ((upload.file_id, target), figures)
            st.session_state[result_key] = result
        figures = result[1]
        if isinstance(figures, str):
            st.error(figures, icon=":material/error:")
        else:
            cols = st.columns(len(figures))
            for col, (label, value) in zip(cols, figures.items(), strict=True):
                col.metric(label, value)
            st.caption(f"{len(parsed.frame)} feature(s) from {parsed.name}, sampled every "
                       f"{overlay.SAMPLE_STEP_M:g} m along the overlay; distances to "
                       f"{options[target]}; area enclosed between the two lines.")
    return overlay_view.overlay_layer(parsed)
