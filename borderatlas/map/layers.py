"""GeoDataFrames -> folium layers: styled by status or holder, with the escaped tooltips of ``views.features``.

Every feature's SVG path gets a CSS class ``ba-<type> ba-id-<id>`` (for tests and styling).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import folium
import geopandas as gpd
from folium.map import FitBounds
from shapely.geometry.base import BaseGeometry

from borderatlas.dates import format_when
from borderatlas.map.assets import use_local_assets
from borderatlas.map.elements import Attribution, FocusWithoutScroll, LayerData
from borderatlas.style import (
    DIFFERENCE_COLOUR,
    HIGHLIGHT,
    LAND_STYLE,
    OSM_ATTRIBUTION,
    SECURITY_ZONE_STYLE,
    STATUS_LABELS,
    VERSION_STYLES,
    WATER_STYLE,
    area_style,
    crossing_style,
    place_style,
    section_style,
    zone_line_style,
)
from borderatlas.views.features import marker, tip_lines, to_features
from borderatlas.views.messages import area, gettext, tr
from borderatlas.views.viewmodel import status_label
from borderatlas.views.yearly import holder_label

DEFAULT_CENTER = (46.0, 105.0)
DEFAULT_ZOOM = 4


def _css_class(feature_type: str, fid: str) -> str:
    """CSS class naming the feature type and id on the SVG path."""
    return f"ba-{feature_type} ba-id-{fid}"


def _geojson(features: list[dict[str, Any]], name: str,
             style: Callable[[dict[str, Any]], dict[str, Any]],
             interactive: bool = True, points_as_circles: bool = False,
             pane: str | None = None, lang: str = "en") -> LayerData:
    """A data layer: each feature's style (and CSS class) in its properties, the escaped tooltip.

    The browser fetches the features from a static file once ``ui`` has written it
    (``LayerData.url``), so the page carries a URL, not the geometry.
    """
    _ = gettext(lang)
    for feature in features:
        props = feature["properties"]
        props["style"] = {**style(props), "className": _css_class(props["ftype"], props["id"])}
    return LayerData(
        {"type": "FeatureCollection", "features": features}, name,
        interactive=interactive,
        highlight={"weight": 7, "opacity": 1} if interactive else None,
        circle={"radius": 6, "fill": True, "fillOpacity": 0.9} if points_as_circles else None,
        pane=pane, error_label=_("This layer could not be loaded"))


def _group(name: str, *children: folium.Element, show: bool = True) -> folium.FeatureGroup:
    """Put the given layers in a FeatureGroup the given layers."""
    group = folium.FeatureGroup(name=name, show=show)
    for child in children:
        child.add_to(group)
    return group


def sections_layer(sections: gpd.GeoDataFrame, statuses: Mapping[str, str | None],
                   name: str | None = None, tolerance: float = 0.0,
                   year: int | None = None, lang: str = "en",
                   atlas: Any = None) -> folium.FeatureGroup:
    """Sections coloured (and dashed) by their status in a year; tooltips and name in ``lang``."""
    _ = gettext(lang)
    name = name or _("Boundary sections")

    def extra(row: dict[str, Any]) -> dict[str, Any]:
        return {"status": statuses.get(row["id"])}

    def tips(row: dict[str, Any]) -> list[str]:
        status = statuses.get(row["id"])
        shown = status_label(atlas, status, lang) if status in STATUS_LABELS else "?"
        line = (_("Status in %(year)s: %(label)s") % {"year": year, "label": shown}
                if year is not None else _("Status: %(label)s") % {"label": shown})
        return [*tip_lines("section", row, lang), line]

    def style(props: dict[str, Any]) -> dict[str, Any]:
        return section_style(props.get("status"))

    feats = to_features(sections, "section", tolerance, extra, tips, lang)
    return _group(name, _geojson(feats, name, style, lang=lang))


def version_layer(line: gpd.GeoDataFrame, label: str, index: int = 0,
                  tolerance: float = 0.0, pane: str | None = None,
                  lang: str = "en") -> folium.FeatureGroup:
    """One dated version of the whole line, styled as the first or second of a pair."""
    _ = gettext(lang)
    style_def = VERSION_STYLES[index % len(VERSION_STYLES)]
    frame = line.copy()
    if "name_en" not in frame.columns:
        frame["name_en"] = label
    frame["id"] = [f"v{index}-{i}" for i in frame["id"]]

    def tips(_row: dict[str, Any]) -> list[str]:
        return [_("Version: %(label)s") % {"label": label}]

    def style(_props: dict[str, Any]) -> dict[str, Any]:
        return {**style_def, "opacity": 0.9}

    feats = to_features(frame, "version", tolerance, tip_lines=tips, lang=lang)
    for feat in feats:  # a click on a version's line reads the section's history (panel, halo)
        props = feat["properties"]
        sid = props["id"].split("-", 1)[1]
        props["select"] = f"section:{sid}"
        props["tip"] = props["tip"].replace(marker("version", props["id"]), marker("section", sid))
    return _group(label, _geojson(feats, label, style, pane=pane, lang=lang))


def claim_lines_layer(zone_lines: gpd.GeoDataFrame, name: str | None = None,
                      tolerance: float = 0.0, lang: str = "en") -> folium.FeatureGroup:
    """Old lines (thin dotted grey) and each side's claim lines (dashed, by claimant)."""
    name = name or tr(lang, "Claims by side and old lines")

    def extra(row: dict[str, Any]) -> dict[str, Any]:
        return {"kind": row.get("kind"), "claimant": row.get("claimant")}

    def tips(row: dict[str, Any]) -> list[str]:
        return tip_lines("zone_line", row, lang)

    def style(props: dict[str, Any]) -> dict[str, Any]:
        return zone_line_style(props.get("kind"), props.get("claimant"))

    feats = to_features(zone_lines, "zone_line", tolerance, extra, tips, lang)
    return _group(name, _geojson(feats, name, style, lang=lang))


def areas_layer(areas: gpd.GeoDataFrame, holders: Mapping[str, str | None] | None = None,
                name: str | None = None, year: int | None = None,
                tolerance: float = 0.0, lang: str = "en") -> folium.FeatureGroup:
    """Areas filled by their holder in a year (Points drawn as circles)."""
    _ = gettext(lang)
    name = name or _("Disputed and transferred areas")
    holders = holders or {}

    def extra(row: dict[str, Any]) -> dict[str, Any]:
        return {"holder": holders.get(row["id"])}

    def tips(row: dict[str, Any]) -> list[str]:
        lines = tip_lines("area", row, lang)
        if row["id"] in holders:
            who = holder_label(holders[row["id"]], lang)
            lines.append(_("Held by %(label)s in %(year)s") % {"label": who, "year": year}
                         if year else _("Held by %(label)s") % {"label": who})
        return lines

    def style(props: dict[str, Any]) -> dict[str, Any]:
        return area_style(props.get("holder"))

    feats = to_features(areas, "area", tolerance, extra, tips, lang)
    return _group(name, _geojson(feats, name, style, points_as_circles=True, lang=lang))


def places_layer(places: gpd.GeoDataFrame, name: str | None = None,
                 lang: str = "en") -> folium.FeatureGroup:
    """Tripoints, crossings, clash sites and cities as small circles."""
    name = name or tr(lang, "Places")

    def extra(row: dict[str, Any]) -> dict[str, Any]:
        return {"kind": row.get("kind")}

    def tips(row: dict[str, Any]) -> list[str]:
        return tip_lines("place", row, lang)

    def style(props: dict[str, Any]) -> dict[str, Any]:
        return place_style(props.get("kind"))

    feats = to_features(places, "place", 0.0, extra, tips, lang)
    return _group(name, _geojson(feats, name, style, points_as_circles=True, lang=lang))


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


def crossings_layer(crossings: gpd.GeoDataFrame, open_ids: Iterable[str], year: int,
                    name: str | None = None, lang: str = "en") -> folium.FeatureGroup:
    """Border crossings as circles: filled when open at the end of ``year``, hollow when not."""
    _ = gettext(lang)
    name = name or _("Crossings")
    shown = set(open_ids)

    def extra(row: dict[str, Any]) -> dict[str, Any]:
        return {"open": row["id"] in shown}

    def tips(row: dict[str, Any]) -> list[str]:
        kinds = ", ".join(row.get("types") or [])
        opened = (format_when(row["opened"], lang) if isinstance(row.get("opened"), str)
                  else _("date not recorded"))
        state = (_("open at the end of %(year)s") if row["id"] in shown
                 else _("not open at the end of %(year)s")) % {"year": year}
        return [_("crossing (%(kinds)s) · opened %(date)s") % {"kinds": kinds, "date": opened},
                state]

    def style(props: dict[str, Any]) -> dict[str, Any]:
        return crossing_style(bool(props.get("open")))

    feats = to_features(crossings, "crossing", 0.0, extra, tips, lang)
    return _group(name, _geojson(feats, name, style, points_as_circles=True, lang=lang))


def security_zone_layer(geom: BaseGeometry | None, zone: dict[str, Any],
                        tolerance: float = 0.02, lang: str = "en") -> folium.FeatureGroup:
    """The confidence-building zone (computed from its width in the data) as a light green band."""
    _ = gettext(lang)
    name = _("Confidence-building zone")
    if geom is None:
        return folium.FeatureGroup(name=name)
    frame = gpd.GeoDataFrame([{"id": zone["id"], "name_en": zone.get("name_en"),
                               "name_ru": zone.get("name_ru"), "name_zh": zone.get("name_zh"),
                               "geometry": geom}], crs="EPSG:4326")
    width = zone.get("width_km_each_side")

    def tips(_row: dict[str, Any]) -> list[str]:
        return [_("%(km)s km each side of the boundary (computed geodesic buffer)")
                % {"km": f"{width:g}"}]

    feats = to_features(frame, "security", tolerance, tip_lines=tips, lang=lang)
    return _group(name, _geojson(feats, name, lambda _p: SECURITY_ZONE_STYLE, lang=lang))


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
                     name: str | None = None, lang: str = "en") -> folium.FeatureGroup:
    """Polygons between two versions, hatched-looking purple fill with a tooltip."""
    _ = gettext(lang)
    name = name or _("Differences")
    frame_rows = [{"id": r["zone_id"], "name_en": r.get("name_en"), "geometry": r["geometry"],
                   "area": r.get("area_km2"), "to": r.get("to_holder")}
                  for r in rows if r.get("geometry") is not None]
    if not frame_rows:
        return folium.FeatureGroup(name=name)
    frame = gpd.GeoDataFrame(frame_rows, geometry="geometry", crs="EPSG:4326")

    def tips(row: dict[str, Any]) -> list[str]:
        value, to = row.get("area"), _(str(row.get("to")))  # holders are English msgids
        if isinstance(value, (int, float)):
            return [_("%(area)s to %(holder)s") % {"area": area(float(value), lang), "holder": to}]
        return [_("to %(holder)s") % {"holder": to}]

    def style(_p: dict[str, Any]) -> dict[str, Any]:
        return {"color": DIFFERENCE_COLOUR, "fillColor": DIFFERENCE_COLOUR, "weight": 2,
                "fillOpacity": 0.5}

    feats = to_features(frame, "difference", 0.0, tip_lines=tips, lang=lang)
    return _group(name, _geojson(feats, name, style, points_as_circles=True, lang=lang))


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
    m.get_root().header.add_child(folium.Element(  # type: ignore[attr-defined]
        "<style>.leaflet-container{background:#dfe8ef}"
        ".leaflet-container path.leaflet-interactive:focus{outline:none}"
        ".ba-label{background:none;border:none;box-shadow:none;color:#2f6fa8;font:italic 12px sans-serif;"
        "text-shadow:0 0 3px #fff,0 0 3px #fff}.ba-label:before{display:none}</style>"),
        name="ba_background")
    if tiles:
        folium.TileLayer(tiles, name="Tiles", attr=OSM_ATTRIBUTION).add_to(m)
    if basemap is not None:
        basemap.add_to(m)
    Attribution(OSM_ATTRIBUTION).add_to(m)
    FocusWithoutScroll(base_url_path).add_to(m)
    if bounds is not None:  # (minlon, minlat, maxlon, maxlat): open on the whole boundary
        fit = FitBounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]], padding=(10, 10))
        # not animated: an animation still running when st_folium applies a link's or a
        # search's centre and zoom would end afterwards and put the overview back
        fit.options["animate"] = False
        fit.add_to(m)
    return m
