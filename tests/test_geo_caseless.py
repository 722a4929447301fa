"""A story written without capitals (recognisers.gazetteer_places, ``caseless``): its places are read where English
puts a place. Sentences written for these tests; the parse and gazetteer are the real ones."""

from __future__ import annotations

import pytest

from geowire.model import Document
from geowire.nlp.truecase import is_caseless

STORY = ("Police in Vadodara and Surat said on Monday that shops would stay shut. From time to time the traders met "
         "the collector, and the police kept watch at the main market. The district administration said more "
         "officers would be sent to Gujarat from Delhi next week to help keep the peace in the region, and that "
         "the curfew would be reviewed on Wednesday.")


def test_a_story_without_capitals_is_told_from_a_cased_one():
    assert not is_caseless(STORY)
    assert is_caseless(STORY.lower())
    assert not is_caseless("police in vadodara said so.")      # too short to tell


@pytest.fixture(scope="module")
def places():
    from geowire.config import load_config
    from geowire.pipeline import Pipeline

    def build(caseless: bool):
        config = load_config(overrides={"components": {"places": {"caseless": caseless}}})
        pipeline = Pipeline.from_config(config, only=["nlp", "places"])
        return lambda text: pipeline.process_one(Document(id="c1", text=text, language="en"), raw=True).document

    return {setting: build(setting) for setting in (False, True)}


@pytest.mark.model
def test_places_in_a_locative_frame_are_read_in_a_caseless_story(places):
    found = {p.text: p.country_code for p in places[True](STORY.lower()).places}
    assert {"vadodara", "surat", "gujarat", "delhi"} <= set(found)
    assert {found[name] for name in ("vadodara", "surat", "gujarat", "delhi")} == {"IN"}


@pytest.mark.model
def test_common_nouns_of_a_caseless_story_are_no_places(places):
    found = {p.text for p in places[True](STORY.lower()).places}
    assert not found & {"time", "police", "market", "region"}


@pytest.mark.model
def test_off_by_default_and_never_on_a_cased_story(places):
    assert "surat" not in {p.text for p in places[False](STORY.lower()).places}
    cased = {(p.start, p.end, p.name) for p in places[False](STORY).places}
    assert cased == {(p.start, p.end, p.name) for p in places[True](STORY).places}
