"""Twenty-second pass: a happening a purpose clause is set against ("to end the impasse in the wake of the riots")
is a happening, not part of the purpose; what is prevented ("prevented riots") did not happen; the subject of a
verb is none of the actors of an adverbial clause set before it ("Accusing the X government of bias, he said").
Sentences written for these tests (real spaCy model, full analysis
pipeline)."""

import pytest

pytestmark = pytest.mark.model


def _types(events):
    return [e.type for e in events]


@pytest.mark.parametrize("text", [
    "The minister sought the help of the elders to end the impasse in the wake of the Mombasa killings.",
    "The governor called in the army to restore calm in the town after the riots in Mombasa.",
])
def test_a_happening_the_purpose_is_set_against_is_told(code, text):
    assert {"ASSAULT", "PROTEST"} & set(_types(code(text)))


def test_what_the_purpose_is_stays_untold(code):
    assert not {"ASSAULT", "PROTEST"} & set(_types(code(
        "The minister sought the help of the elders to end the killings in the district.")))


@pytest.mark.parametrize("text", [
    "The police prevented riots in Mombasa on Monday.",
    "The governor called in the army to prevent riots in Mombasa.",
    "Quick action by the guards averted an attack on the power plant in Mombasa.",
])
def test_a_prevented_act_did_not_happen(code, text):
    assert not {"ASSAULT", "PROTEST"} & set(_types(code(text)))


@pytest.mark.parametrize("text", [
    "Accusing the Narendra Modi government of bias, he said the police had arrested 40 workers in the town.",
    "Criticising the Narendra Modi government, she said the relief camps in the district had no food.",
])
def test_the_speaker_is_not_the_one_the_clause_before_accuses(code, text):
    accusations = [e for e in code(text) if e.type == "ACCUSE"]
    assert accusations and all("Modi" in e.target.text for e in accusations)
    assert all(e.source is None or "Modi" not in e.source.text for e in accusations)


@pytest.mark.parametrize("text", [
    "More than 40 people signed up to speak at the council hearing.",
    "Hundreds of young men signed up for the army in the border towns.",
])
def test_signing_up_is_enrolling_not_agreeing(code, text):
    assert "AGREE" not in _types(code(text))


def test_signing_a_deal_is_still_agreeing(code):
    assert "AGREE" in _types(code("The two sides signed a ceasefire agreement in Doha on Monday."))


FLOOD_STORY = ("Kochi: Opposition leader Ravi Menon on Monday said the floods had destroyed 300 homes in the district. "
               "The relief camps had no food and no water. Many families were sleeping on the roads. The schools "
               "were closed for a week. The government has failed the victims, he alleged.")


def test_he_who_alleges_far_from_any_name_is_the_storys_last_speaker(code):
    [accusation] = [e for e in code(FLOOD_STORY) if e.type == "ACCUSE"]
    assert accusation.source is not None and "Menon" in accusation.source.text


def test_a_body_that_spoke_is_no_he(code):
    text = FLOOD_STORY.replace("Opposition leader Ravi Menon", "The state disaster authority")
    [accusation] = [e for e in code(text) if e.type == "ACCUSE"]
    assert accusation.source is None or "authority" not in accusation.source.text


@pytest.mark.parametrize(("text", "asked"), [
    ("The opposition demanded the resignation of the defence minister on Monday.", "defence minister"),
    ("The bishops called for Israel's withdrawal from the occupied areas.", "Israel"),
])
def test_a_demand_for_someones_own_act_is_made_of_them(code, text, asked):
    [request] = [e for e in code(text) if e.type == "REQUEST"]
    assert request.target is not None and asked in request.target.text


def test_a_demand_for_what_is_done_to_someone_is_not_made_of_them(code):
    [request] = [e for e in code("The union demanded the release of the arrested workers.") if e.type == "REQUEST"]
    assert request.target is None or "workers" not in request.target.text


def test_an_accusation_told_in_the_passive_accuses_the_agent(code):
    [accusation] = [e for e in code("He alleged that the mediator was being used and pressurised by the government.")
                    if e.type == "ACCUSE"]
    assert accusation.target is not None and "government" in accusation.target.text


def test_the_one_an_act_was_done_to_is_not_accused(code):
    [accusation] = [e for e in code("He alleged that the opposition leader was arrested without a warrant.")
                    if e.type == "ACCUSE"]
    assert accusation.target is None or "leader" not in accusation.target.text
