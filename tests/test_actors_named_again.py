"""A name the tagger recognised once and missed the next time is the same actor again (actors/recognise.py,
`_named_again`)."""

from __future__ import annotations

import pytest

from geowire.actors.recognise import find_actors
from geowire.model import Document, Place
from geowire.nlp.spacy_nlp import make_spacy_parser
from geowire.pipeline import Pipeline

pytestmark = pytest.mark.model

APPEAL = ("patna: senior party leader and former bihar chief minister mohan pandey on monday made an appeal to the "
          "ncp president not to support the new ordinance. pandey in a letter to the president said the "
          "government's efforts to make the ordinance a law were unfortunate. he requested the ncp chief not to "
          "extend his support to the legislation. the party has forty members in the house and it will decide on "
          "the matter next week.")


@pytest.fixture(scope="module")
def parser():
    return make_spacy_parser()


def _actors(parser, text, places=()):
    return find_actors(parser(Document(id="n", text=text)).parsed, places=list(places))


def test_a_surname_written_again_is_the_person_named_in_full(parser):
    second = APPEAL.index("pandey in a letter")
    again = [a for a in _actors(parser, APPEAL) if a.start == second]
    assert [(a.text.lower(), a.name.lower()) for a in again] == [("pandey", "mohan pandey")]


def test_a_surname_two_persons_share_names_neither(parser):
    text = ("Defence minister Rajan Mehta met the opposition leader Kavita Mehta on Monday. Mehta in a letter to the "
            "cabinet said the talks were useful, and the two will meet again next week in the capital city.")
    second = text.index("Mehta in a letter")
    assert not [a for a in _actors(parser, text) if a.start == second and a.name.lower().endswith("mehta")
                and " " in a.name]


def test_a_name_the_story_gives_a_place_is_left_to_the_places(parser):
    second = APPEAL.index("pandey in a letter")
    place = Place(start=second, end=second + len("pandey"), text="pandey")
    assert [a for a in _actors(parser, APPEAL, [place]) if a.start == second] == []


def test_the_request_after_the_appeal_has_its_speaker():
    doc = Pipeline.from_config().process_one(Document(id="a", text=APPEAL, published="2024-05-01", language="en")).document
    requested = APPEAL.index("he requested")
    request = next(e for e in doc.events if any(m.start <= requested < m.end for m in e.mentions))
    assert request.source is not None and "pandey" in request.source.text.lower()


def test_a_surname_found_again_takes_the_titled_persons_country_and_sector(parser):
    text = ("Johannesburg: ANC spokesman John Dube on Monday accused the police of brutality. Dube also demanded "
            "compensation for the families of the injured miners.")
    second = text.index("Dube also")
    again = [a for a in _actors(parser, text) if a.start == second]
    assert [(a.name, a.country, a.sector) for a in again] == [("John Dube", "ZAF", "PTY")]


def test_a_bare_surname_does_not_take_a_namesakes_codes(parser):
    text = ("Johannesburg: ANC spokesman John Dube on Monday accused the police of brutality. Opposition leader Mary "
            "Dube rejected the claim. Dube also demanded compensation for the families of the injured miners.")
    third = text.index("Dube also")
    assert [(a.country, a.sector) for a in _actors(parser, text) if a.start == third] in ([], [(None, None)])


def test_a_name_after_a_title_is_a_persons_though_the_tagger_calls_it_an_organisation(parser):
    text = ("new delhi: bjp leader pradeep ghoshal on sunday accused the police of excesses in the temple town. the "
            "district was calm on monday and the shops opened again after a week of curfew in the old city. ghoshal "
            "also demanded compensation for the families of the injured and the dead.")
    again = text.index("ghoshal also")
    found = [(a.name.lower(), a.country, a.sector) for a in _actors(parser, text) if a.start == again]
    assert found == [("pradeep ghoshal", "IND", "PTY")]
