"""Several Streamlit processes behind nginx: the generated config, and the real thing started and stopped."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from worker_loop import run_async

from borderatlas import cluster
from tools.devserver import REPO, free_port

NGINX = cluster.find_nginx()
needs_nginx = pytest.mark.skipif(NGINX is None, reason="nginx is not installed "
                                 "(scripts/test.sh installs Debian's nginx)")


def _conf(tmp_path: Path, **kw: object) -> str:
    plan = cluster.Plan(**{"listen": "127.0.0.1:8501", "ports": (9001, 9002), **kw})  # type: ignore[arg-type]
    return cluster.nginx_conf(plan, tmp_path)


def test_options_for_nginx_are_taken_out_of_each_streamlit_processes_arguments():
    args = ["--server.port", "8600", "--server.address=0.0.0.0", "--theme.base", "dark"]
    assert cluster.strip_options(args, cluster.PUBLIC_OPTIONS) == ["--theme.base", "dark"]
    assert cluster.backend_args(args, 9001) == ["--theme.base", "dark", "--server.port", "9001",
                                                "--server.address", "127.0.0.1"]


@pytest.mark.parametrize(("address", "port", "listen"), [
    (None, "8501", "8501"), ("0.0.0.0", "80", "80"), ("127.0.0.1", "8600", "127.0.0.1:8600"),
    ("::1", "8600", "[::1]:8600"),
])
def test_listen_follows_streamlits_address_and_port(address, port, listen):
    assert cluster.listen_spec(address, port) == listen


def test_a_port_that_is_not_a_port_is_refused():
    with pytest.raises(ValueError, match="not a port"):
        cluster.listen_spec(None, "80; include /etc/passwd")


def test_plan_reads_port_address_and_base_path():
    plan = cluster.plan_for(["--server.port=8700", "--server.baseUrlPath", "/atlas/"], [1, 2])
    assert (plan.listen, plan.ports, plan.base_path) == ("8700", (1, 2), "atlas")


def test_config_is_sticky_on_a_cookie_every_browser_gets(tmp_path):
    conf = _conf(tmp_path)
    assert "hash $ba_node consistent;" in conf
    # no cookie yet: this request's id is both the hash key and the cookie set on the answer
    assert re.search(r"map \$cookie_ba_node \$ba_node \{\s*'' \$request_id;", conf)
    assert '"ba_node=$request_id; Path=/; HttpOnly; SameSite=Lax"' in conf
    assert "add_header Set-Cookie $ba_set_cookie;" in conf
    assert conf.count("server 127.0.0.1:") == 2
    assert "server 127.0.0.1:9001" in conf and "server 127.0.0.1:9002" in conf
    assert "listen 127.0.0.1:8501;" in conf


def test_config_proxies_websockets_and_keeps_them_open(tmp_path):
    conf = _conf(tmp_path)
    assert "proxy_http_version 1.1;" in conf
    assert "proxy_set_header Upgrade $http_upgrade;" in conf
    assert "proxy_set_header Connection $connection_upgrade;" in conf
    assert "proxy_read_timeout 1d;" in conf
    assert "daemon off;" in conf and f"pid {tmp_path}/nginx.pid;" in conf


def test_config_compresses_and_caches_static_files_under_the_base_path(tmp_path):
    conf = _conf(tmp_path, base_path="atlas")
    assert "location /atlas/static/ {" in conf and "location /atlas/app/static/ {" in conf
    assert "gzip on;" in conf and "application/javascript" in conf
    assert f'add_header Cache-Control "public, max-age={cluster.STATIC_MAX_AGE_S}";' in conf
    assert "user " not in conf  # only when started as root
    assert "user root;" in _conf(tmp_path, user="root")


def test_no_processes_no_config(tmp_path):
    with pytest.raises(ValueError, match="no Streamlit"):
        _conf(tmp_path, ports=())


@needs_nginx
def test_nginx_accepts_the_config(tmp_path):
    for sub in ("temp", "cache"):
        (tmp_path / sub).mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(_conf(tmp_path, listen=f"127.0.0.1:{free_port()}",
                          user="root" if os.geteuid() == 0 else None))
    out = subprocess.run([str(NGINX), "-t", "-p", str(tmp_path), "-e", str(tmp_path / "e.log"),
                          "-c", str(conf)], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr


# ---------------------------------------------------------------- the real thing


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (children, grandchildren: nginx's workers), from /proc."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _start(tmp_path: Path) -> tuple[subprocess.Popen[str], int, str]:
    """``borderatlas serve --processes 2`` on a free loopback port, read until it is ready."""
    from atlas_fixture import write_geodata

    env = {**os.environ, "BORDERATLAS_GEODATA": str(write_geodata(tmp_path))}
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "borderatlas", "serve", "--processes", "2", "--server.port",
         str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if "Border Atlas is ready" in line:
            break
    else:
        proc.kill()
        pytest.fail("serve --processes exited before it was ready")
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    return proc, port, line


async def _websocket_run(url: str, cookie: str) -> str:
    """Open Streamlit's websocket through nginx, ask for a run, return the first message type."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect

    from benchmarks.loadtest import STREAM, SUBPROTOCOL, rerun_msg

    async with connect(url.replace("http://", "ws://") + STREAM, subprotocols=[SUBPROTOCOL],
                       origin=url, additional_headers={"Cookie": cookie},
                       ping_interval=None, open_timeout=20) as ws:
        await ws.send(rerun_msg("", "", "", [], [], url + "/").SerializeToString())
        msg = ForwardMsg()
        msg.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=60))
        return str(msg.WhichOneof("type"))


@needs_nginx
def test_two_processes_behind_nginx_serve_the_app_and_its_websocket_then_stop(tmp_path):
    proc, port, ready = _start(tmp_path)
    try:
        assert "2 Streamlit processes behind nginx" in ready
        below = _descendants(proc.pid)
        streamlits = [p for p in below if "streamlit run" in _cmdline(p)]
        nginxes = [p for p in below if _cmdline(p).startswith("nginx")]
        assert len(streamlits) == 2, below
        assert len(nginxes) >= 2, "nginx's master and a worker"
        url = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{url}/border_map", timeout=20) as resp:
            assert resp.status == 200
            assert resp.headers["Server"] == "nginx"
            cookie = resp.headers["Set-Cookie"].split(";")[0]
        assert cookie.startswith(f"{cluster.COOKIE}=")
        assert run_async(_websocket_run(url, cookie)) == "new_session"
        run_dir = Path(re.search(r"run dir (\S+)\)", ready).group(1))
        assert run_dir.is_dir()

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        assert all(_gone_within(p, 10) for p in below), \
            [(p, _cmdline(p)) for p in below if not _gone_within(p, 0)]
        assert not run_dir.exists()
    finally:
        if proc.poll() is None:
            proc.kill()


@needs_nginx
def test_a_killed_launcher_leaves_no_orphan(tmp_path):
    """SIGKILL cannot be caught: Linux's parent-death signal still stops Streamlit and nginx."""
    proc, _port, ready = _start(tmp_path)
    try:
        below = _descendants(proc.pid)
        assert len(below) >= 4
    finally:  # whatever failed, the launcher is killed: that is the test
        proc.kill()
        proc.wait(timeout=10)
    try:
        assert all(_gone_within(p, 15) for p in below), \
            [(p, _cmdline(p)) for p in below if not _gone_within(p, 0)]
    finally:  # a killed launcher cannot remove its run dir
        shutil.rmtree(re.search(r"run dir (\S+)\)", ready).group(1), ignore_errors=True)


@pytest.mark.parametrize("value", ["x", "0", "99"])
def test_serve_refuses_a_number_of_processes_it_cannot_start(value, capsys):
    from borderatlas.serve import serve

    assert serve(["--processes", value, "--server.port", "1"]) == 2
    assert "--processes" in capsys.readouterr().out
