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
        svg = _swatch(colour, STATUS_DASH.get(key))
        label = STATUS_LABELS.get(key, str(key))
        shown = text(atlas, status_key(key), label, lang)[0] if key in STATUS_LABELS else label
        items.append(f"<li>{svg} {esc(shown)}</li>")
    title = (_("Section status in %(year)s") % {"year": year} if year is not None
             else _("Section status"))
    return (f'<div class="ba-legend"><b>{esc(title)}</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{"".join(items)}</ul></div>')


SAMPLE = "display:inline-block;width:36px;vertical-align:middle;margin-right:2px"


def _dashes(colour: str, dash: str | None) -> str:
    """CSS background drawing a line's dash pattern (SVG's ``stroke-dasharray``) left to right."""
    lengths = [float(x) for x in (dash or "").replace(",", " ").split()]
    if not lengths or not any(lengths):
        return f"background:{colour}"
    if len(lengths) % 2:
        lengths *= 2  # SVG repeats an odd list to make it even
    stops, at = [], 0.0
    for i, length in enumerate(lengths):
        paint = colour if i % 2 == 0 else "transparent"
        stops.append(f"{paint} {at:g}px {at + length:g}px")
        at += length
    return f"background:repeating-linear-gradient(to right,{','.join(stops)})"


def _swatch(colour: str, dash: str | None, width: int = 4) -> str:
    """A short line sample for a legend row, in HTML and CSS only.

    Not SVG: ``st.html`` sanitises with DOMPurify, which drops SVG, so the samples were blank
    under the maps; CSS keeps each status's colour and exact dash pattern.
    """
    return (f'<span class="ba-swatch" style="{SAMPLE};height:{width}px;'
            f'{_dashes(esc(colour), esc(dash) if dash else None)}"></span>')


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
    """A circle sample for a legend row (HTML and CSS, see :func:`_swatch`)."""
    return (f'<span class="ba-swatch" style="{SAMPLE};width:10px;height:10px;margin:0 13px;'
            f'border-radius:50%;background:{esc(style["fillColor"])};'
            f'border:1.5px solid {esc(style["color"])};box-sizing:border-box"></span>')


def _area(fill: str, opacity: float, border: str | None = None) -> str:
    """A filled box sample for a legend row (HTML and CSS, see :func:`_swatch`)."""
    edge = f"border:1px dashed {esc(border)};" if border else ""
    return (f'<span class="ba-swatch" style="{SAMPLE};height:10px;box-sizing:border-box;{edge}'
            f'background:color-mix(in srgb,{esc(fill)} {opacity * 100:g}%,transparent)"></span>')


def security_legend_html(year: int, lang: str = "en") -> str:
    """Legend for the border-security layers: the 100 km zone and crossings open in a year."""
    _ = gettext(lang)
    zone = SECURITY_ZONE_STYLE
    band = _area(str(zone["fillColor"]), 0.3, str(zone["color"]))
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
        items.append(f"<li>{_swatch(colour, dash)} {esc(label)}</li>")
    items.append(f"<li>{_area(colours[2], 0.5)} " + esc(_("land that changed hands")) + "</li>")
    title = _("Compare")
    return (f'<div class="ba-legend"><b>{esc(title)}</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{"".join(items)}</ul></div>')
