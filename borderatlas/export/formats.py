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
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio
import rispy
from shapely.geometry import mapping

from borderatlas.data.loader import Atlas
from borderatlas.errors import BorderAtlasError
from borderatlas.export.common import AtlasLike, as_atlas, json_bytes, plain
from borderatlas.views.references import bibtex_text, csl_to_ris

__all__ = [
    "FORMATS",
    "UnknownFormatError",
    "export",
    "export_bytes",
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



class UnknownFormatError(BorderAtlasError, ValueError):
    """A format name :func:`export` does not know."""


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
        values = [plain(v) for v in out[column]]
        if any(isinstance(v, list | dict) for v in values):
            out[column] = [
                (json.dumps(v, ensure_ascii=False, sort_keys=True) if as_json
                 else LIST_SEP.join(str(x) for x in v) if isinstance(v, list)
                 else json.dumps(v, ensure_ascii=False, sort_keys=True))
                if isinstance(v, list | dict) else v
                for v in values
            ]
    return out


def events_frame(atlas: AtlasLike) -> pd.DataFrame:
    """The chronicle as a table (one row per event, by date then id; readings as JSON)."""
    data = as_atlas(atlas)
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


def write_gpkg(atlas: AtlasLike, out_dir: Path, *, basemap: bool = False) -> list[Path]:
    """Write one GeoPackage with every layer and the ``events`` table (a non-spatial layer).

    List fields (``sources``, ``countries``, ``section_ids``...) are stored as JSON text. The
    ``areas`` layer mixes polygons and points (areas below the sources' resolution), so its
    geometry type is the generic ``GEOMETRY``.
    """
    data = as_atlas(atlas)
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
        props = plain(row)
        features.append({
            "type": "Feature", "id": str(props["id"]), "properties": props,
            "geometry": {"type": g["type"], "coordinates": _round(g["coordinates"])},
        })
    return {"type": "FeatureCollection", "features": features}


def write_geojson(atlas: AtlasLike, out_dir: Path, *,
                  basemap: bool = False) -> list[Path]:
    """Write ``<layer>.geojson`` for every layer (RFC 7946, full resolution)."""
    data = as_atlas(atlas)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in _layers(data, basemap):
        path = out_dir / f"{name}.geojson"
        path.write_bytes(json_bytes(feature_collection(data.layer(name))))
        written.append(path)
    return written


def _write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a flattened table as UTF-8 CSV (RFC 4180 quoting, LF line ends)."""
    flat = _flat(frame, as_json=False)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(list(flat.columns))
        for row in flat.itertuples(index=False):
            writer.writerow(["" if plain(v) is None else v for v in row])
    return path


def write_csv(atlas: AtlasLike, out_dir: Path) -> list[Path]:
    """Write ``events.csv`` and the attributes of sections, areas and places as CSV.

    Geometry is left out except for places, which get ``lon`` and ``lat`` columns.
    """
    data = as_atlas(atlas)
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


def _bibliography(atlas: AtlasLike) -> list[dict[str, Any]]:
    """CSL-JSON items sorted by id."""
    data = as_atlas(atlas)
    return [data.bibliography[k] for k in sorted(data.bibliography)]


def write_bibtex(atlas: AtlasLike, out_dir: Path) -> list[Path]:
    """Write ``bibliography.bib`` (one entry per bibliography item, keyed by its CSL id)."""
    out = Path(out_dir) / "bibliography.bib"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(bibtex_text(_bibliography(atlas)), encoding="utf-8")
    return [out]


def write_ris(atlas: AtlasLike, out_dir: Path) -> list[Path]:
    """Write ``bibliography.ris`` (one record per bibliography item, ``ID`` = CSL id)."""
    out = Path(out_dir) / "bibliography.ris"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(rispy.dumps(csl_to_ris(_bibliography(atlas))), encoding="utf-8")
    return [out]


def write_csl(atlas: AtlasLike, out_dir: Path) -> list[Path]:
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


def export(atlas: AtlasLike, out_dir: str | Path, formats: Sequence[str], *,
           basemap: bool = False) -> list[Path]:
    """Write the named formats into ``out_dir`` and return every path written.

    Parameters
    ----------
    atlas : BorderAtlas or borderatlas.data.loader.Atlas
        What to export (``borderatlas.open()``).
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
    >>> from borderatlas.export.formats import export
    >>> with tempfile.TemporaryDirectory() as out:
    ...     [p.name for p in export(ba.open(), out, ["csl", "ris"])]
    ['bibliography.csl.json', 'bibliography.ris']
    >>> export(ba.open(), "out", ["shp"])
    Traceback (most recent call last):
    ...
    borderatlas.export.formats.UnknownFormatError: unknown export format 'shp'; allowed: gpkg, geojson, csv, bibtex, ris, csl (or all)
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


def export_bytes(atlas: AtlasLike, fmt: str, *, basemap: bool = False) -> dict[str, bytes]:
    """One format's files as name -> bytes (for download buttons; nothing left on disk).

    Examples
    --------
    >>> import borderatlas as ba
    >>> from borderatlas.export.formats import export_bytes
    >>> sorted(export_bytes(ba.open(), "csv"))
    ['areas.csv', 'events.csv', 'places.csv', 'sections.csv']
    """
    with tempfile.TemporaryDirectory() as tmp:
        paths = export(atlas, tmp, [fmt], basemap=basemap)
        return {p.name: p.read_bytes() for p in paths}
