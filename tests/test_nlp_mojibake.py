"""The nlp stage parses quotes and dashes garbled by a wrong decoding ("â€™") as the marks they stood for, one
character for one, so that offsets stay the article's own."""

from __future__ import annotations

import pytest

from geowire.model import Document
from geowire.nlp.mojibake import repair_mojibake
from geowire.nlp.spacy_nlp import make_spacy_parser

GARBLED = ("The \u00e2\u20ac\u02dcpeace march\u00e2\u20ac\u2122 organised by the students reached the square, where "
           "police detained ten of them. \u00e2\u20ac\u0153We will not move,\u00e2\u20ac\ufffd the marchers said.")


@pytest.mark.parametrize("text, repaired", [
    ("a \u00e2\u20ac\u02dcsealed town\u00e2\u20ac\u2122, then", "a   \u2018sealed town\u2019  , then"),
    ("said \u00e2\u20ac\u0153we stay\u00e2\u20ac\ufffd and left", "said   \u201cwe stay\u201d   and left"),
    ("north \u00e2\u20ac\u201d and south", "north \u2014   and south"),
    ("fees \u00c2 of 5", "fees   of 5"),
])
def test_garbled_punctuation_is_restored_and_padded_to_its_length(text, repaired):
    assert repair_mojibake(text) == repaired
    assert len(repair_mojibake(text)) == len(text)


@pytest.mark.parametrize("text", [
    "the caf\u00c3\u00a9 stayed open",            # a letter: no repair keeps the word's length
    "they didn\u00e2\u20ac\u2122\u00e2\u20ac\u2122t go",   # inside a word: padding would split it
    "S\u00e3o Paulo and \u201cquoted\u201d text",       # correct text is left as it is
    "plain ASCII text",
])
def test_what_cannot_or_need_not_be_restored_is_left_alone(text):
    assert repair_mojibake(text) == text


@pytest.mark.model
def test_clauses_with_garbled_quotes_keep_their_subjects():
    parsed = make_spacy_parser()(Document(id="m1", text=GARBLED)).parsed
    subjects = {t.head.text: t.text for t in parsed if t.dep_ == "nsubj"}
    assert subjects["reached"] == "march" and subjects["said"] == "marchers"
    assert len(parsed.text) == len(GARBLED)


@pytest.mark.model
def test_the_repair_can_be_switched_off():
    parser = make_spacy_parser(mojibake=False)
    assert parser.parser_view(GARBLED) == GARBLED


def test_a_garbled_possessive_becomes_the_name_and_a_possessive_s():
    text = "both leaders criticised banerjee\u00e2\u20ac\u2122s consistent failure to stop the malpractices."
    repaired = repair_mojibake(text)
    assert len(repaired) == len(text) and "banerjee  \u2019s consistent" in repaired
    doc = make_spacy_parser()(Document(id="p", text=text, language="en"))
    [owner] = [t for t in doc.parsed if t.dep_ == "poss"]
    assert owner.text == "banerjee"
