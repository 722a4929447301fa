"""Is an expression about the past or the future? Decides "Friday", "March", "winter".

News reports mostly what happened, so the past is the default. "Since" always looks
back. Otherwise the nearest tense cue before the expression in its clause decides
("will", "is to", "scheduled", "planned to" against "was", "-ed" verbs); a clause without
cues asks the spaCy parse, when there is one, for the governing verb (a future auxiliary,
a past tense, or a scheduled present: "meet Monday"); failing that, the nearest cue in the
sentence decides.
"""

from __future__ import annotations

import re
from typing import Any

from geowire.timex.lexicon import NOT_AFTER_MODAL

_FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|won't|wo|going\s+to|is\s+to|are\s+to|plans?\s+to|(?<!ly\s)planned(?=\s+(?:to|a|an|for)\b)|planning|effective|"
    r"scheduled|expected|expects?|due|set\s+to|would|upcoming|intends?\s+to|hopes?\s+to|"
    r"aims?\s+to|to\s+be\s+held|as\s+soon\s+as|next(?!\s+to\b))\b", re.IGNORECASE)
_STRONG_FUTURE_CUE = re.compile(r"\b(?:will|'ll|shall|is\s+to|are\s+to|going\s+to)\b", re.IGNORECASE)
_PAST_CUE = re.compile(
    rf"\b(?:was|were|had|did|ago|earlier|{NOT_AFTER_MODAL}last|been|came|went|began|took|left|met|won|lost|fell|rose|"
    r"held|said|told|says|became|bought|brought|built|caught|chose|drew|drove|fled|fought|found|gave|"
    r"got|grew|heard|kept|knew|led|made|paid|ran|sank|saw|sent|shot|sold|spent|spoke|stood|struck|"
    r"swore|thought|threw|wrote|(?!(?:schedul|expect|plann)ed|(?:succ|proc|exc|n|f|sp|ind|bl|br|h|s)eed\b|"
    r"(?:hundr|sacr|nak|wick)ed\b|(?:embe|be|re|she|we)d\b)(?-i:[a-z]+ed))\b", re.IGNORECASE)
# "had been due to expire Friday", "was scheduled to open Monday": a plan seen from the past
_PLAN_CUE = re.compile(r"scheduled|expected|due|set\s+to", re.IGNORECASE)
_PAST_AUXILIARY_BEFORE = re.compile(r"\b(?:was|were|had\s+been)\s+$", re.IGNORECASE)
# full stops of abbreviations and initials ("Roe vs. Wade", "Mr. Bush", "U.S. officials") end no sentence
_ABBREVIATIONS = ("vs", "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt",
                  "No", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "Jr", "Prof")
_NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"(?<!\b[A-Z])"
_SENTENCE_END = re.compile(rf"{_NOT_AFTER_ABBREVIATION}[.!?]\s+(?=[A-Z\"'`(])|\n\s*\n")
# a clause ends at strong punctuation or where a reported clause begins
_CLAUSE_BREAK = re.compile(rf"[;:!?]\s|{_NOT_AFTER_ABBREVIATION}\.\s|,\s|\b(?i:that)\b|\n")
# a participle after "be" or a determiner ("a still unspecified date") is an adjective
_PASSIVE_BEFORE = re.compile(r"\b(?:be|being|a|an|the|still|stay|stays|remain|remains|seem|seems)\s+$",
                             re.IGNORECASE)
# "since Monday" looks back whatever the verb
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)
_BEFORE_REACH = 100
_AFTER_REACH = 60


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The character span of the sentence holding [start, end), found by punctuation."""
    left = max(0, start - 400)
    sentence_start = left
    for found in _SENTENCE_END.finditer(text, left, start):
        sentence_start = found.end()
    following = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return sentence_start, following.start() + 1 if following else min(len(text), end + 400)


def is_future(text: str, start: int, end: int, parsed: Any = None) -> bool:
    """Future only on evidence; news defaults to the past."""
    return tense_of(text, start, end, parsed) is True


def tense_of(text: str, start: int, end: int, parsed: Any = None, sentence_wide: bool = False) -> bool | None:
    """True for future, False for past, None when nothing in the clause says.

    With `sentence_wide`, a clause without cues defers to the nearest cue in the sentence
    (reporting verbs excepted: they date the report, not the event).
    """
    if _SINCE_BEFORE.search(text, max(0, start - 16), start):
        return False
    verdict = _tense_from_cues(text, start, end)
    if verdict is None and parsed is not None:
        verdict = _tense_from_parse(parsed, start)
    if verdict is None and sentence_wide:
        verdict = _tense_from_sentence(text, start, end)
    return verdict


_REPORTING = re.compile(r"said|says|told|reported|announced", re.IGNORECASE)


def _tense_from_sentence(text: str, start: int, end: int) -> bool | None:
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    best: tuple[int, bool] | None = None
    for pattern, future in ((_FUTURE_CUE, True), (_PAST_CUE, False)):
        for cue in pattern.finditer(text, sentence_start, sentence_end):
            if start <= cue.start() < end or _REPORTING.fullmatch(cue.group(0)):
                continue
            if _PASSIVE_BEFORE.search(text, max(0, cue.start() - 10), cue.start()):
                continue
            distance = start - cue.end() if cue.end() <= start else cue.start() - end
            if best is None or distance < best[0]:
                best = (distance, future)
    return None if best is None else best[1]


def _tense_from_cues(text: str, start: int, end: int) -> bool | None:
    """The nearest tense cue before the expression in its clause decides; a plain
    'will' after it counts when nothing precedes."""
    left = max(0, start - _BEFORE_REACH)
    for found in _CLAUSE_BREAK.finditer(text, left, start):
        if found.end() <= start - 1:
            left = found.end()
    cues = [(c.end(), c.group(0), future) for pattern, future in ((_FUTURE_CUE, True), (_PAST_CUE, False))
            for c in pattern.finditer(text, left, start)
            if not _PASSIVE_BEFORE.search(text, max(0, c.start() - 10), c.start())]
    if cues:
        cue_end, nearest, future = max(cues)
        if _PLAN_CUE.fullmatch(nearest) and _PAST_AUXILIARY_BEFORE.search(
                text, max(0, cue_end - len(nearest) - 12), cue_end - len(nearest)):
            return False
        return future
    right = min(len(text), end + _AFTER_REACH)
    clause_end = _CLAUSE_BREAK.search(text, end, right)
    right = clause_end.start() if clause_end else right
    following = [(c.start(), future) for pattern, future in ((_STRONG_FUTURE_CUE, True), (_PAST_CUE, False))
                 for c in pattern.finditer(text, end, right)]
    if following:
        return min(following)[1]
    return None


# present forms that are also past forms: the tagger cannot tell "which fell ... hurt" from "hurts"
_SAME_IN_PAST = frozenset({"hurt", "put", "set", "cut", "hit", "let", "cost", "read", "spread", "quit", "shut",
                           "bet", "split", "burst", "cast", "upset", "broadcast", "forecast", "beat", "bid"})


def _tense_from_parse(parsed: Any, start: int) -> bool | None:
    """Future/past from the verb that governs the token at `start`; None if unknown."""
    try:
        token = next((t for t in parsed if t.idx <= start < t.idx + len(t.text)), None)
        if token is None:
            return None
        # "Friday's trading", "over lunch Tuesday": the date dates a noun, not the verb's present
        modifies_noun = token.dep_ == "poss"
        for step in range(6):
            if token.pos_ in ("VERB", "AUX") or token.head is token:
                break
            modifies_noun = modifies_noun or (step > 0 and token.pos_ in ("NOUN", "PROPN"))
            token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            return None
        auxiliaries = [c.text.lower() for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(a in ("will", "'ll", "shall", "wo", "would") for a in auxiliaries):
            return True
        if "Past" in token.morph.get("Tense") or any(
                "Past" in c.morph.get("Tense") for c in token.children if c.dep_ in ("aux", "auxpass")):
            return False
        if token.lemma_ in ("be",) and any(c.dep_ == "xcomp" for c in token.children):
            return True
        # "Arafat meets Albright Monday", "the government faces a vote Thursday": a scheduled present
        # ("is" describes a state as often as a plan, so it is left out)
        if not modifies_noun and token.tag_ in ("VBP", "VBZ") and token.lemma_ not in (
                "be", "say", "tell", "report", "announce", "have") and token.text.lower() not in _SAME_IN_PAST:
            return True
        return None
    except (AttributeError, TypeError):
        return None
