"""Censure told in a reported clause: "Morison said the charges are questionable", "the minister said the
court's decision was unacceptable", "critics said the police were brutal". A speaker who says that someone's act,
decision or proposal — or someone — is what a word of censure says (judgements.tsv) accuses its author (ACCUSE,
disapprove), a CAMEO convention like the reported "must" of a demand. Only a clause about an act or an actor counts:
"said the situation was unacceptable" blames no one; and what analysts or experts say is analysis, not a party's
accusation (the annotation guideline's non-events).
"""

from __future__ import annotations

from geowire.events.lexicon import word_list
from geowire.events.modality import an_actor_word
from geowire.events.sides import FIRST_PERSON
from geowire.events.triggers import match_token, span_bounds, token_strings

# "it's irresponsible to ...", "this is unfair": a pronoun that stands for no one's act in particular
VAGUE_SUBJECTS = frozenset({"it", "this", "that", "these", "those", "what"})


def _censures(copula) -> bool:
    """A copular clause whose predicate is a word of censure ("was unacceptable", "is an affront to ...")."""
    return any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in word_list("judgements.tsv")
               for c in copula.children)


def _about_a_doing_or_a_doer(copula) -> bool:
    subjects = [c for c in copula.children if c.dep_ == "nsubj"]
    doings = word_list("doing_nouns.tsv")
    return bool(subjects) and all(s.lower_ not in VAGUE_SUBJECTS and (
        an_actor_word(s) or s.lemma_.lower() in doings or (s.pos_ == "NOUN" and match_token(s) is not None))
        for s in subjects)


def reported_censures(sentence, reporter_of) -> list:
    """The copulas of reported clauses of censure in the sentence; ``reporter_of`` finds the reporting verb
    above a clause (as for a reported "must"), or None. Only the copulas of clauses are looked at closer (read
    from the document's token strings, as the trigger scan does)."""
    doc, words = sentence.doc, token_strings(sentence.doc)
    start, end = span_bounds(sentence)
    copulas = (doc[i] for i in range(start, end) if words.lemma[i] == "be" and words.dep[i] in ("ccomp", "conj"))
    return [token for token in copulas
            if _censures(token) and _about_a_doing_or_a_doer(token) and _reported_by_a_party(token, reporter_of)]


def reported_blames(sentence, reporter_of) -> list:
    """The verbs of reported clauses that blame their subject: "the minister said leaders in the capital were
    fuelling the violence", "activists said the police had failed to protect them" (blame_verbs.tsv). The subject
    is an actor other than the speakers themselves ("we failed" owns a failure, it accuses no one); a verb the
    trigger lexicon reads as an act keeps that reading; a denied blame is none."""
    doc, words = sentence.doc, token_strings(sentence.doc)
    start, end = span_bounds(sentence)
    blames = word_list("blame_verbs.tsv")
    verbs = (doc[i] for i in range(start, end) if words.lemma[i] in blames and words.dep[i] in ("ccomp", "conj"))
    return [verb for verb in verbs
            if verb.pos_ == "VERB" and match_token(verb) is None and _blames_its_subject(verb)
            and _reported_by_a_party(verb, reporter_of)]


def _blames_its_subject(verb) -> bool:
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if not subjects or any(c.dep_ == "neg" for c in children):
        return False
    if verb.lemma_.lower() == "fail":
        undone = [c for c in children if c.dep_ == "xcomp"]
        # "the talks failed": no duty left undone; "failed to reach agreement": an act the lexicon reads, whose
        # failure is the refusal reading of intent.py (REJECT), not a blame
        if not undone or any(match_token(c) is not None for c in undone):
            return False
    return all(s.lower_ not in VAGUE_SUBJECTS and s.lower_ not in FIRST_PERSON and an_actor_word(s) for s in subjects)


def _reported_by_a_party(clause, reporter_of) -> bool:
    reporter = reporter_of(clause)
    # the clause is what the reporter says, not what someone in it thinks ("told CNN he did not believe ...",
    # "if I thought he was a racist ..., Trump said")
    said = clause.head if clause.dep_ == "ccomp" else clause.head.head
    return (reporter is not None and reporter == said
            and not any(c.dep_ == "neg" or (c.dep_ == "nsubj" and c.lemma_.lower() in word_list("analyst_nouns.tsv"))
                        for c in reporter.children))
