"""Many users at once: N browser sessions load pages and click sections; latency, errors, memory.

Run ``python -m borderatlas.loadtest --geodata PATH`` (loopback only, bounded in time). It starts
the app, measures click-to-panel latency for one user, then for ``--users`` concurrent sessions
(one headless Chromium, one context each) for ``--duration`` seconds, samples the server's RSS
from /proc before, during and after (sessions closed), prints a table and writes JSON.
Not part of the pytest suite; needs Playwright and Debian chromium.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from borderatlas.devserver import REPO, rss_mb, run_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 # many tabs at once: none of them may be throttled as a background tab
                 "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
                 "--disable-backgrounding-occluded-windows"]
MAP = 'iframe[title="streamlit_folium.st_folium"]'
STEP_TIMEOUT_MS = 20_000
RAMP_S = 0.5  # seconds between session starts
CLICK_ATTEMPTS = 4  # a click lost during a map rebuild is repeated (and counted)
BORDER_MAP = ["/border_map"]  # replaced by border_map_path() for the data being served
FIT_JS = """el => new Promise(done => {
    let layer = null;
    window.map.eachLayer(l => { if (l._path === el) layer = l; });
    window.map.once('moveend', () => setTimeout(done, 50));
    window.map.fitBounds(layer.getBounds(), {animate: false, padding: [40, 40]});
})"""
POINT_JS = """el => {
    const p = el.getPointAtLength(el.getTotalLength() / 2);
    const svg = el.ownerSVGElement, r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    return {x: r.x + (p.x - vb.x) * r.width / vb.width, y: r.y + (p.y - vb.y) * r.height / vb.height};
}"""


@dataclass
class Phase:
    """What one phase (single user or concurrent) measured."""

    users: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    page_loads: int = 0
    retries: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """Counts and percentiles, for the table and the JSON report."""
        return {"users": self.users, "seconds": round(self.seconds, 1),
                "clicks": len(self.latencies), "page_loads": self.page_loads,
                "click_retries": self.retries,
                "errors": len(self.errors),
                "p50_s": round(percentile(self.latencies, 50), 3),
                "p95_s": round(percentile(self.latencies, 95), 3),
                "max_s": round(max(self.latencies), 3) if self.latencies else math.nan}


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (NaN for no values), without numpy."""
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options (all bounded so a run cannot go on for long)."""
    p = argparse.ArgumentParser(prog="python -m borderatlas.loadtest", description=__doc__)
    p.add_argument("--geodata", type=Path, default=REPO / "geodata",
                   help="geodata directory to serve (default: the repo's)")
    p.add_argument("--users", type=int, default=20, help="concurrent sessions (default 20)")
    p.add_argument("--duration", type=float, default=60.0,
                   help="seconds of concurrent load (default 60, at most 75)")
    p.add_argument("--single-clicks", type=int, default=6,
                   help="clicks measured for the one-user baseline")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "loadtest.json")
    args = p.parse_args(argv)
    if not 1 <= args.users <= 100:
        p.error("--users must be between 1 and 100")
    if not 1 <= args.duration <= 75:
        p.error("--duration must be between 1 and 75 seconds (the whole run stays under ~90 s)")
    return args


async def _click_section(page: Any, sid: str, phase: Phase) -> float:
    """Click a section on its stroke; seconds from the first click until its panel is shown.

    A click that lands while the map is still being (re)built right after a page load is lost;
    it is clicked again (counted in ``retries``), and the latency still runs from the first click.
    """
    target = page.frame_locator(MAP).first.locator(f"path.ba-id-{sid}").first
    await target.wait_for(state="attached", timeout=STEP_TIMEOUT_MS)
    panel = page.locator(f'div.ba-panel[data-feature="section:{sid}"]')
    start = None
    for attempt in range(CLICK_ATTEMPTS):
        await target.evaluate(FIT_JS)
        point = await target.evaluate(POINT_JS)
        box = await page.locator(MAP).first.bounding_box()
        start = start or time.perf_counter()
        await page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        try:
            await panel.wait_for(timeout=STEP_TIMEOUT_MS // CLICK_ATTEMPTS)
            return time.perf_counter() - start
        except Exception:
            if attempt == CLICK_ATTEMPTS - 1:
                raise
            phase.retries += 1
    raise AssertionError("unreachable")


async def _open(page: Any, url: str) -> None:
    """Load a page and wait until its map has drawn."""
    await page.goto(url, wait_until="commit", timeout=STEP_TIMEOUT_MS * 2)
    await page.frame_locator(MAP).first.locator(".leaflet-overlay-pane path").first.wait_for(
        timeout=STEP_TIMEOUT_MS)


async def _section_ids(page: Any) -> list[str]:
    """Ids of the clickable sections drawn on the Border map."""
    classes = await page.frame_locator(MAP).first.locator("path.ba-section").evaluate_all(
        "els => els.map(e => e.getAttribute('class'))")
    ids = [c.split("ba-id-")[1].split()[0] for c in classes if "ba-id-" in c]
    return sorted(set(ids))


def border_map_path(geodata: Path) -> str:
    """The Border map showing only the boundary sections, so a click lands on a section."""
    raw = json.loads((geodata / "sections.geojson").read_text(encoding="utf-8"))
    pairs = sorted({str(f["properties"].get("pair")) for f in raw.get("features", [])
                    if isinstance(f, dict) and isinstance(f.get("properties"), dict)})
    return "/border_map?layers=" + ",".join(f"pair:{p}" for p in pairs)


async def _user(browser: Any, url: str, phase: Phase, deadline: float | None,
                clicks: int | None) -> None:
    """One session: open the Border map, click sections in turn, now and then visit a page."""
    context = await browser.new_context(viewport={"width": 1300, "height": 900})
    page = await context.new_page()
    page.on("pageerror", lambda exc: phase.errors.append(f"pageerror: {exc}"))
    done = 0
    try:
        await _open(page, url + BORDER_MAP[0])
        phase.page_loads += 1
        ids = await _section_ids(page)
        while (deadline is None or time.monotonic() < deadline) and (clicks is None
                                                                      or done < clicks):
            sid = ids[done % len(ids)]
            try:
                phase.latencies.append(await _click_section(page, sid, phase))
                if await page.locator('[data-testid="stException"]').count():
                    phase.errors.append("exception shown on the page")
                if done % 5 == 4:  # load another page now and then, then come back
                    await _open(page, url + ("/timeline", "/compare")[done // 5 % 2])
                    await _open(page, url + BORDER_MAP[0])
                    phase.page_loads += 2
            except Exception as exc:  # counted, and the session starts over
                phase.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
                if deadline is not None and time.monotonic() >= deadline:
                    break
                await _open(page, url + BORDER_MAP[0])
            done += 1
    except Exception as exc:
        phase.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    finally:
        await context.close()


async def _staggered(delay: float, job: Any) -> None:
    """Start a session after a delay, so sessions arrive over a ramp rather than all at once."""
    await asyncio.sleep(delay)
    await job


async def _sample_rss(pid: int, samples: list[tuple[float, float]], stop: asyncio.Event) -> None:
    """Read the server's RSS once a second until told to stop."""
    t0 = time.monotonic()
    while not stop.is_set():
        samples.append((round(time.monotonic() - t0, 1), round(rss_mb(pid), 1)))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=1.0)


async def _run(url: str, pid: int, args: argparse.Namespace) -> dict[str, Any]:
    """Warm up, measure one user, then many; RSS before, during and after."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _log("warming up")
        warm = Phase(users=1, seconds=0)
        await _user(browser, url, warm, None, 0)  # first page load: data and caches
        rss_before = rss_mb(pid)
        single = Phase(users=1, seconds=0)
        _log(f"one user, {args.single_clicks} clicks")
        t0 = time.monotonic()
        await _user(browser, url, single, None, args.single_clicks)
        single.seconds = time.monotonic() - t0
        many = Phase(users=args.users, seconds=args.duration)
        samples: list[tuple[float, float]] = []
        stop = asyncio.Event()
        sampler = asyncio.create_task(_sample_rss(pid, samples, stop))
        deadline = time.monotonic() + args.duration
        _log(f"{args.users} users for {args.duration:g} s")
        await asyncio.gather(*(_staggered(i * RAMP_S, _user(browser, url, many, deadline, None))
                               for i in range(args.users)))
        stop.set()
        await sampler
        await browser.close()
    _log("sessions closed; reading RSS")
    after = []
    for _ in range(5):  # sessions are closed; give the server a moment to drop them
        await asyncio.sleep(1)
        after.append(round(rss_mb(pid), 1))
    during = [mb for _, mb in samples]
    half = len(during) // 2
    return {
        "url": url, "users": args.users, "duration_s": args.duration,
        "single": single.summary(), "concurrent": many.summary(),
        "errors": (single.errors + many.errors)[:50],
        "rss_mb": {"before": round(rss_before, 1), "peak": max(during, default=math.nan),
                   "first_half_mean": round(sum(during[:half]) / max(half, 1), 1),
                   "second_half_mean": round(sum(during[half:]) / max(len(during) - half, 1), 1),
                   "after_close": after[-1], "samples": samples},
    }


def _log(message: str) -> None:
    """Progress on stderr, so a long run shows where it is."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def render_table(report: dict[str, Any]) -> str:
    """A plain-text table of the report (what a person reads after a run)."""
    s, c, rss = report["single"], report["concurrent"], report["rss_mb"]
    rows = [("", "1 user", f"{c['users']} users"),
            ("clicks", s["clicks"], c["clicks"]), ("page loads", s["page_loads"], c["page_loads"]),
            ("errors", s["errors"], c["errors"]),
            ("clicks repeated", s["click_retries"], c["click_retries"]),
            ("p50 click→panel (s)", f"{s['p50_s']:.3f}", f"{c['p50_s']:.3f}"),
            ("p95 click→panel (s)", f"{s['p95_s']:.3f}", f"{c['p95_s']:.3f}"),
            ("max click→panel (s)", f"{s['max_s']:.3f}", f"{c['max_s']:.3f}")]
    lines = [f"{a:<22}{b!s:>10}{cc!s:>12}" for a, b, cc in rows]
    lines.append(f"server RSS MiB: before {rss['before']}, peak {rss['peak']}, "
                 f"1st half {rss['first_half_mean']}, 2nd half {rss['second_half_mean']}, "
                 f"after close {rss['after_close']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the load test; exit 1 if any session saw an error."""
    args = parse_args(argv)
    if not (args.geodata / "sections.geojson").is_file():
        print(f"no sections.geojson in {args.geodata}; pass --geodata", file=sys.stderr)
        return 2
    BORDER_MAP[0] = border_map_path(args.geodata)
    with tempfile.TemporaryDirectory() as tmp, \
            run_app(args.geodata, Path(tmp) / "server.log") as server:
        report = asyncio.run(_run(server.url, server.pid, args))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    print(render_table(report))
    for err in report["errors"][:10]:
        print("error:", err)
    print(f"report: {args.out}")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
