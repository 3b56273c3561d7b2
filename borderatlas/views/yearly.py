"""What the map shows year by year, as compact change lists a static page can look up.

The app asks :func:`viewmodel.status_map` / :func:`viewmodel.holder_map` for one year at a
time; a static page cannot run Python, so these helpers ask the same functions for every year
of the slider and keep only the years where something changes. A page then needs only "the
last entry whose year is ≤ the chosen year" — no date rules of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from borderatlas.dates import day
from borderatlas.views import viewmodel
from borderatlas.views.messages import tr
from borderatlas.views.urlstate import YEAR_MAX, YEAR_MIN

V = TypeVar("V")
Run = list[list[Any]]  # [[year, value], ...], years ascending, each value differs from the last


def year_range(atlas: Any) -> tuple[int, int]:
    """First and last year the data speaks of (timeline and holder dates, events)."""
    dates: list[str] = [str(e["date"]) for e in atlas.events if e.get("date")]
    for kind in ("sections", "areas"):
        for entry in atlas.feature_history.get(kind, {}).values():
            for row in [*(entry.get("timeline") or []), *(entry.get("holders") or [])]:
                dates += [str(row[k]) for k in ("from", "to") if row.get(k)]
    years = [d.year for d in map(day, dates) if d is not None]
    return (min(years), max(years)) if years else (YEAR_MIN, YEAR_MAX)


def changes(values: Iterable[tuple[int, V]]) -> Run:
    """``[(1858, a), (1859, a), (1860, b)]`` -> ``[[1858, a], [1860, b]]``."""
    out: Run = []
    for year, value in values:
        if not out or out[-1][1] != value:
            out.append([year, value])
    return out


def runs(atlas: Any, feature_type: str, per_year: Callable[[Any, int], Mapping[str, V]],
         first: int, last: int) -> dict[str, Run]:
    """``{"<type>:<id>": [[year, value], ...]}`` from a per-year map, for every year in range."""
    maps = [(year, per_year(atlas, year)) for year in range(first, last + 1)]
    ids = sorted({fid for _, m in maps for fid in m})
    return {f"{feature_type}:{fid}": changes((year, m.get(fid)) for year, m in maps)
            for fid in ids}


def status_runs(atlas: Any, first: int, last: int) -> dict[str, Run]:
    """Each section's status at the end of every year, by the app's rule."""
    return runs(atlas, "section", viewmodel.status_map, first, last)


def holder_runs(atlas: Any, first: int, last: int) -> dict[str, Run]:
    """Each area's holder at the end of every year, by the app's rule."""
    return runs(atlas, "area", viewmodel.holder_map, first, last)


def value_at(run: Run, year: int) -> Any:
    """The value in force in ``year``: the last entry whose year is ≤ ``year`` (None before)."""
    found = None
    for start, value in run:
        if start > year:
            break
        found = value
    return found


def holder_label(holder: str | None, lang: str = "en") -> str:
    """'China', or 'China + Russia' for a divided area; the code itself when not a country."""
    if holder is None:
        return "?"
    return " + ".join(viewmodel.country_name(h, lang) for h in holder.split(" + "))


def status_line(label: str, year: int | str, lang: str = "en") -> str:
    """The year-dependent line under a section's name (same words as the app's tooltip)."""
    return tr(lang, "Status in %(year)s: %(label)s") % {"year": year, "label": label}


def holder_line(label: str, year: int | str, lang: str = "en") -> str:
    """The year-dependent line under an area's name."""
    return tr(lang, "Held by %(label)s in %(year)s") % {"year": year, "label": label}

