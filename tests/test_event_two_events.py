"""Sentences that tell two acts of one kind (#13, eleventh pass), on sentences written for these tests.

A sentence gives one event per type unless a trigger stands in a clause of its own: a coordinated verb of
another word with its own object ("overran ... and shelled ..."), or a relative clause in which the noun it
describes acts ("Egypt and Bahrain, which severed relations ..."). One act told with two verbs ("shot and
killed"), or a clause that describes the act itself or the party it befell, stays one event (real spaCy model)."""

import pytest

pytestmark = pytest.mark.model


def told(document, type_):
    return sorted(document.text[m.trigger_start:m.trigger_end] for e in document.events if e.type == type_
                  for m in e.mentions[:1])


@pytest.mark.parametrize("text, type_, words", [
    ("Rebel fighters overran three villages in the north and shelled an army base near the border.", "ASSAULT",
     ["overran", "shelled"]),
    ("The militia seized the airport and captured two towns on the coast.", "ASSAULT", ["captured", "seized"]),
])
def test_a_coordinated_verb_with_its_own_object_is_a_second_act(code_rules, text, type_, words):
    assert told(code_rules(text, keep_unasserted=False), type_) == words


def test_a_relative_clause_whose_noun_acts_is_that_partys_act(code_rules):
    text = "Jordan cut ties with Qatar on Monday, joining Egypt and Bahrain, which severed relations with Doha last week."
    document = code_rules(text, keep_unasserted=False)
    sources = sorted(e.source.text for e in document.events if e.type == "SANCTION" and e.source is not None)
    assert sources == ["Bahrain", "Egypt", "Jordan"]


@pytest.mark.parametrize("text", [
    "Soldiers shot and killed two smugglers near the border.",          # two verbs, one object: one act
    "The blast that killed six soldiers hit a convoy near the border.",  # the clause describes the act itself
    "Gunmen attacked the convoy, which was ambushed again on the way back.",  # the noun is acted on
])
def test_one_act_told_twice_stays_one_event(code_rules, text):
    assert len(told(code_rules(text, keep_unasserted=False), "ASSAULT")) == 1


def test_a_further_act_between_persons_named_is_told(code_rules):
    """Beside the sentence's main act, a further act of another type is kept when a side is a known party, or
    else a person written by name."""
    text = "A court jailed three officials on Monday, among them the clerk Anton Weber, who had accused Maria Lenz of forgery."
    accusations = [e for e in code_rules(text, keep_unasserted=False).events if e.type == "ACCUSE"]
    assert [(e.source.text, e.target.text) for e in accusations] == [("Anton Weber", "Maria Lenz")]


def test_a_person_guessed_in_lower_case_text_is_no_named_party(code_rules):
    text = "a court jailed three officials on monday, among them the clerk anton weber, who had accused maria lenz of forgery."
    assert not [e for e in code_rules(text, keep_unasserted=False).events if e.type == "ACCUSE"]
