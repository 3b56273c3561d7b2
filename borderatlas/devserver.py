"""Start the app with ``streamlit run`` on a loopback port, for browser tests and the load test.

Readiness is polled on ``/_stcore/health`` (never a fixed sleep); the server only ever binds
127.0.0.1. No Streamlit import here: the server is a child process.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEALTH = "/_stcore/health"


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


@contextmanager
def run_app(geodata: Path, log: Path, port: int | None = None,
            extra_args: tuple[str, ...] = ()) -> Iterator[Server]:
    """Run ``streamlit run app.py`` on ``geodata`` until the block exits, then stop it."""
    port = port or free_port()
    env = {**os.environ, "BORDERATLAS_GEODATA": str(geodata)}
    cmd = [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"),
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", *extra_args]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield Server(url=url, pid=proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MiB, read from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
