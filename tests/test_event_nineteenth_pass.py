"""Nineteenth pass: words of war and of street violence, and dismissals, that the lexicon lacked. Sentences written
for these tests (real spaCy model, full analysis pipeline)."""

import pytest

pytestmark = pytest.mark.model


def types_of(events, type_):
    return [e for e in events if e.type == type_]


@pytest.mark.parametrize("text, type_, mode", [
    ("The army led a coup in the capital on Thursday.", "ASSAULT", None),
    ("The government is fighting a war against the rebels in the north.", "ASSAULT", None),
    ("A popular uprising against the king began in the capital in March.", "PROTEST", "riot"),
    ("The army began military operations in the valley on Monday.", "ASSAULT", None),
    ("Rioters looted shops in the market on Sunday.", "PROTEST", "riot"),
    ("A mob ransacked the office of the party in the town.", "PROTEST", "riot"),
    ("The students disrupted the proceedings of the assembly.", "PROTEST", "obstruct"),
    ("The workers shouted slogans against the management outside the factory.", "PROTEST", "demo"),
    ("The two candidates traded barbs over taxes on Monday.", "ACCUSE", "disapprove"),
    ("The president fired John Brennan, his security adviser, on Friday.", "SANCTION", None),
    ("Customs officers recovered 40 grenades from the truck.", "COERCE", "seize"),
    ("The minister admitted his failure to prevent the riots.", "CONCEDE", None),
    ("The envoy held contacts with the rebel leaders in Geneva.", "CONSULT", None),
])
def test_a_word_of_war_street_violence_dismissal_or_censure_is_an_event(code, text, type_, mode):
    [event] = types_of(code(text), type_)
    assert event.mode == mode


@pytest.mark.parametrize("text, type_", [
    ("Three people were admitted to hospital with burns.", "CONCEDE"),
    ("The police fired at the crowd near the station.", "SANCTION"),
    ("He was charged with war crimes in 2019.", "ASSAULT"),
    ("She recovered from her injuries within a month.", "COERCE"),
    ("The president fired John Brennan on Friday.", "ASSAULT"),
])
def test_the_other_senses_of_those_words_are_not(code, text, type_):
    assert types_of(code(text), type_) == []


@pytest.mark.parametrize("text, type_, mode", [
    ("Communal disturbances broke out in three towns on Sunday.", "PROTEST", "riot"),
    ("The mayor's convoy was mobbed by angry farmers outside the town.", "PROTEST", "riot"),
    ("The police barricaded all roads leading to the temple.", "COERCE", "restrict"),
    ("The union said it would abide by the tribunal's ruling.", "AGREE", None),
    ("The farmers took out a procession from the market to the collector's office.", "PROTEST", "demo"),
    ("The junta put down the strikes with force in 1988.", "COERCE", "restrict"),
    ("The senator complimented the governor for her handling of the floods.", "SUPPORT", None),
    ("The mediator held parleys with the tribal elders on Sunday.", "CONSULT", None),
])
def test_riots_barricades_processions_and_promises_to_abide_are_events(code, text, type_, mode):
    assert [e.mode for e in types_of(code(text), type_)] == [mode]


def test_a_disturbance_of_the_mind_is_no_riot(code):
    assert types_of(code("Doctors said many children suffer from sleep disturbances."), "PROTEST") == []


def test_holding_someone_responsible_for_deaths_or_a_riot_accuses_them(code):
    [accusation] = types_of(code("The opposition leader said the chief minister was responsible for the violence in the state."),
                            "ACCUSE")
    assert accusation.target is not None and accusation.target.text == "chief minister"
    assert types_of(code("The rebels and the army are responsible for the deaths of civilians."), "ACCUSE")
    assert types_of(code("Her team is responsible for coordinating the relief work."), "ACCUSE") == []


def test_defending_a_person_supports_them(code):
    [support] = types_of(code("The minister defended Ravi Menon in the assembly on Tuesday."), "SUPPORT")
    assert support.target is not None and support.target.text == "Ravi Menon"
    assert types_of(code("The troops defended the town against the rebels."), "SUPPORT") == []


@pytest.mark.parametrize("text", [
    "Police confront farmers blocking a highway during a march near Lima, Peru, March 3, 2021.",
    "Riot police block students marching toward the ministry in Accra, May 12, 2019.",
    "Teachers in Nairobi say officials should reopen the schools, Oct. 5, 2020.",
])
def test_a_sentence_ending_on_the_day_a_picture_was_taken_is_a_caption(code, text):
    assert code(text) == []


def test_a_sentence_of_the_story_dated_at_its_end_is_not(code):
    assert types_of(code("The ministry said police arrested two protesters in Accra, May 12, 2019."), "COERCE")


def test_what_the_speakers_say_they_themselves_must_do_asks_nothing_of_another_party(code):
    assert types_of(code("The spokesman said that we must all work for peace in the region."), "REQUEST") == []


def test_what_a_speaker_says_another_party_must_do_is_still_a_demand(code):
    [demand] = types_of(code("The minister said the rebels must withdraw from the town."), "REQUEST")
    assert demand.target is not None and demand.target.text == "rebels"


def test_a_hyphened_backer_before_a_noun_describes_it(code):
    assert types_of(code("The villagers fled a blistering Saudi-backed government offensive in May."),
                    "SUPPORT") == []


def test_contact_lost_is_no_consultation_but_contact_kept_is(code):
    assert types_of(code("Air traffic controllers lost contact with the pilots on Tuesday."), "CONSULT") == []
    assert types_of(code("The state police are in contact with the Delhi police."), "CONSULT")


@pytest.mark.parametrize("text", [
    "The H1N1 virus has killed 20 people in Mexico since April.",
    "A cholera outbreak killed 45 people in the district last week.",
    "Tropical storm Karla hit the coastal town in 2019 and killed 200 people.",
    "An earthquake struck the region on Monday, killing at least 300 people.",
    "A ferry capsized on the lake, killing 40 passengers.",
    "Twenty people were killed in the floods.",
])
def test_deaths_from_a_disease_a_disaster_or_an_accident_are_no_assault(code, text):
    assert types_of(code(text), "ASSAULT") == []


@pytest.mark.parametrize("text", [
    "Gunmen killed 20 people in the market.",
    "Rebels attacked the convoy, killing five soldiers.",
    "In a fresh outbreak of violence in the town, two men were stabbed to death.",
])
def test_killings_by_someone_stay_assaults(code, text):
    assert types_of(code(text), "ASSAULT")


@pytest.mark.parametrize("text", [
    "There were rumours of a shooting near the stadium on Friday.",
    "There are fears of violence in the town after the verdict.",
])
def test_an_act_rumoured_or_feared_did_not_take_place(code, text):
    assert types_of(code(text), "ASSAULT") == [] and types_of(code(text), "PROTEST") == []


@pytest.mark.parametrize("text", [
    '"The country will stay a target for the militants for years," warned analyst Mehmet Arslan.',
    "Mehmet Arslan, an analyst at a think tank, criticised the government.",
])
def test_what_an_analyst_says_is_analysis_not_a_partys_act(code, text):
    assert [e for e in code(text) if e.type in ("THREATEN", "ACCUSE")] == []


def test_what_a_minister_says_is_still_an_act(code):
    assert types_of(code("The minister warned the rebels against any attack."), "THREATEN")


def test_amassing_power_is_no_mobilisation_but_amassing_troops_is(code):
    assert types_of(code("The general amassed great wealth during his rule."), "MOBILIZE") == []
    assert types_of(code("Russia amassed troops on the border with Ukraine."), "MOBILIZE")
