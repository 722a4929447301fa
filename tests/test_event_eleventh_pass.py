"""Readings of the eleventh pass on precision, on sentences written for these tests: the rest of the current
period is still to come, an act planned or called for by a noun has not happened, restraint of oneself coerces no
one, a court appeal or an advocate's plea asks nothing of anyone, and a meeting needs a partner."""

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(code_rules):
    return lambda text: code_rules(text, keep_unasserted=False).events  # the default coder


@pytest.fixture(scope="module")
def asserted(extract_analysed):
    def run(text, published="2024-05-06"):
        events = extract_analysed(text, published=published).events
        return [e.type for e in events if e.certainty not in ("speculative", "negated")]
    return run


def test_an_act_later_this_month_has_not_happened_yet(asserted):
    assert "CONSULT" not in asserted("The prime minister travels to Berlin later this month for talks.")
    assert "CONSULT" not in asserted("The president's visit to Beijing later this month is his first abroad.")


def test_an_act_earlier_this_month_has(asserted):
    assert "CONSULT" in asserted("The prime minister visited Berlin earlier this month, his office said.")


@pytest.mark.parametrize("text", [
    "British officials said consideration is being given to a summit between the two presidents.",
    "The minister gave serious consideration to talks with the rebels.",
    "Plans for talks between the government and the rebels were drawn up in Nairobi.",
])
def test_an_act_weighed_or_planned_by_a_noun_has_not_happened(code, text):
    assert [e.type for e in code(text) if e.certainty not in ("speculative", "negated")] == []


def test_an_act_supported_by_a_noun_still_happened(code):
    assert "CONSULT" in [e.type for e in code("The opposition leaders held talks with the government in Nairobi.")]


def test_restraint_of_oneself_coerces_no_one(code):
    assert code("The coalition forces have restricted themselves in the firepower they use.") == []
    assert [e.type for e in code("The police restricted the marchers to the main square.")] == ["COERCE"]


@pytest.mark.parametrize("text", [
    "The appeal was heard behind closed doors on Tuesday.",
    "Her lawyers filed an appeal against the verdict on Monday.",
    "The attorney-general pleading the party's case in the supreme court angered its allies.",
])
def test_a_court_appeal_or_an_advocates_plea_asks_nothing_of_anyone(code, text):
    assert [e.type for e in code(text) if e.type == "REQUEST"] == []


def test_an_appeal_for_help_is_a_request(code):
    assert [e.type for e in code("The villagers made an appeal to the army for help.")] == ["REQUEST"]


@pytest.mark.parametrize("text", [
    "The security committee met on Thursday evening in Delhi.",
    "Discussing the crisis of governance, the governor said people have died of hunger.",
    "The president discussed the economy in a long speech on Monday.",
])
def test_a_meeting_or_discussion_of_one_party_is_no_consultation(code, text):
    assert [e.type for e in code(text) if e.type == "CONSULT"] == []


@pytest.mark.parametrize("text", [
    "The two presidents met in Geneva on Monday.",
    "The Kenyan president met the Ethiopian prime minister in Nairobi.",
    "The Kenyan foreign minister met with rebel leaders on Monday.",
    "The Kenyan foreign minister discussed the crisis with his Ugandan counterpart.",
    "Kenya and Uganda discussed the border dispute on Monday.",
])
def test_a_meeting_or_discussion_with_a_partner_is_a_consultation(code, text):
    assert "CONSULT" in [e.type for e in code(text)]


@pytest.mark.parametrize("text", [
    "We all must do more to prevent that thousands of people risk their lives at sea.",
    "The army will send more troops to prevent attacks on the convoys.",
    "The government did not send troops to stop the march.",
])
def test_an_aim_shares_the_modal_or_negation_of_its_clause(code, text):
    assert [e.type for e in code(text) if e.type == "COERCE"] == []


def test_an_aim_of_an_act_done_is_still_read(code):
    assert "COERCE" in [e.type for e in code("The police fired tear gas to disperse the crowd.")]


def test_something_compromised_is_endangered_not_conceded(code):
    assert code("The information that goes from the units to their commanders can be easily compromised.") == []
    assert "CONCEDE" not in [e.type for e in code("The leak compromised the inquiry into the bombing.")]


def test_compromising_with_someone_is_a_concession(code):
    assert "CONCEDE" in [e.type for e in code("The two parties compromised on the budget after weeks of talks.")]


@pytest.mark.parametrize("text", [
    "The teachers went on strike on Monday.",
    "Doctors in the capital remained on strike for a third day.",
])
def test_being_on_strike_is_a_strike(code, text):
    assert ("PROTEST", "strike") in [(e.type, e.mode) for e in code(text)]


def test_a_present_relative_clause_describes_its_noun(code):
    events = code("Kenya and Tanzania, which blame Uganda for the border crisis, closed the road.")
    assert "ACCUSE" not in [e.type for e in events]
    told = code("Kenya, which blamed Uganda for the border crisis on Monday, closed the road.")
    assert "ACCUSE" in [e.type for e in told]


def _located(document, kind):
    return [(e.location.name if e.location else None) for e in document.events if e.type == kind]


def test_a_country_visited_is_where_the_visit_was_not_the_storys_town(extract_analysed):
    text = ("Troops pushed into western Mosul on Monday. Mosul is the last city held by the group. Mosul's old "
            "town is surrounded. Earlier this week, the defence secretary visited Iraq.")
    assert _located(extract_analysed(text), "CONSULT") == ["Iraq"]


def test_outrage_at_an_attack_elsewhere_is_voiced_where_the_speaker_is(extract_analysed):
    text = "WASHINGTON — U.S. officials have expressed outrage at the apparent chemical weapons attack in Syria."
    assert _located(extract_analysed(text), "ACCUSE") == ["Washington"]


@pytest.mark.parametrize("text", [
    "At least four soldiers are suspected of having helped the attackers.",
    "The ministry accuses its neighbour of backing and supporting militant groups.",
])
def test_an_act_someone_is_charged_with_is_alleged_not_told(code, text):
    assert [e.type for e in code(text) if e.type in ("AID", "SUPPORT")] == []


def test_an_attack_someone_is_blamed_for_did_happen(code):
    events = code("The ministry blamed the rebels for the attack on the convoy.")
    assert "ACCUSE" in [e.type for e in events]


def test_an_act_condemned_is_taken_as_done(code):
    events = code("The ministers condemned Russia for attacking civilians in Kharkiv.")
    assert {"ACCUSE", "ASSAULT"} <= {e.type for e in events}


def test_an_obligation_failed_in_the_past_is_a_reproach_not_a_demand(code):
    past = code("The opposition leader said the government should have consulted its allies before the vote.")
    assert [e.type for e in past] == ["ACCUSE"]
    ahead = code("The opposition leader said the government should consult its allies before the vote.")
    assert [e.type for e in ahead] == ["REQUEST"]


def test_must_have_done_is_an_inference_that_asks_nothing(code):
    assert code("The police chief said the attackers must have known the area well.") == []
