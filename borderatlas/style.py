"""One home for colours and line styles: Okabe–Ito (colour-blind safe), dashes so status reads without colour."""

from __future__ import annotations

from typing import Any

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
VERSION_STYLES: list[dict[str, Any]] = [
    {"color": OKABE_ITO["orange"], "dashArray": "10 6", "weight": 5},
    {"color": OKABE_ITO["blue"], "dashArray": None, "weight": 3},
]
CLAIM_COLOURS = {"CHN": OKABE_ITO["vermillion"], "SUN": OKABE_ITO["blue"],
                 "RUS": OKABE_ITO["blue"], None: OKABE_ITO["purple"]}
HIGHLIGHT = {"color": OKABE_ITO["black"], "weight": 9, "opacity": 0.55}
LAND_STYLE: dict[str, Any] = {"color": "#bbbbbb", "weight": 0.6, "fillColor": "#f4f1ea", "fillOpacity": 1}
WATER_STYLE: dict[str, Any] = {"color": "#9cc3e6", "weight": 1, "fillColor": "#cfe3f5", "fillOpacity": 1}
# the named border rivers at zoom: a little stronger than the overview water so channels read
RIVER_STYLE: dict[str, Any] = {"color": "#5b9bd5", "weight": 2, "opacity": 0.9}
RIVER_WATER_STYLE: dict[str, Any] = {"color": "#7fb2e0", "weight": 0.8, "fillColor": "#bcd8f2", "fillOpacity": 1}
PLACE_COLOURS = {"tripoint": OKABE_ITO["black"], "split_point": OKABE_ITO["grey"],
                 "clash_site": OKABE_ITO["vermillion"], "crossing": OKABE_ITO["green"],
                 "city": OKABE_ITO["purple"]}
DIFFERENCE_COLOUR = OKABE_ITO["purple"]
OLD_LINE_STYLE: dict[str, Any] = {"color": "#555555", "weight": 3, "dashArray": "2 5", "opacity": 0.9}
OSM_ATTRIBUTION = "© OpenStreetMap contributors, ODbL"
# the tiles of tile.openstreetmap.org (basemap "osm"/"auto"), credited as OSM asks, with a link
OSM_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_TILES_ATTRIBUTION = ('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap'
                         "</a> contributors")
OVERLAY_STYLE: dict[str, Any] = {"color": "#CC00CC", "weight": 4, "dashArray": "4 4", "opacity": 0.95}


def section_style(status: str | None) -> dict[str, Any]:
    """A section drawn by its status: colour and dash (so it also reads without colour)."""
    return {"color": STATUS_COLOURS.get(status, STATUS_COLOURS[None]), "weight": 4,
            "opacity": 0.95, "dashArray": STATUS_DASH.get(status)}


def zone_line_style(kind: str | None, claimant: str | None) -> dict[str, Any]:
    """A claim line dashed in its claimant's colour; an old line dotted grey."""
    if kind == "claim":
        return {"color": CLAIM_COLOURS.get(claimant, CLAIM_COLOURS[None]), "weight": 3,
                "dashArray": "6 6", "opacity": 0.9}
    return dict(OLD_LINE_STYLE)


def area_style(holder: str | None) -> dict[str, Any]:
    """An area filled in its holder's colour."""
    colour = HOLDER_COLOURS.get(holder, HOLDER_COLOURS[None])
    return {"color": colour, "fillColor": colour, "weight": 2, "fillOpacity": 0.45}


def place_style(kind: str | None) -> dict[str, Any]:
    """A place as a small white-rimmed circle in its kind's colour."""
    return {"color": "#ffffff", "fillColor": PLACE_COLOURS.get(str(kind), OKABE_ITO["grey"]),
            "weight": 1, "radius": 5, "fillOpacity": 0.95}

SECURITY_ZONE_STYLE: dict[str, Any] = {"color": OKABE_ITO["green"], "weight": 1, "dashArray": "4 4",
                                       "fillColor": OKABE_ITO["green"], "fillOpacity": 0.08}


def crossing_style(is_open: bool) -> dict[str, Any]:
    """A crossing: green when open in the chosen year, hollow grey when not (or not yet)."""
    return {"color": "#ffffff" if is_open else OKABE_ITO["grey"], "weight": 1.5, "radius": 6,
            "fillColor": OKABE_ITO["green"] if is_open else "#ffffff", "fillOpacity": 0.95}
