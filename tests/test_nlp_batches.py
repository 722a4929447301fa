"""The spaCy stage parses bounded groups: at most ``batch_size`` documents and ``batch_chars`` characters."""

from __future__ import annotations

import pytest

from geowire.model import Document
from geowire.nlp.spacy_nlp import make_spacy_parser


def _docs(*lengths: int) -> list[Document]:
    return [Document(id=f"d{i}", text="x" * n) for i, n in enumerate(lengths)]


def _sizes(parser, docs) -> list[list[int]]:
    return [[len(d.text) for d in group] for group in parser.groups(docs)]


def test_long_articles_are_parsed_a_few_at_a_time():
    parser = make_spacy_parser(batch_size=16, batch_chars=10_000)
    assert _sizes(parser, _docs(4000, 4000, 4000, 4000, 1000)) == [[4000, 4000], [4000, 4000, 1000]]


def test_short_articles_still_fill_a_batch_of_documents():
    parser = make_spacy_parser(batch_size=3, batch_chars=10_000)
    assert _sizes(parser, _docs(*[100] * 7)) == [[100] * 3, [100] * 3, [100]]


def test_an_article_longer_than_the_limit_is_parsed_alone_and_not_lost():
    parser = make_spacy_parser(batch_size=16, batch_chars=1_000)
    docs = _docs(300, 5000, 300, 300)
    assert _sizes(parser, docs) == [[300], [5000], [300, 300]]
    assert [d.id for group in parser.groups(docs) for d in group] == ["d0", "d1", "d2", "d3"]


def test_only_the_characters_parsed_count_towards_the_limit():
    parser = make_spacy_parser(batch_size=16, batch_chars=1_000, max_chars=400)
    assert _sizes(parser, _docs(5000, 5000, 5000)) == [[5000, 5000], [5000]]


@pytest.mark.parametrize("settings", [{"batch_size": 0}, {"batch_chars": 0}])
def test_an_empty_batch_is_refused(settings):
    with pytest.raises(ValueError, match="positive"):
        make_spacy_parser(**settings)


@pytest.mark.model
def test_every_document_comes_back_parsed_in_order():
    parser = make_spacy_parser(batch_chars=60)
    texts = ["Police arrested two men in Delhi.", "Troops left the town on Monday.", "Talks began."]
    parsed = list(parser.pipe([Document(id=str(i), text=t) for i, t in enumerate(texts)]))
    assert [d.parsed.text for d in parsed] == texts
