"""Whole-article events, recall, thirteenth pass (#13), on sentences written for these tests (real spaCy model).

Whole families of English the lexicon lacked: the noun of an act whose verb it had ("the murders", "a lynching",
"a petition")."""

import pytest

pytestmark = pytest.mark.model


def told(document, type_):
    return sorted(document.text[m.trigger_start:m.trigger_end] for e in document.events if e.type == type_
                  for m in e.mentions[:1])


@pytest.mark.parametrize("text, type_, word", [
    ("The murders of three shopkeepers shocked the town.", "ASSAULT", "murders"),
    ("Villagers described the lynching of a young trader by a mob.", "ASSAULT", "lynching"),
    ("The beheading of an aid worker by the militants was filmed.", "ASSAULT", "beheading"),
    ("The union filed a petition in the high court against the new rules.", "REQUEST", "petition"),
    ("The eviction of hundreds of families from the camp began on Monday.", "COERCE", "eviction"),
    ("The senator won praise from the governor for her work.", "SUPPORT", "praise"),
])
def test_the_noun_of_an_act_whose_verb_is_known_is_an_event(code_rules, text, type_, word):
    assert told(code_rules(text, keep_unasserted=False), type_) == [word]


@pytest.mark.parametrize("text", [
    # a bare "murder" names an offence, not a happening
    "Police booked three men for murder on Sunday.",
    "The town has seen many cases of murder and theft this year.",
    # other senses of the nouns left out
    "The band marched through the town to the beating of drums.",
])
def test_an_offence_named_or_another_sense_is_no_act(code_rules, text):
    assert told(code_rules(text, keep_unasserted=False), "ASSAULT") == []
