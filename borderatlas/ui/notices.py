"""Notices every page shows: what was left out of the data and why, and the data attribution."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from borderatlas.style import OSM_ATTRIBUTION
from borderatlas.ui.cache import atlas
from borderatlas.views import notices


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
    st.caption(f"Basemap and boundary geometry: {OSM_ATTRIBUTION}. "
               "Other layers: see “Sources & data”.")
