"""GeoDataFrames -> folium layers: escaped EN/RU/ZH tooltips, stable ids, colour-blind-safe styles.

Every feature carries an ``id`` property, a CSS class ``ba-<type> ba-id-<id>`` on its SVG
path (for tests and styling), and a tooltip whose hidden marker ``[[ba:<type>:<id>]]`` lets
the app learn which feature was clicked from streamlit-folium's
``last_object_clicked_tooltip`` without sending any geometry back.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import folium
import geopandas as gpd
from branca.element import MacroElement
from folium.map import FitBounds
from jinja2 import Template
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from borderatlas.assets import use_local_assets

# Okabe–Ito palette (colour-blind safe)
OKABE_ITO = {
    "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
    "grey": "#999999",
}
STATUS_COLOURS = {
    "treaty": OKABE_ITO["orange"],
    "disputed": OKABE_ITO["vermillion"],
    "agreed": OKABE_ITO["sky"],
    "demarcated": OKABE_ITO["blue"],
    None: OKABE_ITO["grey"],
}
STATUS_LABELS = {
    "treaty": "19th-century treaty line", "disputed": "disputed", "agreed": "agreed",
    "demarcated": "demarcated", None: "no status recorded",
}
# dash patterns so status also reads without colour
STATUS_DASH = {"treaty": "2 6", "disputed": "8 4", "agreed": "12 3", "demarcated": None,
               None: "1 4"}
HOLDER_COLOURS = {
    "CHN": OKABE_ITO["vermillion"], "SUN": OKABE_ITO["blue"], "RUS": OKABE_ITO["blue"],
    "KAZ": OKABE_ITO["sky"], "KGZ": OKABE_ITO["green"], "TJK": OKABE_ITO["yellow"],
    "disputed": OKABE_ITO["purple"], None: OKABE_ITO["grey"],
}
VERSION_STYLES = [
    {"color": OKABE_ITO["orange"], "dashArray": "10 6", "weight": 5},
    {"color": OKABE_ITO["blue"], "dashArray": None, "weight": 3},
]
CLAIM_COLOURS = {"CHN": OKABE_ITO["vermillion"], "SUN": OKABE_ITO["blue"],
                 "RUS": OKABE_ITO["blue"], None: OKABE_ITO["purple"]}
HIGHLIGHT = {"color": OKABE_ITO["black"], "weight": 9, "opacity": 0.55}
OSM_ATTRIBUTION = "© OpenStreetMap contributors, ODbL"
COORD_DIGITS = 5  # ≈1 m: finer than any source's accuracy
MARKER = re.compile(r"\[\[ba:([a-z_]+):([a-z0-9][a-z0-9._-]*)\]\]")
DEFAULT_CENTER = (46.0, 105.0)
DEFAULT_ZOOM = 4


def esc(value: Any) -> str:
    """HTML-escape any data value (None -> empty string)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def marker(feature_type: str, feature_id: str) -> str:
    """Hidden text that identifies a feature inside its tooltip."""
    return f"[[ba:{feature_type}:{feature_id}]]"


def parse_clicked(tooltip_text: str | None) -> tuple[str, str] | None:
    """Feature (type, id) from streamlit-folium's clicked-tooltip text, or None."""
    if not tooltip_text:
        return None
    found = MARKER.search(str(tooltip_text))
    return (found.group(1), found.group(2)) if found else None


def tooltip_html(feature_type: str, feature_id: str, props: Mapping[str, Any],
                 extra: Iterable[str] = ()) -> str:
    """Tooltip body: English, Russian and Chinese names (escaped) plus escaped extra lines."""
    en, ru, zh = (esc(props.get(k)) for k in ("name_en", "name_ru", "name_zh"))
    pinyin = esc(props.get("name_zh_pinyin"))
    lines = [f"<b>{en or esc(feature_id)}</b>"]
    if ru:
        lines.append(f'<span lang="ru">{ru}</span>')
    if zh:
        lines.append(f'<span lang="zh">{zh}</span>' + (f" <i>{pinyin}</i>" if pinyin else ""))
    lines += [f"<small>{esc(x)}</small>" for x in extra if x]
    hidden = f'<span style="display:none"> {esc(marker(feature_type, feature_id))}</span>'
    return "<br>".join(lines) + hidden


def simplify_geometry(geom: BaseGeometry, tolerance: float) -> BaseGeometry:
    """Simplify one feature; Douglas–Peucker keeps each line's end vertices, so joins hold."""
    if tolerance <= 0 or geom is None or geom.geom_type == "Point":
        return geom
    simple = geom.simplify(tolerance, preserve_topology=True)
    return geom if simple.is_empty else simple


def _round(coords: Any) -> Any:
    """Round nested coordinate arrays to COORD_DIGITS."""
    if isinstance(coords, (int, float)):
        return round(float(coords), COORD_DIGITS)
    return [_round(c) for c in coords]


def to_features(frame: gpd.GeoDataFrame, feature_type: str, tolerance: float = 0.0,
                extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
                tip_lines: Callable[[dict[str, Any]], list[str]] | None = None,
                ) -> list[dict[str, Any]]:
    """GeoJSON features with only ``id``, ``type``, ``tip`` and styling keys (small payload)."""
    out = []
    for row in frame.to_dict("records"):
        geom = row.get("geometry")
        if geom is None or geom.is_empty:
            continue
        fid = str(row["id"])
        props: dict[str, Any] = {"id": fid, "ftype": feature_type}
        if extra:
            props.update(extra(row))
        props["tip"] = tooltip_html(feature_type, fid, row, tip_lines(row) if tip_lines else [])
        out.append({"type": "Feature", "id": fid, "properties": props,
                    "geometry": web_geometry(geom, tolerance)})
    return out


@functools.lru_cache(maxsize=1024)
def web_geometry(geom: BaseGeometry, tolerance: float) -> dict[str, Any]:
    """Simplified, rounded GeoJSON geometry, memoised: the same lines are drawn on every rerun.

    Keyed by the geometry's value (shapely hashes its WKB), so new but equal objects hit too.
    The result is shared between callers: treat it as read-only.
    """
    g = mapping(simplify_geometry(geom, tolerance))
    return {"type": g["type"], "coordinates": _round(g["coordinates"])}


def _css_class(feature_type: str, fid: str) -> str:
    """CSS class naming the feature type and id on the SVG path."""
    return f"ba-{feature_type} ba-id-{fid}"


def _geojson(features: list[dict[str, Any]], name: str,
             style: Callable[[dict[str, Any]], dict[str, Any]],
             interactive: bool = True, points_as_circles: bool = False) -> folium.GeoJson:
    """Build a GeoJson layer with a per-feature style and the escaped tooltip."""
    def styled(feature: dict[str, Any]) -> dict[str, Any]:
        props = feature["properties"]
        return {**style(props), "className": _css_class(props["ftype"], props["id"])}

    kwargs: dict[str, Any] = {}
    if points_as_circles:
        kwargs["marker"] = folium.CircleMarker(radius=6, fill=True, fill_opacity=0.9)
    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=name,
        style_function=styled,
        highlight_function=(lambda _f: {"weight": 7, "opacity": 1}) if interactive else None,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True)
        if interactive and features else None,
        interactive=interactive,
        **kwargs,
    )
    return layer


def _group(name: str, *children: folium.Element, show: bool = True) -> folium.FeatureGroup:
    """Put the given layers in a FeatureGroup the given layers."""
    group = folium.FeatureGroup(name=name, show=show)
    for child in children:
        child.add_to(group)
    return group


def sections_layer(sections: gpd.GeoDataFrame, statuses: Mapping[str, str | None],
                   name: str = "Boundary sections", tolerance: float = 0.0,
                   year: int | None = None) -> folium.FeatureGroup:
    """Sections coloured (and dashed) by their status in a year."""
    def extra(row: dict[str, Any]) -> dict[str, Any]:
        return {"status": statuses.get(row["id"])}

    def tips(row: dict[str, Any]) -> list[str]:
        status = STATUS_LABELS.get(statuses.get(row["id"]), "?")
        when = f" in {year}" if year is not None else ""
        length = row.get("length_km")
        km = f"{float(length):,.0f} km" if isinstance(length, (int, float)) else ""
        return [f"{row.get('pair', '')} · {km}", f"Status{when}: {status}"]

    def style(props: dict[str, Any]) -> dict[str, Any]:
        status = props.get("status")
        return {"color": STATUS_COLOURS.get(status, STATUS_COLOURS[None]), "weight": 4,
                "opacity": 0.95, "dashArray": STATUS_DASH.get(status)}

    feats = to_features(sections, "section", tolerance, extra, tips)
    return _group(name, _geojson(feats, name, style))


def version_layer(line: gpd.GeoDataFrame, label: str, index: int = 0,
                  tolerance: float = 0.0) -> folium.FeatureGroup:
    """One dated version of the whole line, styled as the first or second of a pair."""
    style_def = VERSION_STYLES[index % len(VERSION_STYLES)]
    frame = line.copy()
    if "name_en" not in frame.columns:
        frame["name_en"] = label
    frame["id"] = [f"v{index}-{i}" for i in frame["id"]]

    def tips(_row: dict[str, Any]) -> list[str]:
        return [f"Version: {label}"]

    def style(_props: dict[str, Any]) -> dict[str, Any]:
        return {**style_def, "opacity": 0.9}

    feats = to_features(frame, "version", tolerance, tip_lines=tips)
    return _group(label, _geojson(feats, label, style))


def claim_lines_layer(zone_lines: gpd.GeoDataFrame, name: str = "Claim and old lines",
                      tolerance: float = 0.0) -> folium.FeatureGroup:
    """Old lines (thin dotted grey) and each side's claim lines (dashed, by claimant)."""
    def extra(row: dict[str, Any]) -> dict[str, Any]:
        return {"kind": row.get("kind"), "claimant": row.get("claimant")}

    def tips(row: dict[str, Any]) -> list[str]:
        kind = "claim line" if row.get("kind") == "claim" else "old line"
        who = f" ({row.get('claimant')})" if row.get("claimant") else ""
        span = f"{row.get('valid_from') or '?'} – {row.get('valid_to') or 'open'}"
        return [f"{kind}{who}", span]

    def style(props: dict[str, Any]) -> dict[str, Any]:
        if props.get("kind") == "claim":
            return {"color": CLAIM_COLOURS.get(props.get("claimant"), CLAIM_COLOURS[None]),
                    "weight": 3, "dashArray": "6 6", "opacity": 0.9}
        return {"color": "#555555", "weight": 3, "dashArray": "2 5", "opacity": 0.9}

    feats = to_features(zone_lines, "zone_line", tolerance, extra, tips)
    return _group(name, _geojson(feats, name, style))


def areas_layer(areas: gpd.GeoDataFrame, holders: Mapping[str, str | None] | None = None,
                name: str = "Disputed and transferred areas", year: int | None = None,
                tolerance: float = 0.0) -> folium.FeatureGroup:
    """Areas filled by their holder in a year (Points drawn as circles)."""
    holders = holders or {}

    def extra(row: dict[str, Any]) -> dict[str, Any]:
        return {"holder": holders.get(row["id"])}

    def tips(row: dict[str, Any]) -> list[str]:
        lines = [f"{row.get('kind', '')}"]
        pub, comp = row.get("published_area_km2"), row.get("computed_area_km2")
        if isinstance(pub, (int, float)) and pub == pub:
            lines.append(f"published {pub:g} km²")
        if isinstance(comp, (int, float)) and comp == comp:
            lines.append(f"computed {comp:g} km²")
        if row["id"] in holders:
            lines.append(f"held by {holders[row['id']] or '?'}" + (f" in {year}" if year else ""))
        return lines

    def style(props: dict[str, Any]) -> dict[str, Any]:
        colour = HOLDER_COLOURS.get(props.get("holder"), HOLDER_COLOURS[None])
        return {"color": colour, "fillColor": colour, "weight": 2, "fillOpacity": 0.45}

    feats = to_features(areas, "area", tolerance, extra, tips)
    return _group(name, _geojson(feats, name, style, points_as_circles=True))


def places_layer(places: gpd.GeoDataFrame, name: str = "Places") -> folium.FeatureGroup:
    """Tripoints, crossings, clash sites and cities as small circles."""
    colours = {"tripoint": OKABE_ITO["black"], "split_point": OKABE_ITO["grey"],
               "clash_site": OKABE_ITO["vermillion"], "crossing": OKABE_ITO["green"],
               "city": OKABE_ITO["purple"]}

    def extra(row: dict[str, Any]) -> dict[str, Any]:
        return {"kind": row.get("kind")}

    def tips(row: dict[str, Any]) -> list[str]:
        return [str(row.get("kind", "")).replace("_", " "), str(row.get("date") or "")]

    def style(props: dict[str, Any]) -> dict[str, Any]:
        colour = colours.get(props.get("kind"), OKABE_ITO["grey"])
        return {"color": "#ffffff", "fillColor": colour, "weight": 1, "radius": 5,
                "fillOpacity": 0.95}

    feats = to_features(places, "place", 0.0, extra, tips)
    return _group(name, _geojson(feats, name, style, points_as_circles=True))


def basemap_layer(countries: gpd.GeoDataFrame, water: gpd.GeoDataFrame,
                  tolerance: float = 0.02) -> folium.FeatureGroup:
    """Bundled vector basemap: land and water, not clickable, no tooltips."""
    def land(_props: dict[str, Any]) -> dict[str, Any]:
        return LAND_STYLE

    def wet(_props: dict[str, Any]) -> dict[str, Any]:
        return WATER_STYLE

    group = folium.FeatureGroup(name="Basemap (bundled vector)", control=False)
    for frame, style, kind in ((countries, land, "land"), (water, wet, "water")):
        feats = to_features(frame, kind, tolerance)
        for f in feats:
            f["properties"].pop("tip", None)
        if feats:
            _geojson(feats, kind, style, interactive=False).add_to(group)
    return group


LAND_STYLE = {"color": "#bbbbbb", "weight": 0.6, "fillColor": "#f4f1ea", "fillOpacity": 1}
WATER_STYLE = {"color": "#9cc3e6", "weight": 1, "fillColor": "#cfe3f5", "fillOpacity": 1}


def basemap_document(countries: gpd.GeoDataFrame, water: gpd.GeoDataFrame,
                     tolerance: float = 0.02) -> dict[str, Any]:
    """The basemap as one GeoJSON document with styles inline, served as a static file."""
    feats = []
    for frame, style, kind in ((countries, LAND_STYLE, "land"), (water, WATER_STYLE, "water")):
        for f in to_features(frame, kind, tolerance):
            props = {k: v for k, v in f["properties"].items() if k != "tip"}
            feats.append({**f, "properties": {**props, "style": style}})
    return {"type": "FeatureCollection", "features": feats}


class FetchedBasemap(MacroElement):
    """Basemap fetched by the browser from a static URL: cached there, never in a rerun's payload.

    Drawn in its own pane under the data layers (and under the selection halo), so it stays
    underneath even though it arrives after them.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "(function () {"
        "var map = {{ this._parent.get_name() }};"
        "map.createPane('baBasemap').style.zIndex = 350;"
        "fetch({{ this.url|tojson }}).then(function (r) { return r.json(); })"
        ".then(function (d) { L.geoJSON(d, {interactive: false, pane: 'baBasemap',"
        " style: function (f) { return f.properties.style; }}).addTo(map); d = null; });"
        "})();"
        "{% endmacro %}"
    )

    def __init__(self, url: str) -> None:
        super().__init__()
        self._name = "FetchedBasemap"
        self.url = url


class SelectionHalo(MacroElement):
    """Halo the selected feature in the browser, so selecting one re-sends no map layers.

    A click draws the halo at once; after that it follows the page URL's ``feature`` value
    (set by the server for a click, a search, a deep link, *Clear selection*). It lives in its
    own pane between the basemap and the data, outside the layers ``st_folium`` replaces,
    and is redrawn when the selected feature's layer is drawn again (a year or layer change).
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "(function () {"
        "var map = {{ this._parent.get_name() }};"
        "var style = {{ this.style|tojson }}, kinds = {{ this.kinds|tojson }};"
        "var pane = map.createPane('baSelection');"
        "pane.style.zIndex = 390; pane.style.pointerEvents = 'none';"
        "var halo = null, source = null, seen;"
        "function key(l) { var p = l.feature && l.feature.properties;"
        " return p && kinds.indexOf(p.ftype) >= 0 ? p.ftype + ':' + p.id : null; }"
        "function show(layer) {"
        " if (halo) { map.removeLayer(halo); halo = null; } source = layer;"
        " if (!layer) { return; }"
        " halo = L.geoJSON(layer.feature, {pane: 'baSelection', interactive: false,"
        "  style: function () { return style; },"
        "  pointToLayer: function (f, ll) { return L.circleMarker(ll,"
        "   L.extend({radius: 14, fill: false, pane: 'baSelection'}, style)); }}).addTo(map);"
        "}"
        "map.on('layeradd', function (e) {"
        " if (key(e.layer) && !e.layer._baHalo) { e.layer._baHalo = true;"
        "  e.layer.on('click', function () { show(e.layer); }); } });"
        "map.on('layerremove', function (e) {"
        " if (e.layer === source) { show(null); seen = undefined; } });"
        "function wanted() {"
        " try { return new URLSearchParams(window.parent.location.search).get('feature'); }"
        " catch (err) { return null; } }"
        "setInterval(function () {"
        " var want = wanted(); if (want === seen) { return; }"
        " if (!want) { show(null); seen = want; return; }"
        " var hit = null; map.eachLayer(function (l) { if (key(l) === want) { hit = l; } });"
        " if (hit) { show(hit); seen = want; }"
        "}, {{ this.poll_ms }});"
        "})();"
        "{% endmacro %}"
    )

    def __init__(self, kinds: Iterable[str] = ("section", "area", "place"),
                 poll_ms: int = 150) -> None:
        super().__init__()
        self._name = "SelectionHalo"
        self.kinds = list(kinds)
        self.style = {**HIGHLIGHT, "fillOpacity": 0.1, "className": "ba-halo"}
        self.poll_ms = int(poll_ms)


def highlight_layer(geom: BaseGeometry | None, feature_type: str, feature_id: str,
                    tolerance: float = 0.0) -> folium.FeatureGroup:
    """Draw a thick halo under the selected feature (drawn at full detail)."""
    group = folium.FeatureGroup(name="Selection", control=False)
    if geom is None or geom.is_empty:
        return group
    frame = gpd.GeoDataFrame([{"id": feature_id, "geometry": geom}], crs="EPSG:4326")
    feats = to_features(frame, f"selected-{feature_type}".replace("-", "_"), tolerance)
    for f in feats:
        f["properties"].pop("tip", None)
    if geom.geom_type == "Point":
        _geojson(feats, "Selection", lambda _p: {**HIGHLIGHT, "radius": 14, "fill": False},
                 interactive=False, points_as_circles=True).add_to(group)
    else:
        _geojson(feats, "Selection", lambda _p: {**HIGHLIGHT, "fillOpacity": 0.1},
                 interactive=False).add_to(group)
    return group


def difference_layer(rows: Iterable[Mapping[str, Any]],
                     name: str = "Differences") -> folium.FeatureGroup:
    """Polygons between two versions, hatched-looking purple fill with a tooltip."""
    frame_rows = [{"id": r["zone_id"], "name_en": r.get("name_en"), "geometry": r["geometry"],
                   "area": r.get("area_km2"), "to": r.get("to_holder")}
                  for r in rows if r.get("geometry") is not None]
    if not frame_rows:
        return folium.FeatureGroup(name=name)
    frame = gpd.GeoDataFrame(frame_rows, geometry="geometry", crs="EPSG:4326")

    def tips(row: dict[str, Any]) -> list[str]:
        area = row.get("area")
        return [f"{area:g} km² to {row.get('to')}" if isinstance(area, (int, float))
                else f"to {row.get('to')}"]

    def style(_p: dict[str, Any]) -> dict[str, Any]:
        return {"color": OKABE_ITO["purple"], "fillColor": OKABE_ITO["purple"], "weight": 2,
                "fillOpacity": 0.5}

    feats = to_features(frame, "difference", 0.0, tip_lines=tips)
    return _group(name, _geojson(feats, name, style, points_as_circles=True))


class ImmediateClick(MacroElement):
    """Report a click on a feature to Streamlit at once instead of after st_folium's 250 ms wait.

    streamlit-folium reports map events through one debounced function (right for panning,
    a quarter of a second of dead time for a click). Just after its own click handler has
    recorded the click, this sends the value it would send — the same keys, in its order, only
    when ``returned_objects`` is exactly ``keys`` — and records it as sent, so the delayed
    report finds nothing new. With another streamlit-folium, nothing happens and clicks are
    simply reported 250 ms later.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "(function () {"
        "var map = {{ this._parent.get_name() }}, keys = {{ this.keys|tojson }};"
        "function report() {"
        " var g = window.__GLOBAL_DATA__, s = window.Streamlit;"
        " if (!g || !s || !s.setComponentValue || !Array.isArray(g.returned_objects)"
        "  || JSON.stringify(g.returned_objects.slice().sort()) !== JSON.stringify(keys)) {"
        "  return; }"
        " var value = {last_object_clicked_count: g.last_object_clicked_count,"
        "  last_object_clicked_tooltip: g.last_object_clicked_tooltip};"
        " if (JSON.stringify(g.previous_data) !== JSON.stringify(value)) {"
        "  g.previous_data = value; s.setComponentValue(value); } }"
        "map.on('layeradd', function (e) {"
        " if (e.layer.feature && !e.layer._baNow) { e.layer._baNow = true;"
        "  e.layer.on('click', function () { setTimeout(report, 0); }); } });"
        "})();"
        "{% endmacro %}"
    )

    def __init__(self, keys: Iterable[str]) -> None:
        super().__init__()
        self._name = "ImmediateClick"
        self.keys = sorted(keys)  # compared with the component's, sorted in the browser


class FocusWithoutScroll(MacroElement):
    """Let Leaflet take keyboard focus on a click without scrolling the page around the map.

    Leaflet focuses the map on mousedown and restores the scroll of its own window only; inside
    Streamlit's iframe the focus scrolls the *parent* page when the map is partly off-screen,
    so the mouseup lands elsewhere and the click on a line is lost.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "(function () {"
        "var kb = {{ this._parent.get_name() }}.keyboard; if (!kb) { return; }"
        "var on = kb.enabled(); kb.disable();"
        "kb._onMouseDown = function () {"
        " if (!this._focused) { this._map._container.focus({preventScroll: true}); } };"
        "if (on) { kb.enable(); }"
        "})();"
        "{% endmacro %}"
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "FocusWithoutScroll"


class Attribution(MacroElement):
    """Adds a data attribution to the map's attribution control (no tiles needed)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = text


def base_map(basemap: folium.FeatureGroup | None = None, base_url_path: str = "",
             tiles: str | None = None, center: tuple[float, float] = DEFAULT_CENTER,
             zoom: int = DEFAULT_ZOOM,
             bounds: tuple[float, float, float, float] | None = None) -> folium.Map:
    """Build the constant base map: local Leaflet, bundled vector basemap, OSM/ODbL attribution."""
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                   prefer_canvas=False, max_bounds=True, min_zoom=3, max_zoom=14,
                   attribution_control=True)
    use_local_assets(m, base_url_path)
    # Chrome focuses a clicked SVG path and rings its bounding box; the halo marks selection
    m.get_root().header.add_child(folium.Element(
        "<style>.leaflet-container{background:#dfe8ef}"
        ".leaflet-container path.leaflet-interactive:focus{outline:none}</style>"),
        name="ba_background")
    if tiles:
        folium.TileLayer(tiles, name="Tiles", attr=OSM_ATTRIBUTION).add_to(m)
    if basemap is not None:
        basemap.add_to(m)
    Attribution(OSM_ATTRIBUTION).add_to(m)
    FocusWithoutScroll().add_to(m)
    if bounds is not None:  # (minlon, minlat, maxlon, maxlat): open on the whole boundary
        fit = FitBounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]], padding=(10, 10))
        # not animated: an animation still running when st_folium applies a link's or a
        # search's centre and zoom would end afterwards and put the overview back
        fit.options["animate"] = False
        fit.add_to(m)
    return m


def legend_html(year: int | None = None, statuses: Iterable[str | None] | None = None) -> str:
    """Legend for section status colours and dash patterns (static HTML)."""
    keys = list(statuses) if statuses is not None else [*STATUS_COLOURS]
    items = []
    for key in keys:
        colour = STATUS_COLOURS.get(key, STATUS_COLOURS[None])
        dash = STATUS_DASH.get(key)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        svg = (f'<svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" '
               f'stroke="{colour}" stroke-width="4"{dash_attr}/></svg>')
        items.append(f"<li>{svg} {esc(STATUS_LABELS.get(key, key))}</li>")
    title = f"Section status in {year}" if year is not None else "Section status"
    return (f'<div class="ba-legend"><b>{esc(title)}</b>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{"".join(items)}</ul></div>')
