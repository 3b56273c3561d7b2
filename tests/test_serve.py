"""The launcher: option parsing and the warm-up run that must happen before the first visitor."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from borderatlas import serve as devserver
from tools.devserver import REPO, free_port


@pytest.mark.parametrize(("args", "expected"), [
    (["--server.port", "8600"], "8600"),
    (["--server.port=8601", "--server.port", "1"], "8601"),
    (["--server.address", "0.0.0.0"], None),
    (["--server.port"], None),
])
def test_option_reads_both_spellings(args: list[str], expected: str | None) -> None:
    assert devserver.option(args, "--server.port") == expected


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


def _children(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (read from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _gone_within(pid: int, seconds: float) -> bool:
    """Poll until ``pid`` has exited or ``seconds`` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


def _start_serve(tmp_path: Path) -> tuple[subprocess.Popen[str], int, bool]:
    """Start the README's serve command and read its output until it says it is ready."""
    from atlas_fixture import write_geodata

    env = {**os.environ, "BORDERATLAS_GEODATA": str(write_geodata(tmp_path))}
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "borderatlas", "serve", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    loaded = False
    assert proc.stdout is not None
    for line in proc.stdout:
        if "atlas loaded" in line:
            loaded = True
        if "Border Atlas is ready" in line:
            break
    else:
        proc.kill()
        pytest.fail("serve exited before it was ready")
    # keep draining its output so a full pipe can never block the server
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    return proc, port, loaded


def test_serve_warms_up_then_serves_and_stops_on_ctrl_c(tmp_path):
    """The README's run command: ready only after the warm-up run; Ctrl-C ends it and its server."""
    proc, port, loaded = _start_serve(tmp_path)
    try:
        assert loaded, "the data was not loaded before the first visitor"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/border_map", timeout=10) as resp:
            assert resp.status == 200
        children = _children(proc.pid)
        assert children, "serve runs Streamlit as a child process"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
        assert all(_gone_within(c, 5) for c in children), "Streamlit outlived serve"
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_killed_serve_takes_its_server_with_it(tmp_path):
    """Even SIGKILL, which serve cannot catch, leaves no orphaned Streamlit serving on."""
    proc, _port, _loaded = _start_serve(tmp_path)
    children = _children(proc.pid)
    assert children
    proc.kill()
    proc.wait(timeout=10)
    assert all(_gone_within(c, 10) for c in children), "Streamlit outlived a killed serve"
