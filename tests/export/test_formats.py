"""Export formats, each read back with its own reader: counts and content equal to the data."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pandas as pd
import pyogrio
import pytest
import rispy
from pybtex.database import parse_file

import borderatlas as ba
from borderatlas.export import formats
from borderatlas.views import references

# A subset of the CSL-JSON schema (citation-style-language/schema, csl-data.json), written
# from the CSL 1.0.2 specification: the item types, required id/type, and the shapes of
# name and date variables. The official schema file is not shipped here.
CSL_TYPES = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
]
NAME = {"type": "object", "properties": {
    "family": {"type": "string"}, "given": {"type": "string"}, "literal": {"type": "string"},
    "suffix": {"type": "string"}, "dropping-particle": {"type": "string"},
    "non-dropping-particle": {"type": "string"}}, "additionalProperties": False}
DATE = {"type": "object", "properties": {
    "date-parts": {"type": "array", "minItems": 1, "maxItems": 2, "items": {
        "type": "array", "minItems": 1, "maxItems": 3,
        "items": {"type": ["integer", "string"]}}},
    "season": {"type": ["integer", "string"]}, "circa": {"type": ["boolean", "integer", "string"]},
    "literal": {"type": "string"}, "raw": {"type": "string"}}, "additionalProperties": False}
CSL_ITEM = {
    "type": "object",
    "required": ["id", "type"],
    "properties": {
        "id": {"type": ["string", "number"]},
        "type": {"enum": CSL_TYPES},
        **{k: {"type": "array", "items": NAME} for k in (
            "author", "editor", "translator", "container-author", "director", "interviewer",
            "recipient", "reviewed-author", "collection-editor", "composer", "illustrator")},
        **{k: DATE for k in ("issued", "accessed", "event-date", "original-date",
                             "submitted", "available-date")},
        **{k: {"type": ["string", "number"]} for k in (
            "title", "container-title", "publisher", "publisher-place", "URL", "DOI", "note",
            "version", "volume", "issue", "page", "language", "genre", "number",
            "title-short", "abstract")},
    },
}
CSL_SCHEMA = {"$schema": "http://json-schema.org/draft-07/schema#", "type": "array",
              "items": CSL_ITEM}


@pytest.fixture(scope="module")
def atlas() -> ba.BorderAtlas:
    return ba.open()


@pytest.fixture(scope="module")
def out(atlas, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("formats")
    written = formats.export(atlas, folder, ["all"], basemap=True)
    assert all(p.parent == folder for p in written)
    return folder


# -- GeoPackage ---------------------------------------------------------------------------

def test_gpkg_has_every_layer_and_the_events_table(atlas, out):
    path = out / formats.GPKG_NAME
    layers = {name: gtype for name, gtype in pyogrio.list_layers(path)}
    assert set(layers) == {"sections", "areas", "places", "zone_lines", "basemap_countries",
                           "basemap_water", "events"}
    assert layers["events"] is None  # non-spatial table
    for name in ("sections", "areas", "places", "zone_lines", "basemap_countries",
                 "basemap_water"):
        info = pyogrio.read_info(path, layer=name)
        assert info["features"] == len(atlas.data.layer(name)), name
        assert info["crs"] == "EPSG:4326"
    assert pyogrio.read_info(path, layer="events")["features"] == len(atlas.data.events) == 99


def test_gpkg_content_round_trips(atlas, out):
    path = out / formats.GPKG_NAME
    sections = pyogrio.read_dataframe(path, layer="sections")
    assert list(sections["id"]) == list(atlas.sections()["id"])
    mine = atlas.sections().set_index("id")
    for row in sections.itertuples():
        assert row.geometry.equals(mine.loc[row.id].geometry)
        assert json.loads(row.sources) == list(mine.loc[row.id, "sources"])
    events = pyogrio.read_dataframe(path, layer="events")
    assert list(events["id"]) == [e["id"] for e in atlas.data.events]
    first = atlas.data.events[0]
    assert json.loads(events.loc[0, "section_ids"]) == first["section_ids"]
    assert events.loc[0, "title_en"] == first["title_en"]
    areas = pyogrio.read_dataframe(path, layer="areas")
    assert set(areas.geometry.geom_type) >= {"Point", "Polygon"}


def test_gpkg_basemap_is_optional(atlas, tmp_path):
    written = formats.write_gpkg(atlas, tmp_path)
    names = {name for name, _ in pyogrio.list_layers(written[0])}
    assert names == {"sections", "areas", "places", "zone_lines", "events"}


# -- GeoJSON ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["sections", "areas", "places", "zone_lines",
                                  "basemap_countries", "basemap_water"])
def test_geojson_per_layer(atlas, out, name):
    frame = pyogrio.read_dataframe(out / f"{name}.geojson")
    assert len(frame) == len(atlas.data.layer(name))
    assert set(frame["id"]) == set(atlas.data.layer(name)["id"])
    raw = json.loads((out / f"{name}.geojson").read_text(encoding="utf-8"))
    assert raw["type"] == "FeatureCollection" and "crs" not in raw  # RFC 7946
    if name == "sections":
        assert raw["features"][0]["properties"]["countries"] == ["CHN", "RUS"]  # lists kept
        lon = raw["features"][0]["geometry"]["coordinates"][0][0]
        assert round(lon, 6) == lon


# -- CSV ----------------------------------------------------------------------------------

def test_csv_tables(atlas, out):
    events = pd.read_csv(out / "events.csv", dtype=str, keep_default_na=False)
    assert list(events["id"]) == [e["id"] for e in atlas.data.events]
    assert events.loc[0, "sources"] == "; ".join(atlas.data.events[0]["sources"])
    json.loads(events.loc[1, "readings"])
    sections = pd.read_csv(out / "sections.csv", dtype=str, keep_default_na=False)
    assert list(sections["id"]) == list(atlas.sections()["id"])
    assert "geometry" not in sections.columns
    areas = pd.read_csv(out / "areas.csv", dtype=str)
    assert len(areas) == len(atlas.areas())
    places = pd.read_csv(out / "places.csv")
    mine = atlas.places().set_index("id")
    for row in places.itertuples():
        assert (row.lon, row.lat) == pytest.approx((mine.loc[row.id].geometry.x,
                                                    mine.loc[row.id].geometry.y), abs=1e-6)
    with (out / "events.csv").open(encoding="utf-8", newline="") as fh:
        assert sum(1 for _ in csv.reader(fh)) == len(atlas.data.events) + 1


# -- bibliography -------------------------------------------------------------------------

def test_bibtex_parses_with_one_entry_per_source(atlas, out):
    bib = parse_file(str(out / "bibliography.bib"), bib_format="bibtex")
    assert set(bib.entries) == set(atlas.data.bibliography)
    kinds = {(item["type"], bib.entries[key].type)
             for key, item in atlas.data.bibliography.items()}
    assert {("article-journal", "article"), ("book", "book"), ("webpage", "misc"),
            ("chapter", "incollection"), ("report", "techreport")} <= kinds
    assert len(bib.entries) == len(atlas.data.bibliography) > 300
    for key, item in atlas.data.bibliography.items():
        entry = bib.entries[key]
        assert entry.type == references.BIBTEX_TYPES.get(item["type"], "misc")
        if item.get("URL"):
            assert entry.fields["url"] == item["URL"]  # verbatim, not LaTeX-escaped
        if item.get("issued"):
            assert entry.fields["year"] == str(item["issued"]["date-parts"][0][0])
        assert len(entry.persons.get("author", [])) == len(item.get("author", []))


def test_bibtex_escapes_latex_specials():
    bib = references.csl_to_bibtex([{"id": "k", "type": "book", "title": "Tom & Jerry 100% {x",
                                  "author": [{"literal": "A & B Ltd"}],
                                  "issued": {"date-parts": [[2001, 3]]}}])
    text = bib.to_string("bibtex")
    assert r"Tom \& Jerry 100\%" in text
    assert r"\textbraceleft{}x" in text
    assert "month = \"mar\"" in text
    entry = parse_file_from_string(text).entries["k"]
    assert str(entry.persons["author"][0]) == r"{A \& B Ltd}"


def parse_file_from_string(text: str):
    from pybtex.database import parse_string

    return parse_string(text, "bibtex")


def test_ris_reads_back_with_rispy(atlas, out):
    with (out / "bibliography.ris").open(encoding="utf-8") as fh:
        records = rispy.load(fh)
    assert len(records) == len(atlas.data.bibliography) > 300
    by_id = {r["id"]: r for r in records}
    assert set(by_id) == set(atlas.data.bibliography)
    kinds = {(item["type"], by_id[key]["type_of_reference"])
             for key, item in atlas.data.bibliography.items()}
    assert {("legislation", "STAT"), ("article-newspaper", "NEWS"), ("webpage", "ELEC"),
            ("article-journal", "JOUR"), ("book", "BOOK"), ("dataset", "DATA")} <= kinds
    for key, item in atlas.data.bibliography.items():
        rec = by_id[key]
        assert rec["type_of_reference"] == references.RIS_TYPES.get(item["type"], "GEN")
        assert rec.get("title") == item.get("title")
        if item.get("URL"):
            assert rec["urls"] == [item["URL"]]
        assert len(rec.get("authors", [])) == len(item.get("author", []))


def test_csl_json_is_valid_and_unchanged(atlas, out):
    items = json.loads((out / "bibliography.csl.json").read_text(encoding="utf-8"))
    jsonschema.validate(items, CSL_SCHEMA)
    assert len(items) == len(atlas.data.bibliography) > 300
    assert [i["id"] for i in items] == sorted(atlas.data.bibliography)
    assert {i["id"]: i for i in items} == atlas.data.bibliography


def test_csl_subset_schema_rejects_a_bad_item():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "blogpost"}], CSL_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "book", "author": "Doe"}], CSL_SCHEMA)


# -- export() -----------------------------------------------------------------------------

def test_export_writes_only_what_is_asked(atlas, tmp_path):
    written = formats.export(atlas, tmp_path / "new", ["csv", "csl"])
    assert sorted(p.name for p in written) == ["areas.csv", "bibliography.csl.json",
                                               "events.csv", "places.csv", "sections.csv"]
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == sorted(p.name for p in written)
    assert formats.export(atlas.data, tmp_path / "raw", "ris")[0].name == "bibliography.ris"


@pytest.mark.parametrize("bad", [["shp"], ["gpkg", "kml"], [], ["GPKG"]])
def test_export_bad_format_names(atlas, tmp_path, bad):
    with pytest.raises(formats.UnknownFormatError) as info:
        formats.export(atlas, tmp_path, bad)
    assert isinstance(info.value, ValueError) and isinstance(info.value, ba.BorderAtlasError)
    msg = str(info.value)
    assert "allowed: gpkg, geojson, csv, bibtex, ris, csl" in msg
    for name in bad:
        if name not in formats.FORMATS:
            assert repr(name) in msg
    assert not list(tmp_path.iterdir())  # nothing written


def test_text_formats_are_deterministic(atlas, out, tmp_path):
    formats.export(atlas, tmp_path, ["geojson", "csv", "bibtex", "ris", "csl"])
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (out / path.name).read_bytes(), path.name
