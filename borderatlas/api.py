"""The public Python API of Border Atlas: open the data once, then ask it questions.

Every answer is a pandas ``DataFrame`` or a GeoPandas ``GeoDataFrame`` (EPSG:4326), or a
plain string, so the results go straight into notebooks, plots and GIS tools.

>>> import borderatlas as ba
>>> atlas = ba.open()
>>> atlas.status_at("rus-e-ussuri", "1995-06-01")
'agreed'

Dates
-----
Every date argument accepts an ISO 8601 string of year, month or day precision
(``"1995"``, ``"1995-03"``, ``"1995-03-01"``), a :class:`datetime.date` (or
``datetime.datetime``/``pandas.Timestamp``) or an ``int`` year.

* Questions *as of* a date (:meth:`BorderAtlas.line_at`, :meth:`~BorderAtlas.status_at`,
  :meth:`~BorderAtlas.holder_at`, :meth:`~BorderAtlas.compare`) read a year or a month as
  its **last** day, the state at the end of that period, as the app's year slider does
  (``1995`` is 31 December 1995). A period that contains today is read as today.
* Ranges (:meth:`BorderAtlas.events`) cover whole periods: ``start`` from its first day,
  ``end`` to its last day, both inclusive.
* Dates before the first dated record in the data (:attr:`BorderAtlas.date_range`) or after
  today raise :class:`DateOutOfRangeError`.

Errors
------
Every error raised for bad input is a :class:`BorderAtlasError`; each subclass is also the
built-in exception callers would expect (``KeyError``, ``ValueError`` or ``TypeError``), and
its message names the bad value and what is allowed.
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import pandas as pd

from borderatlas import config
from borderatlas.data.loader import Atlas, load_atlas
from borderatlas.data.problems import Problem
from borderatlas.data.schemas import EVENT_TYPES
from borderatlas.dates import parse_date, period_end
from borderatlas.errors import (
    BadDateError,
    BorderAtlasError,
    DateOutOfRangeError,
    UnknownIdError,
    WrongTypeError,
)
from borderatlas.geo import history
from borderatlas.views import changes
from borderatlas.views.viewmodel import line_on, lineset

__all__ = [
    "BadDateError",
    "BorderAtlas",
    "BorderAtlasError",
    "DateOutOfRangeError",
    "InvalidDataError",
    "UnknownIdError",
    "WrongTypeError",
    "open",
]

DateLike = str | int | dt.date
FeatureKind = Literal["section", "area"]
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DATE_FORMS = "an ISO date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', a datetime.date or an int year"
EVENT_COLUMNS = [
    "id", "date", "day", "date_precision", "end_date", "end_precision", "type", "title_en",
    "summary_en", "participants", "outcome", "section_ids", "area_ids", "sources", "disputed",
]
COMPARE_COLUMNS = [
    "place_type", "place_id", "name_en", "section_id", "zone_id", "direction", "changed",
    "area_km2", "from_holder", "to_holder", "from_status", "to_status", "event_id",
    "event_title", "event_date", "change_date", "sources", "geometry",
]
SEARCH_COLUMNS = ["feature_type", "feature_id", "label", "matched", "score"]


class InvalidDataError(BorderAtlasError):
    """The data tree failed validation; :attr:`problems` lists every problem found."""

    def __init__(self, root: Path, problems: Sequence[Problem]) -> None:
        self.root = root
        self.problems = list(problems)
        shown = "\n".join(f"  {p}" for p in sorted(self.problems, key=Problem.sort_key)[:50])
        more = len(self.problems) - 50
        tail = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(f"{root}: {len(self.problems)} data problem(s):\n{shown}{tail}")


def _choices(values: Iterable[str], limit: int = 20) -> str:
    """A short, sorted list of allowed values for an error message."""
    items = sorted(set(values))
    shown = ", ".join(items[:limit])
    return shown + (f", ... ({len(items)} in all)" if len(items) > limit else "")


def _period(value: object, what: str = "date") -> tuple[dt.date, dt.date]:
    """First and last day of the period a date argument names; raise a named error if bad."""
    if isinstance(value, bool) or not isinstance(value, str | int | dt.date):
        raise WrongTypeError(
            f"{what} must be {DATE_FORMS}; got {value!r} of type {type(value).__name__}"
        )
    if isinstance(value, dt.datetime):
        day = value.date()
        return day, day
    if isinstance(value, dt.date):
        return value, value
    if isinstance(value, int):
        if not 1 <= value <= 9999:
            raise BadDateError(f"{what} year {value!r} is not a year 1..9999; use {DATE_FORMS}")
        return dt.date(value, 1, 1), dt.date(value, 12, 31)
    text = value.strip()
    if not ISO_DATE.match(text):
        raise BadDateError(f"{what} {value!r} is not {DATE_FORMS}")
    try:
        return parse_date(text), period_end(text)
    except ValueError as exc:
        raise BadDateError(f"{what} {value!r} names no real day ({exc}); use {DATE_FORMS}") from None


def _iso(day: dt.date | None) -> str | None:
    """ISO string of a date (None stays None)."""
    return day.isoformat() if day else None


@dataclass(frozen=True)
class DateRange:
    """The span of dates the data answers for: its first dated record through today."""

    first: dt.date
    last: dt.date

    def __str__(self) -> str:
        """Render as ``first..last``."""
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


class BorderAtlas:
    """A validated Border Atlas data tree and the questions it answers.

    Get one with :func:`open`. All frames returned are copies, so changing them never
    changes the atlas.

    Examples
    --------
    >>> import borderatlas as ba
    >>> atlas = ba.open()
    >>> len(atlas.sections())
    14
    >>> str(atlas.date_range.first)
    '1689-09-06'
    """

    def __init__(self, data: Atlas) -> None:
        self.data = data
        """The underlying :class:`borderatlas.data.Atlas` (layers, records, bibliography)."""
        self._lineset = lineset(data)
        firsts = [parse_date(e["date"]) for e in data.events]
        for kind in ("sections", "areas"):
            for entry in data.feature_history.get(kind, {}).values():
                for key in ("timeline", "holders"):
                    firsts += [parse_date(row["from"]) for row in entry.get(key, [])]
        self._first = min(firsts) if firsts else dt.date(1, 1, 1)

    def __repr__(self) -> str:
        """Name the data tree and its size."""
        d = self.data
        return (
            f"<BorderAtlas {d.root}: {len(d.sections)} sections, {len(d.areas)} areas, "
            f"{len(d.places)} places, {len(d.events)} events>"
        )

    # -- dates and ids -------------------------------------------------------------------

    @property
    def date_range(self) -> DateRange:
        """First dated record (event, status or holder) through today.

        Examples
        --------
        >>> import borderatlas as ba
        >>> ba.open().date_range.first.year
        1689
        """
        return DateRange(self._first, dt.date.today())

    def _check_range(self, first: dt.date, last: dt.date, value: object, what: str) -> None:
        """Raise DateOutOfRangeError when a period lies wholly outside the data's span."""
        span = self.date_range
        if last < span.first or first > span.last:
            raise DateOutOfRangeError(
                f"{what} {value!r} is outside the data's range {span} "
                "(first dated record .. today)"
            )

    def _as_of(self, value: object, what: str = "date") -> dt.date:
        """The day an *as of* question is asked for: the last day of the period, at most today."""
        first, last = _period(value, what)
        self._check_range(first, last, value, what)
        return min(last, self.date_range.last)

    def _ids(self, kind: str) -> list[str]:
        """Ids of the loaded sections, areas or places."""
        frame = {"section": self.data.sections, "area": self.data.areas,
                 "place": self.data.places}[kind]
        return [str(i) for i in frame["id"]] if len(frame) else []

    def _feature(self, feature: object, kinds: Sequence[str] = ("section", "area")) -> tuple[str, str]:
        """Resolve ``"section:ID"``, ``"area:ID"`` or a bare id to (kind, id)."""
        if not isinstance(feature, str):
            raise WrongTypeError(
                f"feature must be a string such as 'section:rus-e-ussuri' or 'zhenbao'; "
                f"got {feature!r} of type {type(feature).__name__}"
            )
        kind, sep, fid = feature.partition(":")
        if sep:
            if kind not in kinds:
                raise UnknownIdError(
                    f"unknown feature kind {kind!r} in {feature!r}; allowed: {', '.join(kinds)}"
                )
            if fid not in self._ids(kind):
                raise UnknownIdError(
                    f"unknown {kind} id {fid!r}; known {kind}s: {_choices(self._ids(kind))}"
                )
            return kind, fid
        for kind in kinds:
            if feature in self._ids(kind):
                return kind, feature
        known = [i for k in kinds for i in self._ids(k)]
        raise UnknownIdError(
            f"unknown id {feature!r}; known {' and '.join(k + 's' for k in kinds)}: "
            f"{_choices(known, 40)}"
        )

    # -- layers --------------------------------------------------------------------------

    def sections(self) -> gpd.GeoDataFrame:
        """The present boundary, one row per section in chain order (EPSG:4326).

        Examples
        --------
        >>> import borderatlas as ba
        >>> sections = ba.open().sections()
        >>> sections.crs.to_epsg(), sections.iloc[0]["id"]
        (4326, 'rus-e-argun')
        """
        frame = self.data.sections.sort_values(["order", "id"]).reset_index(drop=True)
        return frame.copy()

    def areas(self) -> gpd.GeoDataFrame:
        """Disputed, transferred and settlement areas (polygons, or points) in EPSG:4326.

        Examples
        --------
        >>> import borderatlas as ba
        >>> areas = ba.open().areas()
        >>> "heixiazi-transfer" in set(areas["id"])
        True
        """
        return self.data.areas.sort_values("id").reset_index(drop=True).copy()

    def places(self) -> gpd.GeoDataFrame:
        """Tripoints, split points, clash sites, crossings and cities (points, EPSG:4326).

        Examples
        --------
        >>> import borderatlas as ba
        >>> places = ba.open().places()
        >>> sorted(set(places["kind"]))[:2]
        ['city', 'clash_site']
        """
        return self.data.places.sort_values("id").reset_index(drop=True).copy()

    def versions(self) -> pd.DataFrame:
        """The named, dated versions of the line (``id``, ``date``, labels, ``status``), by date.

        Examples
        --------
        >>> import borderatlas as ba
        >>> list(ba.open().versions()["id"])
        ['1991', '2001', '2008', 'present']
        """
        rows = sorted(self.data.versions.values(), key=lambda v: (parse_date(v["date"]), v["id"]))
        return pd.DataFrame([dict(v) for v in rows]).reset_index(drop=True)

    # -- questions -----------------------------------------------------------------------

    def line_at(self, when: DateLike) -> gpd.GeoDataFrame:
        """The whole boundary on a date, composed from the present sections and dated zones.

        Parameters
        ----------
        when : str, int or datetime.date
            The date (see the module notes: a year means its last day).

        Returns
        -------
        geopandas.GeoDataFrame
            One row per section in chain order, EPSG:4326: ``id``/``section_id``, ``pair``,
            ``order``, ``name_en``, ``status`` that day (None before any record),
            ``zone_ids`` (zones whose older line is spliced in that day), geodesic
            ``length_km`` of that day's line, ``date`` (the ISO day asked for) and
            ``geometry``.

        Raises
        ------
        BadDateError, DateOutOfRangeError, WrongTypeError

        Examples
        --------
        >>> import borderatlas as ba
        >>> line = ba.open().line_at("1995-06-01")
        >>> line.crs.to_epsg(), len(line)
        (4326, 14)
        >>> row = line.set_index("id").loc["rus-e-amur-middle"]
        >>> row["status"], row["zone_ids"]
        ('agreed', ['heixiazi'])
        >>> ba.open().line_at(2020).set_index("id").loc["rus-e-amur-middle", "zone_ids"]
        []
        """
        return line_on(self.data, self._as_of(when, "when"))

    def status_at(self, feature: str, when: DateLike) -> str | None:
        """Status of a section or area on a date: treaty, disputed, agreed or demarcated.

        Parameters
        ----------
        feature : str
            A section or area id, bare (``"rus-e-ussuri"``) or prefixed
            (``"section:rus-e-ussuri"``, ``"area:zhenbao"``).
        when : str, int or datetime.date
            The date (a year means its last day).

        Returns
        -------
        str or None
            None when the feature has no status recorded for that day.

        Raises
        ------
        UnknownIdError, BadDateError, DateOutOfRangeError, WrongTypeError

        Examples
        --------
        >>> import borderatlas as ba
        >>> atlas = ba.open()
        >>> atlas.status_at("rus-e-ussuri", "1995-06-01")
        'agreed'
        >>> atlas.status_at("section:rus-e-ussuri", 1975)
        'disputed'
        >>> atlas.status_at("rus-e-usuri", 1995)
        Traceback (most recent call last):
        ...
        borderatlas.errors.UnknownIdError: unknown id 'rus-e-usuri'; known sections and areas: ...
        """
        kind, fid = self._feature(feature)
        day = self._as_of(when, "when")
        return history.status_at(self.data, fid, day, kind="section" if kind == "section" else "area")

    def holder_at(self, area: str, when: DateLike) -> str | None:
        """Who held an area on a date (ISO 3166 alpha-3, ``SUN`` for the USSR, or ``disputed``).

        Parameters
        ----------
        area : str
            An area id, bare or as ``"area:ID"``.
        when : str, int or datetime.date
            The date (a year means its last day).

        Returns
        -------
        str or None
            ``"CHN + RUS"`` when the area was divided; None when no holder is recorded.

        Raises
        ------
        UnknownIdError, BadDateError, DateOutOfRangeError, WrongTypeError

        Examples
        --------
        >>> import borderatlas as ba
        >>> atlas = ba.open()
        >>> atlas.holder_at("heixiazi-transfer", "2009-01-01")
        'CHN'
        >>> atlas.holder_at("heixiazi-transfer", "1995")
        'RUS'
        >>> atlas.holder_at("heixiazi-island", 2009)
        'CHN + RUS'
        """
        _, fid = self._feature(area, kinds=("area",))
        return history.holder_at(self.data, fid, self._as_of(when, "when"))

    def events(
        self,
        feature: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        type: str | Iterable[str] | None = None,
    ) -> pd.DataFrame:
        """The chronicle, filtered, one row per event ordered by date then id.

        Parameters
        ----------
        feature : str, optional
            Only events naming this section or area (``"section:ID"``, ``"area:ID"`` or an id).
        start, end : str, int or datetime.date, optional
            Only events overlapping ``[start, end]``; whole periods, both ends inclusive.
        type : str or list of str, optional
            Only events of these types (treaty, agreement, clash, handover, ...).

        Returns
        -------
        pandas.DataFrame
            Columns ``id``, ``date`` (ISO as recorded), ``day`` (its first day, datetime64),
            ``date_precision``, ``end_date``, ``end_precision``, ``type``, ``title_en``,
            ``summary_en``, ``participants``, ``outcome``, ``section_ids``, ``area_ids``,
            ``sources``, ``disputed``.

        Raises
        ------
        UnknownIdError, BadDateError, DateOutOfRangeError, WrongTypeError

        Examples
        --------
        >>> import borderatlas as ba
        >>> ev = ba.open().events(feature="section:rus-e-ussuri", start=1969, end=1969)
        >>> list(ev["id"])[:2]
        ['soviet-buildup-1965', 'zhenbao-clash-1']
        >>> ba.open().events(type="handover")["date"].tolist()
        ['2008-10-14', '2011-09-20']
        """
        rows = list(self.data.events)
        if feature is not None:
            kind, fid = self._feature(feature)
            key = "section_ids" if kind == "section" else "area_ids"
            rows = [e for e in rows if fid in e[key]]
        lo = hi = None
        if start is not None:
            lo, last = _period(start, "start")
            self._check_range(lo, last, start, "start")
        if end is not None:
            first, hi = _period(end, "end")
            self._check_range(first, hi, end, "end")
        if lo and hi and lo > hi:
            raise BadDateError(f"start {start!r} is after end {end!r}")
        if lo or hi:
            rows = [e for e in rows if self._overlaps(e, lo, hi)]
        if type is not None:
            wanted = {type} if isinstance(type, str) else set(type)
            if not all(isinstance(t, str) for t in wanted):
                raise WrongTypeError(f"type must be a string or a list of strings; got {type!r}")
            bad = wanted - set(EVENT_TYPES)
            if bad:
                raise UnknownIdError(
                    f"unknown event type(s) {sorted(bad)!r}; allowed: {', '.join(EVENT_TYPES)}"
                )
            rows = [e for e in rows if e["type"] in wanted]
        rows.sort(key=lambda e: (parse_date(e["date"]), e["id"]))
        frame = pd.DataFrame(
            [{c: e.get(c) for c in EVENT_COLUMNS if c != "day"} for e in rows],
            columns=[c for c in EVENT_COLUMNS if c != "day"],
        )
        frame.insert(2, "day", pd.to_datetime([parse_date(e["date"]) for e in rows]))
        return frame

    @staticmethod
    def _overlaps(event: dict[str, Any], lo: dt.date | None, hi: dt.date | None) -> bool:
        """Whether an event's span (date .. end_date, whole periods) meets ``[lo, hi]``."""
        first, last = _period(event["date"])
        if event.get("end_date"):
            last = _period(event["end_date"])[1]
        return (lo is None or last >= lo) and (hi is None or first <= hi)

    def search(self, query: str, limit: int = 20) -> pd.DataFrame:
        """Find features by any of their names in any language (EN, RU, ZH, pinyin, variants).

        Exact matches beat prefix matches beat substring matches; case, width and diacritics
        are ignored.

        Returns
        -------
        pandas.DataFrame
            ``feature_type`` (section, area, place, river, island, ...), ``feature_id`` (None
            for names without geometry), ``label``, ``matched`` (the name that matched), ``score``.

        Raises
        ------
        WrongTypeError

        Examples
        --------
        >>> import borderatlas as ba
        >>> hits = ba.open().search("珍宝岛")
        >>> hits[hits["feature_type"] == "area"]["feature_id"].tolist()
        ['zhenbao']
        >>> len(ba.open().search("Damansky")) > 0
        True
        """
        if not isinstance(query, str):
            raise WrongTypeError(f"query must be a string; got {query!r} of type {builtins.type(query).__name__}")
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise WrongTypeError(f"limit must be a positive int; got {limit!r}")
        hits = history.search(self.data, query, limit=limit)
        return pd.DataFrame(
            [{c: getattr(h, c) for c in SEARCH_COLUMNS} for h in hits], columns=SEARCH_COLUMNS
        )

    def compare(self, a: DateLike, b: DateLike) -> gpd.GeoDataFrame:
        """Every place whose line, status or holder differs between two dates.

        Parameters
        ----------
        a, b : str, int or datetime.date
            The two dates (a year means its last day). ``from_*`` columns describe ``a``,
            ``to_*`` columns ``b``; either may be the later date.

        Returns
        -------
        geopandas.GeoDataFrame
            EPSG:4326, ordered by ``change_date``, one row per place:

            * ``place_type`` ``zone``: land between the older and newer line of a zone, one
              row per direction (``direction`` ``to_CHN`` / ``from_CHN``), ``changed`` ``line``,
              polygon geometry;
            * ``section``: a section whose status differs (``changed`` ``status``, its line
              on the later date);
            * ``area``: an area whose holder and/or status differ (``changed`` ``holder``,
              ``status`` or ``holder, status``).

            Columns: ``place_id``, ``name_en``, ``section_id``, ``zone_id``, ``direction``,
            ``changed``, ``area_km2`` (geodesic, WGS84; NaN for lines and points),
            ``from_holder``/``to_holder`` (country codes), ``from_status``/``to_status``,
            ``event_id``, ``event_title``, ``event_date`` (the agreement or act that made the
            change, None when the record names none), ``change_date`` (the ISO day the change
            took effect), ``sources`` (bibliography keys), ``geometry``.

        Raises
        ------
        BadDateError, DateOutOfRangeError, WrongTypeError

        Examples
        --------
        >>> import borderatlas as ba
        >>> diff = ba.open().compare("1995-03-01", "2011-10-01")
        >>> zones = diff[diff["place_type"] == "zone"]
        >>> zones[["place_id", "direction", "area_km2"]].head(2).values.tolist()
        [['kaz-tarbagatai', 'to_CHN', 329.9], ['kaz-tarbagatai', 'from_CHN', 71.3]]
        >>> heixiazi = diff[diff["place_id"] == "heixiazi-transfer"].iloc[0]
        >>> heixiazi["changed"], heixiazi["from_holder"], heixiazi["to_holder"]
        ('holder, status', 'RUS', 'CHN')
        >>> len(ba.open().compare(2000, 2000))
        0
        """
        da, db = self._as_of(a, "a"), self._as_of(b, "b")
        early, late = sorted((da, db))
        forward = da <= db
        rows: list[dict[str, Any]] = []
        if early != late:
            rows += changes.line_changes(self.data, early, late, forward)
            rows += changes.record_changes(self.data, da, db, early, late)
        rows.sort(key=lambda r: (r["change_date"], r["place_type"] != "zone",
                                 r["place_type"], r["place_id"], r["direction"] == "from_CHN"))
        return gpd.GeoDataFrame(rows, columns=COMPARE_COLUMNS, geometry="geometry",
                                crs="EPSG:4326")

_CACHE: dict[tuple[str, bool], BorderAtlas] = {}


def open(
    path: str | Path | None = None, *, check_integrity: bool = True, reload: bool = False
) -> BorderAtlas:
    """Open and validate a Border Atlas data tree (the bundled ``geodata/`` by default).

    The tree is read and validated once per process; later calls with the same path return
    the same object (``reload=True`` reads it again).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A ``geodata/`` directory laid out as in ``docs/DATA_MODEL.md``.
    check_integrity : bool, default True
        Also check the files against ``MANIFEST.sha256``.
    reload : bool, default False
        Read and validate the tree again even if it was opened before.

    Returns
    -------
    BorderAtlas

    Raises
    ------
    InvalidDataError
        When the directory is missing or any file, feature or record fails validation;
        ``.problems`` lists every problem (file, feature id, field, message).
    WrongTypeError
        When ``path`` is not a string or path.

    Examples
    --------
    >>> import borderatlas as ba
    >>> atlas = ba.open()
    >>> atlas is ba.open()
    True
    >>> ba.open("/nonexistent/geodata")
    Traceback (most recent call last):
    ...
    borderatlas.api.InvalidDataError: /nonexistent/geodata: 1 data problem(s):
      /nonexistent/geodata: -: -: not a directory (left out)
    """
    if path is not None and not isinstance(path, str | Path):
        raise WrongTypeError(f"path must be a str or pathlib.Path; got {type(path).__name__}")
    root = Path(path) if path is not None else config.geodata_root()
    key = (str(root.resolve()), check_integrity)
    if not reload and key in _CACHE:
        return _CACHE[key]
    if not root.is_dir():
        raise InvalidDataError(root, [Problem(str(root), None, None, "not a directory", True)])
    data = load_atlas(root, check_integrity=check_integrity)
    if data.problems:
        raise InvalidDataError(root, data.problems)
    atlas = BorderAtlas(data)
    _CACHE[key] = atlas
    return atlas
