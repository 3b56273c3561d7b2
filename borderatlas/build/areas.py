"""Transferred / settled areas computed between old and present lines, plus labelled points."""

from __future__ import annotations

from typing import Any

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from borderatlas.geo.lines import LineSet
from borderatlas.geodesy import area_km2

# zone id -> (area id, kind, names, published km², sources, published note)
ZONE_AREAS: dict[str, dict[str, Any]] = {
    "heixiazi": {
        "id": "heixiazi-transfer", "kind": "transfer", "name_en": "Western Bolshoy Ussuriysky and Tarabarov (to China 2008)",
        "name_ru": "Западная часть Большого Уссурийского и остров Тарабаров", "name_zh": "黑瞎子岛西部与银龙岛",
        "name_zh_pinyin": "Hēixiāzi Dǎo xībù yǔ Yínlóng Dǎo", "published": 174.0, "pub_sources": ["afn_2008_handover", "enacademic_bolshoy_ussuriysky"],
        "pub_note": "about 174 km² of land (Tarabarov and the western part of Bolshoy Ussuriysky) passed to China",
    },
    "abagaitu": {
        "id": "abagaitu-transfer", "kind": "transfer", "name_en": "Eastern part of Bolshoy Island on the Argun (to China 2008)",
        "name_ru": "Восточная часть Большого острова на Аргуни", "name_zh": "阿巴该图洲渚东部", "name_zh_pinyin": "Ābāgāitú Zhōuzhǔ dōngbù",
        "published": None, "pub_sources": [], "pub_note": "no published figure for the Chinese part was found (the whole island is 58 km²)",
    },
    "kaz-tarbagatai": {
        "id": "kaz-tarbagatai", "kind": "settlement", "name_en": "Chagan-Obo and Baimurza settlement (to China)",
        "name_ru": "Чаган-Обо и Баймурза", "name_zh": "查干鄂博与拜穆尔扎", "name_zh_pinyin": "Chágān Èbó yǔ Bàimù'ěrzhā",
        "published": None, "pub_sources": ["cacianalyst_2000_kaz"],
        "pub_note": "CACI Analyst (16 Feb 2000) prints no figure for these two areas: it gives 'around 944 square kilometers' disputed on the whole Kazakh border, says 'the Chinese borderline was changed by 187 square kilometers', and that 'Kazakhstan retained 56.9% of the disputed territory and China 43%'. Derived, not published: 43 % × 944 km² ≈ 406 km² (whole Kazakh border, not these two areas).",
    },
    "kgz-uzengi-kuush": {
        "id": "kgz-uzengi-kuush", "kind": "settlement", "name_en": "Uzengi-Kuush (to China)", "name_ru": "Узенгю-Кууш",
        "name_zh": "乌宗吉-库什", "name_zh_pinyin": "Wūzōngjí-Kùshí", "published": 870.0, "pub_sources": ["azattyk_2003_uzengi", "rferl_2001_kgz", "eurasianet_2002_kgz"],
        "pub_note": "RFE/RL Kyrgyz Service: the 26 Aug 1999 agreement gave China 'some 87,000 hectare in Kyrgyzstan's Uzenghi-Kuush area' (87,000 ha = 870 km², unit conversion only). For comparison, about 125,000 ha are reported for all Kyrgyz sectors under the 1996 and 1999 agreements together (RFE/RL 2001; Eurasianet 2002).",
    },
    "tjk-pamir": {
        "id": "tjk-pamir", "kind": "settlement", "name_en": "Eastern Pamir area ceded to China (2011)", "name_ru": "Участок Восточного Памира, переданный Китаю",
        "name_zh": "帕米尔东部移交地区", "name_zh_pinyin": "Pàmǐ'ěr dōngbù yíjiāo dìqū", "published": 1122.0,
        "pub_sources": ["deccan_2011_tajik", "bbc_2011_tajik", "ibru_2011_tajik"],
        "pub_note": "reported as 1,000 to about 1,122 km² (about 1,100 km² per the Tajik foreign minister) of some 28,000 km² claimed",
    },
}

POINT_AREAS: list[dict[str, Any]] = [
    {"id": "zhenbao", "kind": "island", "zone_id": None, "section_id": "rus-e-ussuri", "lon": 133.84444, "lat": 46.48556,
     "name_en": "Zhenbao (Damansky) Island", "name_ru": "остров Даманский", "name_zh": "珍宝岛", "name_zh_pinyin": "Zhēnbǎo Dǎo",
     "published": 0.74, "pub_sources": ["wp_zhenbao"], "pub_note": "0.74 km² island; Chinese under the 16 May 1991 agreement",
     "area_note": "Point: the 0.74 km² island is below the resolution of every installable source; every OSM build puts it on the Chinese side about 0.3 km west of the line.",
     "sources": ["wp_zhenbao", "osm_borders_maritime_10m"], "accuracy_m": 500},
    {"id": "abagaitu-island", "kind": "island", "zone_id": "abagaitu", "section_id": "rus-e-argun", "lon": 117.898364, "lat": 49.55857,
     "name_en": "Bolshoy Island (Abagaitu)", "name_ru": "Большой остров", "name_zh": "阿巴该图洲渚", "name_zh_pinyin": "Ābāgāitú Zhōuzhǔ",
     "published": 58.0, "pub_sources": ["wp_abagaitu"], "pub_note": "island area 58 km², divided by the 2004 agreement",
     "area_note": "Point: no island outline was built (the WDB II rivers_f + border recipe of the survey was not done in this pass).",
     "sources": ["wp_abagaitu"], "accuracy_m": 3000},
    {"id": "heixiazi-island", "kind": "island", "zone_id": "heixiazi", "section_id": "rus-e-amur-middle", "lon": 134.62, "lat": 48.33,
     "name_en": "Bolshoy Ussuriysky (Heixiazi) island group", "name_ru": "Большой Уссурийский остров", "name_zh": "黑瞎子岛", "name_zh_pinyin": "Hēixiāzi Dǎo",
     "published": 335.0, "pub_sources": ["enacademic_bolshoy_ussuriysky"], "pub_note": "about 327–350 km² (island group about 375 km² with Tarabarov and islets)",
     "area_note": "Point placed inside the computed transfer polygon, west of the 2008 line: no installable source has the island outline; the approximate island-complex polygon was not built.",
     "sources": ["enacademic_bolshoy_ussuriysky"], "accuracy_m": 10000},
    {"id": "yinlong-tarabarov", "kind": "island", "zone_id": "heixiazi", "section_id": "rus-e-amur-middle", "lon": 134.56, "lat": 48.37,
     "name_en": "Tarabarov (Yinlong) Island", "name_ru": "остров Тарабаров", "name_zh": "银龙岛", "name_zh_pinyin": "Yínlóng Dǎo",
     "published": 43.3, "pub_sources": ["ruwiki_tarabarov"], "pub_note": "Russian Wikipedia's infobox gives 'area 43.3 km²'; wholly transferred to China in 2008, part of the 174 km²",
     "area_note": "Point, approximate: Tarabarov cannot be separated from Bolshoy Ussuriysky in any installable source; it lies inside heixiazi-transfer.",
     "sources": ["enacademic_bolshoy_ussuriysky", "afn_2008_handover"], "accuracy_m": 5000},
    {"id": "hunchun-2015", "kind": "transfer", "zone_id": None, "section_id": "rus-e-primorye", "lon": 131.2633, "lat": 43.4786,
     "name_en": "Hubutu (Khubutu) river tract marked in 2015 (Hunchun)", "name_ru": "участок 4,7 км² на реке Хубуту (Хуньчунь, 2015)",
     "name_zh": "珲春瑚布图河畔4.7平方公里地块", "name_zh_pinyin": "Húnchūn Húbùtú Hé pàn 4.7 píngfāng gōnglǐ dìkuài",
     "published": 4.7, "pub_sources": ["globaltimes_2015", "jilin_2015_hunchun", "siberiantimes_2015"],
     "pub_note": "4.7 km² said to have passed from Russia to Hunchun in the 1993 demarcation and marked with five stones on 4 Nov 2015 (Global Times; Jilin provincial news, which gives about 8 km² entering China there in all, 4.7 km² of it in Jilin); Russian FSB border guards denied any transfer (Siberian Times). Location readings differ: 'on the border in Hunchun' (Global Times; if read as the Hunchun area by the Tumen, the city centre lies about 100 km south-west of the point) versus the Hubutu river in the north-east of Chunhua town, at the Jilin–Heilongjiang junction on the border, about 60 km from Ussuriysk (Jilin news; China Daily as quoted by Siberian Times).",
     "area_note": "Point, derived: placed at the Jilin–Heilongjiang provincial junction on the China–Russia border as given by DCW-GMT 2.1.1 province outlines (CNJL ∩ CNHL nearest the present line, 1.6 km from it), because the Jilin report puts the 2015 stones (the 'red post' Hongqizhuang) at that junction on the Hubutu river. No outline of the 4.7 km² exists in any installable source; the other reading ('at Hunchun') is kept only in published_area_note. Why still a point: two OSM editions (@geo-maps/countries-maritime-10m 0.6.0, about 2017/18, and @osm_borders/maritime_10m 1.1.0, about 2024) differ on the Hubutu (Granitnaya) river by one compact tract of 9.69 km² centred near 131.292E 43.484N (derived: difference of China's two polygons), about 2.5 km east of this point and 97.7 % Russian in DCW. Its size (9.7 vs 'about 8' km² in all, 4.7 in Jilin) and place fit the reports, but the reports (Xinhua, Tumenjiang bao) date the land to the demarcation that ended in 1999 and say only that name stones went up in 2015, and the geometry cannot tell a demarcation from an OSM mapping correction; no source locates the provincial junction ('red post') to split it. So the tract is recorded here, not drawn as the 2015 transfer.",
     "sources": ["jilin_2015_hunchun", "globaltimes_2015", "siberiantimes_2015", "dcw_gmt", "xinhua2015_hunchun", "tumenjiang2015_hunchun", "geomaps_countries_maritime_10m"], "accuracy_m": 5000,
     "method": "derived point: DCW-GMT province outlines (Jilin/Heilongjiang junction on the border) chosen from the location given in the Jilin report"},
    {"id": "khasan", "kind": "settlement", "zone_id": None, "section_id": "rus-e-primorye", "lon": 130.60806, "lat": 42.44861,
     "name_en": "Lake Khasan / Tumen plot", "name_ru": "участок у озера Хасан (река Туманная)", "name_zh": "哈桑湖—图们江地段",
     "name_zh_pinyin": "Hāsāng Hú–Túmén Jiāng dìduàn",
     "published": 3.0, "pub_sources": ["krogh_geosite"],
     "pub_note": "about 3 km² near Lake Khasan at issue under the 1991 agreement; the 1997 compromise gave about 1.6 km² to China and left about 1.4 km² (with the 1938 war graves) Russian (figures as recorded for event tumen-compromise-1997)",
     "area_note": "Point: label at Lake Khasan (Wikipedia coordinates 42°26′55″N 130°36′29″E) for the plot between the lake and the Tumen; no installable source outlines the plot or the pre-1997 line there, so the point only marks the neighbourhood (±5 km).",
     "sources": ["wp_lake_khasan_de", "krogh_geosite"], "accuracy_m": 5000},
]


def _note(published: float | None, computed: float, extra: str) -> str:
    if published is None:
        return f"No published figure to compare. {extra}".strip()
    diff = (computed - published) / published
    if abs(diff) <= 0.15:
        return extra
    return f"Computed {computed:.1f} km² vs published {published:g} km² ({diff:+.0%}). {extra}".strip()


EXPLAIN = {
    "heixiazi": "The polygon between the old (Kazakevicheva) and present lines includes the channel water of the Amur and the Kazakevicheva as well as islets, and the DCW old line is ±0.3–1 km.",
    "abagaitu": "Region between the DCW pre-2004 line (southern channel) and the present OSM line, including channel water.",
    "kaz-tarbagatai": "Computed over both sub-areas. No source prints an area for Chagan-Obo and Baimurza alone; the derived 43 % × 944 km² ≈ 406 km² is for all disputed Kazakh sectors. The DCW line (±0.3–0.5 km) adds slivers along ~200 km.",
    "kgz-uzengi-kuush": "Compared with the 87,000 ha (870 km²) reported for Uzengi-Kuush under the 1999 agreement; the DCW old line is ±0.3–1 km.",
    "tjk-pamir": "",
}


def build_areas(lineset: LineSet) -> list[tuple[str, BaseGeometry, dict[str, Any]]]:
    """Area features: transfer polygons from the lines (never drawn by hand) and labelled points."""
    out: list[tuple[str, BaseGeometry, dict[str, Any]]] = []
    for zid, spec in ZONE_AREAS.items():
        if zid not in lineset.zones:
            continue
        parts = dict((d, g) for g, d in lineset.transfer_polygons(zid))
        geom = parts.get("to_CHN")
        if geom is None:
            continue
        comp = round(area_km2(geom), 3)
        away = round(area_km2(parts["from_CHN"]), 3) if "from_CHN" in parts else 0.0
        out.append((spec["id"], geom, {
            "kind": spec["kind"], "zone_id": zid, "section_id": lineset.zones[zid]["section_id"],
            "name_en": spec["name_en"], "name_ru": spec["name_ru"], "name_zh": spec["name_zh"], "name_zh_pinyin": spec["name_zh_pinyin"],
            "published_area_km2": spec["published"], "published_area_sources": spec["pub_sources"], "published_area_note": spec["pub_note"],
            "computed_area_km2": comp, "computed_area_from_chn_km2": away, "direction": "to_CHN",
            "area_note": _note(spec["published"], comp, EXPLAIN[zid]) or None,
            "geometry_method": "polygonize(old DCW piece ∪ present OSM piece between the zone junctions); faces on China's side of the present line (to China) unioned; faces < 0.05 km² dropped",
            "accuracy_m": 1000, "sources": sorted(set(lineset.zones[zid]["sources"])), "license": "ODbL-1.0",
        }))
    for p in POINT_AREAS:
        out.append((p["id"], Point(p["lon"], p["lat"]), {
            "kind": p["kind"], "zone_id": p["zone_id"], "section_id": p["section_id"],
            "name_en": p["name_en"], "name_ru": p["name_ru"], "name_zh": p["name_zh"], "name_zh_pinyin": p["name_zh_pinyin"],
            "published_area_km2": p["published"], "published_area_sources": p["pub_sources"], "published_area_note": p["pub_note"],
            "computed_area_km2": None, "computed_area_from_chn_km2": None, "direction": None,
            "area_note": p["area_note"], "geometry_method": p.get("method", "labelled point (no outline in any installable source)"),
            "accuracy_m": p["accuracy_m"], "sources": p["sources"], "license": "CC0-1.0",
        }))
    return sorted(out, key=lambda t: t[0])
