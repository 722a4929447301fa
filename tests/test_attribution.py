"""Attribution and its kind (events/attribution.py), on sentences written for these tests (real spaCy model,
actors from the actors stage, events from the coder)."""

import pytest

from geowire.events.attribution import _kind_table
from geowire.model import ATTRIBUTION_KINDS, Document


def test_kind_table_names_only_contract_kinds():
    table = _kind_table()
    assert {kind for entries in table.values() for kind in entries.values()} <= set(ATTRIBUTION_KINDS)
    assert set(table) == {"sector", "country", "word"}


@pytest.fixture(scope="module")
def attribution():
    from geowire.actors.recognise import find_actors
    from geowire.events.coder import make_plover_rules
    from geowire.nlp.spacy_nlp import load_model

    nlp, coder = load_model(), make_plover_rules()

    def run(text):
        doc = Document(id="t1", text=text, published="2024-05-01")
        doc.parsed = nlp(text)
        doc.actors = find_actors(doc.parsed)
        events = coder(doc).events
        assert events, "the test sentence should hold an event"
        found = events[0].attribution
        if found is not None:
            assert text[found.start:found.end] == found.text
            assert found.kind in ATTRIBUTION_KINDS
        return found

    return run



# --- attributions found ------------------------------------------------------------------------------------

@pytest.mark.model
def test_trailing_said_after_a_clause(attribution):
    found = attribution("Russian forces shelled the port overnight, Fox said.")
    assert found.text == "Fox"


@pytest.mark.model
def test_reported_that(attribution):
    found = attribution("The BBC reported that soldiers had stormed the village.")
    assert found.name == "BBC" and found.kind == "media"


@pytest.mark.model
def test_according_to_an_ngo(attribution):
    found = attribution("Police arrested 20 students, according to Amnesty International.")
    assert found.name == "Amnesty International" and found.kind == "ngo_igo"


@pytest.mark.model
def test_read_a_report_by(attribution):
    found = attribution("Rebels ambushed the convoy, read a report by the Associated Press.")
    assert found.name == "Associated Press" and found.kind == "media"


@pytest.mark.model
def test_in_a_statement_said(attribution):
    found = attribution("In a statement, the Israeli military said it struck a weapons depot.")
    assert "military" in found.text and found.kind == "military"


@pytest.mark.model
def test_images_from_showed(attribution):
    found = attribution("Images from a satellite imaging company showed that the army had destroyed the bridge.")
    assert found.text.lower().startswith("images") and found.kind == "imagery"


@pytest.mark.model
def test_imagery_by_general_words_not_a_name(attribution):
    found = attribution("Satellite imagery from Orbisight showed troops massing near the border.")
    assert found.kind == "imagery"


@pytest.mark.model
def test_resident_told_an_outlet(attribution):
    found = attribution("A resident told Reuters that militia fighters had stormed the market.")
    assert found.text == "resident" and found.kind == "eyewitness"


@pytest.mark.model
def test_trailing_anonymous_official_hung_on_the_object(attribution):
    found = attribution("Gunmen killed two farmers, a senior official who spoke on condition of anonymity said.")
    assert "official" in found.text and found.kind == "anonymous"


# --- kinds ------------------------------------------------------------------------------------------------

@pytest.mark.model
def test_sources_are_anonymous(attribution):
    assert attribution("Troops raided the camp, sources said.").kind == "anonymous"
    assert attribution("A source close to the inquiry said police had arrested the suspect.").kind == "anonymous"


@pytest.mark.model
def test_witnesses_are_eyewitnesses(attribution):
    assert attribution("Police fired tear gas at the marchers, witnesses said.").kind == "eyewitness"


@pytest.mark.model
def test_social_media_channels(attribution):
    assert attribution("Soldiers opened fire on the crowd, according to a post on Facebook.").kind == "social_media"
    assert attribution("Troops shelled the village, an activist tweeted.").kind == "social_media"
    assert attribution("Drones struck the refinery, the company said on Telegram.").kind == "social_media"


@pytest.mark.model
def test_known_speaker_wins_over_the_channel(attribution):
    found = attribution("The Israeli military said on Telegram that its jets struck a weapons depot.")
    assert found.kind == "military"


@pytest.mark.model
def test_media_words(attribution):
    assert attribution("Militants attacked the checkpoint, state television reported.").kind == "media"
    assert attribution("Protesters blocked the highway, the newspaper said.").kind == "media"


@pytest.mark.model
def test_police_are_official(attribution):
    assert attribution("Gunmen attacked a bus near the border, police said.").kind == "official"


@pytest.mark.model
def test_unknown_speaker(attribution):
    assert attribution("Rebels attacked the convoy, the company said.").kind == "unknown"
