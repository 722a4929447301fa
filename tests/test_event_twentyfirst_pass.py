"""Twenty-first pass: words that look like acts but are not asserted ones — a condition ("provided ..."), a yield
of results, a release that speaks, the means of an act not done, a side that is "no" one. Sentences written for
these tests (real spaCy model, full analysis pipeline)."""

import pytest

pytestmark = pytest.mark.model


def _types(events):
    return [e.type for e in events]


@pytest.mark.parametrize("text", [
    "The leader said he would soften his stand provided the government gave some help to the priests.",
    "The union is ready to tone down its demands provided the company gives some assurance to the workers.",
])
def test_provided_heading_a_condition_gives_nothing(code, text):
    assert "AID" not in _types(code(text))


def test_the_clause_a_provided_heads_is_a_condition_not_a_deed(code):
    events = code("The rebels agreed to talks provided the government released the prisoners.")
    assert "RETREAT" not in _types(events) and "AGREE" in _types(events)


def test_a_clause_after_the_condition_is_told(code):
    events = code("The rebels agreed to talks provided the army stayed in its barracks, and the government "
                  "released the prisoners on Monday.")
    assert "RETREAT" in _types(events)


@pytest.mark.parametrize("text", [
    "The charity was providing food to the flood victims in the district.",
    "The army provided tents to the villagers on Monday.",
])
def test_providing_with_its_own_subject_or_recipient_still_gives(code, text):
    assert "AID" in _types(code(text))


@pytest.mark.parametrize("text", [
    "The raid by the police yielded a large haul of rifles.",
    "Only dialogue can yield lasting results for both the communities, the bishop said.",
])
def test_a_yield_of_results_is_no_concession(code, text):
    assert "CONCEDE" not in _types(code(text))


def test_a_yield_of_ground_is_a_concession(code):
    assert "CONCEDE" in _types(code("The rebels yielded ground to the army near the river on Monday."))


@pytest.mark.parametrize("text", [
    "The committee was set up on Friday, an official release of the home department said.",
    "The curfew will continue in the old city, a press release said.",
])
def test_a_release_that_speaks_is_a_statement(code, text):
    assert "RETREAT" not in _types(code(text))


def test_a_release_of_people_is_still_a_release(code):
    events = code("The release of the hostages by the rebels came after weeks of talks.")
    assert "RETREAT" in _types(events)


def test_the_means_of_an_act_not_done_is_not_done(code):
    events = code("The mayor said the state should fight crime by providing better training to the police.")
    assert "AID" not in _types(events)


def test_the_means_of_an_act_done_is_done(code):
    events = code("The police dispersed the crowd by firing tear gas near the station.")
    assert "COERCE" in _types(events)


@pytest.mark.parametrize("text, kind", [
    ("No troops were withdrawn from the border, the defence ministry said.", "RETREAT"),
    ("No protesters were arrested during the march, the police said.", "COERCE"),
])
def test_an_act_whose_side_is_no_one_did_not_happen(code, text, kind):
    assert all(e.certainty == "negated" for e in code(text) if e.type == kind)


def test_an_act_on_some_troops_happened(code):
    events = [e for e in code("Some troops were withdrawn from the border, the defence ministry said.")
              if e.type == "RETREAT"]
    assert events and events[0].certainty != "negated"


@pytest.mark.parametrize("text", [
    "The demolition of the old mosque in 1992 was followed by riots across the country.",
    "Armed men demolished the shrine near the river on Friday night.",
])
def test_a_demolition_by_no_state_body_is_destruction_of_property(code, text):
    # CAMEO 1712, destroy property, is ASSAULT in CAMEO2PLOVER
    assert "ASSAULT" in _types(code(text)) and "COERCE" not in _types(code(text))


@pytest.mark.parametrize("text", [
    "The municipal authorities demolished forty shops near the station on Monday.",
    "Army bulldozers demolished three houses in the village on Sunday, witnesses said.",
])
def test_a_demolition_by_a_state_body_is_coercion(code, text):
    assert "COERCE" in _types(code(text)) and "ASSAULT" not in _types(code(text))


def test_an_act_named_by_its_year_is_a_happening_of_its_own(code):
    events = code("The minister met the leaders of the two communities on Monday and discussed the tension in the "
                  "town since the 1992 demolition of the old mosque.")
    assert {"CONSULT", "ASSAULT"} <= set(_types(events)), [(e.type, e.source) for e in events]


def test_an_act_named_by_nothing_stays_untold(code):
    # the same sentence without the year: the demolition is told in passing and names no one, no place, no time
    events = code("The minister met the leaders of the two communities on Monday and discussed the tension in the "
                  "town since the demolition of the old mosque.")
    assert "ASSAULT" not in _types(events)


def test_a_town_the_actor_reader_took_for_a_party_is_no_side(code):
    # in a caseless story read true-cased, "the godhra killings" gives the actor reader a "Godhra" it takes for a
    # party of its country; the town is where the killings happened, not who killed
    text = ("lucknow: the party lost the election in the state on friday, and its leaders met on saturday to find "
            "out why. a senior leader conceded that the godhra killings and the ayodhya issue added fuel to the fire, "
            "and that the rise in prices had turned the voters away. the party chief said the results would be "
            "studied by a committee of senior members.")
    killings = [e for e in code(text) if e.type == "ASSAULT"]
    assert killings and all(e.source is None for e in killings), [(e.type, e.source) for e in killings]
