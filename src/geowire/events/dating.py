"""When: attach a date to an event.

A date or time expression of the trigger's clause (its own words first, then the temporal modifiers of the
verbs that govern or report it; see :mod:`.clauses`), else the publication date with no text.
"""

from __future__ import annotations

from geowire.dates import day_span, span_of_value
from geowire.events.clauses import clause_scope, clause_verb, in_sentence
from geowire.model import EventDate, TimeExpr

DATE_TYPES = frozenset({"DATE", "TIME"})


def _noun_modifier_clauses(trigger) -> set[int]:
    """Clauses that describe a noun of the sentence tell their own time: 'Russia continues to hold Crimea,
    seized in 2014', 'plans proposed in 2015' — not the trigger's (unless the trigger is in one, or the
    clause describes the trigger or another word for a happening: 'the raid carried out on Monday killed …')."""
    from geowire.events.triggers import match_token

    out: set[int] = set()
    for token in trigger.sent:
        if token.dep_ in ("relcl", "acl") and token.head != trigger and match_token(token.head) is None:
            subtree = {t.i for t in token.subtree}
            if trigger.i not in subtree:
                out |= subtree
    return out


def _complements(trigger) -> set[int]:
    """'asked the shops to close on March 15', 'warned it would strike next week': the act asked for,
    threatened or promised has its own time, not the asking's."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return set()
    return {t.i for c in trigger.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree}


def attach_date(times: list[TimeExpr], sentence, trigger, published: str | None,
                speech_act: bool = False) -> EventDate | None:
    """A date or time expression of the event's own clause (or of the verbs reporting it), else
    the publication date. For a speech act (``speech_act``) not one of the act it speaks of.

    Only expressions that name a stretch of the calendar count: "recently" (PAST_REF) or an
    unresolved "March 5" (XXXX-03-05) would date nothing.
    """
    candidates = [t for t in times if in_sentence(t.start, sentence) and t.type in DATE_TYPES
                  and span_of_value(t.value) is not None]
    if candidates:
        scope = clause_scope(trigger) - _noun_modifier_clauses(trigger)
        if speech_act:
            scope -= _complements(trigger)
        starts = {tok.idx: tok.i for tok in sentence}
        inside = [t for t in candidates if starts.get(t.start) in scope]
        if inside:
            # the clause's own time before one of the verbs above it ('said, "it is unlike 1992", and repeated
            # the assurance given at Wednesday's meeting'), then the nearest
            own = {t.i for t in clause_verb(trigger).subtree}
            chosen = min(inside, key=lambda t: (starts.get(t.start) not in own, abs(t.start - trigger.idx)))
            return dated(event_day(chosen.value), chosen.text, chosen.mod)
    if published:
        return dated(published, None)
    return None


def event_day(value: str) -> str:
    """An event is dated to its day: 'on Thursday morning' (2017-04-20TMO) and 'at 3 pm' (2017-04-20T15:00)
    date it to 2017-04-20; the time expression itself keeps the time of day."""
    if len(value) > 10 and value[10] == "T" and value[:4].isdigit():
        return value[:10]
    return value


def dated(value: str, text: str | None, mod: str | None = None) -> EventDate:
    return EventDate(value, text, *(day_span(value) or (None, None)), mod=mod)
