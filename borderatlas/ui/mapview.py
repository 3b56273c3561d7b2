"""The map on a page: the constant base map, st_folium with changing layers, clicks and views."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import streamlit as st
from streamlit_folium import st_folium

from borderatlas import config
from borderatlas.map import elements, layers
from borderatlas.style import OSM_ATTRIBUTION
from borderatlas.ui.cache import (
    _basemap_file,
    atlas,
    base_url_path,
    ensure_assets,
    layer_url,
    panel_prefix,
    vendor_url,
)
from borderatlas.ui.lang import current_lang, gettext
from borderatlas.views import viewmodel
from borderatlas.views.features import CLEARED, parse_clicked

if TYPE_CHECKING:  # folium is imported by borderatlas.map only
    import folium

RETURNED = ["last_object_clicked_tooltip", "last_object_clicked_count"]


def basemap_note_labels(_: Callable[[str], str]) -> dict[str, str]:
    """The words of the "auto" basemap's note on the map, in the reader's language."""
    return {"prefix": _("Basemap: "), "tiles": _("OpenStreetMap tiles"),
            "vector": _("bundled vector"), "pending": _("loading OpenStreetMap tiles…"),
            "unavailable": _("tiles unavailable"), "offline": _("offline")}


def base_map(basemap: str = "auto", center: tuple[float, float] = layers.DEFAULT_CENTER,
             zoom: int = layers.DEFAULT_ZOOM, halo: bool = False, *,
             legend: str | None = None, swipe: tuple[str, str] | None = None,
             side: tuple[str, str] | None = None) -> folium.Map:
    """A fresh copy of the constant base map (st_folium mutates the map it is given).

    ``halo``: a click selects a feature in the browser: its halo (``elements.SelectionHalo``) and
    its history panel (``elements.HistoryPanel``, a static file per feature and language) show
    at once, so a click changes nothing in the map and re-sends none of its layers; the click
    is reported without streamlit-folium's 250 ms delay (``elements.ImmediateClick``) and the
    rerun it causes only keeps the URL and widgets in step.
    ``legend``: escaped HTML (``views.legend``) shown as a control on the map. ``swipe`` /
    ``side``: the two labels of a swipe divider or of two maps side by side (Compare).
    Every map has full screen, pointer coordinates, a distance measure and a scale.
    """
    ensure_assets()
    sections = atlas().sections
    minx, miny, maxx, maxy = (float(x) for x in sections.total_bounds) if len(sections) else (0.0,) * 4
    bounds = (minx, miny, maxx, maxy) if len(sections) else None
    tiles = "OpenStreetMap" if basemap == "osm" else None  # optional; needs internet
    m = layers.base_map(None, base_url_path(), tiles=tiles, center=center, zoom=zoom,
                        bounds=bounds)
    lang, _ = current_lang(), gettext()
    url = None
    if basemap in ("vector", "auto"):  # auto: the browser shows tiles if they load, else this
        url = vendor_url(_basemap_file(str(config.geodata_root()), config.resolution()))
        if basemap == "auto":
            elements.AutoBasemap(url, base_url_path=base_url_path(),
                                 labels=basemap_note_labels(_)).add_to(m)
        else:
            elements.FetchedBasemap(url, base_url_path=base_url_path()).add_to(m)
    elements.Fullscreen(base_url_path(), title=_("Full screen (toggle)")).add_to(m)
    elements.MousePosition(base_url_path()).add_to(m)
    elements.Measure(base_url_path(), title=_("Measure a distance (toggle)"),
                     prompt=_("Click points to measure"),
                     distance=_("Distance: {km} km (great circle)"), lang=lang).add_to(m)
    if legend:
        elements.LegendControl(legend, base_url_path=base_url_path()).add_to(m)
    if swipe:
        elements.Swipe(*swipe, base_url_path=base_url_path()).add_to(m)
    if side:
        elements.SideBySide(*side, basemap_url=url, attribution=OSM_ATTRIBUTION,
                            base_url_path=base_url_path()).add_to(m)
    if halo:
        elements.SelectionHalo(base_url_path=base_url_path()).add_to(m)
        elements.HistoryPanel(panel_prefix(lang), lang, RETURNED, CLEARED,
                              close_label=_("Close the history"),
                              error_label=_("History not available"),
                              base_url_path=base_url_path()).add_to(m)
        elements.ImmediateClick(RETURNED, base_url_path()).add_to(m)
    return m


def _remember_click(map_key: str, selection_key: str) -> None:
    """Callback: turn the clicked tooltip into the selected (type, id), or clear it."""
    value = st.session_state.get(map_key) or {}
    tooltip = value.get("last_object_clicked_tooltip")
    clicked = parse_clicked(tooltip)
    if clicked and clicked[0] in ("section", "area", "place"):
        st.session_state[selection_key] = clicked
    elif tooltip == CLEARED:  # the reader closed the history panel in the map
        st.session_state[selection_key] = None


def show_map(m: folium.Map, groups: Sequence[folium.FeatureGroup], key: str,
             selection_key: str | None = None, view: tuple[Any, int] | None = None,
             height: int | None = None) -> dict[str, Any]:
    """Render the map with changing layers passed separately so the iframe is never rebuilt.

    The layers' features go to the browser as static files (``layer_url``), by URL.
    """
    for layer in elements.data_layers(groups):
        layer.url = layer_url(layer.document)
    callback = functools.partial(_remember_click, key, selection_key) if selection_key else None
    center, zoom = view if view else (None, None)
    height = height or config.map_height()
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


def roomy_layout() -> None:
    """Narrow the page margins so a large map and its panel get the width of the screen."""
    st.html("<style>[data-testid='stMainBlockContainer']{padding-left:2rem;padding-right:2rem;"
            "max-width:none}</style>")
