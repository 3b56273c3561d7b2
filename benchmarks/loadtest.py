"""Many users at once: websocket clients speak Streamlit's own protocol; latency, errors, memory.

Run ``python -m benchmarks.loadtest`` (loopback only, bounded in time: about 3 minutes with
the defaults). It starts the app (:func:`tools.devserver.run_app`); each simulated user is
one websocket on ``/_stcore/stream`` doing what the browser's front end does, without a browser,
so the load measured is the server's:

* a page load is a new connection whose first ``BackMsg`` asks for a run of that URL (page name
  and query string), then, as the map has drawn, the map's first value (a second run, as
  streamlit-folium sends it);
* a click on a section is a run whose widget states carry the map component's JSON value as
  streamlit-folium's front end sets it (``last_object_clicked_tooltip`` holding the section's
  tooltip text, ``last_object_clicked_count`` one higher), together with every other widget
  value the session holds, echoed back as the front end would; cached messages are declared
  and resolved as the front end's message cache does;
* the map frame shows a clicked feature's history panel from a static file
  (``borderatlas/map/static/history-panel.js``), fetched at the moment of the click while that
  ``BackMsg`` goes to the server; so does each user here: click-to-panel latency runs from the
  click to the end of the HTTP response for ``<prefix>/section/<id>.html`` (the prefix is read
  from the map the component was sent; the body must hold
  ``<div class="ba-panel" data-feature="section:<id>">``, a panel for any other feature is an
  error), and a panel fetched earlier in the same page load is reused, as the frame does.
  Click-to-URL runs from the click to the end of the script run, whose query string must then
  name the clicked feature (the server keeping the URL in step; the reader does not wait for it).

It measures one user (``--single-clicks`` clicks), then ``--users`` concurrent users for
``--duration`` seconds (each clicks the sections in turn and every few clicks loads *Timeline*
or *Compare* and comes back), sampling the server's RSS from /proc before, during and after
(sessions closed, and again once the server has dropped them), and the CPU both sides used.
A second, shorter burst (``--repeat``) then shows whether memory kept after the first is
reused or grows again. Errors: exceptions shown by the app, "page not found", failed runs,
missing or wrong panels, timeouts and disconnects; the exit status is 1 if there was any.
The server keeps closed sessions for reconnection for ``--session-ttl`` seconds (Streamlit's
``server.disconnectedSessionTTL``, 120 s by default; shortened here so the "after" readings fall
inside the run). Prints a table and writes JSON (``--out``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import html
import json
import math
import os
import re
import sys
import tempfile
import time
import urllib.request
from collections.abc import Awaitable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Delta_pb2 import Delta
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException

from borderatlas.views.features import parse_clicked
from tools.devserver import REPO, rss_mb, run_app

STREAM = "/_stcore/stream"  # Streamlit's websocket route (web/server/starlette/starlette_websocket.py)
SUBPROTOCOL = "streamlit"  # first Sec-WebSocket-Protocol entry, as the front end sends it
MAP_COMPONENT = "streamlit_folium.st_folium"
STEP_TIMEOUT_S = 30.0  # one script run (or connecting) may take this long before it is an error
RAMP_S = 0.5  # seconds between session starts
PAGE_EVERY = 5  # every this many clicks a user loads another page and comes back
OTHER_PAGES = ("/timeline", "/compare")
FINISHED_EARLY = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
FINISHED_OK = (ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
               ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
PANEL = re.compile(r'<div class="ba-panel" data-feature="([^"]*)"')
PANEL_ELEMENTS = ("html", "markdown")  # the app inserts panels with st.html; Markdown too
PANEL_PREFIX = re.compile(r'BorderAtlas\.historyPanel\([^,]+, \{[^}]*"prefix": ("(?:[^"\\]|\\.)*")')
HTTP = ThreadPoolExecutor(max_workers=64, thread_name_prefix="loadtest-http")  # a browser's fetch
TIP = re.compile(r'"tip":\s*("(?:[^"\\]|\\.)*")')
LAYER_URL = re.compile(r'"((?:/[^"/]+)*/app/static/vendor/layers/[0-9a-f]+\.geojson)"')
TAG = re.compile(r"<[^>]*>")


class StepError(Exception):
    """A step of a session failed in a way the user would notice (counted as an error)."""


@dataclass
class Phase:
    """What one phase (single user or concurrent) measured."""

    users: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    sync_times: list[float] = field(default_factory=list)  # click -> the server's run finished
    page_times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    server_cpu_s: float = math.nan
    client_cpu_s: float = math.nan

    def summary(self) -> dict[str, Any]:
        """Counts and percentiles, for the table and the JSON report."""
        return {"users": self.users, "seconds": round(self.seconds, 1),
                "clicks": len(self.latencies),
                "clicks_per_s": round(len(self.latencies) / self.seconds, 2)
                if self.seconds > 0 else math.nan,
                "page_loads": len(self.page_times),
                "errors": len(self.errors),
                "p50_s": round(percentile(self.latencies, 50), 3),
                "p95_s": round(percentile(self.latencies, 95), 3),
                "max_s": round(max(self.latencies), 3) if self.latencies else math.nan,
                "sync_p50_s": round(percentile(self.sync_times, 50), 3),
                "sync_p95_s": round(percentile(self.sync_times, 95), 3),
                "page_p50_s": round(percentile(self.page_times, 50), 3),
                "page_p95_s": round(percentile(self.page_times, 95), 3),
                "server_cpu_pct": round(100 * self.server_cpu_s / self.seconds)
                if self.seconds > 0 and math.isfinite(self.server_cpu_s) else math.nan,
                "client_cpu_pct": round(100 * self.client_cpu_s / self.seconds)
                if self.seconds > 0 and math.isfinite(self.client_cpu_s) else math.nan}


@dataclass
class Run:
    """What one script run sent back: how it ended and the panels it showed (seconds after ask)."""

    status: int | None = None
    panels: list[tuple[str, float]] = field(default_factory=list)


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (NaN for no values), without numpy."""
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


# every option that sets how long or how hard a run is, with its bounds
LIMITS = (("--users", 1, 100, ""), ("--duration", 1, 75, " seconds"),
          ("--single-clicks", 1, 50, ""), ("--think", 0, 10, " seconds"),
          ("--repeat", 0, 60, " seconds"), ("--session-ttl", 1, 30, " seconds"))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options (all bounded so a run cannot go on for long)."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.loadtest", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--geodata", type=Path, default=REPO / "geodata",
                   help="geodata directory to serve (default: the repo's)")
    p.add_argument("--users", type=int, default=20, help="concurrent sessions (default 20)")
    p.add_argument("--duration", type=float, default=60.0,
                   help="seconds of concurrent load (default 60, at most 75)")
    p.add_argument("--single-clicks", type=int, default=10,
                   help="clicks measured for the one-user baseline (default 10, at most 50)")
    p.add_argument("--think", type=float, default=0.0,
                   help="seconds a user waits after each panel before the next click "
                        "(default 0: users click as fast as the server answers)")
    p.add_argument("--session-ttl", type=int, default=10,
                   help="seconds the server keeps a closed session for reconnection "
                        "(default 10, at most 30)")
    p.add_argument("--repeat", type=float, default=20.0,
                   help="seconds of a second burst after the first one's sessions are gone, "
                        "to tell memory that is reused from memory that grows "
                        "(default 20, 0 to skip, at most 60)")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "loadtest.json")
    p.add_argument("--url", default=None,
                   help="test a server that is already running (e.g. `borderatlas serve "
                        "--processes N`, behind nginx) instead of starting one; --session-ttl "
                        "is then the server's own")
    p.add_argument("--pid", type=int, action="append", default=[],
                   help="with --url: a server process whose CPU and RSS to read (repeat for "
                        "each Streamlit process; default none: not measured)")
    args = p.parse_args(argv)
    if args.url is not None and not args.url.startswith("http://"):
        p.error("--url must start with http://")
    for option, low, high, unit in LIMITS:
        if not low <= getattr(args, option.lstrip("-").replace("-", "_")) <= high:
            p.error(f"{option} must be between {low} and {high}{unit}")
    return args


def border_map_path(geodata: Path) -> str:
    """The Border map showing only the boundary sections, so a click lands on a section."""
    raw = json.loads((geodata / "sections.geojson").read_text(encoding="utf-8"))
    pairs = sorted({str(f["properties"].get("pair")) for f in raw.get("features", [])
                    if isinstance(f, dict) and isinstance(f.get("properties"), dict)})
    return "/border_map?layers=" + ",".join(f"pair:{p}" for p in pairs)


def tooltip_text(tip_html: str) -> str:
    """The text a browser reads out of a tooltip (streamlit-folium sends its text, not HTML)."""
    return html.unescape(TAG.sub("", tip_html.replace("<br>", "\n"))).strip()


def layer_urls(json_args: str) -> list[str]:
    """URL paths of the layer files the map frame fetches (``elements.LayerData``), in order."""
    args = json.loads(json_args)
    script = "\n".join(str(args.get(k) or "") for k in ("feature_group", "script"))
    return list(dict.fromkeys(LAYER_URL.findall(script)))


def map_sections(json_args: str, layer_files: Sequence[str] = ()) -> dict[str, str]:
    """Section id -> tooltip text, read from the map component's layers and their fetched files."""
    args = json.loads(json_args)
    script = "\n".join([*(str(args.get(k) or "") for k in ("feature_group", "script")),
                        *layer_files])
    found: dict[str, str] = {}
    for literal in TIP.findall(script):
        text = tooltip_text(json.loads(literal))
        clicked = parse_clicked(text)
        if clicked and clicked[0] == "section":
            found.setdefault(clicked[1], text)
    return dict(sorted(found.items()))


def click_value(count: int, tooltip: str | None) -> str:
    """The map's JSON value after a click, as streamlit-folium's front end serialises it.

    Only ``returned_objects`` are sent, in the front end's key order; the count goes up on every
    click, so clicking the same section again still changes the value and reruns the page.
    """
    return json.dumps({"last_object_clicked_count": count,
                       "last_object_clicked_tooltip": tooltip},
                      separators=(",", ":"), ensure_ascii=False)


def option_text(option: Any) -> str:
    """A pill's or segment's value on the wire: its icon and text, as the front end joins them."""
    icon = option.content_icon if option.HasField("content_icon") else ""
    return f"{icon} {option.content}".strip() if icon else str(option.content)


def widget_state(element: Element, held: WidgetState | None) -> WidgetState | None:
    """The value the front end holds for a widget element after rendering it (None: none).

    As in the front end's ``useBasicWidgetState``: a value it already holds wins, unless the
    server set one (``set_value``); otherwise the widget's default. Buttons, charts, tables and
    custom components hold nothing until the user acts on them.
    """
    kind = element.WhichOneof("type")
    proto: Any = getattr(element, kind) if kind else None
    if proto is None or not getattr(proto, "id", ""):
        return None
    if held is not None and not getattr(proto, "set_value", False):
        return held
    state = WidgetState(id=proto.id)
    if kind == "checkbox":
        state.bool_value = proto.value if proto.set_value else proto.default
    elif kind in ("radio", "selectbox"):
        if proto.set_value:
            if not proto.HasField("raw_value"):
                return None
            state.string_value = proto.raw_value
        elif proto.HasField("default") and 0 <= proto.default < len(proto.options):
            state.string_value = proto.options[proto.default]
        else:
            return None
    elif kind == "button_group":  # pills, segmented controls: the chosen options' texts
        if proto.set_value:
            state.string_array_value.data.extend(proto.raw_values)
        else:
            state.string_array_value.data.extend(
                option_text(proto.options[i]) for i in proto.default if 0 <= i < len(proto.options))
    elif kind == "slider" and not proto.options:
        state.double_array_value.data.extend(proto.value if proto.set_value else proto.default)
    elif kind == "number_input":  # the year: an int, as the front end sends it (setIntValue)
        number = proto.value if proto.set_value else proto.default
        if proto.data_type == proto.INT:
            state.int_value = int(number)
        else:
            state.double_value = number
    elif kind == "text_input":
        if proto.set_value:
            if not proto.HasField("value"):
                return None
            state.string_value = proto.value
        elif proto.HasField("default"):
            state.string_value = proto.default
        else:
            return None
    else:
        return held
    return state


def rerun_msg(page_hash: str, page_name: str, query: str, widgets: Iterable[WidgetState],
              cached: Iterable[str], url: str) -> BackMsg:
    """A ``rerun_script`` BackMsg as the front end's ``sendRerunBackMsg`` builds it."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_script_hash = page_hash
    state.page_name = page_name
    state.widget_states.widgets.extend(widgets)
    state.cached_message_hashes.extend(cached)
    info = state.context_info
    info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-US"
    info.url, info.is_embedded, info.color_scheme = url, False, "light"
    return msg


def panel_feature(msg: ForwardMsg) -> str | None:
    """The feature (``type:id``) whose history panel this ForwardMsg draws, or None."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return None
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind not in PANEL_ELEMENTS:
        return None
    found = PANEL.search(getattr(element, kind).body)
    return html.unescape(found.group(1)) if found else None


def panel_prefix(json_args: str) -> str | None:
    """URL path of the history panel files, read from the map the component was sent."""
    args = json.loads(json_args)
    script = "\n".join(str(args.get(k) or "") for k in ("script", "html", "feature_group"))
    found = PANEL_PREFIX.search(script)
    return str(json.loads(found.group(1))) if found else None


def _first_line(exc: BaseException) -> str:
    """A short, one-line description of an exception for the error list."""
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class Session:
    """One browser tab's worth of Streamlit protocol: one websocket, its widgets and caches."""

    def __init__(self, base_url: str, errors: list[str], timeout: float = STEP_TIMEOUT_S) -> None:
        self.base = base_url
        self.errors = errors  # app-visible errors are appended here, the session goes on
        self.timeout = timeout
        self.ws: ClientConnection | None = None
        self.cookie = ""  # what a browser's cookie jar holds for the site (sticky sessions)
        self._reset()

    def _reset(self) -> None:
        """Forget everything a page load starts afresh (a browser's new document)."""
        self.widgets: dict[str, WidgetState] = {}
        self.cache: dict[str, tuple[ForwardMsg, int]] = {}  # hash -> (message, last run used)
        self.finished_runs = 0
        self.max_age = 2  # replaced by the server's global.maxCachedMessageAge
        self.page_hash = ""
        self.page_name = ""  # sent only with a page load's first run, as the front end does
        self.page_url = ""
        self.query = ""
        self.map_id: str | None = None
        self.map_args: str | None = None  # the map component's arguments (its first drawing)
        self.sections: dict[str, str] = {}
        self.map_clicks = 0
        self.last_panel: str | None = None
        self.panel_prefix: str | None = None
        self.panels: dict[str, str] = {}  # fetched this page load (the frame keeps them)

    async def fetch_cookies(self, path: str) -> None:
        """GET the page's HTML once, as a browser does first, and keep the cookies it sets.

        Behind nginx (``borderatlas serve --processes N``) one of them pins this user to one
        Streamlit process; the websocket then carries it, as a browser's would. Not timed.
        """
        def get() -> list[str]:
            with urllib.request.urlopen(self.base + path, timeout=self.timeout) as resp:  # noqa: S310
                return resp.headers.get_all("Set-Cookie") or []

        jar = [c.split(";", 1)[0] for c in await asyncio.to_thread(get)]
        self.cookie = "; ".join(c for c in jar if "=" in c)

    async def open(self, path: str) -> float:
        """Load a page as a browser does; seconds until its first run has finished.

        New connection, a run of the URL's page and query string, then (if the page has a map)
        the fetch of the map's layer files. The map reports no value until a click
        (``immediate-click.js`` keeps its untouched first value from causing a rerun).
        """
        await self.close()
        self._reset()
        page, _, self.query = path.lstrip("/").partition("?")
        started = time.perf_counter()
        ws_url = self.base.replace("http://", "ws://", 1) + STREAM
        self.ws = await connect(ws_url, subprotocols=[SUBPROTOCOL],  # type: ignore[list-item]
                                origin=self.base, max_size=None,  # type: ignore[arg-type]
                                ping_interval=None, open_timeout=self.timeout,
                                additional_headers={"Cookie": self.cookie} if self.cookie
                                else None)
        self.page_name = self.page_url = page
        await self.rerun()
        loaded = time.perf_counter() - started
        self.page_name = ""
        if self.map_args is not None:  # the frame draws: it fetches the layers' files
            self.sections = map_sections(self.map_args, await self._layer_files(self.map_args))
        return loaded

    async def _layer_files(self, json_args: str) -> list[str]:
        """Fetch the map's layer files as the frame does (all at once); their bodies."""
        loop = asyncio.get_running_loop()

        def get(url: str) -> str:
            response = requests.get(url, timeout=self.timeout)
            if response.status_code != 200:
                raise StepError(f"layer {url}: HTTP {response.status_code}")
            return response.text

        jobs = [loop.run_in_executor(HTTP, get, self.base + url) for url in layer_urls(json_args)]
        try:
            return list(await asyncio.wait_for(asyncio.gather(*jobs), timeout=self.timeout))
        except (requests.RequestException, TimeoutError) as exc:
            raise StepError(f"layer files: {_first_line(exc)}") from None

    async def click(self, section: str) -> tuple[float, float]:
        """Click a section on the map; seconds until its panel showed, and until the URL did.

        As the map frame does: the panel file is fetched (or reused) and the click is reported
        to the server at the same moment; the reader sees the panel when the file has arrived.
        """
        if self.map_id is None or section not in self.sections:
            raise StepError(f"no section {section!r} on the map")
        if self.panel_prefix is None:
            raise StepError("the map has no history panel")
        self.map_clicks += 1
        wanted = f"section:{section}"
        started = time.perf_counter()
        shown = asyncio.ensure_future(self._panel(wanted, started))
        run = await self.rerun(map_value=click_value(self.map_clicks, self.sections[section]))
        synced = time.perf_counter() - started
        feature, seconds = await shown
        if feature != wanted:
            raise StepError(f"panel for {feature} after clicking {wanted}")
        if f"feature={quote(wanted)}" not in self.query and f"feature={wanted}" not in self.query:
            raise StepError(f"URL not in step after clicking {wanted}: ?{self.query}")
        del run
        return seconds, synced

    async def _panel(self, feature: str, started: float) -> tuple[str | None, float]:
        """Fetch a feature's panel file as the map frame does; (feature it shows, seconds)."""
        body = self.panels.get(feature)
        if body is None:
            ftype, _, fid = feature.partition(":")
            url = f"{self.base}{self.panel_prefix}/{quote(ftype)}/{quote(fid)}.html"
            loop = asyncio.get_running_loop()
            try:
                response = await asyncio.wait_for(
                    loop.run_in_executor(HTTP, functools.partial(requests.get, url,
                                                                 timeout=self.timeout)),
                    timeout=self.timeout)
            except (requests.RequestException, TimeoutError) as exc:
                raise StepError(f"panel {url}: {_first_line(exc)}") from None
            if response.status_code != 200:
                raise StepError(f"panel {url}: HTTP {response.status_code}")
            body = response.text
            self.panels[feature] = body
        found = PANEL.search(body)
        self.last_panel = html.unescape(found.group(1)) if found else None
        return self.last_panel, time.perf_counter() - started

    async def rerun(self, map_value: str | None = None) -> Run:
        """Ask for a script run with the session's widget values; read it to the end."""
        if self.ws is None:
            raise StepError("not connected")
        if map_value is not None and self.map_id is not None:
            self.widgets[self.map_id] = WidgetState(id=self.map_id, json_value=map_value)
        url = self.base + "/" + self.page_url + (f"?{self.query}" if self.query else "")
        msg = rerun_msg(self.page_hash, self.page_name, self.query, self.widgets.values(),
                        self.cache, url)
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        return await self._read_run(started)

    async def _read_run(self, started: float) -> Run:
        """Read ForwardMsgs until the run finishes (a run cut short for a rerun is not the end)."""
        assert self.ws is not None
        run, seen = Run(), set[str]()
        deadline = started + self.timeout
        while True:
            remaining = deadline - time.perf_counter()
            try:
                raw = await asyncio.wait_for(self.ws.recv(), timeout=max(remaining, 0.001))
            except TimeoutError:
                raise StepError(f"timeout: run not finished within {self.timeout:g} s") from None
            msg = ForwardMsg()
            msg.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
            cached = self._through_cache(msg)
            if cached is None:
                continue
            msg = cached
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = msg.new_session.page_script_hash or self.page_hash
                self.max_age = msg.new_session.config.max_cached_message_age or self.max_age
            elif kind == "navigation":
                self.page_hash = msg.navigation.page_script_hash or self.page_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                self.errors.append(f"page not found: {msg.page_not_found.page_name!r}")
            elif kind == "delta":
                self._delta(msg, run, seen, started)
            elif kind == "script_finished":
                if msg.script_finished == FINISHED_EARLY:
                    continue
                run.status = msg.script_finished
                self._finished(seen)
                if msg.script_finished not in FINISHED_OK:
                    self.errors.append(f"script run failed (status {msg.script_finished})")
                return run

    def _through_cache(self, msg: ForwardMsg) -> ForwardMsg | None:
        """Keep cacheable messages and resolve references, as the front end's message cache."""
        if msg.WhichOneof("type") == "ref_hash":
            hit = self.cache.get(msg.ref_hash)
            if hit is None:
                self.errors.append(f"cached message missing: {msg.ref_hash}")
                return None
            full = ForwardMsg()
            full.CopyFrom(hit[0])
            full.metadata.CopyFrom(msg.metadata)
            self.cache[msg.ref_hash] = (hit[0], self.finished_runs)
            return full
        if msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = (msg, self.finished_runs)
        return msg

    def _delta(self, msg: ForwardMsg, run: Run, seen: set[str], started: float) -> None:
        """Note what a new element means for the session: widget, map, panel or exception."""
        delta: Delta = msg.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors.append(f"exception shown: {element.exception.type}: "
                               f"{element.exception.message[:200]}")
        elif kind == "component_instance":
            component = element.component_instance
            if component.component_name == MAP_COMPONENT:
                self.map_id = component.id
                if self.map_args is None:
                    self.map_args = component.json_args
                if self.panel_prefix is None:
                    self.panel_prefix = panel_prefix(component.json_args)
            seen.add(component.id)
        elif kind in PANEL_ELEMENTS:
            feature = panel_feature(msg)
            if feature is not None:
                run.panels.append((feature, time.perf_counter() - started))
                self.last_panel = feature
        widget_id = getattr(getattr(element, kind), "id", "") if kind else ""
        if widget_id and kind != "component_instance":
            seen.add(widget_id)
            state = widget_state(element, self.widgets.get(widget_id))
            if state is not None:
                self.widgets[widget_id] = state

    def _finished(self, seen: set[str]) -> None:
        """After a full run: drop values of widgets no longer shown, age the message cache."""
        self.widgets = {k: v for k, v in self.widgets.items() if k in seen}
        self.finished_runs += 1
        self.cache = {h: (m, used) for h, (m, used) in self.cache.items()
                      if self.finished_runs - used <= self.max_age}

    async def close(self) -> None:
        """Close the websocket (the server then keeps the session for reconnection a while)."""
        if self.ws is not None:
            ws, self.ws = self.ws, None
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(), timeout=5)


async def run_user(base_url: str, border_map: str, phase: Phase, deadline: float | None = None,
                   clicks: int | None = None, think: float = 0.0,
                   pages: bool = True) -> None:
    """One user: open the Border map, click sections in turn, now and then visit a page.

    ``border_map`` is that page's path and query (:func:`border_map_path`). Runs until
    ``deadline`` (monotonic) or ``clicks`` clicks. A failed step is counted and the user starts
    over on a fresh Border map page; if even that fails, the user gives up (also counted).
    """
    session = Session(base_url, phase.errors)
    done = 0

    def more() -> bool:
        """Whether this user still has time and clicks left."""
        return ((deadline is None or time.monotonic() < deadline)
                and (clicks is None or done < clicks))

    try:
        await session.fetch_cookies(border_map)
        phase.page_times.append(await session.open(border_map))
        ids = list(session.sections)
        if not ids:
            raise StepError("no sections on the Border map")
        while more():
            try:
                shown, synced = await session.click(ids[done % len(ids)])
                phase.latencies.append(shown)
                phase.sync_times.append(synced)
                if pages and done % PAGE_EVERY == PAGE_EVERY - 1 and more():
                    phase.page_times.append(
                        await session.open(OTHER_PAGES[done // PAGE_EVERY % len(OTHER_PAGES)]))
                    phase.page_times.append(await session.open(border_map))
            except (StepError, WebSocketException, OSError) as exc:
                phase.errors.append(_first_line(exc))
                if not more():
                    break
                phase.page_times.append(await session.open(border_map))
            done += 1
            if think:
                await asyncio.sleep(think)
    except (StepError, WebSocketException, OSError) as exc:
        phase.errors.append(_first_line(exc))
    finally:
        await session.close()


async def _staggered(delay: float, job: Awaitable[None]) -> None:
    """Start a session after a delay, so sessions arrive over a ramp rather than all at once."""
    await asyncio.sleep(delay)
    await job


async def _sample_rss(pid: Pids, samples: list[tuple[float, float]], stop: asyncio.Event) -> None:
    """Read the server's RSS once a second until told to stop."""
    t0 = time.monotonic()
    while not stop.is_set():
        samples.append((round(time.monotonic() - t0, 1), round(server_rss(pid), 1)))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=1.0)


async def _rss_for(pid: Pids, seconds: int) -> list[float]:
    """RSS once a second for a few seconds."""
    readings = []
    for _ in range(seconds):
        await asyncio.sleep(1)
        readings.append(round(server_rss(pid), 1))
    return readings


async def _poke(base_url: str) -> None:
    """Connect and leave: saving this session makes the server drop its expired closed ones."""
    ws_url = base_url.replace("http://", "ws://", 1) + STREAM
    async with connect(ws_url, subprotocols=[SUBPROTOCOL],  # type: ignore[list-item]
                       origin=base_url, ping_interval=None):  # type: ignore[arg-type]
        pass


Pids = tuple[int, ...]  # the server's processes (several behind nginx; none: not measured)


def server_rss(pids: Pids) -> float:
    """RSS of all the server's processes together, MiB (NaN when they are not known)."""
    return sum(rss_mb(p) for p in pids) if pids else math.nan


def server_cpu(pids: Pids) -> float:
    """CPU seconds all the server's processes have used so far (NaN when not known)."""
    return sum(cpu_seconds(p) for p in pids) if pids else math.nan


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _burst(url: str, pid: Pids, border_map: str, users: int, seconds: float,
                 think: float) -> Phase:
    """``users`` users arriving over a ramp, for ``seconds``; CPU of server and client."""
    phase = Phase(users=users, seconds=seconds)
    server0, client0, t0 = server_cpu(pid), time.process_time(), time.monotonic()
    deadline = t0 + seconds
    jobs = [_staggered(i * RAMP_S, run_user(url, border_map, phase, deadline=deadline,
                                            think=think)) for i in range(users)]
    # each user finishes its step in progress after the deadline: bounded by the step timeout
    await asyncio.wait_for(asyncio.gather(*jobs), timeout=seconds + 3 * STEP_TIMEOUT_S)
    phase.seconds = time.monotonic() - t0
    phase.server_cpu_s = server_cpu(pid) - server0
    phase.client_cpu_s = time.process_time() - client0
    return phase


async def _after_close(url: str, pid: Pids, ttl: int) -> tuple[list[float], list[float]]:
    """RSS right after the sessions closed, then once the server has dropped them."""
    closed = await _rss_for(pid, 3)
    _log(f"waiting {ttl} s for the server to drop closed sessions")
    await asyncio.sleep(ttl + 1)
    try:
        await _poke(url)
    except (WebSocketException, OSError) as exc:
        _log(f"could not reach the server to let it drop closed sessions: {_first_line(exc)}")
    return closed, await _rss_for(pid, 5)


async def _run(url: str, pid: Pids, border_map: str, args: argparse.Namespace) -> dict[str, Any]:
    """Warm up, measure one user, then many; RSS before, during and after; then a 2nd burst."""
    _log("warming up (every page once)")
    warm = Phase(users=1, seconds=0)
    session = Session(url, warm.errors)
    for path in (border_map, *OTHER_PAGES):
        with contextlib.suppress(StepError, WebSocketException, OSError):
            await session.open(path)
    await session.close()
    rss_before = server_rss(pid)

    _log(f"one user, {args.single_clicks} clicks")
    single = Phase(users=1, seconds=0)
    server0, client0, t0 = server_cpu(pid), time.process_time(), time.monotonic()
    await run_user(url, border_map, single, clicks=args.single_clicks, think=args.think,
                   pages=False)
    single.seconds = time.monotonic() - t0
    single.server_cpu_s = server_cpu(pid) - server0
    single.client_cpu_s = time.process_time() - client0

    _log(f"{args.users} users for {args.duration:g} s")
    samples: list[tuple[float, float]] = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(_sample_rss(pid, samples, stop))
    many = await _burst(url, pid, border_map, args.users, args.duration, args.think)
    stop.set()
    await sampler
    _log("sessions closed; reading RSS")
    closed, dropped = await _after_close(url, pid, args.session_ttl)

    repeat, again = None, [math.nan]
    if args.repeat:
        _log(f"second burst: {args.users} users for {args.repeat:g} s (does memory grow again?)")
        repeat = await _burst(url, pid, border_map, args.users, args.repeat, args.think)
        _, again = await _after_close(url, pid, args.session_ttl)
    during = [mb for _, mb in samples]
    half = len(during) // 2
    return {
        "url": url, "users": args.users, "duration_s": args.duration, "think_s": args.think,
        "session_ttl_s": args.session_ttl, "client": "websocket (Streamlit protocol)",
        "single": single.summary(), "concurrent": many.summary(),
        "repeat": repeat.summary() if repeat else None,
        "errors": (warm.errors + single.errors + many.errors
                   + (repeat.errors if repeat else []))[:50],
        "rss_mb": {"before": round(rss_before, 1), "peak": max(during, default=math.nan),
                   "first_half_mean": round(sum(during[:half]) / max(half, 1), 1),
                   "second_half_mean": round(sum(during[half:]) / max(len(during) - half, 1), 1),
                   "just_closed": closed[-1], "after_close": dropped[-1],
                   "after_repeat": again[-1],
                   "samples": samples, "after_close_samples": closed + dropped},
    }


def _log(message: str) -> None:
    """Progress on stderr, so a long run shows where it is."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def render_table(report: dict[str, Any]) -> str:
    """A plain-text table of the report (what a person reads after a run)."""
    s, c, rss = report["single"], report["concurrent"], report["rss_mb"]
    rows = [("", "1 user", f"{c['users']} users"),
            ("clicks", s["clicks"], c["clicks"]),
            ("clicks/s", f"{s['clicks_per_s']:.2f}", f"{c['clicks_per_s']:.2f}"),
            ("page loads", s["page_loads"], c["page_loads"]),
            ("errors", s["errors"], c["errors"]),
            ("p50 click→panel (s)", f"{s['p50_s']:.3f}", f"{c['p50_s']:.3f}"),
            ("p95 click→panel (s)", f"{s['p95_s']:.3f}", f"{c['p95_s']:.3f}"),
            ("max click→panel (s)", f"{s['max_s']:.3f}", f"{c['max_s']:.3f}"),
            ("p50 click→URL (s)", f"{s['sync_p50_s']:.3f}", f"{c['sync_p50_s']:.3f}"),
            ("p95 click→URL (s)", f"{s['sync_p95_s']:.3f}", f"{c['sync_p95_s']:.3f}"),
            ("p50 page load (s)", f"{s['page_p50_s']:.3f}", f"{c['page_p50_s']:.3f}"),
            ("p95 page load (s)", f"{s['page_p95_s']:.3f}", f"{c['page_p95_s']:.3f}"),
            ("server CPU %", s["server_cpu_pct"], c["server_cpu_pct"]),
            ("client CPU %", s["client_cpu_pct"], c["client_cpu_pct"])]
    lines = [f"{a:<22}{b!s:>10}{cc!s:>12}" for a, b, cc in rows]
    lines.append(f"server RSS MiB: before {rss['before']}, peak {rss['peak']}, "
                 f"1st half {rss['first_half_mean']}, 2nd half {rss['second_half_mean']}, "
                 f"just closed {rss['just_closed']}, after close {rss['after_close']}")
    repeat = report.get("repeat")
    if repeat:
        lines.append(f"second burst ({repeat['users']} users, {repeat['seconds']:g} s, "
                     f"{repeat['clicks']} clicks, {repeat['errors']} errors): "
                     f"RSS after close {rss['after_repeat']} MiB "
                     f"({rss['after_repeat'] - rss['after_close']:+.1f} vs the first)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the load test; exit 1 if any session saw an error."""
    args = parse_args(argv)
    if not (args.geodata / "sections.geojson").is_file():
        print(f"no sections.geojson in {args.geodata}; pass --geodata", file=sys.stderr)
        return 2
    ttl = ("--server.disconnectedSessionTTL", str(args.session_ttl))
    if args.url is not None:
        report = asyncio.run(_run(args.url.rstrip("/"), tuple(args.pid),
                                  border_map_path(args.geodata), args))
    else:
        with tempfile.TemporaryDirectory() as tmp, \
                run_app(args.geodata, Path(tmp) / "server.log", extra_args=ttl) as server:
            report = asyncio.run(_run(server.url, (server.pid,), border_map_path(args.geodata),
                                      args))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    print(render_table(report))
    for err in report["errors"][:10]:
        print("error:", err)
    print(f"report: {args.out}")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
