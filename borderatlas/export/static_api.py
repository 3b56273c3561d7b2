"""A static, versioned JSON API: files ``export-site`` writes next to the site.

Layout (every path relative to the site root; paths inside ``index.json`` are relative to
``api/v1/``, so the API works under any base URL)::

    api/v1/index.json                  what is here: data version, files, line versions
    api/v1/sections.geojson            present boundary, one feature per section
    api/v1/areas.geojson               disputed / transferred / settlement areas
    api/v1/places.geojson              tripoints, split points, clash sites, crossings, cities
    api/v1/events.json                 {"events": [...]} by date then id
    api/v1/line/<YYYY-MM-DD>.geojson   the whole line on each date of versions.json

GeoJSON is RFC 7946 at full resolution (coordinates rounded to 6 decimals); all JSON is
UTF-8 with sorted keys, so the same data always gives the same bytes. ``v1`` changes only
when a field is removed or changes meaning; new fields and files may be added.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from borderatlas import __version__
from borderatlas.data.datapackage import CURATED_LICENCE, DESCRIPTIONS, LICENCES, SOURCES
from borderatlas.data.datapackage import TITLE as SITE_TITLE
from borderatlas.dates import parse_date, period_end
from borderatlas.export.common import AtlasLike, as_atlas, json_bytes, plain
from borderatlas.export.formats import feature_collection
from borderatlas.views.citation import cff_path, data_version
from borderatlas.views.viewmodel import line_on

__all__ = [
    "API_ROOT", "API_VERSION", "api_files", "datapackage", "datapackage_resources", "line_collection",
]

API_VERSION = "v1"
API_ROOT = f"api/{API_VERSION}"
LAYER_FILES = ("sections", "areas", "places")
LINE_PROPERTIES = ("id", "section_id", "pair", "order", "name_en", "status", "zone_ids",
                   "length_km", "date")
MEDIA = {".geojson": ("geojson", "application/geo+json"), ".json": ("json", "application/json")}


def line_collection(atlas: AtlasLike, version_id: str) -> dict[str, Any]:
    """The line of one version (by its id in versions.json) as an RFC 7946 FeatureCollection.

    Each feature is one section on the version's date with its ``status`` and the
    ``zone_ids`` whose older line applies then.
    """
    data = as_atlas(atlas)
    version = data.versions[version_id]
    # as of the version's date: a year or month means its last day (as ``BorderAtlas.line_at``)
    frame = line_on(data, min(period_end(version["date"]), dt.date.today()))
    collection = feature_collection(frame)
    for feature in collection["features"]:
        props = feature["properties"]
        feature["properties"] = {k: props[k] for k in LINE_PROPERTIES} | {"version": version_id}
    collection["version"] = {
        "id": version_id, "date": version["date"], "day": str(frame["date"].iloc[0]),
        "label_en": version.get("label_en"),
    }
    return collection


def _version_entry(row: Mapping[str, Any], collection: Mapping[str, Any]) -> dict[str, Any]:
    """One versions.json entry for index.json, with the path of its line file."""
    day = collection["version"]["day"]
    return {
        "id": row["id"], "date": row["date"], "label_en": row.get("label_en"),
        "status": row.get("status"), "line": f"line/{day}.geojson",
    }


def api_files(atlas: AtlasLike) -> dict[str, bytes]:
    """Every file of the static API as relative path -> bytes (deterministic, no disk writes).

    Examples
    --------
    >>> import borderatlas as ba
    >>> from borderatlas.export.static_api import api_files
    >>> files = api_files(ba.open())
    >>> sorted(files)[:3]
    ['api/v1/areas.geojson', 'api/v1/events.json', 'api/v1/index.json']
    >>> [p for p in sorted(files) if "/line/" in p]  # doctest: +NORMALIZE_WHITESPACE
    ['api/v1/line/1991-05-16.geojson', 'api/v1/line/2001-07-16.geojson',
     'api/v1/line/2008-10-14.geojson', 'api/v1/line/2011-09-20.geojson']
    """
    data = as_atlas(atlas)
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    for name in LAYER_FILES:
        collection = feature_collection(data.layer(name))
        files[f"{API_ROOT}/{name}.geojson"] = json_bytes(collection)
        counts[f"{name}.geojson"] = len(collection["features"])
    files[f"{API_ROOT}/events.json"] = json_bytes({"events": [plain(e) for e in data.events]})
    counts["events.json"] = len(data.events)
    versions = []
    rows = sorted(data.versions.values(), key=lambda v: (parse_date(v["date"]), v["id"]))
    for row in rows:
        collection = line_collection(data, row["id"])
        entry = _version_entry(row, collection)
        versions.append(entry)
        files[f"{API_ROOT}/{entry['line']}"] = json_bytes(collection)
        counts[entry["line"]] = len(collection["features"])
    cff = data_version(cff_path(data))
    index = {
        "api_version": API_VERSION,
        "title": cff.title,
        "data_version": cff.version,
        "date_released": cff.date_released,
        "files": [
            {
                "path": path.removeprefix(f"{API_ROOT}/"),
                "mediatype": MEDIA[_suffix(path)][1],
                "count": counts[path.removeprefix(f"{API_ROOT}/")],
                "bytes": len(blob),
                "hash": f"sha256:{hashlib.sha256(blob).hexdigest()}",
            }
            for path, blob in sorted(files.items())
        ],
        "versions": versions,
    }
    files[f"{API_ROOT}/index.json"] = json_bytes(index)
    return dict(sorted(files.items()))


def _suffix(path: str) -> str:
    """``.geojson`` or ``.json``."""
    return ".geojson" if path.endswith(".geojson") else ".json"


def _description(path: str) -> str:
    """What one API file holds."""
    name = path.rsplit("/", 1)[-1].split(".")[0]
    if "/line/" in path:
        return f"The whole boundary line on {name}, one feature per section, with its status"
    if name == "index":
        return "Index of the static API: data version, files (count, bytes, hash), line versions"
    return DESCRIPTIONS.get(name, name)


def _licences(path: str, blob: bytes) -> list[str]:
    """Licences of one API file: those its features name, else by kind of file."""
    if "/line/" in path:
        return ["ODbL-1.0", "PDDL-1.0"]  # present line from OSM, older pieces from DCW
    if not path.endswith(".geojson"):
        return [CURATED_LICENCE]
    named = {f["properties"].get("license") for f in json.loads(blob)["features"]}
    return sorted(x for x in named if x in LICENCES) or ["PDDL-1.0"]


def datapackage_resources(files: Mapping[str, bytes]) -> list[dict[str, Any]]:
    """Frictionless Data Package resource entries describing the API files.

    Parameters
    ----------
    files : mapping of str to bytes
        What :func:`api_files` returned (other paths are ignored).

    Examples
    --------
    >>> import borderatlas as ba
    >>> from borderatlas.export.static_api import api_files, datapackage_resources
    >>> res = datapackage_resources(api_files(ba.open()))
    >>> res[0]["name"], res[0]["path"], res[0]["mediatype"]
    ('api-v1-areas', 'api/v1/areas.geojson', 'application/geo+json')
    """
    out = []
    for path in sorted(p for p in files if p.startswith(f"{API_ROOT}/")):
        blob = files[path]
        fmt, media = MEDIA[_suffix(path)]
        stem = path.removesuffix(_suffix(path)).replace("/", "-").replace("_", "-")
        licences = _licences(path, blob)
        out.append({
            "name": stem.lower(),
            "path": path,
            "format": fmt,
            "mediatype": media,
            "encoding": "utf-8",
            "description": _description(path),
            "bytes": len(blob),
            "hash": f"sha256:{hashlib.sha256(blob).hexdigest()}",
            "licenses": [LICENCES[x] for x in licences],
        })
    return out


def datapackage(files: Mapping[str, bytes]) -> dict[str, Any]:
    """The Frictionless descriptor ``export-site`` writes at the site root: the static API.

    Title, licences and sources are those of ``geodata/datapackage.json``; the resources are
    the API files (:func:`datapackage_resources`), so the package describes what is served.
    """
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "border-atlas-api",
        "title": f"{SITE_TITLE} (static JSON API {API_VERSION})",
        "version": __version__,
        "licenses": [LICENCES["ODbL-1.0"], LICENCES[CURATED_LICENCE]],
        "sources": SOURCES,
        "resources": datapackage_resources(files),
    }
