"""Compose the boundary line for a date/version and tell which side of it a point lies on."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polygonize, unary_union

from borderatlas.dates import PRESENT, neighbour, norm_date

if TYPE_CHECKING:
    from borderatlas.data.loader import Atlas


# China lies to the right of the east chain (Argun -> Tumen) and to the left of the west chain
# (Altai -> Pamir). Each chain is closed into a polygon by points deep inside China.
CHAIN_CLOSURE: dict[str, list[tuple[float, float]]] = {
    "east": [(128.0, 30.0), (105.0, 30.0), (105.0, 49.845663)],
    "west": [(75.5, 30.0), (100.0, 30.0), (100.0, 49.0)],
}


def chain_of(pair: str) -> str:
    """East chain for CHN-RUS-E, west chain for every Central Asian / Altai pair."""
    return "east" if pair == "CHN-RUS-E" else "west"


def _splice(coords: list[tuple[float, float]], ja: tuple[float, float], jb: tuple[float, float],
            piece: list[tuple[float, float]]) -> list[tuple[float, float]]:
    i, j = coords.index(ja), coords.index(jb)
    if i > j:
        raise ValueError("junctions out of order on the section")
    return coords[:i] + list(piece) + coords[j + 1 :]


@dataclass
class LineSet:
    """Present sections + zones + old-line pieces: everything needed to compose any version."""

    sections: dict[str, LineString]
    section_pairs: dict[str, str]
    section_order: dict[str, int]
    zones: dict[str, dict[str, Any]]
    old_pieces: dict[str, LineString]
    versions: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_atlas(cls, atlas: Atlas) -> LineSet:
        """Build from an already loaded and validated Atlas (the app's path: no second read)."""
        sections = atlas.sections
        old = atlas.zone_lines[atlas.zone_lines["kind"] == "old"] if len(atlas.zone_lines) else atlas.zone_lines
        return cls(
            sections=dict(zip(sections["id"], sections.geometry, strict=True)),
            section_pairs=dict(zip(sections["id"], sections["pair"], strict=True)),
            section_order={k: int(v) for k, v in zip(sections["id"], sections["order"], strict=True)},
            zones={k: z for k, z in atlas.zones.items() if z["section_id"] in set(sections["id"])},
            old_pieces=dict(zip(old["zone_id"], old.geometry, strict=True)),
            versions=dict(atlas.versions),
        )

    def date_of(self, when: str) -> str:
        """A version id ('1991', 'present', ...) or an ISO date -> padded ISO date."""
        if when in self.versions:
            return norm_date(self.versions[when]["date"]) if when != "present" else PRESENT
        return norm_date(when)

    def pending_zones(self, when: str) -> list[str]:
        """Zones whose change happened after `when` (their old line applies then)."""
        d = self.date_of(when)
        return sorted(z for z, rec in self.zones.items() if norm_date(rec["change_date"]) > d and z in self.old_pieces)

    def section_line(self, section_id: str, when: str = "present") -> LineString:
        """The section's line at a date: present geometry with pending zones' old pieces spliced in."""
        coords = [tuple(c) for c in self.sections[section_id].coords]
        pending = [z for z in self.pending_zones(when) if self.zones[z]["section_id"] == section_id]
        pending.sort(key=lambda z: -coords.index(tuple(self.zones[z]["junctions"][0])))
        for z in pending:
            ja, jb = (tuple(p) for p in self.zones[z]["junctions"])
            coords = _splice(coords, ja, jb, [tuple(c) for c in self.old_pieces[z].coords])
        return LineString(coords)

    def lines_at(self, when: str = "present") -> dict[str, LineString]:
        """Every section's line at a date (shared geometry: untouched sections are the same objects)."""
        pending_secs = {self.zones[z]["section_id"] for z in self.pending_zones(when)}
        return {s: (self.section_line(s, when) if s in pending_secs else g) for s, g in self.sections.items()}

    def chain_line(self, chain: str, when: str = "present") -> LineString:
        """All sections of one chain joined end to end in chain order."""
        lines = self.lines_at(when)
        ids = sorted((s for s in lines if chain_of(self.section_pairs[s]) == chain), key=self.section_order.__getitem__)
        coords: list[tuple[float, float]] = []
        for s in ids:
            c = [tuple(x) for x in lines[s].coords]
            coords.extend(c if not coords else c[1:])
        return LineString(coords)

    def china_side(self, chain: str, when: str = "present") -> BaseGeometry:
        """Polygon covering China's side of one chain at a date (chain closed through inner China)."""
        key = (chain, tuple(self.pending_zones(when)))
        cache = self.__dict__.setdefault("_side_cache", {})
        if key not in cache:
            line = self.chain_line(chain, when)
            ring = list(line.coords) + CHAIN_CLOSURE[chain]
            cache[key] = shapely.make_valid(Polygon(ring))
        return cache[key]

    @cached_property
    def _chain_present(self) -> dict[str, LineString]:
        return {c: self.chain_line(c) for c in CHAIN_CLOSURE}

    def nearest_section(self, point: Point) -> str:
        """Id of the present section nearest to a point (decides the neighbour country)."""
        return min(self.sections, key=lambda s: self.sections[s].distance(point))

    def side_of_line(self, point: Point | tuple[float, float], when: str = "present") -> str:
        """'CHN' if the point is on China's side of the line at that date, else 'other'."""
        p = point if isinstance(point, Point) else Point(point)
        chain = min(self._chain_present, key=lambda c: self._chain_present[c].distance(p))
        return "CHN" if self.china_side(chain, when).covers(p) else "other"

    def holder_at(self, point: Point | tuple[float, float], when: str = "present") -> str:
        """Country holding a point near the line at a date: CHN, or the neighbour (SUN before 26 Dec 1991)."""
        p = point if isinstance(point, Point) else Point(point)
        if self.side_of_line(p, when) == "CHN":
            return "CHN"
        return neighbour(self.section_pairs[self.nearest_section(p)], self.date_of(when))

    def zone_pieces(self, zone_id: str) -> tuple[LineString, LineString]:
        """(present piece, old piece) of a zone, both running from junction A to junction B."""
        z = self.zones[zone_id]
        coords = [tuple(c) for c in self.sections[z["section_id"]].coords]
        ja, jb = (tuple(p) for p in z["junctions"])
        present = LineString(coords[coords.index(ja) : coords.index(jb) + 1])
        return present, self.old_pieces[zone_id]

    def transfer_polygons(self, zone_id: str, min_km2: float = 0.05) -> list[tuple[BaseGeometry, str]]:
        """Polygons between the old and present lines of a zone, each with 'to_CHN' or 'from_CHN'."""
        from borderatlas.geodesy import area_km2

        present, old = self.zone_pieces(zone_id)
        polys = list(polygonize(unary_union([present, old])))
        chain = chain_of(self.section_pairs[self.zones[zone_id]["section_id"]])
        side = self.china_side(chain, "present")
        out: list[tuple[BaseGeometry, str]] = []
        groups: dict[str, list[BaseGeometry]] = {"to_CHN": [], "from_CHN": []}
        for poly in polys:
            if area_km2(poly) < min_km2:
                continue
            direction = "to_CHN" if side.covers(poly.representative_point()) else "from_CHN"
            groups[direction].append(poly)
        for direction in ("to_CHN", "from_CHN"):
            if groups[direction]:
                out.append((unary_union(groups[direction]), direction))
        return out
