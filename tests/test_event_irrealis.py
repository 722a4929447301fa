"""Acts a sentence names without telling that they happened (ninth and tenth passes), on sentences written for
these tests: aims and offers, abilities, things named after an act, acts being ended or put off, prayers, no one and
everyone, what is arranged ("is to visit"), meetings addressed."""

import pytest

from geowire.model import Place

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(code_rules):
    return lambda text, places=(): code_rules(text, keep_unasserted=False, places=places).events  # the default coder


@pytest.mark.parametrize("text", [
    "The exiles want to elect a new leader to fight the president in the next election.",
    "The ministers also want for the European Union to help the border towns.",
    "We are open to any suggestions to support the Kenyan government, the minister said.",
    "The minister said its missile forces are capable of attacking any base in the region.",
])
def test_an_aim_an_offer_or_an_ability_is_no_deed(code, text):
    assert code(text) == []


def test_an_attempt_launched_is_still_an_act(code):
    events = code("Ethiopian troops launched a new bid to retake the town from the rebels on Sunday.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_the_first_to_do_something_did_it(code):
    events = code("Obama became the first American president to visit Cuba in ninety years.")
    assert [e.type for e in events] == ["CONSULT"]


@pytest.mark.parametrize("text,kind", [
    ("Chile is open to discuss the border with the government of Peru.", "AGREE"),
    ("Chile is not willing to negotiate with the government of Peru.", "REJECT"),
])
def test_being_open_or_unwilling_to_act_is_a_statement_of_intent(code, text, kind):
    assert [e.type for e in code(text)] == [kind]


@pytest.mark.parametrize("text", [
    "Army attack helicopters flew over the town.",
    "The state criminal investigation department has three offices in the city.",
    "Hundreds of asylum seekers waited at the border crossing.",
])
def test_an_act_naming_a_kind_of_thing_or_person_is_no_act(code, text):
    assert code(text) == []


def test_an_act_named_by_its_own_kind_is_still_one(code):
    events = code("The army launched a bombing campaign against the rebels.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_an_act_being_ended_is_not_done(code):
    assert code("The deal could bring Iran relief from economic sanctions.") == []


def test_the_lifting_of_restrictions_is_a_concession_not_a_restriction(code):
    events = code("Life returned to normal after the lifting of all restrictions in the city.")
    assert [e.type for e in events] == ["CONCEDE"]


def test_lifting_sanctions_is_not_also_imposing_them(code):
    types = [e.type for e in code("The United States lifted sanctions on Iran on Monday.")]
    assert "SANCTION" not in types and len(types) == 1


@pytest.mark.parametrize("text", [
    '"Thank God, we are inside the airport," the commander said.',
    '"I ask God to bring him home," his mother said.',
])
def test_a_prayer_is_no_act_between_actors(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text", [
    "Nobody attacked the convoy.",
    "No one was arrested after the march.",
    "Everyone is complaining about the government.",
])
def test_no_one_did_it_or_everyone_does_it(code, text):
    assert code(text) == []


def test_a_state_another_verb_is_done_to_is_not_where_it_happened(code):
    text = "Iran's missile attacks on the rebels were a measure preventing Pakistan from intervening."
    start = text.index("Pakistan")
    pakistan = Place(text="Pakistan", start=start, end=start + 8, name="Pakistan", lat=30.0, lon=70.0,
                     precision="country", country_code="PK", geonameid=1168579)
    events = code(text, places=[pakistan])
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.location is None or attack.location.name != "Pakistan"


def test_an_effort_named_by_its_act_is_that_act(code):
    events = code("Qatar's emir launched a mediation effort between the Emirates and Saudi Arabia on Saturday.")
    assert [e.type for e in events] == ["CONSULT"]


def test_two_reported_clauses_tell_two_acts(code):
    # lower-case, as some papers' archives give it: the small model reads the two clauses as two complements
    events = code("to disperse the crowd at the market, the police fired over 30 rounds and over 80 persons were "
                  "arrested in combing operations in the city, police commissioner a k rao said.")
    assert sorted(e.type for e in events) == ["ASSAULT", "COERCE"]


def test_going_on_to_act_is_acting(code):
    events = code("The UN chief went on to accuse the government of killing civilians.")
    assert "ACCUSE" in [e.type for e in events]


def test_talks_said_to_be_under_way_are_happening(code):
    events = code("Talks are underway with Kenyan security officials to expand the training programme.")
    assert [e.type for e in events] == ["CONSULT"]
    assert code("Sanctions are rarely effective.") == []


def test_a_memorandum_handed_over_is_a_petition_and_one_of_understanding_an_agreement(code):
    petition = code("Opposition leaders submitted a memorandum to the governor on Monday.")
    assert [e.type for e in petition] == ["REQUEST"]
    accord = code("Kenya and Ethiopia signed a memorandum of understanding on border trade.")
    assert "AGREE" in [e.type for e in accord] and "REQUEST" not in [e.type for e in accord]


def test_a_thing_described_as_proposed_by_someone_is_no_new_proposal(code):
    assert code("The minister defended the ceremony proposed by the temple trust.") == []


def test_an_act_a_danger_noun_names_has_not_happened(code):
    feared = code("The decision was stoked by the threat of further attacks by the militia.")
    assert all(e.type != "ASSAULT" for e in feared)
    assert [e.type for e in code("The militia carried out further attacks on the town.")] == ["ASSAULT"]


def test_a_campaign_rally_is_no_protest(code):
    assert code("The senator waved to supporters during a campaign rally in Denver.") == []
    assert [e.type for e in code("Thousands joined a rally against the government in Nairobi.")] == ["PROTEST"]


@pytest.mark.parametrize("text", [
    "In a memo, the envoys warned their ministers that the new plans would lead to clashes at the border.",
    "It came with a warning from aid officials that thousands of migrants are being sold in the markets.",
])
def test_a_warning_that_predicts_or_tells_a_state_is_no_threat(code, text):
    warnings = [e for e in code(text) if text[e.mentions[0].trigger_start:e.mentions[0].trigger_end] in (
        "warned", "warning")]
    assert warnings == []


@pytest.mark.parametrize("text", [
    "North Korea warned the United States that it would respond with force.",
    "The minister warned that the government would not tolerate any violence.",
])
def test_a_warning_that_announces_an_actors_act_is_a_threat(code, text):
    assert "THREATEN" in [e.type for e in code(text)]


def test_a_warning_that_a_country_will_act_is_a_threat(code):
    assert "THREATEN" in [e.type for e in code("Turkey warned Syria that the country would respond to any attack.")]


@pytest.mark.parametrize("text", [
    "Activists said the draft law would place severe restrictions on protests.",
    "Officials said such a gesture will help the talks.",
])
def test_what_a_thing_will_bring_is_no_statement_of_intent(code, text):
    assert all(e.type not in ("AGREE", "THREATEN") for e in code(text))


@pytest.mark.parametrize("text", [
    "A delegation of the opposition would meet the state governor on Thursday, party leaders said.",
    "The rebels said they would attack the capital.",
])
def test_what_an_actor_will_do_is_a_statement_of_intent(code, text):
    assert [e.type for e in code(text)] in (["AGREE"], ["THREATEN"])


def test_talking_to_the_media_is_no_consultation(code):
    assert code("The prime minister talks to media during a press conference in Bangkok.") == []


@pytest.mark.parametrize("text", [
    "The summit of the two presidents was postponed to next year.",
    "The rebels called off the peace talks after the shelling of their camp.",
    "The government put off the talks with the union until next month.",
])
def test_a_meeting_put_off_did_not_take_place(code, text):
    assert "CONSULT" not in [e.type for e in code(text)]


def test_a_meeting_held_is_still_a_consultation(code):
    assert [e.type for e in code("The two foreign ministers met in Geneva on Monday.")] == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "The president is to visit China next week.",
    "The talks between the two governments were to begin in Geneva on Monday.",
    "The two foreign ministers were to hold talks in Geneva on Monday.",
])
def test_what_is_to_happen_has_not_happened(code, text):
    assert code(text) == []


def test_an_act_told_inside_what_is_to_be_done_did_happen(code):
    events = code("Not much, if one were to hear about the arrests made by the police on Thursday.")
    assert [e.type for e in events] == ["COERCE"]


def test_a_meeting_addressed_is_a_speech_not_a_consultation(code):
    assert code("The chief minister addressed a public meeting of farmers in the town on Sunday.") == []


@pytest.mark.parametrize("text", [
    "The opposition sought talks with the government on Monday.",
    "The United Nations called for talks between the two sides.",
    "The families are demanding the release of the fishermen.",
    "The ministers are weighing sanctions against the regime.",
])
def test_an_act_asked_for_or_weighed_is_not_done(code, text):
    assert [e for e in code(text) if e.type not in ("REQUEST", "REJECT")] == []


def test_talks_held_are_done(code):
    assert [e.type for e in code("The opposition held talks with the government on Monday.")] == ["CONSULT"]


def test_seeking_to_do_something_is_no_request(code):
    assert code("The government seeks to secure the northern border.") == []


def test_what_befalls_an_actor_is_no_statement_of_intent(code):
    assert code("If it signs the deal, the government will lose control of the port.") == []


@pytest.mark.parametrize("text", [
    "Security was tight in the capital ahead of the talks between the two leaders.",
    "The minister spoke to reporters on the eve of the summit of the two presidents.",
    "Shops stayed shut in the run-up to the protest against the new law.",
])
def test_an_act_named_as_a_time_to_come_is_not_told(code, text):
    assert code(text) == []


def test_an_act_told_in_the_run_up_to_another_is_told(code):
    events = code("In the run-up to the protest, the police detained ten activists.")
    assert [e.type for e in events] == ["COERCE"]


def test_a_present_relative_clause_describes_a_standing_relation(code):
    assert code("Russia, which backs the Syrian president, shipped no wheat in May.") == []


def test_a_dated_relative_clause_tells_an_act(code):
    events = code("The militias that Iran supported in 2015 are weaker now.")
    assert [e.type for e in events] == ["SUPPORT"]


@pytest.mark.parametrize("text, kind", [
    # a relative clause under an opinion tells a fact of its noun, which the opinion takes for granted
    ("Many believe the talks will go better with General Ortiz, who last week accused the rebels of shelling "
     "the port.", "ACCUSE"),
    ("Analysts think the new envoy, who met the Iranian foreign minister on Monday, will push for a deal.",
     "CONSULT"),
])
def test_a_relative_clause_under_an_opinion_tells_a_fact(code, text, kind):
    assert kind in [e.type for e in code(text)]


@pytest.mark.parametrize("text, kind", [
    ("Many believe General Ortiz accused the rebels of shelling the port.", "ACCUSE"),
    # a present or infinitive relative clause tells no act done
    ("We do not believe Moscow has good aims in a region which is trying to help its farmers.", "AID"),
    ("I believe that the best way to help the farmers is through trade.", "AID"),
])
def test_an_opinion_still_covers_its_own_clause(code, text, kind):
    assert kind not in [e.type for e in code(text)]
