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


@pytest.mark.parametrize("text, target", [
    ("The mayor said the court's ruling was unacceptable.", "court"),
    ("Residents said the police were brutal during the raid.", "police"),
    ("The editor said the charges against the reporters were baseless.", None),
])
def test_a_reported_clause_of_censure_accuses(code_rules, text, target):
    coded = code_rules(text, keep_unasserted=False).events
    events = [e for e in coded if e.type == "ACCUSE"]
    assert events, [(e.type, e.mode) for e in coded]
    assert events[0].source is not None
    if target:
        assert events[0].target is not None and target in events[0].target.text


@pytest.mark.parametrize("text", [
    "The governor said the situation in the camps was unacceptable.",
    "The minister said the talks were constructive.",
    "The senator told reporters he did not believe the embargo was a mistake.",
    "\"We think it is irresponsible to spread such rumours,\" the spokesman said.",
])
def test_a_clause_that_blames_no_one_accuses_no_one(coded, text):
    assert "ACCUSE" not in [kind for kind, _ in coded(text)]


def test_what_analysts_say_is_analysis(coded):
    assert "ACCUSE" not in [kind for kind, _ in coded("The raid was a deliberate provocation, analysts said.")]


@pytest.mark.parametrize("text, target", [
    ("The union leader said the grain traders were inciting the workers against each other.", "traders"),
    ("Villagers said the forest guards had failed to stop the poachers.", "guards"),
    ("The governor said opposition leaders were fuelling the unrest in the district.", "opposition"),
    ("Critics said the agency had misled parliament about the cost of the dam.", "agency"),
])
def test_a_reported_blameworthy_act_accuses_its_doer(code_rules, text, target):
    coded = code_rules(text, keep_unasserted=False).events
    events = [e for e in coded if (e.type, e.mode) == ("ACCUSE", "allege")]
    assert events, [(e.type, e.mode) for e in coded]
    assert events[0].source is not None and events[0].target is not None and target in events[0].target.text


@pytest.mark.parametrize("text", [
    "The coach said the new engine failed during the trial.",          # no duty left undone
    "The mayor said the council did not neglect the old quarter.",     # a blame denied
    "\"We failed to see the danger,\" the chairman said.",             # the speakers own the failure
    "The report said the plan could undermine trust.",                 # a plan blames no one
    "Officials said the two delegations failed to reach agreement on the border.",  # a refusal, not a blame
])
def test_a_reported_act_that_blames_no_one_accuses_no_one(coded, text):
    assert ("ACCUSE", "allege") not in coded(text)


@pytest.mark.parametrize("text", [
    "The union termed the new labour rules draconian.",
    "Residents said the police action was excessive.",
    "The opposition described the arrests as vindictive.",
])
def test_more_words_of_censure_accuse(coded, text):
    assert ("ACCUSE", "disapprove") in coded(text)
