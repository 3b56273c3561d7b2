"""Files the server writes once for the browser: layer GeoJSON by content, the basemap in two parts."""

from __future__ import annotations

import json
import re

import pytest

from borderatlas import config
from borderatlas.ui import cache
from borderatlas.views.features import BASEMAP_DETAIL_ZOOM, basemap_document

VENDOR = config.app_dir() / "static" / "vendor"


def test_a_layer_is_written_once_under_a_name_of_its_content():
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "x", "properties": {"tip": "Амур <b>"},
         "geometry": {"type": "Point", "coordinates": [130.0, 48.0]}}]}
    url = cache.layer_url(doc)
    found = re.fullmatch(r"/app/static/vendor/(layers/[0-9a-f]{16}\.geojson)", url)
    assert found, url
    assert json.loads((VENDOR / found.group(1)).read_text(encoding="utf-8")) == doc
    assert cache.layer_url(json.loads(json.dumps(doc))) == url  # equal content, same file
    other = {**doc, "features": []}
    assert cache.layer_url(other) != url


def test_the_basemap_overview_names_its_close_up_parts_and_together_they_are_whole():
    from shapely.geometry import box, shape

    data = cache.atlas()
    whole = basemap_document(data.basemap_countries, data.basemap_water,
                             cache.DETAIL["overview"], rivers=data.basemap_rivers)
    overview = json.loads((VENDOR / cache._basemap_file(str(cache.geodata_root()),
                                                         config.resolution())).read_text())
    assert all((f["properties"].get("minZoom") or 0) < BASEMAP_DETAIL_ZOOM
               for f in overview["features"])
    parts = overview["detail"]
    assert parts and len({p["href"] for p in parts}) == len(parts)
    near = []
    for part in parts:  # one file per close-up feature, inside the bounds the overview gives
        doc = json.loads((VENDOR / part["href"]).read_text())
        assert [f["properties"]["minZoom"] for f in doc["features"]] == [part["minZoom"]]
        assert part["minZoom"] >= BASEMAP_DETAIL_ZOOM
        assert box(*part["bbox"]).contains(shape(doc["features"][0]["geometry"]))
        near += doc["features"]
    ids = sorted(f["id"] for f in whole["features"])
    assert sorted(f["id"] for f in overview["features"] + near) == ids
    merged = cache.basemap_whole()  # what a standalone map inlines
    assert "detail" not in merged and sorted(f["id"] for f in merged["features"]) == ids


def test_land_and_water_are_rounded_to_a_thousandth_of_a_degree_rivers_are_not():
    data = cache.atlas()
    doc = basemap_document(data.basemap_countries, data.basemap_water,
                           cache.DETAIL["overview"], rivers=data.basemap_rivers)
    text = {kind: json.dumps([f["geometry"] for f in doc["features"]
                              if f["properties"].get("ftype") == kind]) for kind in ("land", "water")}
    for kind, coords in text.items():
        assert coords != "[]" and not re.search(r"\d\.\d{4,}", coords), kind
    rivers = json.dumps([f["geometry"] for f in doc["features"] if "minZoom" in f["properties"]])
    assert re.search(r"\d\.\d{4,}", rivers)  # the close-up rivers keep their detail


def test_a_missing_value_is_null_in_a_layer_file_and_a_nan_is_refused():
    data = cache.atlas()
    from borderatlas.map import elements, layers

    group = layers.claim_lines_layer(data.zone_lines)  # old lines have no claimant (NaN)
    doc = next(elements.data_layers([group])).document
    assert any(f["properties"]["claimant"] is None for f in doc["features"])
    json.loads((VENDOR / cache.layer_url(doc).split("/vendor/", 1)[1]).read_text())  # parses
    bad = {"type": "FeatureCollection", "features": [{"properties": {"x": float("nan")}}]}
    with pytest.raises(ValueError):
        cache.layer_url(bad)
