"""Places: curated points from places.csv plus derived tripoints and split points."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from shapely.geometry import Point

from .sections import OSM_KEY, TRIPOINTS, SplitPoint

# How derive_tripoints found each tripoint in the OSM polygons (checked against @osm_borders/maritime_10m 1.1.0).
TRIPOINT_METHODS: dict[str, str] = {
    "tripoint-mng-rus-east": "derived: boundary vertex shared exactly by the OSM polygons of China, Mongolia and Russia (the one east of 100°E)",
    "tripoint-mng-rus-west": "derived: boundary vertex shared exactly by the OSM polygons of China, Mongolia and Russia (the one west of 100°E)",
    "tripoint-rus-prk": "derived: boundary vertex shared exactly by the OSM polygons of China, Russia and North Korea",
    "tripoint-kaz-rus": "derived: boundary vertex shared exactly by the OSM polygons of China, Kazakhstan and Russia",
    "tripoint-kaz-kgz": "derived: boundary vertex shared exactly by the OSM polygons of China, Kazakhstan and Kyrgyzstan",
    "tripoint-kgz-tjk": "derived: boundary vertex shared exactly by the OSM polygons of China, Kyrgyzstan and Tajikistan",
    "tripoint-tjk-afg": "derived: the OSM polygons of China, Tajikistan and Afghanistan share no vertex here; the China vertex minimising the larger of its distances to the Tajik and Afghan boundaries (on Afghanistan's boundary, about 9 m from Tajikistan's)",
}


def build_places(curated_csv: Path, tripoints: dict[str, tuple[float, float]], splits: list[SplitPoint]) -> list[tuple[str, Point, dict[str, Any]]]:
    """All place features, sorted by id."""
    out: list[tuple[str, Point, dict[str, Any]]] = []
    with curated_csv.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            props = {
                "kind": r["kind"], "name_en": r["name_en"], "name_ru": r["name_ru"], "name_zh": r["name_zh"],
                "name_zh_pinyin": r["name_zh_pinyin"], "countries": r["countries"].split("|"),
                "sources": r["sources"].split("|"), "method": r["method"], "accuracy_m": float(r["accuracy_m"]),
            }
            if r["date"]:
                props["date"] = r["date"]
            out.append((r["id"], Point(float(r["lon"]), float(r["lat"])), props))
    for tid, ((a, b), en, ru, zh) in TRIPOINTS.items():
        out.append((tid, Point(tripoints[tid]), {
            "kind": "tripoint", "name_en": en, "name_ru": ru, "name_zh": zh, "name_zh_pinyin": None,
            "countries": ["CHN", a, b], "sources": [OSM_KEY],
            "method": TRIPOINT_METHODS[tid],
            "accuracy_m": 50, "license": "ODbL-1.0",
        }))
    for sp in splits:
        out.append((sp.id, Point(sp.vertex), {
            "kind": "split_point", "name_en": sp.landmark, "name_ru": sp.name_ru, "name_zh": sp.name_zh,
            "countries": ["CHN", {"rus": "RUS", "kaz": "KAZ", "kgz": "KGZ", "tjk": "TJK"}[sp.before[:3]]],
            "sources": sorted({OSM_KEY, sp.source}),
            "method": f"nearest vertex of the derived line to the curated landmark ({sp.lon}, {sp.lat}); offset {sp.offset_m} m. {sp.note}",
            "accuracy_m": max(50.0, sp.offset_m), "license": "ODbL-1.0",
        }))
    return sorted(out, key=lambda t: t[0])
