"""Censure by a word of judgement (judgements.tsv, the trigger requirement pred:<judgement>): to call, term,
describe or dub someone's act, decision or proposal a word that condemns it accuses its author. Sentences
written for these tests."""

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def coded(code_rules):
    return lambda text: [(e.type, e.mode) for e in code_rules(text, keep_unasserted=False).events]


@pytest.mark.parametrize("text", [
    "The farmers' union termed the new tax as grossly unfair.",
    "The opposition called the curfew order unconstitutional on Tuesday.",
    "Rights groups described the new law as an affront to the constitution.",
    "The chief minister termed the bombing an act of terrorism.",
])
def test_calling_an_act_a_word_of_censure_accuses(coded, text):
    assert ("ACCUSE", "disapprove") in coded(text)


@pytest.mark.parametrize("text", [
    "The minister described the talks as constructive.",
    "Police described the situation in the old city as tense.",
    "The governor called the flood the worst in a decade.",
])
def test_a_word_that_blames_no_one_accuses_no_one(coded, text):
    assert "ACCUSE" not in [kind for kind, _ in coded(text)]


def test_calling_on_someone_is_still_a_request(coded):
    assert "REQUEST" in [kind for kind, _ in coded("The president called on the rebels to lay down their arms.")]
