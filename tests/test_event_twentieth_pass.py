"""Twentieth pass: more general words for people, so that a side named by one is an actor. Sentences written for
these tests (real spaCy model, full analysis pipeline)."""

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, role, side", [
    ("Miscreants set fire to three buses near the depot on Tuesday.", "source", "Miscreants"),
    ("Looters attacked the warehouse of the cooperative at night.", "source", "Looters"),
    ("Rebels attacked the estate manager on his way home.", "target", "manager"),
    ("Villagers attacked the forest ranger with sticks.", "target", "ranger"),
])
def test_a_side_named_by_a_word_for_people_is_an_actor(code, text, role, side):
    sides = [getattr(e, role) for e in code(text)]
    assert any(s is not None and side in s.text for s in sides), [(e.type, e.source, e.target) for e in code(text)]


@pytest.mark.parametrize("text, source", [
    ("Maj. Gen. Tomas Ortiz, who leads the monitoring mission, toured the valley on Saturday. "
     "The general condemned the shelling of the villages.", "Tomas Ortiz"),
    ("Admiral Sofia Brandt arrived in the port on Monday. The admiral criticized the blockade of the harbour.",
     "Sofia Brandt"),
])
def test_a_bare_title_refers_back_to_the_person_named_with_it(code, text, source):
    accusations = [e for e in code(text) if e.type == "ACCUSE"]
    assert accusations and accusations[0].source is not None and source in accusations[0].source.text, \
        [(e.type, e.source) for e in code(text)]


def test_he_is_the_person_named_inside_a_subject_the_tagger_reads_as_plural(code):
    # "acharya", a title of another language, is tagged as a plural for its ending; "he" is still the one person
    # the subject names
    text = ("varanasi: the acharya of sankat mochan swami keshav das tirth on monday came out strongly against the "
            "plan to widen the ghats, saying the project would destroy the old temples. addressing a press "
            "conference here, he alleged that the district administration had harassed the priests and their "
            "families for months. the swami also said the residents would not allow the demolition of a house.")
    accusations = [e for e in code(text) if e.type == "ACCUSE"]
    assert accusations and accusations[0].source is not None and "keshav das" in accusations[0].source.text


@pytest.mark.parametrize("text", [
    "The minister shot off a stern warning to the rebel leaders.",
    "The party chief shot off a reply to the charges.",
])
def test_a_message_shot_off_is_sent_not_shot(code, text):
    assert "ASSAULT" not in [e.type for e in code(text)]


@pytest.mark.parametrize("text", [
    "The gunmen fired off several rounds at the checkpoint.",
    "The artillery fired off a salvo of rockets at the base.",
])
def test_rounds_fired_off_are_still_shots(code, text):
    assert "ASSAULT" in [e.type for e in code(text)]


@pytest.mark.parametrize("text, kind", [
    ("The army blocked the roads leading to the settlement on Sunday.", ("COERCE", "restrict")),
    ("Police blocked the bridge to stop the march.", ("COERCE", "restrict")),
    ("Farmers blocked the highway near the toll plaza.", ("PROTEST", "obstruct")),
])
def test_a_road_blocked_by_the_forces_of_order_is_a_restriction(code, text, kind):
    assert kind in [(e.type, e.mode) for e in code(text)]


@pytest.mark.parametrize("text, kind", [
    ("The army crushed the uprising in the north in 1982.", "ASSAULT"),
    ("The regime crushed the protests in the capital.", "COERCE"),
    ("The general vowed to crush the rebellion.", "THREATEN"),
    ("The president vowed to wipe out the militants.", "THREATEN"),
    ("Tehran vowed to retaliate.", "THREATEN"),
])
def test_verbs_of_destroying_an_enemy(code, text, kind):
    assert kind in [e.type for e in code(text)]


def test_eliminating_a_thing_is_no_attack(code):
    assert "ASSAULT" not in [e.type for e in code("The new rules will eliminate waste in the ministry.")]


@pytest.mark.parametrize("text", [
    "The police fired several rounds in the air to disperse the crowd at the market.",
    "Soldiers fired into the air to scatter the protesters.",
])
def test_shots_fired_in_the_air_are_crowd_control(code, text):
    assert [(e.type, e.mode) for e in code(text)][:1] == [("COERCE", "restrict")]


def test_rounds_fired_at_someone_are_still_an_attack(code):
    assert "ASSAULT" in [e.type for e in code("Gunmen fired several rounds at the police post.")]
