"""What a page's light HTML shows in an AppTest: headline figures, plain tables, the events strip."""

from __future__ import annotations

import html
import re
from io import StringIO

import pandas as pd

FIGURE = re.compile(r'<div class="ba-figure-label">(.*?)</div><div class="ba-figure-value">(.*?)</div>')


def html_blocks(at) -> list[str]:
    """Every ``st.html`` body on the page."""
    return [str(h.value) for h in at.html]


def figures(at) -> dict[str, str]:
    """Home's headline figures, label -> value (as shown)."""
    return {html.unescape(label): html.unescape(value)
            for block in html_blocks(at) for label, value in FIGURE.findall(block)}


def light_tables(at) -> list[pd.DataFrame]:
    """The plain HTML tables (``views.htmltable``), as DataFrames of their cell text."""
    return [pd.read_html(StringIO(block), flavor="lxml")[0]
            for block in html_blocks(at) if 'class="ba-table"' in block]


def light_table_links(at) -> list[str]:
    """Every link target in the plain HTML tables."""
    return [html.unescape(href) for block in html_blocks(at) if 'class="ba-table"' in block
            for href in re.findall(r'<a href="([^"]*)"', block)]


def strip(at) -> str | None:
    """The events strip's HTML (None when the page shows none)."""
    return next((b for b in html_blocks(at) if 'class="ba-strip"' in b), None)


def event_list(at) -> str | None:
    """The list of all events' HTML (None until the reader opens it)."""
    return next((b for b in html_blocks(at) if 'class="ba-strip-list"' in b), None)


def pick_event(at, event_id: str):
    """Open the event list (sent only once opened) and choose ``event_id``, as a reader does."""
    at.session_state["tl_event_box"] = True
    at.run()
    return at.selectbox(key="tl_event_list").select(event_id).run()
