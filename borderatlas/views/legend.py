"""The map legend as static escaped HTML: section status colours and dash patterns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from borderatlas.style import (
    CLAIM_COLOURS,
    OLD_LINE_STYLE,
    SECURITY_ZONE_STYLE,
    STATUS_COLOURS,
    STATUS_DASH,
    STATUS_LABELS,
    crossing_style,
)
from borderatlas.views.i18n import status_key, text
from borderatlas.views.messages import gettext
from borderatlas.views.text import esc


def legend_html(year: int | None = None, statuses: Iterable[str | None] | None = None,
                atlas: Any = None, lang: str = "en") -> str:
    """Legend for section status colours and dash patterns (static HTML) in ``lang``.

    Status labels come from the content catalog (``geodata/i18n``, via ``atlas``), as in the panels.
    """
    _ = gettext(lang)
    keys = list(statuses) if statuses is not None else [*STATUS_COLOURS]
    items = []
    for key in keys:
        colour = STATUS_COLOURS.get(key, STATUS_COLOURS[None])
        dash = STATUS_DASH.get(key)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        svg = (f'<svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" '
               f'stroke="{colour}" stroke-width="4"{dash_attr}/></svg>')
        label = STATUS_LABELS.get(key, str(key))
        shown = text(atlas, status_key(key), label, lang)[0] if key in STATUS_LABELS else label
        items.append(f"<li>{svg} {esc(shown)}</li>")
    title = (_("Section status in %(year)s") % {"year": year} if year is not None
             else _("Section status"))
    return (f'<div class="ba-legend"><b>{esc(title)}</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{"".join(items)}</ul></div>')


def _swatch(colour: str, dash: str | None, width: int = 4) -> str:
    """A short line sample for a legend row."""
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" '
            f'stroke="{colour}" stroke-width="{width}"{dash_attr}/></svg>')


def claims_legend_html(lang: str = "en") -> str:
    """Legend for the claims layer: each side's claim and the old lines (static HTML)."""
    _ = gettext(lang)
    rows = [
        (_swatch(CLAIM_COLOURS["CHN"], "6 6", 3),
         _("Chinese claim: the main channel (schematic, near Khabarovsk)")),
        (_swatch(OLD_LINE_STYLE["color"], OLD_LINE_STYLE["dashArray"], 3),
         _("old line before the change; at Khabarovsk also the Soviet/Russian claim "
           "(Kazakevicheva channel)")),
    ]
    items = "".join(f"<li>{svg} {esc(label)}</li>" for svg, label in rows)
    note = _("No geometry exists for the Soviet claim to the Chinese bank at Zhenbao; see its "
             "panel.")
    title = _("Claims by side")
    return (f'<div class="ba-legend"><b>{esc(title)}</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{items}</ul>'
            f"<small>{esc(note)}</small></div>")


def _dot(style: dict[str, str | float]) -> str:
    """A circle sample for a legend row."""
    return (f'<svg width="36" height="12"><circle cx="18" cy="6" r="5" fill="{style["fillColor"]}" '
            f'stroke="{style["color"]}" stroke-width="1.5"/></svg>')


def security_legend_html(year: int, lang: str = "en") -> str:
    """Legend for the border-security layers: the 100 km zone and crossings open in a year."""
    _ = gettext(lang)
    zone = SECURITY_ZONE_STYLE
    band = (f'<svg width="36" height="12"><rect x="1" y="1" width="34" height="10" fill="{zone["fillColor"]}" '
            f'fill-opacity="0.3" stroke="{zone["color"]}" stroke-dasharray="4 4"/></svg>')
    rows = [(band, _("confidence-building zone, 100 km each side (1996 Shanghai, 1997 Moscow "
                     "agreements)")),
            (_dot(crossing_style(True)), _("crossing open at the end of %(year)s") % {"year": year}),
            (_dot(crossing_style(False)), _("crossing not (yet) open in %(year)s") % {"year": year})]
    items = "".join(f"<li>{svg} {esc(label)}</li>" for svg, label in rows)
    title = _("Border security")
    return (f'<div class="ba-legend"><b>{esc(title)}</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{items}</ul></div>')


def compare_legend_html(label_a: str, label_b: str, colours: tuple[str, str, str],
                        dashes: tuple[str | None, str | None], lang: str = "en") -> str:
    """Legend for Compare: the first date's line, the second's, and land that changed hands."""
    _ = gettext(lang)
    items = []
    for label, colour, dash in ((label_a, colours[0], dashes[0]), (label_b, colours[1], dashes[1])):
        dash_attr = f' stroke-dasharray="{esc(dash)}"' if dash else ""
        items.append(f'<li><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" '
                     f'stroke="{esc(colour)}" stroke-width="4"{dash_attr}/></svg> {esc(label)}</li>')
    items.append(f'<li><svg width="36" height="10"><rect width="36" height="10" '
                 f'fill="{esc(colours[2])}" fill-opacity="0.5"/></svg> '
                 + esc(_("land that changed hands")) + "</li>")
    title = _("Compare")
    return (f'<div class="ba-legend"><b>{esc(title)}</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{"".join(items)}</ul></div>')
