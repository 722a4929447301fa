"""Who says so: "X said/reported/told", "according to X", "a report by X", or an
anonymous source ("a senior defense official"). A reporting organisation is the
attribution of an event, never its actor.

The attribution's ``kind`` says what sort of source it is (``model.ATTRIBUTION_KINDS``): from the words of
the speaker's phrase and of how it was said ("on condition of anonymity", "witnesses", "satellite images",
"on Telegram"), and from the actor the actors stage found for the speaker (its sector: GOV → official,
MIL → military, JRN → media, NGO/IGO → ngo_igo). The words and the order in which kinds are tried are in
``data/attribution_kinds.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geowire.datafiles import read_rows
from geowire.events.lexicon import reporting_words
from geowire.events.sides import PRONOUNS, ActorIndex, noun_phrase
from geowire.events.triggers import span_bounds, token_strings
from geowire.model import Actor, Attribution

SUBJECT_DEPS = ("nsubj", "nsubjpass")
KINDS = Path(__file__).parent / "data" / "attribution_kinds.tsv"
# how a statement was made: "said on Telegram", "speaking on condition of anonymity", "in a statement"
HOW_SAID_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "agent"})
# word kinds that say who the speaker is, so they win over the actor the speaker was mapped to
BEFORE_ACTOR = ("anonymous", "eyewitness", "imagery")
# word kinds about the channel or the outlet; a known speaker's own kind wins over them
AFTER_ACTOR = ("social_media", "media")
# kinds also read in the reporting word and how it was said, not only in the speaker's phrase
HOW_SAID_KINDS = frozenset({"anonymous", "social_media"})


@dataclass(frozen=True)
class _Candidate:
    reporter: object           # the reporting word ("said", "according", "report")
    speaker: object            # the head of who says so
    recovered: bool = False    # read off a misparse (", X said." hung on the clause's object)


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


def _trailing_speaker(verb) -> object | None:
    """", a senior official who spoke on condition of anonymity said." when the parser hung the speaker on
    the reported clause (as an apposition to its object) and left the final "said" without a subject: the
    one noun phrase between the last comma and the verb is the speaker."""
    sentence = verb.sent
    if verb.i + 1 < sentence.end and not verb.doc[verb.i + 1].is_punct:
        return None
    commas = [t.i for t in verb.doc[sentence.start:verb.i] if t.text == ","]
    if not commas or commas[-1] + 1 >= verb.i:
        return None
    region = verb.doc[commas[-1] + 1:verb.i]
    roots = [t for t in region if not region.start <= t.head.i < region.end]
    if len(roots) == 1 and roots[0].pos_ in ("NOUN", "PROPN"):
        return roots[0]
    return None


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


CANDIDATES = "geowire_attribution_candidates"  # Doc.user_data key: a sentence's (start, end) -> its candidates


def _candidates(sentence, trigger) -> list[_Candidate]:
    """The sentence's reporting words with their speakers, but the trigger itself; those of a sentence are
    read once per document and kept on it (they do not depend on the trigger)."""
    doc = sentence.doc
    kept = doc.user_data.setdefault(CANDIDATES, {})
    key = (sentence.start, sentence.end) if sentence is not doc else (0, len(doc))
    if key not in kept:
        kept[key] = _sentence_candidates(sentence)
    return [c for c in kept[key] if c.reporter != trigger]


def _sentence_candidates(sentence) -> list[_Candidate]:
    words = reporting_words()
    doc, strings = sentence.doc, token_strings(sentence.doc)
    start, end = span_bounds(sentence)
    out = []
    for i in range(start, end):
        if not (strings.lower[i] == "according" or strings.pos[i] in ("VERB", "AUX", "NOUN")):
            continue  # no reporting word (read off the document's strings, before a token is made)
        token = doc[i]
        lemma = token.lemma_.lower()
        recovered = False
        if token.lower_ == "according" or (token.pos_ in ("VERB", "AUX") and lemma in words["V"]):
            speaker = _speaker_of(token)
            if speaker is None and token.lower_ != "according":
                speaker, recovered = _trailing_speaker(token), True
        elif token.pos_ == "NOUN" and lemma in words["N"]:
            speaker = _reported_by(token)
        else:
            continue
        if speaker is not None and speaker.lower_ not in PRONOUNS:
            out.append(_Candidate(token, speaker, recovered))
    return out


def _governs(reporter, trigger) -> bool:
    return reporter in trigger.ancestors or trigger in reporter.ancestors or reporter.head == trigger.head


def find_attribution(sentence, trigger, index: ActorIndex, excluded: set[int]) -> Attribution | None:
    """The nearest reporting clause that frames the trigger; ``excluded`` are argument tokens (a speaker
    recovered from a misparse may sit inside an argument's subtree, as an apposition, and is kept)."""
    candidates = [c for c in _candidates(sentence, trigger) if c.recovered or c.speaker.i not in excluded]
    if not candidates:
        return None
    framing = [c for c in candidates if _governs(c.reporter, trigger)] or candidates
    chosen = min(framing, key=lambda c: abs(c.reporter.i - trigger.i))
    speaker = chosen.speaker
    actor = index.covering(speaker) or index.within(speaker)
    kind = attribution_kind(chosen.reporter, speaker, actor, trigger)
    if actor is not None:
        return Attribution(actor.text, actor.start, actor.end, actor.name, kind)
    phrase = noun_phrase(speaker)
    name = " ".join(t.lower_ if t.pos_ != "PROPN" else t.text for t in phrase if t.pos_ != "DET")
    return Attribution(phrase.text, phrase.start_char, phrase.end_char, name, kind)


# --- the kind of source ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _kind_table() -> dict[str, dict[str, str]]:
    """how (sector, country, word) -> {key: kind}."""
    table: dict[str, dict[str, str]] = {}
    for key, how, kind in read_rows(KINDS, 3):
        table.setdefault(how, {})[key if how != "word" else key.lower()] = kind
    return table


def attribution_kind(reporter, speaker, actor: Actor | None, trigger=None) -> str:
    """One of ``ATTRIBUTION_KINDS`` for a speaker (a token) heard through a reporting word."""
    said_by = _words(speaker, trigger)
    how_said = said_by + [reporter.lower_, reporter.lemma_.lower()] + _how_said(reporter, speaker, trigger)
    for kind in BEFORE_ACTOR:
        if _says(how_said if kind in HOW_SAID_KINDS else said_by, kind):
            return kind
    by_actor = _actor_kind(actor)
    if by_actor is not None:
        return by_actor
    for kind in AFTER_ACTOR:
        if _says(how_said if kind in HOW_SAID_KINDS else said_by, kind):
            return kind
    return "unknown"


def _words(root, trigger) -> list[str]:
    """Lower-cased words of ``root``'s phrase in order; when the parser hung the reported clause under it,
    that clause (the trigger's branch) is left out. The phrase may itself sit inside the trigger's clause
    ("Police fired, according to a post on Facebook"): it is then read whole."""
    skip = {t.i for t in trigger.subtree} if trigger is not None and trigger in root.subtree else set()
    return [t.lower_ for t in root.subtree if t.i not in skip]


def _how_said(reporter, speaker, trigger) -> list[str]:
    """"said on Telegram", "speaking on condition of anonymity": the reporting word's adjuncts, or for a
    reporting noun ("a post on Facebook") its own phrase, never the branch that holds the reported event."""
    out: list[str] = []
    if reporter.pos_ == "NOUN":
        return _words(reporter, trigger)
    for child in reporter.children:
        if child.dep_ in HOW_SAID_DEPS and child != speaker and (trigger is None or trigger not in child.subtree):
            out += _words(child, trigger)
    return out


def _says(words: list[str], kind: str) -> bool:
    """Whether one of ``kind``'s words (or word sequences: "social media") occurs in ``words``."""
    entries = [k for k, v in _kind_table()["word"].items() if v == kind]
    text = f" {' '.join(words)} "
    return any(f" {entry} " in text for entry in entries)


def _actor_kind(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    table = _kind_table()
    if actor.country in table["country"]:
        return table["country"][actor.country]
    if actor.sector in table["sector"]:
        return table["sector"][actor.sector]
    if actor.country and not actor.sector:
        return "official"            # "Turkey said": a state speaks through its government
    return None
