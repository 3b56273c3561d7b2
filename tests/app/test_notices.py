"""Bad data in the app: every page names what was left out and why, and still draws the rest."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from frame_panel import map_text
from mini_geodata import mini_geodata_files, write_geodata
from page_html import figures, light_tables
from streamlit.testing.v1 import AppTest

from borderatlas.data.loader import load_atlas
from borderatlas.data.problems import Problem
from borderatlas.views.notices import COLUMNS, data_notice

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = ["pages/1_Border_map.py", "pages/2_Compare.py", "pages/3_Timeline.py",
         "pages/4_Disputed_areas.py", "pages/5_Sources_and_data.py"]
BOWTIE = [[130.0, 48.0], [130.2, 48.2], [130.2, 48.0], [130.0, 48.2], [130.0, 48.0]]


def test_clean_data_gives_no_notice():
    assert data_notice([]) is None


def test_notice_lists_left_out_first_and_counts_both_kinds():
    notice = data_notice([Problem("a.json", None, None, "flag"),
                          Problem("b.json", "x", "f", "gone", left_out=True)])
    assert notice.headline.startswith("The data has 2 problems: 1 left out (not shown), "
                                      "1 flagged but still shown.")
    assert notice.rows[0] == {"File": "b.json", "Feature": "x", "Field": "f",
                              "Problem": "gone", "Left out": "yes"}
    assert notice.rows[1]["Feature"] == "—" and notice.rows[1]["Left out"].startswith("no")
    assert tuple(notice.rows[0]) == COLUMNS


def test_long_lists_are_cut_and_say_how_many_more():
    notice = data_notice([Problem("a.json", str(i), None, "x") for i in range(5)], limit=2)
    assert len(notice.rows) == 2 and notice.more == 3


def _with_two_versions() -> dict[str, Any]:
    """The conftest mini atlas plus a second dated version, so Compare has something to do."""
    files = mini_geodata_files()
    second = {**files["versions.json"]["versions"][0], "id": "v2", "date": "2009-01-01",
              "label_en": "2009"}
    files["versions.json"]["versions"].append(second)
    first = files["versions.json"]["versions"][0]["id"]
    for catalog in (files["i18n/ru.json"], files["i18n/zh.json"]):  # its text is v1's: same translation
        entries = catalog["entries"]
        for key in [k for k in entries if k.startswith(f"versions/{first}/")]:
            entries[key.replace(f"versions/{first}/", "versions/v2/", 1)] = dict(entries[key])
    return files


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    """Mutation: set one nested value."""
    def apply(files: dict[str, Any]) -> None:
        node = files
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return apply


def _dup_place(files: dict[str, Any]) -> None:
    places = files["places.geojson"]["features"]
    places.append(copy.deepcopy(places[0]))


def _drop_place_id(files: dict[str, Any]) -> None:
    del files["places.geojson"]["features"][2]["properties"]["id"]


def _dangling(files: dict[str, Any]) -> None:
    files["history/events.json"]["events"][0]["area_ids"].append("atlantis")


SEC, AREA, PLACE = "sections.geojson", "areas.geojson", "places.geojson"
FEAT = ["features"]
# kind -> (mutation, expected row (file, feature, field, message, left out), ids that must be gone)
BREAKAGES: dict[str, tuple[Callable[[dict[str, Any]], None] | None, tuple[str, ...], set[str]]] = {
    "broken_json": (_set([AREA], '{"type": "FeatureCollection", "features": [}'),
                    (AREA, "—", "—", "broken JSON at line 1 column 44: Expecting value", "yes"),
                    {"a-1", "a-2"}),
    "wrong_crs": (_set([PLACE, "crs"], {"type": "name", "properties": {"name": "EPSG:3857"}}),
                  (PLACE, "—", "crs", "CRS 'EPSG:3857' is not WGS84 lon/lat "
                   "(RFC 7946 requires EPSG:4326/CRS84)", "yes"), {"p-1", "p-2", "p-3"}),
    "invalid_geometry": (_set([AREA, *FEAT, 0, "geometry", "coordinates"], [BOWTIE]),
                         (AREA, "a-1", "geometry",
                          "invalid geometry: Self-intersection[130.1 48.1]", "yes"), {"a-1"}),
    "empty_geometry": (_set([SEC, *FEAT, 1, "geometry", "coordinates"], []),
                       (SEC, "s-b", "geometry", "geometry is empty", "yes"), {"s-b"}),
    "missing_id": (_drop_place_id,
                   (PLACE, "#2", "properties.id", "required field is missing", "yes"), {"p-3"}),
    "duplicate_id": (_dup_place, (PLACE, "p-1", "properties.id", "duplicate id", "yes"), set()),
    "dangling_reference": (_dangling, ("history/events.json", "e-1", "area_ids",
                                       "unknown area id 'atlantis'", "no (shown, flagged)"),
                           set()),
    "wrong_type": (_set([SEC, *FEAT, 0, "properties", "length_km"], "long"),
                   (SEC, "s-a", "properties.length_km", "'long' is not of type 'number'", "yes"),
                   {"s-a"}),
    "out_of_range": (_set([PLACE, *FEAT, 0, "geometry", "coordinates"], [230.0, 48.0]),
                     (PLACE, "p-1", "geometry",
                      "coordinate (230.0, 48.0) out of range (lon -180..180, lat -90..90)", "yes"),
                     {"p-1"}),
    "unparsable_date": (_set(["history/events.json", "events", 0, "date"], "2001-02-30"),
                        ("history/events.json", "e-1", "date",
                         "date '2001-02-30' does not parse: day is out of range for month", "yes"),
                        set()),
    "checksum_mismatch": (None, (SEC, "—", "—", "checksum does not match the manifest "
                                 "(file changed)", "no (shown, flagged)"), set()),
}


def _map_args(at: AppTest) -> str:
    """Everything the page's map component(s) draw: base map script, layers and layer files."""
    return map_text(at)


def _shown_rows(at: AppTest) -> list[tuple[str, ...]]:
    """Rows of the data-problems table on the page."""
    rows = []
    for table in at.table:
        frame = table.value
        if list(frame.columns) == list(COLUMNS):
            rows += [tuple(str(v) for v in r) for r in frame.itertuples(index=False)]
    return rows


@pytest.mark.parametrize("kind", list(BREAKAGES))
def test_every_page_names_the_problem_and_still_draws_healthy_layers(kind, tmp_path, monkeypatch):
    mutate, expected, gone = BREAKAGES[kind]
    files = _with_two_versions()
    if mutate:
        mutate(files)
    root = write_geodata(tmp_path / "geodata", files)
    if mutate is None:  # a file changed after the manifest was written
        with (root / SEC).open("a", encoding="utf-8") as fh:
            fh.write("\n")
    data = load_atlas(root)
    healthy = {"section": set(data.sections["id"]), "area": set(data.areas["id"]),
               "place": set(data.places["id"])}
    assert not gone & set().union(*healthy.values())
    monkeypatch.setenv("BORDERATLAS_GEODATA", str(root))

    at = AppTest.from_file(APP, default_timeout=60).run()
    for page in [None, *PAGES]:
        if page:
            at.switch_page(page).run()
        where = page or "home"
        assert not at.exception, (where, at.exception)
        assert any(w.value.startswith("The data has ") for w in at.warning), where
        assert expected in _shown_rows(at), (where, _shown_rows(at))
        args = _map_args(at)
        if page is None:
            assert figures(at)["Sections"] == str(len(healthy["section"]))
        if page in (None, PAGES[0], PAGES[2], PAGES[3]):
            for sid in healthy["section"]:
                assert f"ba-id-{sid}" in args, (where, sid)
            for fid in gone & {"s-a", "s-b"}:
                assert f"ba-id-{fid} " not in args and f'ba-id-{fid}"' not in args, where
        if page in (PAGES[0], PAGES[2], PAGES[3]):
            for aid in healthy["area"]:
                assert f"ba-id-{aid}" in args, (where, aid)
        if page == PAGES[0]:
            for pid in healthy["place"]:
                assert f"ba-id-{pid}" in args, (where, pid)
        if page == PAGES[3]:
            frame = light_tables(at)[0]
            assert (set(frame["id"]) if len(frame) else set()) == healthy["area"]
        if page == PAGES[4]:
            provenance = light_tables(at)[0]  # the layers' provenance, a plain table
            counts = dict(zip(provenance["Layer"], provenance["Features"], strict=True))
            assert int(counts["sections"]) == len(healthy["section"])
            assert int(counts["places"]) == len(healthy["place"])


def test_clean_data_shows_no_problem_notice(tmp_path, monkeypatch):
    root = write_geodata(tmp_path / "geodata", _with_two_versions())
    assert load_atlas(root).problems == []
    monkeypatch.setenv("BORDERATLAS_GEODATA", str(root))
    at = AppTest.from_file(APP, default_timeout=60).run()
    for page in [None, *PAGES]:
        if page:
            at.switch_page(page).run()
        assert not at.exception
        assert not any(w.value.startswith("The data has ") for w in at.warning)
        assert _shown_rows(at) == []


def test_markdown_from_links_is_shown_as_typed():
    from borderatlas.views.notices import markdown_literal

    hostile = "Ignored feature '[Log in](https://evil.example) ![t](https://t/p.png) <b>x</b>'"
    out = markdown_literal(hostile)
    assert "](" not in out.replace("\\]\\(", "") and "\\[Log in\\]\\(https" in out
    assert "\\<b\\>" in out and markdown_literal("no section") == "no section"


def test_the_notice_speaks_the_readers_language_with_plural_forms():
    one = data_notice([Problem("sections.geojson", "x", "name_en", "missing", True)],
                              lang="ru")
    assert one is not None and one.headline.startswith("В данных 1 проблема:")
    assert list(one.rows[0]) == ["Файл", "Объект", "Поле", "Проблема", "Исключён"]
    zh = data_notice([Problem("a", None, None, "m", False)] * 5, lang="zh")
    assert zh is not None and zh.headline.startswith("数据有 5 个问题")
