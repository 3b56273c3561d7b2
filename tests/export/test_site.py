"""Static site export: files written, JSON valid and deterministic, joins kept, HTML only from
the app's escaping Python (panels equal ``panel_html``, statuses equal ``status_map``)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pyproj import Geod

from borderatlas.cli import main
from borderatlas.data.loader import load_atlas
from borderatlas.export.site import (
    WEB_LAYERS,
    export_site,
    export_size,
    site_files,
)
from borderatlas.map.assets import external_urls, vendor_files
from borderatlas.views import viewmodel, yearly
from borderatlas.views.panels import panel_html

PAYLOAD = "<img src=x onerror=window.__pwned=1>"
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000", "#999999"}
EXPECTED = {
    "index.html", "assets/site.js", "assets/site.css", "assets/leaflet/leaflet.js",
    "assets/leaflet/leaflet.css", "data/history.json",
    *(f"data/{name}.geojson" for name in WEB_LAYERS),
}


def _strict_json(blob: bytes) -> Any:
    """Parse JSON, refusing NaN/Infinity (which browsers' JSON.parse rejects)."""
    def refuse(token: str) -> None:
        raise ValueError(f"non-standard JSON constant {token}")
    return json.loads(blob.decode("utf-8"), parse_constant=refuse)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def atlas_of(make_geodata: Callable[[dict[str, Any]], Path]) -> Callable[[dict[str, Any]], Any]:
    """Load a geodata tree built from the given files."""
    return lambda files: load_atlas(make_geodata(files))


@pytest.fixture
def mini_atlas(atlas_of: Callable[[dict[str, Any]], Any], mini_files: dict[str, Any]) -> Any:
    return atlas_of(mini_files)


def test_export_writes_the_site(mini_atlas: Any, tmp_path: Path) -> None:
    index = export_site(mini_atlas, tmp_path / "site")
    assert index == tmp_path / "site" / "index.html"
    written = set(_tree(tmp_path / "site"))
    assert written >= EXPECTED
    assert any(p.startswith("assets/leaflet/images/") for p in written)
    assert not [p for p in written if p.startswith(".export-")]  # staging removed
    assert export_size(tmp_path / "site") == sum(len(b) for b in _tree(tmp_path / "site").values())


def test_every_data_file_is_valid_json(mini_atlas: Any) -> None:
    files = site_files(mini_atlas)
    for name in WEB_LAYERS:
        doc = _strict_json(files[f"data/{name}.geojson"])
        assert doc["type"] == "FeatureCollection"
        assert "crs" not in doc
        for feature in doc["features"]:
            assert feature["type"] == "Feature"
            assert feature["id"] == feature["properties"]["id"]
    history = _strict_json(files["data/history.json"])
    assert {"meta", "events", "features", "bibliography", "zones", "versions", "panels", "runs",
            "tips", "styles", "index"} <= set(history)


def test_sections_keep_their_properties_and_chain_order(mini_atlas: Any) -> None:
    doc = _strict_json(site_files(mini_atlas)["data/sections.geojson"])
    assert [f["id"] for f in doc["features"]] == ["s-a", "s-b"]
    props = doc["features"][0]["properties"]
    assert props["name_ru"] == "Икс" and props["license"] == "ODbL-1.0"
    assert "geometry" not in props


def test_same_input_gives_same_bytes(mini_atlas: Any, tmp_path: Path) -> None:
    export_site(mini_atlas, tmp_path / "one")
    export_site(mini_atlas, tmp_path / "two")
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_reexport_replaces_stale_files_but_keeps_foreign_ones(mini_atlas: Any,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "site"
    export_site(mini_atlas, out)
    (out / "data" / "stale.geojson").write_text("{}", encoding="utf-8")
    (out / "CNAME").write_text("atlas.example.org\n", encoding="utf-8")
    before = _tree(out)
    export_site(mini_atlas, out)
    after = _tree(out)
    assert "data/stale.geojson" not in after
    assert after["CNAME"] == b"atlas.example.org\n"
    assert {k: v for k, v in before.items() if k != "data/stale.geojson"} == after


def _wiggle(start: tuple[float, float], end: tuple[float, float], n: int) -> list[list[float]]:
    """A dense line with tiny zig-zags that web simplification should remove."""
    (x0, y0), (x1, y1) = start, end
    pts = []
    for i in range(n + 1):
        t = i / n
        bump = 0.0002 * math.sin(i * 1.7) if 0 < i < n else 0.0
        pts.append([round(x0 + (x1 - x0) * t, 6), round(y0 + (y1 - y0) * t + bump, 6)])
    return pts


def test_simplified_sections_stay_exactly_joined(atlas_of: Callable[[dict[str, Any]], Any],
                                                 mini_files: dict[str, Any]) -> None:
    geod = Geod(ellps="WGS84")
    lines = {"s-a": _wiggle((130.0, 48.0), (131.0, 48.0), 400),
             "s-b": _wiggle((131.0, 48.0), (131.5, 47.5), 300)}
    for feature in mini_files["sections.geojson"]["features"]:
        coords = lines[feature["properties"]["id"]]
        feature["geometry"]["coordinates"] = coords
        lons, lats = zip(*coords, strict=True)
        feature["properties"]["length_km"] = round(geod.line_length(lons, lats) / 1000, 3)
    doc = _strict_json(site_files(atlas_of(mini_files))["data/sections.geojson"])
    out = {f["id"]: f["geometry"]["coordinates"] for f in doc["features"]}
    assert len(out["s-a"]) < len(lines["s-a"]) / 4  # simplified for the web …
    assert len(out["s-b"]) < len(lines["s-b"]) / 4
    assert out["s-a"][-1] == out["s-b"][0] == [131.0, 48.0]  # … but still exactly joined
    assert out["s-a"][0] == lines["s-a"][0] and out["s-b"][-1] == lines["s-b"][-1]


def test_history_carries_what_the_panel_shows(atlas_of: Callable[[dict[str, Any]], Any],
                                              mini_files: dict[str, Any]) -> None:
    mini_files["bibliography.json"].append({"id": "unused", "type": "book", "title": "Never cited",
                                            "note": "x"})
    mini_files["bibliography.json"][0]["note"] = "an internal research note"
    history = _strict_json(site_files(atlas_of(mini_files))["data/history.json"])
    assert [e["id"] for e in history["events"]] == ["e-1"]
    assert history["features"]["sections"]["s-a"]["timeline"][-1]["status"] == "agreed"
    assert history["features"]["areas"]["a-1"]["holders"][-1]["holder"] == "CHN"
    assert set(history["bibliography"]) == {"k1"}  # only entries that something cites
    assert history["bibliography"]["k1"]["URL"] == "https://example.org"
    assert "note" not in history["bibliography"]["k1"]
    assert history["alt_names"]["s-a"] == ["alias s-a"]
    assert history["meta"]["attribution"] == "© OpenStreetMap contributors, ODbL"
    colours = {s["colour"].upper() for s in history["meta"]["statuses"]}
    assert colours <= OKABE_ITO
    assert {s["status"] for s in history["meta"]["statuses"]} >= {
        "treaty", "disputed", "agreed", "demarcated"}


def test_data_text_never_reaches_html(atlas_of: Callable[[dict[str, Any]], Any],
                                      mini_files: dict[str, Any]) -> None:
    mini_files["sections.geojson"]["features"][0]["properties"]["name_en"] = PAYLOAD
    mini_files["history/events.json"]["events"][0]["summary_en"] = PAYLOAD
    files = site_files(atlas_of(mini_files))
    page = files["index.html"].decode("utf-8")
    assert "onerror" not in page and "<img" not in page
    assert external_urls(page) == []  # nothing from a CDN
    assert re.search(r"Content-Security-Policy[^>]*script-src 'self'", page)
    # the data keeps the text as text …
    sections = _strict_json(files["data/sections.geojson"])
    assert sections["features"][0]["properties"]["name_en"] == PAYLOAD
    history = _strict_json(files["data/history.json"])
    assert history["events"][0]["summary_en"] == PAYLOAD
    # … and every piece of HTML the page inserts was escaped by Python
    escaped = "&lt;img src=x onerror=window.__pwned=1&gt;"
    for html in (history["panels"]["section:s-a"], history["tips"]["section:s-a"],
                 history["index"], history["meta"]["legend_html"]):
        assert "<img" not in html
    assert escaped in history["panels"]["section:s-a"] and escaped in history["tips"]["section:s-a"]
    assert escaped in history["index"]


def _code(atlas: Any) -> str:
    script = site_files(atlas)["assets/site.js"].decode("utf-8")
    return re.sub(r"/\*.*?\*/", "", script, flags=re.S)  # comments name what is not there


def test_site_script_inserts_html_only_from_python(mini_atlas: Any) -> None:
    code = _code(mini_atlas)
    for sink in ("outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "bindPopup(", "setContent("):
        assert sink not in code, sink
    assert code.count("innerHTML") == 1  # inside pythonHTML(), the one HTML sink
    calls = [line for line in code.splitlines()
             if "pythonHTML(" in line and "function pythonHTML" not in line]
    assert len(calls) >= 4, calls  # tooltips, panels, index, legend
    for line in calls:  # each inserts a string Python rendered into history.json
        # S.L is the chosen language's part of history.json (S.h itself for English)
        assert re.search(r"S\.L\.(panels|tips|index|meta\.legend_html)\b|, html\)", line), line
    assert "var html = S.L.panels[" in code
    assert re.search(r"S\.L = S\.lang === \"en\" \|\| !S\.h\.langs \? S\.h : S\.h\.langs\[S\.lang\]", code)


def test_site_script_has_no_history_rules(mini_atlas: Any) -> None:
    """One home per rule: no date, status, holder or citation logic left in JavaScript."""
    code = _code(mini_atlas)
    assert len(code.splitlines()) < 639 / 2
    for name in ("norm(", "rowAt", "statusOf", "holderOf", "span(", "citeLabel", "fullCitation",
                 "sourceLinks", "citeURL", "timeline", "holders", "bibliography", "today",
                 "→", "COUNTRY", "PERSPECTIVE", 'split("-")', "-12-31", "9999"):
        assert name not in code, name


def test_static_panels_are_the_apps_panels(mini_atlas: Any) -> None:
    panels = _strict_json(site_files(mini_atlas)["data/history.json"])["panels"]
    expected = {f"{kind}:{fid}": panel_html(mini_atlas, kind, str(fid))
                for kind, frame in (("section", mini_atlas.sections), ("area", mini_atlas.areas),
                                    ("place", mini_atlas.places))
                for fid in frame["id"]}
    assert panels == expected
    # the app's own words, e.g. an open interval reads "→ now" (never a second JS wording)
    assert "→ now" in panels["section:s-a"] and "today" not in panels["section:s-a"]
    assert panel_html(mini_atlas, "section", "s-a", year=1900) == panels["section:s-a"]


def test_static_statuses_are_the_apps_statuses(mini_atlas: Any) -> None:
    history = _strict_json(site_files(mini_atlas)["data/history.json"])
    first, last = history["meta"]["years"]["first"], history["meta"]["years"]["last"]
    assert (first, last) == (1860, 2008)  # from the data: first timeline row, last event
    runs = history["runs"]
    for year in range(first, last + 1):
        for sid, status in viewmodel.status_map(mini_atlas, year).items():
            assert yearly.value_at(runs[f"section:{sid}"], year) == status, (sid, year)
        for aid, holder in viewmodel.holder_map(mini_atlas, year).items():
            assert yearly.value_at(runs[f"area:{aid}"], year) == holder, (aid, year)
    assert runs["section:s-a"] == [[1860, "treaty"], [1991, "agreed"]]
    assert runs["area:a-1"] == [[1860, "RUS"], [2008, "CHN"]]
    values = history["meta"]["values"]
    assert values["section"]["agreed"]["label"] == "agreed"
    assert values["section"]["null"]["label"] == "no status recorded"
    assert values["area"]["CHN"]["label"] == viewmodel.COUNTRY_NAMES["CHN"]
    assert history["meta"]["wording"]["section"] == "Status in {year}: {label}"


def test_yearly_change_lists() -> None:
    assert yearly.changes([(1, "a"), (2, "a"), (3, None), (4, "a")]) == [
        [1, "a"], [3, None], [4, "a"]]
    run = [[1860, "treaty"], [1991, "agreed"]]
    assert [yearly.value_at(run, y) for y in (1859, 1860, 1990, 1991, 2100)] == [
        None, "treaty", "treaty", "agreed", "agreed"]
    assert yearly.holder_label("CHN + RUS") == "China + Russia"


def test_assets_are_the_installed_leaflet(mini_atlas: Any) -> None:
    files = site_files(mini_atlas)
    for item in vendor_files():
        if item.relative.startswith("leaflet/"):
            assert files[f"assets/{item.relative}"] == item.source.read_bytes()
    assert not [k for k in files if "jquery" in k]  # the static page does not need it
    page = files["index.html"].decode("utf-8")
    for ref in re.findall(r'(?:src|href)="([^"]+)"', page):
        if ref == "data:,":  # the empty favicon that saves a 404
            continue
        assert ref.startswith(("assets/", "data/")), ref
        path = ref.split("?")[0]
        assert path in files or path == "data/", ref


def test_cli_export_site(mini_atlas: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli-site"
    assert main(["export-site", str(out), "--data", str(mini_atlas.root)]) == 0
    assert (out / "index.html").is_file()
    assert str(out / "index.html") in capsys.readouterr().out


def _ends(geometry: dict[str, Any]) -> set[tuple[float, float]]:
    """End vertices of every part of a (Multi)LineString GeoJSON geometry."""
    parts = ([geometry["coordinates"]] if geometry["type"] == "LineString"
             else geometry["coordinates"])
    return {tuple(p) for part in parts for p in (part[0], part[-1])}


def _joins_survive(atlas: Any) -> None:
    """Wherever two sections met before web simplification, they meet at the same vertex after."""
    digits = WEB_LAYERS["sections"][1]
    before = {
        str(row["id"]): {(round(x, digits), round(y, digits))
                         for part in getattr(row["geometry"], "geoms", [row["geometry"]])
                         for x, y in (part.coords[0], part.coords[-1])}
        for row in atlas.sections.to_dict("records")
    }
    after = {f["id"]: _ends(f["geometry"])
             for f in _strict_json(site_files(atlas)["data/sections.geojson"])["features"]}
    ids = sorted(before)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            assert before[a] & before[b] <= after[a] & after[b], (a, b)


def test_mini_joins_survive(mini_atlas: Any) -> None:
    _joins_survive(mini_atlas)


def test_real_geodata_joins_survive() -> None:
    from borderatlas.config import geodata_root

    if not (geodata_root() / "sections.geojson").is_file():
        pytest.skip("geodata/sections.geojson not built yet")
    atlas = load_atlas(geodata_root(), check_integrity=False)
    if not len(atlas.sections):
        pytest.skip("no sections loaded from geodata/")
    _joins_survive(atlas)


def test_history_has_every_language_rendered_by_python(mini_atlas: Any) -> None:
    doc = _strict_json(site_files(mini_atlas)["data/history.json"])
    assert set(doc["langs"]) == {"ru", "zh"}
    for lang, script in (("ru", "[А-Яа-я]"), ("zh", "[\u4e00-\u9fff]")):
        part = doc["langs"][lang]
        assert set(part["panels"]) == set(doc["panels"]) and set(part["tips"]) == set(doc["tips"])
        key = next(iter(part["panels"]))
        assert part["panels"][key] == panel_html(mini_atlas, *key.split(":", 1), lang=lang)
        assert re.search(script, part["index"]) and re.search(script, part["meta"]["legend_html"])
        assert re.search(script, part["meta"]["ui"]["back"])
        assert part["meta"]["wording"]["section"].count("{year}") == 1
        assert all("[[ba:" in tip for tip in part["tips"].values())  # click markers kept
