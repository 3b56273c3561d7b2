"""Interface strings in the reader's language, read from the gettext catalogs in ``borderatlas/locale``.

English is the source text (the msgid). Russian and Chinese come from compiled catalogs
(``borderatlas/locale/<lang>/LC_MESSAGES/borderatlas.mo``); a missing catalog is an error,
never a silent fall back to English. Numbers are formatted per language with Babel.
"""

from __future__ import annotations

import functools
import gettext as _gettext
from collections.abc import Callable
from pathlib import Path

from babel.numbers import format_decimal

from borderatlas.dates import BABEL_LOCALES
from borderatlas.views.i18n import LANGS

DOMAIN = "borderatlas"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"

Gettext = Callable[[str], str]
Ngettext = Callable[[str, str, int], str]

__all__ = ["LANGS", "N_", "Gettext", "Ngettext", "area", "gettext", "km", "ngettext", "number",
           "tr", "translations"]


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalog for ``lang`` (English is the msgids themselves); raises if ru/zh is missing."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    if lang == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=False)


def gettext(lang: str) -> Gettext:
    """``_`` for one language: ``_ = gettext(lang); _("Sources")``."""
    return translations(lang).gettext


def ngettext(lang: str) -> Ngettext:
    """``_n`` for one language: ``_n("%(n)s event", "%(n)s events", n) % {"n": n}``."""
    return translations(lang).ngettext


def tr(lang: str, message: str) -> str:
    """One message in ``lang`` (extracted as keyword ``tr:2``): ``tr(lang, "Sources")``."""
    return translations(lang).gettext(message)


def N_(message: str) -> str:
    """Mark a string for extraction where it is defined; it is translated where it is shown."""
    return message


def number(value: float, lang: str, digits: int = 0) -> str:
    """``1,070.4`` / ``1 070,4`` / ``1,070.4``: a number with the language's separators."""
    fmt = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=fmt, locale=BABEL_LOCALES[lang])


def km(value: float, lang: str, digits: int = 1) -> str:
    """A length: ``1,070.4 km`` / ``1 070,4 км`` / ``1,070.4 公里``."""
    return tr(lang, "%(value)s km") % {"value": number(value, lang, digits)}


def area(value: float, lang: str, digits: int | None = None) -> str:
    """An area: ``47.6 km²`` / ``47,6 км²`` / ``47.6 平方公里`` (by default as precise as written)."""
    if digits is None:
        written = f"{value:g}"
        digits = len(written.split(".")[1]) if "." in written and "e" not in written else 0
    return tr(lang, "%(value)s km²") % {"value": number(value, lang, digits)}
