"""'Cite this': Chicago/APA via citeproc-py with the bundled styles, BibTeX, permalink, version."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
from lxml import etree
from pybtex.database import parse_string

import borderatlas as ba
from borderatlas.views import citation

BASE = "https://atlas.example.org"


@pytest.fixture(scope="module")
def atlas() -> ba.BorderAtlas:
    return ba.open()


def test_data_version_comes_from_citation_cff(tmp_path):
    v = citation.data_version()
    assert (v.version, v.date_released) == ("0.2.0", "2026-11-26")
    assert v.title.startswith("Border Atlas")
    assert v.authors == ({"name": "The Border Atlas contributors"},)
    cff = tmp_path / "CITATION.cff"
    cff.write_text("cff-version: 1.2.0\ntitle: T\nversion: 9.9.9\ndate-released: 2030-01-02\n"
                   "authors:\n  - family-names: Doe\n    given-names: Jane\n", encoding="utf-8")
    other = citation.data_version(cff)
    assert (other.version, other.date_released) == ("9.9.9", "2030-01-02")  # unquoted YAML date
    c = citation.cite_atlas(BASE, accessed="2031-01-01", cff=cff)
    assert c.csl["author"] == [{"family": "Doe", "given": "Jane"}]
    assert c.apa.startswith("Doe, J. (2030). T (Version 9.9.9)")


def test_data_version_errors(tmp_path):
    with pytest.raises(ba.BorderAtlasError, match="cannot read"):
        citation.data_version(tmp_path / "missing.cff")
    bad = tmp_path / "bad.cff"
    bad.write_text("title: x\n", encoding="utf-8")
    with pytest.raises(ba.BorderAtlasError, match="missing version, date-released, authors"):
        citation.data_version(bad)


def test_bundled_styles_are_the_csl_styles_with_their_licence():
    folder = resources.files("borderatlas.views").joinpath(citation.STYLE_DIR)
    licence = folder.joinpath("LICENSE.md").read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 3.0" in licence
    for name, file in citation.STYLES.items():
        root = etree.fromstring(folder.joinpath(file).read_bytes())
        ns = {"csl": "http://purl.org/net/xbiblio/csl"}
        assert root.find("csl:info/csl:id", ns).text.endswith(file.removesuffix(".csl"))
        assert "by-sa" in root.find("csl:info/csl:rights", ns).get("license"), name


def test_cite_a_section(atlas):
    c = citation.cite(atlas, "section:rus-e-ussuri", BASE + "/", accessed="2026-12-01")
    assert c.permalink == f"{BASE}/border_map?feature=section:rus-e-ussuri"
    assert (c.version, c.date_released, c.accessed) == ("0.2.0", "2026-11-26", "2026-12-01")
    assert c.title == "Ussuri (section)"
    for text in (c.chicago, c.apa):
        assert "The Border Atlas contributors" in text
        assert c.permalink in text
        assert "2026" in text
    assert "Version 0.2.0" in c.chicago
    assert c.apa.startswith("The Border Atlas contributors. (2026, November 26). Ussuri (section).")
    assert "<i>" in c.apa_html or "<i>" in c.chicago_html
    assert "<" not in c.chicago and "<" not in c.apa
    entry = parse_string(c.bibtex, "bibtex").entries["borderatlas-section-rus-e-ussuri"]
    assert entry.fields["url"] == c.permalink
    assert entry.fields["version"] == "0.2.0"
    assert entry.fields["urldate"] == "2026-12-01"
    assert str(entry.persons["author"][0]) == "{The Border Atlas contributors}"


@pytest.mark.parametrize("target, link", [
    ("area:zhenbao", "/border_map?feature=area:zhenbao"),
    ("place:khorgos", "/border_map?feature=place:khorgos"),
    ("event:handover-2008", "/border_map?feature=section:rus-e-amur-middle&year=2008"),
    ("event:nerchinsk-1689", "/border_map?feature=section:rus-e-argun&year=1858"),
])
def test_cite_areas_places_events(atlas, target, link):
    if target == "place:khorgos" and "khorgos" not in set(atlas.places()["id"]):
        target = f"place:{atlas.places()['id'].iloc[0]}"
        link = f"/border_map?feature={target}"
    c = citation.cite(atlas, target, BASE, accessed=dt.date(2026, 12, 1))
    assert c.permalink == BASE + link
    assert c.permalink in c.chicago and c.permalink in c.apa


def test_event_title_names_the_event_and_date(atlas):
    c = citation.cite(atlas, "event:handover-2008", BASE, accessed="2026-12-01")
    assert c.title == "Handover of Yinlong and western Heixiazi (2008-10-14)"
    assert c.title in c.apa


def test_cite_the_atlas():
    c = citation.cite_atlas(BASE, accessed="2026-12-01")
    assert c.csl["type"] == "dataset"
    assert "[Dataset]" in c.apa and "(Version 0.2.0)" in c.apa
    assert parse_string(c.bibtex, "bibtex").entries["borderatlas-atlas"].fields["year"] == "2026"


def test_accessed_defaults_to_today(atlas):
    assert citation.cite(atlas, "area:zhenbao", BASE).accessed == dt.date.today().isoformat()


@pytest.mark.parametrize("target, error, text", [
    ("section:nope", ba.UnknownIdError, "unknown section id 'nope'"),
    ("event:nope", ba.UnknownIdError, "unknown event id 'nope'"),
    ("river:amur", ba.UnknownIdError, "kind one of section, area, place, event"),
    ("zhenbao", ba.UnknownIdError, "must be 'kind:id'"),
    (7, ba.WrongTypeError, "target must be a string"),
])
def test_bad_targets(atlas, target, error, text):
    with pytest.raises(error, match=text):
        citation.cite(atlas, target, BASE)


@pytest.mark.parametrize("base", ["atlas.example.org", "ftp://x.org", "https://", "https://x.org/?a=1",
                                  "https://x.org/#top"])
def test_bad_base_urls(atlas, base):
    with pytest.raises(citation.BadUrlError) as info:
        citation.cite(atlas, "area:zhenbao", base)
    assert repr(base) in str(info.value) and isinstance(info.value, ValueError)


def test_other_bad_arguments(atlas):
    with pytest.raises(ba.WrongTypeError):
        citation.cite(atlas, "area:zhenbao", None)  # type: ignore[arg-type]
    with pytest.raises(ba.WrongTypeError, match="accessed"):
        citation.cite(atlas, "area:zhenbao", BASE, accessed="Dec 2026")
    with pytest.raises(ba.WrongTypeError, match="atlas must come from"):
        citation.cite("atlas", "area:zhenbao", BASE)  # type: ignore[arg-type]
    with pytest.raises(ba.UnknownIdError, match="allowed: chicago, apa"):
        citation.render({"id": "x", "type": "book"}, "mla")
    with pytest.raises(ba.WrongTypeError, match="needs the atlas"):
        citation.permalink(BASE, "event:handover-2008")


def test_render_uses_the_style():
    item = {"id": "x", "type": "article-journal", "title": "On borders",
            "container-title": "Journal", "issued": {"date-parts": [[2001]]},
            "author": [{"family": "Doe", "given": "Jane"}], "volume": "3", "page": "1-9"}
    assert citation.render(item, "apa") == "Doe, J. (2001). On borders. Journal, 3, 1–9."
    # Chicago: title case in quotes, volume: page (citeproc-py initialises given names here)
    assert citation.render(item, "chicago") == "Doe, J. 2001. “On Borders”. Journal 3: 1–9."
