"""Places: curated points from places.csv plus derived tripoints and split points."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from shapely.geometry import Point

from .sections import OSM_KEY, TRIPOINTS, SplitPoint


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
            "method": "derived: boundary vertex shared by the three OSM country polygons (CHN–TJK–AFG: China vertex nearest to both neighbours)",
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
