"""The reader's language for the history: ``lang`` in the URL, else the browser's locale, else English."""

from __future__ import annotations

import streamlit as st

from borderatlas.views import messages
from borderatlas.views.i18n import LANGS
from borderatlas.views.notices import markdown_literal

NAMES = {"en": "English", "ru": "Русский", "zh": "中文"}
KEY = "ba_lang"
NOTICE = "ba_lang_notice"  # kept for the visit, shown on every page like the other link notices


def _from_url() -> str | None:
    """``lang`` from the URL when it names a language we have; a junk value gets a notice."""
    raw = st.query_params.get("lang")
    if raw is None:
        return None
    if raw in LANGS:
        return raw
    st.session_state[NOTICE] = {"value": repr(raw[:40]), "langs": ", ".join(LANGS)}
    return None


def current_lang() -> str:
    """The language the history is shown in (kept in the session once chosen)."""
    if KEY not in st.session_state:
        locale = (getattr(st.context, "locale", None) or "")[:2].lower()
        st.session_state[KEY] = _from_url() or (locale if locale in LANGS else "en")
    return str(st.session_state[KEY])


def language_switch() -> str:
    """A switch in the sidebar on every page; the choice goes into the URL so a shared link keeps it."""
    _ = gettext()
    if NOTICE in st.session_state:
        notice = _("Ignored lang %(value)s: use one of %(langs)s.") % st.session_state[NOTICE]
        st.warning(markdown_literal(notice), icon=":material/link_off:")
    # a segmented control, not st.radio: the radio's scripts cost a first visit ~24 KiB, these 9
    lang = st.sidebar.segmented_control("Language · Язык · 语言", LANGS, key=KEY, required=True,
                                        format_func=lambda code: NAMES[code],
                                        help=_("The interface, history, events and accounts in "
                                               "this language (machine-assisted translations of "
                                               "our English text; content without a translation "
                                               "is shown in English and marked)."))
    return str(lang)


def gettext() -> messages.Gettext:
    """``_`` in the reader's language: ``_ = ui.gettext(); st.title(_("Timeline"))``."""
    return messages.gettext(current_lang())


def ngettext() -> messages.Ngettext:
    """``_n`` in the reader's language, for messages with a count."""
    return messages.ngettext(current_lang())


def lang_param() -> dict[str, str]:
    """The ``lang`` query value to keep in every link (empty for English)."""
    lang = current_lang()
    return {} if lang == "en" else {"lang": lang}
