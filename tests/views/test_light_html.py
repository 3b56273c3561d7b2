"""The light HTML views: plain tables, the events strip, headline figures (no Streamlit needed)."""

import re

import pandas as pd
import pytest
from atlas_fixture import write_geodata

from borderatlas.data.loader import load_atlas
from borderatlas.style import OKABE_ITO
from borderatlas.views import eventstrip, figures, htmltable, tables, viewmodel

PAYLOAD = '<img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    return load_atlas(write_geodata(tmp_path_factory.mktemp("fx")))


@pytest.fixture
def events() -> pd.DataFrame:
    """Three events of two types, one with a hostile title, out of date order."""
    return pd.DataFrame([
        {"id": "b", "date": pd.Timestamp("1991-05-16"), "type": "agreement",
         "title": PAYLOAD, "when": "16 May 1991"},
        {"id": "a", "date": pd.Timestamp("1969-03-02"), "type": "clash",
         "title": "Zhenbao", "when": "2 March 1969"},
        {"id": "c", "date": pd.Timestamp("2004-10-14"), "type": "agreement",
         "title": "Supplementary", "when": "14 October 2004"},
    ])


# --- plain tables ---------------------------------------------------------------------------

def test_table_escapes_every_header_and_cell():
    html = htmltable.table_html(pd.DataFrame({PAYLOAD: [PAYLOAD], "n": [None]}))
    assert "<img" not in html and html.count("&lt;img") == 2
    assert "<td></td>" in html  # a missing value is an empty cell, not "None"


def test_table_links_only_safe_urls_and_formats_numbers_in_the_language():
    frame = pd.DataFrame({"Map": ["border_map?feature=area:x", "javascript:alert(1)",
                                  "//evil.example/x", "https://example.org/y"],
                          "km²": [1070.44, None, float("nan"), 5.0],
                          "as written": [69.173, 58.0, 1.5, 2.25]})
    en = htmltable.table_html(frame, links={"Map": "open on the map"},
                              numbers={"km²": 1, "as written": None})
    hrefs = re.findall(r'<a href="([^"]*)"', en)
    assert hrefs == ["border_map?feature=area:x", "https://example.org/y"]
    assert "javascript:alert(1)</td>" in en and "//evil.example/x</td>" in en  # text, not links
    assert en.count('rel="noopener noreferrer"') == 2
    assert ">1,070.4<" in en and ">5.0<" in en
    assert ">69.173<" in en and ">58<" in en and ">2.25<" in en
    ru = htmltable.table_html(frame, numbers={"km²": 1}, lang="ru")
    assert ">1\xa0070,4<" in ru


def test_area_and_change_tables_show_every_row_and_column(atlas):
    area = tables.area_table(atlas)
    html = htmltable.table_html(area)
    assert html.count("<tr>") == len(area) + 1  # the header row and one per area
    assert all(f'<th scope="col">{c}</th>' in html for c in ("id", "Area", "Holders", "Note"))
    rows = viewmodel.compare_dates(atlas, "1991", "present")
    change = tables.change_table(rows)
    cols = tables.change_columns()
    html = htmltable.table_html(change, links={cols["map"]: "open on the map"})
    assert html.count("<tr>") == len(change) + 1
    assert html.count("open on the map") == change[cols["map"]].notna().sum()


# --- the events strip ------------------------------------------------------------------------

def test_type_colours_follow_plotly_order_and_cycle():
    kinds = [f"k{i}" for i in range(len(OKABE_ITO) + 1)]
    colours = eventstrip.type_colours(kinds)
    assert list(colours.values())[: len(OKABE_ITO)] == list(OKABE_ITO.values())
    assert colours[kinds[-1]] == OKABE_ITO["orange"]


def test_strip_has_a_row_per_type_a_dot_per_event_and_the_year(events):
    html = eventstrip.strip_html(events, 1991)
    assert html.count('<div class="ba-strip-row"') == 2
    assert html.count("<i style=") == 3 and "<li" not in html  # the list is apart (lazy)
    # rows in order of first appearance by date: clash (1969) first, then agreement
    labels = re.search(r'class="ba-strip-labels"[^>]*>(.*?)</div><div class="ba-strip-plot"',
                       html, re.S).group(1)
    assert labels.index("clash") < labels.index("agreement")
    assert "<span>1991</span>" in html and "31 December 1991" in html
    assert 'role="img"' in html and "the end of 1991" in html
    # the list is by date
    listing = eventstrip.list_html(events)
    assert listing.count("<li ") == 3
    items = re.findall(r"<li[^>]*>(.*?)</li>", listing)
    assert [i.split("</b>")[0] for i in items] == ["<b>2 March 1969", "<b>16 May 1991",
                                                   "<b>14 October 2004"]


def test_strip_escapes_titles_and_rings_the_chosen_event(events):
    html = eventstrip.strip_html(events, 2000, chosen="b")
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert html.count('class="ba-chosen"') == 1  # the dot
    listing = eventstrip.list_html(events, chosen="b")
    assert "<img" not in listing and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in listing
    assert listing.count('class="ba-chosen"') == 1  # the list item
    assert 'title="16 May 1991 · agreement: &lt;img' in html


def test_strip_places_dots_and_the_year_line_in_date_order(events):
    html = eventstrip.strip_html(events, 1980)
    lefts = {m[1]: float(m[0]) for m in re.findall(
        r'<i style="left:([\d.]+)%" title="([^"]+?) ·', html)}
    assert lefts["2 March 1969"] < lefts["16 May 1991"] < lefts["14 October 2004"]
    assert min(lefts.values()) > 0 and max(lefts.values()) < 100
    year = float(re.search(r'class="ba-strip-year" style="left:([\d.]+)%', html).group(1))
    assert lefts["2 March 1969"] < year < lefts["16 May 1991"]
    # a year outside the events widens the strip, so its line stays inside
    far = eventstrip.strip_html(events, 1858)
    assert float(re.search(r'class="ba-strip-year" style="left:([\d.]+)%', far).group(1)) > 0


def test_strip_speaks_the_language(atlas):
    frame = tables.event_points(atlas.events, atlas, "ru")
    html = eventstrip.strip_html(frame, 1991, "ru")
    assert "События по дате и типу" in html
    assert eventstrip.list_heading(len(frame), "ru").startswith("Все события по дате")
    assert 'lang="ru"' in eventstrip.list_html(frame, "ru")
    assert eventstrip.strip_html(frame.iloc[0:0], 1991) == eventstrip.list_html(frame.iloc[0:0]) == ""


# --- headline figures ------------------------------------------------------------------------

def test_figures_escape_and_show_each_note():
    html = figures.figures_html([("Sections", "14", "5 country pairs"), (PAYLOAD, "1", PAYLOAD)])
    assert html.count('class="ba-figure"') == 2 and "5 country pairs" in html
    assert "<img" not in html
