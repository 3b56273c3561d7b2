"""User overlays in the app: figures, errors and warnings shown; kept per session, never on disk."""

from __future__ import annotations

import json
import os
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from atlas_fixture import write_geodata
from page_html import figures as home_figures
from shapely.geometry import LineString
from streamlit.testing.v1 import AppTest

from borderatlas.geo.overlay import compare_to_line, parse_overlay
from borderatlas.map.overlay import overlay_layer
from borderatlas.views.overlay_view import difference_figures, target_options

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "app.py")
BORDER, COMPARE = "pages/1_Border_map.py", "pages/2_Compare.py"
PREFIX = {BORDER: "bm", COMPARE: "cmp"}
# the fixture's Ussuri section, moved 0.009° (≈1 km) north
USSURI_NORTH = [[134.72, 48.369], [133.86, 46.499], [133.1, 45.009]]


def geojson(*geoms: dict, name: str = "old map") -> bytes:
    feats = [{"type": "Feature", "properties": {"name": name}, "geometry": g} for g in geoms]
    return json.dumps({"type": "FeatureCollection", "features": feats}).encode()


LINE = {"type": "LineString", "coordinates": USSURI_NORTH}


@pytest.fixture(scope="module")
def geodata(tmp_path_factory):
    return write_geodata(tmp_path_factory.mktemp("ov"))


@pytest.fixture
def open_page(geodata, monkeypatch):
    monkeypatch.setenv("BORDERATLAS_GEODATA", str(geodata))

    def make(page: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60).run()
        at.switch_page(page).run()
        assert not at.exception, at.exception
        return at
    return make


def open_box(at: AppTest, page: str) -> AppTest:
    """Open the overlay box, as a reader's click does (its contents run only when open)."""
    at.session_state[f"{PREFIX[page]}_overlay_box"] = True
    return at.run()


def upload(at: AppTest, page: str, name: str, data: bytes) -> AppTest:
    if not [u for u in at.get("file_uploader") if u.key == f"{PREFIX[page]}_file"]:
        open_box(at, page)
    at.file_uploader(key=f"{PREFIX[page]}_file").set_value((name, data, "application/json"))
    at.run()
    assert not at.exception, at.exception
    return at


def map_args(at: AppTest) -> str:
    return "\n".join(c.proto.json_args for c in at.get("component_instance"))


def figures(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("page", [BORDER, COMPARE])
def test_upload_draws_the_line_and_measures_it_against_the_nearest_section(open_page, page):
    at = upload(open_page(page), page, "old-map.geojson", geojson(LINE))
    assert at.selectbox(key=f"{PREFIX[page]}_overlay_target").value == "section:rus-e-ussuri"
    ussuri = LineString([[134.72, 48.36], [133.86, 46.49], [133.1, 45.0]])
    expected = difference_figures(compare_to_line(parse_overlay(geojson(LINE)).frame, ussuri))
    shown = figures(at)
    assert set(shown) >= set(expected)
    # 0.009° north of a line running SSW: ≈ 300 m from the line at full source detail,
    # which is what the app measures against (not its simplified display geometry)
    assert expected["Median distance"] == "302 m"
    assert shown["Median distance"] == expected["Median distance"]
    assert "ba-overlay" in map_args(at)
    # choosing another official line recomputes against it
    at.selectbox(key=f"{PREFIX[page]}_overlay_target").select("section:kaz-ili").run()
    assert float(figures(at)["Median distance"][:-2].replace(",", "")) > 1_000_000
    # removing the file removes the layer and the figures
    at.file_uploader(key=f"{PREFIX[page]}_file").set_value(None)
    at.run()
    assert "ba-overlay" not in map_args(at) and "Median distance" not in figures(at)


@pytest.mark.parametrize("page", [BORDER, COMPARE])
def test_the_overlay_box_sends_its_uploader_only_once_opened_and_keeps_an_overlay_when_closed(
        open_page, page):
    at = open_page(page)
    assert at.get("file_uploader") == []  # a first visit loads no uploader code
    open_box(at, page)
    assert [u.key for u in at.get("file_uploader")] == [f"{PREFIX[page]}_file"]
    line = json.dumps({"type": "LineString", "coordinates": USSURI_NORTH}).encode()
    upload(at, page, "line.geojson", line)
    assert "ba-overlay" in map_args(at)
    at.session_state[f"{PREFIX[page]}_overlay_box"] = False  # the reader closes the box
    at.run()
    assert "ba-overlay" in map_args(at)  # the overlay and its file stay


@pytest.mark.parametrize("page", [BORDER, COMPARE])
def test_overlay_errors_are_shown_as_messages(open_page, page):
    at = upload(open_page(page), page, "broken.geojson", b'{"type": "FeatureCollection", "features": [')
    assert [e.value for e in at.error] == [
        "broken.geojson: broken JSON at line 1 column 44: Expecting value"]
    assert "ba-overlay" not in map_args(at)
    crs = json.dumps({"type": "LineString", "coordinates": USSURI_NORTH,
                      "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}}).encode()
    at = upload(at, page, "projected.geojson", crs)
    assert at.error[0].value.startswith("projected.geojson: CRS 'EPSG:3857' is not supported")


def test_left_out_features_are_listed_as_warnings(open_page):
    at = upload(open_page(BORDER), BORDER, "mixed.geojson",
                geojson(LINE, {"type": "LineString", "coordinates": []}))
    assert "mixed.geojson: feature #1: empty geometry — left out" in [w.value for w in at.warning]
    assert "Median distance" in figures(at)


def test_points_only_cannot_be_compared_but_are_drawn(open_page):
    at = upload(open_page(BORDER), BORDER, "pts.geojson",
                geojson({"type": "Point", "coordinates": [134.0, 48.0]}))
    assert [e.value for e in at.error] == [
        "overlay has no lines or outlines to compare (points only)"]
    assert "ba-overlay" in map_args(at)


def _files_containing(marker: bytes, roots: list[Path], since: float) -> list[Path]:
    """Files under the roots changed since ``since`` whose bytes contain the marker."""
    found = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in (".git", "node_modules")]
            for fname in filenames:
                path = Path(dirpath) / fname
                try:
                    if path.stat().st_mtime >= since and marker in path.read_bytes():
                        found.append(path)
                except OSError:
                    continue
    return found


def test_overlay_stays_in_its_own_session_and_off_disk(open_page, geodata):
    marker = f"marker-{uuid.uuid4().hex}"
    since = time.time() - 1
    alice = upload(open_page(BORDER), BORDER, f"{marker}.geojson", geojson(LINE, name=marker))
    assert "ba-overlay" in map_args(alice) and marker in map_args(alice)
    bob = open_page(BORDER)
    assert "ba-overlay" not in map_args(bob) and marker not in map_args(bob)
    assert "Median distance" not in figures(bob)
    assert "bm_overlay" not in bob.session_state and "bm_overlay" in alice.session_state
    # the shared, cached atlas did not grow: a new session's home page counts the same sections
    home = AppTest.from_file(APP, default_timeout=60).run()
    assert home_figures(home)["Sections"] == "3"
    # Alice's later pages still have it; other pages never draw it
    alice.run()
    assert "ba-overlay" in map_args(alice)
    roots = [REPO, geodata, Path(tempfile.gettempdir())]
    assert _files_containing(marker.encode(), roots, since) == []


def test_overlay_layer_escapes_names_and_file_names():
    hostile = "<img src=x onerror=alert(1)>"
    parsed = parse_overlay(geojson(LINE, name=hostile), f"{hostile}.geojson")
    html = _render(overlay_layer(parsed))
    # the tooltip is HTML-escaped, then JSON-escaped inside the map's script
    assert "<img" not in html
    assert html.count("\\u0026lt;img src=x onerror=alert(1)\\u0026gt;") == 2  # name, file


def _render(group) -> str:
    import folium

    m = folium.Map(tiles=None)
    group.add_to(m)
    return m.get_root().render()


def test_target_options_and_figures(open_page, geodata):
    from borderatlas.data.loader import load_atlas
    from borderatlas.geo.overlay import Difference

    options = target_options(load_atlas(geodata, check_integrity=False), ["1991"])
    assert options["section:rus-e-ussuri"] == "Section: Ussuri (present line)"
    assert options["version:1991"] == "Whole line: 1991 line"
    assert difference_figures(Difference(1234.4, 2000, 3000.6, 0.126, 10)) == {
        "Median distance": "1,234 m", "95th percentile": "2,000 m",
        "Maximum distance": "3,001 m", "Area between": "0.13 km²"}
