"""Several Streamlit processes behind Debian's nginx: ``borderatlas serve --processes N``.

One Streamlit process runs scripts on one core (the GIL), so readers queue behind each other;
N processes share them out. nginx (not a home-made proxy) listens on ``--server.port`` and
``--server.address``, and hands each reader to one process for good: the first response sets
a cookie (:data:`COOKIE`, a fresh ``$request_id``) and ``hash $cookie consistent`` sends every
later request and the websocket of that browser to the same process (its session, uploads and
media live there). Clients all on one address (a campus NAT, the load test on 127.0.0.1) are
still spread out, which ``hash $remote_addr`` would not do.

nginx also gzips and caches what it can: Streamlit serves its own JS/CSS and the page shell
uncompressed (``starlette_gzip_middleware._should_bypass_gzip``), and ``/app/static/`` with no
Cache-Control at all. Everything runs from a temporary run directory (``nginx.conf``, pid,
logs, proxy cache) that is removed afterwards; nginx runs in the foreground (``daemon off``),
each child in its own process group that a stop (Ctrl-C, SIGTERM, an error, this process
dying) takes down. No Streamlit import.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from borderatlas.serve import option, start, stop, streamlit_command, wait_healthy, warm_up

COOKIE = "ba_node"
NGINX = ("nginx", "/usr/sbin/nginx")  # on PATH, else where Debian puts it
# options that belong to nginx (the public side); each Streamlit process gets its own
PUBLIC_OPTIONS = ("--server.port", "--server.address")
MAX_PROCESSES = 16
STATIC_MAX_AGE_S = 600  # /app/static/: the script bundle, the content-named basemap and layers
GZIP_TYPES = ("text/css", "application/javascript", "text/javascript", "application/json",
              "application/geo+json", "image/svg+xml", "text/plain", "text/xml",
              "application/xml", "font/ttf", "application/vnd.ms-fontobject")


@dataclass(frozen=True)
class Plan:
    """What to start: nginx on ``listen``, Streamlit on each of ``ports`` (127.0.0.1)."""

    listen: str  # nginx ``listen`` argument: "8501" or "127.0.0.1:8501"
    ports: tuple[int, ...]
    base_path: str = ""  # server.baseUrlPath without slashes ("" for none)
    user: str | None = None  # the workers' user, when started as root (None: not root)


def find_nginx() -> str | None:
    """The nginx binary, or None when it is not installed."""
    for name in NGINX:
        found = shutil.which(name)
        if found:
            return found
    return None


def strip_options(args: Sequence[str], names: Sequence[str]) -> list[str]:
    """``args`` without every ``--name value`` / ``--name=value`` among ``names``."""
    out: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in names:
            skip = True
            continue
        if any(arg.startswith(n + "=") for n in names):
            continue
        out.append(arg)
    return out


def listen_spec(address: str | None, port: str) -> str:
    """The nginx ``listen`` for Streamlit's address/port options (no address: every interface)."""
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"not a port: {port!r}")
    if address in (None, "", "0.0.0.0"):  # noqa: S104 - what the reader asked for
        return port
    if ":" in address:  # IPv6
        return f"[{address.strip('[]')}]:{port}"
    return f"{address}:{port}"


def nginx_conf(plan: Plan, run_dir: Path) -> str:
    """The whole nginx.conf: sticky upstream, websocket proxying, gzip, static caching."""
    if not plan.ports:
        raise ValueError("no Streamlit processes")
    run = str(run_dir)
    # as root nginx's workers would switch to "nobody", who cannot write the private run dir
    user = f"user {plan.user};\n" if plan.user else ""
    prefix = f"/{plan.base_path.strip('/')}" if plan.base_path.strip("/") else ""
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=0;" for p in plan.ports)
    proxy = """\
            proxy_pass http://streamlit;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            add_header Set-Cookie $ba_set_cookie;"""
    # identity from Streamlit, gzip by nginx: one cached copy, compressed in C
    cached = f"""\
{proxy}
            proxy_set_header Accept-Encoding "";
            proxy_buffering on;  # nginx caches only buffered responses
            proxy_cache static;
            proxy_cache_valid 200 10m;
            proxy_cache_lock on;
            add_header X-Cache $upstream_cache_status;"""
    return f"""\
# written by `borderatlas serve --processes {len(plan.ports)}` (borderatlas/cluster.py)
daemon off;
{user}worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{
    worker_connections 4096;
}}
http {{
    access_log off;
    client_body_temp_path {run}/temp/body;
    proxy_temp_path {run}/temp/proxy;
    fastcgi_temp_path {run}/temp/fastcgi;
    uwsgi_temp_path {run}/temp/uwsgi;
    scgi_temp_path {run}/temp/scgi;
    proxy_cache_path {run}/cache levels=1:2 keys_zone=static:10m max_size=256m inactive=1d use_temp_path=off;
    client_max_body_size 12m;  # uploads: server.maxUploadSize 10 MB plus multipart framing
    server_tokens off;

    gzip on;
    gzip_proxied any;
    gzip_vary on;
    gzip_comp_level 5;
    gzip_min_length 1000;
    gzip_types {" ".join(GZIP_TYPES)};

    # websocket upgrade when asked, keep-alive to Streamlit otherwise
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        '' '';
    }}
    # sticky sessions: a reader keeps the process its first request was hashed to
    map $cookie_{COOKIE} $ba_node {{
        '' $request_id;
        default $cookie_{COOKIE};
    }}
    map $cookie_{COOKIE} $ba_set_cookie {{
        '' "{COOKIE}=$request_id; Path=/; HttpOnly; SameSite=Lax";
        default '';
    }}
    upstream streamlit {{
        hash $ba_node consistent;
{servers}
        keepalive 32;
    }}
    server {{
        listen {plan.listen};
        proxy_read_timeout 1d;  # a reader's websocket stays open as long as the tab
        proxy_send_timeout 1d;
        proxy_buffering off;
        location / {{
{proxy}
        }}
        location {prefix}/static/ {{  # Streamlit's content-hashed JS/CSS (immutable)
{cached}
        }}
        location {prefix}/app/static/ {{  # Leaflet, jQuery, basemap: no header from Streamlit
{cached}
            proxy_hide_header Cache-Control;
            add_header Cache-Control "public, max-age={STATIC_MAX_AGE_S}";
        }}
    }}
}}
"""


def backend_args(args: Sequence[str], port: int) -> list[str]:
    """Streamlit's arguments for one process: the reader's, with its own loopback port."""
    return [*strip_options(args, PUBLIC_OPTIONS), "--server.port", str(port),
            "--server.address", "127.0.0.1"]


def plan_for(args: Sequence[str], ports: Sequence[int]) -> Plan:
    """The plan for Streamlit-style ``args`` (port, address, base path) and backend ports."""
    return Plan(listen=listen_spec(option(args, "--server.address"),
                                   option(args, "--server.port") or "8501"),
                ports=tuple(ports),
                base_path=(option(args, "--server.baseUrlPath") or "").strip("/"),
                user="root" if os.geteuid() == 0 else None)


def public_url(args: Sequence[str]) -> str:
    """Where this machine reaches nginx (loopback when it listens on every interface)."""
    address = option(args, "--server.address")
    host = "127.0.0.1" if address in (None, "", "0.0.0.0", "::") else address  # noqa: S104
    host = f"[{host.strip('[]')}]" if ":" in host else host
    base = (option(args, "--server.baseUrlPath") or "").strip("/")
    return f"http://{host}:{option(args, '--server.port') or '8501'}" + (f"/{base}" if base else "")


def _free_ports(n: int) -> list[int]:
    """``n`` distinct free loopback ports."""
    import socket

    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in socks]
    finally:
        for s in socks:
            s.close()


def serve_processes(processes: int, args: Sequence[str] = ()) -> int:
    """N Streamlit processes behind nginx, in the foreground until Ctrl-C or SIGTERM."""
    if not 1 <= processes <= MAX_PROCESSES:
        print(f"--processes must be between 1 and {MAX_PROCESSES}", flush=True)
        return 2
    nginx = find_nginx()
    if nginx is None:
        print("nginx is not installed (Debian: apt-get install nginx)", flush=True)
        return 2
    ports = _free_ports(processes)
    plan = plan_for(args, ports)
    run_dir = Path(tempfile.mkdtemp(prefix="borderatlas-nginx-"))
    for sub in ("temp", "cache"):
        (run_dir / sub).mkdir()
    conf = run_dir / "nginx.conf"
    conf.write_text(nginx_conf(plan, run_dir), encoding="utf-8")
    requested = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        requested.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    procs: list[subprocess.Popen[bytes]] = []
    try:
        check = subprocess.run([nginx, "-t", "-q", "-p", str(run_dir), "-e",
                                str(run_dir / "error.log"), "-c", str(conf)],
                               capture_output=True, text=True, check=False)
        if check.returncode:
            print(f"nginx rejected {conf}: {check.stderr.strip()}", flush=True)
            return 2
        procs = [start(streamlit_command(*backend_args(args, p))) for p in ports]
        try:
            for port, proc in zip(ports, procs, strict=True):
                url = f"http://127.0.0.1:{port}" + (f"/{plan.base_path}" if plan.base_path else "")
                wait_healthy(url, proc, stop=requested)
                warm_up(url)
        except InterruptedError:
            return 0
        # SIGTERM, not SIGKILL, if this process dies: nginx's master then stops its workers
        procs.append(start([nginx, "-p", str(run_dir), "-e", str(run_dir / "error.log"),
                            "-c", str(conf)], death_signal=signal.SIGTERM))
        public = option(args, "--server.port") or "8501"
        try:  # ready once nginx answers for Streamlit
            wait_healthy(public_url(args), procs[-1], timeout=30, stop=requested)
        except InterruptedError:
            return 0
        pids = ", ".join(str(p.pid) for p in procs[:-1])
        print(f"Border Atlas is ready: http://localhost:{public}/{plan.base_path} "
              f"({processes} Streamlit processes behind nginx; pids {pids}; "
              f"nginx pid {procs[-1].pid}; run dir {run_dir})", flush=True)
        while not requested.wait(0.5):
            for proc in procs:
                if proc.poll() is not None:
                    print(f"process {proc.pid} exited with {proc.returncode}; stopping",
                          flush=True)
                    return 1
        return 0
    finally:
        for proc in reversed(procs):  # nginx first: no new requests for a stopping process
            if proc.poll() is None:
                stop(proc, signal.SIGTERM)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        shutil.rmtree(run_dir, ignore_errors=True)
