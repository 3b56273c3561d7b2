"""Streamlit glue shared by the pages: the only subpackage that imports Streamlit."""

from borderatlas.ui.cache import DETAIL, atlas, ensure_assets, full_atlas, geodata_root
from borderatlas.ui.compare import change_table as compare_change_table
from borderatlas.ui.compare import compare_pickers
from borderatlas.ui.downloads import download_buttons, how_to_cite_html
from borderatlas.ui.lang import current_lang, gettext, language_switch, ngettext
from borderatlas.ui.mapview import RETURNED, base_map, roomy_layout, show_map, view_for, zoom_view
from borderatlas.ui.notices import attribution_caption, problems_notice
from borderatlas.ui.overlay import user_overlay
from borderatlas.ui.share import share_map
from borderatlas.ui.url import (
    known_features,
    layer_groups,
    layer_tokens,
    pair_token,
    read_url_state,
    version_token,
    write_url_state,
)
from borderatlas.ui.widgets import (
    chosen_event,
    events_view,
    layer_sidebar,
    lazy_box,
    search_box,
    sortable_toggle,
    year_input,
)

__all__ = [
    "DETAIL",
    "RETURNED",
    "atlas",
    "attribution_caption",
    "base_map",
    "chosen_event",
    "compare_change_table",
    "compare_pickers",
    "current_lang",
    "download_buttons",
    "ensure_assets",
    "events_view",
    "full_atlas",
    "geodata_root",
    "gettext",
    "how_to_cite_html",
    "known_features",
    "language_switch",
    "layer_groups",
    "layer_sidebar",
    "layer_tokens",
    "lazy_box",
    "ngettext",
    "pair_token",
    "problems_notice",
    "read_url_state",
    "roomy_layout",
    "search_box",
    "share_map",
    "show_map",
    "sortable_toggle",
    "user_overlay",
    "version_token",
    "view_for",
    "write_url_state",
    "year_input",
    "zoom_view",
]
