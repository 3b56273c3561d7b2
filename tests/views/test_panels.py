import pytest
from atlas_fixture import write_geodata

from borderatlas.data.loader import load_atlas
from borderatlas.views import panels, viewmodel


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    return load_atlas(write_geodata(tmp_path_factory.mktemp("fx")))


def test_section_panel_has_timeline_events_accounts_sources(atlas):
    html = panels.panel_html(atlas, "section", "rus-e-ussuri")
    assert 'data-feature="section:rus-e-ussuri"' in html
    assert "Уссури" in html and "乌苏里江" in html
    assert "Status over time" in html and "disputed" in html
    assert "Events (2)" in html
    assert html.index("1969-03-02") < html.index("1991-05-16")  # ordered by date
    assert "Clash on Zhenbao &lt;island&gt;" in html and "<island>" not in html
    assert "Accounts differ" in html  # disputed event readings
    assert "Chinese account" in html and "Soviet / Russian account" in html
    assert 'href="https://example.org/a"' in html
    assert "Fixture article &lt;B&gt;" in html


def test_area_panel_shows_holders_and_areas(atlas):
    html = panels.panel_html(atlas, "area", "heixiazi-transfer")
    assert "Held by" in html and "USSR" in html and "China" in html
    computed = viewmodel.feature_row(atlas, "area", "heixiazi-transfer")["computed_area_km2"]
    assert computed > 200  # measured from the fixture polygon, which includes the channel water
    assert "published 174 km²" in html and f"computed {computed:g} km²" in html


def test_unknown_feature_and_place(atlas):
    assert "No section" in panels.panel_html(atlas, "section", "<x>")
    assert "&lt;x&gt;" in panels.panel_html(atlas, "section", "<x>")
    html = panels.panel_html(atlas, "place", "khabarovsk")
    assert "Хабаровск" in html and "Events" not in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "", None, "ftp://x"])
def test_unsafe_links_are_dropped(url):
    html = panels.reference_html("k", {"title": "T", "URL": url})
    assert "href" not in html


def test_missing_reference_and_doi():
    assert "not in the bibliography" in panels.reference_html("nokey", None)
    html = panels.reference_html("k", {"title": "T", "DOI": "10.1/x"})
    assert 'href="https://doi.org/10.1/x"' in html


def test_sources_dedupes_and_keeps_order(atlas):
    html = panels.sources_html(["rinna2016", "tagirova2017", "rinna2016"], atlas.bibliography)
    assert html.count("<li>") == 2 and html.index("rinna2016") < html.index("tagirova2017")


def test_every_panel_has_a_cite_block_with_permalink_and_version(atlas, monkeypatch):
    monkeypatch.setenv("BORDERATLAS_BASE_URL", "https://atlas.example.org/")
    for ftype, fid in (("section", "rus-e-ussuri"), ("area", "heixiazi-transfer")):
        html = panels.panel_html(atlas, ftype, fid)
        block = html[html.index('<details class="ba-cite-this">'):]
        assert "<b>Chicago:</b>" in block and "<b>APA:</b>" in block
        assert '<details class="ba-cite-bibtex"><summary>BibTeX</summary><pre>@misc{' in block
        link = f"https://atlas.example.org/border_map?feature={ftype}:{fid}"
        assert f'href="{link}"' in block and "data version 0.2.0" in block


def test_every_event_has_a_short_cite_block(atlas):
    html = panels.panel_html(atlas, "section", "rus-e-ussuri")
    assert html.count('class="ba-cite-this ba-cite-event"') == 2  # Events (2)
    event = atlas.events[0]
    one = panels.event_html(atlas, event)
    assert "Cite this event" in one and "Permalink: <a href=\"http://localhost:8501/" in one
    full = panels.cite_html(atlas, f"event:{event['id']}")
    assert "<b>Chicago:</b>" in full and "@misc{borderatlas-event-" in full


def test_cite_blocks_are_escaped(atlas):
    # a hostile title goes through esc like everything else (the fixture's own title has <island>)
    html = panels.cite_html(atlas, "event:" + next(
        e["id"] for e in atlas.events if "<island>" in e["title_en"]))
    assert "&lt;island&gt;" in html and "<island>" not in html


def test_base_url_setting():
    from borderatlas import config

    assert config.base_url({}) == "http://localhost:8501"
    assert config.base_url({"BORDERATLAS_BASE_URL": "https://a.org/atlas/"}) == "https://a.org/atlas"
    for bad in ("javascript:alert(1)", "a.org", "https://a.org/?x=1"):
        assert config.base_url({"BORDERATLAS_BASE_URL": bad}) == "http://localhost:8501"


def test_every_panel_is_built_once_per_feature_in_the_language_asked(atlas):
    built = panels.every_panel(atlas, "zh")
    expected = ({("section", i) for i in atlas.sections["id"]}
                | {("area", i) for i in atlas.areas["id"]}
                | {("place", i) for i in atlas.places["id"]})
    assert set(built) == expected
    for (ftype, fid), html in built.items():
        assert f'data-feature="{ftype}:{fid}"' in html
        assert html == panels.panel_html(atlas, ftype, fid, lang="zh")
