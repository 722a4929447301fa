"""Organs of state named by their building or street stand at their capital (geo/seats.py), against the real
gazetteer."""

import pytest

from geowire.geo.resolve import ContextResolver, Mention, make_context_resolver
from geowire.geo.seats import organ_countries


@pytest.fixture(scope="module")
def resolver() -> ContextResolver:
    return make_context_resolver()


def place_of(resolver, text: str, name: str):
    start = text.index(name)
    return resolver.resolve(text, [Mention(start, start + len(name), name)])[0]


@pytest.mark.parametrize("text, name, capital, country", [
    ("Farm leaders were invited to the White House on Tuesday.", "White House", "Washington", "US"),
    ("A spokesman for the Kremlin declined to comment on the talks.", "Kremlin", "Moscow", "RU"),
    ("Downing Street said the minister had resigned.", "Downing Street", "London", "GB"),
    ("The Elysee announced a reshuffle of the cabinet.", "Elysee", "Paris", "FR"),
])
def test_an_organ_named_by_its_building_is_in_its_capital(resolver, text, name, capital, country):
    place = place_of(resolver, text, name)
    assert (place.name, place.country_code, place.basis) == (capital, country, "seat")
    assert place.precision == "city" and place.confidence > 0.5


def test_a_town_named_like_an_organ_keeps_its_reading_after_a_bare_locative(resolver):
    # "in Duma": the Syrian town, not Russia's legislature
    place = place_of(resolver, "Shelling was reported in Duma, east of the capital, on Sunday.", "Duma")
    assert place.basis != "seat" and place.country_code != "RU"


def test_the_organs_are_the_actor_tables_state_rows():
    organs = organ_countries()
    assert organs["white house"] == "US" and organs["knesset"] == "IL"
    assert "cia" not in organs      # written in capitals: an acronym, never a building's name
    assert "hamas" not in organs    # no organ of a state
