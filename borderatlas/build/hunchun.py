"""The Hubutu (Granitnaya) river tract as the difference of two OSM editions, to test it against the 2015 reports."""

from __future__ import annotations

from typing import Any

from pyproj import Geod
from shapely.geometry import Point, box
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from borderatlas.geodesy import area_km2 as geodesic_area_km2  # the one geodesic area

GEOD = Geod(ellps="WGS84")
WINDOW = (130.9, 43.2, 131.6, 43.8)
MIN_TRACT_KM2 = 1.0  # everything else in the window is re-traced meanders (each <= 0.5 km²)
MAX_SLIVER_KM2 = 0.5
EXPECTED = (131.292, 43.484)  # where the survey found the tract; the build fails if it is not there
USSURIYSK = (131.95, 43.80)  # city centre, for the reported '60 km from Ussuriysk'


def build_hunchun_tract(china_2018: BaseGeometry, china_2024: BaseGeometry,
                        russia_dcw: BaseGeometry | None = None) -> list[tuple[str, BaseGeometry, dict[str, Any]]]:
    """The compact tract China gains between the two OSM editions near Poltavka, with its measures.

    Parameters
    ----------
    china_2018 : BaseGeometry
        China in @geo-maps/countries-maritime-10m 0.6.0 (OSM about 2017/18).
    china_2024 : BaseGeometry
        China in @osm_borders/maritime_10m 1.1.0 (OSM about 2024).
    russia_dcw : BaseGeometry, optional
        Russia in DCW-GMT (about 1980s–1992), to say which side the pre-demarcation map put the tract on.

    Returns
    -------
    list of tuple
        One ``(id, Polygon, properties)``; raises if no single compact tract is found.
    """
    win = box(*WINDOW)
    gain = china_2024.intersection(win).difference(china_2018.intersection(win))
    loss = china_2018.intersection(win).difference(china_2024.intersection(win))
    parts = sorted((g for g in getattr(gain, "geoms", [gain]) if g.geom_type == "Polygon"), key=geodesic_area_km2, reverse=True)
    big = [g for g in parts if geodesic_area_km2(g) >= MIN_TRACT_KM2]
    slivers = [geodesic_area_km2(g) for g in parts if geodesic_area_km2(g) < MIN_TRACT_KM2]
    lost = [geodesic_area_km2(g) for g in getattr(loss, "geoms", [loss]) if g.geom_type == "Polygon"]
    if len(big) != 1 or max(slivers + lost, default=0.0) > MAX_SLIVER_KM2 or not big[0].buffer(0.01).contains(Point(EXPECTED)):
        raise ValueError(f"no single compact tract: {[round(geodesic_area_km2(g), 2) for g in big]}, largest other {max(slivers + lost, default=0):.2f} km²")
    tract = orient(big[0], 1.0)
    area = round(geodesic_area_km2(tract), 3)
    x0, y0, x1, y1 = tract.bounds
    ew = GEOD.line_length([x0, x1], [(y0 + y1) / 2] * 2) / 1000
    ns = GEOD.line_length([(x0 + x1) / 2] * 2, [y0, y1]) / 1000
    c = tract.representative_point()
    to_ussuriysk = GEOD.line_length([c.x, USSURIYSK[0]], [c.y, USSURIYSK[1]]) / 1000
    dcw_share = round(geodesic_area_km2(tract.intersection(russia_dcw)) / area, 3) if russia_dcw is not None else None
    return [("hunchun-hubutu-tract", tract, {
        "kind": "candidate_transfer", "name_en": "Hubutu (Granitnaya) river tract: China in OSM 2024, not in OSM 2018",
        "name_ru": "Участок на р. Хубуту (Гранитная): Китай в OSM 2024, не в OSM 2018", "name_zh": "瑚布图河地块（OSM 2024 属中国，OSM 2018 不属）",
        "computed_area_km2": area, "extent_km": {"east_west": round(ew, 1), "north_south": round(ns, 1)},
        "distance_to_ussuriysk_km": round(to_ussuriysk, 1), "share_russian_in_dcw": dcw_share,
        "other_differences_km2": {"largest_gain": round(max(slivers, default=0.0), 3), "largest_loss": round(max(lost, default=0.0), 3),
                                  "n_gain": len(slivers), "n_loss": len(lost)},
        "published_area_km2": 4.7, "published_area_sources": ["jilin_2015_hunchun", "xinhua2015_hunchun", "globaltimes_2015"],
        "published_area_note": ("'about 8 km² of territory entered China from Russia on the Hubutu river in the north-east of Chunhua town, "
                                "4.7 km² of it in Hunchun (Jilin)' (Xinhua/Jilin, Nov 2015); demarcation of this section ended in 1999; "
                                "the Tumen River Daily adds that the border was lengthened 6.2 km north–south and widened 7 km east–west"),
        "area_note": (f"Candidate, not confirmed: the tract ({area:.1f} km², {ew:.1f} × {ns:.1f} km) lies where the reports put the land "
                      f"(Hubutu river, {to_ussuriysk:.0f} km from Ussuriysk), is larger than the 8 km² total and twice the 4.7 km² Jilin "
                      "share, and was Russian on the pre-demarcation DCW map; the OSM edit may record the 1993–99 demarcation or a later "
                      "mapping correction, which the geometry cannot tell apart. Not split at the Jilin–Heilongjiang junction: the "
                      "reports name it only as the 'red post' (红漆桩, 593 m) without coordinates, and DCW's provincial line ends at "
                      "the old border, outside the tract."),
        "method": (f"China in @osm_borders/maritime_10m 1.1.0 minus China in @geo-maps/countries-maritime-10m 0.6.0 inside {list(WINDOW)}; "
                   f"the single difference face >= {MIN_TRACT_KM2:g} km² (all others <= {MAX_SLIVER_KM2:g} km²: re-traced meanders)"),
        "holder_before": "RUS", "holder_after": "CHN", "holder_change_date": None,
        "holder_note": "the Chinese reports date the transfer to the 1993 demarcation (markers 1999, place-name stones 4 Nov 2015); Russia's FSB border directorate for Primorye said the border had not moved (7 Nov 2015)",
        "accuracy_m": 200, "schematic": False,
        "sources": ["osm_borders_maritime_10m", "geomaps_countries_maritime_10m", "dcw_gmt", "jilin_2015_hunchun", "xinhua2015_hunchun",
                    "tumenjiang2015_hunchun", "ussur2015_fsb_denial", "siberiantimes_2015"],
        "license": "ODbL-1.0",
    })]
