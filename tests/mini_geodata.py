"""A tiny, valid geodata tree as Python objects, for tests that break it in one way each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pyproj import Geod

from borderatlas.data.datapackage import write_datapackage
from borderatlas.data.manifest import write_manifest
from borderatlas.data.translations import content_keys, sha1

GEOD = Geod(ellps="WGS84")
NAMES = {"name_en": "X", "name_ru": "Икс", "name_zh": "艾克斯"}


def _feature(props: dict[str, Any], geometry: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": props, "geometry": geometry}


def _fc(*features: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def _line_km(coords: list[list[float]]) -> float:
    lons, lats = zip(*coords, strict=True)
    return round(GEOD.line_length(lons, lats) / 1000, 3)


def _poly_km2(ring: list[list[float]]) -> float:
    lons, lats = zip(*ring, strict=True)
    area, _ = GEOD.polygon_area_perimeter(lons, lats)
    return round(abs(area) / 1e6, 3)


PREFIX = {"ru": "Перевод: ", "zh": "译文："}


def translation_catalogs(files: dict[str, Any]) -> dict[str, Any]:
    """Complete small ru/zh catalogs for the content text of ``files`` (prefix + English)."""
    english = content_keys(files)
    return {
        f"i18n/{lang}.json": {
            "lang": lang,
            "kind": "translation",
            "translator": "test fixture",
            "entries": {k: {"text": prefix + en, "en_sha1": sha1(en)} for k, en in english.items()},
        }
        for lang, prefix in PREFIX.items()
    }


def mini_geodata_files() -> dict[str, Any]:
    """Every geodata file of a two-section, two-area atlas, as Python objects."""
    a_line = [[130.0, 48.0], [130.5, 48.2], [131.0, 48.0]]
    b_line = [[131.0, 48.0], [131.5, 47.5]]
    ring = [[130.4, 48.0], [130.6, 48.0], [130.6, 48.1], [130.4, 48.1], [130.4, 48.0]]
    common = {"sources": ["k1"], "method": "test", "accuracy_m": 10}
    section = {
        "pair": "CHN-RUS-E",
        "countries": ["CHN", "RUS"],
        "name_zh_pinyin": "x",
        "license": "ODbL-1.0",
        **NAMES,
        **common,
    }
    files: dict[str, Any] = {
        "sections.geojson": _fc(
            _feature(
                {
                    "id": "s-a",
                    "order": 0,
                    "length_km": _line_km(a_line),
                    "start_point": "p-1",
                    "end_point": "p-2",
                    **section,
                },
                {"type": "LineString", "coordinates": a_line},
            ),
            _feature(
                {
                    "id": "s-b",
                    "order": 1,
                    "length_km": _line_km(b_line),
                    "start_point": "p-2",
                    "end_point": "p-3",
                    **section,
                },
                {"type": "LineString", "coordinates": b_line},
            ),
        ),
        "zone_lines.geojson": _fc(
            _feature(
                {
                    "id": "z-1-old",
                    "zone_id": "z-1",
                    "kind": "old",
                    "claimant": None,
                    **NAMES,
                    **common,
                },
                {
                    "type": "LineString",
                    "coordinates": [[130.0, 48.0], [130.3, 48.0], [130.5, 48.2]],
                },
            ),
        ),
        "areas.geojson": _fc(
            _feature(
                {
                    "id": "a-1",
                    "kind": "transfer",
                    "zone_id": "z-1",
                    "section_id": "s-a",
                    **NAMES,
                    "published_area_km2": _poly_km2(ring),
                    "published_area_sources": ["k1"],
                    "published_area_note": "test: the figure the source prints",
                    "computed_area_km2": _poly_km2(ring),
                    "geometry_method": "computed",
                    **{k: v for k, v in common.items() if k != "method"},
                },
                {"type": "Polygon", "coordinates": [ring]},
            ),
            _feature(
                {
                    "id": "a-2",
                    "kind": "island",
                    "zone_id": None,
                    "section_id": "s-b",
                    **NAMES,
                    "published_area_km2": 0.74,
                    "published_area_sources": ["k1"],
                    "published_area_note": "test: '0.74 km²'",
                    "computed_area_km2": None,
                    "area_note": "below source resolution",
                    "geometry_method": "sourced point",
                    **{k: v for k, v in common.items() if k != "method"},
                },
                {"type": "Point", "coordinates": [131.2, 47.8]},
            ),
        ),
        "places.geojson": _fc(
            *[
                _feature(
                    {"id": f"p-{i}", "kind": "tripoint", **NAMES, **common},
                    {"type": "Point", "coordinates": xy},
                )
                for i, xy in ((1, [130.0, 48.0]), (2, [131.0, 48.0]), (3, [131.5, 47.5]))
            ]
        ),
        "basemap_countries.geojson": _fc(
            _feature({"id": "chn", "name_en": "China"}, {"type": "Polygon", "coordinates": [ring]}),
        ),
        "basemap_water.geojson": _fc(
            _feature(
                {"id": "amur", "name_en": "Amur"}, {"type": "LineString", "coordinates": a_line}
            ),
        ),
        "crossings.geojson": _fc(
            _feature(
                {"id": "x-1", "kind": "crossing", **NAMES, "section_id": "s-a", "types": ["road"],
                 "opened": "1990-05-01", "closed": None, "closed_periods": [], "sources": ["k1"],
                 "method": "test", "accuracy_m": 10},
                {"type": "Point", "coordinates": [130.5, 48.0]},
            ),
        ),
        "security.json": {"zones": [
            {"id": "zone-1", "kind": "confidence_building", **NAMES, "width_km_each_side": 50,
             "width_sources": ["k1"], "sources": ["k1"],
             "agreements": [{"id": "a-1", "title": "Agreement", "signed": "1996-04-26",
                             "parties": ["A", "B"], "provisions": ["limits"], "sources": ["k1"]}]},
        ]},
        "basemap_rivers.geojson": _fc(
            _feature(
                {"id": "amur-local", "kind": "river", "name_en": "Amur", "label": "Amur",
                 "min_zoom": 10, "max_zoom": None, "sources": ["k1"], "method": "fixture",
                 "license": "CC0-1.0"},
                {"type": "LineString", "coordinates": a_line},
            ),
        ),
        "zones.json": {
            "zones": [
                {
                    "id": "z-1",
                    "section_id": "s-a",
                    **NAMES,
                    "bbox": [130.3, 47.9, 130.7, 48.2],
                    "change_date": "2008-10-14",
                    "change_event": "e-1",
                    "junctions": [[130.0, 48.0], [130.5, 48.2]],
                    "sources": ["k1"],
                }
            ]
        },
        "versions.json": {
            "versions": [
                {
                    "id": "v1",
                    "date": "1991-05-16",
                    "label_en": "1991",
                    "description_en": "d",
                    "sources": ["k1"],
                }
            ]
        },
        "history/events.json": {
            "events": [
                {
                    "id": "e-1",
                    "date": "2008-10-14",
                    "date_precision": "day",
                    "end_date": None,
                    "type": "handover",
                    "title_en": "Handover",
                    "summary_en": "Summary.",
                    "section_ids": ["s-a", "s-b"],
                    "area_ids": ["a-1", "a-2"],
                    "sources": ["k1"],
                    "disputed": False,
                },
            ]
        },
        "history/features.json": {
            "sections": {
                s: {
                    "narrative_en": "N.",
                    "timeline": [
                        {"from": "1860", "to": "1991-05-16", "status": "treaty", "event_id": None},
                        {"from": "1991-05-16", "to": None, "status": "agreed", "event_id": None},
                    ],
                }
                for s in ("s-a", "s-b")
            },
            "areas": {
                a: {
                    "narrative_en": "N.",
                    "timeline": [{"from": "1860", "to": None, "status": "disputed"}],
                    "holders": [
                        {"from": "1860", "to": "2008-10-14", "holder": "RUS"},
                        {"from": "2008-10-14", "to": None, "holder": "CHN"},
                    ],
                }
                for a in ("a-1", "a-2")
            },
        },
        "history/gazetteer.json": {
            "entries": [
                *[
                    {
                        "id": f"g-{f}",
                        "type": t,
                        "feature_id": f,
                        **NAMES,
                        "alt_names": [f"alias {f}"],
                    }
                    for t, f in (
                        ("section", "s-a"),
                        ("section", "s-b"),
                        ("area", "a-1"),
                        ("area", "a-2"),
                        ("place", "p-1"),
                        ("place", "p-2"),
                        ("place", "p-3"),
                    )
                ],
                {
                    "id": "g-amur",
                    "type": "river",
                    "feature_id": None,
                    "name_en": "Amur",
                    "name_ru": "Амур",
                    "name_zh": "黑龙江",
                    "name_zh_pinyin": "Hēilóng Jiāng",
                    "alt_names": ["Heilongjiang"],
                },
            ]
        },
        "bibliography.json": [
            {"id": "k1", "type": "webpage", "title": "A source", "URL": "https://example.org"}
        ],
    }
    return files | translation_catalogs(files)


def write_geodata(root: Path, files: dict[str, Any]) -> Path:
    """Write the given files (objects as JSON, strings verbatim) and a matching manifest."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
    write_datapackage(root)
    write_manifest(root)
    return root
