"""Act words in a sense that names no act (events/senses.py), on sentences written for these tests: each case
beside one where the same word does name an act."""

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def types(code_rules):
    return lambda text: [e.type for e in code_rules(text, keep_unasserted=False).events]


@pytest.mark.parametrize("text, kind", [
    ("The price of onions has shot up since the curfew began.", "ASSAULT"),
    ("Traders said the gap between demand and supply had widened in the old market.", "REQUEST"),
    ("Traders said high demand for rice had emptied the warehouses at the harbour.", "REQUEST"),
    ("The lawyer said the new charges were targeted at the editor of the weekly.", "ASSAULT"),
    ("Farmers have camped by the river since June fighting construction of the dam.", "ASSAULT"),
    ("The union says free trade deals have cost thousands of jobs.", "AGREE"),
    ("Detaining journalists for their reporting is a violation of the constitution, the bar association said.",
     "COERCE"),
    ("Residents fear the new highway, which they say threatens their homes.", "THREATEN"),
    ("Floods threaten the harvest in the delta, the agriculture ministry said.", "THREATEN"),
    ("Disagreeing with the argument, a senior official told reporters the payments were fair.", "REJECT"),
])
def test_a_word_in_its_other_sense_is_no_act(types, text, kind):
    assert kind not in types(text)


@pytest.mark.parametrize("text, kind", [
    ("Gunmen shot up a wedding party in the village on Sunday.", "ASSAULT"),
    ("Striking dockers renewed their demand for higher wages on Monday.", "REQUEST"),
    ("Rebels targeted an army convoy near the pass on Tuesday.", "ASSAULT"),
    ("Government troops fought the rebels near the pass on Tuesday.", "ASSAULT"),
    ("The two neighbours signed trade deals with each other on Monday.", "AGREE"),
    ("The police detained journalists in the capital on Monday.", "COERCE"),
    ("The militia threatened the villagers on Monday.", "THREATEN"),
    ("The union rejected the offer of a two percent raise on Monday.", "REJECT"),
])
def test_the_same_word_in_its_sense_of_an_act_still_is(types, text, kind):
    assert kind in types(text)
