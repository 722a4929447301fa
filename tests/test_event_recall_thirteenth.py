"""Whole-article events, recall, thirteenth pass (#13), on sentences written for these tests (real spaCy model).

Whole families of English the lexicon lacked: the noun of an act whose verb it had ("the murders", "a lynching",
"a petition"), and speaking with someone ("spoke with the king", "spoke to Merkel by phone"), which is a
consultation when the one spoken to is a party, and a statement when it is the press or an audience."""

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


@pytest.mark.parametrize("text, word", [
    ("The prime minister spoke with King Abdullah on Sunday about the crisis.", "spoke"),
    ("The two presidents spoke by telephone on Tuesday.", "spoke"),
    # a number for the people who spoke
    ("The two spoke by telephone on Tuesday, the ministry said.", "spoke"),
    ("He spoke Saturday to German Chancellor Angela Merkel.", "spoke"),
    ("The envoy reached out to Taliban leaders last week.", "reached"),
])
def test_speaking_with_a_party_is_a_consultation(code_rules, text, word):
    assert told(code_rules(text, keep_unasserted=False), "CONSULT") == [word]


def test_a_number_for_the_people_who_met_names_partners(code_rules):
    assert told(code_rules("The two met in Geneva on Sunday.", keep_unasserted=False), "CONSULT") == ["met"]


@pytest.mark.parametrize("text", [
    "The minister spoke to reporters in the capital on Monday.",
    "The mayor spoke to the crowd outside the town hall.",
    "The governor spoke about the floods on Sunday.",
    "The governor spoke by telephone on Sunday.",
    # people named only by what they are: an address
    "The president spoke to students at the school on Friday.",
    # what is spoken to is no party
    "The minister also spoke to Germany's support for the plan.",
    # one speaker by phone is talking to the reporter
    '"The crisis has deepened," said the analyst, speaking by phone from Cairo.',
])
def test_speaking_to_the_press_or_an_audience_is_no_consultation(code_rules, text):
    assert told(code_rules(text, keep_unasserted=False), "CONSULT") == []
