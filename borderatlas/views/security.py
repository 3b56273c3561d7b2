"""Border security as escaped HTML: each zone's width, agreements and provisions, and what has no geometry."""

from __future__ import annotations

from typing import Any

from borderatlas.views.panels import sources_html
from borderatlas.views.text import esc


def _agreement_html(agreement: dict[str, Any]) -> str:
    """One agreement: title, signature date and place, parties, provisions."""
    provisions = "".join(f"<li>{esc(p)}</li>" for p in agreement.get("provisions") or [])
    force = agreement.get("entry_into_force") or "entry into force not found in the sources"
    return (f"<p><b>{esc(agreement.get('title'))}</b> — signed {esc(agreement.get('signed'))}"
            f" at {esc(agreement.get('place') or '?')}; {esc(force)}. "
            f"Parties: {esc(', '.join(agreement.get('parties') or []))}.</p><ul>{provisions}</ul>")


def security_html(atlas: Any) -> str:
    """Every border-security zone in the data, with its sources."""
    parts = ['<div class="ba-panel" data-feature="security">']
    for zone in atlas.security.values():
        parts.append(f"<h4>{esc(zone.get('name_en'))}</h4>")
        if zone.get("width_km_each_side") is not None:
            parts.append(f"<p>Width: {esc(zone['width_km_each_side'])} km on each side of the line; the "
                         "band on the map is a geodesic buffer of the present line computed from that width.</p>")
        if zone.get("concept"):
            parts.append(f"<p>{esc(zone['concept'])}</p>")
        width = zone.get("width") or {}
        if width.get("qualifier"):
            parts.append(f"<p>Width: {esc(width['qualifier'])}.</p>")
        if zone.get("geometry_note"):
            parts.append(f"<p><i>{esc(zone['geometry_note'])}</i></p>")
        parts += [_agreement_html(a) for a in zone.get("agreements") or []]
        for note in zone.get("unverified") or []:
            parts.append(f"<p><small>Not verified: {esc(note)}</small></p>")
        parts.append(sources_html(zone.get("sources") or [], atlas.bibliography))
    parts.append("</div>")
    return "".join(parts)
