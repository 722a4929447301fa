"""Sixteenth pass on recall: violence, arson and mayhem as happenings (ACLED's riots: mob violence), a charge made
in a clause ("charged that ..."), and support given to someone. Sentences written for these tests (real spaCy
model); the coded ones gave no event of that type at e0f7608."""

import pytest

pytestmark = pytest.mark.model


def _types(events):
    return [(e.type, e.mode) for e in events]


@pytest.mark.parametrize("text", [
    "Communal violence in the town left dozens of shops burnt on Sunday.",
    "Cases of arson were reported from the old city on Monday night.",
    "The mayhem in the market lasted for three hours before the curfew.",
])
def test_violence_arson_and_mayhem_are_riots(code, text):
    assert ("PROTEST", "riot") in _types(code(text))


@pytest.mark.parametrize("text", [
    "Violence against women is a serious problem in many countries.",
    "The police chief said there was no violence in the district on Friday.",
    "The memorandum says that the definition of domestic violence in the bill was totally inadequate.",
    "He said any violence is against the teaching of our scriptures.",
])
def test_violence_spoken_of_in_general_or_denied_is_no_riot(code, text):
    assert [e for e in code(text) if e.type == "PROTEST" and e.certainty in ("asserted", "reported")] == []


def test_a_charge_made_in_a_clause_is_an_accusation(code):
    [accusation] = [e for e in code("The opposition leader charged that the government had rigged the vote.")
                    if e.type == "ACCUSE"]
    assert accusation.source.text == "opposition leader" and accusation.target.text == "government"


def test_support_given_to_someone_is_support(code):
    assert "SUPPORT" in [e.type for e in code("The party's support to the strike call surprised the government.")]


@pytest.mark.parametrize("text", [
    'As he was received by volunteers at the airport, he asked: "has the people\'s anger settled down?"',
    '"Will the decision come when I am gone," he asked.',
    "When Commissioner of Police Ravi Pandey was asked for his reaction on the phenomenon, he quipped that the "
    "walled city remained quiet.",
    "The two MPs repeatedly interrupted the speaker, asking the chair about whether the state was the only issue "
    "in the country.",
])
def test_a_question_put_is_no_request(code, text):
    assert [e for e in code(text) if e.type == "REQUEST"] == []


def test_asking_someone_to_act_is_still_a_request(code):
    [request] = [e for e in code("The minister asked the army to restore order in the town.") if e.type == "REQUEST"]
    assert request.target.text == "army"


@pytest.mark.parametrize("text", [
    "The adviser insists there has been no change in policy toward the rebels.",
    "Some politicians in Europe also insist that they are not planning a ground invasion.",
    "Khan insisted that the call would pay rich dividends.",
])
def test_a_claim_insisted_on_is_no_request(code, text):
    assert [e for e in code(text) if e.type == "REQUEST"] == []


@pytest.mark.parametrize("text", [
    "The union insisted that the talks should resume on Monday.",
    "The opposition insisted that the minister resign at once.",
])
def test_insisting_that_someone_act_is_a_request(code, text):
    assert "REQUEST" in [e.type for e in code(text)]


@pytest.mark.parametrize("text", [
    "Talking to mediapersons later, Jaiswal said that the decision had been deferred.",
    "He was talking to pressmen at the airport on his arrival from Delhi.",
])
def test_talking_to_the_press_in_one_word_is_no_consultation(code, text):
    assert [e for e in code(text) if e.type == "CONSULT"] == []


@pytest.mark.parametrize("text", [
    'Asked whether he got the permission, Kishore shot back, "we do not need any permission."',
    "It is a suggestion which the prime minister has shot down repeatedly.",
    "The prime minister is also understood to have shot down talk of early elections.",
    "The home department had also shot off a letter to the interior ministry on Friday.",
])
def test_words_shot_back_and_ideas_shot_down_are_no_assault(code, text):
    assert [e for e in code(text) if e.type == "ASSAULT"] == []


def test_shooting_back_at_someone_is_still_an_assault(code):
    [attack] = [e for e in code("The soldiers shot back at the gunmen, killing two of them.") if e.type == "ASSAULT"]
    assert attack.source.text == "soldiers" and attack.target.text == "gunmen"


def test_the_one_lashed_out_at_is_the_target(code):
    [accusation] = [e for e in code("The MP also lashed out at the opposition parties for the walkout.")
                    if e.type == "ACCUSE"]
    assert accusation.target is not None and accusation.target.text == "opposition parties"


@pytest.mark.parametrize("text, kind, target", [
    ("Shiv Sena chief Bal Thackeray has already extended support to the VHP's temple construction movement.",
     "SUPPORT", "VHP"),
    ("The Congress leader condemned the intransigence of the VHP and its leaders.", "ACCUSE", None),
])
def test_an_act_on_someones_doing_is_aimed_at_them(code, text, kind, target):
    [event] = [e for e in code(text) if e.type == kind]
    assert event.target is not None and (target is None or event.target.text == target)


def test_support_expressed_as_their_own_has_no_target(code):
    [support] = [e for e in code("Residents of the eastern side of the city are expressing their support.")
                 if e.type == "SUPPORT"]
    assert support.source.text == "Residents" and support.target is None


def test_a_name_the_actor_reader_found_is_a_side_whatever_the_tagger_makes_of_it_here(code):
    text = ("bangalore: the rashtriya swayamsevak sangh (rss) on sunday issued a veiled warning to the minority "
            "community not to oppose the construction of the temple in the town. in a resolution passed on the last "
            "day of the three-day meet here, the rss said the minorities should understand that their safety lay in "
            "the goodwill of the majority. the resolution was adopted without any debate.")
    [warning] = [e for e in code(text) if e.type == "THREATEN"]
    assert warning.source is not None and warning.source.text.lower() == "rashtriya swayamsevak sangh"


def test_security_arrangements_made_are_a_mobilisation(code):
    assert "MOBILIZE" in [e.type for e in code("Tight security arrangements have been made by the police in the "
                                                "town ahead of the march on Friday.")]
