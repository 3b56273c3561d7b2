"""The history in the reader's language: ``lang`` in the link, kept across pages, junk rejected."""

from pathlib import Path

from atlas_fixture import write_geodata
from frame_panel import panel_options, shown_panel
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _run(tmp_path, monkeypatch, **params: str) -> AppTest:
    monkeypatch.setenv("BORDERATLAS_GEODATA", str(write_geodata(tmp_path)))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    at.run()
    at.switch_page("pages/1_Border_map.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_chinese_link_opens_the_panel_in_chinese_and_keeps_lang(tmp_path, monkeypatch):
    at = _run(tmp_path, monkeypatch, lang="zh", feature="section:rus-e-ussuri")
    assert panel_options(at)["lang"] == "zh" and "/panels-zh-" in panel_options(at)["prefix"]
    assert 'lang="zh"' in shown_panel(at)
    assert at.query_params.get("lang") in ("zh", ["zh"])


def test_english_is_the_default_and_a_junk_lang_is_named(tmp_path, monkeypatch):
    at = _run(tmp_path, monkeypatch, lang="<b>xx</b>", feature="section:rus-e-ussuri")
    assert any("Ignored lang" in w.value for w in at.warning)
    panel = shown_panel(at)
    assert 'data-feature="section:rus-e-ussuri"' in panel
    assert 'lang="zh"' not in panel and 'lang="ru"' not in panel
    assert "lang" not in at.query_params
