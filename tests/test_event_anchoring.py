"""Where and when an event happened (events/anchoring.py): sentences written for these tests, the default
pipeline with the real spaCy model."""

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extract(extract_analysed):
    return extract_analysed


def events_in(doc, phrase, kind=None):
    start = doc.text.index(phrase)
    return [e for e in doc.events if e.evidence.start <= start < e.evidence.end and (kind is None or e.type == kind)]


def test_a_place_in_a_frame_of_another_happening_is_not_the_events(extract):
    doc = extract("The army's assault on the rebel camp came after weeks of talks in Nairobi.")
    assaults = events_in(doc, "assault", "ASSAULT")
    assert assaults, [(e.type, e.location) for e in doc.events]
    assert all(e.location is None or e.location.basis != "sentence" for e in assaults)
    # the act's own place still counts beside such a frame
    doc = extract("Soldiers shelled the rebel camp in Goma on Monday, two days after talks in Nairobi collapsed.")
    shelled = events_in(doc, "shelled", "ASSAULT")
    assert shelled and shelled[0].location is not None and "Goma" in shelled[0].location.name


def test_the_focus_town_is_not_given_to_a_sentence_about_another_country(extract):
    text = ("Traders in Goma closed their shops on Monday. Police in Goma arrested twelve traders. "
            "The governor of Goma met the traders. Separately, Rwandan police detained two journalists on Tuesday.")
    doc = extract(text)
    detained = events_in(doc, "detained", "COERCE")
    assert detained, [(e.type, e.location) for e in doc.events]
    assert all(e.location is None or "Goma" not in e.location.name for e in detained)
    # the focus still frames a sentence that names no other country
    doc = extract(text.replace("Rwandan police", "the police"))
    detained = events_in(doc, "detained", "COERCE")
    assert detained and detained[0].location is not None and "Goma" in detained[0].location.name


def test_a_place_that_support_is_about_is_not_where_it_was_given(extract):
    doc = extract("The opposition party welcomed the rapprochement between Kenya and Ethiopia on Tuesday.")
    welcomed = events_in(doc, "welcomed", "SUPPORT")
    assert welcomed, [(e.type, e.location) for e in doc.events]
    assert all(e.location is None or e.location.basis != "sentence" for e in welcomed)
    # a place where the supporters are still places it
    doc = extract("Thousands of farmers in Nakuru rallied in support of the governor on Tuesday.")
    placed = [e for e in doc.events if e.location is not None and e.location.basis == "sentence"]
    assert placed and "Nakuru" in placed[0].location.name, [(e.type, e.location) for e in doc.events]


def test_the_events_own_time_comes_before_a_nearer_one_of_the_verb_reporting_it(extract):
    doc = extract("The police said on Monday that soldiers attacked the rebel camp near the lake in the hills north "
                  "of Goma late on Saturday night.", published="2024-05-07")
    attacks = events_in(doc, "attacked", "ASSAULT")
    assert attacks, [(e.type, e.date) for e in doc.events]
    assert attacks[0].date.value == "2024-05-04"
    # with no time of its own, the reporting verb's still dates it
    doc = extract("The police said on Monday that soldiers attacked the rebel camp near Goma.", published="2024-05-07")
    attacks = events_in(doc, "attacked", "ASSAULT")
    assert attacks and attacks[0].date.value == "2024-05-06"



def test_a_place_a_sanction_cites_is_not_where_it_was_imposed(extract):
    doc = extract("Bahrain cut diplomatic ties with Qatar on Monday, citing its close links to Iran.")
    cut = events_in(doc, "cut", "SANCTION")
    assert cut, [(e.type, e.location) for e in doc.events]
    assert all(e.location is None or e.location.basis != "sentence" for e in cut)


def test_a_place_that_qualifies_a_place_within_it_says_where(extract):
    text = ("LONDON — Teachers' unions across East Africa called for higher pay on Friday. In Kenya, hundreds of "
            "teachers marched through Nairobi neighbourhoods, chanting slogans. Police detained two organisers at the "
            "Mombasa hospital on Friday.")
    doc = extract(text)
    marched = events_in(doc, "marched", "PROTEST")
    assert marched and marched[0].location is not None, [(e.type, e.location) for e in doc.events]
    assert "Nairobi" in marched[0].location.name and marched[0].location.basis == "sentence"
    detained = events_in(doc, "detained", "COERCE")
    assert detained and detained[0].location is not None and "Mombasa" in detained[0].location.name
    # a place that says whose the thing is still does not place the act
    doc = extract("LONDON — Police detained two organisers of the Nairobi teachers' union on Friday.")
    detained = events_in(doc, "detained", "COERCE")
    assert detained, [(e.type, e.location) for e in doc.events]
    assert all(e.location is None or "Nairobi" not in e.location.name for e in detained)
