"""Whole-article events, thirteenth pass (#13), on sentences written for these tests (real spaCy model).

An act on the ground (force, a protest, a deployment) that a sentence mentions beside its main act is news by
itself even when no one is named in it ("a curfew was imposed after the clashes"); a meeting or a pledge that
names no one is not. And the subject of a verb is not the author of an act that only frames it in time
("police imposed a curfew after the clashes": the police did not clash)."""

import pytest

pytestmark = pytest.mark.model


def told(document, type_):
    return sorted(document.text[m.trigger_start:m.trigger_end] for e in document.events if e.type == type_
                  for m in e.mentions[:1])


@pytest.mark.parametrize("text, type_, word", [
    ("A curfew was imposed in the old town after the clashes on Sunday.", "ASSAULT", "clashes"),
    ("Soldiers were deployed in the district after the riots.", "PROTEST", "riots"),
    ("The school was closed for a week following the shelling.", "ASSAULT", "shelling"),
])
def test_an_act_on_the_ground_mentioned_beside_the_main_one_is_told(code_rules, text, type_, word):
    assert told(code_rules(text, keep_unasserted=False), type_) == [word]


def test_a_meeting_that_names_no_one_is_not_told_beside_the_main_act(code_rules):
    document = code_rules("Troops were sent to the border after the talks.", keep_unasserted=False)
    assert told(document, "MOBILIZE") == ["sent"]
    assert told(document, "CONSULT") == []


@pytest.mark.parametrize("text, word, author", [
    ("Police imposed a curfew in the town after clashes between two groups.", "clashes", None),
    ("The army closed the road following the bombing.", "bombing", None),
    # a light verb's own object or phrase is still the subject's act
    ("Rebels took part in the fighting near the border.", "fighting", "Rebels"),
])
def test_the_subject_of_a_verb_is_not_the_author_of_an_act_that_frames_it(code_rules, text, word, author):
    document = code_rules(text, keep_unasserted=False)
    sides = [e.source.text if e.source is not None else None for e in document.events
             for m in e.mentions[:1] if document.text[m.trigger_start:m.trigger_end] == word]
    assert sides == [author]


@pytest.mark.parametrize("text", [
    "The minister warned the rebels against any attack on the convoy.",
    "Britain urged Iran to release the detained sailors.",
])
def test_an_act_warned_against_or_told_as_an_attribute_is_not_told_beside_the_main_one(code_rules, text):
    document = code_rules(text, keep_unasserted=False)
    assert [e.type for e in document.events if e.type in ("ASSAULT", "COERCE")] == []
