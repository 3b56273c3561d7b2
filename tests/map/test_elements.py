"""Map elements render calls into our own local scripts, with their options as JSON."""

from __future__ import annotations

import re

import folium

from borderatlas.map import elements, layers
from borderatlas.map.assets import external_urls
from borderatlas.style import OSM_TILES_URL


def _html(*children: folium.Element) -> str:
    m = layers.base_map(None, "")
    for child in children:
        child.add_to(m)
    return m.get_root().render()


def test_auto_basemap_loads_the_vector_fallback_first_and_names_the_tiles():
    html = _html(elements.AutoBasemap("/app/static/vendor/basemap-x.geojson", timeout_ms=2500))
    scripts = re.findall(r'<script src="([^"]+)"', html)
    fetched = scripts.index("/app/static/vendor/borderatlas/fetched-basemap.js")
    assert fetched < scripts.index("/app/static/vendor/borderatlas/basemap-auto.js")
    call = re.search(r"BorderAtlas\.autoBasemap\(map_\w+, (\{.*?\})\);", html)
    assert call is not None
    assert OSM_TILES_URL in call.group(1) and "basemap-x.geojson" in call.group(1)
    assert '"timeoutMs": 2500' in call.group(1)
    assert "openstreetmap.org/copyright" in call.group(1)  # the tiles' own attribution
    assert external_urls(html) == []  # the tile URL is an option, not a script or stylesheet


def test_fetched_basemap_takes_a_document_instead_of_a_url():
    doc = {"type": "FeatureCollection", "features": []}
    html = _html(elements.FetchedBasemap(doc))
    assert re.search(r'BorderAtlas\.fetchedBasemap\(map_\w+, \{"features": \[\], "type": "FeatureCollection"\}\)', html)
