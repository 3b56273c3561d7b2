"""Notices every page shows: what was left out of the data and why, and the data attribution."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from borderatlas.style import OSM_ATTRIBUTION
from borderatlas.ui.cache import atlas
from borderatlas.ui.lang import current_lang, gettext
from borderatlas.views import notices


def problems_notice() -> None:
    """Tell the reader what was left out of the data and why, instead of hiding it."""
    _ = gettext()
    notice = notices.data_notice(atlas().problems, lang=current_lang())
    if notice is None:
        return
    st.warning(notice.headline, icon=":material/report:")
    with st.expander(_("Data problems (%(n)s)") % {"n": len(notice.rows) + notice.more}):
        st.table(pd.DataFrame(notice.rows, columns=[_(c) for c in notices.COLUMNS]))
        if notice.more:
            st.caption(_("…and %(n)s more; run `python -m borderatlas validate`.")
                       % {"n": notice.more})


def attribution_caption() -> None:
    """The data attribution shown under every map."""
    _ = gettext()
    st.caption(_("Basemap and boundary geometry: %(attribution)s. Other layers: see "
                 "“Sources & data”.") % {"attribution": OSM_ATTRIBUTION})
