"""What the map frame's history panel shows in an AppTest: the static file it would fetch."""

from __future__ import annotations

import json
import re

from borderatlas import config

OPTIONS = re.compile(r"BorderAtlas\.historyPanel\([^,]+, (\{.*?\})\);", re.S)


def panel_options(at) -> dict:
    """The history panel's options in the page's map (the first map component)."""
    maps = [c for c in at.get("component_instance")
            if c.proto.component_name == "streamlit_folium.st_folium"]
    assert maps, "no map on the page"
    args = json.loads(maps[0].proto.json_args)
    found = OPTIONS.search(str(args.get("script") or ""))
    assert found, "the map has no history panel"
    return json.loads(found.group(1))


def shown_panel(at) -> str | None:
    """The panel HTML the frame shows for the URL's ``feature`` (None when nothing is chosen)."""
    feature = at.query_params.get("feature")
    feature = feature[-1] if isinstance(feature, list) else feature
    if not feature:
        return None
    prefix = panel_options(at)["prefix"]
    ftype, _, fid = feature.partition(":")
    folder = prefix.rsplit("/", 1)[-1]
    path = config.app_dir() / "static" / "vendor" / folder / ftype / f"{fid}.html"
    assert path.is_file(), f"no panel file {path} for {feature}"
    return path.read_text(encoding="utf-8")
