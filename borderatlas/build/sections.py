"""Present boundary sections from OSM: shared edges, tripoints, split at curated landmarks."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import linemerge

from borderatlas.geodesy import WGS84, length_km

from .inputs import osm_countries

BUFFER_DEG = 2e-4
OSM_KEY = "osm_borders_maritime_10m"

# (id, pair, countries, name_en, name_ru, name_zh, pinyin) in chain order (DATA_MODEL.md).
SECTIONS: list[tuple[str, str, str, str, str, str, str]] = [
    ("rus-e-argun", "CHN-RUS-E", "RUS", "Argun", "Аргунь", "额尔古纳河段", "É'ěrgǔnà Hé duàn"),
    ("rus-e-amur-upper", "CHN-RUS-E", "RUS", "Upper Amur", "Верхний Амур", "黑龙江上游段", "Hēilóng Jiāng shàngyóu duàn"),
    ("rus-e-amur-middle", "CHN-RUS-E", "RUS", "Middle Amur", "Средний Амур", "黑龙江中游段", "Hēilóng Jiāng zhōngyóu duàn"),
    ("rus-e-ussuri", "CHN-RUS-E", "RUS", "Ussuri", "Уссури", "乌苏里江段", "Wūsūlǐ Jiāng duàn"),
    ("rus-e-khanka", "CHN-RUS-E", "RUS", "Sungacha and Lake Khanka", "Сунгача и озеро Ханка", "松阿察河与兴凯湖段", "Sōng'āchá Hé yǔ Xīngkǎi Hú duàn"),
    ("rus-e-primorye", "CHN-RUS-E", "RUS", "Primorye land section", "Приморский сухопутный участок", "滨海边疆区陆地段", "Bīnhǎi biānjiāngqū lùdì duàn"),
    ("rus-w-altai", "CHN-RUS-W", "RUS", "Altai (western section)", "Алтай (западный участок)", "阿尔泰段（西段）", "Ā'ěrtài duàn (xī duàn)"),
    ("kaz-north", "CHN-KAZ", "KAZ", "Kazakh north: Altai to Tarbagatai", "Казахстан, север: Алтай — Тарбагатай", "中哈北段：阿尔泰至塔尔巴哈台", "Zhōng-Hā běi duàn: Ā'ěrtài zhì Tǎ'ěrbāhātái"),
    ("kaz-dzungaria", "CHN-KAZ", "KAZ", "Dzungarian Gate and Alatau", "Джунгарские ворота и Алатау", "阿拉山口与阿拉套山段", "Ālā Shānkǒu yǔ Ālātào Shān duàn"),
    ("kaz-ili", "CHN-KAZ", "KAZ", "Ili and Tian Shan (Khorgos to Khan Tengri)", "Или и Тянь-Шань (Хоргос — Хан-Тенгри)", "伊犁与天山段（霍尔果斯至汗腾格里）", "Yīlí yǔ Tiān Shān duàn"),
    ("kgz-east", "CHN-KGZ", "KGZ", "Kyrgyz east: Khan Tengri to Bedel", "Киргизия, восток: Хан-Тенгри — Бедел", "中吉东段：汗腾格里至别迭里", "Zhōng-Jí dōng duàn"),
    ("kgz-west", "CHN-KGZ", "KGZ", "Kyrgyz west: Bedel to the Pamir", "Киргизия, запад: Бедел — Памир", "中吉西段：别迭里至帕米尔", "Zhōng-Jí xī duàn"),
    ("tjk-north", "CHN-TJK", "TJK", "Tajik north: to the Kulma pass", "Таджикистан, север: до перевала Кульма", "中塔北段：至阔勒买山口", "Zhōng-Tǎ běi duàn"),
    ("tjk-south", "CHN-TJK", "TJK", "Tajik south: Kulma to Afghanistan", "Таджикистан, юг: Кульма — Афганистан", "中塔南段：阔勒买至阿富汗", "Zhōng-Tǎ nán duàn"),
]

# Tripoints: id -> (third country pair, names). Chain: (neighbour, start tripoint, end tripoint).
TRIPOINTS: dict[str, tuple[tuple[str, str], str, str, str]] = {
    "tripoint-mng-rus-east": (("MNG", "RUS"), "CHN–MNG–RUS tripoint (east, Tarbagan-Dakh)", "Тарбаган-Дах", "中蒙俄交界点（东）"),
    "tripoint-rus-prk": (("RUS", "PRK"), "CHN–RUS–PRK tripoint (Tumen)", "стык границ КНР, России и КНДР (Туманная)", "中俄朝交界点（图们江）"),
    "tripoint-mng-rus-west": (("MNG", "RUS"), "CHN–MNG–RUS tripoint (west, Tavan Bogd)", "Таван-Богдо-Ула", "中蒙俄交界点（西，友谊峰）"),
    "tripoint-kaz-rus": (("KAZ", "RUS"), "CHN–KAZ–RUS tripoint", "стык границ КНР, Казахстана и России", "中哈俄交界点"),
    "tripoint-kaz-kgz": (("KAZ", "KGZ"), "CHN–KAZ–KGZ tripoint (Khan Tengri)", "стык границ у Хан-Тенгри", "中哈吉交界点（汗腾格里峰）"),
    "tripoint-kgz-tjk": (("KGZ", "TJK"), "CHN–KGZ–TJK tripoint", "стык границ КНР, Киргизии и Таджикистана", "中吉塔交界点"),
    "tripoint-tjk-afg": (("TJK", "AFG"), "CHN–TJK–AFG tripoint", "стык границ КНР, Таджикистана и Афганистана", "中塔阿交界点"),
}
CHAINS: list[tuple[str, str, str, str]] = [
    # (neighbour part, start tripoint, end tripoint, first section id)
    ("RUS-E", "tripoint-mng-rus-east", "tripoint-rus-prk", "rus-e-argun"),
    ("RUS-W", "tripoint-mng-rus-west", "tripoint-kaz-rus", "rus-w-altai"),
    ("KAZ", "tripoint-kaz-rus", "tripoint-kaz-kgz", "kaz-north"),
    ("KGZ", "tripoint-kaz-kgz", "tripoint-kgz-tjk", "kgz-east"),
    ("TJK", "tripoint-kgz-tjk", "tripoint-tjk-afg", "tjk-north"),
]


@dataclass(frozen=True)
class SplitPoint:
    """A curated split landmark and the line vertex it was snapped to."""

    id: str
    before: str
    after: str
    lon: float
    lat: float
    landmark: str
    source: str
    note: str
    name_ru: str = ""
    name_zh: str = ""
    vertex: tuple[float, float] = (0.0, 0.0)
    offset_m: float = 0.0


@dataclass(frozen=True)
class SectionsResult:
    """Section lines (6-dp coordinates) plus the tripoints and split points they end on."""

    lines: dict[str, LineString]
    tripoints: dict[str, tuple[float, float]]
    splits: list[SplitPoint]


def _coordset(geom: BaseGeometry) -> set[tuple[float, float]]:
    return set(map(tuple, np.round(shapely.get_coordinates(geom.boundary), 7)))


def derive_tripoints(countries: dict[str, BaseGeometry]) -> dict[str, tuple[float, float]]:
    """Tripoints as boundary vertices shared exactly by China and both neighbours (nearest approach if none)."""
    chn = _coordset(countries["CHN"])
    out: dict[str, tuple[float, float]] = {}
    for tid, ((a, b), *_names) in TRIPOINTS.items():
        common = sorted(chn & _coordset(countries[a]) & _coordset(countries[b]))
        if tid.startswith("tripoint-mng-rus"):
            common = [c for c in common if (c[0] > 100) == tid.endswith("east")]
        if common:
            out[tid] = (float(common[0][0]), float(common[0][1]))
            continue
        # No exactly shared vertex: the China vertex minimising the larger distance to the two neighbours.
        ring = shapely.get_coordinates(countries["CHN"].boundary)
        near_a = shapely.distance(shapely.points(ring), countries[a].boundary)
        near_b = shapely.distance(shapely.points(ring), countries[b].boundary)
        i = int(np.argmin(np.maximum(near_a, near_b)))
        out[tid] = (float(ring[i, 0]), float(ring[i, 1]))
    return out


def shared_line(chn: BaseGeometry, other: BaseGeometry) -> list[LineString]:
    """China's boundary within BUFFER_DEG of the neighbour, merged into continuous lines."""
    inter = chn.boundary.intersection(other.buffer(BUFFER_DEG))
    lines = [g for g in getattr(inter, "geoms", [inter]) if g.geom_type in ("LineString", "MultiLineString")]
    merged = linemerge(lines)
    return sorted(getattr(merged, "geoms", [merged]), key=lambda g: -g.length)


def _trim(line: LineString, start: tuple[float, float], end: tuple[float, float]) -> np.ndarray:
    """Orient line start->end and cut it at the vertices nearest the two tripoints (set exactly to them)."""
    c = np.asarray(line.coords)
    i = int(np.argmin(np.hypot(c[:, 0] - start[0], c[:, 1] - start[1])))
    j = int(np.argmin(np.hypot(c[:, 0] - end[0], c[:, 1] - end[1])))
    piece = c[i : j + 1] if i <= j else c[j : i + 1][::-1]
    piece = piece.copy()
    piece[0] = start
    piece[-1] = end
    return piece


def _clean(c: np.ndarray) -> np.ndarray:
    """Round to 6 dp and drop consecutive duplicate vertices."""
    c = np.round(c, 6)
    keep = np.ones(len(c), dtype=bool)
    keep[1:] = np.any(np.diff(c, axis=0) != 0, axis=1)
    return c[keep]


def read_split_points(path: Path) -> list[SplitPoint]:
    """Curated split landmarks (geodata/curated/split_points.csv)."""
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rows:
        before, after = r["between"].split("|")
        out.append(SplitPoint(r["id"], before, after, float(r["lon"]), float(r["lat"]), r["landmark"], r["source"], r["note"], r["name_ru"], r["name_zh"]))
    return out


def _khanka_exit(coords: np.ndarray, seed: SplitPoint) -> int:
    """Index of the vertex where the line leaves Lake Khanka on its west/south shore (GSHHG lake)."""
    from .inputs import gshhg_lakes

    lakes = [p for p in gshhg_lakes((131.5, 44.5, 133.2, 45.5)) if p.area > 0.1]
    if not lakes:
        return int(np.argmin(np.hypot(coords[:, 0] - seed.lon, coords[:, 1] - seed.lat)))
    khanka = max(lakes, key=lambda p: p.area)
    inside = shapely.contains_xy(khanka, coords[:, 0], coords[:, 1])
    idx = np.flatnonzero(inside)
    return int(idx[-1] + 1) if len(idx) else int(np.argmin(np.hypot(coords[:, 0] - seed.lon, coords[:, 1] - seed.lat)))


def build_sections(split_csv: Path) -> SectionsResult:
    """Derive the 14 sections, end to end, from the OSM country polygons."""
    countries = osm_countries()
    chn = countries["CHN"]
    tps = {k: (round(v[0], 6), round(v[1], 6)) for k, v in derive_tripoints(countries).items()}
    chain_coords: dict[str, np.ndarray] = {}
    for part, start, end, _first in CHAINS:
        nb = part.split("-")[0]
        lines = shared_line(chn, countries[nb])
        if part == "RUS-E":
            line = max((g for g in lines if g.centroid.x > 100), key=lambda g: g.length)
        elif part == "RUS-W":
            line = max((g for g in lines if g.centroid.x < 100), key=lambda g: g.length)
        else:
            line = lines[0]
        chain_coords[part] = _clean(_trim(line, tps[start], tps[end]))
    splits = read_split_points(split_csv)
    order = [s[0] for s in SECTIONS]
    pair_part = {"rus-e": "RUS-E", "rus-w": "RUS-W", "kaz": "KAZ", "kgz": "KGZ", "tjk": "TJK"}
    cut_index: dict[str, list[tuple[int, SplitPoint]]] = {}
    snapped: list[SplitPoint] = []
    for sp in splits:
        part = pair_part[sp.before[:5] if sp.before.startswith("rus-") else sp.before[:3]]
        c = chain_coords[part]
        if sp.id == "split-khanka-west":
            i = _khanka_exit(c, sp)
        else:
            i = int(np.argmin(np.hypot(c[:, 0] - sp.lon, c[:, 1] - sp.lat)))
        vx, vy = float(c[i, 0]), float(c[i, 1])
        off = WGS84.inv(sp.lon, sp.lat, vx, vy)[2]
        sp2 = SplitPoint(**{**sp.__dict__, "vertex": (vx, vy), "offset_m": round(off, 1)})
        snapped.append(sp2)
        cut_index.setdefault(part, []).append((i, sp2))
    out: dict[str, LineString] = {}
    for part, _start, _end, first in CHAINS:
        c = chain_coords[part]
        cuts = sorted(cut_index.get(part, []), key=lambda t: t[0])
        bounds = [0, *[i for i, _ in cuts], len(c) - 1]
        ids = [first, *[sp.after for _, sp in cuts]]
        for k, sid in enumerate(ids):
            out[sid] = LineString(c[bounds[k] : bounds[k + 1] + 1])
        if cuts:
            assert [sp.before for _, sp in cuts] == ids[:-1], f"split order mismatch in {part}"
    assert sorted(out) == sorted(order), sorted(set(order) ^ set(out))
    return SectionsResult(out, tps, snapped)


def section_properties(sid: str, line: LineString, start: str, end: str) -> dict:
    """Properties of one section feature per DATA_MODEL.md."""
    idx = [s[0] for s in SECTIONS].index(sid)
    _id, pair, nb, en, ru, zh, py = SECTIONS[idx]
    return {
        "pair": pair,
        "countries": ["CHN", nb],
        "order": idx + 1,
        "name_en": en,
        "name_ru": ru,
        "name_zh": zh,
        "name_zh_pinyin": py,
        "length_km": round(length_km(line), 3),
        "start_point": start,
        "end_point": end,
        "sources": [OSM_KEY],
        "method": (
            "China's OSM boundary polygon intersected with the neighbour's polygon buffered by 2e-4 deg, "
            "merged, cut at derived tripoints and at curated split points (nearest vertex); "
            "coordinates rounded to 6 dp"
        ),
        "accuracy_m": 50,
        "license": "ODbL-1.0",
        "attribution": "© OpenStreetMap contributors",
    }


def point_of(c: tuple[float, float]) -> Point:
    """Shapely point from a (lon, lat) tuple."""
    return Point(c)
