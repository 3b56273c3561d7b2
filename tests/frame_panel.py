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


LAYER_URL = re.compile(r'"(?:/[^"/]+)*/app/static/vendor/(layers/[0-9a-f]+\.geojson)"')


def map_text(at) -> str:
    """Everything the page's map frames draw: the components' arguments and the layer files
    they fetch (``elements.LayerData``), as text. A named file that is missing fails the test."""
    parts = [c.proto.json_args for c in at.get("component_instance")]
    vendor = config.app_dir() / "static" / "vendor"
    for args in list(parts):
        for rel in LAYER_URL.findall(args.replace('\\"', '"')):
            path = vendor / rel
            assert path.is_file(), f"the map names a layer file that is not there: {path}"
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)
