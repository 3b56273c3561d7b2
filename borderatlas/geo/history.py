"""Questions users ask of the chronicle: what happened here, what was its status, where is X."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

from borderatlas.data.loader import Atlas
from borderatlas.dates import end_of, parse_date

Kind = Literal["section", "area"]
NAME_FIELDS = ("name_en", "name_ru", "name_zh", "name_zh_pinyin", "name_ru_latn")


class UnknownFeatureError(KeyError):
    """An id that names no section or area in the loaded data."""

    def __str__(self) -> str:
        """Show the message without KeyError's extra quotes."""
        return str(self.args[0])


@dataclass(frozen=True)
class SearchHit:
    """One gazetteer match: which feature, how it is labelled, which name matched."""

    feature_type: str
    feature_id: str | None
    label: str
    matched: str
    score: int


def _ids(atlas: Atlas, kind: Kind) -> set[str]:
    """Ids of the loaded sections or areas."""
    frame = atlas.sections if kind == "section" else atlas.areas
    return set(frame["id"]) if len(frame) else set()


def _require(atlas: Atlas, kind: Kind, feature_id: str) -> None:
    """Raise a clear error for an id that is not in the data."""
    if kind not in ("section", "area"):
        raise UnknownFeatureError(f"unknown feature kind {kind!r}; expected 'section' or 'area'")
    if feature_id not in _ids(atlas, kind):
        raise UnknownFeatureError(f"unknown {kind} id {feature_id!r}")


def events_for(atlas: Atlas, kind: Kind, feature_id: str) -> list[dict[str, Any]]:
    """Events that concern a section or area, oldest first."""
    _require(atlas, kind, feature_id)
    key = "section_ids" if kind == "section" else "area_ids"
    return [e for e in atlas.events if feature_id in e[key]]


def _rows_at(rows: list[dict[str, Any]], when: dt.date) -> list[dict[str, Any]]:
    """The interval rows in force on a date (``to`` is exclusive)."""
    return [
        row
        for row in rows
        if parse_date(row["from"]) <= when
        and (not row.get("to") or when < parse_date(row["to"]))  # open-ended: in force to the end
    ]


def history_of(atlas: Atlas, kind: Kind, feature_id: str) -> dict[str, Any]:
    """The narrative, timeline, holders and accounts recorded for a feature (may be empty)."""
    _require(atlas, kind, feature_id)
    return atlas.feature_history[f"{kind}s"].get(feature_id, {})


def status_at(
    atlas: Atlas, section_id: str, when: int | dt.date, kind: Kind = "section"
) -> str | None:
    """Status of a section (or area) at the end of a year or on a date; None before any record."""
    rows = _rows_at(history_of(atlas, kind, section_id).get("timeline", []), end_of(when))
    return rows[0]["status"] if rows else None


def holders_at(atlas: Atlas, area_id: str, when: int | dt.date) -> list[str]:
    """Everyone holding part of an area at the end of a year (two after a split island)."""
    rows = _rows_at(history_of(atlas, "area", area_id).get("holders", []), end_of(when))
    return sorted({row["holder"] for row in rows})


def holder_at(atlas: Atlas, area_id: str, when: int | dt.date) -> str | None:
    """Who held an area at the end of a year, ``CHN + RUS`` when divided; None when unrecorded."""
    holders = holders_at(atlas, area_id, when)
    return " + ".join(holders) if holders else None


def normalise(text: str) -> str:
    """Fold case, width and diacritics so 'Heixiazi', 'HEIXIAZI' and 'hēixiāzi' all match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("ё", "е").split())


def _names(entry: dict[str, Any]) -> list[str]:
    """All names of a gazetteer entry or feature, primary first."""
    names = [entry.get(f) for f in NAME_FIELDS]
    return [n for n in [*names, *entry.get("alt_names", [])] if isinstance(n, str) and n]


def search(atlas: Atlas, query: str, limit: int = 20) -> list[SearchHit]:
    """Find features by any of their names in any language; exact beats prefix beats substring."""
    q = normalise(query)
    if not q:
        return []
    best: dict[tuple[str, str | None, str], SearchHit] = {}
    for entry in atlas.gazetteer:
        for name in _names(entry):
            n = normalise(name)
            score = 3 if n == q else 2 if n.startswith(q) else 1 if q in n else 0
            if not score:
                continue
            key = (entry["type"], entry.get("feature_id"), entry["id"])
            if key not in best or best[key].score < score:
                best[key] = SearchHit(
                    entry["type"], entry.get("feature_id"), entry["name_en"], name, score
                )
    hits = sorted(best.values(), key=lambda h: (-h.score, h.label))
    return hits[:limit]
