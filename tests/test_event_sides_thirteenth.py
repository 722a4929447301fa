"""Sources and targets, thirteenth pass (issue #13): readings of English found by reading the blind batches' wrong
sides, on sentences written for these tests (real spaCy model). Each failed on the code before it (c9bcab8)."""

import pytest
from test_event_sides import _of_type, _text

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(code_rules):
    return lambda text: code_rules(text, published="2024-05-01")


def test_he_said_by_a_name_the_tagger_calls_a_person_elsewhere_in_the_story(code):
    # "Mwangaza" is a person where named in full, a place to the tagger where it stands alone: "he" in what
    # Mwangaza said is still Mwangaza, not the police chief who spoke before
    doc = code("Police chief John Okello said officers detained opposition leader Fred Mwangaza. Mwangaza described "
               "the case against him as absurd and said he refused to give a statement to the detectives.")
    assert _text(_of_type(doc, "REJECT").source) == "Fred Mwangaza"
    doc = code("Police chief John Okello said officers detained opposition leader Fred Nyanzi. Nyanzi described "
               "the case against him as absurd and said he refused to give a statement to the detectives.")
    assert all(_text(e.source) != "John Okello" for e in doc.events if e.type == "REJECT")


def test_a_force_in_a_when_clause_is_how_an_agentless_harm_was_done(code):
    assert _text(_of_type(code("Six villagers were wounded when soldiers opened fire on the crowd."),
                          "ASSAULT").source) == "soldiers"
    assert _text(_of_type(code("Two men were killed as soldiers shelled the village."), "ASSAULT").source) \
        == "soldiers"
    # not the harmed themselves, nor one side of a mutual fight
    assert _text(_of_type(code("Two militants were killed when they attacked a checkpoint."), "ASSAULT").source) \
        is None
    clashed = code("One man was injured when rival mobs clashed in the market.")
    assert all(_text(e.source) != "mobs" for e in clashed.events if e.type == "ASSAULT")


def test_a_plea_carried_to_the_one_a_verb_of_addressing_names(code):
    doc = code("The opposition leader approached the supreme court seeking a stay on the order.")
    request = _of_type(doc, "REQUEST")
    assert (_text(request.source), _text(request.target)) == ("opposition leader", "supreme court")
    doc = code("On Monday the union moved the high court seeking the release of its members.")
    assert _text(_of_type(doc, "REQUEST").target) == "high court"
    # a participle describing an object that no one went to still tells the object's own act
    assert _text(_of_type(code("Police stopped protesters demanding reforms."), "REQUEST").source) == "protesters"
