"""Where and when: attach a place and a date to an event.

Location: a place in a locative phrase of the trigger (or of the verb a noun trigger
depends on: "in/near/at X"), else the place closest to the trigger in the sentence,
else the document's focus (its most mentioned place), marked ``basis="document_focus"``.
Demonyms ("Iraqi") and places that are the event's actors are skipped.
Date: a date or time expression in the sentence (the one inside the trigger's clause
first), else the publication date with no text.
"""

from __future__ import annotations

from geowire.model import EventDate, EventLocation, Place, TimeExpr
from geowire.timex.calendar import day_span, span_of_value

LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "on", "into", "from", "off"})
DATE_TYPES = frozenset({"DATE", "TIME"})


def _in_sentence(start: int, sentence) -> bool:
    return sentence.start_char <= start < sentence.end_char


def _clause_tokens(trigger) -> set[int]:
    clause = trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger
    return {t.i for t in clause.subtree}


def _locative_chars(trigger) -> list[tuple[int, int]]:
    clause = trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger
    spans = []
    for node in (clause, trigger):
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
                sub = list(prep.subtree)
                spans.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return spans


def attach_location(places: list[Place], sentence, trigger,
                    argument_spans: list[tuple[int, int]]) -> EventLocation | None:
    candidates = [p for p in places if _in_sentence(p.start, sentence) and not p.demonym
                  and not any(s <= p.start and p.end <= e for s, e in argument_spans)]
    if not candidates:
        return None
    locative = [p for p in candidates if any(s <= p.start and p.end <= e for s, e in _locative_chars(trigger))]
    chosen = locative[0] if locative else min(candidates, key=lambda p: abs(p.start - trigger.idx))
    return EventLocation(chosen.name or chosen.text, chosen.lat, chosen.lon, chosen.geonameid, chosen.start, chosen.end)


def document_focus(places: list[Place]) -> EventLocation | None:
    """The place the article is about: the resolved place mentioned most often, the first one on a tie.

    Used only when an event's sentence names no place, and marked as such, so that a
    reader never mistakes the article's focus for the event's own place.
    """
    resolved = [p for p in places if p.lat is not None and not p.demonym]
    if not resolved:
        return None
    counts: dict[object, int] = {}
    for place in resolved:
        key = place.geonameid or place.name
        counts[key] = counts.get(key, 0) + 1
    best = max(resolved, key=lambda p: (counts[p.geonameid or p.name], -p.start))
    return EventLocation(best.name or best.text, best.lat, best.lon, best.geonameid, None, None,
                         basis="document_focus")


def attach_date(times: list[TimeExpr], sentence, trigger, published: str | None) -> EventDate | None:
    """The sentence's time expression nearest the trigger (its own clause first), else the publication date.

    Only expressions that name a stretch of the calendar count: "recently" (PAST_REF) or an
    unresolved "March 5" (XXXX-03-05) would date nothing.
    """
    candidates = [t for t in times if _in_sentence(t.start, sentence) and t.type in DATE_TYPES
                  and span_of_value(t.value) is not None]
    if candidates:
        clause = _clause_tokens(trigger)
        inside = [t for t in candidates if any(tok.i in clause for tok in sentence if tok.idx == t.start)]
        chosen = inside[0] if inside else min(candidates, key=lambda t: abs(t.start - trigger.idx))
        return dated(chosen.value, chosen.text)
    if published:
        return dated(published, None)
    return None


def dated(value: str, text: str | None) -> EventDate:
    return EventDate(value, text, *(day_span(value) or (None, None)))
