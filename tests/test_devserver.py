"""The launcher: option parsing and the warm-up run that must happen before the first visitor."""

from __future__ import annotations

import re
import threading
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
