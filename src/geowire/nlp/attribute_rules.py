"""The model's attribute rules (tag → part of speech and morphology, and their exceptions), applied column-wise.

spaCy's ``attribute_ruler`` runs a ``Matcher`` with every rule over every token (179 rules in
``en_core_web_sm``): about a tenth of the model's time, more than the tagger and as much as the parser. Its rules
are all of one simple shape, a fixed run of tokens each with tests on a few attributes (``TAG``, ``LOWER``,
``DEP``, ...: equal to a value, ``IN`` or ``NOT_IN`` a list, matching a ``REGEX``), so the same matches can be
found with one comparison of whole columns per rule.
:class:`ColumnAttributeRuler` does that and assigns the attributes rule by rule in the ruler's own order (later
rules win, as in ``AttributeRuler.match``), so the result is the same token for token (checked against the stock
component in ``tests/test_nlp_attribute_rules.py``). A ruler holding any rule of another shape (operators, sets,
other predicates, extension attributes) is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# attributes a rule may test: string-valued ones compared as hashes, IS_SPACE as a flag, POS as its symbol
_TESTS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "NORM": NORM, "DEP": DEP, "POS": POS, "IS_SPACE": IS_SPACE}
# attributes assigned through Doc.from_array (the rest, e.g. DEP, one token at a time as the stock ruler does)
_COLUMNS = (TAG, POS, MORPH, LEMMA)


@dataclass(frozen=True)
class _Test:
    """One attribute test of a token: ``kind`` is "eq" (value: a hash or id), "in" or "not_in" (value: a tuple
    of them) or "regex" (value: the pattern, searched in the attribute's string as the Matcher does)."""

    attr: int
    kind: str
    value: Any

    def mask(self, column: numpy.ndarray, strings, cache: dict) -> numpy.ndarray:
        if self.kind == "eq":
            return column == self.value
        if self.kind in ("in", "not_in"):
            inside = numpy.isin(column, numpy.array(self.value, dtype=column.dtype))
            return inside if self.kind == "in" else ~inside
        values, inverse = numpy.unique(column, return_inverse=True)
        found = numpy.array([self._search(int(v), strings, cache) for v in values], dtype=bool)
        return found[inverse.reshape(-1)]

    def _search(self, value: int, strings, cache: dict) -> bool:
        key = (self.value, value)
        if key not in cache:
            cache[key] = re.search(self.value, strings[value]) is not None
        return cache[key]


@dataclass
class _Rule:
    patterns: list[list[list[_Test]]]       # each: one list of tests per token
    index: int                              # which token of a match gets the attributes
    columns: list[tuple[int, int]]          # (column number in _COLUMNS, value)
    others: dict[Any, Any]                  # attributes set token by token


def compile_rules(ruler) -> list[_Rule] | None:
    """The ruler's rules in its order, or None when one is not a fixed run of equality tests."""
    vocab = ruler.vocab
    rules = []
    for number, attrs in enumerate(ruler.attrs):
        _, patterns = ruler.matcher.get(str(number))
        compiled = []
        for pattern in patterns:
            tokens = []
            for spec in pattern:
                tests = []
                for name, value in spec.items():
                    test = _compile_test(name, value, vocab)
                    if test is None:
                        return None
                    tests.append(test)
                tokens.append(tests)
            if not tokens:
                return None
            index = ruler.indices[number]
            if not -len(tokens) <= index < len(tokens):
                return None
            compiled.append(tokens)
        columns, others = [], {}
        for key, value in attrs.items():
            if key in _COLUMNS:
                columns.append((_COLUMNS.index(key), value))
            elif key == "_":
                return None
            else:
                others[key] = value
        rules.append(_Rule(compiled, ruler.indices[number], columns, others))
    return rules


def _compile_test(name: str, value: Any, vocab) -> _Test | None:
    if name not in _TESTS:
        return None
    attr = _TESTS[name]

    def code(item: Any) -> int | None:
        if name == "IS_SPACE":
            return int(bool(item)) if isinstance(item, bool) else None
        if not isinstance(item, str):
            return None
        if name == "POS":
            return POS_IDS.get(item)
        return vocab.strings.add(item)

    if isinstance(value, dict):
        if len(value) != 1:
            return None
        (kind, argument), = value.items()
        if kind in ("IN", "NOT_IN") and isinstance(argument, list):
            codes = [code(item) for item in argument]
            return None if None in codes else _Test(attr, kind.lower(), tuple(codes))
        if kind == "REGEX" and isinstance(argument, str) and name != "IS_SPACE" and name != "POS":
            return _Test(attr, "regex", argument)
        return None
    coded = code(value)
    return None if coded is None else _Test(attr, "eq", coded)


class ColumnAttributeRuler:
    """Stands in for an ``attribute_ruler`` whose rules :func:`compile_rules` accepts."""

    def __init__(self, rules: list[_Rule]):
        self.rules = rules
        self.tested = sorted({test.attr for rule in rules for p in rule.patterns for tests in p for test in tests})
        self._regex_cache: dict = {}

    def __call__(self, doc: Doc) -> Doc:
        self._apply([doc])
        return doc

    def pipe(self, docs, batch_size: int = 64):
        """The columns of a batch of documents are tested together: one comparison per rule per batch."""
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                self._apply(batch)
                yield from batch
                batch = []
        if batch:
            self._apply(batch)
            yield from batch

    def _apply(self, docs: list[Doc]) -> None:
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        sizes = [len(doc) for doc in docs]
        n = sum(sizes)
        tested = numpy.concatenate([doc.to_array(self.tested).reshape(len(doc), -1) for doc in docs])
        values = numpy.concatenate([doc.to_array(list(_COLUMNS)) for doc in docs])
        owner = numpy.repeat(numpy.arange(len(docs)), sizes)      # which document each row belongs to
        column_of = {attr: number for number, attr in enumerate(self.tested)}
        strings = docs[0].vocab.strings
        masks: dict[_Test, numpy.ndarray] = {}
        one_by_one: list[tuple[numpy.ndarray, dict]] = []
        for rule in self.rules:
            targets = numpy.zeros(n, dtype=bool)
            for pattern in rule.patterns:
                length = len(pattern)
                if length > n:
                    continue
                # a match lies within one document
                starts = owner[:n - length + 1] == owner[length - 1:]
                for offset, tests in enumerate(pattern):
                    for test in tests:
                        if test not in masks:
                            masks[test] = test.mask(tested[:, column_of[test.attr]], strings, self._regex_cache)
                        starts &= masks[test][offset:n - length + 1 + offset]
                shift = rule.index if rule.index >= 0 else length + rule.index
                targets[shift:shift + len(starts)] |= starts
            if not targets.any():
                continue
            for column, value in rule.columns:
                values[targets, column] = value
            if rule.others:
                one_by_one.append((numpy.flatnonzero(targets), rule.others))
        bounds = numpy.cumsum([0, *sizes])
        for number, doc in enumerate(docs):
            doc.from_array(list(_COLUMNS), values[bounds[number]:bounds[number + 1]])
        for positions, attrs in one_by_one:       # in rule order, after the columns: only other attributes
            for i in positions:
                number = int(owner[i])
                set_token_attrs(docs[number][int(i - bounds[number])], attrs)
