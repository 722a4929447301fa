"""The place stage's shortcuts for speed: the same readings, fewer questions asked."""

import random

from geowire.geo import cues
from geowire.geo.reading import typed_unknown


class _Asked:
    """A gazetteer that knows no name and counts the questions."""

    def __init__(self):
        self.asked = []

    def candidates(self, name):
        self.asked.append(name)
        return []


def test_a_person_without_a_type_word_costs_no_gazetteer_question():
    gazetteer = _Asked()
    text = "Mayor Tom Brandt said the village of Kampungu was flooded."
    assert not typed_unknown(gazetteer, text, 6, 16)           # "Tom Brandt": no type word before or after
    assert gazetteer.asked == []
    start = text.index("Kampungu")
    assert typed_unknown(gazetteer, text, start, start + len("Kampungu"))
    assert gazetteer.asked == ["Kampungu"]


def test_the_end_tests_hold_wherever_the_patterns_match():
    for before in ("near the town of ", "the Iraqi town OF\t", "the city Of \n", "Java's ", "Java’s \t",
                   "Java's \n", "Java's", "the mayor of", "Indonesia’s\n"):
        assert bool(cues._BEFORE_TYPE.search(before)) <= cues._may_end_in_of(before), before
        assert bool(cues._OWNER_BEFORE.search(before)) <= cues._may_end_in_possessive(before), before
    assert cues._cues("Java's \n", "").owner == "Java"
    assert cues._cues("in the Iraqi town of ", ", Iraq").adjective == "Iraqi"
    words = ["of", "Of", "OF", " ", "\t", "\n", "'s", "’s", "town", "Province", "Java", ",", "\u00a0", "ſ"]
    rng = random.Random(7)
    for _ in range(20000):
        before = "".join(rng.choice(words) for _ in range(rng.randint(0, 7)))
        assert bool(cues._BEFORE_TYPE.search(before)) <= cues._may_end_in_of(before), before
        assert bool(cues._OWNER_BEFORE.search(before)) <= cues._may_end_in_possessive(before), before


def test_a_word_written_lower_case_is_what_gathering_every_lower_case_word_finds():
    import re

    from geowire.geo.recognise import _written_lower

    text = "Reading is fun; the reading room in Bath_Spa, bath-time and 3bath, Ürümqi or aurora. sale"
    words = set(re.findall(r"\b[a-z][a-z]+\b", text))
    for word in ("reading", "bath", "spa", "time", "aurora", "sale", "is", "room", "fun", "a", "rümqi", "ale"):
        assert _written_lower(word, text, {}) == (word in words), word
    seen = {}
    assert _written_lower("bath", text, seen) and seen == {"bath": True}
