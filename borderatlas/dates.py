"""One home for date rules: ISO dates of year/month/day precision and who the neighbour was."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Literal

from babel.dates import format_date

SOVIET_END = "1991-12-26"  # the USSR dissolved; after this the neighbour is its successor state
PRESENT = "9999-12-31"
WHEN_MIN, WHEN_MAX = dt.date(1689, 1, 1), dt.date(2099, 12, 31)  # dates a link may compare

When = int | str | dt.date


def parse_date(value: str) -> dt.date:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` to the first day it can mean."""
    parts = value.split("-")
    if len(parts) == 1:
        return dt.date(int(parts[0]), 1, 1)
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 1)
    return dt.date.fromisoformat(value)


def day(value: str | None) -> dt.date | None:
    """Parse an ISO date of any precision to its first day (None stays None)."""
    return parse_date(str(value)) if value else None


def norm_date(value: str | None) -> str:
    """ISO date padded to ``YYYY-MM-DD``; None or 'present' -> far future (sorts last)."""
    if value is None or value == "present":
        return PRESENT
    parts = value.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(p.zfill(2) for p in parts)


def end_of(when: int | dt.date) -> dt.date:
    """A bare year means its last day (the state at the end of that year); a date is itself."""
    return dt.date(when, 12, 31) if isinstance(when, int) else when


def neighbour(pair: str, when: str) -> str:
    """China's neighbour on a section on a date: the USSR before 26 Dec 1991, else the pair's state.

    ``pair`` is a section pair such as ``CHN-RUS-E``; ``when`` an ISO date of any precision.
    """
    if norm_date(when) < SOVIET_END:
        return "SUN"
    return pair.split("-")[1]


def period_end(value: str) -> dt.date:
    """The last day of the period an ISO date of any precision names (``1995`` -> 31 Dec 1995)."""
    first = parse_date(value)
    parts = value.split("-")
    if len(parts) == 1:
        return dt.date(first.year, 12, 31)
    if len(parts) == 2:
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return first


def parse_when(value: str, versions: Iterable[str] = ()) -> str:
    """A compare end: a version id (kept as given) or an ISO date -> ``YYYY-MM-DD``.

    ``1995`` and ``1995-03`` mean their first day (as :func:`parse_date`); a version id wins
    over a year of the same spelling (``1991`` is the 1991 version, dated 16 May 1991).
    Raises ValueError naming the value when it is neither.
    """
    text = value.strip()
    if text in set(versions):
        return text
    if not re.fullmatch(r"\d{4}(-\d{1,2}(-\d{1,2})?)?", text):
        raise ValueError(f"{value!r} is neither a version nor a date like 1995-03-01, 1995-03 or 1995")
    try:
        parsed = parse_date(norm_date(text))
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None
    if not WHEN_MIN <= parsed <= WHEN_MAX:
        raise ValueError(f"{value!r} is outside {WHEN_MIN.year}–{WHEN_MAX.year}")
    return parsed.isoformat()


Precision = Literal["day", "month", "year"]

# Babel (CLDR) patterns per language and precision: "16 May 1991" / "16 мая 1991 г." / "1991年5月16日"
DATE_PATTERNS: dict[str, dict[str, str]] = {
    "en": {"day": "d MMMM y", "month": "MMMM y", "year": "y"},
    "ru": {"day": "d MMMM y 'г'.", "month": "LLLL y 'г'.", "year": "y 'г'."},
    "zh": {"day": "y年M月d日", "month": "y年M月", "year": "y年"},
}
BABEL_LOCALES = {"en": "en", "ru": "ru", "zh": "zh_Hans_CN"}


def precision_of(value: str) -> Precision:
    """The precision an ISO date is written in: ``1991`` year, ``1991-05`` month, else day."""
    parts = str(value).split("-")
    return "year" if len(parts) == 1 else "month" if len(parts) == 2 else "day"


def format_when(value: str | dt.date, lang: str = "en", precision: str | None = None) -> str:
    """An ISO date (or a date) for readers of ``lang``, at its own or the given precision.

    ``precision`` overrides the one the string is written in (an event's ``date_precision``
    saying "month" for ``1991-05-01``). Text that is not a date comes back unchanged.
    """
    if isinstance(value, dt.date):
        d, own = value, "day"
    else:
        try:
            d, own = parse_date(str(value)), precision_of(str(value))
        except ValueError:
            return str(value)
    patterns = DATE_PATTERNS.get(lang, DATE_PATTERNS["en"])
    pattern = patterns.get(precision or own, patterns[own])
    return format_date(d, pattern, locale=BABEL_LOCALES.get(lang, "en"))


def when_label(when: str, labels: Mapping[str, str] | None = None, lang: str = "en") -> str:
    """'2001 treaty' for a version id, '1 March 1995' (in ``lang``) for a date."""
    if labels and when in labels:
        return labels[when]
    return format_when(when, lang)
