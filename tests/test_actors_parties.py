"""Political parties and movements, and India's national bodies, in the alias table (actors/data/aliases.tsv)."""

import pytest

from geowire.actors.table import default_table


def _entries():
    return {a.surface: a.entry for group in default_table().by_first.values() for a in group}


def test_the_parties_of_several_countries_are_known_with_their_sector():
    entries = _entries()
    assert {(entries[s].country, entries[s].sector) for s in ("BJP", "Bharatiya Janata Party")} == {("IND", "PTY")}
    assert (entries["AKP"].country, entries["AKP"].sector) == ("TUR", "PTY")
    assert (entries["Likud"].country, entries["Likud"].sector) == ("ISR", "PTY")
    assert (entries["VHP"].country, entries["VHP"].sector) == ("IND", "REL")
    assert (entries["CRPF"].country, entries["CRPF"].sector) == ("IND", "COP")


def test_acronyms_other_bodies_share_are_left_out():
    entries = _entries()
    assert "PPP" not in entries and "BNP" not in entries   # also public-private partnership, BNP Paribas
    assert entries["PTI"].sector == "JRN"                  # the Press Trust of India, not a party


@pytest.mark.model
def test_a_caseless_storys_parties_are_found_with_their_codes():
    from geowire.actors.recognise import find_actors
    from geowire.model import Document
    from geowire.nlp.spacy_nlp import make_spacy_parser

    text = ("new delhi: the bjp on monday accused the vhp of raising tension in the temple town. leaders of the "
            "bajrang dal and the samajwadi party met the governor and asked him to deploy the crpf in the district "
            "before the festival. the governor said the state would take every step needed to keep the peace.")
    parsed = make_spacy_parser()(Document(id="p", text=text)).parsed
    found = {a.text.lower(): (a.country, a.sector) for a in find_actors(parsed)}
    assert found["bjp"] == ("IND", "PTY")
    assert found["vhp"] == ("IND", "REL")
    assert found["crpf"] == ("IND", "COP")
    assert found["bajrang dal"] == ("IND", "REL")


INDIAN_STORY = ("new delhi: the congress on monday accused the centre of failing to protect the minorities in "
                "gujarat. the party said the centre had ignored the reports of the state police and that the relief "
                "centre in ahmedabad had no food. congress leaders met the president in new delhi and asked him to "
                "dismiss the state government. the centre of the city remained tense.")


@pytest.fixture(scope="module")
def indian_story_actors():
    from geowire.model import Document
    from geowire.pipeline import Pipeline

    doc = Pipeline.from_config().process_one(Document(id="c", text=INDIAN_STORY, published="2024-03-04",
                                                     language="en")).document
    return {a.start: (a.text.lower(), a.country, a.sector) for a in doc.actors}


@pytest.mark.model
def test_in_an_indian_story_the_congress_is_the_party_and_the_centre_its_government(indian_story_actors):
    at = indian_story_actors
    assert at[INDIAN_STORY.index("congress on monday")] == ("congress", "IND", "PTY")
    assert at[INDIAN_STORY.index("centre of failing")] == ("centre", "IND", "GOV")
    assert at[INDIAN_STORY.index("congress leaders")] == ("congress leaders", "IND", "PTY")


@pytest.mark.model
def test_a_centre_that_is_a_place_or_a_building_is_no_actor(indian_story_actors):
    assert INDIAN_STORY.index("centre in ahmedabad") not in indian_story_actors
    assert INDIAN_STORY.index("centre of the city") not in indian_story_actors


@pytest.mark.model
def test_a_word_has_its_national_sense_only_in_that_countrys_news():
    from geowire.model import Document
    from geowire.pipeline import Pipeline

    text = ("WASHINGTON - Congress on Monday passed the spending bill after a long debate in Washington, and the "
            "Centre for Budget Studies in Chicago said the cuts were too deep.")
    doc = Pipeline.from_config().process_one(Document(id="u", text=text, published="2024-03-04",
                                                     language="en")).document
    found = {a.text: (a.country, a.sector) for a in doc.actors}
    assert found["Congress"] == ("USA", "LEG")
    assert not any(a.sector == "GOV" and a.text.lower() == "centre" for a in doc.actors)


def test_the_leading_country_is_the_one_named_twice_as_often_as_any_other():
    from geowire.model import Place, leading_country

    def place(code, lat=1.0):
        return Place(start=0, end=1, text="x", lat=lat, lon=1.0, country_code=code)

    assert leading_country([place("IN"), place("IN"), place("US")]) == "IN"
    assert leading_country([place("IN"), place("IN"), place("US"), place("US")]) is None
    assert leading_country([place("IN"), place("US", lat=None), place("US", lat=None)]) == "IN"
    assert leading_country([]) is None
