"""Public API (borderatlas.api): every method on the bundled data, every bad input's named error."""

from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import pandas as pd
import pytest

import borderatlas as ba
from borderatlas import api
from borderatlas.config import geodata_root
from borderatlas.geodesy import area_km2


@pytest.fixture(scope="module")
def atlas() -> ba.BorderAtlas:
    return ba.open()


# -- open ---------------------------------------------------------------------------------

def test_open_validates_once_and_caches(atlas):
    assert ba.open() is atlas
    assert ba.open(geodata_root()) is atlas
    assert atlas.data.problems == []
    assert repr(atlas).startswith("<BorderAtlas ")


def test_open_another_tree(make_geodata, mini_files):
    root = make_geodata(mini_files)
    mini = ba.open(root)
    assert mini is not ba.open()
    assert list(mini.sections()["id"]) == ["s-a", "s-b"]


def test_open_invalid_tree_lists_every_problem(make_geodata, mini_files):
    mini_files["sections.geojson"]["features"][0]["properties"]["pair"] = "CHN-XXX"
    mini_files["places.geojson"]["features"][0]["geometry"]["coordinates"] = [500, 0]
    with pytest.raises(ba.InvalidDataError) as info:
        ba.open(make_geodata(mini_files))
    err = info.value
    assert isinstance(err, ba.BorderAtlasError)
    assert {p.file for p in err.problems} >= {"sections.geojson", "places.geojson"}
    assert "sections.geojson: s-a: properties.pair" in str(err)
    assert "out of range" in str(err)


def test_open_reload_rereads_a_changed_tree(make_geodata, mini_files):
    root = make_geodata(mini_files)
    assert len(ba.open(root).events()) == len(mini_files["history/events.json"]["events"])
    (root / "sections.geojson").write_text("{broken", encoding="utf-8")
    assert ba.open(root) is ba.open(root)  # cached: validated once
    with pytest.raises(ba.InvalidDataError, match="broken JSON"):
        ba.open(root, reload=True)


def test_open_missing_dir_and_wrong_type(tmp_path):
    with pytest.raises(ba.InvalidDataError, match="not a directory"):
        ba.open(tmp_path / "nope")
    with pytest.raises(ba.WrongTypeError, match="path must be"):
        ba.open(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ba.open(3.5)  # type: ignore[arg-type]


# -- dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("when", ["1995", "1995-06", "1995-06-01", dt.date(1995, 6, 1),
                                  dt.datetime(1995, 6, 1, 12), pd.Timestamp("1995-06-01"), 1995])
def test_every_date_form_is_accepted(atlas, when):
    assert atlas.status_at("rus-e-ussuri", when) == "agreed"


def test_a_year_or_month_means_its_last_day(atlas):
    # rus-e-ussuri turned demarcated on 1997-11-10
    assert atlas.status_at("rus-e-ussuri", "1997") == "demarcated"
    assert atlas.status_at("rus-e-ussuri", 1997) == "demarcated"
    assert atlas.status_at("rus-e-ussuri", "1997-11") == "demarcated"
    assert atlas.status_at("rus-e-ussuri", "1997-10") == "agreed"
    assert atlas.status_at("rus-e-ussuri", "1997-11-09") == "agreed"
    assert atlas.status_at("rus-e-ussuri", "1997-11-10") == "demarcated"
    assert atlas.status_at("rus-e-ussuri", "1996-02") == "agreed"  # leap month ends fine


@pytest.mark.parametrize("bad", ["1995-13", "1995-02-30", "95", "1995/06/01", "", "soon",
                                 "1995-6-1", "1995-06-01T00:00", 0, -5, 10000])
def test_malformed_dates_raise_bad_date_error(atlas, bad):
    with pytest.raises(ba.BadDateError) as info:
        atlas.status_at("rus-e-ussuri", bad)
    assert isinstance(info.value, ValueError)
    assert repr(bad) in str(info.value)
    assert "YYYY-MM-DD" in str(info.value)


@pytest.mark.parametrize("bad", [1995.5, None, True, ["1995"], b"1995"])
def test_wrong_date_types_raise_wrong_type_error(atlas, bad):
    with pytest.raises(ba.WrongTypeError) as info:
        atlas.line_at(bad)
    assert isinstance(info.value, TypeError)
    assert type(bad).__name__ in str(info.value)


@pytest.mark.parametrize("bad", ["1500", 1600, "1689-09-05", "2999-01-01", dt.date.today().year + 1])
def test_dates_outside_the_data_raise_out_of_range(atlas, bad):
    with pytest.raises(ba.DateOutOfRangeError) as info:
        atlas.holder_at("zhenbao", bad)
    msg = str(info.value)
    assert repr(bad) in msg
    assert str(atlas.date_range) in msg
    assert isinstance(info.value, ba.BadDateError)


def test_date_range_ends_are_inclusive(atlas):
    first, last = atlas.date_range.first, atlas.date_range.last
    assert first == dt.date(1689, 9, 6)
    assert last == dt.date.today()
    atlas.events(start=first, end=last)
    assert len(atlas.line_at(str(dt.date.today().year))) == 14  # the current year -> today


# -- ids ----------------------------------------------------------------------------------

def test_unknown_ids_raise_key_error_compatible_with_the_allowed_ids(atlas):
    with pytest.raises(ba.UnknownIdError) as info:
        atlas.status_at("rus-e-usuri", 1995)
    assert isinstance(info.value, KeyError)
    assert "'rus-e-usuri'" in str(info.value)
    assert "rus-e-ussuri" in str(info.value)
    with pytest.raises(KeyError, match=r"unknown area id 'rus-e-ussuri'; known areas: .*zhenbao"):
        atlas.holder_at("area:rus-e-ussuri", 2000)
    with pytest.raises(ba.UnknownIdError, match="unknown id 'rus-e-ussuri'; known areas"):
        atlas.holder_at("rus-e-ussuri", 2000)
    with pytest.raises(ba.UnknownIdError, match=r"unknown feature kind 'river'.*section, area"):
        atlas.events(feature="river:amur")
    with pytest.raises(ba.WrongTypeError, match="feature must be a string"):
        atlas.status_at(7, 1995)  # type: ignore[arg-type]


# -- line_at ------------------------------------------------------------------------------

def test_line_at_composes_the_dated_zones(atlas):
    line = atlas.line_at("1995-06-01")
    assert isinstance(line, gpd.GeoDataFrame)
    assert line.crs.to_epsg() == 4326
    assert list(line["id"]) == list(atlas.sections()["id"])  # chain order
    assert set(line.columns) >= {"section_id", "status", "zone_ids", "length_km", "geometry"}
    pending = {z for zs in line["zone_ids"] for z in zs}
    assert pending == {"heixiazi", "abagaitu", "kaz-tarbagatai", "kgz-uzengi-kuush", "tjk-pamir"}
    assert set(atlas.line_at("2011-10-01")["zone_ids"].map(len)) == {0}
    middle = line.set_index("id").loc["rus-e-amur-middle"]
    present = atlas.sections().set_index("id").loc["rus-e-amur-middle"]
    assert not middle.geometry.equals(present.geometry)
    assert middle["status"] == "agreed"
    # untouched sections are the present geometry exactly
    assert line.set_index("id").loc["rus-e-ussuri"].geometry.equals(
        atlas.sections().set_index("id").loc["rus-e-ussuri"].geometry)


def test_line_at_moves_on_each_zone_change_date(atlas):
    before = atlas.line_at("2011-09-19").set_index("id").loc["tjk-north", "zone_ids"]
    after = atlas.line_at("2011-09-20").set_index("id").loc["tjk-north", "zone_ids"]
    assert (before, after) == (["tjk-pamir"], [])


def test_line_at_matches_the_app_version_line(atlas):
    from borderatlas.views.viewmodel import version_line

    app = version_line(atlas.data, "2001").set_index("id")
    mine = atlas.line_at(atlas.data.versions["2001"]["date"]).set_index("id")
    for sid in app.index:
        assert mine.loc[sid].geometry.equals(app.loc[sid].geometry)


# -- status_at / holder_at ----------------------------------------------------------------

def test_status_at(atlas):
    assert atlas.status_at("rus-e-ussuri", "1995-06-01") == "agreed"
    assert atlas.status_at("section:rus-e-ussuri", "1970") == "disputed"
    assert atlas.status_at("rus-e-ussuri", "1900") == "treaty"
    assert atlas.status_at("area:heixiazi-transfer", 2009) == "demarcated"
    assert atlas.status_at("rus-e-ussuri", "1700") is None  # in range, before any record


def test_holder_at(atlas):
    assert atlas.holder_at("heixiazi-transfer", "2009-01-01") == "CHN"
    assert atlas.holder_at("heixiazi-transfer", "2008-10-13") == "RUS"
    assert atlas.holder_at("area:heixiazi-transfer", 1980) == "SUN"
    assert atlas.holder_at("heixiazi-island", 2009) == "CHN + RUS"
    assert atlas.holder_at("zhenbao", "1700") is None


# -- events -------------------------------------------------------------------------------

def test_events_all_ordered_by_date(atlas):
    ev = atlas.events()
    assert isinstance(ev, pd.DataFrame)
    assert len(ev) == len(atlas.data.events) == 99
    assert ev["day"].is_monotonic_increasing
    assert str(ev["day"].dtype).startswith("datetime64")
    assert list(ev.columns[:3]) == ["id", "date", "day"]


def test_events_filters(atlas):
    ussuri = atlas.events(feature="section:rus-e-ussuri")
    assert len(ussuri) > 0
    assert all("rus-e-ussuri" in ids for ids in ussuri["section_ids"])
    assert list(atlas.events(feature="rus-e-ussuri")["id"]) == list(ussuri["id"])
    zhenbao = atlas.events(feature="area:zhenbao")
    assert all("zhenbao" in ids for ids in zhenbao["area_ids"])
    in_1969 = atlas.events(start="1969", end="1969")
    assert len(in_1969) > 0
    assert all(d.year == 1969 or str(e) >= "1969" for d, e in zip(in_1969["day"],
                                                                   in_1969["end_date"].fillna(""),
                                                                   strict=True))
    assert set(atlas.events(start="1969-03", end="1969-03")["id"]) >= {
        "zhenbao-clash-1", "zhenbao-clash-2"}
    assert list(atlas.events(type="handover")["date"]) == ["2008-10-14", "2011-09-20"]
    both = atlas.events(type=["clash", "handover"])
    assert set(both["type"]) == {"clash", "handover"}
    combined = atlas.events(feature="section:rus-e-ussuri", start=dt.date(1969, 1, 1),
                            end=1969, type="clash")
    assert list(combined["id"]) == ["zhenbao-clash-1", "zhenbao-clash-2"]


def test_events_spanning_the_start_are_kept(atlas):
    # the 1929 railway conflict runs 1929-07-10 .. 1929-12-22
    assert "cer-conflict-1929" in set(atlas.events(start="1929-12", end="1930")["id"])
    assert "cer-conflict-1929" not in set(atlas.events(start="1930")["id"])


def test_events_bad_input(atlas):
    with pytest.raises(ba.UnknownIdError, match=r"unknown event type\(s\) \['war'\]; allowed: treaty"):
        atlas.events(type="war")
    with pytest.raises(ba.BadDateError, match="start '2000' is after end '1990'"):
        atlas.events(start="2000", end="1990")
    with pytest.raises(ba.BadDateError, match="'1990-00'"):
        atlas.events(start="1990-00")
    with pytest.raises(ba.DateOutOfRangeError, match="end '1600'"):
        atlas.events(end="1600")
    with pytest.raises(ba.WrongTypeError):
        atlas.events(type=[3])  # type: ignore[list-item]
    with pytest.raises(ba.UnknownIdError, match="zhenbaoo"):
        atlas.events(feature="zhenbaoo")


# -- compare ------------------------------------------------------------------------------

def test_compare_one_row_per_changed_place(atlas):
    diff = atlas.compare("1995-03-01", "2011-10-01")
    assert isinstance(diff, gpd.GeoDataFrame) and diff.crs.to_epsg() == 4326
    keys = list(zip(diff["place_type"], diff["place_id"], diff["direction"].fillna(""),
                    strict=True))
    assert len(keys) == len(set(keys))
    zones = diff[diff["place_type"] == "zone"]
    assert set(zones["zone_id"]) == {"heixiazi", "abagaitu", "kaz-tarbagatai",
                                     "kgz-uzengi-kuush", "tjk-pamir"}
    assert set(zones["changed"]) == {"line"}
    for row in zones.itertuples():
        assert row.area_km2 == pytest.approx(area_km2(row.geometry), abs=0.06)
        assert "CHN" in (row.from_holder, row.to_holder)
        assert row.event_id and row.event_title and row.event_date and row.sources
    heixiazi = diff[(diff["place_id"] == "heixiazi") & (diff["direction"] == "to_CHN")].iloc[0]
    assert (heixiazi["from_holder"], heixiazi["to_holder"]) == ("RUS", "CHN")
    assert heixiazi["event_id"] == "handover-2008"
    assert heixiazi["event_date"] == "2008-10-14"
    assert set(heixiazi["sources"]) >= set(atlas.data.zones["heixiazi"]["sources"])
    assert list(diff["change_date"]) == sorted(diff["change_date"])
    assert heixiazi["change_date"] == "2008-10-14"


def test_compare_status_and_holder_rows(atlas):
    diff = atlas.compare("1995-03-01", "2011-10-01").set_index(["place_type", "place_id"])
    ussuri = diff.loc[("section", "rus-e-ussuri")]
    assert (ussuri["changed"], ussuri["from_status"], ussuri["to_status"]) == (
        "status", "agreed", "demarcated")
    assert ussuri["event_id"] == "demarcation-east-1997"
    area = diff.loc[("area", "heixiazi-transfer")]
    assert area["changed"] == "holder, status"
    assert (area["from_holder"], area["to_holder"]) == ("RUS", "CHN")
    assert area["area_km2"] == pytest.approx(
        atlas.areas().set_index("id").loc["heixiazi-transfer", "computed_area_km2"], abs=0.1)
    assert ("section", "kgz-east") in diff.index
    kgz = diff.loc[("section", "kgz-east")]
    assert pd.isna(kgz["event_id"]) and kgz["change_date"] == "2004-09-24"  # no event recorded
    # areas that did not change are absent
    assert ("area", "hunchun-2015") not in diff.index


def test_compare_reversed_swaps_from_and_to(atlas):
    fwd = atlas.compare("1995", "2011-10")
    back = atlas.compare("2011-10", "1995")
    assert len(fwd) == len(back)
    f = fwd.set_index(["place_type", "place_id", "direction"]).sort_index()
    b = back.set_index(["place_type", "place_id", "direction"]).sort_index()
    assert list(f["from_holder"].fillna("")) == list(b["to_holder"].fillna(""))
    assert list(f["from_status"].fillna("")) == list(b["to_status"].fillna(""))


def test_compare_same_or_quiet_dates_is_empty_frame(atlas):
    same = atlas.compare(2000, "2000-12-31")
    assert len(same) == 0 and list(same.columns) == api.COMPARE_COLUMNS
    with pytest.raises(ba.BadDateError):
        atlas.compare("1995", "2011-13")


# -- layers and search --------------------------------------------------------------------

def test_layers_are_copies_in_epsg4326(atlas):
    for frame, n in ((atlas.sections(), 14), (atlas.areas(), 11), (atlas.places(), 35)):
        assert isinstance(frame, gpd.GeoDataFrame) and frame.crs.to_epsg() == 4326
        assert len(frame) == n and frame["id"].is_unique
    s = atlas.sections()
    s.loc[0, "name_en"] = "changed"
    assert atlas.sections().loc[0, "name_en"] != "changed"
    assert list(atlas.versions()["id"]) == ["1991", "2001", "2008", "present"]


def test_search(atlas):
    hits = atlas.search("珍宝岛")
    assert list(hits.columns) == api.SEARCH_COLUMNS
    assert "zhenbao" in set(hits["feature_id"])
    assert hits["score"].is_monotonic_decreasing
    assert "zhenbao" in set(atlas.search("DAMANSKY")["feature_id"])
    assert len(atlas.search("zzzz-nothing")) == 0
    assert len(atlas.search("a", limit=3)) == 3
    with pytest.raises(ba.WrongTypeError, match="query must be a string"):
        atlas.search(1969)  # type: ignore[arg-type]
    with pytest.raises(ba.WrongTypeError, match="limit"):
        atlas.search("amur", limit=0)


def test_errors_are_importable_and_json_safe_messages():
    for cls in (ba.UnknownIdError, ba.BadDateError, ba.DateOutOfRangeError, ba.WrongTypeError,
                ba.InvalidDataError):
        assert issubclass(cls, ba.BorderAtlasError)
    json.dumps(str(ba.UnknownIdError("unknown id 'x'")))
    assert str(ba.UnknownIdError("unknown id 'x'")) == "unknown id 'x'"


def test_import_borderatlas_is_cheap_and_reexports_lazily():
    import subprocess
    import sys

    code = ("import sys, borderatlas; heavy = [m for m in ('streamlit', 'folium', 'pandas', "
            "'geopandas') if m in sys.modules]; print(heavy); "
            "assert borderatlas.open is borderatlas.api.open; "
            "assert borderatlas.UnknownIdError.__module__ == 'borderatlas.errors'; "
            "assert 'streamlit' not in sys.modules and 'folium' not in sys.modules")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
    assert set(ba.__all__) >= {"open", "BorderAtlas", "BorderAtlasError", "UnknownIdError",
                               "BadDateError", "DateOutOfRangeError", "WrongTypeError",
                               "InvalidDataError"}
