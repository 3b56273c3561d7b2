"""Translated content text: a catalog entry if it translates today's English, else the English.

English is the master text. A translation counts only while its ``en_sha1`` matches the
English it is shown for; otherwise the caller gets the English and ``False`` so it can mark
the fallback visibly. Keys are those of :func:`borderatlas.data.translations.content_keys`.
"""

from __future__ import annotations

from typing import Any

from borderatlas.data.translations import sha1, status_key
from borderatlas.views.text import esc

LANGS = ("en", "ru", "zh")
FALLBACK_MARK = '<span class="ba-fallback" title="no translation yet">EN</span>'

__all__ = ["FALLBACK_MARK", "LANGS", "block_html", "inline_html", "status_key", "text"]


def text(atlas: Any, key: str, english: str, lang: str) -> tuple[str, bool]:
    """Return the ``lang`` text for ``key``, or ``(english, False)`` when missing or stale."""
    if lang == "en":
        return english, True
    entry = (getattr(atlas, "translations", None) or {}).get(lang, {}).get(key)
    translated = entry.get("text") if isinstance(entry, dict) else None
    if isinstance(translated, str) and translated.strip() and entry.get("en_sha1") == sha1(english):
        return translated, True
    return english, False


def inline_html(atlas: Any, key: str, english: Any, lang: str) -> str:
    """Escaped inline HTML for one string: plain in English, else tagged with its language."""
    if lang == "en" or not isinstance(english, str):
        return esc(english)
    shown, ok = text(atlas, key, english, lang)
    if ok:
        return f'<span lang="{esc(lang)}">{esc(shown)}</span>'
    return f'<span lang="en">{esc(shown)}</span> {FALLBACK_MARK}'


def block_html(atlas: Any, key: str, english: str, lang: str) -> str:
    """A paragraph of content text: ``<p lang=…>``, with the fallback marker when needed."""
    if lang == "en":
        return f"<p>{esc(english)}</p>"
    shown, ok = text(atlas, key, english, lang)
    if ok:
        return f'<p lang="{esc(lang)}">{esc(shown)}</p>'
    return f'<p lang="en">{esc(shown)} {FALLBACK_MARK}</p>'
