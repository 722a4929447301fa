"""Harm without an actor: deaths and damage told of a disease, a disaster of nature or an accident ("the virus has
killed 20 people", "tropical storm Washi hit the city", "a boat capsized off the coast, killing 170") are no assault,
which PLOVER keeps for force an actor uses. The words are in data/hazards.tsv."""

from __future__ import annotations

from functools import cache

from geowire.datafiles import read_rows
from geowire.events.lexicon import DATA


@cache
def hazard_words() -> dict[str, frozenset[str]]:
    """kind (cause, mishap) -> lemmas."""
    table: dict[str, set[str]] = {"cause": set(), "mishap": set()}
    for lemma, kind in read_rows(DATA / "hazards.tsv", 2):
        table[kind].add(lemma)
    return {kind: frozenset(words) for kind, words in table.items()}


def _names_a_cause(noun) -> bool:
    """'the virus', 'a cholera outbreak', 'tropical storm Washi': the noun or a word compounded with it."""
    causes = hazard_words()["cause"]
    return any(t.lemma_.lower() in causes for t in (noun, *(c for c in noun.children if c.dep_ == "compound")))


def _doers(verb) -> list:
    """Who or what does the verb's act: its subject, or the agent of a passive ('killed by the storm') and the
    'in' of one ('killed in the floods')."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    for prep in (c for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in")):
        doers += [g for g in prep.children if g.dep_ == "pobj"]
    return doers


def is_natural_harm(trigger) -> bool:
    """An assault word whose doer is a disease, a disaster or an accident, or that hangs on an accident's clause."""
    if trigger.type != "ASSAULT":
        return False
    token = trigger.token
    verb = token if trigger.is_verb else token.head
    if any(_names_a_cause(d) for d in _doers(verb)):
        return True
    # "the boat capsized, killing 170": a participle on the clause of an accident
    clause = verb.head if verb.dep_ in ("advcl", "xcomp", "conj") else None
    return clause is not None and (clause.lemma_.lower() in hazard_words()["mishap"]
                                   or any(_names_a_cause(d) for d in _doers(clause)))
