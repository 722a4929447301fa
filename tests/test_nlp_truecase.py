"""A story written without capitals is parsed true-cased (nlp/truecase.py) and quoted as written. The unit tests
give their own word list; the last ones use the real model. Sentences written for these tests."""

from __future__ import annotations

import pytest

from geowire.nlp.truecase import is_caseless, known_word, truecase

WORDS = frozenset({"the", "leader", "met", "on", "monday", "and", "said", "police", "had", "arrested", "men", "in",
                   "a", "sat", "dharna", "party", "led", "by", "at", "bid", "to", "avoid", "talk", "he", "chief"})


def _case(text: str) -> str:
    return truecase(text, lambda word: known_word(word, WORDS))


def test_names_get_capitals_and_acronyms_are_written_in_capitals():
    text = "the vhp leader ashok singhal met advani on monday."
    assert _case(text) == "the VHP leader Ashok Singhal met Advani on monday."


def test_only_the_case_of_letters_changes():
    text = "pune: the leader met ashok singhal’s men, and said “we sat on a dharna”. he met advani."
    cased = _case(text)
    assert len(cased) == len(text) and cased.lower() == text.lower()


def test_sentence_starts_and_possessives():
    assert _case("police had arrested men. he met advani's men.") == "police had arrested men. He met Advani's men."


def test_a_dateline_is_left_as_written():
    assert _case("pune: in a bid to avoid talk, the leader met advani.").startswith("pune: in a bid")


def test_a_word_the_story_uses_after_an_article_is_a_common_noun():
    # "bandh" is unknown to the list, but "the bandh" shows it is a common noun of the story's language
    assert _case("the leader said the bandh led by the party had met. a bandh at pune.") == (
        "the leader said the bandh led by the party had met. A bandh at Pune.")


def test_a_name_before_the_noun_it_qualifies_is_no_common_noun():
    # "the godhra carnage": a word after an article and before another word may be a name modifying it; only a
    # word that ends its phrase after an article ("a bandh at pune") shows a common noun
    assert _case("the leader met the godhra police. he said the party had arrested men in godhra.") == (
        "the leader met the Godhra police. He said the party had arrested men in Godhra.")


def test_inflections_of_known_words_are_words():
    assert known_word("leaders", WORDS) and known_word("dharnas", WORDS) and not known_word("singhal", WORDS)


def test_a_cased_or_short_text_is_not_caseless():
    story = " ".join(["the leader met ashok singhal on monday and said the police had arrested men."] * 4)
    assert is_caseless(story)
    assert not is_caseless(story.title())
    assert not is_caseless("the leader met ashok singhal.")


def test_a_pages_capitalised_widgets_do_not_make_a_short_caseless_story_cased():
    story = ("kanpur: the district leader met ashok singhal on monday. he said the police had arrested twelve men "
             "near the bus stand. the party called a dharna at the collectorate to protest the arrests. "
             "the workers will meet again on friday, he said. Facebook Twitter Linkedin Mail")
    assert is_caseless(story)
    cased = ("Kanpur: The district leader met Ashok Singhal on Monday. He said the police had arrested twelve men "
             "near the bus stand. the party called a dharna at the collectorate to protest against the arrests. "
             "The workers will meet again on Friday, he said. Facebook Twitter Linkedin Mail")
    assert not is_caseless(cased)       # one sentence in three written without its capital is no caseless story


STORY = ("lucknow: the vishwa hindu parishad (vhp) on monday accused the state government of blocking its march. "
         "vhp leader ashok singhal said the police had arrested 200 volunteers at the border of the district. "
         "singhal demanded that the government release them at once. meanwhile, chief minister rajnath singh met "
         "governor vishnukant shastri and discussed the situation in the state, officials said.")


@pytest.fixture(scope="module")
def analyse():
    from geowire.config import load_config
    from geowire.model import Document
    from geowire.pipeline import Pipeline

    def run(truecase_on: bool):
        config = load_config(overrides={"components": {"nlp": {"truecase": truecase_on}}})
        order = [n for n in config["pipeline"]["order"] if n != "dedup"]
        outcome = Pipeline.from_config(config, only=order).process_one(
            Document(id="t1", text=STORY, published="2024-05-06"), raw=True)
        assert outcome.error is None
        return outcome.document
    return run


@pytest.mark.model
def test_a_caseless_story_has_named_sides(analyse):
    doc = analyse(True)
    consult = next(e for e in doc.events if e.type == "CONSULT")
    assert consult.source is not None and consult.source.text == "rajnath singh"
    assert consult.target is not None and consult.target.text == "vishnukant shastri"
    # "vhp leader ashok singhal" may be read as one side, the person with the body he leads
    assert "vhp" in {a.text for a in doc.actors} and "Ashok Singhal" in {a.name for a in doc.actors}


@pytest.mark.model
def test_every_quoted_span_is_the_text_as_written(analyse):
    doc = analyse(True)
    spans = [*doc.actors, *doc.places, *doc.times] + [s for e in doc.events for s in (e.source, e.target) if s]
    assert spans and all(s.text == doc.text[s.start:s.end] for s in spans)
    assert any(a.name != a.text for a in doc.actors)  # the name is given with its capitals
