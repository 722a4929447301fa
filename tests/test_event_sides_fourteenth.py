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
