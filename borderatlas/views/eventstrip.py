"""The Timeline's events as a light HTML strip: one row per type, a dot per event, the year marked.

What the page shows before the reader asks for the interactive (Plotly) chart, which costs a
4.6 MiB script on a first visit. ``st.html`` drops SVG (DOMPurify's HTML profile), so the strip
is positioned HTML; every data string is escaped, and the same events follow as a list (the
strip itself is one image to assistive technology).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from borderatlas.dates import format_when
from borderatlas.style import OKABE_ITO
from borderatlas.views.messages import gettext
from borderatlas.views.text import esc

PALETTE = list(OKABE_ITO.values())
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200)
MAX_TICKS = 8
_CHOSEN = ' class="ba-chosen"'
PAD = 0.02  # of the date range, on each side, so the first and last dots are not cut

STRIP_CSS = """<style>
.ba-strip{display:grid;grid-template-columns:max-content 1fr;column-gap:.6rem;margin:0 0 .5rem;
  font-size:.8rem;line-height:1}
.ba-strip-labels div{height:1.5rem;line-height:1.5rem;text-align:right;white-space:nowrap;
  color:#31333f}
.ba-strip-labels .ba-strip-top{height:1.1rem}
.ba-strip-plot{position:relative;border-left:1px solid #bbb;min-width:12rem}
.ba-strip-top{position:relative;height:1.1rem}
.ba-strip-row{position:relative;height:1.5rem;border-bottom:1px solid #ececec;box-sizing:border-box}
.ba-strip-axis{position:relative;height:1.3rem;color:#555}
.ba-strip-axis span{position:absolute;top:.3rem;transform:translateX(-50%);white-space:nowrap}
.ba-strip-row i{position:absolute;top:50%;width:.7rem;height:.7rem;margin:-.35rem 0 0 -.35rem;
  border-radius:50%;border:1px solid #222;box-sizing:border-box;opacity:.85;background:var(--c)}
.ba-strip-row i.ba-chosen{width:1.1rem;height:1.1rem;margin:-.55rem 0 0 -.55rem;
  border:3px solid #000;opacity:1;z-index:2}
.ba-strip-year{position:absolute;top:0;bottom:1.3rem;border-left:2px dotted #555;z-index:1}
.ba-strip-year span{position:absolute;top:0;left:.2rem;font-weight:600;color:#31333f}
</style>"""
LIST_CSS = """<style>
.ba-strip-list{list-style:none;padding-left:.25rem;font-size:.85rem;margin:0}
.ba-strip-list li{margin:.1rem 0}
.ba-strip-list li::before{content:"";display:inline-block;width:.65rem;height:.65rem;
  border-radius:50%;border:1px solid #222;margin-right:.4rem;background:var(--c)}
.ba-strip-list li.ba-chosen{font-weight:600}
</style>"""


def type_colours(types: Iterable[str]) -> dict[str, str]:
    """Okabe–Ito colours by type, in order of first appearance, cycling (as Plotly assigns them).

    >>> type_colours(["treaty", "clash", "treaty"])
    {'treaty': '#E69F00', 'clash': '#56B4E9'}
    """
    order = list(dict.fromkeys(str(t) for t in types))
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(order)}


def _tick_years(first: int, last: int) -> list[int]:
    """Round years between ``first`` and ``last``, at most MAX_TICKS of them.

    >>> _tick_years(1689, 2024)
    [1700, 1750, 1800, 1850, 1900, 1950, 2000]
    """
    span = max(1, last - first)
    step = next((s for s in TICK_STEPS if span / s <= MAX_TICKS), TICK_STEPS[-1])
    start = -(-first // step) * step
    return list(range(start, last + 1, step))


def strip_html(frame: pd.DataFrame, year: int, lang: str = "en", chosen: str | None = None) -> str:
    """The events of ``frame`` (:func:`tables.event_points`) as a strip (the list: :func:`list_html`).

    Rows are event types, dots are events at their date (hover: date, type and title; st.html's
    DOMPurify drops a title holding ``</script``, which the list still shows as text), the
    dotted line is the end of ``year`` and ``chosen`` (an event id) is ringed. Colours come from
    :func:`type_colours`, as on the interactive chart; the row gives the type without colour.
    """
    if frame.empty:
        return ""
    _ = gettext(lang)
    events = frame.sort_values("date", kind="stable")
    colours = type_colours(events["type"])
    marker = dt.date(year, 12, 31).toordinal()
    days = [ts.date().toordinal() for ts in events["date"]]
    lo, hi = min([*days, marker]), max([*days, marker])
    pad = max(1.0, (hi - lo) * PAD)
    lo_x, span = lo - pad, (hi - lo) + 2 * pad

    def left(ordinal: float) -> str:
        return f"{(ordinal - lo_x) / span * 100:.2f}%"

    rows = []
    for kind, colour in colours.items():
        dots = "".join(
            f'<i{_CHOSEN if e.id == chosen else ""} style="left:{left(d)}" '
            f'title="{esc(e.when)} · {esc(kind)}: {esc(e.title)}"></i>'
            for e, d in zip(events.itertuples(index=False), days, strict=True) if e.type == kind)
        rows.append(f'<div class="ba-strip-row" style="--c:{colour}">{dots}</div>')
    first_year = dt.date.fromordinal(int(lo)).year
    last_year = dt.date.fromordinal(int(hi)).year
    ticks = "".join(f'<span style="left:{left(dt.date(y, 1, 1).toordinal())}">{y}</span>'
                    for y in _tick_years(first_year, last_year))
    end = esc(format_when(dt.date(year, 12, 31), lang))
    summary = _("Events by date and type, %(first)s–%(last)s; the dotted line is the end of "
                "%(year)s.") % {"first": first_year, "last": last_year, "year": year}
    labels = "".join(f"<div>{esc(kind)}</div>" for kind in colours)
    strip = (f'<figure class="ba-strip" role="img" aria-label="{esc(summary)}">'
             f'<div class="ba-strip-labels" aria-hidden="true"><div class="ba-strip-top"></div>'
             f"{labels}</div>"
             f'<div class="ba-strip-plot"><div class="ba-strip-top"></div>{"".join(rows)}'
             f'<div class="ba-strip-axis">{ticks}</div>'
             f'<div class="ba-strip-year" style="left:{left(marker)}" title="{end}">'
             f"<span>{year}</span></div></div></figure>")
    return STRIP_CSS + strip


def list_heading(count: int, lang: str = "en") -> str:
    """The heading of the events' list: 'All events, by date (99)'."""
    _ = gettext(lang)
    return _("All events, by date (%(n)s)") % {"n": count}


def list_html(frame: pd.DataFrame, lang: str = "en", chosen: str | None = None) -> str:
    """The events of ``frame`` as a list by date, coloured as on the strip, ``chosen`` in bold.

    The strip's text alternative (the strip is one image to assistive technology), which also
    shows the titles DOMPurify drops from the dots' hover text.
    """
    if frame.empty:
        return ""
    events = frame.sort_values("date", kind="stable")
    colours = type_colours(events["type"])
    items = "".join(
        f'<li{_CHOSEN if e.id == chosen else ""} style="--c:{colours[e.type]}">'
        f"<b>{esc(e.when)}</b> · <i>{esc(e.type)}</i> — {esc(e.title)}</li>"
        for e in events.itertuples(index=False))
    return f'{LIST_CSS}<ol class="ba-strip-list" lang="{esc(lang)}">{items}</ol>'
