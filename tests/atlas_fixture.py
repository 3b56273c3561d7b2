"""A tiny synthetic geodata tree that follows docs/DATA_MODEL.md and passes the validator, for UI tests.

Geometry is schematic (a few vertices near the real places); names and dates are
illustrative. Nothing here is real research data. Stored lengths and areas are measured from
the geometry, so the tree is valid by construction (``tests/test_fixture.py`` checks it).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mini_geodata import translation_catalogs
from shapely.geometry import shape

from borderatlas.data.datapackage import write_datapackage
from borderatlas.data.manifest import write_manifest
from borderatlas.data.translations import content_keys, sha1
from borderatlas.geodesy import area_km2, length_km

LIC = "ODbL-1.0"
SRC = ["tagirova2017"]


def _fc(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def _feat(props: dict[str, Any], geom_type: str, coords: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {"type": geom_type, "coordinates": coords},
    }


def _section(order: int, sid: str, pair: str, other: str, en: str, ru: str, zh: str,
             coords: list[list[float]]) -> dict[str, Any]:
    return _feat(
        {"id": sid, "pair": pair, "countries": ["CHN", other], "order": order,
         "name_en": en, "name_ru": ru, "name_zh": zh, "name_zh_pinyin": en,
         "length_km": round(length_km(shape({"type": "LineString", "coordinates": coords})), 3),
         "sources": SRC, "method": "fixture",
         "accuracy_m": 50, "license": LIC},
        "LineString", coords,
    )


SECTIONS = [
    _section(2, "rus-e-amur-middle", "CHN-RUS-E", "RUS", "Middle Amur", "Средний Амур",
             "黑龙江中游", [[127.5, 49.7], [131.0, 47.7], [134.3, 48.38], [134.5, 48.42],
                            [134.72, 48.36]]),
    _section(3, "rus-e-ussuri", "CHN-RUS-E", "RUS", "Ussuri", "Уссури", "乌苏里江",
             [[134.72, 48.36], [133.86, 46.49], [133.1, 45.0]]),
    _section(9, "kaz-ili", "CHN-KAZ", "KAZ", "Ili & Khorgos <sector>", "Или", "伊犁",
             [[80.3, 44.2], [80.1, 43.2], [80.2, 42.2]]),
]

ZONE_LINES = [
    _feat({"id": "heixiazi-old", "zone_id": "heixiazi", "kind": "old", "claimant": None,
           "name_en": "1929–2008 line (Kazakevichevo channel)", "name_ru": "Линия 1929–2008",
           "name_zh": "1929–2008年线", "valid_from": "1929", "valid_to": "2008-10-14",
           "sources": SRC, "method": "fixture", "accuracy_m": 500, "license": LIC},
          "LineString", [[134.3, 48.38], [134.5, 48.28], [134.72, 48.36]]),
    _feat({"id": "heixiazi-claim-chn", "zone_id": "heixiazi", "kind": "claim",
           "claimant": "CHN", "name_en": "Chinese claim (main channel)",
           "name_ru": "Притязание КНР", "name_zh": "中方主张线", "valid_from": "1964",
           "valid_to": "2004-10-14", "sources": SRC, "method": "fixture",
           "accuracy_m": 500, "license": LIC},
          "LineString", [[134.3, 48.38], [134.55, 48.5], [134.72, 48.36]]),
    _feat({"id": "kaz-sary-childe-old", "zone_id": "kaz-sary-childe", "kind": "old",
           "claimant": None, "name_en": "Soviet line before 1999", "name_ru": "Линия до 1999",
           "name_zh": "1999年前线", "valid_from": "1884", "valid_to": "1999-11-23",
           "sources": SRC, "method": "fixture", "accuracy_m": 500, "license": LIC},
          "LineString", [[80.1, 43.2], [80.0, 42.7], [80.2, 42.2]]),
]

AREAS = [
    _feat({"id": "heixiazi-transfer", "kind": "transfer", "zone_id": "heixiazi",
           "section_id": "rus-e-amur-middle", "name_en": "Heixiazi transfer",
           "name_ru": "Большой Уссурийский (передача)", "name_zh": "黑瞎子岛移交部分",
           "name_zh_pinyin": "Heixiazi Dao", "published_area_km2": 174.0,
           "published_area_sources": SRC, "published_area_note": "fixture: 'about 174 km²'",
           "computed_area_km2": None, "area_note": "fixture: the polygon includes the channel water", "geometry_method": "fixture",
           "accuracy_m": 500, "sources": SRC, "license": LIC},
          "Polygon", [[[134.3, 48.38], [134.5, 48.28], [134.72, 48.36], [134.5, 48.42],
                       [134.3, 48.38]]]),
    _feat({"id": "zhenbao", "kind": "island", "zone_id": None, "section_id": "rus-e-ussuri",
           "name_en": "Zhenbao / Damansky", "name_ru": "Даманский", "name_zh": "珍宝岛",
           "name_zh_pinyin": "Zhenbao Dao", "published_area_km2": 0.74,
           "published_area_sources": SRC, "published_area_note": "fixture: '0.74 km²'",
           "computed_area_km2": None, "area_note": "Point: below source resolution",
           "geometry_method": "fixture", "accuracy_m": 200, "sources": SRC, "license": LIC},
          "Point", [133.86, 46.49]),
    _feat({"id": "kaz-sary-childe", "kind": "transfer", "zone_id": "kaz-sary-childe",
           "section_id": "kaz-ili", "name_en": "Sary-Childe", "name_ru": "Сары-Чильды",
           "name_zh": "萨雷奇勒迪", "name_zh_pinyin": "Saleiqiledi", "published_area_km2": None,
           "published_area_sources": [], "published_area_note": None,
           "computed_area_km2": None, "area_note": None, "geometry_method": "fixture",
           "accuracy_m": 500, "sources": SRC, "license": LIC},
          "Polygon", [[[80.1, 43.2], [80.0, 42.7], [80.2, 42.2], [80.15, 42.7], [80.1, 43.2]]]),
]

PLACES = [
    _feat({"id": "khabarovsk", "kind": "city", "name_en": "Khabarovsk", "name_ru": "Хабаровск",
           "name_zh": "伯力", "name_zh_pinyin": "Boli", "countries": ["RUS"], "sources": SRC,
           "method": "fixture", "accuracy_m": 1000}, "Point", [135.07, 48.48]),
    _feat({"id": "khorgos", "kind": "crossing", "name_en": "Khorgos", "name_ru": "Хоргос",
           "name_zh": "霍尔果斯", "name_zh_pinyin": "Huoerguosi", "countries": ["CHN", "KAZ"],
           "sources": SRC, "method": "fixture", "accuracy_m": 1000}, "Point", [80.25, 44.2]),
]

BASEMAP_COUNTRIES = [
    _feat({"id": "chn", "name_en": "China"}, "Polygon",
          [[[75, 35], [135, 35], [135, 48.4], [127.5, 49.7], [80, 45], [75, 35]]]),
    _feat({"id": "rus", "name_en": "Russia"}, "Polygon",
          [[[80, 45], [127.5, 49.7], [135, 48.4], [140, 55], [80, 55], [80, 45]]]),
]
BASEMAP_WATER = [
    _feat({"id": "khanka", "name_en": "Lake Khanka"}, "Polygon",
          [[[132.1, 44.6], [132.8, 44.6], [132.8, 45.3], [132.1, 45.3], [132.1, 44.6]]]),
]

ZONES = {"zones": [{
    "id": "heixiazi", "section_id": "rus-e-amur-middle", "name_en": "Heixiazi / Bolshoy Ussuriysky",
    "name_ru": "Большой Уссурийский", "name_zh": "黑瞎子岛", "bbox": [134.2, 48.2, 134.8, 48.55],
    "change_date": "2008-10-14", "change_event": "ev-2008-handover",
    "agreement": "2004 supplementary agreement", "old_status": "Soviet/Russian-held",
    "junctions": [[134.3, 48.38], [134.72, 48.36]], "old_source": "tagirova2017",
    "old_source_note": "fixture", "sources": SRC,
}, {
    "id": "kaz-sary-childe", "section_id": "kaz-ili", "name_en": "Sary-Childe",
    "name_ru": "Сары-Чильды", "name_zh": "萨雷奇勒迪", "bbox": [79.9, 42.2, 80.25, 43.2],
    "change_date": "1999-11-23", "change_event": "ev-1999-kaz",
    "agreement": "1998 supplementary agreement (fixture)", "old_status": "disputed",
    "junctions": [[80.1, 43.2], [80.2, 42.2]], "old_source": "tagirova2017",
    "old_source_note": "fixture", "sources": SRC,
}]}

VERSIONS = {"versions": [
    {"id": "1991", "date": "1991-05-16", "label_en": "1991 line", "label_ru": "Линия 1991",
     "label_zh": "1991年线", "description_en": "After the 1991 eastern agreement.",
     "status": "agreed", "sources": SRC},
    {"id": "2001", "date": "2001-07-16", "label_en": "2001 line", "label_ru": "Линия 2001",
     "label_zh": "2001年线", "description_en": "After the 2001 treaty.", "status": "agreed",
     "sources": SRC},
    {"id": "2008", "date": "2008-10-14", "label_en": "2008 line", "label_ru": "Линия 2008",
     "label_zh": "2008年线", "description_en": "After the 2008 handover.",
     "status": "demarcated", "sources": SRC},
    {"id": "present", "date": "2011-05-01", "label_en": "Present line",
     "label_ru": "Современная линия", "label_zh": "现行线",
     "description_en": "After the 2011 Tajik handover.", "status": "demarcated",
     "sources": SRC},
]}


def _event(eid: str, date: str, etype: str, title: str, sections: list[str],
           areas: list[str], disputed: bool = False) -> dict[str, Any]:
    ev: dict[str, Any] = {
        "id": eid, "date": date, "date_precision": "day", "end_date": None,
        "end_precision": None, "type": etype, "title_en": title,
        "summary_en": f"Fixture summary of {title}.", "participants": ["CHN", "SUN"],
        "outcome": "fixture outcome", "section_ids": sections, "area_ids": areas,
        "sources": ["rinna2016"], "disputed": disputed, "readings": [],
    }
    if disputed:
        ev["readings"] = [{"text": "Soviet reading (fixture).", "sources": SRC},
                          {"text": "Chinese reading (fixture).", "sources": ["rinna2016"]}]
    return ev


EVENTS = {"events": [
    _event("ev-1969-zhenbao", "1969-03-02", "clash", "Clash on Zhenbao <island>",
           ["rus-e-ussuri"], ["zhenbao"], disputed=True),
    _event("ev-1991-agreement", "1991-05-16", "agreement", "Eastern border agreement",
           ["rus-e-amur-middle", "rus-e-ussuri"], ["zhenbao"]),
    _event("ev-1999-kaz", "1999-11-23", "demarcation", "Kazakh sector settled",
           ["kaz-ili"], ["kaz-sary-childe"]),
    _event("ev-2004-supplementary", "2004-10-14", "agreement", "Supplementary agreement",
           ["rus-e-amur-middle"], ["heixiazi-transfer"]),
    _event("ev-2008-handover", "2008-10-14", "handover", "Handover of Heixiazi",
           ["rus-e-amur-middle"], ["heixiazi-transfer"]),
]}

FEATURES = {
    "sections": {
        "rus-e-amur-middle": {
            "narrative_en": "Fixture narrative & more.",
            "timeline": [
                {"from": "1858", "to": "1964", "status": "treaty", "event_id": None},
                {"from": "1964", "to": "1991-05-16", "status": "disputed", "event_id": None},
                {"from": "1991-05-16", "to": "2008-10-14", "status": "agreed",
                 "event_id": "ev-1991-agreement"},
                {"from": "2008-10-14", "to": None, "status": "demarcated",
                 "event_id": "ev-2008-handover"},
            ],
            "accounts": [],
        },
        "kaz-ili": {
            "narrative_en": "Fixture narrative for the Ili.",
            "timeline": [{"from": "1881", "to": None, "status": "treaty", "event_id": None}],
            "accounts": [],
        },
        "rus-e-ussuri": {
            "narrative_en": "Fixture narrative for the Ussuri.",
            "timeline": [
                {"from": "1860", "to": "1969-03-02", "status": "treaty", "event_id": None},
                {"from": "1969-03-02", "to": "1991-05-16", "status": "disputed",
                 "event_id": "ev-1969-zhenbao"},
                {"from": "1991-05-16", "to": None, "status": "demarcated",
                 "event_id": "ev-1991-agreement"},
            ],
            "accounts": [
                {"topic": "Who fired first", "perspective": "CHN",
                 "text": "Chinese account (fixture).", "sources": SRC},
                {"topic": "Who fired first", "perspective": "SUN/RUS",
                 "text": "Soviet account (fixture).", "sources": ["rinna2016"]},
            ],
        },
    },
    "areas": {
        "zhenbao": {
            "narrative_en": "Fixture island narrative.",
            "timeline": [{"from": "1969-03-02", "to": None, "status": "disputed",
                          "event_id": "ev-1969-zhenbao"}],
            "holders": [{"from": "1969-03-02", "to": None, "holder": "CHN", "basis": "fixture",
                         "event_id": "ev-1969-zhenbao"}],
            "accounts": [],
        },
        "kaz-sary-childe": {
            "narrative_en": "Fixture.",
            "timeline": [{"from": "1964", "to": "1999-11-23", "status": "disputed",
                          "event_id": None},
                         {"from": "1999-11-23", "to": None, "status": "demarcated",
                          "event_id": "ev-1999-kaz"}],
            "holders": [{"from": "1884", "to": "1991-12-26", "holder": "SUN", "basis": "x",
                         "event_id": None},
                        {"from": "1991-12-26", "to": "1999-11-23", "holder": "KAZ",
                         "basis": "succession", "event_id": None},
                        {"from": "1999-11-23", "to": None, "holder": "CHN", "basis": "1998",
                         "event_id": "ev-1999-kaz"}],
            "accounts": [],
        },
        "heixiazi-transfer": {
            "narrative_en": "Fixture area narrative.",
            "timeline": [
                {"from": "1929", "to": "2004-10-14", "status": "disputed", "event_id": None},
                {"from": "2004-10-14", "to": None, "status": "agreed",
                 "event_id": "ev-2004-supplementary"},
            ],
            "holders": [
                {"from": "1929", "to": "1991-12-26", "holder": "SUN", "basis": "occupation",
                 "event_id": None},
                {"from": "1991-12-26", "to": "2008-10-14", "holder": "RUS",
                 "basis": "succession", "event_id": None},
                {"from": "2008-10-14", "to": None, "holder": "CHN", "basis": "2004 agreement",
                 "event_id": "ev-2008-handover"},
            ],
            "accounts": [],
        },
    },
}

GAZETTEER = {"entries": [
    {"id": "g-amur-middle", "type": "section", "feature_id": "rus-e-amur-middle",
     "name_en": "Middle Amur", "name_ru": "Средний Амур", "name_zh": "黑龙江中游",
     "name_zh_pinyin": "Heilongjiang", "name_ru_latn": "Sredniy Amur", "alt_names": ["Heilong"]},
    {"id": "g-ussuri", "type": "section", "feature_id": "rus-e-ussuri", "name_en": "Ussuri",
     "name_ru": "Уссури", "name_zh": "乌苏里江", "name_zh_pinyin": "Wusuli Jiang",
     "name_ru_latn": "Ussuri", "alt_names": []},
    {"id": "g-zhenbao", "type": "area", "feature_id": "zhenbao", "name_en": "Zhenbao Island",
     "name_ru": "Даманский", "name_zh": "珍宝岛", "name_zh_pinyin": "Zhenbao Dao",
     "name_ru_latn": "Damanskiy", "alt_names": ["Damansky"]},
    {"id": "g-heixiazi", "type": "area", "feature_id": "heixiazi-transfer",
     "name_en": "Heixiazi Island", "name_ru": "Большой Уссурийский", "name_zh": "黑瞎子岛",
     "name_zh_pinyin": "Heixiazi Dao", "name_ru_latn": "Bolshoy Ussuriyskiy",
     "alt_names": ["Bolshoy Ussuriysky", "Tarabarov"]},
    {"id": "g-ili", "type": "section", "feature_id": "kaz-ili", "name_en": "Ili",
     "name_ru": "Или", "name_zh": "伊犁", "name_zh_pinyin": "Yili", "name_ru_latn": "Ili",
     "alt_names": []},
    {"id": "g-sary-childe", "type": "area", "feature_id": "kaz-sary-childe",
     "name_en": "Sary-Childe", "name_ru": "Сары-Чильды", "name_zh": "萨雷-奇尔德",
     "name_zh_pinyin": "Saleiqierde", "name_ru_latn": "Sary-Childy", "alt_names": []},
    {"id": "g-khorgos", "type": "place", "feature_id": "khorgos", "name_en": "Khorgos",
     "name_ru": "Хоргос", "name_zh": "霍尔果斯", "name_zh_pinyin": "Huo'erguosi",
     "name_ru_latn": "Khorgos", "alt_names": []},
    {"id": "g-khabarovsk", "type": "place", "feature_id": "khabarovsk", "name_en": "Khabarovsk",
     "name_ru": "Хабаровск", "name_zh": "伯力", "name_zh_pinyin": "Boli",
     "name_ru_latn": "Khabarovsk", "alt_names": []},
]}

BIBLIOGRAPHY = [
    {"id": "tagirova2017", "type": "article-journal", "title": "Fixture article A",
     "author": [{"family": "Tagirova", "given": "A."}], "issued": {"date-parts": [[2017]]},
     "URL": "https://example.org/a"},
    {"id": "rinna2016", "type": "article-journal", "title": "Fixture article <B>",
     "author": [{"family": "Rinna", "given": "A."}], "issued": {"date-parts": [[2016]]}},
]


BASEMAP_RIVERS = [
    _feat({"id": "amur-local", "kind": "river", "name_en": "Amur", "name_ru": "Амур", "name_zh": "黑龙江",
           "label": "Amur / Heilong Jiang", "min_zoom": 8, "max_zoom": None, "sources": SRC,
           "method": "fixture", "license": LIC},
          "LineString", [[134.3, 48.38], [134.5, 48.42], [134.72, 48.36]]),
]


CROSSINGS = [
    _feat({"id": "khorgos-x", "kind": "crossing", "name_en": "Khorgos <road>", "name_ru": "Хоргос",
           "name_zh": "霍尔果斯", "section_id": "kaz-ili", "types": ["road", "rail"],
           "opened": "1983-01-01", "closed": None,
           "closed_periods": [{"from": "2020-03-01", "to": "2021-06-01", "note": "fixture closure"}],
           "sources": SRC, "method": "fixture", "accuracy_m": 1000, "license": LIC},
          "Point", [80.3, 44.2]),
]
SECURITY = {"zones": [
    {"id": "cbm-zone", "kind": "confidence_building", "name_en": "Confidence zone <100 km>",
     "name_ru": "Зона доверия", "name_zh": "信任区", "width_km_each_side": 100,
     "width_sources": SRC, "sources": SRC,
     "agreements": [{"id": "shanghai-1996", "title": "Shanghai agreement", "signed": "1996-04-26",
                     "parties": ["PRC", "Russia"], "provisions": ["notify exercises"],
                     "sources": SRC}]},
]}


def fixture_files() -> dict[str, Any]:
    """Every file of the fixture tree by its path in geodata/, areas measured from the geometry."""
    files: dict[str, Any] = json.loads(json.dumps({
        "sections.geojson": _fc(SECTIONS),
        "zone_lines.geojson": _fc(ZONE_LINES),
        "areas.geojson": _fc(AREAS),
        "places.geojson": _fc(PLACES),
        "basemap_countries.geojson": _fc(BASEMAP_COUNTRIES),
        "basemap_water.geojson": _fc(BASEMAP_WATER),
        "basemap_rivers.geojson": _fc(BASEMAP_RIVERS),
        "crossings.geojson": _fc(CROSSINGS),
        "security.json": SECURITY,
        "zones.json": ZONES,
        "versions.json": VERSIONS,
        "bibliography.json": BIBLIOGRAPHY,
        "history/events.json": EVENTS,
        "history/features.json": FEATURES,
        "history/gazetteer.json": GAZETTEER,
    }))  # a deep copy: callers may change it
    for feat in files["areas.geojson"]["features"]:  # stored areas are measured, as the build does
        geom = shape(feat["geometry"])
        if geom.geom_type != "Point":
            feat["properties"]["computed_area_km2"] = round(area_km2(geom), 3)
    return files | translation_catalogs(files)


def write_geodata(root: Path, transform: Callable[[Any], Any] | None = None) -> Path:
    """Write the fixture tree (each file passed through ``transform``) as ``root/geodata``."""
    gd = root / "geodata"
    (gd / "history").mkdir(parents=True, exist_ok=True)
    (gd / "i18n").mkdir(parents=True, exist_ok=True)
    files = {name: transform(obj) if transform else obj for name, obj in fixture_files().items()}
    if transform:  # the catalogs translate the English as written, so they stay in step with it
        english = content_keys(files)
        for name in ("i18n/ru.json", "i18n/zh.json"):
            for key, entry in files[name]["entries"].items():
                if key in english:
                    entry["en_sha1"] = sha1(english[key])
    for name, data in files.items():
        (gd / name).write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1),
                               encoding="utf-8")
    write_datapackage(gd)
    write_manifest(gd)
    return gd
