"""Which layers each page's map gets, at what detail."""

from __future__ import annotations

import re
from pathlib import Path

import folium
import pytest

from borderatlas.data.loader import load_atlas
from borderatlas.map import compose

GEODATA = Path(__file__).resolve().parents[2] / "geodata"


@pytest.fixture(scope="module")
def real_atlas():
    return load_atlas(GEODATA)


def _numbers(group: folium.FeatureGroup) -> int:
    m = folium.Map(tiles=None)
    group.add_to(m)
    return len(re.findall(r"\[-?\d+\.\d+, -?\d+\.\d+\]", m.get_root().render()))


def test_areas_are_sent_simplified_but_never_coarser_than_asked(real_atlas):
    assert compose.area_detail(0.004) == compose.AREA_DETAIL
    assert compose.area_detail(0.0) == 0.0  # full detail stays full
    full = compose.border_map_groups(real_atlas, {"areas"}, 2024, 0.0)[-1]
    web = compose.border_map_groups(real_atlas, {"areas"}, 2024, 0.004)[-1]
    assert full.layer_name == web.layer_name == "Disputed and transferred areas"
    n_full, n_web = _numbers(full), _numbers(web)
    assert 0 < n_web < n_full / 2, (n_web, n_full)
