"""Content-text keys of ``geodata/`` and the checks on their Russian and Chinese catalogs.

A key names one English string: ``<file>/<id>/<field>`` with list indices, e.g.
``events/nerchinsk-1689/title_en`` or ``features/areas/zhenbao/accounts/0/text``. Each
catalog entry carries ``en_sha1``, the SHA-1 of the English it translated, so a changed
English text shows its translation as stale. Ids, dates, codes, source keys, numbers and
names that exist in all three languages already are not content text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from borderatlas.data import files as ref
from borderatlas.data.problems import Problem
from borderatlas.data.validate import read_json
from borderatlas.style import STATUS_LABELS

# the files content_keys reads, by their path in geodata/
CONTENT_FILES = (
    ref.EVENTS,
    ref.FEATURES,
    ref.VERSIONS,
    ref.AREAS,
    ref.ZONES,
    ref.ZONE_LINES,
    ref.SECTIONS,
    ref.PLACES,
)
# key prefix -> the file whose English it names
KEY_FILES = {
    "events": ref.EVENTS,
    "features": ref.FEATURES,
    "versions": ref.VERSIONS,
    "areas": ref.AREAS,
    "zones": ref.ZONES,
    "zone_lines": ref.ZONE_LINES,
    "sections": ref.SECTIONS,
    "places": ref.PLACES,
}
ZONE_FIELDS = ("agreement", "old_status", "old_source_note", "change_event_note", "note",
               "description")


class HasRoot(Protocol):
    """Anything loaded from a geodata folder, such as an ``Atlas``."""

    root: Path


def sha1(text: str) -> str:
    """Return the hex SHA-1 of a UTF-8 string, as stored in ``en_sha1``."""
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def status_key(status: str | None) -> str:
    """Return the key of a status label (``None`` is ``status/none``)."""
    return f"status/{status if status is not None else 'none'}"


def read_content(root: Path) -> dict[str, Any]:
    """Read the raw JSON of every content file; unreadable files are simply absent."""
    out = {}
    for rel in CONTENT_FILES:
        raw, problems = read_json(root / rel, rel)
        if not problems:
            out[rel] = raw
    return out


def _dicts(obj: Any, key: str) -> list[dict[str, Any]]:
    """Return the dicts in ``obj[key]``, tolerating any malformed shape."""
    items = obj.get(key) if isinstance(obj, dict) else None
    return [x for x in items if isinstance(x, dict)] if isinstance(items, list) else []


def _props(raw: Any) -> list[dict[str, Any]]:
    """Return the properties of each feature in a raw FeatureCollection."""
    props = (f.get("properties") for f in _dicts(raw, "features"))
    return [p for p in props if isinstance(p, dict)]


def _add(out: dict[str, str], key: str, text: Any) -> None:
    """Record one key if its value is a non-blank string."""
    if isinstance(text, str) and text.strip():
        out[key] = text


def content_keys(source: Mapping[str, Any] | HasRoot) -> dict[str, str]:
    """Map every content-text key to its English, from raw files by path or a loaded atlas."""
    raw = read_content(source.root) if hasattr(source, "root") else source
    assert isinstance(raw, Mapping)
    out: dict[str, str] = {}
    for ev in _dicts(raw.get(ref.EVENTS), "events"):
        base = f"events/{ev.get('id')}"
        for name in ("title_en", "summary_en", "outcome"):
            _add(out, f"{base}/{name}", ev.get(name))
        for i, who in enumerate(ev.get("participants") or []):
            _add(out, f"{base}/participants/{i}", who)
        for i, reading in enumerate(ev.get("readings") or []):
            _add(out, f"{base}/readings/{i}/text", (reading or {}).get("text"))
    features = raw.get(ref.FEATURES)
    for group in ("sections", "areas"):
        entries = features.get(group) if isinstance(features, dict) else None
        for fid, entry in (entries or {}).items():
            if not isinstance(entry, dict):
                continue
            base = f"features/{group}/{fid}"
            _add(out, f"{base}/narrative_en", entry.get("narrative_en"))
            for i, acc in enumerate(_dicts(entry, "accounts")):
                _add(out, f"{base}/accounts/{i}/topic", acc.get("topic"))
                _add(out, f"{base}/accounts/{i}/text", acc.get("text"))
            for i, holder in enumerate(_dicts(entry, "holders")):
                _add(out, f"{base}/holders/{i}/basis", holder.get("basis"))
    for version in _dicts(raw.get(ref.VERSIONS), "versions"):
        _add(out, f"versions/{version.get('id')}/description_en", version.get("description_en"))
    for p in _props(raw.get(ref.AREAS)):
        for name in ("area_note", "published_area_note", "geometry_method"):
            _add(out, f"areas/{p.get('id')}/{name}", p.get(name))
    zones = raw.get(ref.ZONES)
    if isinstance(zones, dict):
        _add(out, "zones/note", zones.get("note"))
    for omitted in _dicts(zones, "omitted"):
        _add(out, f"zones/omitted/{omitted.get('id')}/reason", omitted.get("reason"))
    for zone in _dicts(zones, "zones"):
        for name in ZONE_FIELDS:
            _add(out, f"zones/{zone.get('id')}/{name}", zone.get(name))
    for p in _props(raw.get(ref.ZONE_LINES)):
        _add(out, f"zone_lines/{p.get('id')}/name_en", p.get("name_en"))
        _add(out, f"zone_lines/{p.get('id')}/method", p.get("method"))
    for rel, prefix in ((ref.SECTIONS, "sections"), (ref.PLACES, "places")):
        for p in _props(raw.get(rel)):
            _add(out, f"{prefix}/{p.get('id')}/method", p.get("method"))
    for status, label in STATUS_LABELS.items():
        _add(out, status_key(status), label)
    return out


def key_location(key: str, lang: str) -> tuple[str, str | None, str | None]:
    """Name the (file, id, field) of the English a key points at, for a Problem."""
    head, _, rest = key.partition("/")
    if head == "status":
        return ref.TRANSLATIONS[lang][0], key, None
    parts = rest.split("/")
    if head == "features" and len(parts) >= 3:
        return ref.FEATURES, f"{parts[0]}/{parts[1]}", ".".join(parts[2:])
    if head == "zones" and len(parts) == 1:
        return ref.ZONES, None, parts[0]
    if head == "zones" and parts[0] == "omitted" and len(parts) >= 3:
        return ref.ZONES, parts[1], "omitted." + ".".join(parts[2:])
    return KEY_FILES.get(head, head), parts[0] or None, ".".join(parts[1:]) or None


def translation_problems(
    english: Mapping[str, str], catalogs: Mapping[str, Mapping[str, Mapping[str, Any]]]
) -> list[Problem]:
    """Report, per language, keys with no translation, stale translations and orphan entries."""
    out = []
    for lang in ref.TRANSLATIONS:
        entries = catalogs.get(lang, {})
        for key, text in english.items():
            entry = entries.get(key)
            file, fid, field = key_location(key, lang)
            translated = entry.get("text") if entry else None
            if not isinstance(translated, str) or not translated.strip():
                out.append(Problem(file, fid, field, f"no {lang} translation"))
            elif entry is not None and entry.get("en_sha1") != sha1(text):
                out.append(
                    Problem(file, fid, field, f"{lang} translation is stale: the English changed")
                )
        for key in entries:
            if key not in english:
                out.append(
                    Problem(ref.TRANSLATIONS[lang][0], key, None,
                            "translation of a key that no longer exists (orphan)")
                )
    return out
