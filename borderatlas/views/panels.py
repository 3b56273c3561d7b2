"""History panel for a clicked section or area, as escaped HTML that any page can show.

Everything that comes from the data goes through :func:`esc`; the only unescaped markup is
the fixed structure written here. Testable without Streamlit.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlparse

from borderatlas import config
from borderatlas.style import STATUS_COLOURS, STATUS_LABELS
from borderatlas.views import citation
from borderatlas.views.i18n import block_html, inline_html, status_key
from borderatlas.views.text import esc
from borderatlas.views.viewmodel import COUNTRY_NAMES, events_for, feature_row

PERSPECTIVES = {"CHN": "Chinese account", "SUN/RUS": "Soviet / Russian account",
                "other": "Other account"}


def _safe_url(url: Any) -> str | None:
    """Only http(s) links are rendered; anything else (javascript:, data:) is dropped."""
    if not isinstance(url, str):
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def _authors(item: Mapping[str, Any]) -> str:
    """'Family, G.; Family2, G.' from a CSL-JSON author list."""
    names = []
    for a in item.get("author") or []:
        if isinstance(a, Mapping):
            names.append(", ".join(str(x) for x in (a.get("family"), a.get("given")) if x)
                         or str(a.get("literal", "")))
    return "; ".join(n for n in names if n)


def _year(item: Mapping[str, Any]) -> str:
    """Year from CSL-JSON ``issued``."""
    try:
        return str(item["issued"]["date-parts"][0][0])
    except (KeyError, IndexError, TypeError):
        return "n.d."


def reference_html(key: str, item: Mapping[str, Any] | None) -> str:
    """One bibliography entry (author, year, title, container, link), escaped."""
    if not item:
        return f"<code>{esc(key)}</code> (not in the bibliography)"
    parts = [f"{esc(_authors(item)) or esc(key)} ({esc(_year(item))}).",
             f"<i>{esc(item.get('title'))}</i>."]
    container = item.get("container-title")
    if container:
        parts.append(f"{esc(container)}.")
    url = _safe_url(item.get("URL")) or (
        f"https://doi.org/{item['DOI']}" if isinstance(item.get("DOI"), str) else None)
    if url:
        parts.append(f'<a href="{esc(url)}" target="_blank" rel="noopener">{esc(url)}</a>')
    return f'<span class="ba-ref" id="ref-{esc(key)}">[{esc(key)}] ' + " ".join(parts) + "</span>"


def sources_html(keys: Iterable[str], bibliography: Mapping[str, Mapping[str, Any]]) -> str:
    """A list of references for the given keys (duplicates removed, order kept)."""
    seen = list(dict.fromkeys(k for k in keys if k))
    if not seen:
        return "<p><i>No sources recorded.</i></p>"
    items = "".join(f"<li>{reference_html(k, bibliography.get(k))}</li>" for k in seen)
    return f'<ul class="ba-sources">{items}</ul>'


def _cite(keys: Iterable[str] | None) -> str:
    """Inline citation keys like [tagirova2017; rinna2016]."""
    keys = [k for k in (keys or []) if k]
    return f' <span class="ba-cite">[{esc("; ".join(keys))}]</span>' if keys else ""


def _span(row: Mapping[str, Any]) -> str:
    """'1991-05-16 → 2008-10-14' or '… → now'."""
    return f"{esc(row.get('from') or '?')} → {esc(row.get('to') or 'now')}"


def timeline_html(rows: list[Mapping[str, Any]], atlas: Any = None, lang: str = "en") -> str:
    """Status intervals as a coloured list (labels in ``lang`` where translated)."""
    if not rows:
        return "<p><i>No status timeline recorded.</i></p>"
    items = []
    for row in rows:
        status = row.get("status")
        colour = STATUS_COLOURS.get(status, STATUS_COLOURS[None])
        label = STATUS_LABELS.get(status, str(status))
        shown = (inline_html(atlas, status_key(status), label, lang) if status in STATUS_LABELS
                 else esc(label))
        items.append(f'<li><span style="color:{colour}">■</span> {_span(row)}: '
                     f"<b>{shown}</b></li>")
    return f'<ul class="ba-timeline">{"".join(items)}</ul>'


def holders_html(rows: list[Mapping[str, Any]], base: str = "", atlas: Any = None,
                 lang: str = "en") -> str:
    """Holder intervals with their basis (``base`` is the feature's key, e.g. features/areas/x)."""
    if not rows:
        return ""
    items = "".join(
        f"<li>{_span(r)}: <b>{esc(COUNTRY_NAMES.get(str(r.get('holder')), r.get('holder')))}</b>"
        + (f" — {inline_html(atlas, f'{base}/holders/{i}/basis', r.get('basis'), lang)}"
           if r.get("basis") else "") + "</li>"
        for i, r in enumerate(rows))
    return f'<h4>Held by</h4><ul class="ba-holders">{items}</ul>'


@functools.lru_cache(maxsize=1024)
def _citation(atlas: Any, target: str, base_url: str) -> citation.Citation:
    """A citation, once per atlas, target and base URL (its styles render on first use).

    No access date: panels are rendered once (the static site) and read on many days.
    """
    return citation.cite(atlas, target, base_url, accessed=citation.NO_ACCESS_DATE)


def _version_line(c: citation.Citation) -> str:
    """Permalink and data version, as the last line of a cite block."""
    link = esc(c.permalink)
    return (f'<p class="ba-cite-meta"><small>Permalink: <a href="{link}">{link}</a> · '
            f"data version {esc(c.version)} ({esc(c.date_released)})</small></p>")


def _cite_body(c: citation.Citation) -> str:
    """Chicago and APA as text, BibTeX folded, then permalink and data version (escaped)."""
    return (
        f'<p class="ba-cite-chicago"><b>Chicago:</b> {esc(c.chicago)}</p>'
        f'<p class="ba-cite-apa"><b>APA:</b> {esc(c.apa)}</p>'
        f'<details class="ba-cite-bibtex"><summary>BibTeX</summary><pre>{esc(c.bibtex)}</pre>'
        f"</details>{_version_line(c)}"
    )


def cite_html(atlas: Any, target: str) -> str:
    """"Cite this" for a feature panel or an event: Chicago, APA, BibTeX, permalink, version.

    ``target`` is ``section:ID``, ``area:ID``, ``place:ID`` or ``event:ID``; the permalink's
    base is ``config.base_url()`` (``BORDERATLAS_BASE_URL``). Every rendered string is escaped.
    """
    c = _citation(atlas, target, config.base_url())
    return f'<details class="ba-cite-this"><summary>Cite this</summary>{_cite_body(c)}</details>'


def atlas_cite_html(base_url: str | None = None) -> str:
    """How to cite the atlas as a whole, from CITATION.cff (for the Sources & data page)."""
    c = citation.cite_atlas(base_url or config.base_url(), accessed=citation.NO_ACCESS_DATE)
    return f'<div class="ba-cite-atlas">{_cite_body(c)}</div>'


def event_cite_html(atlas: Any, event: Mapping[str, Any]) -> str:
    """A short "cite this" for one event: its permalink and the data version, folded.

    Short on purpose (no citeproc): a feature panel lists many events and the static site
    stores every panel. The full block (Chicago, APA, BibTeX) is ``cite_html(atlas,
    "event:ID")``, which the Timeline page shows for the event it is on.
    """
    c = _citation(atlas, f"event:{event.get('id')}", config.base_url())
    return ('<details class="ba-cite-this ba-cite-event"><summary>Cite this event</summary>'
            f"{_version_line(c)}</details>")


def event_html(atlas: Any, event: Mapping[str, Any], lang: str = "en") -> str:
    """One dated event with its summary, outcome, competing readings, sources and "cite this"."""
    base = f"events/{event.get('id')}"
    when = esc(event.get("date"))
    if event.get("end_date"):
        when += f"–{esc(event['end_date'])}"
    kind = esc(str(event.get("type", "")).replace("_", " "))
    out = [f'<div class="ba-event" id="event-{esc(event.get("id"))}">'
           f"<b>{when}</b> · <i>{kind}</i> — "
           f"<b>{inline_html(atlas, f'{base}/title_en', event.get('title_en'), lang)}</b>"
           f"<br>{inline_html(atlas, f'{base}/summary_en', event.get('summary_en'), lang)}"
           f"{_cite(event.get('sources'))}"]
    if event.get("outcome"):
        outcome = inline_html(atlas, f"{base}/outcome", event["outcome"], lang)
        out.append(f"<br><small>Outcome: {outcome}</small>")
    readings = event.get("readings") or []
    if event.get("disputed") and readings:
        items = "".join(
            f"<li>{inline_html(atlas, f'{base}/readings/{i}/text', r.get('text'), lang)}"
            f"{_cite(r.get('sources'))}</li>" for i, r in enumerate(readings))
        out.append(f'<br><small>Accounts differ:</small><ul class="ba-readings">{items}</ul>')
    out.append(event_cite_html(atlas, event))
    out.append("</div>")
    return "".join(out)


def accounts_html(accounts: list[Mapping[str, Any]], base: str = "", atlas: Any = None,
                  lang: str = "en") -> str:
    """Competing accounts grouped by topic, each labelled by perspective."""
    if not accounts:
        return ""
    topics: dict[str, list[tuple[int, Mapping[str, Any]]]] = {}
    for i, acc in enumerate(accounts):
        topics.setdefault(str(acc.get("topic") or "General"), []).append((i, acc))
    parts = ["<h4>Competing accounts</h4>"]
    for topic, accs in topics.items():
        items = "".join(
            f"<li><b>{esc(PERSPECTIVES.get(str(a.get('perspective')), a.get('perspective')))}:</b> "
            f"{inline_html(atlas, f'{base}/accounts/{i}/text', a.get('text'), lang)}"
            f"{_cite(a.get('sources'))}</li>" for i, a in accs)
        first, acc0 = accs[0]
        shown = (inline_html(atlas, f"{base}/accounts/{first}/topic", topic, lang)
                 if acc0.get("topic") else esc(topic))
        parts.append(f"<p><i>{shown}</i></p><ul class=\"ba-accounts\">{items}</ul>")
    return "".join(parts)


def _all_keys(row: Mapping[str, Any] | None, entry: Mapping[str, Any],
              events: Sequence[Mapping[str, Any]]) -> list[str]:
    """Every source key cited by the feature, its history and its events."""
    keys: list[str] = list((row or {}).get("sources") or [])
    for acc in entry.get("accounts") or []:
        keys += list(acc.get("sources") or [])
    for ev in events:
        keys += list(ev.get("sources") or [])
        for r in ev.get("readings") or []:
            keys += list(r.get("sources") or [])
    return keys


def panel_html(atlas: Any, feature_type: str, feature_id: str,
               year: int | None = None, lang: str = "en") -> str:
    """Full history panel for a section, area or place (escaped HTML), content text in ``lang``.

    A string with no current translation is shown in English with a visible marker.
    """
    row = feature_row(atlas, feature_type, feature_id)
    if row is None:
        return f"<p>No {esc(feature_type)} with id <code>{esc(feature_id)}</code>.</p>"
    names = [esc(row.get(k)) for k in ("name_en", "name_ru", "name_zh") if row.get(k)]
    head = (f'<div class="ba-panel" data-feature="{esc(feature_type)}:{esc(feature_id)}">'
            f"<h3>{names[0] if names else esc(feature_id)}</h3>"
            f"<p>{' · '.join(names[1:])}</p>")
    kind_key = {"section": "sections", "area": "areas"}.get(feature_type)
    entry = atlas.feature_history.get(kind_key, {}).get(feature_id, {}) if kind_key else {}
    events = events_for(atlas, "section" if feature_type == "section" else "area",
                        feature_id) if kind_key else []
    body = [head]
    facts = []
    if feature_type == "section":
        if row.get("length_km") is not None:
            facts.append(f"{float(row['length_km']):,.1f} km (geodesic)")
        facts.append(esc(row.get("pair")))
    if feature_type == "area":
        for label, key in (("published", "published_area_km2"), ("computed", "computed_area_km2")):
            value = row.get(key)
            if isinstance(value, (int, float)) and value == value:
                facts.append(f"{label} {value:g} km²")
        if row.get("area_note"):
            facts.append(inline_html(atlas, f"areas/{feature_id}/area_note", row["area_note"],
                                     lang))
    if feature_type == "place" and row.get("kind"):
        facts.append(esc(str(row["kind"]).replace("_", " ")))
    if facts:
        body.append(f"<p><small>{' · '.join(facts)}</small></p>")
    base = f"features/{kind_key}/{feature_id}"
    if entry.get("narrative_en"):
        body.append(block_html(atlas, f"{base}/narrative_en", entry["narrative_en"], lang))
    if kind_key:
        body.append("<h4>Status over time</h4>"
                    + timeline_html(entry.get("timeline") or [], atlas, lang))
        body.append(holders_html(entry.get("holders") or [], base, atlas, lang))
        body.append(f"<h4>Events ({len(events)})</h4>")
        body.append("".join(event_html(atlas, e, lang) for e in events)
                    or "<p><i>No events recorded.</i></p>")
        body.append(accounts_html(entry.get("accounts") or [], base, atlas, lang))
    body.append("<h4>Sources</h4>" + sources_html(_all_keys(row, entry, events),
                                                  atlas.bibliography))
    body.append(cite_html(atlas, f"{feature_type}:{feature_id}"))
    if row.get("method") or row.get("geometry_method"):
        acc = row.get("accuracy_m")
        field = "method" if row.get("method") else "geometry_method"
        method_key = f"{'areas' if feature_type == 'area' else feature_type + 's'}/{feature_id}/{field}"
        method = inline_html(atlas, method_key, row.get(field), lang)
        body.append(f"<p><small>Geometry: {method}"
                    + (f", accuracy ≈ {esc(acc)} m" if acc is not None else "")
                    + "</small></p>")
    body.append("</div>")
    return "".join(b for b in body if b)


PANEL_TYPES = {"section": "sections", "area": "areas", "place": "places"}  # type -> atlas frame


def every_panel(atlas: Any, lang: str = "en") -> dict[tuple[str, str], str]:
    """Every feature's panel in ``lang``: they depend on nothing else, so they are built once."""
    return {(ftype, str(fid)): panel_html(atlas, ftype, str(fid), lang=lang)
            for ftype, frame_name in PANEL_TYPES.items()
            for fid in getattr(atlas, frame_name)["id"]}
