"""Export the atlas in the formats people load: GeoPackage, GeoJSON, CSV, BibTeX, RIS, CSL-JSON.

Each ``write_*`` function writes into a folder and returns the paths it wrote;
:func:`export` runs several of them by name (the CLI's ``export --format`` entry point).

============  =================================================================================
format        files
============  =================================================================================
``gpkg``      ``border-atlas.gpkg``: layers ``sections``, ``areas``, ``places``,
              ``zone_lines`` (+ ``basemap_countries``, ``basemap_water`` when asked) and the
              non-spatial table ``events``; list fields as JSON text
``geojson``   ``<layer>.geojson`` per layer, RFC 7946, lists kept as JSON arrays
``csv``       ``events.csv``, ``sections.csv``, ``areas.csv``, ``places.csv`` (attributes;
              places with ``lon``/``lat``); list fields joined with ``"; "``
``bibtex``    ``bibliography.bib`` (pybtex; LaTeX specials escaped, URLs verbatim), UTF-8
``ris``       ``bibliography.ris`` (rispy)
``csl``       ``bibliography.csl.json``: the CSL-JSON bibliography as is, sorted by id
============  =================================================================================
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio
import rispy
from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer as BibTeXWriter
from shapely.geometry import mapping

from borderatlas.api import BorderAtlas, BorderAtlasError
from borderatlas.data import Atlas

__all__ = [
    "FORMATS",
    "UnknownFormatError",
    "csl_to_bibtex",
    "csl_to_ris",
    "export",
    "write_bibtex",
    "write_csl",
    "write_csv",
    "write_geojson",
    "write_gpkg",
    "write_ris",
]

GPKG_NAME = "border-atlas.gpkg"
DATA_LAYERS = ("sections", "areas", "places", "zone_lines")
BASEMAP_LAYERS = ("basemap_countries", "basemap_water")
CSV_TABLES = ("events", "sections", "areas", "places")
LIST_SEP = "; "
COORD_DIGITS = 6  # the data model's rounding (about 0.1 m)

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


class UnknownFormatError(BorderAtlasError, ValueError):
    """A format name :func:`export` does not know."""


def _data(atlas: BorderAtlas | Atlas) -> Atlas:
    """The loaded data behind either the public API object or a raw Atlas."""
    return atlas.data if isinstance(atlas, BorderAtlas) else atlas


def _plain(value: Any) -> Any:
    """pandas/numpy values as JSON-ready Python ones (NaN and NA mean missing)."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist"):
        return _plain(value.tolist())
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _sorted(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Chain order for sections, id order otherwise, so output never depends on input order."""
    keys = ["order", "id"] if "order" in frame.columns else ["id"]
    return frame.sort_values(keys).reset_index(drop=True)


def _flat(frame: pd.DataFrame, as_json: bool) -> pd.DataFrame:
    """Turn list/dict cells into text: JSON (GeoPackage) or ``"; "``-joined (CSV)."""
    out = frame.copy()
    for column in out.columns:
        if column == "geometry":
            continue
        values = [_plain(v) for v in out[column]]
        if any(isinstance(v, list | dict) for v in values):
            out[column] = [
                (json.dumps(v, ensure_ascii=False, sort_keys=True) if as_json
                 else LIST_SEP.join(str(x) for x in v) if isinstance(v, list)
                 else json.dumps(v, ensure_ascii=False, sort_keys=True))
                if isinstance(v, list | dict) else v
                for v in values
            ]
    return out


def events_frame(atlas: BorderAtlas | Atlas) -> pd.DataFrame:
    """The chronicle as a table (one row per event, by date then id; readings as JSON)."""
    data = _data(atlas)
    columns = ["id", "date", "date_precision", "end_date", "end_precision", "type", "title_en",
               "summary_en", "participants", "outcome", "section_ids", "area_ids", "sources",
               "disputed", "readings"]
    rows = [{c: e.get(c) for c in columns} for e in data.events]
    frame = pd.DataFrame(rows, columns=columns)
    frame["readings"] = [json.dumps(r or [], ensure_ascii=False, sort_keys=True)
                         for r in frame["readings"]]
    return frame


def _layers(data: Atlas, basemap: bool) -> list[str]:
    return [*DATA_LAYERS, *(BASEMAP_LAYERS if basemap else ())]


def write_gpkg(atlas: BorderAtlas | Atlas, out_dir: Path, *, basemap: bool = False) -> list[Path]:
    """Write one GeoPackage with every layer and the ``events`` table (a non-spatial layer).

    List fields (``sources``, ``countries``, ``section_ids``...) are stored as JSON text. The
    ``areas`` layer mixes polygons and points (areas below the sources' resolution), so its
    geometry type is the generic ``GEOMETRY``.
    """
    data = _data(atlas)
    out = Path(out_dir) / GPKG_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    for name in _layers(data, basemap):
        frame = _flat(_sorted(data.layer(name)), as_json=True)
        pyogrio.write_dataframe(frame, out, layer=name, driver="GPKG")
    pyogrio.write_dataframe(_flat(events_frame(data), as_json=True), out, layer="events",
                            driver="GPKG")
    return [out]


def _round(coords: Any) -> Any:
    """Round nested coordinates to the data model's 6 decimals."""
    if isinstance(coords, int | float):
        return round(float(coords), COORD_DIGITS)
    return [_round(c) for c in coords]


def feature_collection(frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """A layer as an RFC 7946 FeatureCollection at full resolution, every property kept."""
    features = []
    for row in _sorted(frame).to_dict("records"):
        geom = row.pop("geometry", None)
        if geom is None or geom.is_empty:
            continue
        g = mapping(geom)
        props = _plain(row)
        features.append({
            "type": "Feature", "id": str(props["id"]), "properties": props,
            "geometry": {"type": g["type"], "coordinates": _round(g["coordinates"])},
        })
    return {"type": "FeatureCollection", "features": features}


def _json_bytes(obj: Any) -> bytes:
    """Key-sorted, compact UTF-8 JSON ending in a newline (same data, same bytes)."""
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            + "\n").encode("utf-8")


def write_geojson(atlas: BorderAtlas | Atlas, out_dir: Path, *,
                  basemap: bool = False) -> list[Path]:
    """Write ``<layer>.geojson`` for every layer (RFC 7946, full resolution)."""
    data = _data(atlas)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in _layers(data, basemap):
        path = out_dir / f"{name}.geojson"
        path.write_bytes(_json_bytes(feature_collection(data.layer(name))))
        written.append(path)
    return written


def _write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a flattened table as UTF-8 CSV (RFC 4180 quoting, LF line ends)."""
    flat = _flat(frame, as_json=False)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(list(flat.columns))
        for row in flat.itertuples(index=False):
            writer.writerow(["" if _plain(v) is None else v for v in row])
    return path


def write_csv(atlas: BorderAtlas | Atlas, out_dir: Path) -> list[Path]:
    """Write ``events.csv`` and the attributes of sections, areas and places as CSV.

    Geometry is left out except for places, which get ``lon`` and ``lat`` columns.
    """
    data = _data(atlas)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [_write_csv(events_frame(data), out_dir / "events.csv")]
    for name in ("sections", "areas", "places"):
        frame = _sorted(data.layer(name))
        table = pd.DataFrame(frame.drop(columns="geometry"))
        if name == "places":
            table["lon"] = [round(p.x, COORD_DIGITS) for p in frame.geometry]
            table["lat"] = [round(p.y, COORD_DIGITS) for p in frame.geometry]
        written.append(_write_csv(table, out_dir / f"{name}.csv"))
    return written


def _bibliography(atlas: BorderAtlas | Atlas) -> list[dict[str, Any]]:
    """CSL-JSON items sorted by id."""
    data = _data(atlas)
    return [data.bibliography[k] for k in sorted(data.bibliography)]


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


class _Writer(BibTeXWriter):  # type: ignore[misc]
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


def write_bibtex(atlas: BorderAtlas | Atlas, out_dir: Path) -> list[Path]:
    """Write ``bibliography.bib`` (one entry per bibliography item, keyed by its CSL id)."""
    out = Path(out_dir) / "bibliography.bib"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as stream:
        _Writer(encoding="utf-8").write_stream(csl_to_bibtex(_bibliography(atlas)), stream)
    return [out]


def write_ris(atlas: BorderAtlas | Atlas, out_dir: Path) -> list[Path]:
    """Write ``bibliography.ris`` (one record per bibliography item, ``ID`` = CSL id)."""
    out = Path(out_dir) / "bibliography.ris"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(rispy.dumps(csl_to_ris(_bibliography(atlas))), encoding="utf-8")
    return [out]


def write_csl(atlas: BorderAtlas | Atlas, out_dir: Path) -> list[Path]:
    """Write ``bibliography.csl.json``: the CSL-JSON bibliography unchanged, sorted by id."""
    out = Path(out_dir) / "bibliography.csl.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(_bibliography(atlas), ensure_ascii=False, sort_keys=True, indent=2)
    out.write_text(text + "\n", encoding="utf-8")
    return [out]


FORMATS = {
    "gpkg": write_gpkg,
    "geojson": write_geojson,
    "csv": write_csv,
    "bibtex": write_bibtex,
    "ris": write_ris,
    "csl": write_csl,
}


def export(atlas: BorderAtlas | Atlas, out_dir: str | Path, formats: Sequence[str], *,
           basemap: bool = False) -> list[Path]:
    """Write the named formats into ``out_dir`` and return every path written.

    Parameters
    ----------
    atlas : BorderAtlas or borderatlas.data.Atlas
        What to export (``borderatlas.api.open()``).
    out_dir : str or pathlib.Path
        Folder to write into (created if missing); files of the same name are replaced.
    formats : list of str
        Any of ``gpkg``, ``geojson``, ``csv``, ``bibtex``, ``ris``, ``csl``, or ``all``.
    basemap : bool, default False
        Also write the offline basemap layers (GeoPackage and GeoJSON).

    Raises
    ------
    UnknownFormatError
        For a format name not listed above, or an empty list (nothing is written).

    Examples
    --------
    >>> import tempfile, borderatlas.api as ba
    >>> from borderatlas.formats import export
    >>> with tempfile.TemporaryDirectory() as out:
    ...     [p.name for p in export(ba.open(), out, ["csl", "ris"])]
    ['bibliography.csl.json', 'bibliography.ris']
    >>> export(ba.open(), "out", ["shp"])
    Traceback (most recent call last):
    ...
    borderatlas.formats.UnknownFormatError: unknown export format 'shp'; allowed: gpkg, geojson, csv, bibtex, ris, csl (or all)
    """
    if isinstance(formats, str):
        formats = [formats]
    wanted = list(FORMATS) if "all" in formats else list(dict.fromkeys(formats))
    bad = [f for f in wanted if f not in FORMATS]
    if bad or not wanted:
        shown = ", ".join(repr(f) for f in bad) or "(none given)"
        raise UnknownFormatError(
            f"unknown export format {shown}; allowed: {', '.join(FORMATS)} (or all)"
        )
    written: list[Path] = []
    for name in wanted:
        if name in ("gpkg", "geojson"):
            written += FORMATS[name](atlas, Path(out_dir), basemap=basemap)  # type: ignore[call-arg]
        else:
            written += FORMATS[name](atlas, Path(out_dir))
    return written
