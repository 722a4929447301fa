"""Words whose sense decides the event type (tenth pass), on sentences written for these tests: tear gas is
crowd control, not a chemical attack; a sanction given is an approval, sanctions imposed are a penalty."""

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def readings(found_triggers):
    return lambda text: [(t.type, t.mode) for t in found_triggers(text)]


@pytest.mark.parametrize("text", [
    "The police tear-gassed the marchers outside the parliament.",
    "The police teargas the crowd every Friday.",
])
def test_tear_gas_is_crowd_control(readings, text):
    assert readings(text) == [("COERCE", "restrict")]


def test_gassing_people_is_a_chemical_attack(readings):
    assert readings("The regime gassed its own people in 1988.") == [("ASSAULT", "CBRN")]


def test_a_sanction_given_is_an_approval(readings):
    assert readings("The court gave the new bridge its official sanction on Monday.") == []


@pytest.mark.parametrize("text", [
    "The council imposed a sanction on the firm for the fraud.",
    "Washington imposed sanctions on the bank.",
])
def test_sanctions_imposed_are_a_penalty(readings, text):
    assert ("SANCTION", None) in readings(text)
