"""The load test's protocol client, options and report; one real run against the fixture app."""

from __future__ import annotations

import asyncio
import json
import math
import os

import folium
import pytest
from atlas_fixture import write_geodata
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit_folium import _get_feature_group_string
from worker_loop import run_async

from benchmarks import loadtest
from borderatlas.data.loader import load_atlas
from borderatlas.map import elements, layers
from borderatlas.views import features, legend, panels, viewmodel
from tools.devserver import rss_mb, run_app


@pytest.fixture(scope="module")
def geodata(tmp_path_factory):
    return write_geodata(tmp_path_factory.mktemp("lt"))


@pytest.fixture(scope="module")
def atlas(geodata):
    return load_atlas(geodata)


# --- options and report -------------------------------------------------------------------

def test_defaults_are_twenty_users_for_a_minute():
    args = loadtest.parse_args([])
    assert (args.users, args.duration) == (20, 60.0)


@pytest.mark.parametrize("argv", [["--users", "0"], ["--users", "500"], ["--duration", "600"],
                                  ["--single-clicks", "0"], ["--think", "60"],
                                  ["--session-ttl", "120"]])
def test_unbounded_runs_are_refused(argv):
    with pytest.raises(SystemExit):
        loadtest.parse_args(argv)


def test_percentile():
    assert loadtest.percentile([1, 2, 3, 4], 50) == 2.5
    assert loadtest.percentile([5.0], 95) == 5.0
    assert math.isnan(loadtest.percentile([], 50))


def test_report_table_and_json():
    single = loadtest.Phase(users=1, seconds=5, latencies=[0.5, 0.7], page_times=[0.3])
    many = loadtest.Phase(users=20, seconds=60, latencies=[1.0, 2.0, 3.0],
                          page_times=[1.0] * 20)
    many.server_cpu_s, many.client_cpu_s = 60.0, 3.0
    again = loadtest.Phase(users=20, seconds=20, latencies=[1.0])
    report = {"single": single.summary(), "concurrent": many.summary(),
              "repeat": again.summary(),
              "rss_mb": {"before": 200.0, "peak": 300.0, "first_half_mean": 250.0,
                         "second_half_mean": 255.0, "just_closed": 290.0,
                         "after_close": 210.0, "after_repeat": 212.5, "samples": []}}
    table = loadtest.render_table(report)
    assert "20 users" in table and "p95 click→panel (s)" in table and "after close 210.0" in table
    assert "RSS after close 212.5 MiB (+2.5 vs the first)" in table
    assert report["concurrent"]["server_cpu_pct"] == 100
    assert report["concurrent"]["client_cpu_pct"] == 5
    assert report["concurrent"]["p50_s"] == 2.0 and report["concurrent"]["errors"] == 0
    assert report["concurrent"]["page_loads"] == 20 and report["single"]["clicks_per_s"] == 0.4
    json.dumps(report)


def test_border_map_path_shows_only_sections(tmp_path):
    feats = [{"type": "Feature", "properties": {"pair": p}, "geometry": None}
             for p in ("CHN-KAZ", "CHN-RUS-E", "CHN-KAZ")]
    (tmp_path / "sections.geojson").write_text(json.dumps({"features": feats}))
    assert loadtest.border_map_path(tmp_path) == "/border_map?layers=pair:CHN-KAZ,pair:CHN-RUS-E"


def test_rss_and_cpu_of_this_process_are_readable():
    assert rss_mb(os.getpid()) > 1
    assert loadtest.cpu_seconds(os.getpid()) > 0


def test_several_server_processes_add_up_and_unknown_ones_are_not_guessed():
    me = os.getpid()
    assert loadtest.server_rss((me, me)) == pytest.approx(2 * rss_mb(me), rel=0.05)
    assert loadtest.server_cpu((me,)) > 0
    assert math.isnan(loadtest.server_rss(())) and math.isnan(loadtest.server_cpu(()))


def test_url_targets_a_running_server_with_its_processes():
    args = loadtest.parse_args(["--url", "http://127.0.0.1:8501", "--pid", "1", "--pid", "2"])
    assert (args.url, args.pid) == ("http://127.0.0.1:8501", [1, 2])
    assert loadtest.parse_args([]).url is None
    with pytest.raises(SystemExit):
        loadtest.parse_args(["--url", "ws://127.0.0.1:8501"])


# --- what the client sends -----------------------------------------------------------------

def test_sections_and_tooltips_are_read_from_the_map_components_layers(atlas):
    group = layers.sections_layer(atlas.sections, viewmodel.status_map(atlas, 2015),
                                  tolerance=0.004, year=2015)
    json_args = json.dumps({"script": "var map_div = L.map('map_div');",
                            "feature_group": _get_feature_group_string(group, folium.Map())})
    found = loadtest.map_sections(json_args)  # features inline (a standalone map)
    assert list(found) == sorted(atlas.sections["id"])
    group = layers.sections_layer(atlas.sections, viewmodel.status_map(atlas, 2015),
                                  tolerance=0.004, year=2015)
    published = next(elements.data_layers([group]))  # features by URL, as the app sends them
    published.url = "/app/static/vendor/layers/0123abcd.geojson"
    by_url = json.dumps({"script": "", "feature_group": _get_feature_group_string(group, folium.Map())})
    assert loadtest.layer_urls(by_url) == [published.url]
    assert loadtest.map_sections(by_url) == {}  # nothing inline: the frame must fetch the file
    assert loadtest.map_sections(by_url, [json.dumps(published.document)]) == found
    for sid, text in found.items():
        assert features.parse_clicked(text) == ("section", sid)  # what _remember_click reads
        assert "<b>" not in text and "<span" not in text  # text, as the browser reads it


def test_tooltip_text_is_what_the_browser_reads():
    tip = features.tooltip_html("section", "kaz-ili", {"name_en": "Ili <x>", "name_ru": "Или"})
    assert loadtest.tooltip_text(tip) == "Ili <x>\nИли [[ba:section:kaz-ili]]"


def test_click_value_is_streamlit_folium_json_and_every_click_differs():
    first = loadtest.click_value(1, "Ili [[ba:section:kaz-ili]]")
    assert first == ('{"last_object_clicked_count":1,'
                     '"last_object_clicked_tooltip":"Ili [[ba:section:kaz-ili]]"}')
    assert loadtest.click_value(2, "Ili [[ba:section:kaz-ili]]") != first
    assert json.loads(loadtest.click_value(0, None)) == {"last_object_clicked_count": 0,
                                                         "last_object_clicked_tooltip": None}


def test_rerun_message_carries_page_query_widgets_and_cache():
    widgets = [WidgetState(id="map", json_value=loadtest.click_value(3, "t")),
               WidgetState(id="box", bool_value=True)]
    msg = loadtest.rerun_msg("hash1", "", "feature=section%3Ax", widgets, ["h1", "h2"],
                             "http://127.0.0.1:1/border_map")
    back = type(msg)()
    back.ParseFromString(msg.SerializeToString())
    state = back.rerun_script
    assert back.WhichOneof("type") == "rerun_script"
    assert (state.page_script_hash, state.page_name, state.query_string) == (
        "hash1", "", "feature=section%3Ax")
    assert {w.id: w.WhichOneof("value") for w in state.widget_states.widgets} == {
        "map": "json_value", "box": "bool_value"}
    assert json.loads(state.widget_states.widgets[0].json_value)[
        "last_object_clicked_count"] == 3
    assert list(state.cached_message_hashes) == ["h1", "h2"]
    assert state.context_info.url.endswith("/border_map")


def _element(kind: str, **fields) -> Element:
    element = Element()
    getattr(element, kind).SetInParent()
    for name, value in fields.items():
        target = getattr(getattr(element, kind), name)
        if isinstance(value, list):
            target.extend(value)
        else:
            setattr(getattr(element, kind), name, value)
    return element


def test_widget_values_echo_what_the_front_end_holds():
    box = _element("checkbox", id="b", default=False, value=True, set_value=True)
    assert loadtest.widget_state(box, None).bool_value is True
    held = WidgetState(id="b", bool_value=False)
    assert loadtest.widget_state(box, held).bool_value is True  # the server set it
    plain = _element("checkbox", id="b", default=True)
    assert loadtest.widget_state(plain, held) is held  # the user's value wins
    radio = _element("radio", id="r", options=["bundled vector", "none"], default=0)
    assert loadtest.widget_state(radio, None).string_value == "bundled vector"
    slider = _element("slider", id="s", default=[2015.0], value=[1991.0], set_value=True)
    assert list(loadtest.widget_state(slider, None).double_array_value.data) == [1991.0]
    year = _element("number_input", id="y", default=2024.0, value=1991.0, set_value=True)
    assert loadtest.widget_state(year, None).int_value == 1991  # INT: as the front end sends it
    assert loadtest.widget_state(_element("number_input", id="y", default=2024.0),
                                 None).int_value == 2024
    ratio = _element("number_input", id="r", default=0.5, data_type=1)
    assert loadtest.widget_state(ratio, None).double_value == 0.5
    text = _element("text_input", id="t", default="")
    assert loadtest.widget_state(text, None).string_value == ""
    assert loadtest.widget_state(_element("button", id="x"), None) is None
    pills = _element("button_group", id="p", default=[0, 2])
    for content in ("areas", "claims", "places"):
        pills.button_group.options.add(content=content)
    pills.button_group.options[2].content_icon = ":material/place:"
    assert list(loadtest.widget_state(pills, None).string_array_value.data) == [
        "areas", ":material/place: places"]  # the defaults, as the front end names them
    pills.button_group.set_value = True
    pills.button_group.raw_values.extend(["claims"])
    assert list(loadtest.widget_state(pills, None).string_array_value.data) == ["claims"]
    assert loadtest.widget_state(_element("markdown", body="hi"), None) is None


# --- what the client reads -----------------------------------------------------------------

def _markdown_msg(body: str, kind: str = "markdown") -> ForwardMsg:
    msg = ForwardMsg()
    getattr(msg.delta.new_element, kind).body = body
    return msg


@pytest.mark.parametrize("kind", ["html", "markdown"])
def test_the_panel_is_recognised_with_its_feature(atlas, kind):
    html = panels.panel_html(atlas, "section", "rus-e-ussuri", year=2015)
    assert loadtest.panel_feature(_markdown_msg(html, kind)) == "section:rus-e-ussuri"
    assert loadtest.panel_feature(_markdown_msg(legend.legend_html(2015), kind)) is None
    finished = ForwardMsg()
    finished.script_finished = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
    assert loadtest.panel_feature(finished) is None


class FakeSocket:
    """Plays back ForwardMsgs and records what the client sends."""

    def __init__(self, msgs: list[ForwardMsg]) -> None:
        self.msgs = [m.SerializeToString() for m in msgs]
        self.sent: list[bytes] = []

    async def send(self, data: bytes) -> None:
        self.sent.append(data)

    async def recv(self) -> bytes:
        if not self.msgs:
            await asyncio.sleep(10)
        return self.msgs.pop(0)

    async def close(self) -> None:
        pass


def _delta(element: Element, hashed: str = "") -> ForwardMsg:
    msg = ForwardMsg()
    msg.delta.new_element.CopyFrom(element)
    msg.hash, msg.metadata.cacheable = hashed, bool(hashed)
    return msg


def _run_of(*msgs: ForwardMsg) -> list[ForwardMsg]:
    session = ForwardMsg()
    session.new_session.page_script_hash = "page"
    session.new_session.config.max_cached_message_age = 2
    done = ForwardMsg()
    done.script_finished = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
    return [session, *msgs, done]


def test_session_reads_a_run_resolves_cached_messages_and_counts_app_errors():
    errors: list[str] = []
    session = loadtest.Session("http://127.0.0.1:1", errors, timeout=2)
    panel = _element("markdown", body='<div class="ba-panel" data-feature="section:a">x</div>')
    box = _element("checkbox", id="b", default=True)
    ref = ForwardMsg()
    ref.ref_hash = "H"
    gone = ForwardMsg()
    gone.page_not_found.page_name = "nope"
    crash = _delta(_element("exception", type="KeyError", message="'a'"))
    socket = FakeSocket(_run_of(_delta(box), _delta(panel, hashed="H"))
                        + _run_of(crash, ref, gone))
    session.ws = socket
    run = run_async(session.rerun())
    assert run.panels[0][0] == "section:a" and session.page_hash == "page"
    assert run.status == ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
    assert set(session.widgets) == {"b"} and "H" in session.cache and errors == []
    run = run_async(session.rerun())
    assert run.panels[0][0] == "section:a"  # drawn from the cache, by reference
    assert errors == ["exception shown: KeyError: 'a'", "page not found: 'nope'"]
    assert set(session.widgets) == set()  # the checkbox was not drawn again: forgotten
    second = BackMsg()
    second.ParseFromString(socket.sent[1])
    assert [w.id for w in second.rerun_script.widget_states.widgets] == ["b"]  # echoed
    assert list(second.rerun_script.cached_message_hashes) == ["H"]
    assert second.rerun_script.page_script_hash == "page"


def test_a_run_that_never_finishes_is_a_timeout():
    session = loadtest.Session("http://127.0.0.1:1", [], timeout=0.2)
    session.ws = FakeSocket(_run_of()[:-1])
    with pytest.raises(loadtest.StepError, match="timeout"):
        run_async(session.rerun())


# --- one real user against the fixture app -------------------------------------------------

def test_one_websocket_user_gets_the_panel_of_each_clicked_section(geodata, tmp_path):
    path = loadtest.border_map_path(geodata)

    async def user(url: str) -> tuple[list[tuple[str, str | None]], loadtest.Phase]:
        errors: list[str] = []
        session = loadtest.Session(url, errors)
        await session.open(path)
        ids = list(session.sections)
        seen = []
        for sid in (ids[0], ids[1], ids[0]):  # a panel that changes proves each click counted
            await session.click(sid)
            seen.append((sid, session.last_panel))
        await session.close()
        assert errors == []
        phase = loadtest.Phase(users=1, seconds=0)
        await loadtest.run_user(url, path, phase, clicks=loadtest.PAGE_EVERY)  # + a page visit
        return seen, phase

    with run_app(geodata, tmp_path / "server.log") as server:
        seen, phase = run_async(asyncio.wait_for(user(server.url), timeout=120))
    assert [panel for _, panel in seen] == [f"section:{sid}" for sid, _ in seen]
    assert phase.errors == []
    assert len(phase.latencies) == loadtest.PAGE_EVERY and len(phase.page_times) == 3


def test_the_panel_folder_is_read_from_the_map_the_component_was_sent():
    import folium

    from borderatlas.map import elements

    m = folium.Map()
    elements.HistoryPanel("/app/static/vendor/panels-en-0123abcd", "en", ["a", "b"],
                          "[[ba:cleared]]").add_to(m)
    script = m.get_root().render()
    assert loadtest.panel_prefix(json.dumps({"script": script})) == (
        "/app/static/vendor/panels-en-0123abcd")
    assert loadtest.panel_prefix(json.dumps({"script": "var map = L.map('m');"})) is None
