"""The standalone map file: everything inlined (no CDN), the page's layers, legend and credits."""

from __future__ import annotations

import re

import pytest
from atlas_fixture import write_geodata

from borderatlas.data.loader import load_atlas
from borderatlas.map import compose, elements, layers, standalone
from borderatlas.views import legend
from borderatlas.views.features import basemap_document

LINKED = re.compile(r"<(?:script|link|img)\b[^>]*\b(?:src|href)\s*=", re.I)


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    return load_atlas(write_geodata(tmp_path_factory.mktemp("standalone")))


@pytest.fixture(scope="module")
def doc(atlas):
    return basemap_document(atlas.basemap_countries, atlas.basemap_water, 0.02,
                            rivers=atlas.basemap_rivers)


def page_map(basemap: str = "auto", **extra: object):
    m = layers.base_map(None, "/prefix", bounds=(70.0, 35.0, 135.0, 53.0))
    if basemap == "auto":
        elements.AutoBasemap("/prefix/app/static/vendor/basemap-x.geojson", base_url_path="/prefix").add_to(m)
    elif basemap == "vector":
        elements.FetchedBasemap("/prefix/app/static/vendor/basemap-x.geojson", "/prefix").add_to(m)
    for child in extra.values():
        child.add_to(m)  # type: ignore[attr-defined]
    return m


def test_file_needs_nothing_from_outside_and_holds_the_layers(atlas, doc):
    groups = compose.status_groups(atlas, 1991, 0.004)
    html = standalone.standalone_html(page_map(), groups, "Timeline 1991", doc,
                                      legend.legend_html(1991))
    assert not LINKED.findall(html)  # every script and stylesheet is inlined
    assert "/app/static/" not in html  # nothing left pointing at the app's server
    assert "L.map(" in html and "BorderAtlas.autoBasemap(" in html
    assert re.search(r"ns\.fetchedBasemap\s*=\s*function", html)  # the fallback's code is in it
    for fid in atlas.sections["id"]:
        assert f"ba-id-{fid}" in html  # every section's feature is in the file
    assert '"ftype": "land"' in html or '"ftype":"land"' in html  # the vector basemap inlined
    assert "Section status in 1991" in html  # the legend
    assert "OpenStreetMap contributors, ODbL\")" in html  # the map's attribution control
    assert "Open Database Licence (ODbL 1.0)" in html  # and the licence under the map
    assert "<title>Timeline 1991</title>" in html


def test_layers_already_drawn_on_the_page_are_drawn_again(atlas, doc):
    groups = compose.status_groups(atlas, 1991, 0.004)
    page = page_map()
    for i, group in enumerate(groups):  # what st_folium does with the layers it is given
        group._id = f"feature_group_{i}"
        group.add_to(page)
        group.render()
        for j, child in enumerate(group._children.values()):
            child._id = f"feature_group_{i}_{j}"
    html = standalone.standalone_html(page, groups, "Map", doc)
    defined = set(re.findall(r"var ((?:geo_json|feature_group)_\w+) = L\.", html))
    added = set(re.findall(r"\b((?:geo_json|feature_group)_\w+)\.addTo\(", html))
    assert added and added <= defined, added - defined  # nothing added that is not defined


def test_title_and_link_are_escaped(atlas, doc):
    html = standalone.standalone_html(page_map("vector"), [], "<img src=x onerror=alert(1)>",
                                      doc, link='http://h/?a="><script>')
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '"><script>' not in html
    assert "BorderAtlas.autoBasemap(" not in html and "BorderAtlas.fetchedBasemap(map_" in html


def test_page_legend_swipe_and_side_are_carried_over(atlas, doc):
    m = page_map(legend=elements.LegendControl("<b>key</b>"), swipe=elements.Swipe("A", "B"))
    html = standalone.standalone_html(m, [], "Compare", doc)
    assert "BorderAtlas.legend(" in html and "key\\u003c/b\\u003e" in html
    assert "BorderAtlas.swipe(" in html
    side = standalone.standalone_html(page_map(side=elements.SideBySide("A", "B")), [], "C", doc)
    assert "BorderAtlas.sideBySide(" in side


def test_no_basemap_when_the_page_has_none(atlas, doc):
    html = standalone.standalone_html(page_map("none"), [], "Map", doc)
    assert "BorderAtlas.autoBasemap(" not in html and "fetchedBasemap(map_" not in html
