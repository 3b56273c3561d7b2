"""History queries: events per feature, status and holder in a year, multilingual search."""

from __future__ import annotations

import datetime as dt

import pytest

from borderatlas.data.loader import load_atlas
from borderatlas.geo.history import (
    UnknownFeatureError,
    events_for,
    holder_at,
    holders_at,
    normalise,
    search,
    status_at,
)


@pytest.fixture
def atlas(make_geodata, mini_files):
    mini_files["history/events.json"]["events"].insert(
        0,
        {
            "id": "e-0",
            "date": "1969-03",
            "date_precision": "month",
            "type": "clash",
            "title_en": "Clash",
            "summary_en": "S.",
            "section_ids": ["s-b"],
            "area_ids": [],
            "sources": ["k1"],
        },
    )
    return load_atlas(make_geodata(mini_files))


def test_events_for_section_are_ordered(atlas):
    assert [e["id"] for e in events_for(atlas, "section", "s-b")] == ["e-0", "e-1"]
    assert [e["id"] for e in events_for(atlas, "section", "s-a")] == ["e-1"]


def test_unknown_id_gives_clear_error(atlas):
    with pytest.raises(UnknownFeatureError, match="unknown section id 'nowhere'"):
        events_for(atlas, "section", "nowhere")
    with pytest.raises(UnknownFeatureError, match="unknown feature kind"):
        events_for(atlas, "river", "s-a")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (1850, None),
        (1900, "treaty"),
        (1990, "treaty"),
        (1991, "agreed"),
        (dt.date(1991, 5, 15), "treaty"),
        (dt.date(1991, 5, 16), "agreed"),
        (2015, "agreed"),
    ],
)
def test_status_at(atlas, when, expected):
    assert status_at(atlas, "s-a", when) == expected


def test_holder_changes_on_handover_day(atlas):
    assert holder_at(atlas, "a-1", dt.date(2008, 10, 13)) == "RUS"
    assert holder_at(atlas, "a-1", dt.date(2008, 10, 14)) == "CHN"
    assert holder_at(atlas, "a-1", 2007) == "RUS"


@pytest.mark.parametrize(
    "query", ["amur", "AMUR", "Амур", "黑龙江", "heilong jiang", "Heilongjiang"]
)
def test_search_any_language(atlas, query):
    hits = search(atlas, query)
    assert hits and hits[0].label == "Amur"


def test_search_ranks_exact_first_and_ignores_blank(atlas):
    assert search(atlas, "   ") == []
    hits = search(atlas, "alias s-a")
    assert hits[0].feature_id == "s-a" and hits[0].score == 3


def test_divided_area_has_two_holders(make_geodata, mini_files):
    holders = mini_files["history/features.json"]["areas"]["a-1"]["holders"]
    holders.append({"from": "2008-10-14", "to": None, "holder": "RUS"})
    atlas = load_atlas(make_geodata(mini_files))
    assert holders_at(atlas, "a-1", 2010) == ["CHN", "RUS"]
    assert holder_at(atlas, "a-1", 2010) == "CHN + RUS"
    assert holder_at(atlas, "a-1", 1850) is None


def test_normalise_folds_diacritics_and_yo():
    assert normalise("Hēilóng  JIĀNG") == "heilong jiang"
    assert normalise("Ёлка") == "елка"
