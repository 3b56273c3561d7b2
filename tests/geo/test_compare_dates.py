"""Comparing any two dates on the real bundled data, and status/holder changes."""

import json
from pathlib import Path

import pytest

from borderatlas.data.loader import load_atlas
from borderatlas.views import tables, viewmodel

GEO = Path(__file__).resolve().parents[2] / "geodata"


@pytest.fixture(scope="module")
def real():
    return load_atlas(GEO)


def test_1995_to_2011_lists_every_settlement(real):
    rows = viewmodel.compare_dates(real, "1995-03-01", "2011-10-01")
    moved = {r["zone_id"] for r in rows if r["kind"] == "line"}
    zones = {z["id"] for z in json.loads((GEO / "zones.json").read_text())["zones"]}
    assert {"kaz-tarbagatai", "kgz-uzengi-kuush", "heixiazi", "abagaitu", "tjk-pamir"} <= moved
    assert moved == zones
    pamir = next(r for r in rows if r["zone_id"] == "tjk-pamir")
    assert (pamir["from"], pamir["to"]) == ("Tajikistan", "China")
    assert pamir["event_id"] == "handover-2011-tjk" and pamir["area_km2"] > 500
    assert pamir["feature"] == "section:tjk-north" and pamir["sources"]
    # status and holder changes are listed too, each with its agreement
    kinds = {(r["kind"], r["feature"]) for r in rows}
    assert ("holder", "area:heixiazi-transfer") in kinds
    assert ("status", "section:tjk-north") in kinds
    assert all(r["event_id"] and r["agreement"] for r in rows)


def test_reversed_dates_read_from_a_to_b(real):
    forward = viewmodel.compare_dates(real, "1995-03-01", "2011-10-01")
    back = viewmodel.compare_dates(real, "2011-10-01", "1995-03-01")
    f = next(r for r in forward if r["zone_id"] == "tjk-pamir")
    b = next(r for r in back if r["zone_id"] == "tjk-pamir")
    assert (b["from"], b["to"]) == (f["to"], f["from"])
    hf = next(r for r in forward if r["feature"] == "area:tjk-pamir")
    hb = next(r for r in back if r["feature"] == "area:tjk-pamir")
    assert (hb["from"], hb["to"]) == (hf["to"], hf["from"])


def test_same_day_twice_changes_nothing_and_a_day_apart_finds_the_handover(real):
    assert viewmodel.compare_dates(real, "2008-10-14", "2008-10-14") == []
    rows = viewmodel.compare_dates(real, "2008-10-13", "2008-10-14")
    assert {r["zone_id"] for r in rows if r["kind"] == "line"} == {"heixiazi", "abagaitu"}


def test_downloads_carry_every_row(real):
    rows = viewmodel.compare_dates(real, "1995-03-01", "2011-10-01")
    csv = tables.change_csv(rows).decode()
    assert csv.count("\n") == len(rows) + 1 and "border_map?feature=section:tjk-north" in csv
    collection = json.loads(tables.change_geojson(rows, "1995-03-01", "2011-10-01"))
    assert len(collection["features"]) == len(rows)
    polys = [f for f in collection["features"] if f["geometry"]]
    assert len(polys) == sum(1 for r in rows if r["kind"] == "line")
    assert polys[0]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert polys[0]["properties"]["date_b"] == "2011-10-01"
