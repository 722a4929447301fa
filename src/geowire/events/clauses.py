"""The reach of an event's clause in its sentence: which words can place or date it.

Read by :mod:`.anchoring` (where) and :mod:`.dating` (when).
"""

from __future__ import annotations

from geowire.events.triggers import token_strings


def in_sentence(start: int, sentence) -> bool:
    return sentence.start_char <= start < sentence.end_char


def clause_verb(trigger):
    """The verb whose clause tells the event: the trigger, or the verb an event noun depends on."""
    return trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger


TEMPORAL_DEPS = frozenset({"npadvmod", "prep", "advmod", "tmod", "obl", "nmod"})


def clause_scope(trigger) -> set[int]:
    """Tokens whose places and dates can be the event's: its own clause, and the temporal and locative
    modifiers of the verbs that report or govern it ("police said on Monday they had arrested ..."),
    but not a coordinated clause beside it ("..., and the assault was the deadliest this year")."""
    clause = clause_verb(trigger)
    scope = {t.i for t in clause.subtree}
    path = {clause.i}
    node = clause
    while node.head != node and node.dep_ in ("ccomp", "xcomp", "advcl", "conj", "pcomp", "pobj", "prep"):
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break  # a coordinated clause with its own subject has its own time and place
        node = node.head
        path.add(node.i)
        for child in node.children:
            if child.i not in path and child.dep_ in TEMPORAL_DEPS and child.i not in scope:
                scope.update(t.i for t in child.subtree)
    return scope


BACKGROUND_MARKS = frozenset({"after", "before", "since", "because", "until", "following"})
BACKGROUND_PREPS = frozenset({"after", "before", "since", "following", "amid", "despite", "until"})


def background(trigger) -> set[int]:
    """Tokens of the sentence's temporal or causal frames that the trigger is not in ("the strike came after
    years of debate in Washington", "troops were sent to Kano after clashes in Jos"): another happening, with
    its own place."""
    out: set[int] = set()
    doc, sentence = trigger.doc, trigger.sent
    deps = token_strings(doc).dep
    for token in (doc[i] for i in range(sentence.start, sentence.end) if deps[i] in ("advcl", "prep")):
        framing = (token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                                 for c in token.children)) \
            or (token.dep_ == "prep" and token.lower_ in BACKGROUND_PREPS)
        if framing:
            subtree = {t.i for t in token.subtree}
            if trigger.i not in subtree:
                out |= subtree
    return out
