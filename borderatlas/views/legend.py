"""The map legend as static escaped HTML: section status colours and dash patterns."""

from __future__ import annotations

from collections.abc import Iterable

from borderatlas.style import (
    CLAIM_COLOURS,
    OLD_LINE_STYLE,
    SECURITY_ZONE_STYLE,
    STATUS_COLOURS,
    STATUS_DASH,
    STATUS_LABELS,
    crossing_style,
)
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


def _swatch(colour: str, dash: str | None, width: int = 4) -> str:
    """A short line sample for a legend row."""
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" '
            f'stroke="{colour}" stroke-width="{width}"{dash_attr}/></svg>')


def claims_legend_html() -> str:
    """Legend for the claims layer: each side's claim and the old lines (static HTML)."""
    rows = [
        (_swatch(CLAIM_COLOURS["CHN"], "6 6", 3), "Chinese claim: the main channel (schematic, near Khabarovsk)"),
        (_swatch(OLD_LINE_STYLE["color"], OLD_LINE_STYLE["dashArray"], 3),
         "old line before the change; at Khabarovsk also the Soviet/Russian claim (Kazakevicheva channel)"),
    ]
    items = "".join(f"<li>{svg} {esc(text)}</li>" for svg, text in rows)
    return (f'<div class="ba-legend"><b>{esc("Claims by side")}</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{items}</ul>'
            f"<small>{esc('No geometry exists for the Soviet claim to the Chinese bank at Zhenbao; see its panel.')}</small></div>")


def _dot(style: dict[str, str | float]) -> str:
    """A circle sample for a legend row."""
    return (f'<svg width="36" height="12"><circle cx="18" cy="6" r="5" fill="{style["fillColor"]}" '
            f'stroke="{style["color"]}" stroke-width="1.5"/></svg>')


def security_legend_html(year: int) -> str:
    """Legend for the border-security layers: the 100 km zone and crossings open in a year."""
    zone = SECURITY_ZONE_STYLE
    band = (f'<svg width="36" height="12"><rect x="1" y="1" width="34" height="10" fill="{zone["fillColor"]}" '
            f'fill-opacity="0.3" stroke="{zone["color"]}" stroke-dasharray="4 4"/></svg>')
    rows = [(band, "confidence-building zone, 100 km each side (1996 Shanghai, 1997 Moscow agreements)"),
            (_dot(crossing_style(True)), f"crossing open at the end of {year}"),
            (_dot(crossing_style(False)), f"crossing not (yet) open in {year}")]
    items = "".join(f"<li>{svg} {esc(text)}</li>" for svg, text in rows)
    return (f'<div class="ba-legend"><b>{esc("Border security")}</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{items}</ul></div>')


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
