"""Trigger readings added for recall (#13, tenth pass), on sentences written for these tests.

Each positive case names the word that must be read as a trigger and the PLOVER type it must give; the negative
cases check that a row with a requirement stays silent without it (real spaCy model)."""

import pytest

from geowire.events.triggers import find_triggers

pytestmark = pytest.mark.model


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


@pytest.mark.parametrize("text, word, type_", [
    # mass killing
    ("Tens of thousands were killed in the genocide of 1994.", "genocide", "ASSAULT"),
    ("Survivors of the pogrom returned to the town last week.", "pogrom", "ASSAULT"),
    # a conversation with someone is a consultation; on the phone, a call
    ("The two leaders held a phone conversation on Tuesday.", "conversation", "CONSULT"),
    ("The minister had a telephonic conversation with the governor.", "conversation", "CONSULT"),
    ("The envoy had a long conversation with the rebel commander.", "conversation", "CONSULT"),
    # flying troops in
    ("The air force airlifted troops to the northern valley.", "airlifted", "MOBILIZE"),
    # security tightened is police presence stepped up; an FIR lodged is a complaint filed
    ("The district administration tightened security around the stadium.", "tightened", "MOBILIZE"),
    ("The shopkeeper lodged an FIR against his neighbour.", "lodged", "ACCUSE"),
    # the verb "urge" that the tagger takes for a noun: only that verb takes a that-clause
    ("The council voiced concern about the fighting and urge that all sides lower tensions.", "urge", "REQUEST"),
])
def test_recall_rows_from_the_definitions(triggers, text, word, type_):
    assert (word, type_) in triggers(text)


@pytest.mark.parametrize("text, word, type_", [
    ("The conversation turned to football.", "conversation", "CONSULT"),
    ("The charity airlifted food to the valley.", "airlifted", "MOBILIZE"),
    ("He felt the urge to smoke.", "urge", "REQUEST"),
    ("The army tightened its grip on the city.", "tightened", "MOBILIZE"),
])
def test_recall_rows_from_the_definitions_need_their_context(triggers, text, word, type_):
    assert (word, type_) not in triggers(text)


@pytest.fixture(scope="module")
def look_alikes():
    from geowire.events.modality import only_looks_like_an_event
    from geowire.nlp.spacy_nlp import load_model

    nlp = load_model()

    def run(text, word):
        return [only_looks_like_an_event(t) for t in find_triggers(nlp(text)) if t.token.lower_ == word]

    return run


@pytest.mark.parametrize("text, word", [
    ("The governor promised that the roads would reopen by Friday.", "promised"),
    ("The mayor vowed that the plant would never be sold.", "vowed"),
])
def test_a_promise_of_what_will_be_is_a_promise(look_alikes, text, word):
    assert look_alikes(text, word) == [False]


def test_agreeing_that_something_is_so_is_still_a_view(look_alikes):
    assert look_alikes("Critics agree that the trip matters.", "agree") == [True]


@pytest.mark.parametrize("text, word, type_", [
    # using or exercising a veto is a veto ("which has used its veto power to block ..."; the noun alone was read)
    ("Russia, which has used its veto power in the council, blocked the resolution.", "used", "REJECT"),
    ("China exercised its veto on Friday.", "exercised", "REJECT"),
])
def test_using_a_veto_is_a_veto(triggers, text, word, type_):
    assert (word, type_) in triggers(text)


@pytest.mark.parametrize("text, word", [
    ("Russia has veto power on the council.", "has"),
    ("He used his power to help the poor.", "used"),
])
def test_using_something_else_is_no_veto(triggers, text, word):
    assert (word, "REJECT") not in triggers(text)
