"""Event coding on sentences written for these tests (real spaCy model; places/times set by hand)."""

import pytest

from geowire.events.lexicon import triggers_by_head
from geowire.model import PLOVER_TYPES, Document, Place, TimeExpr


def test_lexicon_types_are_plover_types():
    types = {e.type for entries in triggers_by_head().values() for e in entries}
    assert types <= set(PLOVER_TYPES)
    assert types == set(PLOVER_TYPES)


@pytest.fixture(scope="module")
def code(code_rules):
    def run(text, places=(), times=(), pairs=None, published="2024-05-01"):
        doc = code_rules(text, places=places, times=times, published=published)
        return doc if pairs is None else code_rules.coder.type_pairs(doc, pairs)

    return run


pytestmark = pytest.mark.model


def test_passive_by_agent_is_the_source(code):
    doc = code("The town was seized by the Islamic State group on Monday.")
    event = doc.events[0]
    assert event.type == "ASSAULT" and event.mode == "occupy"
    assert event.source.text == "Islamic State group" and event.source.country == "IMG"
    assert event.target is None  # a town is where it happened, not a side: sides are actors


def test_coordinated_subjects_each_get_an_event(code):
    doc = code("Israel and the US warned Iran against further attacks.")
    assert {e.type for e in doc.events} == {"THREATEN"}
    assert sorted(e.source.country for e in doc.events) == ["ISR", "USA"]
    assert all(e.target.country == "IRN" for e in doc.events)


def test_according_to_is_attribution_not_actor(code):
    doc = code("Russian troops shelled the village, according to Fox News.")
    event = doc.events[0]
    assert event.attribution.name == "Fox News"
    assert event.source.country == "RUS"
    assert event.certainty == "reported"


def test_anonymous_source_is_attribution(code):
    event = code("Syrian rebels attacked an army checkpoint, a senior defense official said.").events[0]
    assert event.type == "ASSAULT"
    assert "defense official" in event.attribution.text
    assert event.source.country == "SYR"


@pytest.mark.parametrize("text,certainty", [
    ("Russian forces may have shelled Kharkiv overnight.", "hedged"),
    ("Turkish jets reportedly bombed the camp.", "hedged"),
    ("China plans to impose sanctions on Lithuania.", "speculative"),
    ("Iran is expected to release the prisoners.", "speculative"),
    ("Iraqi police did not arrest the protesters.", "negated"),
    ("Turkey denied that its jets attacked the convoy.", "negated"),
    ("Hamas fighters attacked an Israeli post.", "asserted"),
])
def test_certainty_cues(code, text, certainty):
    assert code(text).events[0].certainty == certainty


def test_confidence_follows_certainty(code):
    asserted = code("Hamas fighters attacked an Israeli post.").events[0].confidence
    hedged = code("Hamas fighters may have attacked an Israeli post.").events[0].confidence
    assert 0 <= hedged < asserted <= 1


@pytest.mark.parametrize("text", [
    "I think sanctions are a bad idea.",
    "Sanctions are rarely effective.",
    "Should the West impose sanctions on Iran?",
    "Analysts believe that diplomats should meet more often.",
])
def test_opinion_and_analysis_yield_no_event(code, text):
    assert code(text).events == []


def test_nominal_trigger_with_light_verb(code):
    event = code("Hamas fighters launched a rocket attack on Tel Aviv.").events[0]
    assert event.type == "ASSAULT"
    assert event.source.country == "PSE"
    assert event.target.text == "Tel Aviv"


def test_target_of_sanctions_is_the_country_not_the_noun(code):
    event = code("The European Union imposed sanctions on Belarus.").events[0]
    assert event.type == "SANCTION"
    assert (event.source.country, event.target.country) == ("IGO", "BLR")


def test_reported_obligation_is_a_demand(code):
    event = code("Russia said on Tuesday that Ukraine must withdraw its troops.").events[0]
    assert event.type == "REQUEST"
    assert (event.source.country, event.target.country) == ("RUS", "UKR")


def test_location_and_date_attach(code):
    text = "Israeli jets struck a camp near Rafah on Monday."
    rafah = text.index("Rafah")
    monday = text.index("Monday")
    place = Place(rafah, rafah + 5, "Rafah", name="Rafah", lat=31.3, lon=34.25, geonameid=281129, country_code="PS")
    time = TimeExpr(monday, monday + 6, "Monday", "DATE", "2024-04-29")
    event = code(text, places=[place], times=[time]).events[0]
    assert event.location.name == "Rafah" and event.location.geonameid == 281129
    assert (event.date.value, event.date.text) == ("2024-04-29", "Monday")


def test_date_falls_back_to_publication(code):
    event = code("Police arrested twelve protesters.", published="2024-03-02").events[0]
    assert (event.date.value, event.date.text) == ("2024-03-02", None)
    assert event.location is None


def test_a_vague_reference_does_not_date_an_event(code):
    """'recently' (PAST_REF) names no day; the publication date stands in, marked as such."""
    text = "Police recently arrested twelve protesters."
    recently = text.index("recently")
    event = code(text, times=[TimeExpr(recently, recently + 8, "recently", "DATE", "PAST_REF")],
                 published="2024-03-02").events[0]
    assert (event.date.value, event.date.text, event.date.start) == ("2024-03-02", None, "2024-03-02")


def test_event_date_carries_the_days_its_value_covers(code):
    text = "Police arrested twelve protesters last week."
    week = text.index("last week")
    event = code(text, times=[TimeExpr(week, week + 9, "last week", "DATE", "2024-W17")]).events[0]
    assert (event.date.value, event.date.start, event.date.end) == ("2024-W17", "2024-04-22", "2024-04-28")


def test_event_ids_are_deterministic_and_distinct(code):
    first = code("Israel and the US warned Iran against further attacks.")
    second = code("Israel and the US warned Iran against further attacks.")
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert len({e.id for e in first.events}) == len(first.events)


def test_evidence_is_the_sentence(code):
    text = "Talks failed. Protesters blocked the highway near the capital."
    event = code(text).events[0]
    assert text[event.evidence.start:event.evidence.end] == "Protesters blocked the highway near the capital."
    assert event.type == "PROTEST" and event.mode == "obstruct"


def test_pair_protocol_types_each_pair(code):
    text = "Israel accused Iran of arming Hezbollah. Farmers protested in Paris."
    israel, iran = (0, 6), (15, 19)
    farmers = (text.index("Farmers"), text.index("Farmers") + 7)
    assert code(text, pairs=[(israel, iran), (farmers, farmers)]) == ["ACCUSE", "PROTEST"]


def test_pair_protocol_reads_who_did_it_as_the_coding_does(code):
    # a demolition by an army is a coercive seizure, as the whole-text coding reads it (coder.by_whom)
    text = "Army bulldozers demolished three houses in the village on Sunday."
    army, houses = (0, 4), (text.index("houses"), text.index("houses") + 6)
    assert code(text, pairs=[(army, houses)]) == ["COERCE"]
    text = "A mob attacked the police in the market on Friday."  # a crowd's violence at the forces of order: a riot
    mob, police = (text.index("mob"), text.index("mob") + 3), (text.index("police"), text.index("police") + 6)
    assert code(text, pairs=[(mob, police)]) == ["PROTEST"]


def test_pair_without_trigger_is_none(code):
    text = "The weather in Oslo was mild."
    assert code(text, pairs=[((0, 11), (15, 19))]) == [None]


def test_an_unparsed_document_is_refused_naming_the_nlp_stage():
    from geowire.events.coder import make_plover_rules
    from geowire.registry import MissingStage

    doc = Document(id="p", text="Kenyan police arrested ten protesters.", published="2024-01-01")
    with pytest.raises(MissingStage, match="event stage.*'nlp' stage"):
        make_plover_rules()(doc)    # the coder no longer loads spaCy itself (tests/test_style_stages.py)


# --- structures added with the classifier (sentences written for these tests) -------------------

def test_definite_group_refers_to_the_nearest_armed_group(code):
    doc = code("The Islamic State group claimed the bombing. The group also attacked a police station in Kirkuk.")
    second = next(e for e in doc.events if e.evidence.start > 0)
    assert second.source.country == "IMG" and second.source.text == "Islamic State group"


def test_possessive_pronoun_lends_the_owner_country(code):
    event = code("Turkey said its jets bombed Kurdish positions in northern Iraq.").events[0]
    assert event.type == "ASSAULT"
    assert event.source.text == "its jets" and event.source.country == "TUR"
    assert event.attribution.name == "Turkey"


def test_weapon_object_is_not_the_target(code):
    event = code("Hezbollah fired rockets at Israel.").events[0]
    assert event.source.country == "LBN" and event.target.country == "ISR"


def test_relative_clause_does_not_steal_the_main_event(code):
    event = code("Iranian-backed militias, which attacked a US base last week, fired rockets at the Saudi embassy.").events[0]
    assert event.source.country == "IRN"
    assert event.target.country == "SAU"


def test_head_of_state_without_country_gets_it_from_the_leader_table(code):
    event = code("President Suharto ordered the army to arrest the student leaders.").events[0]
    assert event.source.country == "IDN"


def test_defined_acronym_is_the_same_actor_later(code):
    doc = code("The Kurdistan Workers' Party (PKK) attacked a Turkish army post. The PKK later released two soldiers.")
    assert [e.type for e in doc.events][:2] == ["ASSAULT", "RETREAT"]
    assert doc.events[1].source.text == "PKK" and doc.events[1].source.country == "TUR"


@pytest.mark.parametrize("text,type_", [
    ("Syria is willing to withdraw its troops from Lebanon.", "AGREE"),
    ("Japan said it would send emergency aid to the Philippines.", "AGREE"),
    ("NATO said it would tighten the naval blockade of Serbia.", "THREATEN"),
    ("The union said it will boycott the elections.", "THREATEN"),
])
def test_statement_of_intent_is_agree_or_threaten(code, text, type_):
    assert code(text).events[0].type == type_


def test_intent_keeps_the_speaker_as_source(code):
    event = code("Syria is willing to withdraw its troops from Lebanon.").events[0]
    assert event.source.country == "SYR"


def test_purpose_clause_is_not_the_main_event(code):
    event = code("Thousands of students staged demonstrations in Jakarta to demand political reforms.").events[0]
    assert event.type == "PROTEST"


def test_reported_obligation_without_a_trigger_verb_is_a_demand(code):
    event = code("France declared that Iraq must drop its conditions.").events[0]
    assert event.type == "REQUEST"
    assert event.source.country == "FRA" and event.target.country == "IRQ"


def test_confidence_is_a_probability(code):
    for text in ("Police arrested twelve protesters.", "Rebels may have shelled the town.",
                 "Iraqi police did not arrest the protesters."):
        for event in code(text).events:
            assert 0.0 <= event.confidence <= 1.0


@pytest.mark.parametrize("text,type_", [
    # a refused cooperative act is a rejection that took place
    ("The two sides failed to reach an agreement on the border.", "REJECT"),
    # a hostile act made conditional is a threat
    ("The European Union may halt aid to the junta if the elections are postponed.", "THREATEN"),
    ("Nigeria will withdraw its troops from Chad unless the fighting stops.", "THREATEN"),
    # the news is the main clause, not the circumstance ("after ...") or the purpose ("to ...")
    ("Italy suspended flights to Serbia after a Serbian jet shot down a helicopter.", "SANCTION"),
    # what a demand asks for is not an event of its own
    ("The ILO repeated its demand that Israel ease restrictions on Palestinian workers.", "REQUEST"),
    ("France issued a reminder to Iraq that it must cooperate with the inspectors.", "REQUEST"),
    # CAMEO-to-PLOVER (2021): easing a blockade is RETREAT, withdrawing inspectors SANCTION
    ("The army lifted the blockade on the city.", "RETREAT"),
    ("The UN withdrew its inspectors from the country.", "SANCTION"),
    ("Egyptian and Greek warships held war games in the Mediterranean.", "COOPERATE"),
])
def test_conventions_from_the_cameo_plover_table(code, text, type_):
    assert code(text).events[0].type == type_


def test_refusal_is_not_negated(code):
    event = code("The two sides failed to reach an agreement on the border.").events[0]
    assert event.certainty != "negated"


def test_trigger_less_clause_needs_an_actor_subject(code):
    assert code("The weather improved on Tuesday.").events == []


def test_a_plural_with_a_sense_of_its_own_is_a_trigger(code):
    doc = code("Several opposition parties are holding talks to form a coalition.")
    assert [e.type for e in doc.events] == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "The families expressed outrage at the verdict.",
    "The foreign ministry voiced concern about the new checkpoints.",
])
def test_expressed_disapproval_is_an_accusation(code, text):
    assert "ACCUSE" in [e.type for e in code(text).events]


def test_a_feeling_that_is_not_expressed_is_no_accusation(code):
    doc = code("Concern grew in the village as the river rose.")
    assert "ACCUSE" not in [e.type for e in doc.events]


def test_levelled_buildings_are_an_assault(code):
    doc = code("Militants had leveled several buildings in the compound.")
    assert "ASSAULT" in [e.type for e in doc.events]


def test_a_blocked_freeway_is_a_protest(code):
    doc = code("Opposition supporters blocked the freeway in both directions.")
    assert "PROTEST" in [e.type for e in doc.events]


def test_an_act_told_inside_a_reaction_is_an_event_too(code):
    doc = code("The foreign ministry condemned the killing of three Iraqi soldiers near the border.")
    types = [e.type for e in doc.events]
    assert "ACCUSE" in types and "ASSAULT" in types
    killing = next(e for e in doc.events if e.type == "ASSAULT")
    assert killing.target is not None and killing.target.country == "IRQ"


def test_offering_opinions_is_no_promise(code):
    doc = code("With Britain and Egypt offering vastly different opinions on the crash, the leaders met in London.")
    assert "AGREE" not in [e.type for e in doc.events]


@pytest.mark.parametrize("text", ["Turkey offered to mediate between the two sides.",
                                  "The rebels offered a ceasefire on Monday."])
def test_offering_help_or_a_truce_is_a_promise(code, text):
    assert "AGREE" in [e.type for e in code(text).events]


def test_holding_someone_responsible_is_an_accusation(code):
    doc = code("Ankara holds Damascus responsible for the shelling of the border town.")
    accused = [e for e in doc.events if e.type == "ACCUSE"]
    assert accused, [(e.type, e.source, e.target) for e in doc.events]
    assert (accused[0].source.country, accused[0].target.country) == ("TUR", "SYR")
    assert not [e for e in code("The ministers held talks on Monday.").events if e.type == "ACCUSE"]


def test_seizing_a_named_place_or_a_military_site_is_an_assault(code):
    from geowire.model import Place

    text = "Rebels captured Goma on Tuesday."
    goma = Place(start=text.index("Goma"), end=text.index("Goma") + 4, text="Goma", name="Goma",
                 lat=-1.68, lon=29.22, country_code="CD", precision="city")
    taken = code(text, places=[goma]).events
    assert [(e.type, e.mode) for e in taken] == [("ASSAULT", "occupy")]
    depot = code("Government forces seized the rebels' barracks.").events
    assert [(e.type, e.mode) for e in depot] == [("ASSAULT", "occupy")]
    drugs = code("Police seized two tonnes of cocaine in Rotterdam.").events
    assert [e.type for e in drugs] == ["COERCE"]


def test_not_ruling_out_force_is_a_threat(code):
    coded = code("Washington has not ruled out new sanctions on Moscow.").events
    kept_open = [e for e in coded if e.certainty not in ("negated", "speculative")]
    assert [(e.type, e.certainty) for e in kept_open] == [("THREATEN", "asserted")], [(e.type, e.certainty) for e in coded]
    assert kept_open[0].target is not None and kept_open[0].target.country == "RUS"
    talks = code("The president did not rule out a meeting with the opposition.").events
    assert not [e for e in talks if e.type == "THREATEN"]
    answer = code("The ministry did not rule out a diplomatic response to the expulsions.").events
    assert not [e for e in answer if e.type == "THREATEN"]
    military = code("The general did not rule out a military option.").events
    assert [e.type for e in military if e.certainty == "asserted"] == ["THREATEN"]


@pytest.mark.parametrize("text,source,target", [
    ("Kizza Besigye's arrest by police on Monday sparked protests in Kampala.", "police", "Kizza Besigye"),
    ("The army's arrest of three protesters angered the opposition.", "army", "protesters"),
])
def test_possessor_of_an_act_done_to_a_person_undergoes_it(code, text, source, target):
    event = next(e for e in code(text).events if e.type == "COERCE")
    assert (event.source and event.source.text, event.target and event.target.text) == (source, target)


def test_possessive_determiner_of_an_event_noun_is_who_acted(code):
    event = next(e for e in code("Hamas said its attack on the border post was a warning.").events
                 if e.type == "ASSAULT")
    assert event.source.text == "Hamas"


def test_pronoun_for_a_named_person_without_a_country_is_that_person(code):
    event = next(e for e in code("Kizza Besigye said on Monday that his arrest was illegal.").events
                 if e.type == "COERCE")
    assert event.target is not None and event.target.text == "Kizza Besigye"


def test_speech_verb_joined_to_a_reported_clause_about_an_event_is_the_reporters(code):
    doc = code("The Kenyan minister said the talks had failed and urged both sides to return to the table.")
    request = next(e for e in doc.events if e.type == "REQUEST")
    assert request.source is not None and request.source.text == "Kenyan minister"


@pytest.mark.parametrize("text", [
    'Asked whether they would abide by the verdict, the party leader said, "our stand is very strong."',
    "Asked what should be the stand of the government, the minister said the allies were unhappy.",
    "She asked why the minister had not visited the areas.",
])
def test_a_question_asked_is_no_request(code, text):
    assert not [e for e in code(text).events if e.type == "REQUEST"]


def test_asking_for_an_act_is_still_a_request(code):
    event = next(e for e in code("The governor asked the army to deploy in the city.").events)
    assert event.type == "REQUEST" and event.target.text == "army"


def test_relative_pronoun_stands_for_the_noun_it_describes(code):
    doc = code("Nigerian police arrested five gunmen, who had attacked a checkpoint in Kano.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.source is not None and assault.source.text == "gunmen"


def test_a_recognised_actor_the_tagger_took_for_a_verb_is_still_a_side(code):
    # "IS" (Islamic State) is tagged as the verb "is" by the small model
    event = next(e for e in code("Iran's missile attacks on IS were a great success, the minister said.").events
                 if e.type == "ASSAULT")
    assert event.target is not None and event.target.country == "IMG"


def test_talks_in_a_participle_adjunct_are_held_by_the_clause_subject(code):
    doc = code("Speaking before talks with Egyptian President Abdel Fattah el-Sissi on Thursday, Cameron said "
               "that experts were not yet certain.")
    talks = next(e for e in doc.events if e.type == "CONSULT")
    assert talks.source is not None and talks.source.text == "Cameron"


@pytest.mark.parametrize("text,kind,mode", [
    ("Police captured Ali Musa near the border on Monday.", "COERCE", "arrest"),
    ("Islamic State militants captured a Jordanian pilot near Raqqa.", "ASSAULT", "abduct"),
    ("Rebels detained three aid workers in Goma on Monday.", "ASSAULT", "abduct"),
])
def test_capture_of_a_person_is_an_arrest_by_a_state_and_an_abduction_by_an_armed_group(code, text, kind, mode):
    event = code(text).events[0]
    assert (event.type, event.mode) == (kind, mode)


def test_talks_are_with_the_partner_not_the_topic(code):
    doc = code("The U.S. deputy assistant secretary of state, Hoyt Brian Yee, discussed the Russian center in Serbia "
               "with lawmakers on Monday.")
    talks = next(e for e in doc.events if e.type == "CONSULT")
    assert talks.target is not None and talks.target.text == "lawmakers"
    # the name in apposition is the side, with the state its description names
    assert talks.source is not None and talks.source.text == "Hoyt Brian Yee" and talks.source.country == "USA"


@pytest.mark.parametrize("text", [
    "Analysts compared the visit with the 1977 Panama Canal Treaty.",
    "India may use a fifth of the river's water under a 1960 pact.",
])
def test_an_agreement_named_as_a_document_or_frame_is_no_agreement_reached(code, text):
    assert not [e for e in code(text).events if e.type == "AGREE"]


def test_an_agreement_reached_is_still_one(code):
    assert [e.type for e in code("Iran and Russia reached an agreement on gas prices on Monday.").events] == ["AGREE"]


def test_a_later_report_naming_the_author_of_an_unattributed_act_is_the_same_event(code):
    doc = code("An army base near Kunduz was attacked on Friday. The Taliban said its fighters attacked the army base.")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and len(attacks[0].mentions) == 2
    assert attacks[0].source is not None and attacks[0].source.text == "fighters"


def test_a_total_of_people_is_those_people(code):
    event = code("Police said a total of 30 persons had been arrested in the state.").events[0]
    assert event.type == "COERCE" and event.target is not None and event.target.text == "30 persons"


@pytest.mark.parametrize("text", [
    "The accused were produced before the court in Patna on Monday.",
    "The wounded were taken to hospital in Kano.",
])
def test_a_participle_naming_people_is_no_act(code, text):
    assert not code(text).events


def test_a_participle_with_its_own_clause_is_still_an_act(code):
    assert [e.type for e in code("The man accused of the murder was arrested in Patna.").events] == ["COERCE"]


def test_token_strings_are_what_the_tokens_say():
    """The document's strings read once from its hash arrays (`token_strings`, for speed) are the tokens' own,
    and the words it lets the trigger matcher try are those `_may_trigger` lets through."""
    from geowire.events.triggers import _may_trigger, find_triggers, token_strings
    from geowire.nlp.spacy_nlp import load_model

    parsed = load_model()("Rebels broke the cease-fire on Monday. Talks between the two sides were held in Doha, "
                          "and police arrested 20 protesters who were demonstrating.")
    strings = token_strings(parsed)
    assert strings.text == [t.text for t in parsed] and strings.lower == [t.lower_ for t in parsed]
    assert strings.lemma == [t.lemma_.lower() for t in parsed] and strings.pos == [t.pos_ for t in parsed]
    assert strings.dep == [t.dep_ for t in parsed]
    assert strings.head_candidates == [t.i for t in parsed if _may_trigger(t)]
    found = [(t.token.lower_, t.type) for t in find_triggers(parsed)]
    assert found == [("fire", "RETREAT"), ("talks", "CONSULT"), ("arrested", "COERCE"), ("demonstrating", "PROTEST")]
    by_sentence = [t.token.i for s in parsed.sents for t in find_triggers(s)]
    assert by_sentence == [t.token.i for t in find_triggers(parsed)]
