"""Province points drawn from the land nearest their towns (issue #14, twelfth session)."""

import pytest
from shapely.geometry import box

from geowire.geo import sources
from geowire.geodesy import haversine_km


def test_a_province_whose_towns_crowd_its_south_has_its_point_in_the_middle_of_its_land():
    # a country 10 degrees square; the west province's towns crowd its southern edge, one town
    # stands in its far north; the east province's towns are spread evenly
    west = [(0.2 + i % 5 * 0.1, 0.5 + i // 5 * 0.4, 1) for i in range(50)] + [(9.5, 2.5, 1)]
    east = [(lat + 0.5, lon + 5.5, 2) for lat in range(10) for lon in range(5)]
    points = sources.partition_points((box(0, 0, 10, 10),), west + east)
    west_lat, west_lon = points[1]
    east_lat, east_lon = points[2]
    assert 3.5 < west_lat < 6.5 and 1.5 < west_lon < 3.5     # the middle of the west half, not its towns' strip
    assert 4.0 < east_lat < 6.0 and 6.5 < east_lon < 8.5
    # the hull of the same towns stays in the south
    assert sources.hull_point([(lat, lon) for lat, lon, _ in west])[0] < west_lat - 1


@pytest.fixture(scope="module")
def gazetteer():
    from geowire.geo import get_gazetteer

    return get_gazetteer()


def test_a_province_of_too_few_cells_is_left_to_its_hull():
    # province 1 is one town ringed closely by province 2's: the land nearest it is a cell or so
    ring = [(5.0 + dlat, 5.0 + dlon, 2) for dlat in (-0.1, 0, 0.1) for dlon in (-0.1, 0, 0.1) if dlat or dlon]
    towns = [(5.0, 5.0, 1), *ring, (1.0, 1.0, 2), (9.0, 9.0, 2)]
    points = sources.partition_points((box(0, 0, 10, 10),), towns)
    assert 1 not in points and 2 in points
    assert sources.partition_points((), towns) == {}


@pytest.mark.parametrize(("name", "middle"), [
    ("Ontario", (50.0, -85.0)),          # towns stop near 53 N and crowd the south
    ("Queensland", (-22.5, 144.5)),      # towns crowd the east coast
    ("Alaska", (64.0, -150.0)),          # towns crowd the south coast
])
def test_a_large_province_is_placed_in_its_middle_not_among_its_towns(gazetteer, name, middle):
    area = next(c for c in gazetteer.candidates(name) if c.precision == "admin1")
    assert haversine_km(area.lat, area.lon, *middle) < 150


def test_a_sentence_about_a_large_province_places_it_in_its_middle():
    from geowire.geo.resolve import Mention, make_context_resolver

    text = "Snow closed roads across Ontario on Tuesday, and the storm moved east overnight."
    start = text.index("Ontario")
    place = make_context_resolver().resolve(text, [Mention(start, start + 7, "Ontario")])[0]
    assert place.precision == "admin1" and place.country_code == "CA"
    assert haversine_km(place.lat, place.lon, 50.0, -85.0) < 150
