import json
import re

import folium
import geopandas as gpd
import pytest
from atlas_fixture import write_geodata
from shapely.geometry import LineString

from borderatlas import style
from borderatlas.data.loader import load_atlas
from borderatlas.geo import simplify
from borderatlas.map import layers
from borderatlas.map.assets import external_urls
from borderatlas.views import features, legend, viewmodel


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    return load_atlas(write_geodata(tmp_path_factory.mktemp("fx")))


def render(*groups) -> str:
    m = layers.base_map()
    for g in groups:
        g.add_to(m)
    return m.get_root().render()


def test_sections_have_ids_classes_status_colours_and_escaped_names(atlas):
    statuses = viewmodel.status_map(atlas, 2015)
    html = render(layers.sections_layer(atlas.sections, statuses, year=2015))
    assert '"id": "rus-e-ussuri"' in html
    assert "ba-section ba-id-rus-e-ussuri" in html
    assert style.STATUS_COLOURS["demarcated"] in html
    # data text is HTML-escaped (then JSON-escaped inside the script)
    assert r"Ili \u0026amp; Khorgos \u0026lt;sector\u0026gt;" in html
    assert "<sector>" not in html and r"\u003csector" not in html
    assert external_urls(html) == []


def test_tooltip_marker_round_trips_through_click_text():
    tip = features.tooltip_html("area", "zhenbao", {"name_en": "Zhenbao <b>", "name_ru": "Даманский",
                                                  "name_zh": "珍宝岛"})
    assert "Zhenbao &lt;b&gt;" in tip and "Даманский" in tip and "珍宝岛" in tip
    text = re.sub(r"<[^>]+>", "", tip)  # what the browser's innerText gives back
    assert features.parse_clicked(text) == ("area", "zhenbao")
    assert features.parse_clicked("no marker") is None
    assert features.parse_clicked(None) is None


def test_simplify_keeps_end_vertices_so_sections_stay_joined():
    line = LineString([(0, 0), (0.5, 0.001), (1, 0), (1.5, 0.002), (2, 0)])
    simple = simplify.simplify_geometry(line, 0.01)
    assert len(simple.coords) < len(line.coords)
    assert simple.coords[0] == line.coords[0] and simple.coords[-1] == line.coords[-1]


def test_features_carry_only_small_properties(atlas):
    feats = features.to_features(atlas.sections, "section", 0.01)
    assert set(feats[0]["properties"]) == {"id", "ftype", "tip"}
    coords = json.dumps([f["geometry"] for f in feats])
    assert not re.search(r"\d\.\d{6,}", coords)  # rounded


def test_areas_points_and_places_render(atlas):
    html = render(layers.areas_layer(atlas.areas, viewmodel.holder_map(atlas, 2015), year=2015),
                  layers.places_layer(atlas.places), layers.claim_lines_layer(atlas.zone_lines))
    for fid in ("zhenbao", "heixiazi-transfer", "khabarovsk", "heixiazi-claim-chn"):
        assert f"ba-id-{fid}" in html
    assert html.count("BorderAtlas.layerData(") == 3
    assert html.count('"circle": {"fill": true, "fillOpacity": 0.9, "radius": 6}') == 2  # points


def test_basemap_is_not_interactive(atlas):
    group = layers.basemap_layer(atlas.basemap_countries, atlas.basemap_water)
    html = render(group)
    assert '"interactive": false' in html
    assert "ba-land" in html and "ba-water" in html


def test_version_and_difference_layers(atlas):
    rows = viewmodel.compare_versions(atlas, "1991", "2001")
    assert [r["zone_id"] for r in rows] == ["kaz-sary-childe"]
    html = render(layers.version_layer(viewmodel.version_line(atlas, "1991"), "1991 line", 0),
                  layers.version_layer(viewmodel.version_line(atlas, "2001"), "2001 line", 1),
                  layers.difference_layer(rows))
    old_1991 = viewmodel.version_line(atlas, "1991").set_index("id")
    new_2001 = viewmodel.version_line(atlas, "2001").set_index("id")
    # the old Soviet vertex is spliced into the 1991 section and gone by 2001
    assert (80.0, 42.7) in list(old_1991.geometry["kaz-ili"].coords)
    assert (80.0, 42.7) not in list(new_2001.geometry["kaz-ili"].coords)
    assert old_1991.loc["kaz-ili", "zone_id"] == "kaz-sary-childe"
    # sections outside every pending zone share one geometry object across versions
    assert old_1991.geometry["rus-e-ussuri"] is new_2001.geometry["rus-e-ussuri"]
    assert "ba-id-v0-kaz-ili" in html and "ba-id-v1-kaz-ili" in html
    assert "ba-id-kaz-sary-childe" in html


def test_highlight_and_attribution(atlas):
    geom = atlas.sections.geometry.iloc[0]
    html = render(layers.highlight_layer(geom, "section", "x"))
    assert "ba-selected_section" in html
    assert "OpenStreetMap contributors, ODbL" in html


def test_legend_is_escaped_html():
    html = legend.legend_html(1969)
    assert "Section status in 1969" in html and "disputed" in html
    hostile = legend.legend_html(statuses=['<img src=x onerror="alert(1)">', "disputed"])
    assert "<img" not in hostile
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in hostile


def test_empty_frames_do_not_break():
    empty = gpd.GeoDataFrame({"id": []}, geometry=[], crs="EPSG:4326")
    assert isinstance(layers.sections_layer(empty, {}), folium.FeatureGroup)
    render(layers.areas_layer(empty), layers.difference_layer([]))


def test_tiles_are_optional_and_off_by_default():
    assert "tile.openstreetmap.org" not in layers.base_map().get_root().render()
    html = layers.base_map(tiles="OpenStreetMap").get_root().render()
    assert "tile.openstreetmap.org" in html and "OpenStreetMap contributors" in html
