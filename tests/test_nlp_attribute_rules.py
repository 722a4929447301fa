"""The column-wise attribute rules give what spaCy's attribute_ruler gives, token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from geowire.nlp.attribute_rules import ColumnAttributeRuler, compile_rules
from geowire.nlp.spacy_nlp import DEFAULT_MODEL, load_model

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]

TEXTS = [
    "Police said the protesters weren't armed, but they'd thrown stones at the building in Lagos.",
    "Y'all ain't seen nothin' yet, said the mayor of New York.\n\nThe council is meeting on Monday.",
    "  \n Whether or not the talks go ahead, I'm told they've been postponed; it's 'unclear' who'll attend.",
    "THE ARMY SEALED THE BORDER. Troops were deployed to the north-east on 5 May 2024 (local time).",
    "",
]


def _rules_ruler(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_the_loaded_model_runs_the_column_rules_instead_of_the_attribute_ruler():
    names = load_model().pipe_names
    assert "geowire_attribute_rules" in names
    assert "attribute_ruler" not in names
    assert names.index("geowire_attribute_rules") < names.index("geowire_lemmas")
    assert "lemmatizer" not in names                      # the column lemmatizer stands in for it


def test_column_lemmatizer_gives_the_stock_lemmas_from_a_cold_and_a_warm_table():
    ours = load_model()
    stock = spacy.load(DEFAULT_MODEL)
    stock.add_pipe("geowire_line_breaks", before="parser")
    ours.get_pipe("geowire_lemmas").known.clear()
    for _ in range(2):                                    # every key new, then every key known
        for doc, expected in zip(ours.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
            assert [t.lemma_ for t in doc] == [t.lemma_ for t in expected]
    assert ours.get_pipe("geowire_lemmas").known


def test_same_tags_parts_of_speech_morphology_and_lemmas_as_the_stock_model():
    ours = load_model()
    stock = spacy.load(DEFAULT_MODEL)
    stock.add_pipe("geowire_line_breaks", before="parser")
    for batched in (True, False):
        docs = list(ours.pipe(TEXTS, batch_size=2)) if batched else [ours(text) for text in TEXTS]
        for doc, expected in zip(docs, stock.pipe(TEXTS), strict=True):
            assert (doc.to_array(COLUMNS) == expected.to_array(COLUMNS)).all()
            assert [(t.lemma_, t.pos_, str(t.morph)) for t in doc] == \
                [(t.lemma_, t.pos_, str(t.morph)) for t in expected]


def test_rule_shapes_and_order_as_the_matcher_gives_them():
    patterns = [
        {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"LEMMA": "NYC"}, "index": -1},
        {"patterns": [[{"LOWER": {"IN": ["a", "an", "the"]}}]], "attrs": {"LEMMA": "ART", "MORPH": "Definite=Ind"}},
        {"patterns": [[{"LOWER": "the"}]], "attrs": {"MORPH": "Definite=Def"}},              # later rule wins
        {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
        {"patterns": [[{"ORTH": {"NOT_IN": ["x", "a", "the", "an"]}}, {"ORTH": "x"}]], "attrs": {"LEMMA": "X"},
         "index": 1},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP"}},
    ]
    nlp, ruler = _rules_ruler(patterns)
    column = ColumnAttributeRuler(compile_rules(ruler))
    texts = ["I saw a new york cab in New York", "york is not new", "do n't x  the x", "an x new", "york"]
    expected = [ruler(nlp.make_doc(text)) for text in texts]
    got = list(column.pipe([nlp.make_doc(text) for text in texts], batch_size=8))
    for doc, stock in zip(got, expected, strict=True):
        assert [(t.lemma_, str(t.morph), t.tag_) for t in doc] == [(t.lemma_, str(t.morph), t.tag_) for t in stock]
    # "new" ending one document and "york" starting the next are not one match
    assert got[3][-1].lemma_ != "NYC" and got[4][0].lemma_ != "NYC"
    the = next(t for t in got[2] if t.text == "the")
    assert got[0][-1].lemma_ == "NYC" and str(the.morph) == "Definite=Def" and the.lemma_ == "ART"
    assert [t.lemma_ for t in got[2] if t.text == "x"] == ["X", ""]     # "the" is NOT_IN: no match


@pytest.mark.parametrize("spec", [{"LOWER": "a", "OP": "+"}, {"LENGTH": {">=": 3}}, {"_": {"x": 1}}])
def test_a_rule_of_another_shape_leaves_the_attribute_ruler_as_it_is(spec):
    _, ruler = _rules_ruler([{"patterns": [[spec]], "attrs": {"LEMMA": "a"}}])
    assert compile_rules(ruler) is None


def test_lemma_index_is_sets_and_gives_the_stock_lemmas():
    """The lemmatizer's known base forms are looked up in sets (not scanned as lists); lemmas are unchanged."""
    ours = load_model()
    index = ours.get_pipe("geowire_lemmas").lemmatizer.lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())
    stock = spacy.load(DEFAULT_MODEL)
    stock.add_pipe("geowire_line_breaks", before="parser")
    assert all(isinstance(words, list) for words in stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
               .values())
    words = ("The wolves were hunting geese; ministers had been fleeing, and the courts abolished their "
             "criteria. Ponies, mice and analyses. She swam, he'd swum, they're swimming.")
    ours.get_pipe("geowire_lemmas").lemmatizer.cache.clear()    # every form looked up again, not from a cache
    ours.get_pipe("geowire_lemmas").known.clear()
    assert [(t.lemma_, t.pos_) for t in ours(words)] == [(t.lemma_, t.pos_) for t in stock(words)]


def test_column_lemmatizer_keeps_one_bounded_table():
    ours = load_model()
    lemmas = ours.get_pipe("geowire_lemmas")
    lemmas.known.clear()
    expected = [[t.lemma_ for t in doc] for doc in ours.pipe(TEXTS)]
    every_key = len(lemmas.known)
    assert not lemmas.lemmatizer.cache                     # the model's lemmatizer keeps no second copy
    saved = lemmas.max_known
    try:
        lemmas.max_known = 5
        lemmas.known.clear()
        docs = list(ours.pipe(TEXTS, batch_size=1))
        assert [[t.lemma_ for t in doc] for doc in docs] == expected
        assert len(lemmas.known) <= 5 + max(len(doc) for doc in docs) < every_key   # emptied on the way
        assert not lemmas.lemmatizer.cache
    finally:
        lemmas.max_known = saved
