"""The interface catalogs: complete in ru and zh, placeholders intact, .pot and .mo up to date."""

import gettext
import io
import re

import pytest
from babel.messages.checkers import checkers
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from borderatlas import config
from borderatlas.cli import I18N
from borderatlas.views import messages

LOCALE = messages.LOCALE_DIR
PLACEHOLDER = re.compile(r"%\(\w+\)s")
TRANSLATED = ("ru", "zh")


def _po(lang: str):
    with open(LOCALE / lang / "LC_MESSAGES" / "borderatlas.po", "rb") as f:
        return read_po(f, locale=lang)


def _pot():
    with open(LOCALE / "borderatlas.pot", "rb") as f:
        return read_po(f)


def _keywords() -> dict:
    """The extraction keywords the i18n command uses (Babel's defaults plus ours)."""
    from babel.messages.extract import DEFAULT_KEYWORDS
    from babel.messages.frontend import parse_keywords

    args = I18N["extract"]
    ours = [args[i + 1] for i, a in enumerate(args) if a == "-k"]
    return {**DEFAULT_KEYWORDS, **parse_keywords(ours)}


def test_the_pot_holds_every_wrapped_string_in_the_code():
    with open(config.CHECKOUT / "babel.cfg", encoding="utf-8") as f:
        from babel.messages.frontend import parse_mapping_cfg

        method_map, options_map = parse_mapping_cfg(f)
    found = {m[2] for m in extract_from_dir(str(config.CHECKOUT), method_map, options_map,
                                            keywords=_keywords())}
    found = {m if isinstance(m, str) else tuple(m) for m in found}
    in_pot = {m.id for m in _pot() if m.id}
    assert found - in_pot == set(), "run: python -m borderatlas i18n extract && ... update"
    assert in_pot - found == set(), "the .pot has strings the code no longer uses"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_not_fuzzy_with_placeholders_intact(lang):
    catalog, pot = _po(lang), _pot()
    ids = {m.id for m in catalog if m.id}
    assert {m.id for m in pot if m.id} <= ids, "run: python -m borderatlas i18n update"
    assert not catalog.fuzzy
    problems = []
    for m in catalog:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {m.id!r}")
        wanted = sorted(PLACEHOLDER.findall(m.id if isinstance(m.id, str) else m.id[-1]))
        for text in strings:  # Babel allows leaving a placeholder out; we do not
            if sorted(PLACEHOLDER.findall(text or "")) != wanted:
                problems.append(f"placeholders of {m.id!r} changed in {text!r}")
        for checker in checkers:  # Babel's python-format and plural-count checks
            try:
                checker(catalog, m)
            except Exception as err:  # TranslationError
                problems.append(f"{m.id!r}: {err}")
    assert problems == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_plural_forms_are_the_languages_own(lang):
    catalog = _po(lang)
    assert catalog.num_plurals == {"ru": 3, "zh": 1}[lang]
    assert "machine-assisted" in catalog.header_comment.lower()
    _n = messages.ngettext(lang)
    shown = [_n("%(n)s country pair", "%(n)s country pairs", n) % {"n": n} for n in (1, 3, 5, 21)]
    if lang == "ru":
        assert shown == ["1 пара стран", "3 пары стран", "5 пар стран", "21 пара стран"]
    else:
        assert shown == [f"{n} 个国家对" for n in (1, 3, 5, 21)]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_committed_mo_is_compiled_from_the_po(lang):
    buf = io.BytesIO()
    write_mo(buf, _po(lang))
    fresh = gettext.GNUTranslations(io.BytesIO(buf.getvalue()))._catalog  # type: ignore[attr-defined]
    with open(LOCALE / lang / "LC_MESSAGES" / "borderatlas.mo", "rb") as f:
        committed = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    assert committed == fresh, "run: python -m borderatlas i18n compile"


def test_a_missing_catalog_is_an_error_not_english(tmp_path, monkeypatch):
    monkeypatch.setattr(messages, "LOCALE_DIR", tmp_path)
    messages.translations.cache_clear()
    try:
        with pytest.raises(OSError):
            messages.gettext("ru")
    finally:
        monkeypatch.undo()
        messages.translations.cache_clear()
    assert messages.gettext("ru")("Sources") == "Источники"


@pytest.mark.parametrize(("lang", "length", "area"), [
    ("en", "1,070.4 km", "47.6 km²"),
    ("ru", "1\u00a0070,4 км", "47,6 км²"),
    ("zh", "1,070.4 公里", "47.6 平方公里"),
])
def test_numbers_and_units_per_language(lang, length, area):
    assert messages.km(1070.4, lang) == length
    assert messages.area(47.6, lang) == area
