"""Transfers as land (island parts that changed hands), with the channel water between the old and new lines apart."""

from __future__ import annotations

from typing import Any

from pyproj import Geod
from shapely.geometry import MultiPolygon, Point
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import polygonize, substring, unary_union

from borderatlas.geodesy import area_km2 as geodesic_area_km2  # the one geodesic area

GEOD = Geod(ellps="WGS84")
TOLERANCE = 0.15  # published vs computed beyond this gets an area_note

TRANSFERS: dict[str, dict[str, Any]] = {
    "heixiazi": {
        "id": "heixiazi-transfer-land", "name_en": "Tarabarov and western Bolshoy Ussuriysky: land to China (2008)",
        "name_ru": "Тарабаров и западная часть Большого Уссурийского: суша, переданная Китаю", "name_zh": "银龙岛与黑瞎子岛西部（陆地，2008年移交）",
        "published": 174.0, "published_sources": ["afn_2008_handover", "enacademic_bolshoy_ussuriysky"],
        "published_note": "'В районе Хабаровска КНР отошло около 174 квадратных километров земли' (about 174 km² of land went to China near Khabarovsk; AFN, 14 Oct 2008)",
        "explain": "",
    },
    "abagaitu": {
        "id": "abagaitu-transfer-land", "name_en": "Eastern Bolshoy Island on the Argun: land to China (2008)",
        "name_ru": "Восточная часть Большого острова на Аргуни: суша, переданная Китаю", "name_zh": "阿巴该图洲渚东部（陆地，2008年移交）",
        "published": None, "published_sources": ["wp_abagaitu", "zxc_abagaitu", "dmochowski2015_settlement"],
        "published_note": "no figure for the Chinese part was found; the island is 58 km² (57.56 at normal water), and accounts say either that it was halved or that 'the smaller western part' stayed Russian",
        "explain": "",
    },
}


def _oriented(geom: BaseGeometry) -> BaseGeometry:
    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
    polys = [orient(p, 1.0) for p in sorted(polys, key=lambda p: (p.bounds[0], p.bounds[1]))]
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def between_lines(old: BaseGeometry, present: BaseGeometry) -> BaseGeometry:
    """Faces enclosed by the old-line piece and the present line between the old piece's ends.

    Parameters
    ----------
    old : LineString
        Old (pre-2008) line piece, ending at vertices of ``present``.
    present : LineString
        Present line.

    Returns
    -------
    BaseGeometry
        Union of the enclosed faces (EPSG:4326).
    """
    a, b = present.project(Point(old.coords[0])), present.project(Point(old.coords[-1]))
    stretch = substring(present, min(a, b), max(a, b))
    return unary_union(list(polygonize(unary_union([old, stretch]))))


def build_land_transfers(parts: list[tuple[str, BaseGeometry, dict[str, Any]]],
                         zones: dict[str, dict[str, Any]]) -> list[tuple[str, BaseGeometry, dict[str, Any]]]:
    """One land-transfer feature and one water feature per zone, from the island parts that changed hands.

    Parameters
    ----------
    parts : list of tuple
        Output of ``island_parts.build_island_parts``.
    zones : dict
        ``window -> {"zone_id", "present": LineString, "old": LineString}``.

    Returns
    -------
    list of tuple
        ``(id, geometry, properties)`` sorted by id: ``<zone>-transfer-land`` and ``<zone>-transfer-water``.
    """
    out = []
    for z in sorted(zones.values(), key=lambda z: z["zone_id"]):
        zid = z["zone_id"]
        spec = TRANSFERS[zid]
        zone_parts = [p for p in parts if p[2]["zone_id"] == zid]
        moved = [p for p in zone_parts if p[2]["changed_hands"]]
        if not moved:
            continue
        direction = {(p[2]["holder_before"], p[2]["holder_after"]) for p in moved}
        if len(direction) != 1:
            raise ValueError(f"{zid}: land moved both ways {direction}")
        before, after = direction.pop()
        land = unary_union([p[1] for p in moved])
        all_land = unary_union([p[1] for p in zone_parts])
        between = between_lines(z["old"], z["present"])
        water = between.difference(all_land)
        comp = round(geodesic_area_km2(land), 3)
        water_km2 = round(geodesic_area_km2(water), 3)
        outside = round(geodesic_area_km2(land.difference(between)), 3)
        pub = spec["published"]
        note = None
        if pub is not None and abs(comp - pub) / pub > TOLERANCE:
            note = f"Computed {comp:.1f} km² vs published {pub:g} km² ({(comp - pub) / pub:+.0%})."
        elif pub is not None:
            note = (f"Computed {comp:.1f} km² is {(comp - pub) / pub:+.0%} from the published {pub:g} km²: within {TOLERANCE:.0%}; the "
                    "schematic outline counts single-line channel water as land and misses or merges islets.")
        else:
            note = "No published figure for this part to compare."
        parts_ids = sorted(p[0] for p in moved)
        common = {"zone_id": zid, "holder_before": before, "holder_after": after, "holder_change_date": "2008-10-14",
                  "schematic": True, "sources": sorted({s for p in moved for s in p[2]["sources"]}), "license": "ODbL-1.0"}
        out.append((spec["id"], _oriented(land), {
            "kind": "transfer_land", **common, "name_en": spec["name_en"], "name_ru": spec["name_ru"], "name_zh": spec["name_zh"],
            "computed_area_km2": comp, "published_area_km2": pub, "published_area_sources": spec["published_sources"],
            "published_area_note": spec["published_note"], "area_note": note, "island_parts": parts_ids,
            "water_between_lines_km2": water_km2, "land_outside_between_lines_km2": outside,
            "method": ("union of the island parts that changed hands (" + ", ".join(parts_ids) + "); the water between the pre-2008 "
                       "(DCW) and present (OSM) lines is the separate feature " + f"{zid}-transfer-water"),
            "accuracy_m": max(p[2]["accuracy_m"] for p in moved),
        }))
        out.append((f"{zid}-transfer-water", _oriented(water), {
            "kind": "transfer_water", **common, "name_en": f"{spec['name_en'].split(':')[0]}: channel water between the old and new lines",
            "computed_area_km2": water_km2, "published_area_km2": None,
            "method": "faces between the pre-2008 line (zone_lines.geojson, DCW) and the present line (sections.geojson), minus the schematic island land of the zone",
            "accuracy_m": 1000,
        }))
    return sorted(out, key=lambda t: t[0])
