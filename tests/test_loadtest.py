"""The load-test script's options and report work without starting a server or a browser."""

from __future__ import annotations

import json
import math

import pytest

from borderatlas import loadtest
from borderatlas.devserver import rss_mb


def test_defaults_are_twenty_users_for_a_minute():
    args = loadtest.parse_args([])
    assert (args.users, args.duration) == (20, 60.0)


@pytest.mark.parametrize("argv", [["--users", "0"], ["--duration", "600"]])
def test_unbounded_runs_are_refused(argv):
    with pytest.raises(SystemExit):
        loadtest.parse_args(argv)


def test_percentile():
    assert loadtest.percentile([1, 2, 3, 4], 50) == 2.5
    assert loadtest.percentile([5.0], 95) == 5.0
    assert math.isnan(loadtest.percentile([], 50))


def test_report_table_and_json():
    single = loadtest.Phase(users=1, seconds=5, latencies=[0.5, 0.7], page_loads=1)
    many = loadtest.Phase(users=20, seconds=60, latencies=[1.0, 2.0, 3.0], page_loads=20)
    report = {"single": single.summary(), "concurrent": many.summary(),
              "rss_mb": {"before": 200.0, "peak": 300.0, "first_half_mean": 250.0,
                         "second_half_mean": 255.0, "after_close": 210.0, "samples": []}}
    table = loadtest.render_table(report)
    assert "20 users" in table and "p95 click→panel (s)" in table and "after close 210.0" in table
    assert report["concurrent"]["p50_s"] == 2.0 and report["concurrent"]["errors"] == 0
    json.dumps(report)


def test_border_map_path_shows_only_sections(tmp_path):
    feats = [{"type": "Feature", "properties": {"pair": p}, "geometry": None}
             for p in ("CHN-KAZ", "CHN-RUS-E", "CHN-KAZ")]
    (tmp_path / "sections.geojson").write_text(json.dumps({"features": feats}))
    assert loadtest.border_map_path(tmp_path) == "/border_map?layers=pair:CHN-KAZ,pair:CHN-RUS-E"


def test_rss_of_this_process_is_readable():
    import os

    assert rss_mb(os.getpid()) > 1
