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


NEWS = ("new delhi: the government on monday accused pakistan of sheltering the men who attacked the army camp last "
        "week, and said it would raise the matter at the united nations. pakistan denied the charge and said its own "
        "inquiry had found no link to groups based on its soil. the home minister told parliament that the attackers "
        "had crossed the border near jammu and that kashmir police had arrested two men who helped them. gujarat and "
        "maharashtra were put on alert, and security was stepped up at airports across the country.")


@pytest.mark.model
def test_a_caseless_story_is_read_true_cased_for_its_named_places(places):
    # "accused pakistan", "gujarat ... were put on alert": no locative frame, found as the parser's entities of the
    # true-cased copy; the places keep the story's own spelling
    found = {p.text: p.country_code for p in places[True](NEWS).places}
    assert found.get("pakistan") == "PK" and found.get("gujarat") == "IN", found


def test_a_true_cased_name_is_placed_only_in_the_story_or_as_an_area():
    from geowire.geo.caseless import in_the_story
    from geowire.geo.mention import Mention
    from geowire.geo.resolve import make_context_resolver

    gazetteer = make_context_resolver().gazetteer
    anchors = [Mention(0, 5, "patna")]
    named = [Mention(10, 15, "ganga"), Mention(20, 28, "pakistan"), Mention(30, 35, "surat")]
    # "ganga roy", a person the recogniser may call a place: the only town of that name of any size is Ganja,
    # Azerbaijan, in no country of the story; a country anywhere and a town of the story's country stay
    assert [m.text for m in in_the_story(gazetteer, named, anchors)] == ["pakistan", "surat"]


@pytest.mark.model
def test_a_name_before_the_noun_it_qualifies_is_a_place_in_a_caseless_story(places):
    text = ("lucknow: the ayodhya issue came up again in parliament on monday, and the gujarat police said they had "
            "arrested ten men in the city. the minister told the house that the government would not allow any "
            "group to take the law into its own hands, and that the talks would go on next week in the capital.")
    found = {p.text: p.country_code for p in places[True](text).places}
    assert found.get("ayodhya") == "IN" and found.get("gujarat") == "IN", found
    assert "law" not in found and "talks" not in found


@pytest.mark.model
def test_the_place_a_visit_is_paid_to_is_a_place_in_a_caseless_story(places):
    text = ("new delhi: the national commission for minorities visits gujarat on wednesday, officials said on "
            "monday. the chairman said the members would meet the families of the victims and the officials of "
            "the state government, and that a report would be sent to the prime minister within a month.")
    found = {p.text: p.country_code for p in places[True](text).places}
    assert found.get("gujarat") == "IN", found


@pytest.mark.model
def test_a_name_in_the_of_or_like_phrase_of_a_word_for_a_place_is_a_place(places):
    text = ("lucknow: about one lakh students in the twin cities of ayodhya and faizabad will miss their "
            "examinations this month, officials said on monday. the examinations in deprived areas like bapunagar "
            "and sardarnagar were put off for a week because of the ayodhya crisis, and the board said the students "
            "would be told of the new dates soon.")
    named = text.index("cities of ayodhya") + len("cities of ")
    found = {(p.start, p.country_code) for p in places[True](text).places}
    assert (named, "IN") in found, found
