"""Recall, twelfth pass (#13), on sentences written for these tests (real spaCy model).

An infinitive after the object of a verb that brings it about ("forced the minister to resign", "the bombing
prompted the minister to step down") is an act that took place, done by that object, not a purpose; when the
subject of that verb is an act itself, the sentence tells both."""

import pytest

pytestmark = pytest.mark.model


def told(document, type_):
    return sorted(document.text[m.trigger_start:m.trigger_end] for e in document.events if e.type == type_
                  for m in e.mentions[:1])


@pytest.mark.parametrize("text, type_, word, source", [
    ("The car bombing prompted the interior minister to step down on Friday.", "CONCEDE", "step", "interior minister"),
    ("The border clashes led the Kenyan government to impose a curfew in Mandera.", "COERCE", "curfew",
     "Kenyan government"),
])
def test_an_act_brought_about_by_another_is_told_beside_it(code_rules, text, type_, word, source):
    document = code_rules(text, keep_unasserted=False)
    assert told(document, type_) == [word]
    assert [e.source.text for e in document.events if e.type == type_ and e.source is not None] == [source]


def test_the_cause_stays_an_event_too(code_rules):
    text = "The car bombing prompted the interior minister to step down on Friday."
    assert told(code_rules(text, keep_unasserted=False), "ASSAULT") == ["bombing"]


@pytest.mark.parametrize("text, type_", [
    ("The opposition staged demonstrations to demand early elections.", "REQUEST"),   # a purpose
    ("The car bombing did not prompt the interior minister to step down.", "CONCEDE"),  # denied
])
def test_a_purpose_or_a_denied_result_is_no_act(code_rules, text, type_):
    assert told(code_rules(text, keep_unasserted=False), type_) == []


def test_asking_is_not_bringing_about(code_rules):
    text = "The car bombing led lawmakers to ask the interior minister to step down."
    assert told(code_rules(text, keep_unasserted=False), "CONCEDE") == []


def test_the_of_phrase_of_a_meeting_names_who_meet(code_rules):
    """'a meeting of EU foreign ministers': a meeting beside the sentence's main act is kept when it names a known
    party, and its "of" phrase is who met."""
    text = ("As she entered a meeting of EU foreign ministers on Monday, the bloc's foreign policy chief said "
            "Brussels would keep its sanctions on Minsk.")
    meetings = [e for e in code_rules(text, keep_unasserted=False).events if e.type == "CONSULT"]
    assert [e.source.text for e in meetings if e.source is not None] == ["EU foreign ministers"]


def test_a_meeting_of_hours_names_no_one(code_rules):
    text = "The rebel commanders held a meeting of two hours near Goma."
    meetings = [e for e in code_rules(text, keep_unasserted=False).events if e.type == "CONSULT"]
    assert all(e.source is None or "hours" not in e.source.text for e in meetings)


def _acts(document, type_):
    return [document.text[e.mentions[0].trigger_start:e.mentions[0].trigger_end] for e in document.events
            if e.type == type_]


def test_also_adds_a_happening_to_those_told(code_rules):
    text = "Two soldiers were killed in an ambush near Goma on Monday. A police officer also was killed in the town."
    assert len(_acts(code_rules(text, keep_unasserted=False), "ASSAULT")) == 2


@pytest.mark.parametrize("text", [
    # the clause's subject is the act itself: more of the same bombing
    "A car bomb exploded near the ministry in Kabul on Monday. The bombing also wounded 20 people.",
    # "also" says the condemning is another's, not that there was another attack
    "Militants attacked a checkpoint near Kandahar on Monday. The governor also condemned the attack.",
])
def test_also_on_more_of_the_same_act_or_on_another_verb_adds_none(code_rules, text):
    assert len(_acts(code_rules(text, keep_unasserted=False), "ASSAULT")) == 1


def test_a_further_act_told_with_no_doer_is_the_same_doers(code_rules):
    text = "Police arrested five men in Ahmedabad on Monday. A sixth suspect was also arrested in Surat."
    arrests = [e for e in code_rules(text, keep_unasserted=False).events if e.type == "COERCE"]
    assert [e.source.text if e.source else None for e in arrests] == ["Police", "Police"]
