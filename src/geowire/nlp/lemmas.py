"""The model's rule lemmatizer, remembered per word, part of speech and morphology, over columns.

spaCy's rule lemmatizer visits every token as a Python ``Token`` and looks its lemma up in a cache keyed by
the word, its part of speech and its morphology; a lemma is a function of those three alone (the suffix rules,
the exceptions and the base-form test read nothing else). :class:`ColumnLemmatizer` reads the three as columns
of the document, answers known keys from its own table and asks the model's lemmatizer only for a key it has
not met: the same lemmas, token for token, without building a ``Token`` for each known word.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.tokens import Doc

KEY_COLUMNS = [ORTH, POS, MORPH, LEMMA]


class ColumnLemmatizer:
    """Stands in for a rule-mode ``lemmatizer`` (the model's own does the work on keys not seen before).

    The table is the only cache: the model's lemmatizer forgets what it was asked, and the table is emptied when it
    holds ``max_known`` keys (a long backfill meets ever more names and numbers; spaCy's own cache would grow
    without end).
    """

    def __init__(self, lemmatizer, max_known: int = 300_000):
        self.lemmatizer = lemmatizer
        self.overwrite = bool(getattr(lemmatizer, "overwrite", False))
        self.max_known = max_known
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array(KEY_COLUMNS)
        lemmas = columns[:, 3].copy()
        todo = numpy.arange(len(doc)) if self.overwrite else numpy.flatnonzero(lemmas == 0)
        if not todo.size:
            return doc
        if len(self.known) >= self.max_known:
            self.known.clear()
        known, strings, lemmatize = self.known, doc.vocab.strings, self.lemmatizer.lemmatize
        their_cache = getattr(self.lemmatizer, "cache", {})
        for i, (orth, pos, morph) in zip(todo.tolist(), columns[todo, :3].tolist(), strict=True):
            key = (orth, pos, morph)
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = strings.add(restored_e(doc[i], lemmatize(doc[i])[0]))
                their_cache.pop(key, None)
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


# one syllable, one vowel letter, one final consonant: English doubles that consonant before "-ed" ("stag" ->
# "stagged", "rap" -> "rapped", "fin" -> "finned")
_DOUBLING_SYLLABLE = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


def restored_e(token, lemma: str) -> str:
    """The model's rule lemmatizer reads "staged" as "stag", "waged" as "wag", "fined" as "fin", "raped" as "rap"
    (both are verbs in its index, and it takes the first rule that gives one). A single consonant before "-ed" after
    one short syllable is a verb ending in "e", since the other would have doubled its consonant."""
    text = token.lower_
    if token.pos_ == "VERB" and text.endswith("ed") and lemma == text[:-2] and _DOUBLING_SYLLABLE.match(lemma):
        return lemma + "e"
    return lemma


def column_lemmatizer(lemmatizer) -> ColumnLemmatizer | None:
    """A column lemmatizer for the model's lemmatizer, or None when it is not in rule mode (a lookup lemmatizer
    reads only the word, and other modes may read more than the three columns)."""
    if getattr(lemmatizer, "mode", None) != "rule":
        return None
    return ColumnLemmatizer(lemmatizer)
