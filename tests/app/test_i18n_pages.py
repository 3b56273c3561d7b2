"""Every page in Russian and in Chinese: no interface string is left in English.

The English msgids of the catalog are what the interface says in English; a rendered label,
title or piece of text that still equals one of them (placeholders matching anything) is an
interface string that escaped translation. Content may fall back to English (visibly marked).
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from atlas_fixture import write_geodata
from babel.messages.pofile import read_po
from frame_panel import shown_panel
from streamlit.testing.v1 import AppTest

from borderatlas.views import messages

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = {
    None: {},
    "pages/1_Border_map.py": {"feature": "section:rus-e-ussuri", "layers": "pair:CHN-RUS-E,areas,places,claims,security"},
    "pages/2_Compare.py": {},
    "pages/3_Timeline.py": {},
    "pages/4_Disputed_areas.py": {"feature": "area:heixiazi-transfer"},
    "pages/5_Sources_and_data.py": {},
}
SCRIPT = {"ru": re.compile(r"[А-Яа-яЁё]"), "zh": re.compile(r"[\u4e00-\u9fff]")}


def _english_patterns(lang: str) -> list[re.Pattern[str]]:
    """Each English msgid whose translation differs, as a full-match pattern."""
    with open(messages.LOCALE_DIR / lang / "LC_MESSAGES" / "borderatlas.po", "rb") as f:
        catalog = read_po(f, locale=lang)
    out = []
    for m in catalog:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for english in ids:
            if english in strings:
                continue
            parts = re.split(r"%\(\w+\)s", english)
            if sum(c.isalpha() for c in "".join(parts)) < 6:  # "%(value)s km": too little to tell
                continue
            literal = [rf"(?<!\w){re.escape(p.strip())}(?!\w)" if p.strip() else "" for p in parts]
            out.append(re.compile(r"\s*[^\n]+?\s*".join(literal)))
    return out


class _Text(HTMLParser):
    """The text pieces of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.pieces.append(data.strip())


def _texts(at: AppTest) -> list[str]:
    """Every label, title, option and text piece the page rendered."""
    out: list[str] = []
    for kind in ("title", "header", "subheader", "caption", "info", "warning", "error",
                 "success"):
        out += [str(e.value) for e in getattr(at, kind)]
    for kind in ("checkbox", "radio", "segmented_control", "pills", "selectbox", "slider",
                 "number_input",
                 "button",
                 "text_input", "date_input", "metric", "expander", "toggle"):
        for e in getattr(at, kind):
            out.append(str(getattr(e, "label", "") or ""))
            for option in getattr(e, "options", None) or []:
                out.append(str(option))
            if getattr(e, "help", None):
                out.append(str(e.help))
    for e in at.get("download_button"):
        out.append(str(e.proto.label))
    for e in at.get("page_link"):
        out.append(str(e.proto.label))
    panel = shown_panel(at) if at.query_params.get("feature") else None
    for block in [*(str(b.value) for b in [*at.markdown, *at.html]), *([panel] if panel else [])]:
        parser = _Text()
        parser.feed(block)
        out += parser.pieces
        out.append(re.sub(r"<[^>]+>", "", block).strip())
    for frame in at.dataframe:
        out += [str(c) for c in frame.value.columns]
    return [t for t in out if t]


@pytest.fixture(scope="module")
def geodata(tmp_path_factory):
    return write_geodata(tmp_path_factory.mktemp("fx"))


@pytest.mark.parametrize("lang", ["ru", "zh"])
@pytest.mark.parametrize("page", list(PAGES), ids=lambda p: "home" if p is None else Path(p).stem)
def test_no_english_interface_string_is_left(geodata, monkeypatch, lang, page):
    monkeypatch.setenv("BORDERATLAS_GEODATA", str(geodata))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params.update({"lang": lang, **PAGES[page]})
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    texts = _texts(at)
    assert any(SCRIPT[lang].search(t) for t in texts)  # the page really is in that language
    if PAGES[page].get("feature"):  # the map frame's history panel, in the reader's language
        panel = shown_panel(at)
        assert panel is not None and SCRIPT[lang].search(re.sub(r"<[^>]+>", "", panel))
    patterns = _english_patterns(lang)
    left = sorted({t for t in texts for p in patterns if p.fullmatch(t)})
    assert left == [], f"English interface strings on {page or 'home'} in {lang}: {left}"
