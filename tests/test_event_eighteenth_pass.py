"""Eighteenth pass: an act on the ground told in passing, with no one named, is a happening of its own when its
sentence places it. Sentences written for these tests (real spaCy model, full analysis pipeline)."""

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(extract_analysed):
    return lambda text: extract_analysed(text, published="2024-05-01").events


def told(events, type_):
    return [e for e in events if e.type == type_]


@pytest.mark.parametrize("text, type_, town", [
    ("Police imposed a curfew in the town after violence in Godhra.", "PROTEST", "Godhra"),
    ("The minister visited the camps for families displaced by the riots in Ahmedabad.", "PROTEST", "Ahmedabad"),
])
def test_an_act_on_the_ground_placed_by_its_sentence_is_told_beside_the_main_one(code, text, type_, town):
    [act] = told(code(text), type_)
    assert act.source is None and act.location is not None and act.location.name == town


@pytest.mark.parametrize("text", [
    "A curfew was imposed in the old town after the clashes.",
    "Schools were closed for a week after the riots.",
])
def test_an_act_told_in_passing_with_no_place_and_no_one_named_is_still_left_out(code, text):
    assert told(code(text), "ASSAULT") == [] and told(code(text), "PROTEST") == []
