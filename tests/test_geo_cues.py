"""Textual cues around a toponym."""

from geowire.geo.cues import cues_for


def cue(text: str, name: str):
    start = text.index(name)
    return cues_for(text, start, start + len(name))


def test_comma_state_hint():
    assert cue("The mayor of Paris, Texas, said", "Paris").hints[0] == "Texas"
    assert cue("Athens, Ga. — Police said", "Athens").hints[0] == "Ga."


def test_province_hint_after_in():
    hints = cue("Fighting in Hit in Anbar province continued.", "Hit").hints
    assert "Anbar" in hints


def test_type_and_country_adjective_before():
    found = cue("Shelling hit the Iraqi town of Qaim on Monday.", "Qaim")
    assert found.adjective == "Iraqi"
    assert found.wants_settlement and not found.wants_area


def test_area_word_after():
    found = cue("Troops entered Idlib province at dawn.", "Idlib")
    assert found.wants_area and not found.wants_settlement


def test_no_cues_in_plain_text():
    found = cue("Paris is large.", "Paris")
    assert found.hints == () and found.adjective is None and not found.wants_area


def test_container_cue_after_a_place_and_a_comma():
    text = "The plant in Albany, New York, closed."
    start = text.index("New York")
    assert cues_for(text, start, start + len("New York")).container
    listed = "Flights to Houston, Dallas and Austin resumed."
    start = listed.index("Dallas")
    assert not cues_for(listed, start, start + len("Dallas")).container     # a list goes on
    upstate = "Snow fell across upstate New York."
    start = upstate.index("New York")
    assert cues_for(upstate, start, start + len("New York")).container


def test_local_news_frames():
    def local(text, name):
        start = text.index(name)
        return cues_for(text, start, start + len(name)).local

    assert local("Palestine police said the road was closed.", "Palestine")
    assert local("A Lebanon man was charged.", "Lebanon")
    assert local("Jane Doe, 22, Cuba, was fined.", "Cuba")
    assert not local("Talks with Jordan resumed on Monday.", "Jordan")


def test_initials_with_full_stops_and_a_date_after_them_name_the_containing_area():
    text = "Crowds filled Washington, D.C. January 21, for the march."
    start = text.index("Washington")
    assert cues_for(text, start, start + len("Washington")).hints == ("D.C.",)
    text = "A plant in Albany, N.Y., closed."
    start = text.index("Albany")
    assert cues_for(text, start, start + len("Albany")).hints == ("N.Y.",)
