"""Border security as escaped HTML: each zone's width, agreements and provisions, and what has no geometry."""

from __future__ import annotations

from typing import Any

from borderatlas.dates import format_when
from borderatlas.views.messages import gettext
from borderatlas.views.panels import sources_html
from borderatlas.views.text import esc


def _agreement_html(agreement: dict[str, Any], lang: str = "en") -> str:
    """One agreement: title, signature date and place, parties, provisions."""
    _ = gettext(lang)
    provisions = "".join(f"<li>{esc(p)}</li>" for p in agreement.get("provisions") or [])
    force = agreement.get("entry_into_force")
    force_text = (_("in force from %(date)s") % {"date": format_when(force, lang)} if force
                  else _("entry into force not found in the sources"))
    signed = agreement.get("signed")
    signed_text = _("signed %(date)s at %(place)s") % {
        "date": format_when(signed, lang) if signed else "?", "place": agreement.get("place") or "?"}
    parties = _("Parties: %(parties)s.") % {"parties": ", ".join(agreement.get("parties") or [])}
    return (f"<p><b>{esc(agreement.get('title'))}</b> — {esc(signed_text)}; {esc(force_text)}. "
            f"{esc(parties)}</p><ul>{provisions}</ul>")


def security_html(atlas: Any, lang: str = "en") -> str:
    """Every border-security zone in the data, with its sources."""
    _ = gettext(lang)
    parts = ['<div class="ba-panel" data-feature="security">']
    for zone in atlas.security.values():
        parts.append(f"<h4>{esc(zone.get('name_en'))}</h4>")
        if zone.get("width_km_each_side") is not None:
            width_text = _("Width: %(km)s km on each side of the line; the band on the map is a "
                           "geodesic buffer of the present line computed from that width.") % {
                               "km": zone["width_km_each_side"]}
            parts.append(f"<p>{esc(width_text)}</p>")
        if zone.get("concept"):
            parts.append(f"<p>{esc(zone['concept'])}</p>")
        width = zone.get("width") or {}
        if width.get("qualifier"):
            qualifier = _("Width: %(qualifier)s.") % {"qualifier": width["qualifier"]}
            parts.append(f"<p>{esc(qualifier)}</p>")
        if zone.get("geometry_note"):
            parts.append(f"<p><i>{esc(zone['geometry_note'])}</i></p>")
        parts += [_agreement_html(a, lang) for a in zone.get("agreements") or []]
        for note in zone.get("unverified") or []:
            parts.append("<p><small>" + esc(_("Not verified:")) + f" {esc(note)}</small></p>")
        parts.append(sources_html(zone.get("sources") or [], atlas.bibliography, lang))
    parts.append("</div>")
    return "".join(parts)
