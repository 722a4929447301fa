"""One happening, one event: later sentences that refer back to an event are its mentions.

A story reports an attack in its lede, then speaks of "the attack", "the blast", quotes a
witness about it. Coding each sentence alone gives three events for one happening; here
each later event of the same type folds into the nearest earlier one it may be the same
as, when it refers back (a definite or possessed event noun: "the attack", "its raid") or
names the same actors (or names the author of an act first told without one: "a base was attacked ... the
Taliban said its fighters attacked the base"). Two events are never folded when their dates, actors or places
disagree ("an attack on Monday" and "an attack on Tuesday" stay two), nor when an act that took place
would fold into one that did not: "hoped he would tone down his criticism of NATO ... he renewed his
criticism of NATO" is a criticism hoped away, then one made, and folding the second into the first
would drop it with it. (A later unasserted mention of an act that took place still folds into it.)
"""

from __future__ import annotations

from dataclasses import dataclass

from geowire.events.certainty import took_place
from geowire.events.lexicon import VERBAL_TYPES, light_verbs
from geowire.events.triggers import match_token
from geowire.geodesy import haversine_km
from geowire.model import Event, EventArg

REFERRING_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})
FAR_APART_KM = 100.0


@dataclass
class Coded:
    """An event with the trigger token it was read from (the token is needed only here)."""

    event: Event
    trigger: object


def refers_back(trigger) -> bool:
    """'the attack', 'this week's raid', 'their talks': a definite or possessed event noun."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in REFERRING_DETERMINERS) for c in trigger.children)


def _disagree(a: EventArg | None, b: EventArg | None) -> bool:
    """Different states, or (when neither names a state) different kinds of actor: "police" and
    "rebels". "U.S. forces" and "the U.S." agree."""
    if a is None or b is None:
        return False
    if a.country and b.country:
        return a.country != b.country
    return bool(a.sector and b.sector and a.sector != b.sector and not (a.country or b.country))


def _same_actor(a: EventArg | None, b: EventArg | None) -> bool:
    """The same name, or the same state with no different kind of actor ("U.S. forces", "the U.S.")."""
    if a is None or b is None:
        return False
    if a.text.lower() == b.text.lower():
        return True
    if not a.country or a.country != b.country:
        return False
    return a.sector is None or b.sector is None or a.sector == b.sector


def _dates_disagree(a: Event, b: Event) -> bool:
    """Both dated by their own words to stretches that do not meet."""
    if a.date is None or b.date is None or a.date.text is None or b.date.text is None:
        return False
    if not (a.date.start and b.date.start and a.date.end and b.date.end):
        return a.date.value != b.date.value
    return a.date.end < b.date.start or b.date.end < a.date.start


AREAS = frozenset({"admin1", "country", "region"})


def _places_disagree(a: Event, b: Event) -> bool:
    """Named places far apart; a country or province holds the towns inside it ("Shayrat
    Airfield" and "Syria" agree)."""
    la, lb = a.location, b.location
    if la is None or lb is None or la.basis != "sentence" or lb.basis != "sentence":
        return False
    if la.precision in AREAS or lb.precision in AREAS:
        return bool(la.country_code and lb.country_code and la.country_code != lb.country_code)
    if None in (la.lat, la.lon, lb.lat, lb.lon):
        return False
    return haversine_km(la.lat, la.lon, lb.lat, lb.lon) > FAR_APART_KM


def compatible(first: Event, later: Event) -> bool:
    return (first.type == later.type and not _disagree(first.source, later.source)
            and not _disagree(first.target, later.target) and not _turned_round(first, later)
            and not _dates_disagree(first, later) and not _places_disagree(first, later)
            and (took_place(first) or not took_place(later)))


def _turned_round(first: Event, later: Event) -> bool:
    """'Police fired on the mob ... four policemen were injured': the later act befalls the first one's
    author, so it is another act (of the mob), not more of the first."""
    return _same_kind(first.source, later.target) and not _same_kind(first.target, later.target)


def _same_kind(a: EventArg | None, b: EventArg | None) -> bool:
    return (a is not None and b is not None and a.sector is not None and a.sector == b.sector
            and not (a.country and b.country and a.country != b.country))


def same_happening(first: Coded, later: Coded) -> bool:
    if not compatible(first.event, later.event):
        return False
    a, b = first.event, later.event
    if a.evidence == b.evidence:
        # one word read for coordinated actors ("backed by Patil and Dasmunshi") is one happening, the first named
        # speaking for it; two triggers of one type in one sentence ("I ask God ..., and I ask for him ...") are
        # one unless they are the separate acts of coordinated actors ("Israel and the US warned Iran")
        if first.trigger is later.trigger:
            return True
        if _other_deeds(first.trigger, later.trigger):
            return False
        return a.source is None or b.source is None or _same_actor(a.source, b.source)
    if told_as_further(later.trigger):
        return False
    if _undistinguished(b) and not _says_to_someone(b):
        return True
    if _names_its_parties(later.trigger) and _other_parties(a, b):
        return False
    same_authors = _same_actor(a.source, b.source) or (a.source is None and b.source is not None)
    return refers_back(later.trigger) or (
        same_authors and (_same_actor(a.target, b.target) or (_same_place(a, b) and not _other_targets(a, b))))


def _other_targets(first: Event, later: Event) -> bool:
    """'mobs killed people in Vadodara ... police opened fire to disperse two clashing groups in Vadodara': acts at
    one place on parties named otherwise are two acts."""
    a, b = first.target, later.target
    return (a is not None and b is not None and not _same_actor(a, b)
            and not _names_overlap(a.text.lower(), b.text.lower()))


def _other_deeds(first, later) -> bool:
    """'seized the airport and shelled the town': coordinated verbs of other words, each with its own object,
    are two deeds of one actor, not one told twice."""
    return (later.dep_ == "conj" and later.head == first and later.lemma_ != first.lemma_
            and all(any(c.dep_ in ("dobj", "obj") for c in t.children) for t in (first, later)))


def told_as_further(trigger) -> bool:
    """'The Iraqi forces also seized a weapons warehouse', 'a soldier also was killed': "also" on the act's own
    clause adds a happening to those told, unless that clause's subject is an act ("the bombing also wounded
    20": more of the bombing)."""
    verb = trigger
    if trigger.pos_ not in ("VERB", "AUX"):
        # "also launched an offensive": the noun's act is the light verb's; "also condemned the attack" is not
        verb = trigger.head
        if trigger.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in light_verbs():
            return False
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(match_token(s) is not None for s in subjects)


def _names_its_parties(trigger) -> bool:
    """'the meeting between Kerry and Zarif', 'talks among the factions': the noun says whose act it is."""
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in trigger.children)


def _other_parties(first: Event, later: Event) -> bool:
    """'the meeting between Kerry and Iran's foreign minister' after a call between Obama and Rouhani: an act
    whose own phrase names both its sides, neither of them named in the first event, is another happening,
    though the sides are of the same states."""
    if later.source is None or later.target is None:
        return False
    named = [side.text.lower() for side in (first.source, first.target) if side is not None]
    return not any(_names_overlap(side.text.lower(), other) for side in (later.source, later.target)
                   for other in named)


def _names_overlap(a: str, b: str) -> bool:
    return a in b or b in a


def _same_place(a: Event, b: Event) -> bool:
    return (a.location is not None and b.location is not None and a.location.basis == b.location.basis == "sentence"
            and a.location.geonameid is not None and a.location.geonameid == b.location.geonameid)


def _undistinguished(event: Event) -> bool:
    """A later report that names no author and no date of its own ("... were killed", "the
    fighting") adds detail to the happening already told, not a new one."""
    return event.source is None and (event.date is None or event.date.text is None)


def _says_to_someone(event: Event) -> bool:
    """'He requested the government to lift the curbs' after 'he appealed to the prime minister': a later
    statement addressed to someone is another utterance, though its speaker goes unnamed (a pronoun the
    sides did not resolve); it folds only when it refers back ("the demand") or names the same parties."""
    return event.type in VERBAL_TYPES and event.target is not None


def absorb(into: Event, other: Event) -> None:
    """The first report speaks for the event; a later one adds its sentence and fills gaps."""
    into.mentions.extend(m for m in other.mentions if m not in into.mentions)
    into.source = into.source or other.source
    into.target = into.target or other.target
    if other.location is not None and (into.location is None or into.location.basis != "sentence"):
        if other.location.basis == "sentence":
            into.location = other.location
    if _dated_by_its_words(other) and not _dated_by_its_words(into):
        into.date = other.date  # "... the attack on June 7 killed 17": a later mention may be the one that dates it
    # not the attribution: it says who claims the evidence sentence, and the later sentence is not that one
    known = {(q.kind, q.start) for q in into.quantities}
    into.quantities.extend(q for q in other.quantities if (q.kind, q.start) not in known)
    into.confidence = max(into.confidence, other.confidence)


def _dated_by_its_words(event: Event) -> bool:
    return event.date is not None and event.date.text is not None


def _same_doer(event: Event, kept: list[Coded]) -> None:
    """'Police arrested five men ... Pandya has also been arrested': a further act of the same kind told with no
    doer is the doer's of the act it adds to."""
    before = next((k.event for k in reversed(kept) if compatible(k.event, event)), None)
    if before is not None and before.source is not None:
        event.source = before.source


def fold_mentions(coded: list[Coded]) -> list[Event]:
    """Events in text order, each later report folded into the nearest earlier event of the
    same happening."""
    kept: list[Coded] = []
    for item in coded:
        home = next((k for k in reversed(kept) if same_happening(k, item)), None)
        if home is None:
            if item.event.source is None and told_as_further(item.trigger):
                _same_doer(item.event, kept)
            kept.append(item)
        else:
            absorb(home.event, item.event)
    return [k.event for k in kept]
