"""Benchmark maths and report formatting (no browser, nothing timed)."""

import base64
import os

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks import bench


def test_summarise_gives_median_min_max_and_count():
    assert bench.summarise([3.0, 1.0, 2.0, 10.0]) == {"median": 2.5, "min": 1.0, "max": 10.0,
                                                      "n": 4}
    assert bench.summarise([]) == {"median": None, "min": None, "max": None, "n": 0}


def test_table_has_a_row_per_metric_with_units_and_formats():
    res = bench.Results()
    for v in (0.5, 0.25, 1.0):
        res.add("warm load → map drawn: Home", v, "s")
    res.add("warm load HTTP+WS: Home", 300.0, "KiB")
    res.add("click section: script runs", 1, "n")
    table = bench.render_table(res.metrics()).splitlines()
    assert table[0].split() == ["metric", "unit", "median", "min", "max", "n"]
    assert "0.500" in table[2] and "0.250" in table[2] and "1.000" in table[2]
    assert table[3].split()[-4:] == ["300.0", "300.0", "300.0", "1"]
    assert table[4].split()[-4:] == ["1", "1", "1", "1"]
    assert bench.render_table({"x": bench.summarise([]) | {"unit": "s"}}).splitlines()[2] \
        .split()[-4:] == ["—", "—", "—", "0"]


def test_targets_are_checked_on_the_median():
    metrics = {"warm load → map drawn: Home": {"median": 1.2},
               "click section → history shown": {"median": 0.4},
               "other": {"median": 99.0}}
    got = bench.check_targets(metrics)
    assert got["warm load → map drawn: Home"]["met"] is True
    assert got["click section → history shown"]["met"] is False
    assert "other" not in got


def test_probe_counts_websocket_bytes_and_finished_script_runs():
    probe = bench.Probe()
    msg = ForwardMsg()
    msg.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    data = msg.SerializeToString()
    frame = {"response": {"opcode": 2, "payloadData": base64.b64encode(data).decode()}}
    probe.on_frame(frame, incoming=True)
    probe.on_loading_finished({"encodedDataLength": 1000})
    assert (probe.ws_in, probe.runs_finished, probe.http_bytes) == (len(data), 1, 1000)
    probe.reset()
    assert (probe.ws_in, probe.runs_finished, probe.http_bytes) == (0, 0, 0)


def test_url_kinds_group_what_caching_matters_for():
    assert bench._url_kind("http://127.0.0.1:1/app/static/vendor/leaflet/leaflet.js") \
        .startswith("/app/static/")
    assert bench._url_kind("http://h/component/streamlit_folium.st_folium/index.html") \
        == "/component/ (st_folium iframe)"
    assert bench._url_kind("http://h/border_map") == "page HTML"
    assert bench._url_kind("http://h/_stcore/health") is None


def test_machine_info_names_cpus_and_ram():
    info = bench.machine_info()
    assert info["nproc"] == os.cpu_count()
    assert info["cpu"] not in ("", "?")  # read from /proc/cpuinfo, not the fallback
    assert info["ram_gib"] > 0


def test_server_load_measurement_runs_in_a_fresh_process(tmp_path):
    """The cold/warm load script (run in its own interpreter) works on a valid atlas."""
    from atlas_fixture import write_geodata

    res = bench.Results()
    vertices = bench.measure_server_load(write_geodata(tmp_path), 1, res)
    assert vertices > 0
    metrics = res.metrics()
    assert metrics["server: load+validate cold (fresh process)"]["n"] == 1
    assert metrics["server: cached accessor warm (2nd call)"]["median"] >= 0


def test_bytes_beyond_the_shell_leave_out_what_the_empty_app_also_fetched():
    shell = {"(page document)": 800, "/static/js/index.js": 500_000, "/_stcore/host-config": 300}
    page = {"(page document)": 800, "/static/js/index.js": 500_000,
            "/app/static/vendor/leaflet/leaflet.js": 40_000, "/component/x/index.html": 1000}
    assert bench.beyond_shell(page, ws_in=60_000, shell_urls=shell, shell_ws_in=2_000) \
        == 41_000 + 58_000
    # a page cannot receive less than nothing over the websocket
    assert bench.beyond_shell({}, ws_in=100, shell_urls=shell, shell_ws_in=2_000) == 0


def test_probe_counts_bytes_per_url_and_the_top_document_once():
    probe = bench.Probe()
    for rid, url, kind in (("1", "http://127.0.0.1:1/border_map?x=1", "Document"),
                           ("2", "http://127.0.0.1:1/component/f/index.html", "Document"),
                           ("3", "http://127.0.0.1:1/static/js/a.js", "Script")):
        probe.on_response({"requestId": rid, "type": kind, "response": {"url": url}})
        probe.on_loading_finished({"requestId": rid, "encodedDataLength": 10 * int(rid)})
    assert probe.url_bytes == {"(page document)": 10, "/component/f/index.html": 20,
                               "/static/js/a.js": 30}
    assert bench.url_key("http://h:2/app/static/v/b.geojson#z") == "/app/static/v/b.geojson"
    probe.reset()
    assert probe.url_bytes == {}


def test_first_visit_targets_are_the_issues():
    got = bench.check_targets({
        "first visit: map drawn after the shell is idle: Border map": {"median": 0.4},
        "first visit: beyond the shell: Border map": {"median": 301.0}})
    assert got["first visit: map drawn after the shell is idle: Border map"]["met"] is True
    assert got["first visit: beyond the shell: Border map"]["met"] is False


def test_url_implies_first_visits_only():
    args = bench.parse_args(["--url", "http://127.0.0.1:8501"])
    assert args.first_visit_only and args.url == "http://127.0.0.1:8501"


def test_the_largest_responses_beyond_the_shell_are_listed_largest_first():
    got = bench.largest_beyond_shell({"/a": 2048, "/b": 1024, "/shell": 9999, "/c": 4096},
                                     {"/shell": 9999}, n=2)
    assert list(got.items()) == [("/c", 4.0), ("/a", 2.0)]


def test_the_floor_app_draws_one_local_streamlit_folium_map_and_is_no_target():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(bench.FLOOR_APP, default_timeout=30).run()
    assert not at.exception
    maps = [e for e in at.get("component_instance")
            if e.proto.component_name == "streamlit_folium.st_folium"]
    assert len(maps) == 1
    html = maps[0].proto.json_args
    assert "LineString" in html and "/app/static/vendor/" in html and "cdn" not in html.lower()
    floor = f"first visit, floor: map drawn after the shell is idle: {bench.FLOOR}"
    assert bench.check_targets({floor: {"median": 9.0}}) == {}
