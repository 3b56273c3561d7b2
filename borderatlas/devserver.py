"""Start the app with ``streamlit run``: ``serve`` for people, ``run_app`` for tests and benchmarks.

Readiness is polled on ``/_stcore/health`` (never a fixed sleep), then the app is run once
before any visitor arrives (:func:`warm_up`). ``run_app`` only ever binds 127.0.0.1. No Streamlit
import here: the server is a child process.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEALTH = "/_stcore/health"
SCRIPT_CHECK = "/_stcore/script-health-check"
# the script check runs app.py once in a throw-away session; only enabled by these launchers
STREAMLIT_FLAGS = ("--server.scriptHealthCheckEnabled", "true")


@dataclass(frozen=True)
class Server:
    """A running app: where to reach it and its process (for RSS readings)."""

    url: str
    pid: int


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 90.0) -> None:
    """Poll the health endpoint until it answers 200, the process dies, or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}{HEALTH}", timeout=2) as resp:  # noqa: S310
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)  # interval between probes, not a guess at readiness
    raise TimeoutError("streamlit did not become healthy")


def streamlit_command(*args: str) -> list[str]:
    """``streamlit run app.py`` with the script health check on (for :func:`warm_up`)."""
    return [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), *STREAMLIT_FLAGS,
            *args]


def warm_up(url: str, timeout: float = 180.0) -> None:
    """Run app.py once, in a throw-away session, before the first visitor arrives.

    Streamlit runs a process's first session in its legacy ``pages/`` mode until a script calls
    ``st.navigation``; a visitor arriving first on a deep link (``/border_map?...``) would see a
    spurious "Page not found" dialog. One run of app.py switches the process to
    ``st.navigation`` for good, and loads and validates the data into the cache.
    """
    try:
        with urllib.request.urlopen(f"{url}{SCRIPT_CHECK}", timeout=timeout) as resp:  # noqa: S310
            body = resp.read(200).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        raise RuntimeError(f"app.py failed its first run ({exc.code}): see the server log") from exc
    if body.strip() != "ok":
        raise RuntimeError(f"{SCRIPT_CHECK} answered {body[:80]!r}, not 'ok': "
                           "is server.scriptHealthCheckEnabled set?")


@contextmanager
def run_app(geodata: Path, log: Path, port: int | None = None,
            extra_args: tuple[str, ...] = ()) -> Iterator[Server]:
    """Run ``streamlit run app.py`` on ``geodata`` until the block exits, then stop it."""
    port = port or free_port()
    env = {**os.environ, "BORDERATLAS_GEODATA": str(geodata)}
    cmd = streamlit_command("--server.port", str(port), "--server.address", "127.0.0.1",
                            "--server.headless", "true", "--browser.gatherUsageStats", "false",
                            "--server.fileWatcherType", "none", *extra_args)
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        warm_up(url)
        yield Server(url=url, pid=proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _option(args: Sequence[str], name: str) -> str | None:
    """The value of a ``--name value`` or ``--name=value`` option among Streamlit's arguments."""
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def serve(args: Sequence[str] = ()) -> int:
    """``streamlit run app.py`` in the foreground, warmed up before the first visitor."""
    cmd = streamlit_command(*args)
    port = _option(args, "--server.port") or "8501"
    prefix = (_option(args, "--server.baseUrlPath") or "").strip("/")
    address = _option(args, "--server.address")
    host = "127.0.0.1" if address in (None, "", "0.0.0.0", "::") else address  # noqa: S104
    url = f"http://{host}:{port}" + (f"/{prefix}" if prefix else "")
    proc = subprocess.Popen(cmd, cwd=REPO)
    signal.signal(signal.SIGTERM, lambda *_: proc.terminate())  # pass a stop on to Streamlit
    try:
        wait_healthy(url, proc)
        warm_up(url)
        print(f"Border Atlas is ready: http://localhost:{port}/{prefix}", flush=True)
        return proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)  # a terminal's Ctrl-C reached it already; kill -INT not
        return proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MiB, read from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
