"""Sources and targets read off English syntax (the ninth pass on sides), on sentences written for these tests
(real spaCy model). Each reading failed before it was written (checked against the code at 90ee3ed)."""

import pytest


@pytest.fixture(scope="module")
def code(code_rules):
    return lambda text, published="2024-05-01": code_rules(text, published=published)


@pytest.fixture(scope="module")
def actors():
    from geowire.actors.recognise import find_actors
    from geowire.nlp.spacy_nlp import load_model

    nlp = load_model()
    return lambda text: find_actors(nlp(text))


pytestmark = pytest.mark.model


def _of_type(doc, event_type):
    found = [e for e in doc.events if e.type == event_type]
    assert found, f"no {event_type} in {[e.type for e in doc.events]}"
    return found[0]


def _text(side):
    return side.text if side is not None else None


def test_a_clause_on_a_predicate_noun_is_the_subjects_act(code):
    # "X is the latest country to ...": the infinitive tells what X did, not what "country" did
    assert _of_type(code("Chile is the latest country to expel the ambassador of Peru."), "SANCTION").source.country == "CHL"
    assert _of_type(code("Kenya was the first country to send troops to Somalia."), "MOBILIZE").source.country == "KEN"


def test_a_gerund_after_a_preposition_is_done_by_the_clauses_subject(code):
    assert _text(_of_type(code("The Taliban have been criticised for refusing to meet the envoy."), "REJECT").source) \
        == "Taliban"
    assert _text(_of_type(code("The ruling party has been under fire for refusing to hold new elections."),
                          "REJECT").source) == "ruling party"
    assert _text(_of_type(code("The rebels angered the villagers by attacking the market."), "ASSAULT").source) \
        == "rebels"
    # but not an act someone is blamed for ("blamed Qatar for supporting": alleged, not told as done), nor a use
    # ("guns are for hunting"), nor "at" + a participle the parser took for a gerund
    # (since efdae23 the alleged act is no event at all; where one is coded it has no doer)
    blamed = code("Egypt and Jordan blamed Qatar for supporting the militants.")
    assert all(e.source is None for e in blamed.events if e.type == "SUPPORT")
    fired = code("Police fired tear gas at protesting students in Dhaka.")
    assert all(_text(e.source) != "Police" for e in fired.events if e.type == "PROTEST")


def test_the_agent_of_a_participle_describing_an_event_noun_is_its_author(code):
    doc = code("The complaints of fraud levelled by the opposition against the government were dismissed.")
    assert _text(_of_type(doc, "ACCUSE").source) == "opposition"
    assert _text(_of_type(code("The massacre carried out by the militia shocked the region."), "ASSAULT").source) \
        == "militia"
    # where the parser hangs the participle on the noun's "of" phrase, or the "by" phrase on the verb
    doc = code("The accusations of torture levelled by the prisoners against the guards were dismissed.")
    assert _text(_of_type(doc, "ACCUSE").source) == "prisoners"
    doc = code("The radio described Sunday's ambush by the insurgents on a convoy.")
    assert _text(_of_type(doc, "ASSAULT").source) == "insurgents"


def test_parties_named_on_the_verb_of_an_event_noun(code):
    event = _of_type(code("Negotiations are under way between the rebels and the government."), "CONSULT")
    assert (_text(event.source), _text(event.target)) == ("rebels", "government")
    # "the factions" is no recognised actor: the army alone is not both parties, and the act is kept
    event = _of_type(code("talks were held among the factions and the army on sunday."), "CONSULT")
    assert event.source is None or event.target is None


def test_a_name_after_a_title_is_a_person_in_lower_case_text(code):
    doc = code("accusing home minister patil of shielding the rioters, the leader said the state had failed.")
    assert _text(_of_type(doc, "ACCUSE").target) == "home minister patil"


def test_plead_with_and_ask_from_name_whom_a_request_is_made_to(code):
    assert _text(_of_type(code("The mother of the pilot pleaded with the rebels for his release."),
                          "REQUEST").target) == "rebels"
    asked = _of_type(code("The United States is worried about what Russia has been asking from Serbia."), "REQUEST")
    assert asked.target is not None and asked.target.country == "SRB"


def test_a_determined_body_as_possessor_is_an_actor(actors):
    found = actors("The ministry's order banned all rallies in the capital.")
    assert [(a.text, a.sector) for a in found] == [("ministry", "GOV")]


def test_a_pronoun_stands_for_the_one_person_named_as_subject_sentences_before(code):
    # cross-sentence reading (fails at 8c413fc, which took the nearest actor: the embassy): "he" is the one
    # person that was a subject in the sentences before it, not the body named nearest to it
    doc = code("President Emmanuel Macron met the Moroccan ambassador on Monday. The French embassy in Rabat issued "
               "a statement. He later condemned the attack on the police station.")
    assert _text(_of_type(doc, "ACCUSE").source) == "President Emmanuel Macron"


def test_a_definite_description_takes_the_state_of_the_one_earlier_actor_with_its_head(code):
    # "the militants", "the government" with no state of their own are the ones named before with the same head
    # noun (fails at 8c413fc: no country); two earlier states leave it without one (a wrong state is worse)
    doc = code("Islamic State militants seized the town of Hit on Monday. Residents fled to the nearby city of Ramadi. "
               "The militants later attacked a police station in the town.")
    assert [e.source.country for e in doc.events if e.type == "ASSAULT" and _text(e.source) == "militants"] == ["IMG"]
    doc = code("The Nigerian government closed the border with Benin on Monday. Traders in Lagos complained. "
               "The government later arrested 20 smugglers near the border.")
    assert [e.source.country for e in doc.events if e.type == "COERCE" and _text(e.source) == "government"] == ["NGA"]
    doc = code("The Nigerian army and the Cameroonian army met on Monday. The army later attacked a rebel camp.")
    assert _of_type(doc, "ASSAULT").source.country is None


def test_a_pronoun_after_a_photo_caption_reaches_past_it(code):
    # a caption run into the text names who is in the picture, not whom the story goes on about: "he" passes over
    # it to the one person the story was about (fails at bd6c73e, which took "Uganda")
    doc = code("Uganda's police chief Kale Kayihura accused the opposition of planning riots. Supporters of opposition "
               "candidate Kizza Besigye gather outside a police station in Kampala, Uganda, Feb. 15, 2016. He later "
               "threatened to arrest the protesters.")
    assert _text(_of_type(doc, "THREATEN").source) == "Kale Kayihura"


def test_a_possessed_thing_or_stance_is_no_side(code):
    # tenth pass: "its position", "their support", "his freedom" are what the possessor holds, not an actor
    assert _of_type(code("The court reversed its position after the outcry."), "CONCEDE").target is None
    assert _of_type(code("The farmers in the valley are expressing their support."), "SUPPORT").target is None
    # a plural noun or a word for people after a possessive is still the possessor's side
    event = _of_type(code("Turkey said its jets bombed Kurdish positions in northern Iraq."), "ASSAULT")
    assert event.source.text == "its jets" and event.source.country == "TUR"
    assert _of_type(code("Kenya has urged its allies to send aid."), "REQUEST").target.country == "KEN"


def test_a_threat_or_promise_is_aimed_at_its_clauses_object(code):
    # tenth pass: the announced act is the speaker's own; whom it is aimed at is the clause's object
    threat = _of_type(code("During the campaign, the senator warned the U.S. might not defend Baltic members in a crisis."),
                      "THREATEN")
    assert _text(threat.target) == "Baltic"
    # with no actor as the clause's object, the clause's subject stays the target
    threat = _of_type(code("Iran warned that the United States would pay a heavy price."), "THREATEN")
    assert threat.target.country == "USA"


def test_a_noun_before_a_subjectless_coordinated_verb_is_its_subject(code):
    # tenth pass: the small model joins "troops" to "rocks" and leaves "opened" without a subject
    assert _text(_of_type(code("The crowd threw rocks and troops opened fire on the marchers."), "ASSAULT").source) \
        == "troops"
    # (there the base code found no ASSAULT at all)
    assert _text(_of_type(code("Protesters hurled rocks and soldiers opened fire on them."), "ASSAULT").source) \
        == "soldiers"
    # a verb with a subject of its own keeps it
    assert _text(_of_type(code("Some students burned tyres and police arrested several of them."), "COERCE").source) \
        == "police"


def test_a_coordinated_verb_without_a_subject_shares_the_first_ones(code):
    # tenth pass: "were arrested" has its own auxiliary but no subject; the activists are the ones arrested
    doc = code("About 30 activists were stopped on Monday trying to enter the capital and were arrested.")
    assert _text(_of_type(doc, "COERCE").target) == "activists"
    doc = code("Two journalists were questioned by police for hours and were later detained.")
    assert _text(_of_type(doc, "COERCE").target) == "journalists"


def test_an_infinitive_after_an_object_is_the_objects_act(code):
    # tenth pass, second round: object control; the one persuaded or ordered does the act
    assert _text(_of_type(code("The president persuaded the army to attack the rebels in Homs."), "ASSAULT").source) \
        == "army"
    assert _text(_of_type(code("The governor ordered the police to arrest the rioters."), "COERCE").source) \
        == "police"
    # an instrument does nothing of its own, one who promises does the promised act himself, and an infinitive
    # of purpose is the subject's own
    assert _text(_of_type(code("The army used helicopters to attack the rebels."), "ASSAULT").source) == "army"
    assert _of_type(code("Hamas promised Egypt to release the hostages."), "AGREE").source.country == "PSE"
    assert _text(_of_type(code("Two officers approached the protesters to ask them to leave the square."),
                          "REQUEST").source) == "Two officers"


def test_what_a_subject_meets_from_someone_is_that_ones_act(code, actors):
    # tenth pass, second round: "faces stiff opposition from X" is X's stance against the subject, and a word for
    # a body graded by an adjective of degree ("stiff opposition") is a stance, not the political opposition
    rejection = _of_type(code("The plan faces stiff opposition from the Hungarian government."), "REJECT")
    assert rejection.source.country == "HUN" and _text(rejection.source) == "Hungarian government"
    criticism = _of_type(code("Kenya's president drew sharp criticism from the opposition on Monday."), "ACCUSE")
    assert _text(criticism.source) == "opposition" and criticism.target.country == "KEN"
    request = _of_type(code("The ministry received a request from Iran for more aid."), "REQUEST")
    assert request.source.country == "IRN" and _text(request.target) == "ministry"
    assert not any(a.text.endswith("opposition") for a in actors("The scheme met stiff opposition in the north."))
    # a particular body keeps its reading
    assert any(a.text.endswith("opposition") for a in actors("The strong opposition rejected the result."))


def test_one_held_answerable_for_an_act_did_it(code):
    # eleventh pass: "responsible for", "involved in", "behind" name the act's doer
    assert _text(_of_type(code("The gunmen responsible for the massacre fled to Mali."), "ASSAULT").source) \
        == "gunmen"
    assert _text(_of_type(code("Analysts said the militia was responsible for shelling the village."),
                          "ASSAULT").source) == "militia"
    assert _text(_of_type(code("The rebels were behind the attack on the convoy, the army said."),
                          "ASSAULT").source) == "rebels"
    assert _text(_of_type(code("The police said the gang was involved in the killing of two traders."),
                          "ASSAULT").source) == "gang"
    # an event is not its own doer, and "behind" on a place is no one's act
    assert _of_type(code("Troops attacked the town behind the hill."), "ASSAULT").source.text == "Troops"


def test_members_singled_out_of_a_set_are_not_the_side(code):
    # eleventh pass: "including", "especially", "such as" list examples of the set named before them; the set,
    # when it is an actor by its own word, is the side
    request = _of_type(code("The president urged his supporters, including militia members, to defend the capital."),
                       "REQUEST")
    assert _text(request.target) == "his supporters"
    attack = _of_type(code("The rebels attacked the soldiers, including two officers of the Kenyan army."), "ASSAULT")
    assert _text(attack.target) == "soldiers"
    # a set that is no actor by its own word is told by the member it names, and a second name for one actor
    # is that actor
    rejection = _of_type(code("The plan faces stiff opposition from several countries, especially Hungary."),
                         "REJECT")
    assert rejection.source.country == "HUN"
    assert _of_type(code("Syria's chief ally, Russia, vetoed the resolution."), "REJECT").source.country == "RUS"


def test_a_demand_is_made_to_the_one_who_answers_it(code):
    # eleventh pass: who rejects, accepts or ignores a demand is the one it was made to
    request = _of_type(code("The governor rejected the opposition's demand to call in the army."), "REQUEST")
    assert _text(request.source) == "opposition" and _text(request.target) == "governor"
    assert _text(_of_type(code("The minister ignored the students' demands."), "REQUEST").target) == "minister"
    assert _text(_of_type(code("The government accepted the unions' request for talks."), "REQUEST").target) \
        == "government"


def test_a_general_word_for_an_act_names_no_one(code):
    # eleventh pass: "military action" is a kind of act, aimed at its "against" phrase, not at the military
    threat = _of_type(code("The president threatened military action against the rebels."), "THREATEN")
    assert _text(threat.target) == "rebels"
    assert _of_type(code("Obama threatened military action in response to the attack."), "THREATEN").target is None
    # answering or asking for such an act is aimed at its author, as the phrase names it
    assert _text(_of_type(code("Russia condemned the move by Turkey."), "ACCUSE").target) == "Turkey"
    assert _text(_of_type(code("The minister urged OAS intervention in the crisis."), "REQUEST").target) == "OAS"


def test_ones_share_in_an_act_names_its_doer(code):
    # eleventh pass: "his role in", "the army's involvement in" an act name its doer
    attack = _of_type(code("Prosecutors detailed the army's involvement in the killings of protesters."), "ASSAULT")
    assert _text(attack.source) == "army" and _text(attack.target) == "protesters"
    doc = code("Kirby said the commander was convicted for his role in bomb attacks on the embassies.")
    assert _text(_of_type(doc, "ASSAULT").source) == "commander"


def test_the_partner_of_talks_may_hang_on_the_predicate(code):
    # eleventh pass: "talks are underway with X": the "with" phrase on the clause's adjective names the partner
    talks = _of_type(code("Talks are underway with Iraqi security officials to expand our support."), "CONSULT")
    assert talks.target.country == "IRQ"
    assert _text(_of_type(code("Negotiations are continuing with the rebels in Doha."), "CONSULT").target) == "rebels"


def test_a_partner_named_once_is_the_partner_of_each_coordinated_act(code):
    events = code("Bahrain and Sudan, which have either cut ties or downgraded their relations with Iran, closed "
                  "their embassies.")
    breaks = [e for e in events.events if e.type == "SANCTION"]
    assert breaks and all(_text(e.target) == "Iran" for e in breaks)


def test_an_answer_to_what_befell_someone_is_not_aimed_at_them(code):
    # twelfth pass: "condemned the journalist's killing" accuses the killer, not the journalist; and the one a
    # coordinated "blamed it on" names is the accused of the condemnation too
    assert _of_type(code("The minister condemned the journalist's killing."), "ACCUSE").target is None
    doc = code("A senator decried the police officer's death and blamed it on opposition protesters.")
    assert _text(_of_type(doc, "ACCUSE").target) == "protesters"
    doc = code("The senator condemned the bombing and blamed it on the militia.")
    assert _text(_of_type(doc, "ACCUSE").target) == "militia"


def test_one_cited_as_saying_is_the_speaker(code):
    # twelfth pass: "X cited Y as saying they ...": the pronouns of what Y said stand for Y, not for X
    arrests = _of_type(code("The agency cited city police as saying they made about 300 arrests."), "COERCE")
    assert _text(arrests.source) == "city police"
    doc = code("The newspaper quoted the army as saying it had killed five rebels.")
    assert _text(_of_type(doc, "ASSAULT").source) == "army"


def test_a_share_of_the_blame_is_placed_by_the_subject(code):
    # twelfth pass: "placed much of the blame on": a share of an act noun is the light verb's object
    doc = code("The senator placed much of the blame for the crisis on the ruling party.")
    assert _text(_of_type(doc, "ACCUSE").source) == "senator"
    doc = code("The minister placed the blame on the rebels.")
    assert _text(_of_type(doc, "ACCUSE").source) == "minister"
    # "put down the protests" is no protest by whoever suppressed it
    doc = code("The kingdom, where the fleet is based, put down the protests.")
    assert all(e.source is None or e.source.text != "kingdom" for e in doc.events if e.type == "PROTEST")


def test_a_demand_is_made_to_the_one_who_responds_to_it(code):
    # twelfth pass: who responds to a request, or acts in response to it, is the one it was made to
    doc = code("Responding to the request made by the governor, the pilgrims started leaving the city.")
    assert _text(_of_type(doc, "REQUEST").target) == "pilgrims"
    doc = code("In response to the army's appeal, the villagers left their homes.")
    assert _text(_of_type(doc, "REQUEST").target) == "villagers"


def test_those_named_as_an_acts_victims_are_its_targets(code):
    # twelfth pass: "the victims of the bombing", "two stabbing victims"
    assert _text(_of_type(code("The victims of the bombing were buried on Friday."), "ASSAULT").target) == "victims"
    doc = code("Two of the stabbing victims died in hospital on Monday.")
    assert _text(_of_type(doc, "ASSAULT").target) == "stabbing victims"
