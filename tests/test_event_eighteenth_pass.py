"""Eighteenth pass: an act on the ground told in passing, with no one named, is a happening of its own when its
sentence places it. Sentences written for these tests (real spaCy model, full analysis pipeline)."""

import pytest

pytestmark = pytest.mark.model


def told(events, type_):
    return [e for e in events if e.type == type_]


@pytest.mark.parametrize("text, type_, town", [
    ("Police imposed a curfew in the town after violence in Meerut.", "PROTEST", "Meerut"),
    ("The minister visited the camps for families displaced by the riots in Surat.", "PROTEST", "Surat"),
])
def test_an_act_on_the_ground_placed_by_its_sentence_is_told_beside_the_main_one(code, text, type_, town):
    [act] = told(code(text), type_)
    assert act.source is None and act.location is not None and act.location.name == town


@pytest.mark.parametrize("text", [
    "A curfew was imposed in the old town after the clashes.",
    "Schools were closed for a week after the riots.",
])
def test_an_act_told_in_passing_with_no_place_and_no_one_named_is_still_left_out(code, text):
    assert told(code(text), "ASSAULT") == [] and told(code(text), "PROTEST") == []


@pytest.mark.parametrize("text, type_, source, target", [
    ("The rights group expressed alarm at Russia's harassment of the channel.", "ACCUSE", "rights group", "Russia"),
    ("The senator took a swipe at the Congress over the budget.", "ACCUSE", "senator", "Congress"),
    ("The mayor has joined hands with the police to restore peace.", "COOPERATE", "mayor", "police"),
    ("The opposition put pressure on the chief minister to resign.", "REQUEST", "opposition", "chief minister"),
])
def test_feelings_voiced_jibes_taken_hands_joined_and_pressure_put_are_acts_of_the_light_verbs_subject(
        code, text, type_, source, target):
    [act] = told(code(text), type_)
    assert act.source is not None and act.source.text == source
    assert act.target is not None and act.target.text == target


def test_firing_from_or_on_someone_is_an_assault(code):
    assert [e.mode for e in code("Residents reported heavy firing from the rooftops on Sunday.")
            if e.type == "ASSAULT"] == ["firearms"]
    [firing] = [e for e in code("The firing on the crowd lasted an hour.") if e.type == "ASSAULT"]
    assert firing.target is not None and firing.target.text == "crowd"


@pytest.mark.parametrize("text", [
    "Making a scathing attack on the ruling party, the union leader said the reforms had failed.",
    "The opposition leader launched a blistering attack on the prime minister on Monday.",
])
def test_a_scathing_attack_is_censure_not_force(code, text):
    events = code(text)
    assert [e.type for e in events] == ["ACCUSE"] and events[0].mode == "disapprove"


def test_launching_an_attack_with_no_word_of_censure_stays_force(code):
    assert [e.type for e in code("Rebels launched an attack on the army base on Monday.")] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The union also cut short its three-day meeting in the port city on Sunday.",
    "The plan was raised at a meeting of the party's executive committee by the treasurer.",
])
def test_one_bodys_own_meeting_is_no_consultation(code, text):
    assert told(code(text), "CONSULT") == []


@pytest.mark.parametrize("text", [
    "The governor held a meeting with the chief minister on Monday.",
    "The prime minister called a meeting of the allies on Friday.",
    "Khan's meeting with the governor lasted an hour.",
    "The envoy told the governor at their meeting that the plan was incomplete.",
])
def test_a_meeting_with_a_partner_or_of_several_parties_stays_a_consultation(code, text):
    assert told(code(text), "CONSULT")


@pytest.mark.parametrize("text", [
    "Chile is not bound by this agreement, the foreign minister said.",
    "Any agreement also requires the approval of the parliament.",
    "The government abandoned the trade agreement with its neighbour.",
])
def test_an_agreement_named_as_a_standing_thing_is_no_agreement_reached(code, text):
    assert told(code(text), "AGREE") == []


@pytest.mark.parametrize("text", [
    "A peace deal was signed in Doha on Saturday.",
    "The two sides reached an agreement on Monday.",
])
def test_an_agreement_signed_or_reached_stays_an_agreement(code, text):
    assert told(code(text), "AGREE")


@pytest.mark.parametrize("text", [
    "A government proposal before the minister provides for a compensation of only 500 dollars to the families.",
    "To keep every seat filled, the bill provides that an absent councillor be replaced.",
])
def test_a_text_that_provides_for_something_lays_it_down_and_gives_no_aid(code, text):
    assert told(code(text), "AID") == []


def test_someone_who_provides_something_gives_aid(code):
    [aid] = told(code("The army provided food and shelter to the flood victims."), "AID")
    assert aid.source is not None and aid.source.text == "army"


@pytest.mark.parametrize("text", [
    "The ministry has also withdrawn its earlier order to close the border markets.",
    "As the deadline for withdrawal of candidacies passed on Monday, three candidates remained.",
    "Two businessmen pulled out of the race for the mayor's seat.",
    "The hearing stopped after the judge withdrew from the case.",
])
def test_a_word_or_a_decision_withdrawn_or_a_race_left_is_taken_back_not_a_force_pulled_out(code, text):
    assert told(code(text), "RETREAT") == []


@pytest.mark.parametrize("text", [
    "Russia withdrew its troops from the border on Monday.",
    "The rebels withdrew from the city after heavy fighting.",
    "Russian forces pulled out of the town on Sunday.",
])
def test_forces_withdrawn_stay_a_retreat(code, text):
    assert told(code(text), "RETREAT")


@pytest.mark.parametrize("text", [
    "While talking to a local radio station, he said the border area needed attention.",
    "Talking to these tired farmers, I am sure only a few want trouble, the mayor said.",
])
def test_talking_to_the_press_or_to_people_named_by_what_they_are_is_no_consultation(code, text):
    assert told(code(text), "CONSULT") == []


def test_talking_with_a_named_party_is_a_consultation(code):
    [talks] = told(code("Obama talked with Putin about Syria."), "CONSULT")
    assert talks.target is not None and talks.target.text == "Putin"


def test_an_order_to_ones_own_people_is_no_request_of_another_party(code):
    text = "The prime minister says he has instructed his staff to take all possible measures to find the missing."
    assert told(code(text), "REQUEST") == []


def test_an_instruction_to_another_body_stays_a_request(code):
    text = "The centre has instructed the district administration to shift the two stones."
    [request] = told(code(text), "REQUEST")
    assert request.target is not None and request.target.text == "district administration"


@pytest.mark.parametrize("text, type_", [
    ("The mayor was backed by council leader Ravi Kumar and opposition leader Sunil Mehta.", "SUPPORT"),
    ("Farmers and traders blocked the national highway for about an hour.", "PROTEST"),
    ("Students and teachers marched through the town on Friday.", "PROTEST"),
])
def test_one_act_of_coordinated_actors_read_from_one_word_is_one_event(code, text, type_):
    assert len(told(code(text), type_)) == 1


def test_states_named_together_keep_their_own_acts(code):
    assert len(told(code("Egypt, Bahrain and Sudan cut ties with Qatar on Monday."), "SANCTION")) == 3


@pytest.mark.parametrize("text", [
    "Mobs set fire to shops and trucks on the highway.",
    "A mob attacked the police station on Friday.",
])
def test_violence_by_a_crowd_is_a_riot(code, text):
    assert [(e.type, e.mode) for e in code(text)] == [("PROTEST", "riot")]


@pytest.mark.parametrize("text", [
    "Gunmen attacked the police station on Friday.",
    "A mob beat two men to death in the village.",
])
def test_violence_by_gunmen_or_by_a_mob_on_people_stays_an_assault(code, text):
    assert [e.type for e in code(text)] == ["ASSAULT"]
