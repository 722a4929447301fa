"""Who says so: "X said/reported/told", "according to X", "a report by X", or an
anonymous source ("a senior defense official"). A reporting organisation is the
attribution of an event, never its actor."""

from __future__ import annotations

from geowire.events.arguments import PRONOUNS, ActorIndex, noun_phrase
from geowire.events.lexicon import reporting_words
from geowire.model import Attribution

SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _speaker_of(verb) -> object | None:
    if verb.lower_ == "according":
        for prep in verb.children:
            if prep.lower_ == "to":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                return objs[0] if objs else None
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        return subjects[0]
    agents = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    return agents[0] if agents else None


def _reported_by(noun) -> object | None:
    """'a report by X', 'in a statement from X', 'X's statement'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _candidates(sentence, trigger) -> list:
    words = reporting_words()
    out = []
    for token in sentence:
        if token == trigger:
            continue
        lemma = token.lemma_.lower()
        if token.lower_ == "according" or (token.pos_ in ("VERB", "AUX") and lemma in words["V"]):
            speaker = _speaker_of(token)
        elif token.pos_ == "NOUN" and lemma in words["N"]:
            speaker = _reported_by(token)
        else:
            continue
        if speaker is not None and speaker.lower_ not in PRONOUNS:
            out.append((token, speaker))
    return out


def _governs(reporter, trigger) -> bool:
    return reporter in trigger.ancestors or trigger in reporter.ancestors or reporter.head == trigger.head


def find_attribution(sentence, trigger, index: ActorIndex, excluded: set[int]) -> Attribution | None:
    """The nearest reporting clause that frames the trigger; ``excluded`` are argument tokens."""
    candidates = [(r, s) for r, s in _candidates(sentence, trigger) if s.i not in excluded]
    if not candidates:
        return None
    framing = [c for c in candidates if _governs(c[0], trigger)] or candidates
    _, speaker = min(framing, key=lambda c: abs(c[0].i - trigger.i))
    actor = index.covering(speaker) or index.within(speaker)
    if actor is not None:
        return Attribution(actor.text, actor.start, actor.end, actor.name)
    phrase = noun_phrase(speaker)
    name = " ".join(t.lower_ if t.pos_ != "PROPN" else t.text for t in phrase if t.pos_ != "DET")
    return Attribution(phrase.text, phrase.start_char, phrase.end_char, name)
