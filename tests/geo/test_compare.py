"""Version comparison on a synthetic boundary."""

import pytest
from shapely.geometry import LineString

from borderatlas.geo.compare import changes_between, net_to_china_km2
from borderatlas.geo.lines import LineSet


@pytest.fixture
def toy() -> LineSet:
    present = LineString([(120.0, 50.0), (124.0, 50.0), (125.0, 50.0), (126.0, 50.0), (130.0, 50.0)])
    old = LineString([(124.0, 50.0), (125.0, 49.8), (126.0, 50.0)])
    zone = {"id": "z", "section_id": "s", "change_date": "2008-10-14", "junctions": [[124.0, 50.0], [126.0, 50.0]],
            "agreement": "toy agreement", "sources": ["k"]}
    versions = {"1991": {"id": "1991", "date": "1991-05-16"}, "2008": {"id": "2008", "date": "2008-10-14"}, "present": {"id": "present", "date": "2011-09-20"}}
    return LineSet({"s": present}, {"s": "CHN-RUS-E"}, {"s": 1}, {"z": zone}, {"z": old}, versions)


def test_change_listed_between_1991_and_2008(toy: LineSet) -> None:
    (c,) = changes_between(toy, "1991", "2008")
    assert c.zone_id == "z" and c.direction == "to_CHN" and c.sources == ("k",)
    assert c.area_km2 == pytest.approx(0.5 * 2 * 0.2 * 111.2 * 71.6, rel=0.05)
    assert net_to_china_km2([c]) == c.area_km2


def test_order_of_arguments_does_not_matter(toy: LineSet) -> None:
    assert [c.zone_id for c in changes_between(toy, "2008", "1991")] == ["z"]


def test_nothing_changes_after_the_handover(toy: LineSet) -> None:
    assert changes_between(toy, "2008", "present") == []
