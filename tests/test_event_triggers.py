"""Trigger lexicon rows added for recall (#13, eighth pass), on sentences written for these tests.

Each case names the word that must be read as a trigger and the PLOVER type it must give; the negative cases
check that a row with a requirement does not fire without it (real spaCy model)."""

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, word, type_", [
    # ACCUSE: summoning an envoy is a diplomatic protest; nouns of the disapproving verbs; "critical of"
    ("The foreign ministry summoned the Danish ambassador on Monday.", "summoned", "ACCUSE"),
    ("The decision drew an international outcry.", "outcry", "ACCUSE"),
    ("The minister faced a sharp rebuke from his own party.", "rebuke", "ACCUSE"),
    ("The senator was openly critical of the new budget.", "critical", "ACCUSE"),
    ("The mayor was unhappy with the way the police handled the march.", "unhappy", "ACCUSE"),
    # REQUEST: a summons to appear
    ("The judge summoned the chief of police to explain the delay.", "summoned", "REQUEST"),
    # REJECT: opposition faced or voiced, not the political opposition
    ("The plan met stiff opposition from the farmers' unions.", "opposition", "REJECT"),
    # CONCEDE: reversing or rescinding a decision
    ("Under pressure, the council reversed its decision to close the clinic.", "reversed", "CONCEDE"),
    ("The governor rescinded the curfew on Friday.", "rescinded", "CONCEDE"),
    # ASSAULT
    ("Hostilities between the two militias resumed overnight.", "hostilities", "ASSAULT"),
    ("Jets dropped bombs on the rebel camp.", "dropped", "ASSAULT"),
    ("The coalition began an air campaign against the militia.", "campaign", "ASSAULT"),
    ("The rebels retook the airport on Sunday.", "retook", "ASSAULT"),
    # COOPERATE, AID, CONSULT
    ("The two navies are running a joint operation in the strait.", "operation", "COOPERATE"),
    ("Foreign instructors trained the new police recruits.", "trained", "AID"),
    ("The envoy has been in touch with both governments.", "touch", "CONSULT"),
    # COERCE
    ("The court disallowed all gatherings near the site.", "disallowed", "COERCE"),
    ("Parliament stripped the deputy of his immunity.", "stripped", "COERCE"),
    ("Police fired rubber bullets at the crowd.", "fired", "COERCE"),
    # MOBILIZE
    ("The president ordered troops to the border.", "ordered", "MOBILIZE"),
    ("Police stepped up security around the stadium.", "stepped", "MOBILIZE"),
    ("Vigil along the coast has been strengthened.", "strengthened", "MOBILIZE"),
    # general verbs and nouns of the PLOVER definitions that the lexicon lacked
    ("A bomb exploded near the market on Tuesday.", "exploded", "ASSAULT"),
    ("Two farmers were hacked to death in the village.", "hacked", "ASSAULT"),
    ("The gunmen took six workers hostage.", "took", "ASSAULT"),
    ("Thousands took to the streets of the capital.", "took", "PROTEST"),
    ("The opposition called a dharna outside the assembly.", "dharna", "PROTEST"),
    ("Police nabbed two suspects at the station.", "nabbed", "COERCE"),
    ("Eleven students were taken into custody.", "custody", "COERCE"),
    ("The state rushed reinforcements to the district.", "rushed", "MOBILIZE"),
    ("Washington slapped sanctions on three banks.", "slapped", "SANCTION"),
    ("The two companies inked a deal with the ministry.", "inked", "AGREE"),
    ("The prime minister held discussions with the visiting envoy.", "discussions", "CONSULT"),
    ("The two armies teamed up against the insurgents.", "teamed", "COOPERATE"),
    ("The king relinquished power after the vote.", "relinquished", "CONCEDE"),
    ("The union lobbied for a higher minimum wage.", "lobbied", "REQUEST"),
    ("The minister hit out at the opposition leader.", "hit", "ACCUSE"),
    ("The president snubbed the summit.", "snubbed", "REJECT"),
    # police and court vocabulary of news English (Indian English "booked", "flag march", "bandobast" included)
    ("Police booked ten people under the Arms Act.", "booked", "ACCUSE"),
    ("Police have registered a case against the shopkeeper.", "registered", "ACCUSE"),
    ("The police filed a chargesheet against the gang.", "filed", "ACCUSE"),
    ("Detectives interrogated the driver overnight.", "interrogated", "ACCUSE"),
    ("The two men were remanded in custody until Friday.", "remanded", "COERCE"),
    ("Police recovered three pistols from the house.", "recovered", "COERCE"),
    ("Forty people were detained during a combing operation.", "operation", "COERCE"),
    ("Police lobbed teargas shells at the crowd.", "lobbed", "COERCE"),
    ("The army staged a flag march through the old city.", "march", "MOBILIZE"),
    ("Police patrolling was intensified in the area.", "patrolling", "MOBILIZE"),
    ("Security forces cracked down on the protesters.", "cracked", "COERCE"),
    ("The army was called in to restore order.", "called", "MOBILIZE"),
    ("Qatar snapped ties with its neighbour.", "snapped", "SANCTION"),
    ("The president spoke with his counterpart by phone on Monday.", "spoke", "CONSULT"),
    ("The bloc voiced support for the ceasefire plan.", "voiced", "SUPPORT"),
    ("The president offered condolences to the families.", "offered", "SUPPORT"),
    ("The mob thrashed two constables near the bus stand.", "thrashed", "ASSAULT"),
    ("Guards manhandled the reporters outside the court.", "manhandled", "ASSAULT"),
    ("Police fired in the air to scatter the crowd.", "fired", "COERCE"),
    ("The district administration clamped a curfew on the old quarter.", "clamped", "COERCE"),
    ("Prohibitory orders have been imposed in the town.", "orders", "COERCE"),
    ("Three youths were held for questioning.", "held", "COERCE"),
])
def test_added_trigger(triggers, text, word, type_):
    assert (word, type_) in triggers(text)


@pytest.mark.parametrize("text, word, type_", [
    ("The opposition won three seats in the city council.", "opposition", "REJECT"),
    ("He reversed the car into the garage.", "reversed", "CONCEDE"),
    ("She ordered a coffee and sat down.", "ordered", "MOBILIZE"),
    ("The campaign raised money for the new school.", "campaign", "ASSAULT"),
    ("He dropped his daughter at school.", "dropped", "ASSAULT"),
    ("The coach trained hard for the marathon.", "trained", "AID"),
    ("The patient remains in critical condition.", "critical", "ACCUSE"),
    ("Hackers hacked into the ministry's servers.", "hacked", "ASSAULT"),
    ("She took the train to the capital.", "took", "ASSAULT"),
    ("She took the train to the capital.", "took", "PROTEST"),
    ("The two sides signed a cessation of hostilities agreement.", "hostilities", "ASSAULT"),
    ("He booked a ticket for the morning flight.", "booked", "ACCUSE"),
    ("They questioned the wisdom of the plan.", "questioned", "ACCUSE"),
    ("The market recovered on Monday.", "recovered", "COERCE"),
    ("Farmers held a march to the district office.", "march", "MOBILIZE"),
    ("He called in sick on Monday.", "called", "MOBILIZE"),
    ("The two ministers held talks on Monday.", "held", "COERCE"),
    ("The firing of the manager surprised the staff.", "firing", "ASSAULT"),
    ("The minister spoke to reporters in the capital.", "spoke", "CONSULT"),
    ("'The talks failed,' said the analyst, speaking by phone from Geneva.", "speaking", "CONSULT"),
])
def test_required_context_is_needed(triggers, text, word, type_):
    assert (word, type_) not in triggers(text)
