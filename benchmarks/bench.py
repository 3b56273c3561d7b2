"""Benchmark: page loads, interactions, bytes, script runs and server memory, in a real browser.

``python -m benchmarks.bench [--runs N] [--json OUT] [--resolution standard|full]`` starts
``streamlit run app.py`` on loopback (:mod:`tools.devserver`), drives Debian Chromium
through Playwright (no internet), and prints median/min/max of every figure. Bytes come from
Chrome DevTools Protocol events: HTTP ``Network.loadingFinished`` and websocket frames, which
are also decoded as Streamlit ``ForwardMsg``/``BackMsg`` protobufs to count script runs.
First visits (every run, also alone with ``--first-visit-only``; ``--url`` for a server already
running, e.g. behind nginx; ``--site`` adds the static export): each page with a map in a fresh
context, side by side with an empty Streamlit app and the floor of this stack, a bare
streamlit-folium map, served by the same Streamlit (:func:`measure_first_visits`,
:func:`beyond_shell`).
Not part of the pytest suite (timings are not tests); ``tests/tools/test_bench.py`` covers the maths.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools.browser import CHROMIUM, CHROMIUM_ARGS, DRAWN, FIT_JS, MAP, POINT_JS
from tools.devserver import REPO, Server, free_port, run_app

DEFAULT_OUT = REPO / "bench" / "results" / "latest.json"
TIMEOUT_MS = 30_000
QUIET_S = 0.6  # no websocket traffic and no running status for this long = idle
# (page, URL path, CSS selector of a data path that proves the map's layers are drawn)
PAGES: list[tuple[str, str, str | None]] = [
    ("Home", "/", "path.ba-section"),
    ("Border map", "/border_map", "path.ba-section"),
    ("Compare", "/compare", "path.ba-version"),
    ("Timeline", "/timeline", "path.ba-section"),
    ("Disputed areas", "/disputed_areas", "path.ba-section"),
    ("Sources & data", "/sources", None),
]
CLICK_SECTION = "rus-e-ussuri"  # a mid-length river section, present in every data set
MARK_OLD_JS = "() => document.querySelectorAll('path').forEach(p => p.dataset.benchOld = '1')"
NEW_PATH_JS = "sel => document.querySelector(sel + ':not([data-bench-old])') !== null"
# checked on every animation frame: a locator's wait backs off to 0.5 s polls and would
# add up to half a second to a figure
IN_MAP_JS = (f"sel => {{ const f = document.querySelector({json.dumps(MAP)});"
             " const d = f && f.contentDocument; return !!(d && d.querySelector(sel)); }")
PRESENT_JS = "sel => document.querySelector(sel) !== null"
# in the map frame, on the browser's own clock: the click's input event, then the first frame
# painted with the halo and with the panel (a MutationObserver, then requestAnimationFrame);
# Playwright's own polling and round trips would add up to a few hundred ms on a busy machine
CLICK_CLOCK_JS = """sel => {
    const t = window.__baClock = {};
    document.addEventListener('pointerdown', e => { t.input = e.timeStamp; },
                              {capture: true, once: true});
    const seen = (key, found) => {
        if (t[key] === undefined && !t[key + 'Asked'] && found) {
            t[key + 'Asked'] = true;
            requestAnimationFrame(ts => { t[key] = ts; });
        }
    };
    const watch = new MutationObserver(() => {
        seen('halo', document.querySelector('.leaflet-baSelection-pane path'));
        seen('panel', document.querySelector(sel));
        if (t.halo !== undefined && t.panel !== undefined) { watch.disconnect(); }
    });
    watch.observe(document.body, {subtree: true, childList: true, attributes: true});
}"""
TARGETS = {  # metric -> (limit, unit): what the issue asks for
    "warm load → map drawn": (1.5, "s"),
    "click section → history": (0.15, "s"),  # #16
    "year step → map updated": (0.5, "s"),
    "warm load HTTP+WS": (1024.0, "KiB"),
    "first visit: map drawn after the shell is idle": (0.5, "s"),
    "first visit: beyond the shell": (300.0, "KiB"),
}
SHELL = "empty Streamlit app"
# the app a first visit is compared with: Streamlit's own shell, nothing drawn, same server
EMPTY_APP = '"""An empty Streamlit app: the shell Border Atlas\'s first visits are measured against."""\n'
FLOOR = "bare streamlit-folium map"
# the floor of "map drawn" with this stack: streamlit-folium drawing one 120-vertex line, inline,
# with our local Leaflet bundle and nothing else on the page (like the tutorial peer)
FLOOR_APP = '''"""The least a streamlit-folium map costs a first visit: one inline line, nothing else."""
import folium
from streamlit_folium import st_folium

from borderatlas.map import assets

m = assets.use_local_assets(folium.Map(location=[46.5, 110.0], zoom_start=4, tiles=None))
folium.GeoJson({"type": "LineString",
                "coordinates": [[80 + i * 0.5, 45 + (i % 7) * 0.3] for i in range(120)]}).add_to(m)
st_folium(m, height=500, returned_objects=[])
'''
DOCUMENT = "(page document)"  # the top document's URL differs by page; the shell's is the same


# ---------------------------------------------------------------- statistics and report


def summarise(values: Sequence[float]) -> dict[str, float | int | None]:
    """Median, min, max and count of a series (None for an empty one)."""
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0}
    return {"median": float(statistics.median(values)), "min": float(min(values)),
            "max": float(max(values)), "n": len(values)}


def _fmt(value: float | int | None, unit: str) -> str:
    """One figure for the table: seconds with 3 decimals, sizes with 1, counts as integers."""
    if value is None:
        return "—"
    if unit in ("s", "KiB", "MiB"):
        return f"{value:.3f}" if unit == "s" else f"{value:.1f}"
    return f"{value:g}"


def render_table(metrics: Mapping[str, Mapping[str, Any]]) -> str:
    """A fixed-width table: one row per metric with its unit, median, min, max and n."""
    width = max([len("metric"), *(len(k) for k in metrics)])
    lines = [f"{'metric':<{width}}  {'unit':>4}  {'median':>9}  {'min':>9}  {'max':>9}  {'n':>3}"]
    lines.append("-" * len(lines[0]))
    for name, m in metrics.items():
        unit = m.get("unit", "")
        lines.append(f"{name:<{width}}  {unit:>4}  {_fmt(m.get('median'), unit):>9}  "
                     f"{_fmt(m.get('min'), unit):>9}  {_fmt(m.get('max'), unit):>9}  "
                     f"{m.get('n', 0):>3}")
    return "\n".join(lines)


def check_targets(metrics: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Compare each metric whose name starts with a target's name to its limit (median)."""
    out: dict[str, dict[str, Any]] = {}
    for name, m in metrics.items():
        for prefix, (limit, unit) in TARGETS.items():
            if name.startswith(prefix) and m.get("median") is not None:
                out[name] = {"median": m["median"], "limit": limit, "unit": unit,
                             "met": bool(m["median"] <= limit)}
    return out


def machine_info() -> dict[str, Any]:
    """Where the figures came from: CPUs, CPU model and RAM (read from /proc on Linux)."""
    model, ram_kib = platform.processor() or "?", 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_kib = int(line.split()[1])
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "ram_gib": round(ram_kib / 2**20, 1),
            "python": platform.python_version(),
            "loadavg_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None}


# ---------------------------------------------------------------- what the browser saw


@dataclass
class Probe:
    """Bytes, frames and Streamlit script runs seen by one page (CDP Network events)."""

    http_bytes: int = 0
    ws_in: int = 0
    ws_out: int = 0
    runs_finished: int = 0
    reruns_asked: int = 0
    last_frame: float = 0.0
    last_finished: float = 0.0
    cache_control: dict[str, str] = field(default_factory=dict)
    url_bytes: dict[str, int] = field(default_factory=dict)  # path?query (or DOCUMENT) -> bytes
    _request_url: dict[str, str] = field(default_factory=dict)

    def reset(self) -> None:
        """Start counting again (before an interaction)."""
        self.http_bytes = self.ws_in = self.ws_out = self.runs_finished = self.reruns_asked = 0
        self.url_bytes, self._request_url = {}, {}

    def on_loading_finished(self, event: dict[str, Any]) -> None:
        """Count an HTTP response's bytes on the wire (0 when served from the browser cache)."""
        size = int(event.get("encodedDataLength") or 0)
        self.http_bytes += size
        key = self._request_url.get(str(event.get("requestId")))
        if key is not None:
            self.url_bytes[key] = self.url_bytes.get(key, 0) + size

    def on_response(self, event: dict[str, Any]) -> None:
        """Note which URL a request was; remember the Cache-Control of each kind of URL."""
        resp = event.get("response", {})
        url = str(resp.get("url", ""))
        first_document = event.get("type") == "Document" and DOCUMENT not in self._request_url.values()
        self._request_url[str(event.get("requestId"))] = DOCUMENT if first_document \
            else url_key(url)
        headers = {k.lower(): v for k, v in (resp.get("headers") or {}).items()}
        kind = _url_kind(url)
        if kind and kind not in self.cache_control:
            self.cache_control[kind] = headers.get("cache-control", "(none)")

    def on_frame(self, event: dict[str, Any], incoming: bool) -> None:
        """Count a websocket frame's bytes; decode it to count finished and requested runs."""
        frame = event.get("response", {})
        payload = str(frame.get("payloadData", ""))
        data = base64.b64decode(payload) if frame.get("opcode") == 2 else payload.encode()
        self.last_frame = time.perf_counter()
        if incoming:
            self.ws_in += len(data)
            if _msg_type(data, incoming=True) == "script_finished":
                self.runs_finished += 1
                self.last_finished = self.last_frame
        else:
            self.ws_out += len(data)
            if _msg_type(data, incoming=False) == "rerun_script":
                self.reruns_asked += 1


def url_key(url: str) -> str:
    """A URL without scheme and host (two servers on two ports serve the same paths)."""
    return "/" + url.split("://", 1)[-1].partition("/")[2].split("#")[0]


def beyond_shell(url_bytes: Mapping[str, int], ws_in: int, shell_urls: Mapping[str, int],
                 shell_ws_in: int) -> int:
    """Bytes a page received beyond Streamlit's shell.

    HTTP responses for URLs the empty app did not fetch, plus websocket bytes beyond the empty
    app's (its session set-up).
    """
    http = sum(n for url, n in url_bytes.items() if url not in shell_urls)
    return http + max(0, ws_in - shell_ws_in)


def _url_kind(url: str) -> str | None:
    """Group URLs whose caching matters: the app shell, its JS, our static files, the iframe."""
    path = url.split("://", 1)[-1].partition("/")[2].split("?")[0]
    if path.startswith("app/static/"):
        return "/app/static/ (Leaflet, our scripts)"
    if path.startswith("component/"):
        return "/component/ (st_folium iframe)" if path.endswith(".html") \
            else "/component/ assets"
    if path.startswith("static/"):
        return "/static/ (Streamlit JS/CSS)"
    if path in ("", "border_map", "compare", "timeline", "disputed_areas", "sources"):
        return "page HTML"
    return None


def _msg_type(data: bytes, incoming: bool) -> str | None:
    """The oneof type of a Streamlit protobuf message (None when it does not parse)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = ForwardMsg() if incoming else BackMsg()
    try:
        msg.ParseFromString(data)
    except Exception:  # a text frame or another protocol: not a script message
        return None
    return msg.WhichOneof("type")


def attach(page: Any) -> Probe:
    """Open a CDP session on the page and feed its Network events into a new Probe."""
    probe = Probe()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.loadingFinished", probe.on_loading_finished)
    cdp.on("Network.responseReceived", probe.on_response)
    cdp.on("Network.webSocketFrameReceived", lambda e: probe.on_frame(e, True))
    cdp.on("Network.webSocketFrameSent", lambda e: probe.on_frame(e, False))
    page._bench_cdp = cdp  # keep the session alive as long as the page
    return probe


def wait_idle(page: Any, probe: Probe, timeout_s: float = 60.0) -> None:
    """Wait until a script run has finished and nothing has moved for QUIET_S seconds."""
    deadline = time.perf_counter() + timeout_s
    status = page.locator('[data-testid="stStatusWidget"]')
    while time.perf_counter() < deadline:
        page.wait_for_timeout(50)  # pumps Playwright's event loop, so frames are counted
        quiet = time.perf_counter() - max(probe.last_frame, probe.last_finished) >= QUIET_S
        if probe.runs_finished and quiet and not status.is_visible():
            return
    raise TimeoutError("the app did not become idle")


def map_frame(page: Any) -> Any:
    """The st_folium iframe's Frame (where Leaflet draws)."""
    handle = page.locator(MAP).first.element_handle(timeout=TIMEOUT_MS)
    return handle.content_frame()


# ---------------------------------------------------------------- measurements


@dataclass
class Results:
    """Raw series per metric name, with a unit each."""

    series: dict[str, list[float]] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, value: float, unit: str) -> None:
        """Append one observation."""
        self.series.setdefault(name, []).append(float(value))
        self.units[name] = unit

    def metrics(self) -> dict[str, dict[str, Any]]:
        """Summary per metric (unit, median, min, max, n, raw values)."""
        return {k: {"unit": self.units[k], **summarise(v), "values": [round(x, 4) for x in v]}
                for k, v in self.series.items()}


def load_page(page: Any, probe: Probe, url: str, selector: str | None) -> tuple[float | None, float]:
    """Navigate and wait; seconds to the map's data paths drawn (None: no map) and to idle."""
    probe.reset()
    probe.last_finished = 0.0
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    drawn = None
    if selector:
        page.wait_for_function(IN_MAP_JS, arg=selector, polling="raf", timeout=TIMEOUT_MS)
        drawn = time.perf_counter() - start
    wait_idle(page, probe)
    return drawn, probe.last_finished - start


def measure_pages(browser: Any, base: str, res: Results, cache: dict[str, str],
                  shots: Path | None) -> None:
    """Each page in a fresh context: a first (cold-cache) load, then a warm one, measured."""
    for name, path, selector in PAGES:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        probe = attach(page)
        for phase in ("first", "warm"):
            drawn, idle = load_page(page, probe, base + path, selector)
            if drawn is not None:
                res.add(f"{phase} load → map drawn: {name}", drawn, "s")
            res.add(f"{phase} load → idle: {name}", idle, "s")
            res.add(f"{phase} load HTTP+WS: {name}", (probe.http_bytes + probe.ws_in) / 1024,
                    "KiB")
            res.add(f"{phase} load script runs: {name}", probe.runs_finished, "n")
        cache.update(probe.cache_control)
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / f"{path.strip('/') or 'home'}.png"), full_page=True)
        context.close()


def _timed_update(page: Any, probe: Probe, act: Callable[[], None], wait_js: str,
                  arg: Any, in_page: bool = False) -> tuple[float, float, int]:
    """Mark the drawn paths, act, and time until the map shows new paths; bytes and runs too.

    ``in_page``: ``wait_js`` runs in the page (it finds the map frame itself), for an act that
    may replace the frame.
    """
    frame = map_frame(page)
    frame.evaluate(MARK_OLD_JS)
    probe.reset()
    start = time.perf_counter()
    act()
    (page if in_page else frame).wait_for_function(wait_js, arg=arg, polling="raf",
                                                   timeout=TIMEOUT_MS)
    took = time.perf_counter() - start
    wait_idle(page, probe)
    return took, probe.ws_in / 1024, probe.runs_finished


def _aim_at_section(page: Any, sid: str) -> tuple[float, float]:
    """Fit the map to a section (no rerun) and return the page point mid-way along its stroke."""
    target = page.frame_locator(MAP).first.locator(f"path.ba-id-{sid}").first
    target.evaluate(FIT_JS)
    point = target.evaluate(POINT_JS)
    box = page.locator(MAP).first.bounding_box()
    return box["x"] + point["x"], box["y"] + point["y"]


def measure_interactions(browser: Any, base: str, res: Results) -> None:
    """Click a section, click it again, step the year back, toggle a layer, switch versions."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    probe = attach(page)
    load_page(page, probe, base + "/border_map", "path.ba-section")

    # the history panel is shown inside the map frame (borderatlas/map/static/history-panel.js)
    panel = f'aside.ba-history:not([hidden]) div.ba-panel[data-feature="section:{CLICK_SECTION}"]'
    page.frame_locator(MAP).first.locator(f"path.ba-id-{CLICK_SECTION}").first.wait_for(
        state="attached", timeout=TIMEOUT_MS)
    x, y = _aim_at_section(page, CLICK_SECTION)
    frame = map_frame(page)
    frame.evaluate(CLICK_CLOCK_JS, panel)
    probe.reset()
    start = time.perf_counter()  # from the click itself: aiming is not part of the latency
    page.mouse.click(x, y)
    frame.wait_for_function("() => window.__baClock.halo !== undefined && "
                            "window.__baClock.panel !== undefined", polling="raf",
                            timeout=TIMEOUT_MS)
    seen_by_driver = time.perf_counter() - start
    clock = frame.evaluate("() => window.__baClock")
    res.add("click section → selection haloed", (clock["halo"] - clock["input"]) / 1000, "s")
    res.add("click section → history shown", (clock["panel"] - clock["input"]) / 1000, "s")
    res.add("driver saw the history, after the click", seen_by_driver, "s")
    page.wait_for_function(f"() => location.search.includes('{CLICK_SECTION}')", polling="raf",
                           timeout=TIMEOUT_MS)
    res.add("click section → URL in step (server)", time.perf_counter() - start, "s")
    wait_idle(page, probe)
    res.add("click section: WS received", probe.ws_in / 1024, "KiB")
    res.add("click section: script runs", probe.runs_finished, "n")

    x, y = _aim_at_section(page, CLICK_SECTION)
    probe.reset()  # the same section again: the map does not change
    page.mouse.click(x, y)
    wait_idle(page, probe)
    res.add("click same section again: WS received", probe.ws_in / 1024, "KiB")
    res.add("click same section again: script runs", probe.runs_finished, "n")

    # the year is a number input: its "−" button steps one year back, as a reader clicks it
    year = page.locator('[data-testid="stSidebar"] [data-testid="stNumberInput"]').first
    step_back = year.locator('[data-testid="stNumberInputStepDown"]')
    took, kib, runs = _timed_update(page, probe, step_back.click, NEW_PATH_JS, "path.ba-section")
    res.add("year step → map updated (Border map, − button)", took, "s")
    res.add("year step: WS received", kib, "KiB")
    res.add("year step: script runs", runs, "n")

    toggle = page.locator('[data-testid="stSidebar"] button').filter(has_text="Places").first
    took, kib, runs = _timed_update(
        page, probe, toggle.click,
        "sel => document.querySelector(sel + ':not([data-bench-old])') !== null"
        " && document.querySelector('path.ba-place') === null", "path.ba-section")
    res.add("toggle layer (Places off) → map updated", took, "s")
    res.add("toggle layer: WS received", kib, "KiB")
    context.close()

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    probe = attach(page)
    load_page(page, probe, base + "/compare", "path.ba-version")
    later = page.locator('[data-testid="stSidebar"] [data-testid="stButtonGroup"]').nth(2)  # after the language, the first end

    def pick_present() -> None:  # the second end's "Present" pill
        later.locator("button").filter(has_text="Present").first.click()

    try:
        # the map's labels name the dates, so the frame may be rebuilt: look from the page
        took, kib, runs = _timed_update(page, probe, pick_present, IN_MAP_JS,
                                        "path.ba-version:not([data-bench-old])", in_page=True)
    except Exception as exc:  # report it and keep the other figures
        print(f"switch compared version: not measured ({type(exc).__name__}: {exc})"[:200], flush=True)
    else:
        res.add("switch compared version → map updated", took, "s")
        res.add("switch compared version: WS received", kib, "KiB")
    context.close()


@contextmanager
def run_reference_app(tmp: Path, name: str = "empty_app", source: str = EMPTY_APP) -> Iterator[Server]:
    """A reference app (written into ``tmp``) served by the same Streamlit and config as the atlas.

    The empty app by default; ``source`` :data:`FLOOR_APP` is the bare map, whose local Leaflet
    ``tmp/static/vendor`` holds, as ``static/vendor`` does for the atlas.
    """
    from borderatlas.map.assets import install_vendor
    from borderatlas.serve import start, stop, wait_healthy

    script = tmp / f"{name}.py"
    script.write_text(source, encoding="utf-8")
    install_vendor(tmp / "static")
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with (tmp / f"{name}.log").open("w") as out:  # cwd = the repo: its .streamlit/config.toml
        proc = start(cmd, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield Server(url=url, pid=proc.pid)
    finally:
        stop(proc, signal.SIGTERM)


def _visit(browser: Any, url: str, selector: str | None) -> tuple[Probe, float | None, float]:
    """One first visit in a fresh context (empty cache): probe, map drawn, idle."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    probe = attach(page)
    drawn, idle = load_page(page, probe, url, selector)
    context.close()
    return probe, drawn, idle


def largest_beyond_shell(url_bytes: Mapping[str, int], shell_urls: Mapping[str, int],
                         n: int = 8) -> dict[str, float]:
    """The ``n`` largest responses the empty app did not fetch, KiB (where the bytes go)."""
    extra = sorted(((u, b) for u, b in url_bytes.items() if u not in shell_urls),
                   key=lambda item: -item[1])
    return {u[:120]: round(b / 1024, 1) for u, b in extra[:n]}


def measure_first_visits(browser: Any, base: str, shell: Server, res: Results,
                         largest: dict[str, Any] | None = None,
                         floor: Server | None = None) -> None:
    """First visits of the empty app, the floor app and every page with a map, side by side.

    Map drawn = the first Leaflet vector path in the map frame; "after the shell is idle" takes
    off this run's idle time of the empty app. Bytes beyond the shell: :func:`beyond_shell`
    (CDP: HTTP as received, on the wire; websocket payloads as decoded, so
    ``server.enableWebsocketCompression`` does not change them). ``floor`` serves
    :data:`FLOOR_APP`: what any streamlit-folium map costs on this machine, whatever it shows.
    """
    empty, _, shell_idle = _visit(browser, shell.url + "/", None)
    res.add(f"first visit → idle: {SHELL}", shell_idle, "s")
    res.add(f"first visit HTTP+WS: {SHELL}", (empty.http_bytes + empty.ws_in) / 1024, "KiB")
    if floor is not None:
        probe, drawn, _idle = _visit(browser, floor.url + "/", DRAWN)
        assert drawn is not None
        res.add(f"first visit → map drawn: {FLOOR}", drawn, "s")
        res.add(f"first visit, floor: map drawn after the shell is idle: {FLOOR}",
                drawn - shell_idle, "s")
        res.add(f"first visit, floor: beyond the shell: {FLOOR}",
                beyond_shell(probe.url_bytes, probe.ws_in, empty.url_bytes, empty.ws_in) / 1024,
                "KiB")
    for name, path, selector in PAGES:
        if selector is None:
            continue
        probe, drawn, idle = _visit(browser, base + path, DRAWN)
        assert drawn is not None
        res.add(f"first visit → idle: {name}", idle, "s")
        res.add(f"first visit → map drawn: {name}", drawn, "s")
        res.add(f"first visit: map drawn after the shell is idle: {name}", drawn - shell_idle, "s")
        res.add(f"first visit: beyond the shell: {name}",
                beyond_shell(probe.url_bytes, probe.ws_in, empty.url_bytes, empty.ws_in) / 1024,
                "KiB")
        res.add(f"first visit HTTP+WS: {name}", (probe.http_bytes + probe.ws_in) / 1024, "KiB")
        if largest is not None:
            largest[name] = {"websocket beyond the shell": round(
                max(0, probe.ws_in - empty.ws_in) / 1024, 1),
                **largest_beyond_shell(probe.url_bytes, empty.url_bytes)}


STATIC_MAP = "path.ba-section"  # the export draws in the page itself (its own panes)


def measure_static_site(browser: Any, geodata: Path, tmp: Path, runs: int, res: Results) -> None:
    """The static export on a plain static host (``python -m http.server``): first visits."""
    from borderatlas.serve import start, stop

    site = tmp / "site"
    subprocess.run([sys.executable, "-m", "borderatlas", "export-site", str(site),
                    "--data", str(geodata)], cwd=REPO, check=True, capture_output=True,
                   timeout=600)
    port = free_port()
    proc = start([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
                  "--directory", str(site)], stdout=subprocess.DEVNULL,
                 stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(200):  # until it listens (no health endpoint on a static host)
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                time.sleep(0.05)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            probe = attach(page)
            start_t = time.perf_counter()
            page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
            page.wait_for_function(PRESENT_JS, arg=STATIC_MAP, polling="raf", timeout=TIMEOUT_MS)
            res.add("first visit → map drawn: static export (http.server)",
                    time.perf_counter() - start_t, "s")
            page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
            res.add("first visit HTTP: static export (http.server)", probe.http_bytes / 1024, "KiB")
            context.close()
    finally:
        stop(proc, signal.SIGTERM)


def measure_memory(browser: Any, base: str, pid: int, sessions: int = 5) -> dict[str, float]:
    """Open every page in ``sessions`` live sessions, then read the server's peak RSS."""
    contexts = []
    for _ in range(sessions):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        probe = attach(page)
        for _name, path, selector in PAGES:
            load_page(page, probe, base + path, selector)
        contexts.append(context)
    status = _proc_status(pid)
    for context in contexts:
        context.close()
    return {"VmHWM": status.get("VmHWM", float("nan")), "VmRSS": status.get("VmRSS", float("nan"))}


def _proc_status(pid: int) -> dict[str, float]:
    """VmHWM/VmRSS of a process in MiB, from /proc/<pid>/status."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            out[key] = int(rest.split()[0]) / 1024
    return out


LOAD_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
from borderatlas import config
from borderatlas.data.loader import load_atlas
from borderatlas.geo import simplify
t1 = time.perf_counter()
atlas = simplify.at_resolution(load_atlas(), config.resolution())
t2 = time.perf_counter()
from borderatlas import ui
ui.atlas()
t3 = time.perf_counter()
ui.atlas()
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "cold": t2 - t1, "first_cached": t3 - t2, "warm": t4 - t3,
                  "vertices": simplify.vertex_count(atlas.sections)}))
"""


def measure_server_load(geodata: Path, runs: int, res: Results) -> int:
    """Load + validate in fresh processes (cold) and through the cached accessor (warm)."""
    env = {**os.environ, "BORDERATLAS_GEODATA": str(geodata)}
    vertices = 0
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_SCRIPT], cwd=REPO, env=env,
                             capture_output=True, text=True, check=True, timeout=300)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        res.add("server: load+validate cold (fresh process)", figures["cold"], "s")
        res.add("server: cached accessor warm (2nd call)", figures["warm"], "s")
        vertices = int(figures["vertices"])
    return vertices


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    p.add_argument("--json", type=Path, default=DEFAULT_OUT, help=f"report (default {DEFAULT_OUT})")
    p.add_argument("--resolution", choices=("standard", "full"), default="standard")
    p.add_argument("--geodata", type=Path, default=REPO / "geodata")
    p.add_argument("--shots", type=Path, default=None, help="save a screenshot of each page here")
    p.add_argument("--first-visit-only", action="store_true",
                   help="only the first-visit figures (empty app vs every page with a map)")
    p.add_argument("--url", default=None,
                   help="first visits of an already-running server (e.g. `borderatlas serve "
                        "--processes N`, behind nginx); implies --first-visit-only")
    p.add_argument("--site", action="store_true",
                   help="also first visits of the static export served by python -m http.server")
    args = p.parse_args(argv)
    if args.url is not None:
        if not args.url.startswith("http://"):
            p.error("--url must start with http://")
        args.first_visit_only = True
    if not 1 <= args.runs <= 20:
        p.error("--runs must be between 1 and 20")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the whole benchmark, print the table and write the JSON report."""
    args = parse_args(argv)
    if not (args.geodata / "sections.geojson").is_file():
        print(f"no sections.geojson in {args.geodata}; pass --geodata", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing (apt install chromium)", file=sys.stderr)
        return 2
    os.environ["BORDERATLAS_RESOLUTION"] = args.resolution  # inherited by the server
    from playwright.sync_api import sync_playwright

    res = Results()
    machine = machine_info()  # load average at the start: other work on the machine skews timings
    started = time.perf_counter()
    vertices = 0 if args.first_visit_only else measure_server_load(args.geodata, args.runs, res)
    cache: dict[str, str] = {}
    largest: dict[str, Any] = {}  # first visit: the largest responses beyond the shell
    memory = {"VmHWM": float("nan"), "VmRSS": float("nan")}
    loads = 0
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "server.log"
        with contextlib.ExitStack() as stack:
            if args.url is None:
                server = stack.enter_context(run_app(args.geodata, log))
            else:
                server = Server(url=args.url.rstrip("/"), pid=-1)
            shell = stack.enter_context(run_reference_app(Path(tmp)))
            floor = stack.enter_context(run_reference_app(Path(tmp), "floor_app", FLOOR_APP))
            pw = stack.enter_context(sync_playwright())
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            warm = browser.new_context()  # fill the server's caches before measuring
            warm_page = warm.new_page()
            warm_probe = attach(warm_page)
            for _name, path, selector in PAGES:
                load_page(warm_page, warm_probe, server.url + path, selector)
            load_page(warm_page, warm_probe, shell.url + "/", None)
            load_page(warm_page, warm_probe, floor.url + "/", DRAWN)
            warm.close()
            for run in range(args.runs):
                last = run == args.runs - 1
                measure_first_visits(browser, server.url, shell, res, largest, floor)
                if not args.first_visit_only:
                    measure_pages(browser, server.url, res, cache, args.shots if last else None)
                    measure_interactions(browser, server.url, res)
            if args.site:
                measure_static_site(browser, args.geodata, Path(tmp), args.runs, res)
            if not args.first_visit_only:
                memory = measure_memory(browser, server.url, server.pid)
            browser.close()
        if log.exists():
            loads = log.read_text().count("atlas loaded:")
    metrics = res.metrics()
    report = {
        "resolution": args.resolution, "runs": args.runs, "section_vertices": vertices,
        "url": args.url, "first_visit_only": args.first_visit_only,
        "machine": machine, "machine_at_end": machine_info(), "seconds": round(time.perf_counter() - started, 1),
        "server": {"peak_rss_mib_after_5_sessions": round(memory["VmHWM"], 1),
                   "rss_mib_after_5_sessions": round(memory["VmRSS"], 1),
                   "atlas_loads_in_server_process": loads},
        "cache_control": cache, "first_visit_largest_beyond_shell_kib": largest,
        "metrics": metrics, "targets": check_targets(metrics),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"resolution {args.resolution} ({vertices} section vertices), {args.runs} runs, "
          f"machine {report['machine']}")
    print(render_table(metrics))
    print(f"server peak RSS (VmHWM) after 5 sessions opened every page: {memory['VmHWM']:.1f} MiB; "
          f"atlas loads in the server process: {loads}")
    for kind, value in sorted(cache.items()):
        print(f"Cache-Control {kind}: {value}")
    for name, t in report["targets"].items():
        print(f"{'MET ' if t['met'] else 'MISS'} {name}: {t['median']:.3f} ≤ {t['limit']} {t['unit']}")
    floor_key = f"first visit, floor: map drawn after the shell is idle: {FLOOR}"
    if metrics.get(floor_key, {}).get("median") is not None:
        print(f"floor: a {FLOOR} (one inline line, nothing else) draws "
              f"{metrics[floor_key]['median']:.3f} s after the shell is idle")
    print(f"report: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
