"""JSON Schemas for every file in ``geodata/``: one place states what a valid record is."""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

DATE = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
DATE_OR_NULL = {"anyOf": [DATE, {"type": "null"}]}
PRECISION = {"enum": ["day", "month", "year"]}
ID = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9._-]*$", "maxLength": 80}
TEXT = {"type": "string", "minLength": 1}
KEYS = {"type": "array", "items": TEXT, "minItems": 1}
NUMBER = {"type": "number"}
COUNTRY = {"type": "string", "pattern": r"^[A-Z]{3}$"}
NAMES = {"name_en": TEXT, "name_ru": TEXT, "name_zh": TEXT}
LON_LAT = {
    "type": "array",
    "prefixItems": [
        {"type": "number", "minimum": -180, "maximum": 180},
        {"type": "number", "minimum": -90, "maximum": 90},
    ],
    "minItems": 2,
    "maxItems": 2,
}
STATUSES = ["treaty", "disputed", "agreed", "demarcated"]
EVENT_TYPES = [
    "treaty",
    "agreement",
    "talks",
    "clash",
    "ratification",
    "entry_into_force",
    "demarcation",
    "handover",
    "statement",
    "meeting",
    "other",
]


def _obj(required: dict[str, Any], optional: dict[str, Any] | None = None) -> Schema:
    """Build an object schema whose listed keys are required."""
    return {
        "type": "object",
        "required": sorted(required),
        "properties": {**required, **(optional or {})},
    }


SECTION_PROPS = _obj(
    {
        "id": ID,
        "pair": {"enum": ["CHN-RUS-E", "CHN-RUS-W", "CHN-KAZ", "CHN-KGZ", "CHN-TJK"]},
        "countries": {"type": "array", "items": COUNTRY, "minItems": 2, "maxItems": 2},
        "order": {"type": "integer", "minimum": 0},
        **NAMES,
        "name_zh_pinyin": TEXT,
        "length_km": {"type": "number", "exclusiveMinimum": 0},
        "sources": KEYS,
        "method": TEXT,
        "accuracy_m": {"type": "number", "minimum": 0},
        "license": TEXT,
    },
    {"start_point": ID, "end_point": ID},
)

ZONE_LINE_PROPS = _obj(
    {
        "id": ID,
        "zone_id": ID,
        "kind": {"enum": ["old", "claim"]},
        **NAMES,
        "sources": KEYS,
        "method": TEXT,
        "accuracy_m": {"type": "number", "minimum": 0},
    },
    {
        "claimant": {"anyOf": [COUNTRY, {"type": "null"}]},
        "valid_from": DATE_OR_NULL,
        "valid_to": DATE_OR_NULL,
        "license": TEXT,
    },
)

AREA_PROPS = _obj(
    {
        "id": ID,
        "kind": {"enum": ["island", "transfer", "disputed", "settlement"]},
        **NAMES,
        "published_area_km2": {"type": ["number", "null"]},
        "computed_area_km2": {"type": ["number", "null"]},
        "geometry_method": TEXT,
        "accuracy_m": {"type": "number", "minimum": 0},
        "sources": KEYS,
    },
    {
        "zone_id": {"anyOf": [ID, {"type": "null"}]},
        "section_id": {"anyOf": [ID, {"type": "null"}]},
        "name_zh_pinyin": TEXT,
        "published_area_sources": {"type": "array", "items": TEXT},
        "published_area_note": {"type": ["string", "null"]},
        "area_note": {"type": ["string", "null"]},
        "license": TEXT,
    },
)

PLACE_PROPS = _obj(
    {
        "id": ID,
        "kind": {"enum": ["tripoint", "split_point", "clash_site", "crossing", "city"]},
        **NAMES,
        "sources": KEYS,
        "method": TEXT,
        "accuracy_m": {"type": "number", "minimum": 0},
    },
    {"date": DATE_OR_NULL, "countries": {"type": "array", "items": COUNTRY}},
)

CROSSING_TYPES = ["road", "rail", "river", "bridge", "ferry", "pipeline"]
CROSSING_PROPS = _obj(
    {
        "id": ID,
        "kind": {"enum": ["crossing"]},
        **NAMES,
        "section_id": ID,
        "types": {"type": "array", "items": {"enum": CROSSING_TYPES}, "minItems": 1},
        "opened": DATE_OR_NULL,
        "closed": DATE_OR_NULL,
        "sources": KEYS,
        "method": TEXT,
        "accuracy_m": {"type": "number", "minimum": 0},
    },
    {
        "opened_precision": {"anyOf": [PRECISION, {"type": "null"}]},
        "closed_periods": {"type": "array", "items": _obj({"from": DATE, "to": DATE_OR_NULL},
                                                           {"note": TEXT})},
        "notes": {"type": ["string", "null"]},
        "license": TEXT,
    },
)
SECURITY_FILE = _obj({"zones": {"type": "array", "items": _obj(
    {"id": ID, "kind": {"enum": ["confidence_building", "border_security_zone"]}, **NAMES,
     "width_km_each_side": {"anyOf": [{"type": "number", "exclusiveMinimum": 0}, {"type": "null"}]},
     "sources": KEYS},
    {"width_sources": KEYS, "agreements": {"type": "array", "items": _obj(
        {"id": ID, "title": TEXT, "signed": DATE, "parties": {"type": "array", "items": TEXT},
         "provisions": {"type": "array", "items": TEXT}, "sources": KEYS},
        {"entry_into_force": DATE_OR_NULL})},
     "geometry_method": TEXT, "geometry_note": TEXT})}})

BASEMAP_PROPS = _obj({"id": ID, "name_en": TEXT}, {"sources": KEYS})
ZOOM = {"type": "integer", "minimum": 0, "maximum": 22}
RIVER_PROPS = _obj(
    {"id": ID, "kind": {"enum": ["river", "river_water"]}, "name_en": TEXT, "label": TEXT,
     "min_zoom": ZOOM, "sources": KEYS, "method": TEXT, "license": TEXT},
    {"max_zoom": {"anyOf": [ZOOM, {"type": "null"}]}, "name_ru": {"type": ["string", "null"]},
     "name_zh": {"type": ["string", "null"]}, "schematic": {"type": "boolean"}, "level": TEXT},
)

ZONES_FILE = _obj(
    {
        "zones": {
            "type": "array",
            "items": _obj(
                {
                    "id": ID,
                    "section_id": ID,
                    **NAMES,
                    "bbox": {
                        "type": "array",
                        "items": NUMBER,
                        "minItems": 4,
                        "maxItems": 4,
                    },
                    "change_date": DATE,
                    "junctions": {"type": "array", "items": LON_LAT, "minItems": 2, "maxItems": 2},
                    "sources": KEYS,
                },
                {
                    "change_event": {"anyOf": [ID, {"type": "null"}]},
                    "old_source": TEXT,
                },
            ),
        }
    }
)

VERSIONS_FILE = _obj(
    {
        "versions": {
            "type": "array",
            "minItems": 1,
            "items": _obj(
                {"id": ID, "date": DATE, "label_en": TEXT, "description_en": TEXT},
                {"label_ru": TEXT, "label_zh": TEXT, "status": TEXT, "sources": KEYS},
            ),
        }
    }
)

EVENTS_FILE = _obj(
    {
        "events": {
            "type": "array",
            "items": _obj(
                {
                    "id": ID,
                    "date": DATE,
                    "date_precision": PRECISION,
                    "type": {"enum": EVENT_TYPES},
                    "title_en": TEXT,
                    "summary_en": TEXT,
                    "section_ids": {"type": "array", "items": ID},
                    "area_ids": {"type": "array", "items": ID},
                    "sources": KEYS,
                },
                {
                    "end_date": DATE_OR_NULL,
                    "end_precision": {"anyOf": [PRECISION, {"type": "null"}]},
                    "participants": {"type": "array", "items": TEXT},
                    "outcome": {"type": ["string", "null"]},
                    "disputed": {"type": "boolean"},
                    "readings": {
                        "type": "array",
                        "items": _obj({"text": TEXT, "sources": KEYS}),
                    },
                },
            ),
        }
    }
)

TIMELINE = {
    "type": "array",
    "items": _obj(
        {"from": DATE, "to": DATE_OR_NULL, "status": {"enum": STATUSES}},
        {"event_id": {"anyOf": [ID, {"type": "null"}]}},
    ),
}
HOLDERS = {
    "type": "array",
    "items": _obj(
        {"from": DATE, "to": DATE_OR_NULL, "holder": TEXT},
        {"basis": {"type": ["string", "null"]}, "event_id": {"anyOf": [ID, {"type": "null"}]}},
    ),
}
ACCOUNTS = {
    "type": "array",
    "items": _obj({"topic": TEXT, "perspective": TEXT, "text": TEXT, "sources": KEYS}),
}
FEATURE_HISTORY = _obj(
    {"narrative_en": TEXT, "timeline": TIMELINE},
    {"holders": HOLDERS, "accounts": ACCOUNTS, "sources": KEYS},
)
FEATURES_FILE = _obj(
    {
        "sections": {"type": "object", "additionalProperties": FEATURE_HISTORY},
        "areas": {"type": "object", "additionalProperties": FEATURE_HISTORY},
    }
)

GAZETTEER_FILE = _obj(
    {
        "entries": {
            "type": "array",
            "items": _obj(
                {"id": ID, "type": TEXT, **NAMES},
                {
                    "feature_id": {"anyOf": [ID, {"type": "null"}]},
                    "name_zh_pinyin": {"type": ["string", "null"]},
                    "name_ru_latn": {"type": ["string", "null"]},
                    "alt_names": {"type": "array", "items": {"type": "string"}},
                },
            ),
        }
    }
)

BIBLIOGRAPHY_ITEM = _obj({"id": TEXT, "type": TEXT, "title": TEXT}, {"URL": {"type": "string"}})
BIBLIOGRAPHY_FILE = {
    "type": "array",
    "minItems": 1,
    "items": BIBLIOGRAPHY_ITEM,
}

# Which property fields hold dates, for each layer or record kind (checked beyond the regex).
DATE_FIELDS: dict[str, tuple[str, ...]] = {
    "zone_lines": ("valid_from", "valid_to"),
    "places": ("date",),
    "crossings": ("opened", "closed"),
    "zones": ("change_date",),
    "versions": ("date",),
    "events": ("date", "end_date"),
    "timeline": ("from", "to"),
}

SHA1 = {"type": "string", "pattern": r"^[0-9a-f]{40}$"}
TRANSLATION_FILE = _obj(
    {
        "lang": {"type": "string", "pattern": r"^[a-z]{2}$"},
        "kind": {"const": "translation"},
        "translator": TEXT,
        "entries": {
            "type": "object",
            "additionalProperties": _obj({"text": {"type": "string"}, "en_sha1": SHA1}),
        },
    }
)
