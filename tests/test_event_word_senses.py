"""Words whose sense decides the event type (tenth pass), on sentences written for these tests: tear gas is
crowd control, not a chemical attack; a sanction given is an approval, sanctions imposed are a penalty."""

import pytest

from geowire.events.triggers import find_triggers

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def triggers():
    from geowire.nlp.spacy_nlp import load_model

    nlp = load_model()
    return lambda text: [(t.token.text, t.type, t.mode) for s in nlp(text).sents for t in find_triggers(s)]


@pytest.mark.parametrize("text", [
    "The police tear-gassed the marchers outside the parliament.",
    "The police teargas the crowd every Friday.",
])
def test_tear_gas_is_crowd_control(triggers, text):
    assert [(t, m) for _, t, m in triggers(text)] == [("COERCE", "restrict")]


def test_gassing_people_is_a_chemical_attack(triggers):
    assert [(t, m) for _, t, m in triggers("The regime gassed its own people in 1988.")] == [("ASSAULT", "CBRN")]


def test_a_sanction_given_is_an_approval(triggers):
    assert triggers("The court gave the new bridge its official sanction on Monday.") == []


@pytest.mark.parametrize("text", [
    "The council imposed a sanction on the firm for the fraud.",
    "Washington imposed sanctions on the bank.",
])
def test_sanctions_imposed_are_a_penalty(triggers, text):
    assert "SANCTION" in [t for _, t, _ in triggers(text)]
