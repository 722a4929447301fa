"""The nlp stage parses curly apostrophes as straight ones, one character for one, so that offsets stay the
article's own."""

from __future__ import annotations

import pytest

from geowire.model import Document
from geowire.nlp.spacy_nlp import make_spacy_parser

pytestmark = pytest.mark.model

TEXT = "The ministers\u2019 request to the commission was rejected, and the envoy won\u2019t return."


@pytest.fixture(scope="module")
def parsed():
    return make_spacy_parser()(Document(id="t1", text=TEXT)).parsed


def test_a_plural_possessive_with_a_curly_apostrophe_is_a_possessive(parsed):
    ministers = next(t for t in parsed if t.text == "ministers")
    assert ministers.dep_ == "poss" and ministers.head.text == "request"


def test_the_parse_keeps_the_articles_offsets(parsed):
    assert len(parsed.text) == len(TEXT)
    assert all(TEXT[t.idx:t.idx + len(t)].replace("\u2019", "'") == t.text for t in parsed)
