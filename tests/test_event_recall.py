"""Trigger readings added for recall (#13, tenth pass), on sentences written for these tests.

Each positive case names the word that must be read as a trigger and the PLOVER type it must give; the negative
cases check that a row with a requirement stays silent without it (real spaCy model)."""

import pytest

from geowire.events.triggers import find_triggers

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def triggers():
    from geowire.nlp.spacy_nlp import load_model

    nlp = load_model()

    def run(text):
        return {(t.token.lower_, t.type) for t in find_triggers(nlp(text))}

    return run


@pytest.mark.parametrize("text, word, type_", [
    # a grievance held against someone is a complaint about them
    ("The farmers' union listed its grievances against the state electricity board.", "grievances", "ACCUSE"),
    ("The minister made no secret of his grouse against the party leadership.", "grouse", "ACCUSE"),
    # faith or trust said aloud is support
    ("The party reaffirmed its faith in the leadership of the chief minister.", "faith", "SUPPORT"),
    ("The council expressed its trust in the new mayor.", "trust", "SUPPORT"),
    # disagreeing with a side, or over a proposal
    ("The mayor disagreed with the governor over the new budget.", "disagreed", "REJECT"),
    ("The two parties disagreed on the terms of the ceasefire.", "disagreed", "REJECT"),
    # stopping trains, buses, services or the internet to keep people from moving or speaking
    ("The railways cancelled several trains to stop the marchers from reaching the capital.", "cancelled",
     "COERCE"),
    ("Bus services to the district were suspended after the clashes.", "suspended", "COERCE"),
    ("The authorities halted internet services in the valley on Monday.", "halted", "COERCE"),
    ("Police diverted traffic away from the square before the rally.", "diverted", "COERCE"),
    # branding or labelling someone is disparaging them
    ("The government branded the striking workers traitors.", "branded", "ACCUSE"),
    ("State television labelled the protesters as foreign agents.", "labelled", "ACCUSE"),
])
def test_recall_rows_read(triggers, text, word, type_):
    assert (word, type_) in triggers(text)


@pytest.mark.parametrize("text, word, type_", [
    ("Her only grievance was the cold weather.", "grievance", "ACCUSE"),
    ("Faith plays a large part in village life.", "faith", "SUPPORT"),
    ("The bank holds the land in trust for the children.", "trust", "SUPPORT"),
    ("Experts disagree about the causes of the decline.", "disagree", "REJECT"),
    ("Travel agents cancelled several train bookings for their clients.", "cancelled", "COERCE"),
    ("The company labelled every bottle by hand.", "labelled", "ACCUSE"),
])
def test_recall_rows_need_their_context(triggers, text, word, type_):
    assert (word, type_) not in triggers(text)


@pytest.mark.parametrize("text, word, type_", [
    # the verb's object is a part of the act ("some of the blame"): the act noun is still what the verb performs
    ("The president laid some of the blame for the defeat on his generals.", "blame", "ACCUSE"),
    ("The senator voiced much of her outrage at the governor.", "outrage", "ACCUSE"),
])
def test_a_part_of_an_act_is_the_act(triggers, text, word, type_):
    assert (word, type_) in triggers(text)


def test_a_part_of_a_thing_names_no_act(triggers):
    assert ("blame", "ACCUSE") not in triggers("Some of the blame lies with the weather.")

