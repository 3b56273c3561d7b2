"""The ru/zh catalogs of the content text: complete and current in the bundled data, and the
validator names every missing, stale and orphan entry."""

from __future__ import annotations

import re

import pytest

from borderatlas.data import files as ref
from borderatlas.data.loader import load_atlas
from borderatlas.data.translations import content_keys, key_location, sha1

LANGS = ("ru", "zh")
ROMAN = {"17": "XVII", "18": "XVIII", "19": "XIX", "20": "XX", "21": "XXI"}
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
RU_MONTHS = ("январ", "феврал", "март", "апрел", "ма[йя]", "июн", "июл", "август", "сентябр",
             "октябр", "ноябр", "декабр")
ZH_NUMERALS = "〇一二三四五六七八九十"


def _numbers(text: str, thousands: bool = True) -> list[str]:
    """Number tokens, thousands separators dropped, decimal commas as points, no leading 0."""
    if thousands:
        text = re.sub(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))", "", text)
    return [t.replace(",", ".").lstrip("0") or "0" for t in NUMBER.findall(text)]


def _missing_numbers(english: str, translated: str) -> list[str]:
    """English number tokens the translation does not carry (decades and centuries may be reworded)."""
    have = set(_numbers(translated)) | set(_numbers(translated, thousands=False))  # 12,989 km²
    out = []
    def month(m: re.Match[str]) -> str:  # 2008-10-14 may read 14 октября 2008 г.
        mm = int(m.group(2))
        word = re.search(rf"{m.group(3).lstrip('0')}\s+{RU_MONTHS[mm - 1]}", translated)
        return f"{m.group(1)} {m.group(3)}" + ("" if word else f" {mm}")

    plain = ISO_DATE.sub(month, re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", english))
    for m in NUMBER.finditer(plain):
        (token,) = _numbers(m.group())
        before, after = plain[max(0, m.start() - 2):m.start()], plain[m.end():m.end() + 12]
        if token in have or (token in ("2", "3") and before.endswith("m")):  # km2 -> km²
            continue
        if re.match(r"(st|nd|rd|th)[- ]century", after) and ROMAN.get(token, "?") in translated:
            continue
        if re.match(r"s\b", after) and len(token) == 4 and token[2:] in have:
            continue  # the 1860s -> 19世纪60年代
        if token.isdigit() and int(token) <= 10 and f"第{ZH_NUMERALS[int(token)]}" in translated:
            continue  # Article 2 -> 第二条
        out.append(token)
    return out


@pytest.fixture(scope="module")
def bundled():
    return load_atlas()


def test_bundled_catalogs_are_complete_current_and_clean(bundled):
    english = content_keys(bundled)
    assert len(english) > 800
    assert [str(p) for p in bundled.problems if p.file.startswith("i18n/")] == []
    for lang in LANGS:
        entries = bundled.translations[lang]
        assert set(entries) == set(english), lang
        for key, en in english.items():
            assert entries[key]["text"].strip() and entries[key]["text"] != en, (lang, key)
            assert entries[key]["en_sha1"] == sha1(en), (lang, key)


def test_bundled_translations_keep_every_number(bundled):
    english = content_keys(bundled)
    lost = {
        (lang, key): miss
        for lang in LANGS
        for key, en in english.items()
        if (miss := _missing_numbers(en, bundled.translations[lang][key]["text"]))
    }
    assert lost == {}


def test_number_check_sees_a_lost_number():
    assert _missing_numbers("about 174 km² in 1991", "около 174 км² в 1991 г.") == []
    assert _missing_numbers("0.74 km² and 1,000,000", "0,74 км² и 1 000 000") == []
    assert _missing_numbers("about 174 km²", "около 175 км²") == ["174"]
    assert _missing_numbers("the 19th-century line", "линия XIX века") == []
    assert _missing_numbers("line before 2008-10-14", "линия до 14 октября 2008 г.") == []
    assert _missing_numbers("line before 2008-10-14", "линия до 14 ноября 2008 г.") == ["10"]
    assert _missing_numbers("under Article 2", "依据第二条") == []


def _break(mini_files, lang, change):
    cat = mini_files[ref.TRANSLATIONS[lang][0]]
    change(cat["entries"])
    return mini_files


def _problems(make_geodata, files):
    return [str(p) for p in load_atlas(make_geodata(files)).problems]


def test_mini_catalogs_cover_the_mini_content(mini_files):
    english = content_keys(mini_files)
    assert english and "status/treaty" in english
    for lang in LANGS:
        assert set(mini_files[f"i18n/{lang}.json"]["entries"]) == set(english)


def test_missing_translation_is_named(make_geodata, mini_files):
    key = next(k for k in content_keys(mini_files) if k.startswith("events/"))
    files = _break(mini_files, "ru", lambda e: e.pop(key))
    file, fid, field = key_location(key, "ru")
    assert _problems(make_geodata, files) == [f"{file}: {fid}: {field}: no ru translation"]


def test_blank_translation_counts_as_missing(make_geodata, mini_files):
    key = "status/agreed"
    files = _break(mini_files, "zh", lambda e: e[key].update(text=" "))
    assert _problems(make_geodata, files) == ["i18n/zh.json: status/agreed: -: no zh translation"]


def test_changed_english_makes_the_translation_stale(make_geodata, mini_files):
    events = mini_files[ref.EVENTS]["events"]
    events[0]["title_en"] = events[0]["title_en"] + " (revised)"
    eid = events[0]["id"]
    problems = _problems(make_geodata, mini_files)
    assert problems == [
        f"{ref.EVENTS}: {eid}: title_en: {lang} translation is stale: the English changed"
        for lang in LANGS
    ]


def test_orphan_entry_is_named(make_geodata, mini_files):
    files = _break(
        mini_files, "zh", lambda e: e.update({"events/gone/title_en": {"text": "无", "en_sha1": "0" * 40}})
    )
    assert _problems(make_geodata, files) == [
        "i18n/zh.json: events/gone/title_en: -: translation of a key that no longer exists (orphan)"
    ]


def test_malformed_catalogs_are_reported(make_geodata, mini_files):
    mini_files["i18n/ru.json"]["lang"] = "zh"
    mini_files["i18n/ru.json"]["entries"]["status/none"]["en_sha1"] = "not-a-sha"
    problems = _problems(make_geodata, mini_files)
    assert "i18n/ru.json: -: lang: must be 'ru' for this file" in problems
    assert any(p.startswith("i18n/ru.json: status/none: en_sha1:") for p in problems)
    assert "i18n/ru.json: status/none: -: no ru translation" in problems  # left out, so missing


def test_missing_catalog_is_reported(make_geodata, mini_files):
    mini_files.pop("i18n/zh.json")
    problems = _problems(make_geodata, mini_files)
    assert "i18n/zh.json: -: -: file is missing (left out)" in problems
    assert "i18n/zh.json: status/treaty: -: no zh translation" in problems


def test_features_and_zone_keys_point_at_their_field():
    assert key_location("features/areas/zhenbao/narrative_en", "ru") == (
        ref.FEATURES, "areas/zhenbao", "narrative_en")
    assert key_location("events/x/readings/0/text", "zh") == (ref.EVENTS, "x", "readings.0.text")
    assert key_location("zones/note", "ru") == (ref.ZONES, None, "note")
