"""The file registry: every file in ``geodata/``, its schema and the geometry it may hold."""

from __future__ import annotations

from borderatlas.data.schemas import (
    AREA_PROPS,
    BASEMAP_PROPS,
    CROSSING_PROPS,
    EVENTS_FILE,
    GAZETTEER_FILE,
    PLACE_PROPS,
    RIVER_PROPS,
    SECTION_PROPS,
    SECURITY_FILE,
    TRANSLATION_FILE,
    VERSIONS_FILE,
    ZONE_LINE_PROPS,
    ZONES_FILE,
    Schema,
)

SECTIONS = "sections.geojson"
AREAS = "areas.geojson"
PLACES = "places.geojson"
ZONES = "zones.json"
ZONE_LINES = "zone_lines.geojson"
VERSIONS = "versions.json"
EVENTS = "history/events.json"
FEATURES = "history/features.json"
GAZETTEER = "history/gazetteer.json"
BIBLIOGRAPHY = "bibliography.json"
CROSSINGS = "crossings.geojson"
SECURITY = "security.json"
# language -> catalog translating our own English content text (English is the master)
TRANSLATIONS: dict[str, tuple[str, Schema]] = {
    "ru": ("i18n/ru.json", TRANSLATION_FILE),
    "zh": ("i18n/zh.json", TRANSLATION_FILE),
}
LINES = frozenset({"LineString", "MultiLineString"})
POLYGONS = frozenset({"Polygon", "MultiPolygon"})

# layer name -> (file, property schema, allowed geometry types)
LAYERS: dict[str, tuple[str, Schema, frozenset[str]]] = {
    "sections": (SECTIONS, SECTION_PROPS, LINES),
    "zone_lines": (ZONE_LINES, ZONE_LINE_PROPS, LINES),
    "areas": (AREAS, AREA_PROPS, POLYGONS | {"Point"}),
    "places": (PLACES, PLACE_PROPS, frozenset({"Point"})),
    "basemap_countries": ("basemap_countries.geojson", BASEMAP_PROPS, POLYGONS),
    "basemap_water": ("basemap_water.geojson", BASEMAP_PROPS, LINES | POLYGONS),
    "basemap_rivers": ("basemap_rivers.geojson", RIVER_PROPS, LINES | POLYGONS),
    "crossings": (CROSSINGS, CROSSING_PROPS, frozenset({"Point"})),
}
# record kind -> (file, file schema, list key)
RECORDS: dict[str, tuple[str, Schema, str]] = {
    "zones": (ZONES, ZONES_FILE, "zones"),
    "versions": (VERSIONS, VERSIONS_FILE, "versions"),
    "events": (EVENTS, EVENTS_FILE, "events"),
    "gazetteer": (GAZETTEER, GAZETTEER_FILE, "entries"),
    "security": (SECURITY, SECURITY_FILE, "zones"),
}
