"""Shareable view state in the URL query: parse leniently (notices, never raise), write minimally.

Query keys: ``feature`` (``section:rus-e-ussuri``), ``year`` (1858–2024), ``compare``
(two version ids or ISO dates: ``1991,2001``, ``1995-03-01,2011``), ``view`` (how Compare
shows them: ``overlay``/``swipe``/``side``), ``layers`` (comma-separated layer tokens),
``basemap`` (``auto``/``vector``/``osm``/``none``; ``auto``, the default, is decided by the browser:
tiles when they load, else the bundled vector basemap).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from borderatlas.dates import parse_when
from borderatlas.views.messages import Gettext, gettext

YEAR_MIN, YEAR_MAX = 1858, 2024  # the chronicle runs to 2024
FEATURE_TYPES = ("section", "area", "place")
BASEMAPS = ("auto", "vector", "osm", "none")  # osm: OpenStreetMap tiles, online only
COMPARE_VIEWS = ("overlay", "swipe", "side")  # both lines on one map; a divider; two maps
MAX_VALUE_LEN = 500


@dataclass(frozen=True)
class ViewState:
    """What a page shows: feature, year, compared versions or dates, view, layers, basemap."""

    feature: tuple[str, str] | None = None
    year: int = YEAR_MAX
    versions: tuple[str, str] = ("1991", "2001")
    layers: frozenset[str] = field(default_factory=frozenset)
    basemap: str = "auto"
    view: str = "overlay"


def _first(value: Any) -> str | None:
    """A query value as one string (the last one when repeated)."""
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    if value is None:
        return None
    return str(value)


def _parse_feature(raw: str, known: Mapping[str, Iterable[str]] | None,
                   notices: list[str], _: Gettext) -> tuple[str, str] | None:
    """``type:id`` -> (type, id) if well formed and known."""
    ftype, sep, fid = raw.partition(":")
    if not sep or ftype not in FEATURE_TYPES or not fid:
        notices.append(_("Ignored feature %(value)s: expected e.g. 'section:rus-e-ussuri'.")
                       % {"value": repr(raw)})
        return None
    if known is not None and fid not in set(known.get(ftype, ())):
        notices.append(_("Ignored feature %(value)s: no %(type)s has that id.")
                       % {"value": repr(raw), "type": ftype})
        return None
    return ftype, fid


def _parse_year(raw: str, default: int, notices: list[str], _: Gettext) -> int:
    """Year within the slider's range, else the default."""
    try:
        year = int(raw.strip())
    except ValueError:
        notices.append(_("Ignored year %(value)s: not a whole number.") % {"value": repr(raw)})
        return default
    if not YEAR_MIN <= year <= YEAR_MAX:
        notices.append(_("Ignored year %(value)s: outside %(min)s–%(max)s.")
                       % {"value": year, "min": YEAR_MIN, "max": YEAR_MAX})
        return default
    return year


def _parse_versions(raw: str, known: Iterable[str] | None, default: tuple[str, str],
                    notices: list[str], _: Gettext) -> tuple[str, str]:
    """Two different ends, each a known version id or an ISO date; else the default pair.

    Dates may be ``1995-03-01``, ``1995-03`` or ``1995`` and are kept as ``YYYY-MM-DD``; a bad
    value gets a notice that names it.
    """
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if len(parts) != 2:
        notices.append(_("Ignored compare %(value)s: expected two versions or dates such as "
                         "'1991,2001' or '1995-03-01,2011-10-01'.") % {"value": repr(raw)})
        return default
    ends: list[str] = []
    for part in parts:
        if known is None and not part[:1].isdigit():
            ends.append(part)
            continue
        try:
            ends.append(parse_when(part, known or ()))
        except ValueError as err:
            hint = (" " + _("(versions: %(list)s)") % {"list": ", ".join(known)}) if known else ""
            notices.append(_("Ignored compare %(value)s: unknown version or bad date — "
                             "%(error)s%(hint)s.") % {"value": repr(raw), "error": err, "hint": hint})
            return default
    if ends[0] == ends[1]:
        notices.append(_("Ignored compare %(value)s: expected two different versions or dates.")
                       % {"value": repr(raw)})
        return default
    return ends[0], ends[1]


def _parse_layers(raw: str, known: Iterable[str] | None, default: frozenset[str],
                  notices: list[str], _: Gettext) -> frozenset[str]:
    """Known layer tokens; unknown ones are dropped with a notice."""
    tokens = [t.strip() for t in raw.split(",") if t.strip()]
    if known is None:
        return frozenset(tokens)
    known_set = set(known)
    bad = [t for t in tokens if t not in known_set]
    if bad:
        notices.append(_("Ignored unknown layer(s): %(list)s.") % {"list": ", ".join(bad)})
    good = frozenset(t for t in tokens if t in known_set)
    if tokens and not good and raw.strip():
        return default
    return good


def parse(params: Mapping[str, Any], defaults: ViewState | None = None, *,
          known_features: Mapping[str, Iterable[str]] | None = None,
          known_versions: Iterable[str] | None = None,
          known_layers: Iterable[str] | None = None,
          lang: str = "en") -> tuple[ViewState, list[str]]:
    """Read a view state from query params; every bad value becomes a notice (in ``lang``)."""
    _ = gettext(lang)
    defaults = defaults or ViewState()
    notices: list[str] = []
    state = defaults
    try:
        items = dict(params.items())
    except Exception:
        return defaults, [_("Could not read the link's parameters; showing the default view.")]
    values: dict[str, str] = {}
    for key, value in items.items():
        text = _first(value)
        if text is None:
            continue
        if len(text) > MAX_VALUE_LEN:
            notices.append(_("Ignored %(key)s: value too long.") % {"key": f"{key!s:.40}"})
            continue
        values[str(key)] = text
    if values.get("feature"):
        parsed = _parse_feature(values["feature"], known_features, notices, _)
        state = replace(state, feature=parsed if parsed is not None else defaults.feature)
    if "year" in values:
        state = replace(state, year=_parse_year(values["year"], defaults.year, notices, _))
    if "compare" in values:
        state = replace(state, versions=_parse_versions(
            values["compare"], known_versions, defaults.versions, notices, _))
    if "layers" in values:
        state = replace(state, layers=_parse_layers(
            values["layers"], known_layers, defaults.layers, notices, _))
    if "view" in values:
        if values["view"] in COMPARE_VIEWS:
            state = replace(state, view=values["view"])
        else:
            choices = ", ".join(COMPARE_VIEWS)
            notices.append(_("Ignored view %(value)s: use one of %(choices)s.")
                           % {"value": repr(values["view"]), "choices": choices})
    if "basemap" in values:
        if values["basemap"] in BASEMAPS:
            state = replace(state, basemap=values["basemap"])
        else:
            choices = ", ".join(BASEMAPS)
            notices.append(_("Ignored basemap %(value)s: use one of %(choices)s.")
                           % {"value": repr(values["basemap"]), "choices": choices})
    return state, notices


def serialise(state: ViewState, defaults: ViewState | None = None) -> dict[str, str]:
    """Query params for a state, leaving out what equals the defaults (short links)."""
    defaults = defaults or ViewState()
    out: dict[str, str] = {}
    if state.feature is not None:
        out["feature"] = f"{state.feature[0]}:{state.feature[1]}"
    if state.year != defaults.year:
        out["year"] = str(state.year)
    if state.versions != defaults.versions:
        out["compare"] = ",".join(state.versions)
    if state.layers != defaults.layers:
        out["layers"] = ",".join(sorted(state.layers))
    if state.basemap != defaults.basemap:
        out["basemap"] = state.basemap
    if state.view != defaults.view:
        out["view"] = state.view
    return out
