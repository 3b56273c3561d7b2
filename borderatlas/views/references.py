"""CSL-JSON references as BibTeX (pybtex) and RIS (rispy): one home for both conversions.

Used by the bibliography exports (:mod:`borderatlas.export.formats`) and by "cite this"
(:mod:`borderatlas.views.citation`). BibTeX text is LaTeX-escaped by pybtex; URLs and DOIs are
written verbatim.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer as BibTeXWriter

__all__ = ["BIBTEX_TYPES", "RIS_TYPES", "BibTeXOut", "bibtex_text", "csl_to_bibtex", "csl_to_ris"]

# CSL type -> BibTeX entry type (anything else: misc)
BIBTEX_TYPES = {
    "article-journal": "article", "article-newspaper": "article", "article-magazine": "article",
    "book": "book", "chapter": "incollection", "paper-conference": "inproceedings",
    "report": "techreport", "thesis": "phdthesis",
}
# CSL type -> RIS type of reference (anything else: GEN)
RIS_TYPES = {
    "article-journal": "JOUR", "article-newspaper": "NEWS", "article-magazine": "MGZN",
    "book": "BOOK", "chapter": "CHAP", "paper-conference": "CPAPER", "report": "RPRT",
    "webpage": "ELEC", "post-weblog": "BLOG", "legislation": "STAT", "dataset": "DATA",
    "software": "COMP", "entry-encyclopedia": "ENCYC", "document": "GEN", "thesis": "THES",
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _date_parts(item: Mapping[str, Any], key: str) -> list[int]:
    """The first date-parts list of a CSL date variable ([] when missing)."""
    parts = (item.get(key) or {}).get("date-parts") or [[]]
    return [int(p) for p in parts[0] if str(p).lstrip("-").isdigit()]


def _iso_parts(parts: Sequence[int]) -> str:
    """Date parts as an ISO date of their precision."""
    return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))


def _braces(text: str) -> str:
    """Spell out braces when unbalanced (BibTeX cannot hold those); pybtex escapes the rest."""
    if text.count("{") != text.count("}"):
        return text.replace("{", "\x00").replace("}", r"\textbraceright{}").replace(
            "\x00", r"\textbraceleft{}")
    return text


class BibTeXOut(BibTeXWriter):
    """pybtex's BibTeX writer (LaTeX-escapes text), leaving ``url``/``doi`` verbatim."""

    def _write_field(self, stream: Any, type: str, value: str) -> None:
        if type in ("url", "doi"):
            stream.write(f",\n    {type} = {self.quote(value)}")
        else:
            super()._write_field(stream, type, value)


def _person(name: Mapping[str, Any]) -> Person:
    """A CSL name as a pybtex Person; literal (organisation) names are braced whole."""
    if name.get("literal"):
        return Person(last="{" + _braces(str(name["literal"])) + "}")
    return Person(first=_braces(str(name.get("given", ""))),
                  last=_braces(str(name.get("family", ""))))


def csl_to_bibtex(items: Iterable[Mapping[str, Any]]) -> BibliographyData:
    """Convert CSL-JSON items to a pybtex BibliographyData (keys are the CSL ids)."""
    entries: dict[str, Entry] = {}
    for item in items:
        kind = str(item.get("type", ""))
        etype = BIBTEX_TYPES.get(kind, "misc")
        fields: dict[str, str] = {}
        text = {"title": "title", "publisher": "publisher", "publisher-place": "address",
                "volume": "volume", "issue": "number", "page": "pages", "note": "note",
                "language": "language", "version": "version", "genre": "type"}
        for csl, bib in text.items():
            if item.get(csl):
                fields[bib] = _braces(str(item[csl]))
        if item.get("container-title"):
            key = "journal" if etype == "article" else "booktitle" if etype in (
                "incollection", "inproceedings") else "howpublished"
            fields[key] = _braces(str(item["container-title"]))
        if etype == "techreport" and "publisher" in fields:
            fields["institution"] = fields.pop("publisher")
        issued = _date_parts(item, "issued")
        if issued:
            fields["year"] = str(issued[0])
            if len(issued) > 1:
                fields["month"] = MONTHS[issued[1] - 1]
        accessed = _date_parts(item, "accessed")
        if accessed:
            fields["urldate"] = _iso_parts(accessed)
        for csl, bib in (("URL", "url"), ("DOI", "doi")):
            if item.get(csl):
                fields[bib] = str(item[csl])
        persons = {role: [_person(n) for n in item.get(role, []) if isinstance(n, Mapping)]
                   for role in ("author", "editor") if item.get(role)}
        entries[str(item["id"])] = Entry(etype, fields=fields, persons=persons)
    return BibliographyData(entries=entries)


def bibtex_text(items: Iterable[Mapping[str, Any]]) -> str:
    """CSL-JSON items as BibTeX text (one entry per item, keyed by its CSL id)."""
    stream = io.StringIO()
    BibTeXOut(encoding="utf-8").write_stream(csl_to_bibtex(items), stream)
    return stream.getvalue()


def _name(name: Mapping[str, Any]) -> str:
    """A CSL name as RIS writes it: ``Family, Given`` (or the literal)."""
    if name.get("literal"):
        return str(name["literal"])
    return ", ".join(str(p) for p in (name.get("family"), name.get("given")) if p)


def csl_to_ris(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Convert CSL-JSON items to rispy records (``id`` keeps the CSL key)."""
    records = []
    for item in items:
        rec: dict[str, Any] = {
            "type_of_reference": RIS_TYPES.get(str(item.get("type", "")), "GEN"),
            "id": str(item["id"]),
        }
        if item.get("title"):
            rec["title"] = str(item["title"])
        authors = [_name(n) for n in item.get("author", []) if isinstance(n, Mapping)]
        if authors:
            rec["authors"] = authors
        editors = [_name(n) for n in item.get("editor", []) if isinstance(n, Mapping)]
        if editors:
            rec["secondary_authors"] = editors
        if item.get("container-title"):
            key = "journal_name" if rec["type_of_reference"] in (
                "JOUR", "NEWS", "MGZN") else "secondary_title"
            rec[key] = str(item["container-title"])
        issued = _date_parts(item, "issued")
        if issued:
            rec["year"] = str(issued[0])
            rec["date"] = "/".join([str(issued[0]), *(f"{p:02d}" for p in issued[1:])])
        accessed = _date_parts(item, "accessed")
        if accessed:
            rec["access_date"] = _iso_parts(accessed)
        simple = {"publisher": "publisher", "publisher-place": "place_published",
                  "volume": "volume", "issue": "number", "DOI": "doi",
                  "language": "language", "version": "edition"}
        for csl, key in simple.items():
            if item.get(csl):
                rec[key] = str(item[csl])
        if item.get("page"):
            first, _, last = str(item["page"]).partition("-")
            rec["start_page"] = first
            if last:
                rec["end_page"] = last
        if item.get("URL"):
            rec["urls"] = [str(item["URL"])]
        if item.get("note"):
            rec["notes"] = [str(item["note"])]
        records.append(rec)
    return records
