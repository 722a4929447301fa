"""What did not happen, thirteenth pass (docs/events.md): trigger words that tell no act between actors, on
sentences written for these tests; each group beside sentences where the same words do tell an act."""

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def types(code_rules):
    return lambda text: [e.type for e in code_rules(text, keep_unasserted=False).events]


# events/modality.py: look-alikes
@pytest.mark.parametrize("text, kind", [
    # a thing, a fact or an abstraction that helps or provides gives nothing
    ("The new legislation has helped farmers sell their crops at fair prices.", "AID"),
    ("That helps to explain why the talks stalled.", "AID"),
    ("The draft scheme provides for a payment of ten thousand rupees to each family.", "AID"),
    ("The new policy, which took effect in May, has helped small traders find buyers.", "AID"),
    ("Such efforts can only help the process.", "AID"),
    # papers released are no people freed
    ("The ministry released forty pages of notes on Friday.", "RETREAT"),
    # a question, a claim pleaded, a stance held, a briefing, a harsh word
    ("When asked about the new bridge, the mayor said it would open in May.", "REQUEST"),
    ("The shopkeeper's brother pleaded ignorance about the stolen jewels.", "REQUEST"),
    ("Those opposed to the law say it can be misused.", "REJECT"),
    ("The minister was talking to media persons at his residence on Tuesday.", "CONSULT"),
    ("The senator faced withering attacks from her rivals in the press.", "ASSAULT"),
])
def test_a_look_alike_is_no_act(types, text, kind):
    assert kind not in types(text)


@pytest.mark.parametrize("text, kind", [
    ("Japan provided food and tents to the flood victims on Monday.", "AID"),
    ("Volunteers helped the villagers rebuild their homes on Sunday.", "AID"),
    ("The charity, which opened a clinic in May, has helped flood victims rebuild their homes.", "AID"),
    ("the centre has provided rs 50 crore to the state for relief work.", "AID"),
    ("during the floods, sikhs had helped their hindu neighbours.", "AID"),
    ("The rebels released two hostages on Friday.", "RETREAT"),
    ("The mayor asked the contractors to finish the bridge by May.", "REQUEST"),
    ("The families pleaded for the release of the fishermen on Monday.", "REQUEST"),
    ("The senator opposed the bill in a speech on Monday.", "REJECT"),
    ("The minister held talks with his Chinese counterpart on Tuesday.", "CONSULT"),
    ("Rebels launched attacks on army posts near the border on Monday.", "ASSAULT"),
])
def test_the_same_words_tell_acts(types, text, kind):
    assert kind in types(text)


# events/certainty.py: acts judged needful, spoken of or forgone
@pytest.mark.parametrize("text, kind", [
    ("Some lawyers say the leak has made it more important to support a strong privacy law.", "SUPPORT"),
    ("Rumours spread that the minister had prepared a draft document on lifting the curfew.", "CONCEDE"),
    ("Members held a heated debate about sending troops to the border.", "MOBILIZE"),
    ("The deputy raised the question of lifting the sanctions on Monday.", "RETREAT"),
    ("Britain abstained instead of vetoing the resolution on Tuesday.", "REJECT"),
    ("The fighters will cross the river without fearing any restrictions, the commander said.", "COERCE"),
])
def test_an_act_not_told_as_done(types, text, kind):
    assert kind not in types(text)


@pytest.mark.parametrize("text, kind", [
    ("The minister lifted the curfew on Monday after a meeting on the situation.", "CONCEDE"),
    ("Britain vetoed the resolution on Tuesday.", "REJECT"),
])
def test_the_act_told_as_done(types, text, kind):
    assert kind in types(text)


# events/senses.py: act words in another sense
@pytest.mark.parametrize("text, kind", [
    ("Opposition lawmakers fought to overturn the law for two years.", "ASSAULT"),
    ("The minister said schools had reopened in the areas that were curfew-free.", "COERCE"),
    ("Jordan, which has a peace treaty with Israel, controls the holy sites.", "AGREE"),
    ("The decision will hurt the economy, says Amnesty's regional director.", "CONCEDE"),
    ("an officer who retired from the central bureau of investigations (cbi) was named to the post.", "ACCUSE"),
    ("While dispersing from the stadium, a crowd of fans smashed shop windows.", "COERCE"),
    ("Any deal struck between the rebels and the army will be fragile.", "ASSAULT"),
    ("Riot police marched through the old quarter on Friday night.", "PROTEST"),
    ("A close vigil is being kept on the movements of the suspects.", "PROTEST"),
    ("Japan and Korea agree on the need for caution, the minister said.", "AGREE"),
    ("Officials said the rebels agreed to release the hostages next week.", "RETREAT"),
    ("The firm had to make an extra charge of rs 9 crore for water this year.", "ACCUSE"),
    ("The envoy left Geneva after the talks failed to yield an accord between the two sides.", "REJECT"),
])
def test_a_word_in_another_sense_is_no_act(types, text, kind):
    assert kind not in types(text)


@pytest.mark.parametrize("text, kind", [
    ("The police imposed a curfew in the old city on Monday.", "COERCE"),
    ("Jordan signed a peace treaty with Israel in 1994.", "AGREE"),
    ("The police launched an investigation into the killings on Monday.", "ACCUSE"),
    ("The police dispersed the crowd with tear gas on Monday.", "COERCE"),
    ("Thousands of students marched through the capital on Friday.", "PROTEST"),
    ("Hundreds held a candlelight vigil for the victims on Sunday.", "PROTEST"),
    ("Japan and Korea agreed on a ceasefire on Monday.", "AGREE"),
    ("Prosecutors brought a charge of fraud against the mayor on Monday.", "ACCUSE"),
    ("The two sides reached an accord in Geneva on Monday.", "AGREE"),
])
def test_the_word_in_its_sense_of_an_act(types, text, kind):
    assert kind in types(text)
