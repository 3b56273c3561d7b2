"""The overlay widget: a reader's own GeoJSON line, kept in this session only, measured and drawn."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from borderatlas.data.loader import Atlas
from borderatlas.geo import overlay
from borderatlas.map.overlay import overlay_layer
from borderatlas.ui.cache import full_atlas
from borderatlas.ui.lang import current_lang, gettext, ngettext
from borderatlas.ui.widgets import lazy_box
from borderatlas.views import overlay_view

if TYPE_CHECKING:  # folium is imported by borderatlas.map only
    import folium


def user_overlay(data: Atlas, key: str,
                 version_ids: Sequence[str] = ()) -> folium.FeatureGroup | None:
    """Upload a GeoJSON line into this session only, compare it with an official line, draw it.

    The parsed overlay is kept in ``st.session_state`` (this browser session's memory): it is
    never written to disk, never added to the Atlas, and never seen by another session. The
    box's contents run only once it is open (or holds an overlay, which closing keeps).
    """
    _, lang = gettext(), current_lang()
    state_key, result_key = f"{key}_overlay", f"{key}_overlay_result"
    # lazy: until the reader opens it (or has an overlay), nothing inside is sent, so a first
    # visit loads no file-uploader code (~40 KiB, ``python -m benchmarks.bench``)
    with lazy_box(_("Your overlay: compare a line digitised from a historical map"),
                  f"{key}_overlay_box", expanded=state_key in st.session_state) as shown:
        if not shown and state_key not in st.session_state:
            return None
        upload = st.file_uploader(
            _("GeoJSON in WGS84 longitude/latitude (kept only in this browser session)"),
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
        options = overlay_view.target_options(data, version_ids, lang)
        if not options:
            st.info(_("There is no official line in the data to compare with."))
            return overlay_layer(parsed, lang=lang)
        keys = list(options)
        nearest = overlay_view.nearest_section(parsed, data)
        target: str = st.selectbox(_("Compare with"), keys, format_func=lambda k: options[k],
                                   index=keys.index(nearest) if nearest in keys else 0,
                                   key=f"{key}_overlay_target") or keys[0]
        result = st.session_state.get(result_key)
        if result is None or result[0] != (upload.file_id, target):
            line = overlay_view.target_line(full_atlas(), target)  # measure at source detail
            try:
                if line is None:
                    raise overlay.OverlayError(_("%(line)s has no geometry to compare with")
                                               % {"line": options[target]})
                figures: dict[str, str] | str = overlay_view.difference_figures(
                    overlay.compare_to_line(parsed.frame, line), lang)
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
            n = len(parsed.frame)
            _n = ngettext()
            st.caption(_n(
                "%(n)s feature from %(file)s, sampled every %(step)s m along the overlay; "
                "distances to %(line)s; area enclosed between the two lines.",
                "%(n)s features from %(file)s, sampled every %(step)s m along the overlay; "
                "distances to %(line)s; area enclosed between the two lines.", n)
                % {"n": n, "file": parsed.name, "step": f"{overlay.SAMPLE_STEP_M:g}",
                   "line": options[target]})
    return overlay_layer(parsed, lang=lang)
