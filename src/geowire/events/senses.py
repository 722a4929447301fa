"""Trigger words read in a sense that names no act.

An act word of the lexicon often has a second, everyday sense: "struck tough postures", prices "shot up", "the
demand and supply" of vegetables, charges "targeted at" a reporter, activists "fighting construction" of a
pipeline, "free trade deals" blamed for economic woes, "detaining journalists is an affront". Each test below
reads the trigger's own phrase (its particle, its object, its modifiers, its place in the clause) and says when
the word is in that other sense; the coder then codes no event for it (like
:func:`modality.only_looks_like_an_event`).
"""

from __future__ import annotations

from geowire.events.modality import an_actor_word, statement_nouns

AGREEMENT_NOUNS = frozenset({"deal", "agreement", "accord", "pact", "treaty"})
PARTY_PREPS = frozenset({"with", "between", "among", "by", "of"})
# what an economy demands: an amount that rises and falls, not a claim someone makes
DEGREE_WORDS = frozenset({"high", "higher", "low", "lower", "strong", "weak", "rising", "falling", "growing",
                          "soaring", "surging", "declining", "increased", "reduced", "peak", "domestic", "global",
                          "seasonal", "consumer", "market", "oil", "energy", "power", "electricity", "food"})
SUPPLY_WORDS = frozenset({"supply", "supplies"})
# what a war is fought against when no one is named: the armed side itself
ARMED_OPPONENTS = frozenset({"insurgency", "rebellion", "uprising", "militancy", "insurrection", "terrorism",
                             "occupation", "invasion", "offensive", "incursion", "separatism", "extremism"})
FIGHT_VERBS = frozenset({"fight", "battle", "combat"})
RELATIVE_PRONOUNS = frozenset({"which", "that"})


# Sense of "strike" as a labour strike is intransitive ("workers struck for higher pay"); with a direct object the
# verb has another sense: a pose or a posture struck, a note, a chord, a balance.
INTRANSITIVE_PROTESTS = frozenset({"strike"})


def is_transitive_sense(trigger) -> bool:
    """'had struck tough postures for public consumption': a verb whose protest sense takes no object, here with
    one, is used in another sense."""
    token = trigger.token
    return (trigger.is_verb and trigger.type == "PROTEST" and token.lemma_.lower() in INTRANSITIVE_PROTESTS
            and any(c.dep_ in ("dobj", "obj") for c in token.children))


def is_rise(trigger) -> bool:
    """'prices have shot up': a verb of force with the particle "up" and no object tells a rise."""
    token = trigger.token
    return trigger.type == "ASSAULT" and trigger.is_verb and any(
        c.dep_ == "prt" and c.lower_ == "up" for c in token.children) and not any(
        c.dep_ in ("dobj", "obj") for c in token.children)


def is_economic_demand(trigger) -> bool:
    """'the gap between the demand and supply', 'high demand for vegetables': demand as an amount bought, not
    a claim. Only the singular noun: "growing demands for his resignation" are claims."""
    token = trigger.token
    if trigger.type != "REQUEST" or trigger.is_verb or token.lower_ != "demand":
        return False
    paired = {c.lower_ for c in token.children if c.dep_ == "conj"}
    if token.dep_ == "conj":
        paired.add(token.head.lower_)
    degree = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    return bool(paired & SUPPLY_WORDS or degree & DEGREE_WORDS)


def is_aimed_at(trigger) -> bool:
    """'the charges appear targeted at the reporter', 'ads targeted at young voters': aimed at, not attacked."""
    token = trigger.token
    return trigger.type == "ASSAULT" and token.lemma_.lower() == "target" and any(
        c.dep_ == "prep" and c.lower_ == "at" for c in token.children)


def is_fight_against_a_thing(trigger) -> bool:
    """'fighting construction of the pipeline', 'to fight corruption', 'fought the ruling': a struggle against
    a thing is no armed act; one against people, a state or an armed movement is."""
    token = trigger.token
    if trigger.type != "ASSAULT" or not trigger.is_verb or token.lemma_.lower() not in FIGHT_VERBS:
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    return bool(objects) and not any(an_actor_word(o) or o.lemma_.lower() in ARMED_OPPONENTS for o in objects)


def is_kind_of_agreement(trigger) -> bool:
    """'blamed economic woes on free trade deals': a bare plural agreement noun with no parties names a kind of
    agreement, not one reached."""
    token = trigger.token
    if trigger.type != "AGREE" or trigger.is_verb or token.lemma_.lower() not in AGREEMENT_NOUNS:
        return False
    if token.tag_ != "NNS":
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") or (c.dep_ == "prep" and c.lower_ in PARTY_PREPS)
                   for c in token.children)


def is_act_as_a_topic(trigger) -> bool:
    """'Detaining peaceful protesters is an affront to democratic values': an act named as the subject of a
    judgement is spoken of in general, not told as done."""
    token = trigger.token
    return trigger.is_verb and token.tag_ == "VBG" and token.dep_ == "csubj"


def _antecedent(pronoun):
    """The noun a relative pronoun stands for: the head of the relative clause it opens ("the pipeline, which
    they say threatens ...": the clause may sit under a verb of saying)."""
    for node in pronoun.ancestors:
        if node.dep_ == "relcl":
            return node.head
    return pronoun


def is_threat_from_a_thing(trigger) -> bool:
    """'the pipeline, which they say threatens the tribe's water', 'floods threaten the harvest': a thing that
    threatens endangers; only an actor threatens ("the militia threatened the villagers")."""
    token = trigger.token
    if trigger.type != "THREATEN" or not trigger.is_verb or token.lemma_.lower() != "threaten":
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "xcomp":  # "which they say threatens": the pronoun is the saying's
        subjects = [c for c in token.head.children if c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS]
    subjects = [_antecedent(s) if s.lower_ in RELATIVE_PRONOUNS else s for s in subjects]
    return bool(subjects) and not any(an_actor_word(s) for s in subjects)


def is_disagreement_with_a_claim(trigger) -> bool:
    """'disagreeing with the argument, an official said': to disagree with what was said is to deny it, not to
    refuse a demand or an offer."""
    token = trigger.token
    if trigger.type != "REJECT" or not trigger.is_verb:
        return False
    claims = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children
              if g.dep_ == "pobj"]
    return bool(claims) and all(g.lemma_.lower() in statement_nouns() for g in claims)


OTHER_SENSES = (is_transitive_sense, is_rise, is_economic_demand, is_aimed_at, is_fight_against_a_thing,
                is_kind_of_agreement, is_act_as_a_topic, is_threat_from_a_thing, is_disagreement_with_a_claim)


def in_another_sense(trigger) -> bool:
    """A trigger word in a sense that names no act (the tests above)."""
    return any(sense(trigger) for sense in OTHER_SENSES)
