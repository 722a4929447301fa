"""Counts of people in a sentence (events/quantities.py), on sentences written for these tests (real spaCy model)."""

import pytest

from geowire.model import QUANTITY_KINDS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def read():
    from geowire.events.quantities import quantities_in
    from geowire.nlp.spacy_nlp import load_model

    nlp = load_model()

    def run(text, trigger=None, nth=0, event_type=None):
        doc = nlp(text)
        sentence = next(doc.sents)
        token = None
        if trigger is not None:
            token = [t for t in sentence if t.text == trigger][nth]
        found = quantities_in(sentence, token, event_type)
        for q in found:
            assert doc.text[q.start:q.end] == q.text
            assert q.kind in QUANTITY_KINDS
        return [(q.kind, q.value, q.min) for q in found]

    return run


# --- killed and injured ---------------------------------------------------------------------------------

def test_at_least_is_a_lower_bound(read):
    assert read("At least 12 people were killed when a car bomb went off near the mosque.") == [("killed", None, 12)]


def test_participle_object_and_vague_plural(read):
    assert read("Gunmen raided the farm, killing 12 and injuring dozens.") == [
        ("killed", 12, None), ("injured", None, 24)]


def test_state_word_after_the_count(read):
    assert read("The storm of shelling left five dead and 30 injured.") == [("killed", 5, None), ("injured", 30, None)]


def test_death_toll_rose_to(read):
    assert read("The death toll from the bombing rose to 40 on Thursday.") == [("killed", 40, None)]


def test_number_of_dead_reached(read):
    assert read("The number of dead reached 17.") == [("killed", 17, None)]


def test_relative_clause_with_two_verbs(read):
    assert read("It was a bomb that killed three soldiers and wounded 14.") == [
        ("killed", 3, None), ("injured", 14, None)]


def test_shot_dead_takes_the_state_complement(read):
    assert read("Nine people were shot dead at the checkpoint.") == [("killed", 9, None)]


def test_subject_of_died_and_word_numbers(read):
    assert read("Scores of villagers died in the raid, and a dozen were hurt.") == [
        ("killed", None, 40), ("injured", 12, None)]


def test_hyphenated_number_words_and_two_dozen(read):
    assert read("Twenty-five people were killed and two dozen were wounded.") == [
        ("killed", 25, None), ("injured", 24, None)]


# --- arrested ---------------------------------------------------------------------------------------------

def test_more_than_gives_the_stated_figure_as_min(read):
    assert read("More than 200 were arrested after the rally.") == [("arrested", None, 200)]


def test_object_of_detained_with_digits_and_comma(read):
    assert read("Police detained 1,500 people in the capital.") == [("arrested", 1500, None)]


def test_some_is_an_approximate_value(read):
    assert read("Some 300 students were detained overnight.") == [("arrested", 300, None)]


def test_several_hundred(read):
    assert read("Several hundred were detained after the clashes.") == [("arrested", None, 300)]


# --- crowd, troops, displaced -----------------------------------------------------------------------------

def test_about_protesters_marched(read):
    assert read("About 3,000 protesters marched through the old town.") == [("crowd", 3000, None)]


def test_thousands_rallied(read):
    assert read("Thousands rallied outside the courthouse on Sunday.") == [("crowd", None, 2000)]


def test_crowd_of(read):
    assert read("A crowd of 5,000 gathered in the main square.") == [("crowd", 5000, None)]


def test_strong_compound(read):
    assert read("A 7,000-strong crowd gathered outside the embassy.") == [("crowd", 7000, None)]


def test_deployed_troops(read):
    assert read("The government deployed 2,500 troops to the northern border.") == [("troops", 2500, None)]


def test_troop_verb_ignores_things(read):
    assert read("The army sent 300 tanks and 12 drones to the front.") == []


def test_forced_from_their_homes(read):
    assert read("The fighting forced 10,000 people from their homes.") == [("displaced", 10000, None)]


def test_tens_of_thousands_displaced(read):
    assert read("Tens of thousands of people have been displaced by the war.") == [("displaced", None, 20000)]


def test_hundreds_of_thousands_fled(read):
    assert read("Hundreds of thousands of people fled the city.") == [("displaced", None, 200000)]


def test_millions_with_a_fraction(read):
    assert read("The floods displaced 2.5 million people.") == [("displaced", 2500000, None)]


# --- not counts of people ---------------------------------------------------------------------------------

def test_years_ages_and_dates_are_not_counts(read):
    assert read("A 32-year-old man was killed in the attack in 2019.") == []
    assert read("One of the protesters was arrested on May 12 at 3 p.m.") == []


def test_distances_things_money_and_percentages_are_not_counts(read):
    assert read("The rebels fired 200 rockets and destroyed 40 houses 200 miles from the capital.") == []
    assert read("The ministry paid $5 million in compensation and 45 percent of voters protested.") == []


def test_apposed_age_is_not_a_count(read):
    assert read("Ahmed Karimi, 32, was shot dead by police.") == []


def test_upper_bound_alone_is_left_out(read):
    assert read("Fewer than 10 people were arrested.") == []


def test_count_with_a_year_still_counts_people(read):
    assert read("In 1990, 2000 people were killed in the war.") == [("killed", 2000, None)]


# --- the trigger's clause ---------------------------------------------------------------------------------

def test_trigger_clause_wins_over_another_clause_of_the_same_kind(read):
    text = "After an attack that killed five people last week, gunmen killed 12 villagers on Sunday."
    assert read(text) == [("killed", 5, None), ("killed", 12, None)]
    assert read(text, "killed", nth=1) == [("killed", 12, None)]
    assert read(text, "attack") == [("killed", 5, None)]


def test_other_kinds_elsewhere_in_the_sentence_are_kept(read):
    text = "Police detained 35 people after about 3,000 protesters marched on parliament."
    assert read(text, "detained") == [("arrested", 35, None), ("crowd", 3000, None)]
    assert read(text, "detained", event_type="COERCE") == [("arrested", 35, None), ("crowd", 3000, None)]


def test_counts_elsewhere_that_the_event_cannot_have_caused_are_left_out(read):
    text = ("The aid agency opened an appeal on Monday for the region, where storms have killed at least 300 people "
            "and left 20,000 homeless.")
    assert read(text, "appeal", event_type="REQUEST") == []
    assert read(text, "appeal") == [("killed", None, 300), ("displaced", 20000, None)]
    riot = "Police arrested 40 people on Friday in the town, where a riot had left six people dead."
    assert read(riot, "arrested", event_type="COERCE") == [("arrested", 40, None), ("killed", 6, None)]


# --- coordinated counts ---------------------------------------------------------------------------------

def test_coordinated_counts_of_one_verb_are_summed(read):
    assert read("Soldiers killed three militants and two civilians.") == [("killed", 5, None)]


def test_a_sum_with_a_lower_bound_is_a_lower_bound(read):
    assert read("The raid killed at least 12 soldiers and dozens of civilians.") == [("killed", None, 36)]
