"""The event stage: code PLOVER events from each sentence (rules over the spaCy parse).

Per sentence the *main* event is the trigger highest in the dependency tree (verbs
before nouns, then earlier); "agreed to set up" is AGREE, "threatened to attack" is
THREATEN. A trigger in an independent coordinated clause with its own subject gives a
further event. Each event gets its arguments (:mod:`.arguments`, mapped onto actors by :mod:`.sides`),
attribution (:mod:`.attribution`), certainty (:mod:`.certainty`), place (:mod:`.anchoring`) and date
(:mod:`.dating`).

Pair protocol: :meth:`EventCoder.type_pairs` gives, per (source span, target span), the
type of the trigger whose arguments best match the two spans, else the main event type of
the sentence holding them, else None (called by the extract command and the harness).
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, replace

from geowire.actors.countries import iso3_by_iso2
from geowire.clean.dateline import dateline_extent
from geowire.events.anchoring import (
    attach_location,
    dateline_place,
    document_focus,
    framed,
    story_country,
)
from geowire.events.arguments import (
    SYMMETRIC_TYPES,
    Roles,
    asked_doers,
    fallback_targets,
    roles_of,
    speaks,
    takes_people,
)
from geowire.events.attribution import find_attribution
from geowire.events.censure import reported_blames, reported_censures
from geowire.events.certainty import (
    calibrated_confidence,
    certainty_of,
    clause_roles,
    confidence_of,
    is_conditional,
    is_non_event,
    is_perfect,
    took_place,
)
from geowire.events.classifier import TypeModel, load_type_model
from geowire.events.clauses import BACKGROUND_MARKS, BACKGROUND_PREPS, clause_verb
from geowire.events.confidence import ConfidenceModel, load_confidence_model, recalibrate
from geowire.events.coreference import Coded, fold_mentions
from geowire.events.dating import attach_date
from geowire.events.features import event_head, sentence_features
from geowire.events.framing import blocked_tokens, furniture_spans, headline_spans
from geowire.events.intent import intent_type, negated
from geowire.events.lexicon import SPEECH_ACT_TYPES, VERBAL_TYPES, TriggerEntry, triggers_by_head, word_list
from geowire.events.modality import (
    an_actor_word,
    asks_which,
    is_act_on_things,
    is_advisory,
    is_advisory_verb,
    is_plea_of_court,
    is_press_contact,
    modality_of,
    only_looks_like_an_event,
    responsibility_claimant,
)
from geowire.events.quantities import quantities_in
from geowire.events.senses import FORCE_SECTORS, in_another_sense
from geowire.events.sides import FIRST_PERSON, PRONOUNS, ActorIndex, actor_sides, expand_conjuncts, owner_sides, to_arg
from geowire.events.triggers import (
    FORCE_TYPES,
    PLACE_TOKENS,
    Trigger,
    find_triggers,
    match_token,
    span_bounds,
    token_strings,
)
from geowire.model import Document, Event, EventArg, EventLocation, Evidence, Mention
from geowire.registry import registry, require_parse

MAX_EVENTS_PER_TRIGGER = 4
FALLBACK_OFF = 1.0   # a probability never reaches it: no trigger-less sentence is coded
_CODED = "geowire_coded"    # Doc.user_data key: (coder, its coded sentences, actor index), for type_pairs


def depth(token) -> int:
    d = 0
    while token.head != token and d < 50:
        token = token.head
        d += 1
    return d


# verbs whose object does what their infinitive says, because of the subject: the infinitive is an act that took
# place, not a purpose ("forced the minister to resign", "the carnage prompted the army chief to step down"); verbs
# that only ask or allow ("urged them to resign", "allowed them to leave") say nothing of whether it was done
BRINGS_ABOUT = frozenset({"force", "compel", "prompt", "lead", "cause", "drive", "provoke", "spur"})


def brought_about(token) -> bool:
    """'forced the French prime minister to resign': the infinitive after the object of a verb that brings it
    about (a passive, "was forced to resign", has no object and was never read as a purpose)."""
    governor = token.head
    return (token.dep_ == "xcomp" and governor is not token and governor.pos_ == "VERB"
            and governor.lemma_.lower() in BRINGS_ABOUT and any(c.dep_ in ("dobj", "obj") for c in governor.children))


def _cause_and_result(trigger: Trigger, main: Trigger) -> bool:
    """'The carnage prompted the defense minister to step down': the act that is the subject of a verb that
    brings about another, and that other act, are two events."""
    for result, cause in ((trigger, main), (main, trigger)):
        if result.is_verb and brought_about(result.token) and cause.token.dep_ in ("nsubj", "csubj") \
                and cause.token.head == result.token.head:
            return True
    return False


def in_purpose_clause(token) -> bool:
    """'staged demonstrations to demand reforms': the purpose clause is not the act itself. What the clause
    sets its aim against ("sought help to end the impasse in the wake of the godhra killings", "to calm the
    town after the riots") is a happening, not part of the purpose (`_circumstance_phrase`)."""
    for node in (token, *token.ancestors):
        if _circumstance_phrase(node):
            return False
        if node.dep_ in ("advcl", "xcomp", "relcl", "acl") and not brought_about(node) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and node.head.dep_ != "aux":
            governor = node.head
            if node.dep_ != "xcomp" or governor.pos_ in ("VERB",) and any(
                    c.dep_ in ("dobj", "obj") for c in governor.children):
                return True
    return False


# "in the wake of", "in the aftermath of": the nouns whose "of" phrase is an earlier happening
AFTERMATH_NOUNS = frozenset({"wake", "aftermath"})


def _circumstance_phrase(node) -> bool:
    """The object of "after", "following", "since", "amid" ... or of "in the wake of": a happening the clause is
    set after or against."""
    if node.dep_ != "pobj":
        return False
    preposition = node.head
    return preposition.lower_ in BACKGROUND_PREPS or (
        preposition.lower_ == "of" and preposition.head.lower_ in AFTERMATH_NOUNS)


# A clause at the time of the news ("as", "when", "while") is no other happening with a place of its own
# (clauses.background), but it is still the news's circumstance, not the news.
CIRCUMSTANCE_MARKS = BACKGROUND_MARKS | {"as", "when", "while"}


def in_background_clause(token) -> bool:
    """'... one day after a Serbian jet shot down a helicopter': a temporal or causal
    subordinate clause gives the circumstances of the news, not the news."""
    for node in (token, *token.ancestors):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in node.children):
            return True
        if node.dep_ in ("pcomp", "pobj") and node.head.lower_ in BACKGROUND_PREPS:
            return True
    return False


# Acts done to a party from afar: the state they are aimed at is no place where they happened ("cut ties
# with Iran", "imposed sanctions on Russia", "demanded that Israel withdraw"), nor is the story's focus.
ADDRESSED_TYPES = VERBAL_TYPES | {"SANCTION"}
# acts aimed at someone through something of theirs: "condemned the intransigence of the VHP", "rejected the
# mediation of the RSS", "raided the residence of X", "protested against the government's attempt"
OWNED_TARGET_TYPES = frozenset({"ACCUSE", "REJECT", "COERCE", "SUPPORT", "PROTEST"})


def reported_content(trigger: Trigger, speech_tokens: set[int]) -> int:
    """'reiterated its demand that Israel ease restrictions': the eased restrictions are
    what is demanded, not an event; the demand is."""
    return int(any(a.i in speech_tokens for a in list(trigger.token.ancestors)[:3]))


def prominence(trigger: Trigger) -> tuple[int, int, int, int]:
    token = trigger.token
    secondary = int(in_purpose_clause(token)) + 2 * int(in_background_clause(token))
    return (secondary, depth(token), 0 if trigger.is_verb else 1, token.i)


def _promise_of_a_threat(trigger: Trigger, live: list[Trigger]) -> bool:
    """'The rebels vowed to attack the capital': a promise of a hostile act is that threat (PLOVER), not also
    an agreement."""
    return trigger.type == "AGREE" and trigger.is_verb and any(
        t.promised and t.type == "THREATEN" and t.token is not trigger.token and t.token in trigger.token.subtree
        for t in live)


def _independent(trigger: Trigger, main: Trigger) -> bool:
    """A coordinated clause with its own subject reports a separate event, and so does a verb coordinated
    with the main trigger ("kidnapped 16 advisers and exploded bombs"), or a relative clause of a party's
    own act of the main one's type."""
    token = trigger.token
    if not trigger.is_verb or main.token in token.subtree:
        return False
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    if token.dep_ == "relcl" and trigger.type == main.type:
        return _doer_clause(token)  # of another type, `_secondary` reads it
    if token.dep_ not in ("conj", "parataxis") or token.head == token:
        return False
    return own_subject or (token.dep_ == "conj" and token.head == main.token and (
        trigger.type != main.type or _another_deed(token, main.token)))


def _doer_clause(verb) -> bool:
    """'Jordan cut ties with Qatar, joining Egypt and Bahrain, which severed relations': a relative clause in which
    the noun it describes acts tells that party's own act. Not when the noun is the one acted on ("the bus,
    which was bombed") or an act itself ("the blast that killed six" is the blast)."""
    return (any(c.dep_ == "nsubj" for c in verb.children) and match_token(verb.head) is None
            and verb.head.pos_ in ("PROPN", "NOUN", "PRON"))


def _another_deed(verb, main) -> bool:
    """'overran three villages and shelled an army base': a coordinated verb of another word with an
    object of its own does a second thing of the same kind ("shot and killed him" shares its object)."""
    return verb.lemma_ != main.lemma_ and any(c.dep_ in ("dobj", "obj") for c in verb.children)


def _reported_beside(trigger: Trigger, main: Trigger) -> bool:
    """'police fired 50 rounds and 100 persons were arrested, the commissioner said', parsed as two clauses
    of 'said': a second reported clause with a subject of its own tells a second act."""
    token, other = trigger.token, main.token
    return (trigger.is_verb and token.dep_ == "ccomp" and other.dep_ == "ccomp" and token.head == other.head
            and token.head != token and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))


# "X said Y must withdraw": a reported obligation is X's demand on Y (a CAMEO convention).
DEMAND = TriggerEntry("must", None, "V", "REQUEST", None, ())
# "X said Y should have consulted its allies": an obligation Y failed in the past is X's reproach, not a demand.
REPROACH = TriggerEntry("should", None, "V", "ACCUSE", "disapprove", ())
# "X said Y's decision was unacceptable": a reported censure is X's accusation of Y (events/censure.py).
CENSURE = TriggerEntry("be", None, "V", "ACCUSE", "disapprove", ())
# "X said Y was fuelling the violence": a reported blameworthy act is X's accusation of Y (events/censure.py).
BLAME = TriggerEntry("<blame>", None, "V", "ACCUSE", "allege", ())
OBLIGED = (DEMAND, REPROACH, CENSURE, BLAME)


def obligation(token) -> TriggerEntry | None:
    """What a reported "must/should/ought to" clause is: a demand ("must withdraw"), a reproach for what was
    not done ("should have taken its allies into confidence"), or, for "must have" + participle, an inference
    ("must have known the area"), which asks nothing of anyone."""
    if _of_the_speakers_own(token):
        return None  # "we must now focus on ...", "we should worry about ...": the speakers bind themselves
    if not is_perfect(token):
        return DEMAND
    return None if any(c.dep_ == "aux" and c.lower_ == "must" for c in token.children) else REPROACH


def _of_the_speakers_own(verb) -> bool:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.lower_ in FIRST_PERSON for s in subjects)


def reported_demand(token):
    """The reporting verb above a normative clause ("Russia said Sudan must return ...",
    "France issued a reminder that Iraq must cooperate"), if any."""
    from geowire.events.lexicon import reporting_words

    words = reporting_words()
    for ancestor in token.ancestors:
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in words["N"]:
            ancestor = ancestor.head  # the verb that issues the reminder or statement
        elif not (ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in words["V"]):
            continue
        if ancestor.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in ancestor.children):
            return ancestor
    return None


# "did not rule out the use of force", "a military option": what is kept open is force, so the words threaten it
# ("did not rule out a meeting", "any option" keep nothing hostile open)
FORCE_WORDS = frozenset({"force", "strike", "attack", "retaliation", "war", "invasion", "sanction", "military"})


def _keeps_force_open(trigger: Trigger) -> bool:
    """'did not rule out military action', 'has not ruled out new sanctions'."""
    token = trigger.token
    if (trigger.entry.head, trigger.entry.dependent) != ("rule", "out") or not negated(token):
        return False
    return any(t.lemma_.lower() in FORCE_WORDS for c in token.children if c.dep_ in ("dobj", "obj") for t in c.subtree)


def as_statement_of_intent(trigger: Trigger, index: ActorIndex | None = None) -> Trigger:
    """'Syria is willing to withdraw': the event is the promise (AGREE), not the withdrawal."""
    if _keeps_force_open(trigger):
        entry = TriggerEntry(trigger.entry.head, trigger.entry.dependent, trigger.entry.pos, "THREATEN", None, ())
        return Trigger(trigger.token, entry, promised="ASSAULT")
    is_actor = None if index is None else (
        lambda t: an_actor_word(t) or index.covering(t) is not None or index.within(t) is not None)
    stated = intent_type(trigger.type, trigger.token, is_actor)
    if stated is None or stated == trigger.type:
        return trigger
    entry = TriggerEntry(trigger.entry.head, trigger.entry.dependent, trigger.entry.pos, stated, None, ())
    return Trigger(trigger.token, entry, promised=trigger.type)


NORMATIVE_MODALS = frozenset({"must", "should", "ought"})


def reported_obligations(sentence) -> list:
    """Verbs under "must/should" in a clause a speaker reports ("Russia said Ukraine must withdraw")."""
    doc, words = sentence.doc, token_strings(sentence.doc)
    start, end = span_bounds(sentence)
    verbs = (doc[i] for i in range(start, end)
             if words.pos[i] in ("VERB", "AUX") and words.dep[i] in ("ccomp", "xcomp", "conj"))
    return [token for token in verbs
            if any(c.dep_ == "aux" and c.lower_ in NORMATIVE_MODALS for c in token.children)
            and reported_demand(token) is not None and not asks_which(token)]  # "asked what should be done"


def demand_roles(token, roles):
    reporter = reported_demand(token)
    speakers = [c for c in reporter.children if c.dep_ == "nsubj"]
    addressees = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")] or roles.sources
    if all(a.lower_ in PRONOUNS for a in addressees):
        # "a reminder to Iraq that it must cooperate": the pronoun is the one addressed
        addressed = [g for p in reporter.children if p.dep_ in ("dative", "prep") and p.lower_ == "to"
                     for g in p.children if g.dep_ == "pobj"]
        addressees = addressed or addressees
    return Roles(speakers, addressees)


# Acts done on the ground: force, coercion, protest, deployment. With no target named, such an act has none (PLOVER's
# records code the place's country as the target, "demonstrated in Serbia"; the annotation guideline's sides are
# actors, and where it happened is its location: docs/events.md, "Sides, fourteenth pass"); it is done where its
# actors are (talks and statements are often made abroad, "the rebels agreed in Havana" are not Cuban, so they lend
# no country); and it is news even when no one is named (a shelling, unlike "the sanctions" or "the summit").
ACTS_ON_THE_GROUND = FORCE_TYPES | {"PROTEST", "MOBILIZE"}


def cite_headline(doc: Document, parsed, index: ActorIndex) -> None:
    """'Troops attack rebel camp' above the story: the headline is one more piece of evidence of the
    story's event of that type (the first one), never an event of its own."""
    for start, end in headline_spans(doc.text, doc.title):
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for trigger in find_triggers(span, index.name_tokens):
            event = next((e for e in doc.events if e.type == trigger.type), None)
            mention = Mention(start, end, trigger.token.idx, trigger.token.idx + len(trigger.token))
            if event is not None and all(m.start != start for m in event.mentions):
                event.mentions.append(mention)


TOWN_PRECISIONS = frozenset({"city", "admin2", "point"})


WHOLE_AREA_BEFORE = re.compile(r"\b(across|throughout|all over|around|nationwide|parts of)\s+(the\s+)?$")


def narrowed(location: EventLocation | None, story_town: EventLocation | None, text: str) -> EventLocation | None:
    """'Commandos shot dead two gunmen in Afghanistan', in a story filed from or about Kandahar: a clause that
    names only the country is narrowed to the story's own town in it — unless it says the act spread over
    the country ('across Afghanistan')."""
    if (location is None or story_town is None or location.basis != "sentence" or location.precision != "country"
            or story_town.precision not in TOWN_PRECISIONS or story_town.country_code != location.country_code):
        return location
    before = text[max(0, (location.start or 0) - 20):location.start or 0].lower()
    return location if WHOLE_AREA_BEFORE.search(before) else story_town


def outside(sides: list, frame_end: int) -> list:
    """Sides named in the dateline ("BAGHDAD —") are where the story was filed, not who acted."""
    kept = [s for s in sides if s is None or s.start >= frame_end]
    return kept or [None]


def is_after(when, published: str | None) -> bool:
    """The event's own date (not the publication date it defaults to) begins after the report's day."""
    return bool(when is not None and when.text is not None and when.start and published
                and when.start > published[:10])


def is_rest_of_the_period(when, published: str | None, trigger) -> bool:
    """'travels to Berlin later this month', 'the visit later today': the part of the report's own period still
    to come, said of the act itself (the expression hangs on the trigger or its clause's verb; 'later in the day'
    in a story told in the past is later than the act before it, not than the report)."""
    if when is None or when.text is None or not when.start or not when.end or not published:
        return False
    words = when.text.lower().split()
    if len(words) < 2 or words[0] != "later" or words[1] not in ("this", "today", "tonight"):
        return False
    if not when.start <= published[:10] <= when.end:
        return False
    anchors = {trigger.i, clause_verb(trigger).i, _verb_above(trigger).i}
    return any(t.lower_ == "later" and (t.head.i in anchors or t.head.head.i in anchors) for t in trigger.sent)


def _verb_above(token):
    """The verb a noun's phrase hangs on ("travels to Berlin later this month for talks": the talks are the
    travel's, and as late)."""
    while token.pos_ not in ("VERB", "AUX") and token.head is not token:
        token = token.head
    return token


def told_as_past(token) -> bool:
    """'the strikes on Sunday hit ...' in the past tense: a date read as the coming Sunday is the misreading."""
    # the clause's own verb (a noun, or a word parsed as one, takes its governor's), never the reporting verb above
    noun_like = token.pos_ not in ("VERB", "AUX") or token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")
    verb = token.head if noun_like else token
    return verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in verb.children)


def pair_symmetric(type_: str, sources: list, targets: list) -> tuple[list, list]:
    """'Turkey and Iraq would collaborate', 'Obama and Rouhani met': one act between the two, not
    one act of each with no partner. So too when coordinated parties act on a thing of their own
    ("Iraq and Syria reopened the border crossing between Al Qaim and Abu Kamal")."""
    if len(sources) < 2 or None in sources:
        return sources, targets
    own = {s.country for s in sources if s.country}
    if (type_ in SYMMETRIC_TYPES and targets == [None]) or (
            own and all(t is not None and t.country in own and t.sector is None for t in targets)):
        return sources[:1], sources[1:2]
    return sources, targets


# Sectors of a country's own people and institutions. "The police", "the army", "protesters" named
# without a country are those of the country where the act takes place (as CAMEO/PLOVER coders read an
# unqualified "police" in a story from Kampala as UGA COP); an IGO, an NGO or an unaffiliated group is not.
DOMESTIC_SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "CVL", "BUS", "EDU", "MED", "JRN", "REL", "LAB", "REB",
    "INS", "CRM", "ELI", "SPY", "AGR", "ENV", "HLH", "REF",
})


# A state's own bodies named without a state ("the government", "the court", "the chief minister") are, in an
# act whose sentence names no place, those of the country the story is about (`story_country`). A sentence that
# places a talk or a statement ("the ministers met in Geneva") says where it was made, which may be abroad, so it
# lends no country.
STATE_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG", "PTY", "OPP"})
# armed groups outside the law: their "arrest" of someone is an abduction (PLOVER ASSAULT, abduct)
OUTLAW_SECTORS = frozenset({"INS", "REB", "UAF", "CRM"})


# who riots: violence by a crowd is mob violence, a riot (ACLED's "Riots: mob violence"; docs/events.md), when it
# is aimed at things or at the forces of order
RIOTERS = frozenset({"mob", "mobs", "rioter", "rioters", "crowd", "crowds"})
ORDER_SECTORS = frozenset({"COP", "MIL", "GOV"})


# pulling down buildings: by a state's bodies, a coercive measure (PLOVER's GSR records: "army bulldozers demolished
# homes", COERCE); by anyone else, destruction of property, which CAMEO2PLOVER reads as ASSAULT (1712)
DEMOLITION_WORDS = frozenset({"demolish", "demolition", "bulldoze", "raze"})
DEMOLISHING_BODIES = ORDER_SECTORS | {"JUD"}


def by_whom(kind: str, mode: str | None, source: EventArg | None,
            target: EventArg | None = None, word: str = "") -> tuple[str, str | None]:
    """'Islamic State militants captured a Jordanian pilot': taken by an armed group, not arrested by a state; 'mobs
    set fire to shops', 'a mob attacked the police station': violence by a crowd at things or at the forces of
    order is a riot ('the lynching of a trader by a mob' stays an assault on him); 'the army blocked the roads to
    the outpost': an obstruction by the forces of order restricts others, it protests nothing; 'the municipal
    authorities demolished the shops': a demolition by a state's body is a seizure, by a mob an assault."""
    if (kind, mode) == ("PROTEST", "obstruct") and source is not None and source.sector in FORCE_SECTORS:
        return "COERCE", "restrict"
    if kind == "ASSAULT" and word in DEMOLITION_WORDS and source is not None and source.sector in DEMOLISHING_BODIES:
        return "COERCE", "seize"
    if (kind, mode) == ("COERCE", "arrest") and source is not None and (
            source.sector in OUTLAW_SECTORS or source.country == "IMG"):
        return "ASSAULT", "abduct"
    words = source.text.lower().split() if source is not None else []
    rioters = bool(words) and words[-1] in RIOTERS
    if kind == "ASSAULT" and rioters and (target is None or target.sector in ORDER_SECTORS):
        return "PROTEST", "riot"
    return kind, mode


def _names_a_side(location, sides: list) -> bool:
    """'sealed the border with Syria': a place that is itself a party lends its country to no one else."""
    return location is not None and location.start is not None and any(
        s is not None and s.start < location.end and location.start < s.end for s in sides)


def home_country(side: EventArg | None, country_code: str | None,
                 sectors: frozenset[str] = DOMESTIC_SECTORS) -> EventArg | None:
    """The side with the country (ISO alpha-2) it acts in, when it names none and is of those sectors."""
    if side is None or side.country or side.sector not in sectors or not country_code:
        return side
    iso3 = iso3_by_iso2().get(country_code)
    return replace(side, country=iso3) if iso3 else side


def _mirrors(events: list[Event], source: EventArg | None, target: EventArg | None) -> bool:
    """Whether an event of the same trigger already joins the same two sides the other way round."""
    if source is None or target is None:
        return False
    return any(e.source is not None and e.target is not None and e.source.start == target.start
               and e.target.start == source.start for e in events)


def _tells_who(event: Event) -> bool:
    """Whether the event says who acted or on whom, or is an act on the ground, news without that; "the
    sanctions", "the summit", "a 1960 pact" with no one named are not."""
    return event.type in ACTS_ON_THE_GROUND or event.source is not None or event.target is not None


def _names_a_person(side: EventArg | None, sentence) -> bool:
    """A side that is a person written by name, whether or not a country or office is known for them (in text
    written all in lower case the tagger's persons are guesses: "kar sevaks", "howrah station")."""
    if side is None:
        return False
    span = sentence.doc.char_span(side.start, side.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "PERSON" and t.text[:1].isupper() for t in span)


def _placed_act(event: Event) -> bool:
    """'a curfew was imposed after violence in Godhra': an act on the ground that its sentence places is a
    happening of its own, though no one is named (measured on the blind batches: docs/events.md, eighteenth
    pass)."""
    return (event.type in ACTS_ON_THE_GROUND and event.location is not None
            and event.location.basis == "sentence")


def _named_happening(token) -> bool:
    """'the godhra carnage', 'the 1992 demolition', 'the gujarat riots', 'the February 27 attack': an act named by
    the place or the time it happened at is a particular happening the story refers to, though no one is named."""
    if token.pos_ != "NOUN":
        return False
    places = token.doc.user_data.get(PLACE_TOKENS, set())
    for child in token.children:
        if child.dep_ not in ("compound", "nmod", "npadvmod", "nummod", "amod", "poss") or child.i > token.i:
            continue
        named = child.pos_ == "PROPN" and child.ent_type_ not in ("PERSON", "ORG", "NORP")
        if child.i in places or child.ent_type_ in ("GPE", "LOC", "FAC", "DATE") or _a_year(child) or named:
            return True
    return False


def _a_year(token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and 1900 <= int(token.text) <= 2100


def _by_an_analyst(event: Event, parsed) -> bool:
    """'warned analyst Sinan Ulgen', 'analysts say ...': what an analyst, an expert or an observer says is analysis,
    not a party's act (the annotation guideline's non-events). The source's words, its title before it and its
    apposition count."""
    if event.source is None or event.type not in VERBAL_TYPES:
        return False
    span = parsed.char_span(event.source.start, event.source.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    words = [*span, *(c for c in root.children if c.dep_ in ("compound", "appos")),
             *(g for c in root.children if c.dep_ == "appos" for g in c.children if g.dep_ == "compound")]
    analysts = word_list("analyst_nouns.tsv")
    return any(w.lemma_.lower() in analysts for w in words)


def _names_a_party(side: EventArg | None) -> bool:
    return side is not None and bool(side.country or side.sector)


def _warned_against(token, acts: set[int]) -> bool:
    """'warned Syria against an incursion', 'urged restraint against reprisals': the act a warning or a plea
    is against is the one it means to prevent."""
    return token.dep_ == "pobj" and token.head.lower_ == "against" and token.head.head.i in acts


@dataclass(frozen=True)
class Frame:
    """The dateline that frames a story: its place, where its words end (no side is named there), and the
    country the story is about when it has one (see `story_country`)."""

    place: EventLocation | None
    end: int
    country: str | None = None


NO_FRAME = Frame(None, 0)


@dataclass
class SentenceEvents:
    sentence: object
    triggers: list[Trigger]          # event-bearing triggers, most prominent first
    events: list[Coded]


@dataclass
class Reading:
    """What the rules make of a sentence, before the type is decided."""

    sentence: object
    live: list[Trigger]              # event-bearing triggers, most prominent first
    candidates: list[Trigger]        # every trigger, including those in non-event clauses
    index: ActorIndex

    def features(self) -> dict[str, float]:
        return sentence_features(self.sentence, self.live, self.candidates, self.index)


@dataclass
class Decision:
    trigger: Trigger
    probability: float | None        # the classifier's probability of the type, None without a model


def _ambiguous(trigger: Trigger) -> bool:
    """Whether the lexicon gives the trigger's word more than one type: 'sanctions' is a sanction whatever
    the sentence around it; 'strike' may be an attack or a walk-out."""
    pos = "V" if trigger.is_verb else trigger.entry.pos
    return len({e.type for e in triggers_by_head().get((trigger.entry.head, pos), ())}) > 1


def retyped(trigger: Trigger, type_: str) -> Trigger:
    """The trigger's token and arguments, with the type the classifier chose (mode unknown)."""
    if trigger.type == type_:
        return trigger
    entry = TriggerEntry(trigger.token.lemma_.lower(), None, trigger.entry.pos, type_, None, ())
    return Trigger(trigger.token, entry)


def event_id(doc_id: str, evidence: Evidence, type_: str, source: EventArg | None, target: EventArg | None) -> str:
    source_start = source.start if source else ""
    target_start = target.start if target else ""
    key = f"{doc_id}|{evidence.start}|{evidence.end}|{type_}|{source_start}|{target_start}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class EventCoder:
    needs = ("nlp",)

    def __init__(self, model: TypeModel | None = None, fallback_threshold: float = FALLBACK_OFF,
                 override_margin: float = 0.2, keep_unasserted: bool = False, secondary_events: bool = True,
                 confidence: ConfidenceModel | None = None, require_party: bool = False):
        self.confidence = confidence
        self.secondary_events = secondary_events
        self.keep_unasserted = keep_unasserted
        self.require_party = require_party
        self.model = model
        self.fallback_threshold = fallback_threshold
        self.override_margin = override_margin

    def __call__(self, doc: Document) -> Document:
        parsed = require_parse(doc, "the event stage (coders.plover_rules)")
        index = ActorIndex(parsed, doc.actors, doc.places)
        parsed.user_data[PLACE_TOKENS] = {t.i for p in doc.places if p.lat is not None
                                          for t in parsed.char_span(p.start, p.end, alignment_mode="expand") or ()}
        blocked = blocked_tokens(parsed, furniture_spans(doc.text, doc.title), doc.times, doc.text) | index.name_tokens
        dateline = dateline_place(doc.places, doc.text)
        frame = Frame(dateline, (dateline_extent(doc.text) or (0, 0))[1], story_country(doc.places, dateline))
        coded = [self.code_sentence(doc, sentence, index, blocked, frame) for sentence in parsed.sents]
        events = fold_mentions([event for item in coded for event in item.events])
        doc.events = [e for e in events if (self.keep_unasserted or took_place(e))
                      and (not self.require_party or _tells_who(e)) and not _by_an_analyst(e, parsed)]
        cite_headline(doc, parsed, index)
        if self.confidence is not None:
            recalibrate(doc.events, len(doc.text), self.confidence)
        parsed.user_data[_CODED] = (self, coded, index)     # what type_pairs reads while the parse is kept
        return doc

    def type_pairs(self, doc: Document, pairs) -> list[str | None]:
        """One PLOVER type (or None) per (source span, target span) of the evaluation protocol, read from this
        coder's coding of ``doc`` left on its parse (a document it has not coded is coded first)."""
        parsed = require_parse(doc, "the pair typing of the event stage (coders.plover_rules)")
        if parsed.user_data.get(_CODED, (None,))[0] is not self:
            self(doc)
        _, coded, index = parsed.user_data[_CODED]
        return [self.pair_type(parsed, coded, pair, index) for pair in pairs]

    # --- sentences -------------------------------------------------------------------------
    def read_sentence(self, sentence, index: ActorIndex, blocked: set[int] = frozenset()) -> Reading:
        candidates = sorted(find_triggers(sentence, blocked or index.name_tokens), key=prominence)
        live = []
        for trigger in candidates:
            roles = clause_roles(trigger.token)
            if "normative" in roles and reported_demand(trigger.token) is not None:
                entry = obligation(trigger.token)
                live += [Trigger(trigger.token, entry)] if entry is not None else []
            elif not (is_non_event(sentence, trigger.token, roles) or is_advisory(trigger, index)
                      or is_plea_of_court(trigger.token) or is_act_on_things(trigger, index)
                      or only_looks_like_an_event(trigger) or in_another_sense(trigger)):
                live.append(as_statement_of_intent(trigger, index))
        # a caption's or a headline's words are blocked for these readings too
        live += [Trigger(v, entry) for v in reported_obligations(sentence)
                 if v.i not in blocked and all(t.token != v for t in live)
                 for entry in [obligation(v)] if entry is not None]
        live += [Trigger(v, CENSURE) for v in reported_censures(sentence, reported_demand)
                 if v.i not in blocked and all(t.token != v for t in live)]
        live += [Trigger(v, BLAME) for v in reported_blames(sentence, reported_demand)
                 if v.i not in blocked and all(t.token != v for t in live)]
        live = [t for t in live if not _promise_of_a_threat(t, live)]
        speech = {t.token.i for t in live if t.type in SPEECH_ACT_TYPES}
        return Reading(sentence, sorted(live, key=lambda t: (reported_content(t, speech), *prominence(t))),
                       candidates, index)

    def decide(self, reading: Reading, index: ActorIndex, blocked: set[int] = frozenset()) -> Decision | None:
        """The main trigger and its type: the rules' when there is no model, else the
        classifier's choice among the rules' readings (or, for a sentence the lexicon
        misses, for its main clause when an actor is its subject)."""
        if self.model is None:
            return Decision(reading.live[0], None) if reading.live else None
        if not reading.live and not self._fallback_allowed(reading, index, blocked):
            return None
        ruled = reading.live[0].type if reading.live else None
        margin = self.override_margin if not reading.live or _ambiguous(reading.live[0]) else math.inf
        label, probability = self.model.choose(reading.features(), ruled, margin)
        if reading.live:
            trigger = next((t for t in reading.live if t.type == label), None) or retyped(reading.live[0], label)
            return Decision(trigger, probability)
        if probability < self.fallback_threshold:
            return None
        head = event_head(reading.sentence)
        return Decision(Trigger(head, TriggerEntry(head.lemma_.lower(), None, "V", label, None, ())), probability)

    @staticmethod
    def _fallback_allowed(reading: Reading, index: ActorIndex, blocked: set[int]) -> bool:
        """A sentence without a trigger is an event only if its main clause is an act of a
        recognised actor: a verb with a subject that is one, in no non-event frame."""
        head = event_head(reading.sentence)
        if head.pos_ != "VERB" or head.lemma_.lower() in ("be", "have") or head.i in blocked:
            return False
        if is_advisory_verb(head, index) or is_plea_of_court(head):
            return False
        if is_non_event(reading.sentence, head, clause_roles(head)) or "negated" in clause_roles(head):
            return False
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any((a := index.covering(s) or index.within(s)) is not None and (a.country or a.sector)
                   for s in subjects)

    def code_sentence(self, doc: Document, sentence, index: ActorIndex, blocked: set[int] = frozenset(),
                      frame: Frame = NO_FRAME) -> SentenceEvents:
        reading = self.read_sentence(sentence, index, blocked)
        decision = self.decide(reading, index, blocked)
        if decision is None:
            return SentenceEvents(sentence, reading.live, [])
        main = decision.trigger
        chosen = [main] + [t for t in reading.live if t.token != main.token
                           and (_independent(t, main) or _reported_beside(t, main) or _cause_and_result(t, main))]
        events = [Coded(e, t.token) for t in chosen
                  for e in self.events_for(doc, sentence, t, index, decision.probability if t is main else None,
                                           frame)]
        if self.secondary_events:
            events += self._secondary(doc, sentence, reading, chosen, index, frame)
        return SentenceEvents(sentence, [main] + [t for t in reading.live if t is not main], events)

    def _secondary(self, doc: Document, sentence, reading: Reading, chosen: list[Trigger], index: ActorIndex,
                   frame: Frame) -> list[Coded]:
        """Further acts a sentence tells beside its main one, each with a recognised actor of its own on
        either side: "was convicted for his role in bomb attacks on the embassies" (SANCTION, and the
        attacks), "accused X of plotting the assassination" (ACCUSE, and the alleged killing), "Syria
        decried a U.S. missile attack" (ACCUSE, and the attack). An act told in passing with no one named
        ("a curfew was imposed after the clashes") is not kept: on articles no rule was read from, two in
        three such acts were wrong (docs/events.md, thirteenth pass); one on the ground that the sentence
        places is kept ("after violence in Godhra", eighteenth pass)."""
        types = {t.type for t in chosen}
        out: list[Coded] = []
        asked = {t.token.i for t in chosen if t.type in ("REQUEST", "THREATEN")}
        further = [t for t in reading.live if t.entry not in OBLIGED and not in_purpose_clause(t.token)
                   # "called on Iran to free the sailors", "warned Syria against any incursion": what is asked
                   # for or warned against is not done
                   and not (t.token.dep_ in ("xcomp", "ccomp") and t.token.head.i in asked)
                   and not _warned_against(t.token, asked)]
        # a side of known country or sector first; then, for a type still not told, a person named ("the clerk,
        # who had accused Maria Lenz of forgery"): a trigger with a better-known side wins its type
        read: dict[int, list[Event]] = {}  # a trigger's events, built once for both passes
        for party in (_names_a_party, lambda side: _names_a_person(side, sentence)):
            for trigger in further:
                if trigger.type in types:
                    continue
                if trigger.token.i not in read:
                    read[trigger.token.i] = self.events_for(doc, sentence, trigger, index, None, frame)
                named = trigger.type in ACTS_ON_THE_GROUND and _named_happening(trigger.token)
                found = [e for e in read[trigger.token.i]
                         if party(e.source) or party(e.target) or _placed_act(e) or named]
                if found:
                    types.add(trigger.type)
                    out += [Coded(e, trigger.token) for e in found[:1]]
        return out

    def events_for(self, doc: Document, sentence, trigger: Trigger, index: ActorIndex,
                   probability: float | None = None, frame: Frame = NO_FRAME) -> list[Event]:
        roles = roles_of(trigger.token, trigger.is_verb, trigger.type, index.tokens)
        if trigger.entry in OBLIGED:
            roles = demand_roles(trigger.token, roles)
        speakers = speaks(trigger.token, trigger.type, trigger.is_verb)
        sources = outside(actor_sides(roles.sources, index, speakers), frame.end)
        people = takes_people(trigger.token, trigger.mode, trigger.is_verb)
        targets = outside(actor_sides(roles.targets, index, people), frame.end)
        if targets == [None] and trigger.is_verb:
            targets = actor_sides(fallback_targets(trigger.token, trigger.type, trigger.entry.dependent), index)
        if targets == [None] and trigger.type in OWNED_TARGET_TYPES:
            targets = outside(owner_sides(roles.targets, index), frame.end)
        if targets == [None] and trigger.type == "REQUEST" and trigger.is_verb:
            targets = outside(actor_sides(asked_doers(trigger.token), index), frame.end)
        if is_press_contact(trigger, targets):
            return []
        sources, targets = pair_symmetric(trigger.type, sources, targets)
        # "Egypt, Bahrain and Sudan, which cut ties": the relative pronoun finds the nearest name first; the
        # parties' acts are told in the order the sentence names them
        sources = sorted(sources, key=lambda side: -1 if side is None else side.start)
        # the object's whole phrase too: "decried a U.S. attack on a base where officials say ..." is not
        # attributed to the officials of a clause inside what was decried
        objects = [c for c in trigger.token.children if c.dep_ in ("dobj", "obj")]
        argument_tokens = {t.i for head in roles.sources + roles.targets + objects for t in head.subtree}
        attribution = find_attribution(sentence, trigger.token, index, argument_tokens)
        claimant = responsibility_claimant(trigger.token, index)
        if claimant is not None and sources == [None]:
            sources = [claimant]  # "X claimed responsibility for the attack": X is its author, by its own word
        cue_roles = clause_roles(trigger.token)
        if trigger.promised and (trigger.type == "REJECT" or _keeps_force_open(trigger)):
            cue_roles.discard("negated")  # "failed to agree", "did not rule out force": said, and so done
        certainty = certainty_of(cue_roles, attribution is not None or claimant is not None,
                                 is_conditional(trigger.token))
        evidence = Evidence(sentence.start_char, sentence.end_char)
        not_places = [(0, frame.end)] + [(s.start, s.end) for s in sources if s is not None]
        if trigger.type in ADDRESSED_TYPES or (trigger.type == "PROTEST" and not trigger.is_verb):
            # "lodged a protest with Pyongyang": the capital stands for the state addressed, not the place
            not_places += [(t.start, t.end) for t in targets if t is not None]
        location = attach_location(doc.places, sentence, trigger.token, not_places, doc.actors,
                                   locative_only=trigger.type in ADDRESSED_TYPES)
        story_place = framed(frame.place or document_focus(doc.places), doc.places, sentence, trigger.token)
        if frame.place is not None and frame.country is None:
            # filed from Washington about Venezuela: the dateline says where the reporter was, not where an act
            # the sentence does not place happened
            story_place = None
        if trigger.type in ADDRESSED_TYPES:
            # said in the dateline's city, unless the story is about another country (then no place at all)
            location = location or (frame.place if frame.country is not None else None)
        elif not (trigger.type == "CONSULT" and _names_a_side(location, targets)):
            # (a country visited, "Mattis visited Iraq", stays the country, not a guess at the town in it)
            location = narrowed(location, story_place, doc.text) or story_place
        # with no one named as its target, the place the clause puts it at is, like a side, a party that lends its
        # country to no one else ("the army sealed the border with Syria" makes no Syrian army)
        place_is_party = targets == [None] and location is not None and location.basis == "sentence"
        if trigger.type in ACTS_ON_THE_GROUND and not place_is_party and not _names_a_side(location, sources + targets):
            home = location.country_code if location is not None else None
            sources = [home_country(s, home) for s in sources]
            targets = [home_country(t, home) for t in targets]
        elif (location is None or location.basis != "sentence") and frame.country is not None:
            sources = [home_country(s, frame.country, STATE_SECTORS) for s in sources]
            targets = [home_country(t, frame.country, STATE_SECTORS) for t in targets]
        date = attach_date(doc.times, sentence, trigger.token, doc.published,
                           speech_act=trigger.type in SPEECH_ACT_TYPES)
        not_yet = ((is_after(date, doc.published) or is_rest_of_the_period(date, doc.published, trigger.token))
                   and not told_as_past(trigger.token))
        if not_yet and certainty not in ("negated", "speculative"):
            certainty = "speculative"  # "the leaders hold talks next week": dated after the report, not yet done
        modality = modality_of(trigger.token, certainty, date, doc.published)
        mention = Mention(sentence.start_char, sentence.end_char, trigger.token.idx,
                          trigger.token.idx + len(trigger.token))
        quantities = quantities_in(sentence, trigger.token, trigger.type)
        events = []
        for source in sources:
            for target in targets:
                if source is not None and target is not None and source.start == target.start:
                    continue
                if trigger.type in SYMMETRIC_TYPES and _mirrors(events, source, target):
                    continue  # "the meeting between Kerry and Zarif": one meeting of the two, not one each way
                kind, mode = by_whom(trigger.type, trigger.mode, source, target, trigger.token.lemma_.lower())
                events.append(Event(
                    id=event_id(doc.id, evidence, kind, source, target),
                    type=kind, mode=mode, source=source, target=target,
                    location=location, date=date, attribution=attribution, certainty=certainty,
                    confidence=self._confidence(certainty, trigger, source is not None, probability),
                    evidence=evidence, modality=modality, quantities=list(quantities), mentions=[mention],
                ))
                if len(events) >= MAX_EVENTS_PER_TRIGGER:
                    return events
        return events

    def _confidence(self, certainty: str, trigger: Trigger, has_source: bool, probability: float | None) -> float:
        if self.model is None or probability is None:
            return confidence_of(certainty, trigger.is_verb, has_source)
        return calibrated_confidence(self.model.calibrated(probability), certainty, trigger.type)

    # --- pair protocol -----------------------------------------------------------------------
    def pair_type(self, parsed, coded: list[SentenceEvents], pair, index: ActorIndex) -> str | None:
        (s_start, s_end), (t_start, t_end) = pair
        item = next((c for c in coded if c.sentence.start_char <= s_start < c.sentence.end_char), None)
        if item is None or not item.sentence.start_char <= t_start < item.sentence.end_char:
            return None  # a pair across sentences is no event of one clause
        triggers = item.triggers or sorted(find_triggers(item.sentence), key=prominence)
        if not triggers:
            return None
        best, best_score = None, 0
        for trigger in triggers:
            score = self._pair_score(trigger, index, (s_start, s_end), (t_start, t_end))
            if score > best_score:
                best, best_score = trigger, score
        best = best or triggers[0]
        roles = roles_of(best.token, best.is_verb, best.type, index.tokens)
        source = self._arg_at(roles.sources, index, (s_start, s_end))
        target = self._arg_at(roles.targets, index, (t_start, t_end))
        return by_whom(best.type, best.mode, source, target, best.token.lemma_.lower())[0]

    @staticmethod
    def _arg_at(heads, index: ActorIndex, span: tuple[int, int]) -> EventArg | None:
        """The side among ``heads`` (and their conjuncts) that overlaps ``span``."""
        for head in expand_conjuncts(heads):
            arg = to_arg(head, index)
            if arg.start < span[1] and span[0] < arg.end:
                return arg
        return None

    @classmethod
    def _pair_score(cls, trigger: Trigger, index: ActorIndex, source: tuple[int, int], target: tuple[int, int]) -> int:
        roles = roles_of(trigger.token, trigger.is_verb, trigger.type, index.tokens)
        return 2 * (cls._arg_at(roles.sources, index, source) is not None) \
            + (cls._arg_at(roles.targets, index, target) is not None)


@registry.factory("coders", "plover_rules")
def make_plover_rules(use_classifier: bool = True,
                      fallback_threshold: float = FALLBACK_OFF, override_margin: float = 0.2,
                      keep_unasserted: bool = False, secondary_events: bool = True,
                      calibrated_confidence: bool = True, require_party: bool = False) -> EventCoder:
    """Code PLOVER events with a trigger lexicon (data/triggers.tsv) and the dependency parse: the main event of each
    sentence with source, target, attribution, certainty, place and date; ``type_pairs`` gives the types of given
    (source, target) spans. With ``use_classifier`` the shipped type model (data/type_model.json) picks the type
    among the rules' readings — it overrides the rules' type only for a word the lexicon gives more than one type,
    and only when its probability for another type is higher by ``override_margin`` — and codes a trigger-less
    sentence whose main clause has an actor subject when its probability reaches ``fallback_threshold`` (off by
    default: on whole articles, where most sentences tell no event, it only added wrong ones; 0.25 suits input that
    is known to be one event per sentence, as the PLOVER records are). Denied, planned and hypothetical acts
    (certainty ``negated``, or ``speculative`` for types other than AGREE/THREATEN/REJECT) are left out unless
    ``keep_unasserted``. With ``secondary_events`` a sentence also gives the further acts it tells beside its main
    one, each of another type and with a recognised actor on either side. With ``calibrated_confidence`` an event's
    confidence is the whole-article model's probability that it is right (data/event_confidence.json, fitted by
    scripts/fit_event_confidence.py). With ``require_party`` an event of a diplomatic or verbal type is kept only
    when a source or a target is named (force, protest and deployment are kept anyway): more precise, less recall
    (docs/events.md)."""
    return EventCoder(load_type_model() if use_classifier else None, fallback_threshold, override_margin,
                      keep_unasserted, secondary_events,
                      load_confidence_model() if calibrated_confidence else None, require_party)

