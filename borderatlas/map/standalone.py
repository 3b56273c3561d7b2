"""One page's map as a standalone HTML file: Leaflet, our scripts and the data inlined, no CDN.

The file opens from disk with no server and no network. Its basemap is the page's: with
"auto" (the default) the browser shows OpenStreetMap tiles when it is online and otherwise the
bundled vector basemap, which is inlined; "vector" inlines the vector basemap only.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import folium
from folium.elements import ElementAddToElement
from folium.map import FitBounds

from borderatlas.map import elements, layers
from borderatlas.map.assets import STATIC_URL_PREFIX, VENDOR_SUBDIR, served_text, vendor_files

# the data's licences and sources (geodata/SOURCES.md), shown under the map in the file
CREDITS = (
    'Boundary sections, transfer areas and derived places: © OpenStreetMap contributors, '
    '<a href="https://opendatacommons.org/licenses/odbl/1-0/">Open Database Licence (ODbL 1.0)</a>.',
    "Older lines: Digital Chart of the World (public domain). Basemap: Natural Earth (public "
    "domain), WDB II rivers (public domain), GSHHG lakes (LGPL-3). Map tiles, when shown: "
    '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors.',
    "Made with Border Atlas; the sources of every feature and event are on its "
    "“Sources &amp; data” page.",
)
_STYLE = (
    "<style>body{display:flex;flex-direction:column;font:14px sans-serif}"
    ".ba-standalone-head,.ba-standalone-foot{padding:4px 12px;flex:none}"
    ".ba-standalone-head h1{font-size:18px;margin:4px 0}"
    ".ba-standalone-foot{font-size:12px;color:#444}.ba-standalone-foot p{margin:2px 0}"
    ".folium-map{flex:1 1 auto;height:auto!important;min-height:0}</style>"
)
_LINKED = re.compile(r'<script src="(/[^"]+)"></script>|<link rel="stylesheet" href="(/[^"]+)"/>')


def _find(m: folium.Map, *kinds: type) -> list[Any]:
    """The map's children of the given element types, in order."""
    return [c for c in m._children.values() if isinstance(c, kinds)]


def _basemap_mode(m: folium.Map) -> str:
    """The page map's basemap: auto, vector, osm (a tile layer) or none."""
    if _find(m, elements.AutoBasemap):
        return "auto"
    if _find(m, elements.FetchedBasemap):
        return "vector"
    return "osm" if _find(m, folium.TileLayer) else "none"


def _forget_add_to(element: Any) -> None:
    """Drop the ``addTo`` statements an earlier render left in an element tree.

    folium's ``Layer.render`` adds one per render, keyed by the layer's name; st_folium renames
    the layers it draws, so the old statements would name layers that no longer exist. The next
    render adds the right ones.
    """
    for name, child in list(element._children.items()):
        if isinstance(child, ElementAddToElement):
            del element._children[name]
        else:
            _forget_add_to(child)


def _data_uri(path: Path) -> str:
    """A small image as a data: URI (Leaflet's CSS names its control icons)."""
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _inline(page: str) -> str:
    """Replace every locally served script and stylesheet by its content."""
    prefix = "/" + "/".join((STATIC_URL_PREFIX, VENDOR_SUBDIR)) + "/"
    files = {prefix + f.relative: f.source for f in vendor_files()}

    def content(match: re.Match[str]) -> str:
        url = match.group(1) or match.group(2)
        text = served_text(url[len(prefix):]) if url.startswith(prefix) else None
        if text is None:
            raise ValueError(f"standalone map: no local file for {url}")
        if match.group(1):
            return "<script>" + text.replace("</script", "<\\/script") + "</script>"
        images = files[url].parent / "images"
        text = re.sub(r"url\(images/([\w.-]+\.png)\)",
                      lambda i: f"url({_data_uri(images / i.group(1))})"
                      if (images / i.group(1)).is_file() else i.group(0), text)
        return "<style>" + text + "</style>"

    return _LINKED.sub(content, page)


def standalone_html(m: folium.Map, groups: Sequence[folium.FeatureGroup], title: str,
                    basemap_doc: dict[str, Any] | None, legend_html: str | None = None,
                    link: str | None = None, credits: Sequence[str] = CREDITS) -> str:
    """The page map ``m`` with its layers ``groups`` as one self-contained HTML document.

    Parameters
    ----------
    m
        The page's base map (``ui.base_map``): its basemap, legend, swipe or side by side and
        opening view are carried over; app-only behaviour (click reporting, halo) is not.
    groups
        The feature groups the page passes to ``ui.show_map``.
    title
        Plain text (escaped here), shown above the map and as the document's title.
    basemap_doc
        The bundled vector basemap (``views.features.basemap_document``), inlined for
        "auto" and "vector".
    legend_html
        Escaped legend HTML (``views.legend``) when the page map has none of its own.
    link
        The view's address in the app, shown under the map.
    credits
        HTML lines of data attribution and licences, shown under the map.

    Returns
    -------
    str
        An HTML document with no ``<script src>`` or stylesheet link: nothing to fetch.
    """
    mode = _basemap_mode(m)
    zoom = m.options.get("zoom")
    out = layers.base_map(None, "", tiles="OpenStreetMap" if mode == "osm" else None,
                          center=(float(m.location[0]), float(m.location[1])),
                          zoom=int(zoom) if isinstance(zoom, (int, float)) else layers.DEFAULT_ZOOM)
    for fit in _find(m, FitBounds):
        copy = FitBounds(fit.bounds)
        copy.options.update(fit.options)
        copy.add_to(out)
    if mode == "auto" and basemap_doc is not None:  # the note in the reader's language, as shown
        labels = next((a.options["labels"] for a in _find(m, elements.AutoBasemap)), None)
        elements.AutoBasemap(basemap_doc, labels=labels).add_to(out)
    elif mode == "vector" and basemap_doc is not None:
        elements.FetchedBasemap(basemap_doc).add_to(out)
    for control in (elements.Fullscreen, elements.MousePosition, elements.Measure):
        control().add_to(out)
    legends = [c.options["html"] for c in _find(m, elements.LegendControl)] or (
        [legend_html] if legend_html else [])
    for legend in legends:
        elements.LegendControl(legend).add_to(out)
    for swipe in _find(m, elements.Swipe):
        elements.Swipe(swipe.options["labelA"], swipe.options["labelB"]).add_to(out)
    for side in _find(m, elements.SideBySide):
        elements.SideBySide(side.options["labelA"], side.options["labelB"],
                            basemap_url=basemap_doc if mode == "vector" else None,
                            attribution=side.options["attribution"]).add_to(out)
    for group in groups:
        _forget_add_to(group)
        group.add_to(out)
    root = out.get_root()
    root.header.add_child(folium.Element(f"<title>{html.escape(title)}</title>{_STYLE}"),  # type: ignore[attr-defined]
                          name="ba_standalone_head")
    root.html.add_child(folium.Element(  # type: ignore[attr-defined]
        f'<header class="ba-standalone-head"><h1>{html.escape(title)}</h1></header>'),
        name="ba_standalone_title")
    foot = "".join(f"<p>{line}</p>" for line in credits)
    if link:
        safe = html.escape(link)
        foot += f'<p>This view in Border Atlas: <a href="{safe}">{safe}</a></p>'
    published = [(layer, layer.url) for layer in elements.data_layers(groups)]
    try:  # the file has no server to fetch layers from: their features go inline
        for layer, _url in published:
            layer.url = None
        page = root.render().replace("</body>", f'<footer class="ba-standalone-foot">{foot}</footer></body>', 1)
    finally:
        for layer, url in published:
            layer.url = url
    return _inline(page)
