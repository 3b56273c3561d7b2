"""Headline figures as escaped HTML: a label, a value and what it counts, side by side.

Home's figures; ``st.metric`` would load ~66 KiB of number-formatting scripts (numbro) on a
first visit for values that are already formatted here, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable

from borderatlas.views.text import esc

FIGURES_CSS = """<style>
.ba-figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:1rem;
  margin:.25rem 0 .75rem}
.ba-figure-label{font-size:.875rem;color:#31333f}
.ba-figure-value{font-size:2.25rem;line-height:1.2;color:#31333f}
.ba-figure-note{font-size:.8rem;color:#6b6d76;line-height:1.35}
</style>"""


def figures_html(figures: Iterable[tuple[str, str, str]]) -> str:
    """``(label, value, note)`` triples as a row of figures; every string is escaped.

    >>> figures_html([("Sections", "14", "5 country pairs")]).count('class="ba-figure"')
    1
    """
    items = "".join(
        f'<div class="ba-figure"><div class="ba-figure-label">{esc(label)}</div>'
        f'<div class="ba-figure-value">{esc(value)}</div>'
        f'<div class="ba-figure-note">{esc(note)}</div></div>'
        for label, value, note in figures)
    return f'{FIGURES_CSS}<div class="ba-figures">{items}</div>'
