"""Where: attach a place to an event.

Location: a place in a locative phrase of the trigger (or of the verb a noun trigger
depends on: "in/near/at X"), else the place closest to the trigger in the sentence,
else the document's focus (its most mentioned place), marked ``basis="document_focus"``.
Demonyms ("Iraqi"), places that are the event's actors, and a country named only inside
an actor's name ("Iran's Revolutionary Guard") are skipped; within the clause a town
beats a province beats a country, and a place in a temporal or causal frame of another happening
("after talks in Geneva") is not the event's. When the sentence names no place, the dateline's place
("BAGHDAD —") frames the story before the document's focus does, and the focus only when the sentence
names no other country.
The date is :mod:`.dating`'s; the reach of the event's clause, which both read, :mod:`.clauses`'.
"""

from __future__ import annotations

from geowire.clean.dateline import dateline_extent
from geowire.events.clauses import background, clause_scope, in_sentence
from geowire.model import Actor, EventLocation, Place, leading_country

LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "on", "into", "from", "off",
                            "through", "throughout", "along", "within"})


# What a word of speech is directed at, not where it was said: "outrage at the attack in Syria", "criticism
# of the raid on Gaza", "anger over the strikes in Yemen".
ADDRESSEE_PREPS = frozenset({"at", "on", "over", "against", "into", "from", "of", "about"})


def _locative_chars(trigger, addressed: bool = False) -> list[tuple[int, int]]:
    clause = trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger
    # "workers in Dhaka demanded ...": where the actors are is where they acted
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    spans = []
    for node in (clause, trigger, *subjects):
        for prep in node.children:
            if addressed and node is trigger and trigger.pos_ == "NOUN" and prep.lower_ in ADDRESSEE_PREPS:
                continue
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
                sub = list(prep.subtree)
                spans.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return spans


# a smaller area says more about where it happened; unknown precision ranks as a town
SPECIFICITY = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}


def _inside(place: Place, spans) -> bool:
    return any(s <= place.start and place.end <= e for s, e in spans)


DISTANCE_WORDS = frozenset({"mile", "kilometre", "kilometer", "km", "metre", "meter", "yard", "foot", "feet",
                            "away", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                            "southwest", "drive", "walk", "hour"})


def _reference_point(token) -> bool:
    """'200 miles from a US position', '30 km north of Kabul': a place that measures a distance is a
    landmark, not where the act took place."""
    for node in (token, *list(token.ancestors)[:4]):
        if node.dep_ == "prep" and node.lower_ in ("from", "of"):
            governor = node.head
            if governor.lemma_.lower() in DISTANCE_WORDS or any(
                    c.lemma_.lower() in DISTANCE_WORDS for c in governor.children if c.dep_ in ("dobj", "npadvmod",
                                                                                             "advmod", "obj")):
                return True
    return False


ANAPHORIC_PLACES = frozenset({"area", "region", "town", "city", "village", "site", "border", "frontier", "province",
                              "district", "crossing", "compound", "base", "camp", "scene", "zone", "territory"})


def _refers_to_a_place(trigger) -> bool:
    """'overran the area', 'attacked the town', 'the compound was used to store missiles': a definite
    place noun that is an argument of the event points back to a place the story has named."""
    return any(t.lemma_.lower() in ANAPHORIC_PLACES and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                            for c in t.children)
               for t in _argument_nouns(trigger))


def _argument_nouns(trigger) -> list:
    """The trigger's objects and prepositional objects, and the subjects of the verbs it hangs from."""
    nouns = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    nouns += [g for p in trigger.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    node = trigger
    while node.dep_ in ("xcomp", "acomp") and node.head != node:
        node = node.head
        nouns += [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    return nouns


def _named_in_actor(place: Place, actors: list[Actor]) -> bool:
    """'Iran's Islamic Revolutionary Guard Corps', 'Iraqi officials': the country names the actor's
    allegiance, not where the act took place."""
    return place.precision in ("country", "region") and any(
        a.start <= place.start and place.end <= a.end and (a.end - a.start) > (place.end - place.start) for a in actors)


PLACE_SPANS = "geowire_place_spans"  # Doc.user_data key: (start, end) of a place -> `_place_span`


def _place_span(doc, place: Place) -> tuple[int, int, int] | None:
    """The place's tokens, expanded to whole words, as (its first token, the character it starts at, its
    head token), or None; read once per document and place (events of a story ask again and again)."""
    kept = doc.user_data.setdefault(PLACE_SPANS, {})
    key = (place.start, place.end)
    if key not in kept:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        kept[key] = None if span is None else (span.start, span.start_char, span.root.i)
    return kept[key]


def _head(doc, place: Place):
    """The place name's head word ("Qaim" of "Al Qaim")."""
    span = _place_span(doc, place)
    return doc[span[2]] if span is not None else doc[0]


# Common nouns of a place or a building within a town: a place that qualifies one of them says where ("marched
# through Tokyo neighbourhoods", "arrested at a Kabul hospital", "Aleppo's eastern districts"). Not embassies or
# consulates: "the U.S. embassy" stands abroad.
PLACES_WITHIN = ANAPHORIC_PLACES | frozenset({
    "neighborhood", "neighbourhood", "street", "road", "highway", "suburb", "outskirts", "square", "quarter",
    "downtown", "centre", "center", "slum", "park", "hospital", "clinic", "airport", "port", "harbor", "harbour",
    "market", "marketplace", "mosque", "church", "temple", "school", "university", "campus", "prison", "jail",
    "hotel", "station", "bridge", "checkpoint", "stadium", "court", "courthouse", "restaurant", "cafe",
})


def _attribute(token) -> bool:
    """'Baghdad's forces', 'U.S. forces', 'Syria's chief ally': a place that qualifies a noun names whose
    the thing is, not where the act took place — unless the noun is a place within it."""
    return token.dep_ in ("poss", "compound", "nmod", "amod") and token.head.pos_ in ("NOUN", "PROPN") \
        and token.head.ent_type_ not in ("GPE", "LOC", "FAC") and token.head.lemma_.lower() not in PLACES_WITHIN


def _doer(token) -> bool:
    """'Kenya condemned the attack on its embassy': a place that is a verb's active subject is a state
    acting, not where anything in the sentence happened."""
    return token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX")


AREA_PRECISIONS = frozenset({"country", "region"})
PARTY_DEPS = frozenset({"dobj", "obj", "nsubjpass", "dative"})


def _party_to_another_act(place: Place, token, trigger) -> bool:
    """'Iran's attacks on IS were a measure preventing the U.S. from opposition': a state that another verb of
    the sentence is done to is a party to that act, not where the event took place."""
    own = {trigger, trigger.head} if trigger.pos_ in ("NOUN", "PROPN") else {trigger}
    return place.precision in AREA_PRECISIONS and token.dep_ in PARTY_DEPS and token.head not in own


def _token_starts(doc, places: list[Place]) -> dict[int, int]:
    """The index of the token each place begins (places that begin inside a token have none)."""
    starts = {}
    for place in places:
        span = _place_span(doc, place)
        if span is not None and span[1] == place.start:
            starts[place.start] = span[0]
    return starts


def attach_location(places: list[Place], sentence, trigger, argument_spans: list[tuple[int, int]],
                    actors: list[Actor] = (), locative_only: bool = False) -> EventLocation | None:
    doc = sentence.doc
    window = doc[doc[sentence.start - 1].sent.start if sentence.start > 0 else 0:sentence.end]
    nearby = [p for p in places if window.start_char <= p.start < window.end_char]
    if not nearby:
        return None  # this sentence and the one before ("the area") name no place
    scope = clause_scope(trigger) - background(trigger)
    starts = _token_starts(doc, nearby)
    usable = [p for p in nearby if not p.demonym and p.lat is not None and not _inside(p, argument_spans)
              and not _named_in_actor(p, actors) and p.start in starts
              and not _reference_point(_head(doc, p)) and not _attribute(_head(doc, p))
              and not _doer(_head(doc, p)) and not _party_to_another_act(p, _head(doc, p), trigger)]
    candidates = [p for p in usable if in_sentence(p.start, sentence) and starts[p.start] in scope]
    if not candidates:
        return _named_before(usable, trigger) if _refers_to_a_place(trigger) else None
    locative = [p for p in candidates if _inside(p, _locative_chars(trigger, addressed=locative_only))]
    if locative_only and not locative:
        return None  # "criticized Syria's ally", "talks on Iran": a speech act's other places are its topic
    pool = locative or candidates
    chosen = min(pool, key=lambda p: (SPECIFICITY.get(p.precision or "city", 1), abs(p.start - trigger.idx)))
    return located(chosen)


def located(place: Place, basis: str = "sentence", offsets: bool = True) -> EventLocation:
    start, end = (place.start, place.end) if offsets else (None, None)
    return EventLocation(place.name or place.text, place.lat, place.lon, place.geonameid, start, end, basis=basis,
                         precision=place.precision, country_code=place.country_code)


def _named_before(places: list[Place], trigger) -> EventLocation | None:
    """The place named last before the event's sentence part that refers back to it."""
    before = [p for p in places if p.start < trigger.idx and p.precision not in ("country", "region")]
    return located(max(before, key=lambda p: p.start)) if before else None


def dateline_place(places: list[Place], text: str) -> EventLocation | None:
    """The place of a dateline that opens the story ("BAGHDAD —", "ahmedabad:", "KANO, Nigeria (AP) -"),
    which frames every event the story tells without naming a place of its own."""
    extent = dateline_extent(text)
    if extent is None:
        return None
    begin, end = extent
    # a dateline opens with its place: "KANO, Nigeria (AP) —", not "In Kano, officials said: ..."
    place = next((p for p in places if begin <= p.start <= begin + 2 and p.end <= end and p.lat is not None
                  and not p.demonym), None)
    return located(place, basis="dateline") if place is not None else None


def document_focus(places: list[Place]) -> EventLocation | None:
    """The place the article is about: the resolved place mentioned most often, the first one on a tie.

    Used only when an event's sentence names no place, and marked as such, so that a
    reader never mistakes the article's focus for the event's own place.
    """
    # a country or a region is no focus: "Venezuela" stands in for Caracas as a centroid would for a town
    resolved = [p for p in places if p.lat is not None and not p.demonym and p.precision not in ("country", "region")]
    if not resolved:
        return None
    counts: dict[object, int] = {}
    for place in resolved:
        key = place.geonameid or place.name
        counts[key] = counts.get(key, 0) + 1
    best = max(resolved, key=lambda p: (counts[p.geonameid or p.name], -p.start))
    return located(best, basis="document_focus", offsets=False)


def framed(story_place: EventLocation | None, places: list[Place], sentence, trigger) -> EventLocation | None:
    """The story's place for an event whose own clause places it nowhere — but not the document's focus when
    the sentence names only other countries ("the Cuban commission reported 1,400 arrests" in a story about
    Washington): the event is then somewhere in those, and the focus town is not where it happened. A
    dateline is checked by `story_country` instead."""
    if story_place is None or story_place.basis != "document_focus":
        return story_place
    elsewhere = {sentence.doc[i].idx for i in background(trigger)}  # "after talks in Nairobi" is another act's
    named = {p.country_code for p in places if p.country_code and p.lat is not None
             and sentence.start_char <= p.start < sentence.end_char and p.start not in elsewhere}
    return None if named and story_place.country_code not in named else story_place


def story_country(places: list[Place], dateline: EventLocation | None) -> str | None:
    """The country a story is about: the one its resolved places (demonyms included) name most often, by a
    clear margin, and, when the story has a dateline, the dateline's own country. A report filed from
    Washington about Venezuela ("officials there blamed US sanctions") has no single home country."""
    country = leading_country(places)
    if country is None or dateline is not None and dateline.country_code != country:
        return None
    return country
