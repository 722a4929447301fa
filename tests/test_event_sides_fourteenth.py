"""Fourteenth pass on sides: the place where an act on the ground happened is its location, never its target (the
annotation guideline's sides are actors). Sentences written for these tests (real spaCy model); each failed at
21756c8, where a town or country named only as where it happened became the target."""

import pytest
from test_event_sides import _of_type

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(extract_analysed):
    return lambda text: extract_analysed(text, published="2024-05-01")


@pytest.mark.parametrize(("text", "event_type", "place"), [
    ("Troops were deployed in Ayodhya on Monday.", "MOBILIZE", "Ayodhya"),
    ("Clashes broke out in Mosul overnight, residents said.", "ASSAULT", "Mosul"),
    ("Thousands marched in Kenya on Tuesday.", "PROTEST", "Kenya"),
])
def test_where_an_act_happened_is_its_place_not_its_target(code, text, event_type, place):
    event = _of_type(code(text), event_type)
    assert event.target is None
    assert event.location is not None and event.location.name is not None and place in event.location.name


def test_a_named_target_stays(code):
    event = _of_type(code("Police arrested two students in Ayodhya on Monday."), "COERCE")
    assert event.target is not None and "students" in event.target.text


# Fifteenth session: a town or province named as the object ("visited Surat") is where it happened, not a party;
# these failed at adb49a9, where the place lent its country and so counted as an actor.
@pytest.mark.parametrize(("text", "event_type", "place"), [
    ("Defence Minister George Fernandes visited Surat on Monday.", "CONSULT", "Surat"),
    ("Taliban fighters attacked Kunduz on Monday.", "ASSAULT", "Kunduz"),
])
def test_a_town_named_as_the_object_is_the_place_not_the_target(code, text, event_type, place):
    event = _of_type(code(text), event_type)
    assert event.target is None
    assert event.location is not None and place in event.location.name


def test_a_country_visited_stays_the_target(code):
    event = _of_type(code("Defence Minister George Fernandes visited Pakistan on Monday."), "CONSULT")
    assert event.target is not None and event.target.country == "PAK"


# Fifteenth session: the one a verb acts on for, or of, a deed is its doer; these failed at b3571d2, where the
# deed had no source.
@pytest.mark.parametrize(("text", "event_type", "doer"), [
    ("Amnesty condemned the army for killing civilians in Idlib.", "ASSAULT", "army"),
    ("He criticised the opposition party for opposing the bill without reason.", "REJECT", "opposition"),
])
def test_the_one_blamed_for_a_deed_is_its_doer(code, text, event_type, doer):
    event = _of_type(code(text), event_type)
    assert event.source is not None and doer in event.source.text
