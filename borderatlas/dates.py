"""One home for date rules: ISO dates of year/month/day precision and who the neighbour was."""

from __future__ import annotations

import datetime as dt

SOVIET_END = "1991-12-26"  # the USSR dissolved; after this the neighbour is its successor state
PRESENT = "9999-12-31"

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
