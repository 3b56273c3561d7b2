"""Share and take away a page's map: copy the view's link, download the map as one HTML file."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import streamlit as st

from borderatlas.map.assets import own_js_source
from borderatlas.map.standalone import standalone_html
from borderatlas.ui.cache import basemap_whole
from borderatlas.ui.lang import gettext

if TYPE_CHECKING:  # folium is imported by borderatlas.map only
    import folium

_BUTTON_CSS = (
    "<style>.ba-copy-link{font:inherit;font-size:0.875rem;padding:0.25rem 0.75rem;"
    "min-height:2.5rem;border:1px solid rgba(49,51,63,.2);border-radius:0.5rem;background:#fff;"
    "cursor:pointer}.ba-copy-link:hover{border-color:#ff4b4b;color:#ff4b4b}"
    ".ba-copy-note{margin-left:.5rem;font-size:.8rem;color:#555}</style>"
)


def view_link() -> str | None:
    """The address of this view as the server knows it: the page URL and its query string."""
    url = st.context.url
    query = urlencode(st.query_params.to_dict())
    return f"{url}?{query}" if url and query else url


def _copy_button(link: str | None) -> None:
    """A real copy button: the browser copies its own current address (see copy-link.js)."""
    attr = f' data-link="{html.escape(link)}"' if link else ""
    _ = gettext()
    label = html.escape(_("Copy link"))
    st.html(f'{_BUTTON_CSS}<div class="ba-share"><button type="button" class="ba-copy-link"{attr}>'
            f'{label}</button><span class="ba-copy-note" aria-live="polite"></span></div>'
            f"<script>{own_js_source('copy-link.js')}</script>",
            width="content", unsafe_allow_javascript=True)


def share_map(m: folium.Map, groups: Sequence[folium.FeatureGroup], title: str,
              legend_html: str | None = None, *, key: str) -> None:
    """"Copy link" and "Download this map (HTML)" under a page's map.

    ``m`` and ``groups`` are what the page gave ``ui.show_map``; ``legend_html`` (escaped) is
    put on the downloaded map when ``m`` has no legend of its own. The file is built only when
    the reader asks for it (a callable ``data``), in Streamlit's download request.
    """
    _ = gettext()
    link = view_link()
    kept = list(groups)

    def build() -> str:
        doc = basemap_whole()
        return standalone_html(m, kept, f"Border Atlas — {title}", doc, legend_html, link)

    with st.container(horizontal=True, vertical_alignment="center"):
        _copy_button(link)
        st.download_button(_("Download this map (HTML)"), build, file_name=f"border-atlas-{key}.html",
                           mime="text/html", key=f"{key}_download_map", on_click="ignore",
                           icon=":material/download:",
                           help=_("One HTML file that opens without a server or a network: the "
                                  "layers, legend and credits of this map."))
