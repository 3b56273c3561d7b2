"""The launcher: option parsing and the warm-up run that must happen before the first visitor."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from borderatlas import devserver


@pytest.mark.parametrize(("args", "expected"), [
    (["--server.port", "8600"], "8600"),
    (["--server.port=8601", "--server.port", "1"], "8601"),
    (["--server.address", "0.0.0.0"], None),
    (["--server.port"], None),
])
def test_option_reads_both_spellings(args: list[str], expected: str | None) -> None:
    assert devserver._option(args, "--server.port") == expected


def _server(status: int, body: bytes) -> ThreadingHTTPServer:
    """A loopback HTTP server answering every GET with ``status`` and ``body``."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def answer(request: pytest.FixtureRequest) -> Iterator[str]:
    """URL of a server giving the parametrised answer."""
    server = _server(*request.param)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("answer", [(200, b"ok")], indirect=True)
def test_warm_up_accepts_ok(answer: str) -> None:
    devserver.warm_up(answer, timeout=5)


@pytest.mark.parametrize(("answer", "message"), [
    ((503, b"error"), "failed its first run (503)"),
    ((200, b"<!DOCTYPE html>"), "is server.scriptHealthCheckEnabled set"),
], indirect=["answer"])
def test_warm_up_reports_a_failed_or_missing_check(answer: str, message: str) -> None:
    with pytest.raises(RuntimeError, match=re.escape(message)):
        devserver.warm_up(answer, timeout=5)


def test_serve_warms_up_then_serves_and_stops_on_ctrl_c(tmp_path):
    """The README's run command: ready only after the warm-up run, and Ctrl-C ends it."""
    from atlas_fixture import write_geodata

    env = {**os.environ, "BORDERATLAS_GEODATA": str(write_geodata(tmp_path))}
    port = devserver.free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "borderatlas", "serve", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=devserver.REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    loaded = False
    try:
        for line in proc.stdout:
            if "atlas loaded" in line:
                loaded = True
            if "Border Atlas is ready" in line:
                break
        else:
            pytest.fail("serve exited before it was ready")
        assert loaded, "the data was not loaded before the first visitor"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/border_map", timeout=10) as resp:
            assert resp.status == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) is not None
    finally:
        if proc.poll() is None:
            proc.kill()
