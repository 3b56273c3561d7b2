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


@pytest.mark.parametrize(("params", "fragment"), [
    ({"feature": "section:nope"}, "no section"),
    ({"feature": "garbage"}, "expected"),
    ({"feature": "river:amur"}, "expected"),
    ({"year": "abc"}, "whole number"),
    ({"year": "1700"}, "outside"),
    ({"compare": "1991"}, "two different"),
    ({"compare": "1991,1991"}, "two different"),
    ({"compare": "1991,2099"}, "unknown version"),
    ({"layers": "areas,bogus"}, "bogus"),
    ({"basemap": "satellite"}, "basemap"),
    ({"year": "9" * 1000}, "too long"),
])
def test_bad_values_become_notices_and_defaults(params, fragment):
    state, notices = parse(params)
    assert len(notices) == 1 and fragment in notices[0]
    assert state.year == ViewState().year and state.feature is None


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
