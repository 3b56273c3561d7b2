"""A table as plain escaped HTML: what a page shows before the reader asks for the data grid.

Streamlit's ``st.dataframe`` and ``st.table`` both load its Arrow and grid bundles (1.0–1.7 MiB
on a first visit); ``st.html`` of this table costs nothing the page has not loaded already.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from borderatlas.views.messages import number
from borderatlas.views.text import esc

TABLE_CSS = """<style>
.ba-table-wrap{overflow:auto;max-height:36rem;margin:.25rem 0 1rem;border:1px solid #d6d6d9}
.ba-table{border-collapse:separate;border-spacing:0;font-size:.875rem;line-height:1.35;
  width:max-content;min-width:100%}
.ba-table th,.ba-table td{border:0 solid #d6d6d9;border-width:0 1px 1px 0;padding:.3rem .5rem;
  text-align:left;vertical-align:top;max-width:24rem}
.ba-table th{background:#f0f2f6;font-weight:600;position:sticky;top:0;z-index:1}
.ba-table td.ba-num{text-align:right;white-space:nowrap}
.ba-table td a{white-space:nowrap}
.ba-table tbody tr:nth-child(even){background:#fafafa}
</style>"""


def _blank(value: Any) -> bool:
    """None, NaN and NA show as an empty cell."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or another container: not blank
        return False


def _as_written(value: float) -> int:
    """Decimals a number is written with (``69.173`` -> 3, ``58.0`` -> 0)."""
    written = f"{value:g}"
    return len(written.split(".")[1]) if "." in written and "e" not in written else 0


def _safe_link(url: Any) -> str | None:
    """A relative link within the app, or an http(s) link; anything else is not a link."""
    if not isinstance(url, str) or not url.strip():
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return url.strip()
    if not parsed.scheme and not parsed.netloc and not url.strip().startswith("//"):
        return url.strip()
    return None


def _cell(value: Any, column: str, links: Mapping[str, str], numbers: Mapping[str, int | None],
          lang: str) -> str:
    """One escaped ``<td>``: a link, a number in the reader's format, or text."""
    if _blank(value):
        return "<td></td>"
    if column in links:
        url = _safe_link(value)
        if url is None:
            return f"<td>{esc(value)}</td>"
        return (f'<td><a href="{esc(url)}" target="_blank" rel="noopener noreferrer">'
                f"{esc(links[column])}</a></td>")
    if column in numbers and isinstance(value, (int, float)) and math.isfinite(value):
        digits = numbers[column]
        shown = number(float(value), lang, _as_written(float(value)) if digits is None else digits)
        return f'<td class="ba-num">{esc(shown)}</td>'
    return f"<td>{esc(value)}</td>"


def table_html(frame: pd.DataFrame, *, links: Mapping[str, str] | None = None,
               numbers: Mapping[str, int | None] | None = None, lang: str = "en",
               label: str | None = None) -> str:
    """Every row and column of ``frame`` as an escaped HTML table (headers as they are).

    Parameters
    ----------
    frame
        The table; its column names are the headers (already in the reader's language).
    links
        Column -> link text: the cell holds a URL (relative within the app, or http(s)),
        shown as that text; any other value is shown as text, never as a link.
    numbers
        Column -> decimals (None: as written), formatted with ``lang``'s separators.
    lang
        The reader's language, for numbers.
    label
        An accessible name for the table (``aria-label``).

    Returns
    -------
    str
        ``<style>`` and a scrollable ``<table class="ba-table">``; every value escaped.

    Examples
    --------
    >>> html = table_html(pd.DataFrame({"Place": ["<b>x</b>"], "km²": [1070.44]}),
    ...                   numbers={"km²": 1})
    >>> "&lt;b&gt;x&lt;/b&gt;" in html and '<td class="ba-num">1,070.4</td>' in html
    True
    """
    links, numbers = links or {}, numbers or {}
    columns = [str(c) for c in frame.columns]
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(_cell(v, c, links, numbers, lang) for c, v in zip(columns, row, strict=True))
        + "</tr>" for row in frame.itertuples(index=False, name=None))
    aria = f' aria-label="{esc(label)}"' if label else ""
    return (f'{TABLE_CSS}<div class="ba-table-wrap"><table class="ba-table"{aria}>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")
