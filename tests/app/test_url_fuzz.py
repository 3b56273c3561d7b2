"""Junk links: random and hostile query values never break a page; bad ones give a notice and defaults.

``urlstate.parse`` is fuzzed hard at unit level; every page is then driven through AppTest with
every query key the app reads. ``BORDERATLAS_FUZZ_EXAMPLES`` sets the examples per page (default
200, i.e. ≥ 200 values for every key on every page; lower it for a quick local run).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import pytest
from atlas_fixture import write_geodata
from frame_panel import shown_panel
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from borderatlas.data.loader import load_atlas
from borderatlas.views import urlstate
from borderatlas.views.notices import markdown_literal
from borderatlas.views.urlstate import ViewState

APP = str(Path(__file__).resolve().parents[2] / "app.py")
KEYS = ("feature", "year", "compare", "layers", "basemap", "view")
PAGE_EXAMPLES = int(os.environ.get("BORDERATLAS_FUZZ_EXAMPLES", "200"))

HOSTILE = [
    "", " ", "\t\n", "x" * 10_000, "9" * 501, "<script>window.__pwned=1</script>",
    "<img src=x onerror=window.__pwned=1>", "\"><svg onload=alert(1)>", "javascript:alert(1)",
    "' OR '1'='1", "1; DROP TABLE sections; --", "%00", "\x00", "\u202e1991", "‮", "null",
    "None", "NaN", "inf", "-inf", "1e3", "1991.5", "-1", "-1991", "0", "00001991", "+1991",
    " 1991 ", "١٩٩١", "𝟏𝟗𝟗𝟏", "1857", "2016", str(2**64), "-" + str(2**64), "[]", "{}",
    "section:", ":", "::", "section:rus-e-ussuri:extra", "area:../../etc/passwd",
    "SECTION:rus-e-ussuri", "section:rus-e-ussuri\n", "place:khorgos", "zone:heixiazi",
    "area:zhenbao", "section:RUS-E-USSURI", "1991,", ",", ",,,", "1991,1991", "1991,2001,2008",
    "2001,1991", "present,1991", "1991;2001", "areas,areas", "pair:CHN-KAZ,bogus",
    "pair:<b>,areas", "vector", "none", "VECTOR", "tiles", "🙂" * 200, "中文", "Уссури",
]
FEATURES = ["section:rus-e-ussuri", "section:kaz-ili", "area:zhenbao", "area:heixiazi-transfer",
            "place:khabarovsk", "section:nowhere", "area:rus-e-ussuri", "place:zhenbao"]
LAYERS = ["pair:CHN-RUS-E", "pair:CHN-KAZ", "version:1991", "version:present", "claims",
          "areas", "places", "pair:CHN-TJK", "version:1066"]
VERSIONS = ["1991", "2001", "2008", "present", "1999", ""]
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=600)


def _plausible(key: str) -> st.SearchStrategy[str]:
    """Values shaped like real ones, so the known-id paths are exercised too."""
    return {
        "feature": st.one_of(st.sampled_from(FEATURES),
                             st.from_regex(r"\A(section|area|place|zone|)[:;]?[a-z0-9<>'._-]{0,24}\Z")),
        "year": st.integers(-10**7, 10**7).map(str),
        "compare": st.lists(st.one_of(st.sampled_from(VERSIONS),
                                      st.from_regex(r"\A\d{4}(-\d{1,2}){0,2}\Z")),
                            max_size=3).map(",".join),
        "layers": st.lists(st.sampled_from(LAYERS), max_size=5).map(",".join),
        "basemap": st.sampled_from([*urlstate.BASEMAPS, "VECTOR", "tiles", ""]),
        "view": st.sampled_from([*urlstate.COMPARE_VIEWS, "SWIPE", "split", ""]),
    }[key]


def _value(key: str) -> st.SearchStrategy[str]:
    """One value for a key: hostile, random text, or plausible."""
    return st.one_of(st.sampled_from(HOSTILE), TEXT, _plausible(key))


# each key: absent, one value, or repeated (``?year=1&year=2``)
QUERY = st.fixed_dictionaries({}, optional={
    k: st.one_of(_value(k), st.lists(_value(k), min_size=2, max_size=3)) for k in KEYS})


def as_seen_by_app(params: dict[str, Any]) -> dict[str, str]:
    """What ``st.query_params.to_dict()`` returns for these params (the last of repeated keys)."""
    parsed = parse_qs(urlencode(params, doseq=True), keep_blank_values=True)
    return {k: v[-1] for k, v in parsed.items()}


# ---------------------------------------------------------------- unit level: urlstate.parse


@settings(max_examples=1500, deadline=None, database=None)
@given(params=st.dictionaries(
    st.one_of(st.sampled_from(KEYS), TEXT),
    st.one_of(TEXT, st.none(), st.integers(), st.lists(st.one_of(TEXT, st.none(), st.integers()),
                                                       max_size=3)), max_size=8))
def test_parse_never_raises_and_keeps_state_in_range(params):
    known = {"section": ["rus-e-ussuri"], "area": ["zhenbao"], "place": []}
    state, notices = urlstate.parse(params, known_features=known,
                                    known_versions=VERSIONS[:4], known_layers=LAYERS[:7])
    assert isinstance(state, ViewState) and all(isinstance(n, str) for n in notices)
    assert urlstate.YEAR_MIN <= state.year <= urlstate.YEAR_MAX
    assert state.basemap in urlstate.BASEMAPS
    assert state.feature in (None, ("section", "rus-e-ussuri"), ("area", "zhenbao"))
    assert set(state.versions) <= set(VERSIONS[:4]) or state.versions == ViewState().versions
    assert state.layers <= set(LAYERS[:7])
    assert all(len(n) < 1_000 for n in notices)  # a huge value is never echoed back in full


FIELDS = (("feature", "feature"), ("year", "year"), ("compare", "versions"),
          ("layers", "layers"), ("basemap", "basemap"))
UNIT = {"known_features": {"section": ["rus-e-ussuri"], "area": ["zhenbao"], "place": []},
        "known_versions": VERSIONS[:4], "known_layers": LAYERS[:7]}


@settings(max_examples=1000, deadline=None, database=None)
@given(params=QUERY)
def test_each_key_is_used_or_refused_out_loud(params):
    seen = as_seen_by_app(params)
    state, notices = urlstate.parse(seen, **UNIT)
    default = ViewState()
    for key, field in FIELDS:
        if key not in seen:
            assert getattr(state, field) == getattr(default, field)
            continue
        alone, alone_notices = urlstate.parse({key: seen[key]}, **UNIT)
        assert getattr(state, field) == getattr(alone, field)  # keys do not interfere
        assert set(alone_notices) <= set(notices)
        if alone_notices and key != "layers":  # refused: the default is used
            assert getattr(alone, field) == getattr(default, field)


@settings(max_examples=500, deadline=None, database=None)
@given(year=st.integers(urlstate.YEAR_MIN, urlstate.YEAR_MAX),
       feature=st.sampled_from([None, ("section", "rus-e-ussuri"), ("area", "zhenbao")]),
       versions=st.permutations(VERSIONS[:4]).map(lambda v: (v[0], v[1])),
       layers=st.frozensets(st.sampled_from(LAYERS[:7])),
       basemap=st.sampled_from(urlstate.BASEMAPS))
def test_links_round_trip(year, feature, versions, layers, basemap):
    state = ViewState(feature=feature, year=year, versions=versions, layers=layers,
                      basemap=basemap)
    seen = as_seen_by_app(urlstate.serialise(state))
    known = {"section": ["rus-e-ussuri"], "area": ["zhenbao"], "place": []}
    assert urlstate.parse(seen, known_features=known, known_versions=VERSIONS[:4],
                          known_layers=LAYERS[:7]) == (state, [])


# ---------------------------------------------------------------- every page, through AppTest


@pytest.fixture(scope="module")
def fast_apptest() -> Iterator[None]:
    """Scan installed packages for Streamlit components once, not on every AppTest run.

    The scan reads every distribution's metadata and costs ~0.4 s per AppTest; its answer
    cannot change during a test session, so hundreds of fuzzed page visits reuse it.
    """
    from streamlit.components.v2 import manifest_scanner

    original = manifest_scanner.scan_component_manifests
    manifests = original()
    manifest_scanner.scan_component_manifests = lambda *_a, **_k: list(manifests)
    yield
    manifest_scanner.scan_component_manifests = original


@pytest.fixture(scope="module")
def fixture_atlas(tmp_path_factory: pytest.TempPathFactory, fast_apptest: None) -> Iterator[Any]:
    """The synthetic atlas, exported for the app (module scope: Hypothesis reuses it)."""
    root = write_geodata(tmp_path_factory.mktemp("fuzz"))
    old = os.environ.get("BORDERATLAS_GEODATA")
    os.environ["BORDERATLAS_GEODATA"] = str(root)
    yield load_atlas(root)
    if old is None:
        os.environ.pop("BORDERATLAS_GEODATA", None)
    else:
        os.environ["BORDERATLAS_GEODATA"] = old


def _known(data: Any) -> dict[str, Any]:
    """The ids the app validates links against, as ui.read_url_state passes them."""
    return {"known_features": {"section": list(data.sections["id"]),
                               "area": list(data.areas["id"]), "place": list(data.places["id"])},
            "known_versions": list(data.versions)}


def _tokens(data: Any) -> list[str]:
    """Layer tokens of the Border map (mirrors ui.layer_tokens)."""
    return ([f"pair:{p}" for p in sorted(set(data.sections["pair"]))]
            + [f"version:{v}" for v in data.versions] + ["claims", "areas", "places"])


def _visit(page: str | None, params: dict[str, Any]) -> AppTest:
    """Open a page with the given query params as a first visit, as a browser would."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    if page:
        at.switch_page(page)
    at.run()
    assert not at.exception, (params, at.exception)
    return at


def _check_notices(at: AppTest, notices: list[str]) -> None:
    """Every notice the parser produced is on the page."""
    shown = [w.value for w in at.warning]
    for notice in notices:
        assert markdown_literal(notice) in shown, (notice, shown)


SETTINGS = settings(max_examples=PAGE_EXAMPLES, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@SETTINGS
@given(params=QUERY)
def test_border_map_survives_junk_links(fixture_atlas, params):
    data = fixture_atlas
    pairs = sorted(set(data.sections["pair"]))
    defaults = ViewState(year=urlstate.YEAR_MAX, layers=frozenset([f"pair:{p}" for p in pairs]
                                                     + ["areas", "places"]))
    state, notices = urlstate.parse(as_seen_by_app(params), defaults, **_known(data),
                                    known_layers=_tokens(data))
    at = _visit("pages/1_Border_map.py", params)
    _check_notices(at, notices)
    assert at.number_input(key="bm_year").value == state.year
    assert at.segmented_control(key="bm_basemap").value == state.basemap
    shown = {t for group in ("pairs", "versions", "overlays")
             for t in at.pills(key=f"bm_{group}").value}
    assert shown == set(state.layers) & set(_tokens(data))
    panel = shown_panel(at)  # what the map frame shows: the panel file of the URL's feature
    if state.feature:
        assert f'data-feature="{state.feature[0]}:{state.feature[1]}"' in (panel or "")
    else:
        assert panel is None


@SETTINGS
@given(params=QUERY)
def test_compare_survives_junk_links(fixture_atlas, params):
    state, notices = urlstate.parse(as_seen_by_app(params), ViewState(versions=("1991", "2001")),
                                    **_known(fixture_atlas))
    at = _visit("pages/2_Compare.py", params)
    _check_notices(at, notices)
    shown = tuple(at.pills(key=f"cmp_{s}").value if at.pills(key=f"cmp_{s}").value != "date"
                  else str(at.date_input(key=f"cmp_{s}_date").value) for s in "ab")
    assert shown == state.versions  # a version preset, or a date in the date input below it
    assert at.segmented_control(key="cmp_view").value == state.view


@SETTINGS
@given(params=QUERY)
def test_timeline_survives_junk_links(fixture_atlas, params):
    state, notices = urlstate.parse(as_seen_by_app(params), ViewState(year=1991),
                                    **_known(fixture_atlas))
    at = _visit("pages/3_Timeline.py", params)
    _check_notices(at, notices)
    assert at.number_input(key="tl_year").value == state.year


@SETTINGS
@given(params=QUERY)
def test_disputed_areas_survive_junk_links(fixture_atlas, params):
    state, notices = urlstate.parse(as_seen_by_app(params), ViewState(), **_known(fixture_atlas))
    at = _visit("pages/4_Disputed_areas.py", params)
    _check_notices(at, notices)
    wanted = state.feature[1] if state.feature and state.feature[0] == "area" else None
    assert at.pills(key="da_area").value == wanted


@settings(SETTINGS, max_examples=max(PAGE_EXAMPLES // 4, 10))
@given(params=QUERY)
@pytest.mark.parametrize("page", [None, "pages/5_Sources_and_data.py"])
def test_pages_without_link_state_ignore_junk_links(fixture_atlas, page, params):
    at = _visit(page, params)
    assert at.title
