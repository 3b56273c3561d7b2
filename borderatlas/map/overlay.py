"""A reader's uploaded overlay as a folium layer: dashed magenta, names through the escaped tooltip."""

from __future__ import annotations

import folium
import geopandas as gpd

from borderatlas.geo.overlay import Overlay
from borderatlas.style import OVERLAY_STYLE
from borderatlas.views.features import to_features
from borderatlas.views.messages import tr


def overlay_layer(overlay: Overlay, name: str | None = None,
                  lang: str = "en") -> folium.FeatureGroup:
    """The uploaded features as a dashed magenta layer; their names go through the escaped tooltip."""
    name = name or tr(lang, "Your overlay")
    frame = gpd.GeoDataFrame(
        {"id": [f"overlay-{i}" for i in overlay.frame["index"]],
         "name_en": [str(x) for x in overlay.frame["label"]]},
        geometry=list(overlay.frame.geometry), crs="EPSG:4326")
    feats = to_features(frame, "overlay", tip_lines=lambda _row: [overlay.name])
    group = folium.FeatureGroup(name=name)
    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": feats},
        style_function=lambda f: {**OVERLAY_STYLE,
                                  "className": f"ba-overlay ba-id-{f['properties']['id']}"},
        marker=folium.CircleMarker(radius=5, fill=True, fill_opacity=0.9),
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
    )
    layer.add_to(group)
    return group
