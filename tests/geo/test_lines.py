"""Line composition and side-of-line on a tiny synthetic boundary."""

import pytest
from shapely.geometry import LineString, Point

from borderatlas.dates import norm_date
from borderatlas.geo.lines import LineSet


@pytest.fixture
def toy() -> LineSet:
    # East chain running west->east along 50N from 120E to 130E; China lies south (right-hand side).
    present = LineString([(120.0, 50.0), (124.0, 50.0), (125.0, 50.0), (126.0, 50.0), (130.0, 50.0)])
    old = LineString([(124.0, 50.0), (125.0, 49.8), (126.0, 50.0)])  # old line further south: China smaller
    zone = {"id": "z", "section_id": "s", "change_date": "2008-10-14", "junctions": [[124.0, 50.0], [126.0, 50.0]], "sources": []}
    versions = {"1991": {"id": "1991", "date": "1991-05-16"}, "2008": {"id": "2008", "date": "2008-10-14"}, "present": {"id": "present", "date": "2011-09-20"}}
    return LineSet({"s": present}, {"s": "CHN-RUS-E"}, {"s": 1}, {"z": zone}, {"z": old}, versions)


def test_norm_date() -> None:
    assert norm_date("1998-07") == "1998-07-01"
    assert norm_date("2002") == "2002-01-01"
    assert norm_date(None) > "9000"


def test_old_piece_spliced_before_change(toy: LineSet) -> None:
    assert (125.0, 49.8) in list(toy.section_line("s", "1991").coords)
    assert (125.0, 49.8) not in list(toy.section_line("s", "2008").coords)


def test_present_geometry_is_shared_not_copied(toy: LineSet) -> None:
    assert toy.lines_at("2008")["s"] is toy.sections["s"]


def test_identical_outside_zone(toy: LineSet) -> None:
    old = list(toy.section_line("s", "1991").coords)
    new = list(toy.section_line("s", "present").coords)
    assert old[:2] == new[:2] and old[-2:] == new[-2:]


def test_side_and_holder_change_at_the_zone(toy: LineSet) -> None:
    p = Point(125.0, 49.9)  # between the lines
    assert toy.holder_at(p, "1991") == "SUN"
    assert toy.holder_at(p, "2001-07-16") == "RUS"
    assert toy.holder_at(p, "2008") == "CHN"
    assert toy.side_of_line(Point(122.0, 49.0), "1991") == "CHN"


def test_transfer_polygon_direction(toy: LineSet) -> None:
    (poly, direction), = toy.transfer_polygons("z")
    assert direction == "to_CHN"
    assert poly.contains(Point(125.0, 49.9))
