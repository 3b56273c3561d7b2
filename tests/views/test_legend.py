"""Legend samples are HTML and CSS: st.html's sanitiser (DOMPurify) drops SVG."""

from __future__ import annotations

import re

from borderatlas.style import CLAIM_COLOURS, STATUS_COLOURS, STATUS_DASH, crossing_style
from borderatlas.views import legend


def _samples(html: str) -> list[str]:
    return re.findall(r'<span class="ba-swatch" style="([^"]+)"></span>', html)


def test_every_legend_draws_its_samples_without_svg():
    pages = [legend.legend_html(1991), legend.claims_legend_html(),
             legend.security_legend_html(2000),
             legend.compare_legend_html("1991", "2008", ("#111111", "#222222", "#333333"),
                                        ("6 6", None))]
    for html in pages:
        assert "<svg" not in html
        assert _samples(html) and len(_samples(html)) == html.count("<li>")


def test_each_status_keeps_its_colour_and_exact_dash_pattern():
    samples = _samples(legend.legend_html())
    assert len(samples) == len(STATUS_COLOURS)
    for style, key in zip(samples, STATUS_COLOURS, strict=True):
        colour, dash = STATUS_COLOURS[key], STATUS_DASH.get(key)
        assert colour in style
        if dash:
            first = float(dash.replace(",", " ").split()[0])
            assert f"{colour} 0px {first:g}px" in style and "repeating-linear-gradient" in style
        else:
            assert f"background:{colour}" in style


def test_dash_patterns_follow_svg_rules():
    assert legend._dashes("red", "2") == (
        "background:repeating-linear-gradient(to right,red 0px 2px,transparent 2px 4px)")
    assert legend._dashes("red", "6 3 1 3").count("px,") == 3  # four stops
    assert legend._dashes("red", None) == "background:red"


def test_dots_and_bands_show_their_colours():
    html = legend.security_legend_html(2000)
    assert crossing_style(True)["fillColor"] in html and crossing_style(False)["color"] in html
    assert "color-mix(in srgb" in html and "dashed" in html
    assert CLAIM_COLOURS["CHN"] in legend.claims_legend_html()


def test_hostile_colours_cannot_break_out_of_the_style():
    html = legend.compare_legend_html("a", "b", ('red" onmouseover="x', "#222", "#333"), (None, None))
    assert 'onmouseover="x' not in html and "&quot;" in html
