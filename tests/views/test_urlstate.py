import pytest

from borderatlas.views import urlstate
from borderatlas.views.urlstate import ViewState

KNOWN = {"section": ["rus-e-ussuri"], "area": ["zhenbao"], "place": []}
LAYERS = ["pair:CHN-KAZ", "areas", "places"]
VERSIONS = ["1991", "2001", "2008"]


def parse(params, defaults=None):
    return urlstate.parse(params, defaults, known_features=KNOWN, known_versions=VERSIONS,
                          known_layers=LAYERS)


def test_round_trip():
    state = ViewState(feature=("section", "rus-e-ussuri"), year=1969, versions=("1991", "2008"),
                      layers=frozenset({"areas", "pair:CHN-KAZ"}), basemap="none")
    params = urlstate.serialise(state)
    assert params == {"feature": "section:rus-e-ussuri", "year": "1969", "compare": "1991,2008",
                      "layers": "areas,pair:CHN-KAZ", "basemap": "none"}
    assert parse(params) == (state, [])


def test_defaults_are_left_out_of_links():
    assert urlstate.serialise(ViewState()) == {}


DEFAULTS = ViewState(feature=("area", "zhenbao"), year=1995, versions=("2001", "2008"),
                     layers=frozenset({"places"}), basemap="osm", view="side")


@pytest.mark.parametrize(("params", "fragment", "field"), [
    ({"feature": "section:nope"}, "no section", "feature"),
    ({"feature": "garbage"}, "expected", "feature"),
    ({"feature": "river:amur"}, "expected", "feature"),
    ({"year": "abc"}, "whole number", "year"),
    ({"year": "1700"}, "outside", "year"),
    ({"compare": "1991"}, "expected two", "versions"),
    ({"compare": "1991,1991"}, "two different", "versions"),
    ({"compare": "1991,2199"}, "'2199' is outside", "versions"),
    ({"compare": "1991,1999x"}, "'1999x' is neither a version nor a date", "versions"),
    ({"compare": "1995-02-30,2001"}, "'1995-02-30' is not a real date", "versions"),
    ({"compare": "1995-01-01,1995"}, "two different", "versions"),
    ({"view": "split"}, "view 'split'", "view"),
    ({"layers": "bogus"}, "bogus", "layers"),
    ({"basemap": "satellite"}, "basemap", "basemap"),
    ({"year": "9" * 1000}, "too long", "year"),
])
def test_bad_values_become_notices_and_defaults(params, fragment, field):
    state, notices = parse(params, DEFAULTS)
    assert len(notices) == 1 and fragment in notices[0]
    # the bad value falls back to the page's default; every other value is the default too
    assert getattr(state, field) == getattr(DEFAULTS, field)
    assert state == DEFAULTS


def test_partially_bad_layers_keep_the_good_ones():
    state, _ = parse({"layers": "areas,bogus"})
    assert state.layers == frozenset({"areas"})


def test_repeated_values_take_the_last_and_never_raise():
    state, notices = parse({"year": ["1969", "1991"]})
    assert state.year == 1991 and notices == []

    class Hostile:
        def items(self):
            raise RuntimeError("boom")

    state, notices = urlstate.parse(Hostile())
    assert state == ViewState() and notices


@pytest.mark.parametrize(("raw", "versions"), [
    ("1995-03-01,2011-10-01", ("1995-03-01", "2011-10-01")),
    ("1995-03,2011", ("1995-03-01", "2011-01-01")),
    ("1995,2001", ("1995-01-01", "2001")),  # a version id wins over a year spelled the same
    ("2008, 1969-3-2", ("2008", "1969-03-02")),
])
def test_compare_accepts_versions_and_dates(raw, versions):
    state, notices = parse({"compare": raw})
    assert notices == [] and state.versions == versions


@pytest.mark.parametrize("view", ["overlay", "swipe", "side"])
def test_compare_dates_and_view_round_trip(view):
    state = ViewState(versions=("1995-03-01", "2011-10-01"), view=view)
    params = urlstate.serialise(state)
    assert params.get("compare") == "1995-03-01,2011-10-01"
    assert params.get("view") == (None if view == "overlay" else view)
    assert parse(params) == (state, [])


def test_basemap_auto_is_the_default_and_old_links_keep_their_basemap():
    assert ViewState().basemap == "auto"
    assert urlstate.serialise(ViewState(basemap="auto")) == {}  # the default stays out of links
    for old in ("vector", "osm", "none"):
        state, notices = parse({"basemap": old})
        assert (state.basemap, notices) == (old, [])
        assert urlstate.serialise(state) == {"basemap": old}
