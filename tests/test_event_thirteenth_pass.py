"""Whole-article events, thirteenth pass (#13), on sentences written for these tests (real spaCy model).

An act told in passing with no one named is not told beside the main act (a pass that told acts on the ground so
was measured on blind batches and left out; the eighteenth pass keeps those its sentence places); an act warned against is no further act; and the subject of a verb is
not the author of an act that only frames it in time ("police imposed a curfew after the clashes": the police did
not clash)."""

import pytest

pytestmark = pytest.mark.model


def told(document, type_):
    return sorted(document.text[m.trigger_start:m.trigger_end] for e in document.events if e.type == type_
                  for m in e.mentions[:1])


@pytest.mark.parametrize("text", [
    "A curfew was imposed in the old town after the clashes on Sunday.",
    "Troops were sent to the border after the talks.",
])
def test_an_act_told_in_passing_with_no_one_named_is_not_told_beside_the_main_one(code_rules, text):
    # measured on blind batches: such acts were right about one time in three (docs/events.md, thirteenth pass)
    document = code_rules(text, keep_unasserted=False)
    assert told(document, "ASSAULT") == [] and told(document, "CONSULT") == []


def authors(document, word):
    return [e.source.text if e.source is not None else None for e in document.events
            for m in e.mentions[:1] if document.text[m.trigger_start:m.trigger_end] == word]


@pytest.mark.parametrize("text, word, subject", [
    ("Police imposed a curfew in the town after clashes between two groups.", "clashes", "Police"),
    ("The army closed the road following the bombing.", "bombing", "army"),
])
def test_the_subject_of_a_verb_is_not_the_author_of_an_act_that_frames_it(code_rules, text, word, subject):
    assert subject not in authors(code_rules(text, keep_unasserted=False), word)


def test_a_light_verbs_own_phrase_is_still_its_subjects_act(code_rules):
    document = code_rules("Rebels took part in the fighting near the border.", keep_unasserted=False)
    assert authors(document, "fighting") == ["Rebels"]


@pytest.mark.parametrize("text", [
    "The United States warned Russia against an attack on Ukraine.",
    "The European Union warned Serbia against any attack on Kosovo.",
])
def test_an_act_warned_against_is_not_told_beside_the_warning(code_rules, text):
    document = code_rules(text, keep_unasserted=False)
    assert [e.type for e in document.events] == ["THREATEN"]
