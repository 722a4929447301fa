"""The gazetteer matcher: runs of capitalised tokens outside spaCy's place entities, and the longest
gazetteer names inside them."""

from __future__ import annotations

import re

from geowire.geo.frames import INSTITUTION_AFTER, RESIDENT_AFTER
from geowire.geo.gazetteer import Gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_RECOVERABLE_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", ""})
DIRECTION_WORDS = frozenset(
    ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
     "southern", "eastern", "western", "central", "upstate", "downstate"]
)
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z][a-z]{1,4}\.$")
STREET_END = re.compile(
    r"\s(?:Street|Road|Avenue|Drive|Boulevard|Lane|Highway|Parkway|Pike|Trail|River|Creek|Lake|"
    r"St\.|Ave\.|Rd\.|Blvd\.|Ln\.|Pkwy\.)$"
)


def token_labels(n: int, ents) -> list[str]:
    labels = [""] * n
    for ent in ents:
        for i in range(ent.start, ent.end):
            labels[i] = ent.label_
    return labels


class TokenView:
    """A parsed Doc's per-token columns read once as arrays (offset, length, alphabetic, stop word),
    and Token objects built only for the tokens a run needs: iterating a Doc builds a Token for
    every word, which cost more than the rest of the matcher."""

    def __init__(self, parsed, text: str):
        from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LENGTH

        self.parsed = parsed
        if len(parsed):
            # whole columns at once (numpy), not a Python list per token
            columns = parsed.to_array([IDX, LENGTH, IS_ALPHA, IS_STOP]).T
            self.idx, self.length = columns[0].tolist(), columns[1].tolist()
            self.alpha, self.stop = columns[2].astype(bool).tolist(), columns[3].astype(bool).tolist()
        else:
            self.idx, self.length, self.alpha, self.stop = [], [], [], []
        self.texts = [text[i:i + n] for i, n in zip(self.idx, self.length, strict=True)]
        # a capitalised word (or "Al-", "El-"): where a run of a name may be, read once per token
        self.capitalised = [t[:1].isupper() and (a or bool(_DOTTED.match(t))) or t in ("Al-", "El-")
                            for t, a in zip(self.texts, self.alpha, strict=True)]
        self._tokens: dict[int, object] = {}

    def __len__(self) -> int:
        return len(self.idx)

    def token(self, i: int):
        found = self._tokens.get(i)
        if found is None:
            found = self._tokens[i] = self.parsed[i]
        return found

    def tokens(self, i: int, j: int) -> list:
        return [self.token(k) for k in range(i, j)]


def proper_sequences(view: TokenView, labels: list[str]):
    """Maximal runs of capitalised tokens (allowing inner 'al-', 'ez', 'of', hyphens), as token ranges."""
    i, n = 0, len(view)
    capitalised, stop = view.capitalised, view.stop
    while i < n:
        if not capitalised[i] or stop[i] or labels[i] in PLACE_LABELS or labels[i] not in _RECOVERABLE_LABELS:
            i += 1      # "A Columbia woman": the run starts at the name
            continue
        j = i + 1
        while j < n and labels[j] in _RECOVERABLE_LABELS and (capitalised[j] or _joiner(view, j)):
            j += 1
        while j > i + 1 and _joiner(view, j - 1):
            j -= 1
        yield i, j
        i = j


# the particles of Spanish, Portuguese and Italian names ("Vina del Mar", "Rio de Janeiro", "Foz do Iguacu"),
# which the parser often reads as a person's; a run keeps one only inside a name the gazetteer knows
# ("Tour de France" is a race in France: see ``split_at_particles``)
_PARTICLES = frozenset(["de", "del", "do", "da", "dos", "das", "di"])
# lower-case words inside a name: Arabic articles, "of", and those particles
_JOINERS = frozenset(["-", "al", "el", "ez", "as", "ad", "ash", "of", "'", *_PARTICLES])


def split_at_particles(gazetteer: Gazetteer, view: TokenView, text: str, run: tuple[int, int]) -> list[tuple[int, int]]:
    """The run cut at each Romance particle that no known name of at most four words spans."""
    first, last = run
    cuts = [p for p in range(first + 1, last - 1) if view.texts[p] in _PARTICLES and not any(
        gazetteer.has_name(text[view.idx[a]:view.idx[b - 1] + view.length[b - 1]])
        for a in range(max(first, p - 3), p) for b in range(p + 2, min(last, a + 4) + 1))]
    if not cuts:
        return [run]
    bounds = [first, *(c for p in cuts for c in (p, p + 1)), last]
    return [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if b > a]


def _joiner(view: TokenView, j: int) -> bool:
    return view.texts[j] in _JOINERS and j + 1 < len(view) \
        and view.texts[j + 1][:1].isupper()


def run_phrases(view: TokenView, text: str, runs: list[tuple[int, int]], min_chars: int):
    """Every phrase :func:`longest_known` may ask the gazetteer about in these runs (a superset), so the
    answers can be fetched at once (``Gazetteer.prefetch_names``)."""
    for run_start, run_end in runs:
        for i in range(run_start, run_end):
            if not view.alpha[i] and not _DOTTED.match(view.texts[i]):
                continue
            for j in range(i + 1, min(run_end, i + 4) + 1):
                if view.alpha[j - 1] or view.texts[j - 1].endswith("."):
                    name = text[view.idx[i]:view.idx[j - 1] + view.length[j - 1]]
                    if len(name) >= min_chars:
                        yield name


def longest_known(gazetteer: Gazetteer, view: TokenView, text: str, run_start: int, run_end: int,
                  min_chars: int):
    """Greedy longest gazetteer matches (at most 4 tokens) inside a capitalised run (a token range). The
    cheap tests (the token columns, the cached name lookup) come before the one that needs Token objects."""
    i = run_start
    while i < run_end:
        for j in range(min(run_end, i + 4), i, -1):
            first, last = view.texts[i], view.texts[j - 1]
            if not view.alpha[i] and not _DOTTED.match(first):
                continue    # a name does not start with "-" or "'"
            if j - i == 1 and first.lower() in DIRECTION_WORDS:
                continue    # "Western Pennsylvania": the direction word qualifies the next name
            if not (view.alpha[j - 1] or last.endswith(".")):
                continue
            name = text[view.idx[i]:view.idx[j - 1] + view.length[j - 1]]
            if len(name) >= min_chars and gazetteer.has_name(name) \
                    and (j - i > 1 or _plausible_word(view.token(i), text)):
                yield i, j
                i = j
                break
        else:
            i += 1


def _names_locals(token, text: str) -> bool:
    """'Grovetown police then questioned ...', 'Chiefland Police Chief ...': a capitalised word opening a
    sentence before a resident's or local institution's word, which the tagger need not call a proper noun."""
    if token.pos_ == "ADJ" or RESIDENT_AFTER.match(" " + token.text) or INSTITUTION_AFTER.match(" " + token.text):
        return False    # "Young residents", "Police Chief": the word is the label, not a town
    after = text[token.idx + len(token):token.idx + len(token) + 80]     # (Doc.text would rebuild the text)
    return bool(RESIDENT_AFTER.match(after) or INSTITUTION_AFTER.match(after))


def _plausible_word(token, text: str) -> bool:
    """A one-word name: not a stop word, not a sentence-initial common word, not a lone title-cased verb."""
    if token.is_alpha and token.text.isupper() and len(token) > 2:
        return True     # "TORRINGTON —": the tagger reads a capitalised dateline as any part of speech
    if token.is_stop or token.is_sent_start and token.pos_ not in ("PROPN",) and not _names_locals(token, text):
        return False
    return token.pos_ in ("PROPN", "NOUN", "ADJ", "X")
