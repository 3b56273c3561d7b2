"""Truth checks on the committed geodata (no network, no build inputs)."""

import itertools
import json
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import Point

from borderatlas.data.loader import load_atlas
from borderatlas.geo.lines import LineSet
from borderatlas.geodesy import length_km

GEO = Path(__file__).resolve().parents[2] / "geodata"
TRIPOINT_TOL_M = 1.0  # section ends are set exactly to the derived tripoint vertices

# Published lengths (km): see geometry survey + bibliography; tolerance 10 %.
PUBLISHED_KM = {
    "CHN-RUS": 4195.0,  # "about 4,180–4,210 km" in total (east + west ~55 km)
    "CHN-KAZ": 1782.75,  # demarcated length
    "CHN-KGZ": 1071.8,  # open.kg / Kyrgyz MFA figure
    "CHN-TJK": 486.0,  # "about 477–495 km"
}


@pytest.fixture(scope="module")
def sections() -> gpd.GeoDataFrame:
    return gpd.read_file(GEO / "sections.geojson").sort_values("order")


@pytest.fixture(scope="module")
def places() -> gpd.GeoDataFrame:
    return gpd.read_file(GEO / "places.geojson").set_index("id")


@pytest.fixture(scope="module")
def lines() -> LineSet:
    return LineSet.from_atlas(load_atlas(GEO))


def _coords(g):
    return list(g.coords)


def test_fourteen_sections_with_ids(sections: gpd.GeoDataFrame) -> None:
    assert len(sections) == 14
    assert list(sections["id"])[:2] == ["rus-e-argun", "rus-e-amur-upper"]


def test_consecutive_sections_share_exact_vertex(sections: gpd.GeoDataFrame) -> None:
    rows = list(sections.itertuples())
    for a, b in itertools.pairwise(rows):
        if a.id == "rus-e-primorye":  # the east chain ends at the PRK tripoint; the west chain starts in the Altai
            continue
        assert _coords(a.geometry)[-1] == _coords(b.geometry)[0], (a.id, b.id)
        assert a.end_point == b.start_point


def test_no_overlap_between_consecutive_sections(sections: gpd.GeoDataFrame) -> None:
    rows = list(sections.itertuples())
    for a, b in itertools.pairwise(rows):
        inter = a.geometry.intersection(b.geometry)
        assert inter.length == 0.0, (a.id, b.id)


def test_section_ends_hit_tripoints(sections: gpd.GeoDataFrame, places: gpd.GeoDataFrame) -> None:
    tps = places[places["kind"] == "tripoint"]
    assert len(tps) == 7
    for row in sections.itertuples():
        for end, pid in ((_coords(row.geometry)[0], row.start_point), (_coords(row.geometry)[-1], row.end_point)):
            if pid.startswith("tripoint-"):
                p = places.loc[pid].geometry
                assert Point(end).distance(p) * 111_000 <= TRIPOINT_TOL_M, (row.id, pid)


@pytest.mark.parametrize("pair", sorted(PUBLISHED_KM))
def test_lengths_within_ten_percent(sections: gpd.GeoDataFrame, pair: str) -> None:
    km = sum(length_km(g) for p, g in zip(sections["pair"], sections.geometry, strict=False) if p.startswith(pair))
    assert km == pytest.approx(PUBLISHED_KM[pair], rel=0.10)


def test_rus_west_is_about_55_km(sections: gpd.GeoDataFrame) -> None:
    assert float(sections.loc[sections["id"] == "rus-w-altai", "length_km"].iloc[0]) == pytest.approx(55, rel=0.1)


def test_osm_layers_carry_odbl(sections: gpd.GeoDataFrame) -> None:
    assert set(sections["license"]) == {"ODbL-1.0"}
    assert "OpenStreetMap" in json.loads((GEO / "sections.geojson").read_text())["attribution"]


def test_areas_match_published_or_explain() -> None:
    areas = gpd.read_file(GEO / "areas.geojson")
    for row in areas.itertuples():
        if row.geometry.geom_type == "Point":
            assert row.area_note, row.id
            continue
        pub, comp = row.published_area_km2, row.computed_area_km2
        if pub is None or pub != pub or abs(comp - pub) / pub > 0.15:
            assert row.area_note, row.id


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        # western Bolshoy Ussuriysky inside the transfer polygon (48.35N 134.67E; at 134.55E the DCW channel lies north)
        ((134.67, 48.35), {"1991": "SUN", "2001": "RUS", "2008": "CHN", "present": "CHN"}),
        ((134.56, 48.37), {"1991": "SUN", "2001": "RUS", "2008": "CHN", "present": "CHN"}),  # Tarabarov
        ((134.90, 48.38), {"1991": "SUN", "2001": "RUS", "2008": "RUS", "present": "RUS"}),  # eastern Bolshoy Ussuriysky
        ((117.85, 49.555), {"2001": "RUS", "2008": "RUS", "present": "RUS"}),  # western Argun Bolshoy
        ((117.95, 49.59), {"2001": "RUS", "2008": "CHN", "present": "CHN"}),  # eastern Argun Bolshoy
        ((74.7674, 38.4334), {"2008": "TJK", "present": "CHN"}),  # Pamir area ceded in 2011
        ((78.1744, 41.2165), {"2001": "KGZ", "2008": "CHN"}),  # Uzengi-Kuush
        ((126.6, 45.75), {"1991": "CHN", "present": "CHN"}),  # Harbin
        ((135.07, 48.48), {"1991": "SUN", "present": "RUS"}),  # Khabarovsk
    ],
)
def test_holder_by_version(lines: LineSet, point, expected) -> None:
    for version, holder in expected.items():
        assert lines.holder_at(point, version) == holder, (point, version)


def test_1991_line_differs_only_inside_zones(lines: LineSet) -> None:
    old, new = lines.lines_at("1991"), lines.lines_at("present")
    zone_secs = {z["section_id"] for z in lines.zones.values()}
    for sid in new:
        if sid not in zone_secs:
            assert old[sid] is new[sid]
            continue
        o, n = _coords(old[sid]), _coords(new[sid])
        zs = [z for z in lines.zones.values() if z["section_id"] == sid]
        first = min(n.index(tuple(z["junctions"][0])) for z in zs)
        last = max(n.index(tuple(z["junctions"][1])) for z in zs)
        assert o[: first + 1] == n[: first + 1]
        assert o[len(o) - (len(n) - last) :] == n[last:]


def test_zone_junctions_are_section_vertices(lines: LineSet) -> None:
    for z in lines.zones.values():
        coords = _coords(lines.sections[z["section_id"]])
        for j in z["junctions"]:
            assert tuple(j) in coords, z["id"]


def test_versions_ids() -> None:
    ids = [v["id"] for v in json.loads((GEO / "versions.json").read_text())["versions"]]
    assert ids == ["1991", "2001", "2008", "present"]
