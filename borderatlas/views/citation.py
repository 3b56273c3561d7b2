""""Cite this": Chicago and APA references, BibTeX and a permalink for a feature or an event.

The atlas-level facts (title, authors, version, release date) come from ``CITATION.cff``,
parsed with PyYAML; CITATION.cff stays the one source of how to cite the atlas. References
are rendered by citeproc-py with the CSL styles bundled in ``borderatlas/views/citation_styles/``
(Chicago author-date 18th ed. and APA 7th ed., CC-BY-SA 3.0: see the LICENSE.md there).

>>> import borderatlas as ba
>>> from borderatlas.views.citation import cite
>>> c = cite(ba.open(), "section:rus-e-ussuri", "https://atlas.example.org", accessed="2026-12-01")
>>> c.permalink
'https://atlas.example.org/border_map?feature=section:rus-e-ussuri'
>>> print(c.chicago)
The Border Atlas contributors. 2026. “Ussuri (section)”. Version 0.2.0. Border Atlas: An Interactive Map of the Former Sino-Soviet Border and Its Negotiation, 1960–2024, November 26. https://atlas.example.org/border_map?feature=section:rus-e-ussuri.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import yaml
from citeproc import Citation as CiteprocCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from borderatlas.data.loader import Atlas
from borderatlas.dates import parse_date
from borderatlas.errors import BorderAtlasError, UnknownIdError, WrongTypeError
from borderatlas.views.references import bibtex_text
from borderatlas.views.urlstate import YEAR_MAX, YEAR_MIN

__all__ = [
    "STYLES",
    "BadUrlError",
    "Citation",
    "DataVersion",
    "cff_path",
    "cite",
    "cite_atlas",
    "data_version",
    "permalink",
    "render",
]

STYLE_DIR = "citation_styles"
STYLES = {"chicago": "chicago-author-date.csl", "apa": "apa.csl"}
CFF_NAME = "CITATION.cff"
TARGET_KINDS = ("section", "area", "place", "event")
NO_ACCESS_DATE = ""  # pass as ``accessed`` for text rendered once and read on many days
MAP_PAGE, TIMELINE_PAGE = "border_map", "timeline"  # Streamlit URL paths of pages/1_, 3_


class BadUrlError(BorderAtlasError, ValueError):
    """A base URL that is not an absolute http(s) URL."""


@dataclass(frozen=True)
class DataVersion:
    """The atlas-level citation facts read from CITATION.cff."""

    title: str
    version: str
    date_released: str
    authors: tuple[dict[str, str], ...]
    license: str | None = None
    doi: str | None = None


@dataclass(frozen=True)
class Citation:
    """Everything a "cite this" block shows, for one feature, event or the atlas itself."""

    target: str
    title: str
    permalink: str
    version: str
    date_released: str
    accessed: str
    bibtex: str
    csl: dict[str, Any]

    # the styles are rendered on first use: citeproc-py takes about 0.2 s a rendering
    @functools.cached_property
    def chicago(self) -> str:
        """The Chicago author-date reference as plain text."""
        return render(self.csl, "chicago")

    @functools.cached_property
    def apa(self) -> str:
        """The APA reference as plain text."""
        return render(self.csl, "apa")

    @functools.cached_property
    def chicago_html(self) -> str:
        """The Chicago reference as HTML (rendered on first use: citeproc is slow)."""
        return render(self.csl, "chicago", html=True)

    @functools.cached_property
    def apa_html(self) -> str:
        """The APA reference as HTML (rendered on first use)."""
        return render(self.csl, "apa", html=True)


def cff_path(atlas: object | None) -> Path:
    """CITATION.cff beside the data tree's parent, else the packaged copy of the repository's.

    (``borderatlas/views/CITATION.cff`` links to the top-level file in a clone; the wheel
    ships its contents.)
    """
    if atlas is not None:
        candidate = Path(_data(atlas).root).parent / CFF_NAME
        if candidate.is_file():
            return candidate
    return Path(str(resources.files("borderatlas.views").joinpath(CFF_NAME)))


def data_version(path: str | Path | None = None) -> DataVersion:
    """Read title, version, release date and authors from a CITATION.cff file (cached by mtime).

    Examples
    --------
    >>> from borderatlas.views.citation import data_version
    >>> v = data_version()
    >>> v.version, v.date_released
    ('0.2.0', '2026-11-26')
    """
    cff = Path(path) if path is not None else cff_path(None)
    try:
        stamp = cff.stat().st_mtime_ns
    except OSError:
        stamp = -1
    return _read_cff(cff, stamp)


@functools.lru_cache(maxsize=16)
def _read_cff(cff: Path, stamp: int) -> DataVersion:
    """Parse one CITATION.cff (``stamp`` is its mtime, so an edited file is read again)."""
    try:
        raw = yaml.safe_load(cff.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BorderAtlasError(f"cannot read {cff}: {exc}") from exc
    if not isinstance(raw, dict):
        raise BorderAtlasError(f"{cff}: expected a YAML mapping")
    missing = [k for k in ("title", "version", "date-released", "authors") if not raw.get(k)]
    if missing:
        raise BorderAtlasError(f"{cff}: missing {', '.join(missing)}")
    released = raw["date-released"]
    released = released.isoformat() if isinstance(released, dt.date) else str(released)
    authors = tuple({str(k): str(v) for k, v in a.items()} for a in raw["authors"]
                    if isinstance(a, dict))
    return DataVersion(
        title=str(raw["title"]), version=str(raw["version"]), date_released=released,
        authors=authors, license=raw.get("license"), doi=raw.get("doi"),
    )


def _base(base_url: object) -> str:
    """Validate a base URL and drop its trailing slash."""
    if not isinstance(base_url, str):
        raise WrongTypeError(f"base_url must be a string; got {type(base_url).__name__}")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise BadUrlError(
            f"base_url {base_url!r} must be an absolute http(s) URL without query or fragment, "
            "e.g. 'https://atlas.example.org' or 'https://example.org/atlas'"
        )
    return base_url.rstrip("/")


def _split(target: object) -> tuple[str, str]:
    """``kind:id`` -> (kind, id), or raise."""
    if not isinstance(target, str):
        raise WrongTypeError(f"target must be a string such as 'section:rus-e-ussuri'; "
                             f"got {type(target).__name__}")
    kind, sep, fid = target.partition(":")
    if not sep or kind not in TARGET_KINDS or not fid:
        raise UnknownIdError(
            f"target {target!r} must be 'kind:id' with kind one of {', '.join(TARGET_KINDS)}"
        )
    return kind, fid


def permalink(base_url: str, target: str, atlas: object | None = None) -> str:
    """The app URL that opens a feature's panel, or (for an event) its feature in that year.

    Examples
    --------
    >>> from borderatlas.views.citation import permalink
    >>> permalink("https://atlas.example.org/", "area:zhenbao")
    'https://atlas.example.org/border_map?feature=area:zhenbao'
    >>> import borderatlas as ba
    >>> permalink("https://atlas.example.org", "event:handover-2008", ba.open())
    'https://atlas.example.org/border_map?feature=section:rus-e-amur-middle&year=2008'
    """
    base = _base(base_url)
    kind, fid = _split(target)
    if kind != "event":
        return f"{base}/{MAP_PAGE}?feature={kind}:{quote(fid, safe='-_.')}"
    if atlas is None:
        raise WrongTypeError("an event permalink needs the atlas (to find the event's feature)")
    event = _event(_data(atlas), fid)
    year = min(max(parse_date(event["date"]).year, YEAR_MIN), YEAR_MAX)
    if event.get("section_ids") or event.get("area_ids"):
        feature = (f"section:{event['section_ids'][0]}" if event.get("section_ids")
                   else f"area:{event['area_ids'][0]}")
        return f"{base}/{MAP_PAGE}?feature={feature}&year={year}"
    return f"{base}/{TIMELINE_PAGE}?year={year}"


def _data(atlas: object) -> Atlas:
    """The loaded data behind ``borderatlas.open()``'s object (its ``.data``) or a raw Atlas."""
    data = getattr(atlas, "data", atlas)
    if isinstance(data, Atlas):
        return data
    raise WrongTypeError(f"atlas must come from borderatlas.open(); got {type(atlas).__name__}")


def _event(data: Atlas, event_id: str) -> dict[str, Any]:
    for event in data.events:
        if event["id"] == event_id:
            return event
    raise UnknownIdError(f"unknown event id {event_id!r}; e.g. "
                         f"{', '.join(e['id'] for e in data.events[:5])}")


def _feature_title(data: Atlas, kind: str, fid: str) -> str:
    """Title of the cited part: the feature's English name and its id, or the event's title."""
    if kind == "event":
        event = _event(data, fid)
        return f"{event['title_en']} ({event['date']})"
    frame = data.layer(f"{kind}s")
    match = frame[frame["id"] == fid]
    if match.empty:
        known = ", ".join(sorted(frame["id"])[:20])
        raise UnknownIdError(f"unknown {kind} id {fid!r}; known {kind}s: {known}")
    return f"{match.iloc[0]['name_en']} ({kind})"


def _csl_names(authors: tuple[dict[str, str], ...]) -> list[dict[str, str]]:
    """CFF authors as CSL names (``name`` -> literal; family/given names otherwise)."""
    out = []
    for a in authors:
        if a.get("name"):
            out.append({"literal": a["name"]})
        else:
            out.append({k: v for k, v in (("family", a.get("family-names")),
                                         ("given", a.get("given-names"))) if v})
    return out


def _parts(iso: str) -> dict[str, list[list[int]]]:
    """ISO date -> CSL date-parts."""
    return {"date-parts": [[int(p) for p in iso.split("-")]]}


@functools.cache
def _style(name: str) -> CitationStylesStyle:
    """Parse a bundled CSL style once."""
    if name not in STYLES:
        raise UnknownIdError(f"unknown citation style {name!r}; allowed: {', '.join(STYLES)}")
    source = resources.files("borderatlas.views").joinpath(STYLE_DIR, STYLES[name])
    with resources.as_file(source) as path:
        return CitationStylesStyle(str(path), validate=False)


def render(item: Mapping[str, Any], style: str = "chicago", html: bool = False) -> str:
    """Render one CSL-JSON item as a bibliography entry in a bundled style.

    Examples
    --------
    >>> from borderatlas.views.citation import render
    >>> item = {"id": "x", "type": "book", "title": "A title", "issued": {"date-parts": [[2001]]},
    ...         "author": [{"family": "Doe", "given": "Jane"}], "publisher": "P"}
    >>> render(item, "apa")
    'Doe, J. (2001). A title. P.'
    """
    source = CiteProcJSON([dict(item)])
    bib = CitationStylesBibliography(_style(style), source,
                                     formatter.html if html else formatter.plain)
    bib.register(CiteprocCitation([CitationItem(str(item["id"]))]))
    text = str(bib.bibliography()[0])
    return re.sub(r"\s+", " ", text).strip()


def _bibtex(item: Mapping[str, Any]) -> str:
    """One CSL item as a BibTeX entry (pybtex)."""
    return bibtex_text([item]).strip() + "\n"


def _accessed(accessed: str | dt.date | None) -> str:
    """Access date as ISO (today by default; ``""`` leaves it out)."""
    if accessed is None:
        return dt.date.today().isoformat()
    if accessed == NO_ACCESS_DATE:
        return NO_ACCESS_DATE
    if isinstance(accessed, dt.date):
        return accessed.isoformat()
    if isinstance(accessed, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", accessed):
        return dt.date.fromisoformat(accessed).isoformat()
    raise WrongTypeError(f"accessed must be an ISO day 'YYYY-MM-DD' or a date; got {accessed!r}")


def _citation(target: str, title: str | None, link: str, version: DataVersion,
              accessed: str) -> Citation:
    """Assemble the CSL item and render it in every form."""
    key = re.sub(r"[^A-Za-z0-9_-]+", "-", f"borderatlas-{target}").strip("-")
    item: dict[str, Any] = {
        "id": key,
        "author": _csl_names(version.authors),
        "issued": _parts(version.date_released),
        "version": version.version,
        "URL": link,
    }
    if accessed:
        item["accessed"] = _parts(accessed)
    if title is None:
        item.update({"type": "dataset", "title": version.title})
    else:
        item.update({"type": "webpage", "title": title, "container-title": version.title})
    if version.doi:
        item["DOI"] = version.doi
    return Citation(
        target=target, title=title or version.title, permalink=link, version=version.version,
        date_released=version.date_released, accessed=accessed,
        bibtex=_bibtex(item), csl=item,
    )


def cite(atlas: object, target: str, base_url: str, *,
         accessed: str | dt.date | None = None, cff: str | Path | None = None) -> Citation:
    """How to cite one feature panel or event of the atlas.

    Parameters
    ----------
    atlas : BorderAtlas
        From :func:`borderatlas.open`.
    target : str
        ``section:ID``, ``area:ID``, ``place:ID`` or ``event:ID``.
    base_url : str
        Where the app is served, e.g. ``https://atlas.example.org``.
    accessed : str or datetime.date, optional
        Access date (today by default; ``NO_ACCESS_DATE``, the empty string, leaves it out).
    cff : str or pathlib.Path, optional
        The CITATION.cff to read (default: the repository's).

    Returns
    -------
    Citation
        ``chicago``/``apa`` (plain text), ``chicago_html``/``apa_html``, ``bibtex``, the
        ``permalink``, the data ``version``/``date_released`` and the CSL-JSON item.

    Raises
    ------
    UnknownIdError, BadUrlError, WrongTypeError

    Examples
    --------
    >>> import borderatlas as ba
    >>> from borderatlas.views.citation import cite
    >>> c = cite(ba.open(), "event:handover-2008", "https://atlas.example.org",
    ...          accessed="2026-12-01")
    >>> print(c.apa)
    The Border Atlas contributors. (2026, November 26). Handover of Yinlong and western Heixiazi (2008-10-14). Border Atlas: An Interactive Map of the Former Sino-Soviet Border and Its Negotiation, 1960–2024. https://atlas.example.org/border_map?feature=section:rus-e-amur-middle&year=2008
    >>> print(c.bibtex.splitlines()[0])
    @misc{borderatlas-event-handover-2008,
    """
    data = _data(atlas)
    kind, fid = _split(target)
    title = _feature_title(data, kind, fid)
    link = permalink(base_url, target, data)
    return _citation(target, title, link, data_version(cff or cff_path(data)),
                     _accessed(accessed))


def cite_atlas(base_url: str, *, accessed: str | dt.date | None = None,
               cff: str | Path | None = None) -> Citation:
    """How to cite the atlas as a whole (a dataset), from CITATION.cff.

    Examples
    --------
    >>> from borderatlas.views.citation import cite_atlas
    >>> c = cite_atlas("https://atlas.example.org", accessed="2026-12-01")
    >>> c.version, c.permalink
    ('0.2.0', 'https://atlas.example.org')
    """
    version = data_version(cff)
    return _citation("atlas", None, _base(base_url), version, _accessed(accessed))
