"""Browser behaviour of the map as folium elements: each loads its own ``static/*.js`` file.

One element per behaviour, in the manner of folium's plugins: the JavaScript lives in a real
file under ``borderatlas/map/static/`` (checked by ``node --check`` in CI), served locally by
:mod:`borderatlas.map.assets`, and linked through :class:`folium.elements.JSCSSMixin`; the
element's template only calls the function that file defines, with JSON options.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.folium import Map
from folium.utilities import get_obj_in_upper_tree
from jinja2 import Template

from borderatlas.map.assets import local_js, own_js_url
from borderatlas.style import HIGHLIGHT, OSM_TILES_ATTRIBUTION, OSM_TILES_URL


def _call(function: str, *args: str) -> Template:
    """A template that calls ``BorderAtlas.<function>(map, <args as JSON>)``."""
    extra = "".join(f", {{{{ this.{a}|tojson }}}}" for a in args)
    return Template(
        "{% macro script(this, kwargs) %}"
        f"BorderAtlas.{function}({{{{ this._parent.get_name() }}}}{extra});"
        "{% endmacro %}"
    )


class _OwnScript(JSCSSMixin, MacroElement):
    """An element whose behaviour is one of our static JavaScript files (``script``).

    The browser loads it within the bundle of Leaflet and all our scripts (``assets.bundle``):
    every element names that same link, so a map makes one script request, not one per file.
    """

    script = ""

    def __init__(self, base_url_path: str = "") -> None:
        super().__init__()
        self._name = type(self).__name__
        self.default_js = local_js(base_url_path)


class LayerData(_OwnScript):
    """A data layer of a FeatureGroup whose GeoJSON the browser fetches by URL, or is given inline.

    ``document``: a FeatureCollection whose features carry ``properties.style`` (with their CSS
    class) and an escaped ``properties.tip``. Until :attr:`url` is set (``ui.cache.layer_url``
    writes the file) the document is inlined, as a standalone map file needs. The options say
    how the layer draws: ``pane``, ``interactive``, ``highlight`` (a style on hover), ``circle``
    (Point features as circle markers) and ``name``/``errorLabel`` for a file that fails to load.
    """

    script = "layer-data"
    _template = Template(
        "{% macro script(this, kwargs) %}"
        "var {{ this.get_name() }} = BorderAtlas.layerData({{ this.map_name }}, "
        "{{ this._parent.get_name() }}, {{ (this.url or this.document)|tojson }}, "
        "{{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, document: dict[str, Any], name: str, *, interactive: bool = True,
                 highlight: dict[str, Any] | None = None, circle: dict[str, Any] | None = None,
                 pane: str | None = None, error_label: str = "This layer could not be loaded",
                 base_url_path: str = "") -> None:
        super().__init__(base_url_path)
        self._name = "LayerData"
        self.document = document
        self.url: str | None = None
        self.map_name = "map"
        self.options: dict[str, Any] = {"name": name, "interactive": interactive,
                                        "highlight": highlight, "circle": circle or {},
                                        "pane": pane, "errorLabel": error_label}

    def render(self, **kwargs: Any) -> Any:
        """Name the map the layer reports to (its feature group is not on it yet)."""
        self.map_name = get_obj_in_upper_tree(self, Map).get_name()
        return super().render(**kwargs)


def data_layers(elements: Iterable[Element]) -> Iterator[LayerData]:
    """Every :class:`LayerData` in these elements and below them (to publish or inline them)."""
    for element in elements:
        if isinstance(element, LayerData):
            yield element
        yield from data_layers(element._children.values())


class FetchedBasemap(_OwnScript):
    """Basemap fetched by the browser from a static URL: cached there, never in a rerun's payload.

    ``url`` may also be the GeoJSON document itself (a standalone map file has no server).
    """

    script = "fetched-basemap"
    _template = _call("fetchedBasemap", "url")

    def __init__(self, url: str | dict[str, Any], base_url_path: str = "") -> None:
        super().__init__(base_url_path)
        self.url = url


class AutoBasemap(_OwnScript):
    """OpenStreetMap tiles when the browser can load them, else the bundled vector basemap.

    The browser decides (``static/basemap-auto.js``): a tile error, no tile within
    ``timeout_ms`` or ``navigator.onLine === false`` removes the tiles and draws ``vector``
    (a URL, as :class:`FetchedBasemap`, or the GeoJSON document itself).
    """

    script = "basemap-auto"
    _template = _call("autoBasemap", "options")
    LABELS: ClassVar[dict[str, str]] = {
        "prefix": "Basemap: ", "tiles": "OpenStreetMap tiles", "vector": "bundled vector",
        "pending": "loading OpenStreetMap tiles…", "unavailable": "tiles unavailable",
        "offline": "offline"}

    def __init__(self, vector: str | dict[str, Any], timeout_ms: int = 4000,
                 base_url_path: str = "", labels: Mapping[str, str] | None = None) -> None:
        """``labels``: the note's words in the reader's language (keys of ``LABELS``)."""
        super().__init__(base_url_path)  # the vector fallback is drawn by fetched-basemap.js
        self.options = {
            "tiles": {"url": OSM_TILES_URL,
                      "options": {"attribution": OSM_TILES_ATTRIBUTION, "maxZoom": 19}},
            "vector": vector, "timeoutMs": int(timeout_ms),
            "labels": {**self.LABELS, **{k: v for k, v in (labels or {}).items()
                                         if k in self.LABELS}}}


class SelectionHalo(_OwnScript):
    """Halo the selected feature in the browser, so selecting one re-sends no map layers."""

    script = "selection-halo"
    _template = _call("selectionHalo", "options")

    def __init__(self, kinds: Iterable[str] = ("section", "area", "place"), poll_ms: int = 150,
                 base_url_path: str = "") -> None:
        super().__init__(base_url_path)
        self.options: dict[str, Any] = {
            "kinds": list(kinds),
            "style": {**HIGHLIGHT, "fillOpacity": 0.1, "className": "ba-halo"},
            "pollMs": int(poll_ms),
        }


class HistoryPanel(_OwnScript):
    """A clicked feature's history inside the map frame, fetched as a static file: no rerun waited for.

    ``prefix``: URL of the folder of panel files ``<type>/<id>.html`` (``ui.cache.panel_prefix``).
    ``keys``: the values the map component returns, so a close can be reported like a click.
    """

    script = "history-panel"
    _template = _call("historyPanel", "options")

    def __init__(self, prefix: str, lang: str, keys: Iterable[str], clear_marker: str, *,
                 close_label: str = "Close the history", error_label: str = "History not available",
                 kinds: Iterable[str] = ("section", "area", "place"), poll_ms: int = 150,
                 base_url_path: str = "") -> None:
        super().__init__(base_url_path)
        self.default_css = [("ba_history_panel_css", own_js_url(base_url_path, "history-panel.css"))]
        self.options: dict[str, Any] = {
            "prefix": prefix, "lang": lang, "keys": sorted(keys), "clearMarker": clear_marker,
            "closeLabel": close_label, "errorLabel": error_label, "kinds": list(kinds),
            "pollMs": int(poll_ms),
        }


class ImmediateClick(_OwnScript):
    """Report a click to Streamlit at once instead of after st_folium's 250 ms debounce."""

    script = "immediate-click"
    _template = _call("immediateClick", "keys")

    def __init__(self, keys: Iterable[str], base_url_path: str = "") -> None:
        super().__init__(base_url_path)
        self.keys = sorted(keys)  # compared with the component's, sorted in the browser


class FocusWithoutScroll(_OwnScript):
    """Let Leaflet take keyboard focus on a click without scrolling the page around the map."""

    script = "focus-without-scroll"
    _template = _call("focusWithoutScroll")


class Attribution(MacroElement):
    """Adds a data attribution to the map's attribution control (no tiles needed)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = text


class Swipe(_OwnScript):
    """One map, date A left and date B right of a draggable divider (each in its own pane)."""

    script = "swipe"
    _template = _call("swipe", "options")
    PANE_A, PANE_B = "baSwipeA", "baSwipeB"

    def __init__(self, label_a: str, label_b: str, ratio: float = 0.5,
                 base_url_path: str = "") -> None:
        super().__init__(base_url_path)
        self.options = {"paneA": self.PANE_A, "paneB": self.PANE_B, "labelA": label_a,
                        "labelB": label_b, "ratio": float(ratio)}


class SideBySide(_OwnScript):
    """Two maps side by side moving together: layers in ``PANE`` are drawn in the right one."""

    script = "side-by-side"
    _template = _call("sideBySide", "options")
    PANE = "baSideB"

    def __init__(self, label_a: str, label_b: str, basemap_url: str | dict[str, Any] | None = None,
                 attribution: str = "", base_url_path: str = "") -> None:
        super().__init__(base_url_path)
        self.options = {"pane": self.PANE, "labelA": label_a, "labelB": label_b,
                        "basemapUrl": basemap_url, "attribution": attribution}


class _Control(_OwnScript):
    script = "map-controls"


class _LabelledControl(_Control):
    """A control whose visible words come from Python (translated there), as JSON options."""

    def __init__(self, base_url_path: str = "", **labels: str) -> None:
        super().__init__(base_url_path)
        self.options = {k: v for k, v in labels.items() if v}


class Fullscreen(_LabelledControl):
    """A button that enlarges the map to the whole browser window (Esc leaves); ``title``."""

    _template = _call("fullscreen", "options")


class MousePosition(_Control):
    """The pointer's latitude and longitude, bottom left."""

    _template = _call("mousePosition")


class Measure(_LabelledControl):
    """Click points to measure a great-circle distance (toggle button).

    Labels: ``title``, ``prompt``, ``distance`` (with ``{km}``) and ``lang`` for the number.
    """

    _template = _call("measure", "options")


class LegendControl(_Control):
    """The legend as a control on the map; ``html`` must be escaped (``views.legend``)."""

    _template = _call("legend", "options")

    def __init__(self, html: str, position: str = "bottomright", base_url_path: str = "") -> None:
        super().__init__(base_url_path)
        self._name = "LegendControl"
        self.options = {"html": html, "position": position}
