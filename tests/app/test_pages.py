"""Every page renders with AppTest, its main widgets change the output, bad links give notices."""

import datetime as dt
from pathlib import Path

import pytest
from atlas_fixture import write_geodata
from frame_panel import shown_panel
from page_html import event_list, figures, light_table_links, light_tables, pick_event, strip
from streamlit.testing.v1 import AppTest

from borderatlas.views import urlstate

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = ["pages/1_Border_map.py", "pages/2_Compare.py", "pages/3_Timeline.py",
         "pages/4_Disputed_areas.py", "pages/5_Sources_and_data.py"]


@pytest.fixture(scope="module")
def geodata(tmp_path_factory):
    return write_geodata(tmp_path_factory.mktemp("fx"))


@pytest.fixture
def app(geodata, monkeypatch):
    monkeypatch.setenv("BORDERATLAS_GEODATA", str(geodata))

    def make(page: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params.update(params)
        at.run()
        if page:
            at.switch_page(page)
            at.run()
        assert not at.exception, at.exception
        # the fixture is valid data: a happy-path page shows no "data has problems" banner
        problems = [w.value for w in at.warning if "problem" in str(w.value)]
        assert not problems, problems
        return at
    return make


def qp(at: AppTest, key: str) -> str:
    value = at.query_params.get(key, "")
    return value[-1] if isinstance(value, list) else value


def markdown(at: AppTest) -> str:
    """Everything the page wrote as Markdown or as HTML (panels use st.html)."""
    return "\n".join([m.value for m in at.markdown] + [h.value for h in at.html])


def test_home_shows_figures_from_data(app):
    at = app()
    values = figures(at)
    assert values["Sections"] == "3"
    assert values["Dated events"] == "5"
    assert set(values) == {"Boundary length", "Sections", "Area that changed hands", "Dated events"}
    assert not at.metric  # plain HTML: st.metric would load number-formatting scripts
    assert "Points without an outline" in markdown(at)  # what each figure counts, shown
    assert f"Section status in {urlstate.YEAR_MAX}" in markdown(at)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(app, page):
    at = app(page)
    assert at.title


def test_border_map_layer_toggle_changes_link(app):
    at = app(PAGES[0])
    assert "layers" not in at.query_params
    overlays = at.pills(key="bm_overlays")
    assert overlays.value == ["areas", "places"]  # the default layers
    assert "Places" in overlays.formatted_values
    overlays.unselect("places").run()
    assert "places" not in qp(at, "layers")
    at.pills(key="bm_overlays").select("claims").run()
    assert "claims" in qp(at, "layers")
    at.pills(key="bm_versions").select("version:1991").run()  # a dated version's own line
    assert "version:1991" in qp(at, "layers")
    pairs = at.pills(key="bm_pairs")
    assert len(pairs.value) == len(pairs.options) >= 2  # every country pair by default
    pairs.unselect("pair:CHN-KAZ").run()
    assert "pair:CHN-KAZ" not in qp(at, "layers")
    at.segmented_control(key="bm_basemap").set_value("osm").run()
    assert qp(at, "basemap") == "osm"


def test_border_map_search_selects_and_shows_history(app):
    at = app(PAGES[0])
    at.text_input(key="bm_query").input("Даманский").run()
    assert at.button(key="bm_hit_0").label.startswith("area: Zhenbao")
    at.button(key="bm_hit_0").click().run()
    assert 'data-feature="area:zhenbao"' in shown_panel(at)  # the map frame shows it
    assert qp(at, "feature") == "area:zhenbao"
    assert "data-feature" not in markdown(at)  # not also sent through the page
    # (closing the panel is the map's own button: tests/e2e/test_browser.py)


def test_border_map_deep_link_and_bad_params(app):
    at = app(PAGES[0], feature="section:rus-e-ussuri", year="1970")
    assert 'data-feature="section:rus-e-ussuri"' in shown_panel(at)
    assert "Section status in 1970" in markdown(at)
    at = app(PAGES[0], feature="section:nowhere", year="abc", layers="bogus")
    notices = " ".join(w.value for w in at.warning)
    assert "no section" in notices and "whole number" in notices and "bogus" in notices


def test_compare_versions_change_table(app):
    at = app(PAGES[1])
    assert "2001 line" in markdown(at)
    assert not at.dataframe  # the plain table by default: no data grid to download
    table = light_tables(at)[0]
    assert list(table.loc[table["Change"] == "line moved", "Place"]) == ["Sary-Childe"]
    at.pills(key="cmp_b").set_value("present").run()
    table = light_tables(at)[0]
    assert list(table.loc[table["Change"] == "line moved", "Place"]) == [
        "Sary-Childe", "Heixiazi / Bolshoy Ussuriysky"]
    assert qp(at, "compare") == "1991,present"
    # holders and statuses that differ are listed too, each with its agreement
    holder = table[(table["Change"] == "holder") & (table["Place"] == "Heixiazi transfer")]
    assert list(holder["To"]) == ["China"] and list(holder["Event id"]) == ["ev-2008-handover"]
    assert set(table["Map"]) == {"open on the map"}
    assert "border_map?feature=area:heixiazi-transfer" in light_table_links(at)
    sources = [h for h in at.get("html") if "ba-sources" in str(h.proto.body)]
    assert sources == []  # the references are sent once the reader opens them
    at.session_state["cmp_sources"] = True
    at.run()
    assert [h for h in at.get("html") if 'class="ba-sources"' in str(h.proto.body)]


def test_compare_sortable_table_is_the_same_table_on_request(app):
    at = app(PAGES[1], compare="1991,present")
    light = light_tables(at)[0]
    assert at.segmented_control(key="cmp_sortable").value == "plain"
    at.segmented_control(key="cmp_sortable").set_value("sortable").run()
    assert not light_tables(at)
    grid = at.dataframe[0].value
    assert list(grid.columns) == list(light.columns)
    assert list(grid["Place"]) == list(light["Place"])
    assert set(grid["Map"]) >= {"border_map?feature=area:heixiazi-transfer"}
    buttons = at.get("download_button")
    assert [b.label for b in buttons] == ["Download this map (HTML)", "Download CSV",
                                          "Download GeoJSON"]
    # every export is built when its button is clicked: the page sends none of their bytes
    assert all(b.proto.deferred_file_id and not b.proto.url for b in buttons)
    at.segmented_control(key="cmp_sortable").set_value("plain").run()
    assert not at.dataframe and light_tables(at)


def test_compare_any_two_dates_from_the_link_and_the_date_inputs(app):
    at = app(PAGES[1], compare="1995-03,2011")
    assert not at.warning
    assert at.pills(key="cmp_a").value == "date"
    assert str(at.date_input(key="cmp_a_date").value) == "1995-03-01"
    assert [d.key for d in at.date_input] == ["cmp_a_date", "cmp_b_date"]
    table = light_tables(at)[0]
    assert "Heixiazi / Bolshoy Ussuriysky" in set(table["Place"])
    assert "Sary-Childe" in set(table["Place"])
    assert "1 March 1995" in at.subheader[0].value
    at.date_input(key="cmp_b_date").set_value(dt.date(2000, 1, 1)).run()
    assert qp(at, "compare") == "1995-03-01,2000-01-01"
    places = set(light_tables(at)[0]["Place"])
    assert "Sary-Childe" in places and "Heixiazi / Bolshoy Ussuriysky" not in places
    at.pills(key="cmp_b").set_value("2008").run()  # a preset: its date as a caption, no input
    assert [d.key for d in at.date_input] == ["cmp_a_date"]
    assert "14 October 2008" in [c.value for c in at.caption]
    assert qp(at, "compare") == "1995-03-01,2008"
    at.pills(key="cmp_b").set_value("date").run()  # "a date": the input starts on the preset's
    assert str(at.date_input(key="cmp_b_date").value) == "2008-10-14"
    assert qp(at, "compare") == "1995-03-01,2008-10-14"
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download this map (HTML)", "Download CSV", "Download GeoJSON"]


@pytest.mark.parametrize("page", [None, *PAGES[:4]])
def test_every_map_has_copy_link_and_map_download(app, page):
    at = app(page)
    assert sum("ba-copy-link" in str(h.proto.body) for h in at.get("html")) == 1
    labels = [b.label for b in at.get("download_button")]
    assert labels.count("Download this map (HTML)") == 1


@pytest.mark.parametrize("view", ["overlay", "swipe", "side"])
def test_compare_views(app, view):
    at = app(PAGES[1], view=view)
    assert at.segmented_control(key="cmp_view").value == view
    assert qp(at, "view") == ("" if view == "overlay" else view)
    other = "side" if view != "side" else "swipe"
    at.segmented_control(key="cmp_view").set_value(other).run()
    assert not at.exception and qp(at, "view") == other


def test_compare_bad_link(app):
    at = app(PAGES[1], compare="1991,1999x", view="split")
    notices = " ".join(w.value for w in at.warning)
    assert "1999x" in notices and "view" in notices and "split" in notices
    assert at.pills(key="cmp_a").value == "1991" and at.segmented_control(key="cmp_view").value == "overlay"


def test_timeline_year_and_event(app):
    at = app(PAGES[2])
    at.number_input(key="tl_year").set_value(1970).run()
    assert "In 1970:" in markdown(at) and "2 disputed" in markdown(at)
    assert qp(at, "year") == "1970"
    at.number_input(key="tl_year").increment().run()  # the + button: one year on
    assert "In 1971:" in markdown(at) and qp(at, "year") == "1971"
    pick_event(at, "ev-2008-handover")
    assert 'id="event-ev-2008-handover"' in markdown(at)


def test_timeline_shows_the_light_strip_and_the_chart_on_request(app):
    at = app(PAGES[2], year="1970")
    shown = strip(at)
    assert shown is not None and not at.get("plotly_chart")  # no Plotly on a first visit
    assert shown.count("<i ") == 5  # every event: a dot
    assert "the end of 1970" in shown and 'class="ba-chosen"' not in shown
    assert event_list(at) is None and not at.selectbox  # both lists are sent once opened
    at.session_state["tl_event_all"] = True  # the reader opens "All events, by date"
    assert event_list(at.run()).count("<li") == 5  # every event: a list item
    pick_event(at, "ev-2008-handover")
    assert strip(at).count('class="ba-chosen"') == 1  # the chosen event, ringed
    assert event_list(at).count('class="ba-chosen"') == 1  # and in bold in the list
    assert at.get("popover")[0].proto.popover.label.startswith("Choose an event: ")  # its title
    assert 'id="event-ev-2008-handover"' in markdown(at)
    at.segmented_control(key="tl_chart_on").set_value("chart").run()
    assert not at.exception and strip(at) is None
    chart = at.get("plotly_chart")
    assert len(chart) == 1 and "ev-2008-handover" in chart[0].proto.spec
    assert 'id="event-ev-2008-handover"' in markdown(at)  # the pick stays with the chart on
    at.segmented_control(key="tl_chart_on").set_value("strip").run()
    assert strip(at) is not None and not at.get("plotly_chart")


def test_a_point_picked_on_the_timeline_chart_chooses_the_event():
    def script():
        import streamlit as st

        from borderatlas.ui import widgets

        st.session_state["chart"] = {"selection": {"points": [{"customdata": ["b"]}]}}
        widgets._chart_to_list("chart", "list", ["a", "b"])
        picked = widgets.chosen_event([{"id": "a"}, {"id": "b"}], "list")
        st.write(f"picked {picked['id'] if picked else None}")
        st.session_state["chart"] = {"selection": {"points": []}}  # a cleared selection
        widgets._chart_to_list("chart", "list", ["a", "b"])
        st.write(f"kept {st.session_state['list']}")

    at = AppTest.from_function(script).run()
    assert not at.exception, at.exception
    assert [m.value for m in at.markdown] == ["picked b", "kept b"]


def test_disputed_areas_select_zooms_and_shows_panel(app):
    at = app(PAGES[3])
    assert not at.dataframe and len(light_tables(at)[0]) == 3
    at.pills(key="da_area").set_value("heixiazi-transfer").run()
    assert 'data-feature="area:heixiazi-transfer"' in shown_panel(at)
    assert qp(at, "feature") == "area:heixiazi-transfer"
    target, view = at.session_state["da_view"]
    assert target == ("area", "heixiazi-transfer")
    at.run()  # a rerun for another reason keeps the view (the reader's pan and zoom stay)
    assert at.session_state["da_view"][1] == view
    at.pills(key="da_area").set_value("zhenbao").run()
    assert at.session_state["da_view"][0] == ("area", "zhenbao")
    at.pills(key="da_area").set_value(None).run()
    assert "da_view" not in at.session_state


def test_disputed_areas_sortable_table_on_request_keeps_the_row_pick(app):
    at = app(PAGES[3])
    light = light_tables(at)[0]
    assert at.segmented_control(key="da_sortable").value == "plain"
    at.segmented_control(key="da_sortable").set_value("sortable").run()
    assert not light_tables(at)
    grid = at.dataframe[0]
    assert list(grid.value.columns) == list(light.columns)
    assert list(grid.value["id"]) == list(light["id"])
    # a picked row chooses its area (AppTest cannot click a grid row: the browser test does)
    assert list(grid.proto.selection_mode) == [grid.proto.SINGLE_ROW]
    at.pills(key="da_area").set_value("heixiazi-transfer").run()  # the list still works
    assert 'data-feature="area:heixiazi-transfer"' in shown_panel(at)


def test_timeline_keeps_the_event_view_while_the_year_moves(app):
    at = app(PAGES[2])
    pick_event(at, "ev-2008-handover")
    target, view = at.session_state["tl_view"]
    at.number_input(key="tl_year").set_value(1970).run()
    assert at.session_state["tl_view"] == (target, view)


def test_sources_page_downloads_and_bibliography(app):
    at = app(PAGES[4])
    text = markdown(at)
    assert "OpenStreetMap contributors, ODbL" in text
    assert "Fixture article &lt;B&gt;" in text
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"GeoPackage", "BibTeX", "RIS", "CSL-JSON", "CSV (zip)"} <= set(labels)
    cite = " ".join(str(h.proto.body) for h in at.get("html"))
    assert "<b>Chicago:</b>" in cite and "<b>APA:</b>" in cite
    assert "Version 0.2.0" in cite and "@misc{" in cite
    assert not at.dataframe  # provenance as a plain table: no data grid's scripts
    provenance = light_tables(at)[0]
    assert {"Layer", "Method", "Licence", "Sources"} <= set(provenance.columns)
    assert "sections" in set(provenance["Layer"])
    assert not at.code  # CITATION.cff is sent once its box opens
    at.session_state["src_cff"] = True
    assert "cff-version" in at.run().code[0].value


def test_sources_page_download_bytes_come_from_the_exporters(geodata, monkeypatch):
    import io
    import zipfile

    from borderatlas.ui import downloads

    monkeypatch.setenv("BORDERATLAS_GEODATA", str(geodata))
    assert downloads.download_bytes("GeoPackage").startswith(b"SQLite format 3")
    assert downloads.download_bytes("BibTeX").lstrip().startswith(b"@")
    assert b"TY  - " in downloads.download_bytes("RIS")
    assert downloads.download_bytes("CSL-JSON").lstrip().startswith(b"[")
    names = zipfile.ZipFile(io.BytesIO(downloads.download_bytes("CSV (zip)"))).namelist()
    assert names == ["areas.csv", "events.csv", "places.csv", "sections.csv"]


@pytest.mark.parametrize("page", [None, *PAGES])
def test_pages_survive_missing_geodata(tmp_path, monkeypatch, page):
    monkeypatch.setenv("BORDERATLAS_GEODATA", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception


def test_every_page_keeps_the_readers_choices_when_they_come_back(app):
    """Widgets keep their values across page switches (persist_state), not the URL's defaults."""
    at = app(PAGES[1], compare="1995-03,present", view="swipe")
    at.date_input(key="cmp_a_date").set_value(dt.date(1996, 6, 1)).run()
    at = app_switch(app_switch(at, PAGES[0]), PAGES[1])
    assert not at.exception, at.exception
    assert at.pills(key="cmp_a").value == "date" and at.pills(key="cmp_b").value == "present"
    assert str(at.date_input(key="cmp_a_date").value) == "1996-06-01"
    assert at.segmented_control(key="cmp_view").value == "swipe"
    assert qp(at, "compare") == "1996-06-01,present"
    at = app_switch(at, PAGES[0])
    at.pills(key="bm_overlays").set_value(["claims"]).run()
    at.number_input(key="bm_year").set_value(1970).run()
    at = app_switch(app_switch(at, PAGES[3]), PAGES[0])
    assert at.pills(key="bm_overlays").value == ["claims"] and len(at.pills(key="bm_pairs").value) >= 2
    assert at.number_input(key="bm_year").value == 1970
    at = app_switch(at, PAGES[3])
    at.pills(key="da_area").set_value("zhenbao").run()
    at = app_switch(app_switch(at, PAGES[2]), PAGES[3])
    assert at.pills(key="da_area").value == "zhenbao"


def app_switch(at: AppTest, page: str) -> AppTest:
    """The reader picks another page in the sidebar."""
    return at.switch_page(page).run()
