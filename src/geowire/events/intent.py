"""Statements of intent (PLOVER/CAMEO convention): an actor saying it *will* do something
has not done it yet; what happened is the statement. A promised cooperative act ("Iraq
will allow inspectors back", "Syria is willing to withdraw") is AGREE; a promised hostile
act ("NATO would tighten the blockade", "the union will boycott the vote") is THREATEN;
a refusal of a cooperative act ("Syria will not accept refugees") is REJECT.
"""

from __future__ import annotations

INTENT_MODALS = frozenset({"will", "would", "shall", "'ll", "wo"})
INTENT_GOVERNORS = frozenset({"ready", "willing", "prepared", "determined", "open", "eager", "keen", "vow", "pledge",
                              "promise", "offer", "swear", "commit", "intend", "plan"})
# "will withdraw its force unless ...": a conditional announcement is a threat
THREAT_MARKERS = frozenset({"unless"})
# "may halt mediation if cooperation founders": a hostile act made conditional is a threat too
CONDITIONAL_MARKERS = frozenset({"if", "unless"})
CONDITIONAL_MODALS = INTENT_MODALS | {"may", "might", "could"}
# "failed to reach agreement", "refused to meet": a cooperative act refused is REJECT
REFUSAL_GOVERNORS = frozenset({"fail", "refuse", "decline"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "THREATEN"})
MAX_CLIMB = 3
# what befalls the subject is foretold, not announced: "it will lose control of its territory", "will face sanctions"
UNDERGOING = frozenset({"lose", "suffer", "face", "incur", "undergo"})


# subordinators of a clause that says when (or on what condition) its main clause holds
TIME_MARKS = frozenset({"when", "whenever", "once", "until", "till", "before", "after", "if", "unless", "as"})


def in_time_clause(verb) -> bool:
    """'... before the flights will be allowed', 'when the rebels release the hostages': an adverbial clause
    of time or condition."""
    return verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS
                                        for c in verb.children)


def negated(token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _conditional(token) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in THREAT_MARKERS for m in c.children)
               for c in token.children)


def intent_of(token, is_actor=None) -> tuple[bool, bool] | None:
    """(negated, conditional) when the trigger's clause is an announced future act of its subject; with
    ``is_actor``, a clause whose subject is a thing ("the darkness would provide cover") announces nothing."""
    if token.lemma_.lower() in UNDERGOING:
        return None
    current = token
    for _ in range(MAX_CLIMB):
        framed = _framed_by_intent(current)
        if framed is not None:
            return negated(framed), _conditional(framed)
        if any(c.dep_ == "aux" and c.lower_ in INTENT_MODALS for c in current.children):
            if in_time_clause(current):
                return None  # "before any flights will be allowed to leave": a time, not an announcement
            subjects = [c for c in current.children if c.dep_ == "nsubj"]
            if is_actor is not None and subjects and not any(is_actor(s) for s in subjects):
                return None  # "such a gesture will help", "the plans would lead to clashes": a prediction
            return negated(current), _conditional(current)
        head = current.head
        if head == current or current.dep_ not in ("xcomp", "ccomp", "acomp", "prep", "pcomp", "pobj", "dobj"):
            return None
        if head.lemma_.lower() in INTENT_GOVERNORS and current.dep_ in ("xcomp", "prep", "pcomp"):
            # "is not willing to negotiate": an adjective's negation is on its copula
            copula_negated = head.dep_ == "acomp" and negated(head.head)
            return (negated(head) or negated(current) or copula_negated,
                    _conditional(head) or _conditional(current))
        if current.dep_ == "ccomp":
            return None
        current = head
    return None


def _framed_by_intent(verb):
    """'Cuba is open to discuss any issue', 'is ready to withdraw' (parsed with the adjective beside the
    infinitive): the copula that the adjective of intent is said with, else None."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    return head if any(c.dep_ == "acomp" and c.lower_ in INTENT_GOVERNORS for c in head.children) else None


def _conditional_threat(token) -> bool:
    modal = any(c.dep_ == "aux" and c.lower_ in CONDITIONAL_MODALS for c in token.children)
    condition = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKERS for m in c.children)
                    for c in token.children)
    return modal and condition


def _refused(token) -> bool:
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in REFUSAL_GOVERNORS


def intent_type(event_type: str, token, is_actor=None) -> str | None:
    """The type of the statement of intent (or refusal), or None when the clause announces nothing."""
    if event_type in COOPERATIVE and _refused(token):
        return "REJECT"
    if event_type in HOSTILE and event_type != "THREATEN" and _conditional_threat(token):
        return "THREATEN"
    found = intent_of(token, is_actor)
    if found is None:
        return None
    negated, conditional = found
    if conditional and not negated:
        return "THREATEN"
    if event_type in COOPERATIVE:
        return "REJECT" if negated else "AGREE"
    if event_type in HOSTILE and not negated:
        return "THREATEN"
    return None
