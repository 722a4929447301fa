"""Seventeenth pass: helping to bring something about is no aid given to a party. Sentences written for these tests
(real spaCy model)."""

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The three columns of the army helped to calm the situation in the city on Sunday.",
    "The party's discipline helped it win the elections after the revolt.",
    "The senator wants a running mate who can help him pass legislation.",
])
def test_helping_to_do_something_is_no_aid(code, text):
    assert [e for e in code(text) if e.type == "AID"] == []


@pytest.mark.parametrize("text", [
    "The United States is still helping the Philippine army fight the rebels.",
    "Neighbours helped the families of the victims after the fire.",
    "A Japanese agency is helping fund a flood control project in the city.",
])
def test_helping_a_party_or_by_an_act_of_aid_stays_aid(code, text):
    assert [e for e in code(text) if e.type == "AID"]


def test_she_stands_for_the_person_named_inside_a_subject_headed_by_a_title(code):
    text = ("The convenor of the citizens forum Dr Meera Shah on Friday opposed the closure of the school. "
            "She accused the council of ignoring the parents.")
    [accusation] = [e for e in code(text) if e.type == "ACCUSE"]
    assert accusation.source is not None and accusation.source.text == "Meera Shah"


@pytest.mark.parametrize("text, victim", [
    ("A cook was stabbed to death in the market on Wednesday.", "cook"),
    ("The gang murdered a cashier near the bank.", "cashier"),
])
def test_who_is_killed_or_stabbed_is_the_target_whatever_the_word_for_them(code, text, victim):
    [assault] = [e for e in code(text) if e.type == "ASSAULT"]
    assert assault.target is not None and assault.target.text.endswith(victim)


def test_who_is_to_act_in_a_demanded_clause_is_the_target_even_without_capitals(code):
    [request] = [e for e in code("the union leader demanded that the council take steps to reopen the mill.")
                 if e.type == "REQUEST"]
    assert request.target is not None and request.target.text.endswith("council")


@pytest.mark.parametrize("text, addressee", [
    ("the minister appealed to the speaker to allow a clarification on the issue.", "speaker"),
    ("The union called on the board to withdraw the notice.", "board"),
])
def test_one_addressed_to_act_is_the_target_whatever_the_word_for_them(code, text, addressee):
    [request] = [e for e in code(text) if e.type == "REQUEST"]
    assert request.target is not None and request.target.text.endswith(addressee)


@pytest.mark.parametrize("text, person", [
    ("An old man died of shock after he was detained by an army patrol in the old city.", "old man"),
    ("A farmer said he was beaten by the police on Monday.", "farmer"),
])
def test_he_is_the_one_person_a_subject_names_though_no_actor_is_known_for_the_word(code, text, person):
    [act] = [e for e in code(text) if e.type in ("COERCE", "ASSAULT")]
    assert act.target is not None and act.target.text.endswith(person)


@pytest.mark.parametrize("text, victim", [
    ("The journalist was found stabbed in his home on Friday.", "journalist"),
    ("Two aid workers were reported abducted near the border.", "aid workers"),
])
def test_one_found_done_to_is_the_target_not_the_doer(code, text, victim):
    [assault] = [e for e in code(text) if e.type == "ASSAULT"]
    assert assault.source is None and assault.target is not None and assault.target.text == victim


@pytest.mark.parametrize("text", [
    "Hundreds of young men traveled to Syria last year to join the militants.",
    "The pilgrims travelled to the shrine on foot on Sunday.",
])
def test_travelling_somewhere_is_no_visit_to_a_party(code, text):
    assert [e for e in code(text) if e.type == "CONSULT"] == []
