"""Readings of the twelfth pass on precision (trigger words that tell no happening), on sentences written for these
tests; each new reading has a case that fails on the code before it, the counter-cases pass on both."""

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def types(code_rules):
    return lambda text: [e.type for e in code_rules(text, keep_unasserted=False).events]  # the default coder


@pytest.mark.parametrize("text", [
    "A police spokesman declined to comment on the arrests.",
    "The president refused to describe the killings as genocide.",
])
def test_a_refusal_to_comment_or_to_name_rejects_nothing(types, text):
    assert "REJECT" not in types(text)


@pytest.mark.parametrize("text", [
    "The rebels refused to hand over their weapons.",
    "The ministry refused to reveal the number of casualties.",
])
def test_a_refusal_of_what_is_asked_is_a_rejection(types, text):
    assert "REJECT" in types(text)


@pytest.mark.parametrize("text", [
    "The governor promised to be firm with the smugglers.",
    "The interior minister promised swift punishment for the looters.",
    "The students pledged to keep up the pressure on the university.",
])
def test_a_promise_to_punish_or_of_a_manner_is_no_agreement(types, text):
    assert "AGREE" not in types(text)


@pytest.mark.parametrize("text", [
    "The donors pledged emergency aid to the flood victims.",
    "The new governor promised to release the detained students.",
])
def test_a_promise_of_an_act_for_someone_is_an_agreement(types, text):
    assert "AGREE" in types(text)


def test_a_strike_with_an_object_is_no_labour_strike(types):
    assert "PROTEST" not in types("The two parties had struck tough postures for the voters.")
    assert "PROTEST" in types("Nurses struck for better pay across the province.")


@pytest.mark.parametrize("text, kind", [
    ("The donated tents were stored in the school hall.", "AID"),
    ("The agreed programme of the coalition was published on Monday.", "AGREE"),
])
def test_a_participle_before_a_things_noun_is_an_attribute(types, text, kind):
    assert kind not in types(text)


def test_an_act_told_by_its_own_clause_or_naming_people_stays(types):
    assert "AID" in types("A Swiss charity donated tents to the school.")
    assert "COERCE" in types("Police said the arrested men were taken to the district jail.")


def test_stopping_ones_own_activity_sanctions_no_one(types):
    assert "SANCTION" not in types("The ferry company has suspended all sailings of its vessels since the storm.")
    assert "SANCTION" in types("The government suspended its aid to the junta.")


def test_an_act_credited_as_a_cause_is_mentioned_not_told(types):
    assert "SANCTION" not in types("The senator credited tough sanctions for bringing the regime to the table.")
    assert "SANCTION" in types("The European Union imposed tough sanctions on the regime.")


def test_a_stance_in_the_simple_present_is_a_standing_position(types):
    assert "REJECT" not in types("The minister said his party opposes lowering the voting age.")
    assert "REJECT" in types("The opposition party opposed the bill in a vote on Tuesday.")
