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
