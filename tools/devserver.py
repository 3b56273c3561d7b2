"""Start the app on loopback for tests, the benchmark and the load test (developer tool).

``run_app`` only ever binds 127.0.0.1, on ``geodata`` given explicitly, and uses the same
launcher pieces as ``borderatlas serve`` (process group, warm-up before the first visitor).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from borderatlas import config
from borderatlas.serve import start, stop, streamlit_command, wait_healthy, warm_up

REPO = config.app_dir()


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


@contextmanager
def run_app(geodata: Path, log: Path, port: int | None = None,
            extra_args: tuple[str, ...] = ()) -> Iterator[Server]:
    """Run ``streamlit run app.py`` on ``geodata`` until the block exits, then stop it."""
    port = port or free_port()
    env = {**os.environ, config.GEODATA_ENV: str(geodata)}
    cmd = streamlit_command("--server.port", str(port), "--server.address", "127.0.0.1",
                            "--server.headless", "true", "--browser.gatherUsageStats", "false",
                            "--server.fileWatcherType", "none", *extra_args)
    with log.open("w") as out:
        proc = start(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        warm_up(url)
        yield Server(url=url, pid=proc.pid)
    finally:
        stop(proc, signal.SIGTERM)


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MiB, read from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
