"""Content text in Russian and Chinese in the panels, with a visible English fallback."""

from __future__ import annotations

import copy

import pytest
from atlas_fixture import write_geodata

from borderatlas.data.loader import load_atlas
from borderatlas.views import i18n, panels
from borderatlas.views.text import esc

KEY = "features/sections/rus-e-ussuri/narrative_en"


@pytest.fixture(scope="module")
def bundled():
    return load_atlas()


@pytest.fixture(scope="module")
def fixture_atlas(tmp_path_factory):
    return load_atlas(write_geodata(tmp_path_factory.mktemp("fx")))


def test_langs():
    assert i18n.LANGS == ("en", "ru", "zh")


def test_text_returns_a_current_translation_or_the_english(bundled):
    english = bundled.feature_history["areas"]["zhenbao"]["narrative_en"]
    key = "features/areas/zhenbao/narrative_en"
    zh, ok = i18n.text(bundled, key, english, "zh")
    assert ok and "珍宝岛" in zh
    assert i18n.text(bundled, key, english, "en") == (english, True)
    assert i18n.text(bundled, key, english + " Changed.", "ru") == (english + " Changed.", False)
    assert i18n.text(bundled, "events/nope/title_en", "Nope", "zh") == ("Nope", False)


def test_zh_panel_shows_chinese_from_the_data(bundled):
    html = panels.panel_html(bundled, "area", "zhenbao", lang="zh")
    narrative = bundled.translations["zh"]["features/areas/zhenbao/narrative_en"]["text"]
    assert f'<p lang="zh">{narrative}</p>' in html
    title = bundled.translations["zh"]["events/zhenbao-clash-1/title_en"]["text"]
    assert f'<span lang="zh">{title}</span>' in html
    assert bundled.feature_history["areas"]["zhenbao"]["narrative_en"] not in html
    assert "ba-fallback" not in html


def test_ru_panel_translates_status_holders_and_area_note(bundled):
    html = panels.panel_html(bundled, "area", "heixiazi-transfer", lang="ru")
    assert '<span lang="ru">' in html and "ba-fallback" not in html
    note = bundled.translations["ru"]["areas/heixiazi-transfer/area_note"]["text"]
    assert note.split(":")[0] in html
    assert "статус не указан" in html or "спорный" in html or "согласован" in html


def test_english_output_is_the_default(bundled):
    assert panels.panel_html(bundled, "area", "zhenbao") == panels.panel_html(
        bundled, "area", "zhenbao", lang="en")
    assert 'lang="' not in panels.panel_html(bundled, "area", "zhenbao")


def test_missing_translation_falls_back_to_english_with_a_marker(fixture_atlas):
    atlas = copy.copy(fixture_atlas)
    atlas.translations = copy.deepcopy(fixture_atlas.translations)
    del atlas.translations["zh"][KEY]
    english = atlas.feature_history["sections"]["rus-e-ussuri"]["narrative_en"]
    html = panels.panel_html(atlas, "section", "rus-e-ussuri", lang="zh")
    assert f'<p lang="en">{esc(english)} {i18n.FALLBACK_MARK}</p>' in html
    assert 'class="ba-fallback" title="no translation yet">EN</span>' in html
    assert html.count("ba-fallback") == 1  # everything else has its fixture translation
    assert 'lang="zh"' in html


def test_translations_are_escaped(fixture_atlas):
    atlas = copy.copy(fixture_atlas)
    atlas.translations = copy.deepcopy(fixture_atlas.translations)
    atlas.translations["ru"][KEY]["text"] = "<script>x</script>"
    html = panels.panel_html(atlas, "section", "rus-e-ussuri", lang="ru")
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_event_html_in_ru(bundled):
    event = next(e for e in bundled.events if e["id"] == "nerchinsk-1689")
    html = panels.event_html(bundled, event, lang="ru")
    assert '<span lang="ru">Нерчинский договор</span>' in html
