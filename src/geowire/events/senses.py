"""Trigger words read in a sense that names no act.

An act word of the lexicon often has a second, everyday sense: "struck tough postures", prices "shot up", "the
demand and supply" of vegetables, charges "targeted at" a reporter, activists "fighting construction" of a
pipeline, "free trade deals" blamed for economic woes, "detaining journalists is an affront". Each test below
reads the trigger's own phrase (its particle, its object, its modifiers, its place in the clause) and says when
the word is in that other sense; the coder then codes no event for it (like
:func:`modality.only_looks_like_an_event`).
"""

from __future__ import annotations

from geowire.actors.organs import default_organs
from geowire.events.certainty import is_condition_conjunction
from geowire.events.lexicon import light_verbs, word_list
from geowire.events.modality import a_thing, an_actor_word, statement_nouns
from geowire.events.triggers import match_token

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
HELP_VERBS = frozenset({"help", "assist"})
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


# what is "shot off" or "fired off" when it is sent, not shot: a message (not "a salvo", which is fired)
MESSAGE_NOUNS = frozenset({"letter", "warning", "missive", "note", "memo", "memorandum", "email", "e-mail", "reply",
                           "response", "rejoinder", "complaint", "tweet"})


def is_message_sent(trigger) -> bool:
    """'shot off yet another warning to the centre', 'fired off a letter to the minister': a verb of shooting with
    "off" and a message as its object sends the message."""
    token = trigger.token
    return trigger.type == "ASSAULT" and trigger.is_verb and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in token.children) and any(
        c.dep_ in ("dobj", "obj") and (c.lemma_.lower() in MESSAGE_NOUNS | statement_nouns())
        for c in token.children)


# what a concession yields: ground or power held ("the rebels yielded ground"); with any other object the verb
# produces ("the search yielded a haul of weapons", "talks could yield results")
CONCEDED_HOLDINGS = frozenset({"ground", "power", "control", "territory", "position", "seat", "post", "office"})


def is_yield_of_results(trigger) -> bool:
    """'the search yielded recovery of arms', 'only talk could yield results': a verb of yielding with an object
    other than ground or power held produces it; a concession yields to someone or gives up what it held."""
    token = trigger.token
    return trigger.type == "CONCEDE" and trigger.is_verb and token.lemma_.lower() == "yield" and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in CONCEDED_HOLDINGS for c in token.children)


def is_condition_given(trigger) -> bool:
    """'agreed to tone down its stand provided the centre gave some assurance': "provided" heading a condition is
    a conjunction, nothing is given (`certainty.is_condition_conjunction`)."""
    return trigger.type == "AID" and is_condition_conjunction(trigger.token)


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


def is_struggle_to_do(trigger) -> bool:
    """'lawmakers fought to overturn the law', 'battled to keep the plant open': to fight *to* do something is to
    strive for it; no one is fought."""
    token = trigger.token
    if trigger.type != "ASSAULT" or not trigger.is_verb or token.lemma_.lower() not in FIGHT_VERBS:
        return False
    aims = [c for c in token.children if c.dep_ in ("xcomp", "advcl")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return bool(aims) and not any(c.dep_ in ("dobj", "obj") for c in token.children)


def is_help_to_bring_about(trigger) -> bool:
    """'operations have helped clear the area', 'to help bridge the divide', 'helped arrest the slide': to help *do*
    something, with no party helped, is to further a state of affairs, not aid given to someone. Helping a party
    ('helped the Philippines resist', 'helped their neighbours') and helping by an act of aid ('helping fund a
    project') stay aid."""
    token = trigger.token
    if trigger.type != "AID" or not trigger.is_verb or token.lemma_.lower() not in HELP_VERBS:
        return False
    deeds = [c for c in token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    if not deeds:
        return False
    helped = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    helped += [s for deed in deeds for s in deed.children if s.dep_ == "nsubj"]
    if any(an_actor_word(h) and h.lower_ != "it" for h in helped):
        return False
    return not any((found := match_token(deed)) is not None and found.entry.type == "AID" for deed in deeds)


def _agreement_noun(trigger) -> bool:
    """An AGREE read from a noun for an agreement: a deal, an accord, a pact, a treaty."""
    return (trigger.type == "AGREE" and not trigger.is_verb
            and trigger.token.lemma_.lower() in AGREEMENT_NOUNS)


def is_kind_of_agreement(trigger) -> bool:
    """'blamed economic woes on free trade deals': a bare plural agreement noun with no parties names a kind of
    agreement, not one reached."""
    token = trigger.token
    if not _agreement_noun(trigger):
        return False
    if token.tag_ != "NNS":
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") or (c.dep_ == "prep" and c.lower_ in PARTY_PREPS)
                   for c in token.children)


def is_enrolment(trigger) -> bool:
    """'more than 40 people signed up to speak': signing up is enrolling, not signing an agreement."""
    token = trigger.token
    return (trigger.type == "AGREE" and trigger.is_verb and token.lemma_.lower() == "sign"
            and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children))


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


def is_absence(trigger) -> bool:
    """'areas that were tension- and curfew-free', 'a violence-free poll': a word ahead of "-free" names what is
    absent."""
    token = trigger.token
    following = token.doc[token.i + 1:token.i + 3]
    return len(following) == 2 and following[0].text == "-" and following[1].lower_ == "free"


def is_agreement_held(trigger) -> bool:
    """'Egypt, which has a peace treaty with Israel': an agreement that someone has, in the present, is a standing
    relation; 'signed a treaty', and an agreement announced by its party ('we have a deal'), are acts."""
    token = trigger.token
    if not _agreement_noun(trigger):
        return False
    verb = token.head
    if token.dep_ not in ("dobj", "obj") or verb.lemma_.lower() != "have" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    return not any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in verb.children)


# verbs that make an agreement happen: what is reached, signed or struck is news; what one obeys, abandons or
# quotes is a standing document
REACHING_VERBS = frozenset({"reach", "sign", "strike", "conclude", "seal", "clinch", "forge", "broker", "hammer",
                            "ink", "finalise", "finalize", "agree", "negotiate", "announce", "ratify", "secure"})


def is_standing_agreement(trigger) -> bool:
    """'Israel is not obliged by this agreement', 'any agreement requires the court's approval', 'abandoning an
    association agreement': an agreement named as a standing thing, not reached, signed or struck in the news
    ('the deal signed on Monday', 'reached an agreement', 'the accord reached last year' are)."""
    token = trigger.token
    if not _agreement_noun(trigger):
        return False
    reached_by = token.head if token.dep_ in ("dobj", "obj", "nsubjpass") else None
    if reached_by is not None and reached_by.lemma_.lower() in REACHING_VERBS | light_verbs():
        return False
    return not any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in REACHING_VERBS for c in token.children)


# what a text lays down rather than gives: "the bill provides that ...", "the proposal provides for Rs 1 lakh"
DOCUMENT_NOUNS = frozenset({"bill", "law", "act", "proposal", "plan", "agreement", "deal", "accord", "treaty",
                            "constitution", "rule", "scheme", "policy", "order", "provision", "clause", "section",
                            "amendment", "ordinance", "resolution", "draft", "budget", "code", "charter"})


def is_stipulation(trigger) -> bool:
    """'the proposal provides for compensation of Rs 1 lakh', 'the bill provides that a dismissed member be
    replaced': a text that provides for something lays it down; only someone providing something gives aid."""
    token = trigger.token
    if trigger.type != "AID" or not trigger.is_verb or token.lemma_.lower() != "provide":
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    laid_down = any(c.dep_ == "ccomp" for c in token.children) or (
        not objects and any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children))
    return laid_down or any(s.lemma_.lower() in DOCUMENT_NOUNS for s in subjects)


# what one takes back rather than pulls out of: "withdrew his remark", "withdrawal of nominations"
RETRACTED_WORDS = frozenset({"remark", "nomination", "candidature", "candidacy", "case", "suit", "petition",
                             "complaint", "application", "name", "word", "apology", "offer", "threat", "demand"})
# what one stands down from rather than leaves: "pulled out of the race", "the judge withdrew from the case"
CONTESTS = frozenset({"race", "contest", "election", "poll", "polls", "competition", "tournament", "case",
                      "trial", "hearing", "proceedings"})


def is_retraction(trigger) -> bool:
    """'Singh withdrew the remark', 'the centre has withdrawn its earlier order', 'as the deadline for withdrawal
    of nominations ended': what is withdrawn is a word, a document or a decision, taken back, not a force pulled out
    of a place; so is one who pulls out of a race or withdraws from a case."""
    token = trigger.token
    if (trigger.type, trigger.mode) != ("RETREAT", "withdraw"):
        return False
    if trigger.is_verb:
        withdrawn = [c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        heads = [token, *(c for c in token.children if c.lower_ == "out")]  # "pulled out of", "out" a prep
        left = [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                for g in p.children if g.dep_ == "pobj"]
        if not withdrawn and left and all(g.lemma_.lower() in CONTESTS for g in left):
            return True
    else:
        withdrawn = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"]
    words = RETRACTED_WORDS | statement_nouns() | word_list("doing_nouns.tsv")
    return bool(withdrawn) and all(w.lemma_.lower() in words for w in withdrawn)


def is_in_a_name(trigger) -> bool:
    """'says Amnesty's researcher', 'the central bureau of investigations': an act word inside an
    organisation's name, or naming an organ's remit, names the body, not an act."""
    token = trigger.token
    if token.ent_type_ == "ORG" and token.pos_ == "PROPN":
        return True
    return (not trigger.is_verb and token.dep_ == "pobj" and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in word_list("remit_heads.tsv"))


def is_leaving(trigger) -> bool:
    """'while dispersing from the mosque, a mob attacked ...', 'the crowd dispersed peacefully': a crowd that
    disperses leaves; only dispersing someone ('police dispersed the crowd', 'were dispersed') coerces."""
    token = trigger.token
    return (trigger.type == "COERCE" and trigger.is_verb and token.lemma_.lower() == "disperse"
            and not any(c.dep_ in ("dobj", "obj", "nsubjpass", "auxpass") for c in token.children)
            and not (token.dep_ == "acl" and token.tag_ == "VBN"))


def is_deal_struck(trigger) -> bool:
    """'any deal struck between the powers and Iran': a deal is struck as it is made, no one is hit."""
    token = trigger.token
    if trigger.type != "ASSAULT" or not trigger.is_verb or token.lemma_.lower() != "strike":
        return False
    deals = AGREEMENT_NOUNS | {"bargain", "compromise"}
    # the small model often reads the participle as the verb of its noun ("deal" the subject of "struck")
    return (token.dep_ == "acl" and token.head.lemma_.lower() in deals) or any(
        c.dep_ == "nsubj" and c.lemma_.lower() in deals for c in token.children)


FORCE_SECTORS = frozenset({"MIL", "COP"})


def _forces_word(token) -> bool:
    """'troops', 'police', 'security personnel': a word (or its modifier) the actor tables read as armed forces or
    police."""
    words = [token] + [c for c in token.children if c.dep_ == "compound"]
    return any(o.sector in FORCE_SECTORS for w in words for key in {w.lower_, w.lemma_.lower()}
               for o in default_organs().candidates(key))


def is_patrol_march(trigger) -> bool:
    """'security personnel marched through the city', 'troops marched into the town': armed forces or police on
    the march patrol or deploy; they protest nothing."""
    token = trigger.token
    if trigger.type != "PROTEST" or not trigger.is_verb or token.lemma_.lower() != "march":
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(_forces_word(s) for s in subjects)


def is_watch(trigger) -> bool:
    """'a close vigil is kept on the movements of the activists': a vigil *on* someone is a watch, not a
    gathering of mourners or protesters."""
    token = trigger.token
    if trigger.type != "PROTEST" or trigger.is_verb or token.lemma_.lower() != "vigil":
        return False
    kept = token.head if token.dep_ in ("dobj", "obj", "nsubjpass") and token.head.lemma_ == "keep" else None
    return any(c.dep_ == "prep" and c.lower_ == "on" for w in (token, kept) if w is not None for c in w.children)


def is_shared_opinion(trigger) -> bool:
    """'the United States and France agree on the need for caution', 'agreed that the situation was grave': to
    agree on a view or that something is so is to share an opinion; agreeing on a ceasefire, to do something or
    that something will be done is an agreement."""
    token = trigger.token
    if trigger.type != "AGREE" or not trigger.is_verb or token.lemma_.lower() != "agree":
        return False
    if any(c.dep_ == "xcomp" for c in token.children):
        return False
    topics = [g for p in token.children if p.dep_ == "prep" and p.lower_ in ("on", "with") for g in p.children
              if g.dep_ == "pobj"]
    if topics:
        return all(g.lemma_.lower() in word_list("view_nouns.tsv") | statement_nouns() for g in topics)
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(c.lemma_ == "be" and not any(a.dep_ == "aux" for a in c.children)
                                 for c in clauses)


AGREEING_VERBS = frozenset({"agree", "consent"})
SPOKEN_TYPES = frozenset({"AGREE", "REJECT", "REQUEST", "ACCUSE", "THREATEN"})


def is_act_agreed_to(trigger) -> bool:
    """'agreed to back safe zones', 'agreeing to cooperate in defeating the militants': what is agreed to is not
    yet done; the agreement is the act. Not a word of saying: 'we agreed to strongly demand that ...' makes the
    demand as it says so."""
    token = trigger.token
    return (trigger.is_verb and trigger.type not in SPOKEN_TYPES and token.dep_ == "xcomp"
            and token.head.lemma_.lower() in AGREEING_VERBS)


def is_failure_of_a_thing(trigger) -> bool:
    """'the talks failed to yield an accord', 'the plan failed to win support': a thing that fails to do something
    refuses nothing; only an actor's failing ('the minister failed to appear') reads as a refusal."""
    token = trigger.token
    if not trigger.is_verb or token.dep_ != "xcomp" or token.head.lemma_.lower() != "fail":
        return False
    subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(a_thing(s) and not an_actor_word(s) for s in subjects)


# what makes "violence" a kind of wrong people suffer, spoken of as such, not a happening ("domestic violence")
KINDS_OF_VIOLENCE = frozenset({"domestic", "sexual", "gender", "gender-based", "dowry", "family", "partner",
                               "intimate", "gun", "school"})
NO_ONE_DETERMINERS = frozenset({"any", "no"})


def is_violence_in_general(trigger) -> bool:
    """'the definition of domestic violence in the bill', 'any violence is against our scriptures', 'how could there
    be any violence': violence of a kind, or any violence at all, is spoken of in general, not told as done."""
    token = trigger.token
    if trigger.is_verb or token.lemma_.lower() != "violence":
        return False
    return any((c.dep_ in ("amod", "compound") and c.lower_ in KINDS_OF_VIOLENCE)
               or (c.dep_ == "det" and c.lower_ in NO_ONE_DETERMINERS) for c in token.children)


def is_price(trigger) -> bool:
    """'had to make an extraordinary charge of rs 9.9 crore', 'a charge of $20 a tonne': a charge of a sum is a
    price, not an accusation."""
    token = trigger.token
    if trigger.type != "ACCUSE" or trigger.is_verb or token.lemma_.lower() != "charge":
        return False
    sums = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.subtree]
    return any(g.lower_ in word_list("currency_words.tsv") or g.ent_type_ == "MONEY" for g in sums)


OTHER_SENSES = (is_transitive_sense, is_rise, is_economic_demand, is_aimed_at, is_fight_against_a_thing,
                is_struggle_to_do, is_help_to_bring_about, is_kind_of_agreement, is_act_as_a_topic,
                is_threat_from_a_thing, is_disagreement_with_a_claim, is_absence, is_agreement_held,
                is_standing_agreement, is_stipulation, is_retraction, is_in_a_name, is_leaving, is_deal_struck,
                is_patrol_march, is_watch, is_shared_opinion, is_act_agreed_to, is_failure_of_a_thing, is_price,
                is_violence_in_general, is_message_sent, is_yield_of_results, is_condition_given, is_enrolment)


def in_another_sense(trigger) -> bool:
    """A trigger word in a sense that names no act (the tests above)."""
    return any(sense(trigger) for sense in OTHER_SENSES)
