"""Start the app for people: ``streamlit run app.py``, warmed up before the first visitor.

Readiness is polled on ``/_stcore/health`` (never a fixed sleep), then the app is run once
before any visitor arrives (:func:`warm_up`). Streamlit runs as a child in its own process
group that dies with this process (Linux ``PR_SET_PDEATHSIG``), and every stop (Ctrl-C,
SIGTERM, an error, this process being killed) takes the server with it. No Streamlit import.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from types import FrameType

from borderatlas import config

HEALTH = "/_stcore/health"
SCRIPT_CHECK = "/_stcore/script-health-check"
# the script check runs app.py once in a throw-away session; only enabled by these launchers
STREAMLIT_FLAGS = ("--server.scriptHealthCheckEnabled", "true")
STOP_GRACE_S = 10.0  # after a stop request Streamlit gets this long before it is killed
PR_SET_PDEATHSIG = 1


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 90.0,
                 stop: threading.Event | None = None) -> None:
    """Poll the health endpoint until it answers 200, the process dies, or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not (stop and stop.is_set()):
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}{HEALTH}", timeout=2) as resp:  # noqa: S310
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)  # interval between probes, not a guess at readiness
    if stop and stop.is_set():
        raise InterruptedError("stopped before the server was healthy")
    raise TimeoutError("streamlit did not become healthy")


def streamlit_command(*args: str) -> list[str]:
    """``streamlit run app.py`` with the script health check on (for :func:`warm_up`)."""
    return [sys.executable, "-m", "streamlit", "run", str(config.app_dir() / "app.py"),
            *STREAMLIT_FLAGS, *args]


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


def option(args: Sequence[str], name: str) -> str | None:
    """The value of a ``--name value`` or ``--name=value`` option among Streamlit's arguments."""
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _die_with_parent(sig: int = signal.SIGKILL) -> Callable[[], None]:
    """For the child before exec: ask Linux to send it ``sig`` when its parent dies."""

    def before_exec() -> None:
        # not Linux: no prctl, and the process group still gets every stop
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, sig)

    return before_exec


def start(cmd: Sequence[str], death_signal: int = signal.SIGKILL,
          **popen: object) -> subprocess.Popen[bytes]:
    """Start a server in its own process group, sent ``death_signal`` if this process dies."""
    return subprocess.Popen(list(cmd), cwd=config.app_dir(), start_new_session=True,
                            preexec_fn=_die_with_parent(death_signal),
                            **popen)  # type: ignore[call-overload]


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGINT, grace: float = STOP_GRACE_S) -> int:
    """Stop Streamlit's whole process group: ``sig`` first, SIGKILL after ``grace`` seconds."""
    for step in (sig, signal.SIGKILL):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, step)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
    return proc.wait()


def serve(args: Sequence[str] = ()) -> int:
    """``streamlit run app.py`` in the foreground until Ctrl-C or SIGTERM, warmed up first.

    With ``--processes N``: N Streamlit processes behind nginx (:mod:`borderatlas.cluster`).
    """
    processes = option(args, "--processes")
    if processes is not None:
        from borderatlas.cluster import serve_processes, strip_options

        if not processes.isdigit():
            print(f"--processes wants a number, not {processes!r}", flush=True)
            return 2
        return serve_processes(int(processes), strip_options(args, ("--processes",)))
    port = option(args, "--server.port") or "8501"
    prefix = (option(args, "--server.baseUrlPath") or "").strip("/")
    address = option(args, "--server.address")
    host = "127.0.0.1" if address in (None, "", "0.0.0.0", "::") else address  # noqa: S104
    url = f"http://{host}:{port}" + (f"/{prefix}" if prefix else "")
    requested = threading.Event()
    wanted = {"sig": signal.SIGINT}

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        wanted["sig"] = signal.SIGTERM if signum == signal.SIGTERM else signal.SIGINT
        requested.set()

    # handlers first: a stop that arrives at any moment after this is never lost
    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    proc = start(streamlit_command(*args))
    try:
        try:
            wait_healthy(url, proc, stop=requested)
            warm_up(url)
        except InterruptedError:
            return stop(proc, wanted["sig"])
        print(f"Border Atlas is ready: http://localhost:{port}/{prefix}", flush=True)
        while not requested.wait(0.5):
            if proc.poll() is not None:
                return proc.returncode
        return stop(proc, wanted["sig"])
    finally:
        if proc.poll() is None:
            stop(proc, signal.SIGTERM)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
