"""The map legend as static escaped HTML: section status colours and dash patterns."""

from __future__ import annotations

from collections.abc import Iterable

from borderatlas.style import STATUS_COLOURS, STATUS_DASH, STATUS_LABELS
from borderatlas.views.text import esc


def legend_html(year: int | None = None, statuses: Iterable[str | None] | None = None) -> str:
    """Legend for section status colours and dash patterns (static HTML)."""
    keys = list(statuses) if statuses is not None else [*STATUS_COLOURS]
    items = []
    for key in keys:
        colour = STATUS_COLOURS.get(key, STATUS_COLOURS[None])
        dash = STATUS_DASH.get(key)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        svg = (f'<svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" '
               f'stroke="{colour}" stroke-width="4"{dash_attr}/></svg>')
        items.append(f"<li>{svg} {esc(STATUS_LABELS.get(key, key))}</li>")
    title = f"Section status in {year}" if year is not None else "Section status"
    return (f'<div class="ba-legend"><b>{esc(title)}</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{"".join(items)}</ul></div>')


def compare_legend_html(label_a: str, label_b: str, colours: tuple[str, str, str],
                        dashes: tuple[str | None, str | None]) -> str:
    """Legend for Compare: the first date's line, the second's, and land that changed hands."""
    items = []
    for label, colour, dash in ((label_a, colours[0], dashes[0]), (label_b, colours[1], dashes[1])):
        dash_attr = f' stroke-dasharray="{esc(dash)}"' if dash else ""
        items.append(f'<li><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" '
                     f'stroke="{esc(colour)}" stroke-width="4"{dash_attr}/></svg> {esc(label)}</li>')
    items.append(f'<li><svg width="36" height="10"><rect width="36" height="10" '
                 f'fill="{esc(colours[2])}" fill-opacity="0.5"/></svg> land that changed hands</li>')
    return ('<div class="ba-legend"><b>Compare</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{"".join(items)}</ul></div>')
