"""The gazetteer matcher: runs of capitalised tokens outside spaCy's place entities, and the longest
gazetteer names inside them."""

from __future__ import annotations

import re

from geowire.geo.gazetteer import Gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_RECOVERABLE_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", ""})
DIRECTION_WORDS = frozenset(
    ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
     "southern", "eastern", "western", "central", "upstate", "downstate"]
)
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z][a-z]{1,4}\.$")
STREET_END = re.compile(
    r"\s(?:Street|Road|Avenue|Drive|Boulevard|Lane|Highway|Parkway|Pike|Trail|River|Creek|Lake)$"
)


def token_labels(n: int, ents) -> list[str]:
    labels = [""] * n
    for ent in ents:
        for i in range(ent.start, ent.end):
            labels[i] = ent.label_
    return labels


def proper_sequences(tokens: list, labels: list[str]):
    """Maximal runs of capitalised tokens (allowing inner 'al-', 'ez', 'of', hyphens)."""
    i, n = 0, len(tokens)
    while i < n:
        if labels[i] in PLACE_LABELS or labels[i] not in _RECOVERABLE_LABELS or not _capitalised(tokens[i]) \
                or tokens[i].is_stop:   # "A Columbia woman": the run starts at the name
            i += 1
            continue
        j = i + 1
        while j < n and labels[j] in _RECOVERABLE_LABELS and (_capitalised(tokens[j]) or _joiner(tokens, j)):
            j += 1
        while j > i + 1 and _joiner(tokens, j - 1):
            j -= 1
        yield tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1])
        i = j


def _capitalised(token) -> bool:
    text = token.text
    if text[:1].isupper() and (token.is_alpha or _DOTTED.match(text)):
        return True
    return text in ("Al-", "El-")


def _joiner(tokens: list, j: int) -> bool:
    return tokens[j].text in ("-", "al", "el", "ez", "as", "ad", "ash", "of", "'") and j + 1 < len(tokens) \
        and tokens[j + 1].text[:1].isupper()


def longest_known(gazetteer: Gazetteer, parsed, tokens: list, text: str, char_start: int, char_end: int,
                  min_chars: int):
    """Greedy longest gazetteer matches (at most 4 tokens) inside a capitalised run."""
    span = parsed.char_span(char_start, char_end, alignment_mode="expand")
    if span is None:
        return
    i = span.start
    while i < span.end:
        for j in range(min(span.end, i + 4), i, -1):
            phrase = tokens[i:j]
            if not phrase[0].is_alpha and not _DOTTED.match(phrase[0].text):
                continue    # a name does not start with "-" or "'"
            if len(phrase) == 1 and phrase[0].lower_ in DIRECTION_WORDS:
                continue    # "Western Pennsylvania": the direction word qualifies the next name
            name = text[phrase[0].idx:phrase[-1].idx + len(phrase[-1])]
            if len(name) >= min_chars and _plausible(phrase) and gazetteer.has_name(name):
                yield i, j
                i = j
                break
        else:
            i += 1


def _plausible(phrase) -> bool:
    """Not a stop word, not sentence-initial common word, not a lone title-cased verb."""
    if len(phrase) == 1:
        token = phrase[0]
        if token.is_alpha and token.text.isupper() and len(token) > 2:
            return True     # "TORRINGTON —": the tagger reads a capitalised dateline as any part of speech
        if token.is_stop or token.is_sent_start and token.pos_ not in ("PROPN",):
            return False
        if token.pos_ not in ("PROPN", "NOUN", "ADJ", "X"):
            return False
    return phrase[-1].is_alpha or phrase[-1].text.endswith(".")
