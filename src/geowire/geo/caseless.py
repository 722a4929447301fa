"""Places in a story written without capitals ("police in ahmedabad and vadodara said ..."): some feeds, archives
and transcripts come lower-cased, and recognition led by capitals (spaCy's entities, proper-noun runs) then finds
almost none of their places. In such a text a name is read where English puts a place: as the object of a locative
preposition ("in", "at", "from", "near", "to" ...), or coordinated with one ("in surat and vadodara"), right
before the noun it qualifies ("the ayodhya issue", "the gujarat police"), as what a verb of going visits, reaches
or leaves ("the commission visits gujarat"), or in the "of" or "like" phrase of a word for a kind of place ("the twin
cities of ayodhya and faizabad", "areas like bapunagar"), with no
article or possessive before it ("in a van", "to his home" name no place), when the gazetteer knows it as a town of
some size, a province or a country, under its own name. Without capitals a common noun looks like a name: a word
the same text also uses as a common noun (with an article or a possessive: "the police", "at the same time"), a
plural, or a generic place word ("town", "valley") is none; and a smaller town ("from time to time": Time, Norway)
counts only in a country the story's larger places (a province, a country, a city of 100,000) or its dateline are in.
"""

from __future__ import annotations

from geowire.geo.gazetteer import Candidate, Gazetteer
from geowire.geo.mention import Mention
from geowire.geo.normalise import strict_key
from geowire.geo.reading import GENERIC_WORDS
from geowire.geo.sources import PRIMARY

LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "to", "into", "across", "around", "outside", "inside",
                                   "within", "throughout", "toward", "towards"})
# verbs whose object is a place one goes to or leaves
VISITING_VERBS = frozenset({"visit", "tour", "reach", "enter", "leave", "flee", "cross", "storm", "besiege"})
# words for a kind of place, whose "of" or "like" phrase names one: "the city of X", "areas like Y"
PLACE_KIND_WORDS = frozenset({"city", "town", "village", "district", "state", "province", "region", "area",
                              "locality", "suburb", "taluka", "tehsil", "block", "country", "capital"})
# a lower-case name (here, or a dateline: recognise._lowercase_dateline) is a town this size or an area (a
# province, a country), not a hamlet named like a word
MIN_POPULATION = 10_000
# a city this size (or a province, a country) sets where the story is; smaller towns must be in the same country
LARGE_POPULATION = 100_000
AREA_PRECISIONS = frozenset({"admin1", "country"})
MAX_NAME_WORDS = 3


def framed_names(parsed, gazetteer: Gazetteer) -> list[tuple[Mention, list[Candidate]]]:
    """The names of a caseless text in a place frame, each with its places of some size (read once per text)."""
    common = _common_nouns(parsed)
    return [found for token in parsed if _in_locative_frame(token) and token.lower_ not in common
            for found in [_longest_known_name(parsed, token, gazetteer)] if found is not None]


def caseless_mentions(named: list[tuple[Mention, list[Candidate]]], gazetteer: Gazetteer,
                      taken: list[Mention]) -> list[Mention]:
    """The places among the ``named`` (`framed_names`) outside the mentions already ``taken``: a large one, or one
    in a country of the taken mentions or of the large named ones."""
    countries = {c.country_code for m in taken for c in _known(gazetteer, m.text)} | {
        c.country_code for _, known in named for c in known if _large(c)}
    occupied = [(m.start, m.end) for m in taken]
    out = []
    for mention, known in named:
        if any(s < mention.end and mention.start < e for s, e in occupied):
            continue
        if any(_large(c) or c.country_code in countries for c in known):
            out.append(mention)
            occupied.append((mention.start, mention.end))
    return out


def in_the_story(gazetteer: Gazetteer, mentions: list[Mention], anchors: list[Mention]) -> list[Mention]:
    """The entity mentions of a caseless story read true-cased: a province or a country anywhere, a town of some
    size (``MIN_POPULATION``) only in a country of the story's ``anchors`` (its dateline, its names in a locative
    frame). True-casing capitalises every word the English word list lacks, person names among them, and the
    entity recogniser calls some of those places ("ganga roy": Ganja, Azerbaijan; "mehmedabad": a Ukrainian
    town's old name)."""
    def sized(mention):
        return [c for c in gazetteer.candidates(mention.text) if _of_some_size(c)]
    countries = {c.country_code for a in anchors for c in sized(a)}
    return [m for m in mentions if m.demonym or any(c.precision in AREA_PRECISIONS or c.country_code in countries
                                                    for c in sized(m))]


def _known(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """The gazetteer's places of this name under their own name: a province, a country or a town of some size."""
    return [c for c in gazetteer.candidates(name) if c.kind == PRIMARY and _of_some_size(c)]


def _of_some_size(candidate: Candidate) -> bool:
    """A province, a country or a town of ``MIN_POPULATION``, found by a name of its own (not a loose match)."""
    return not candidate.loose and (candidate.precision in AREA_PRECISIONS or candidate.population >= MIN_POPULATION)


def _large(candidate: Candidate) -> bool:
    return candidate.precision in AREA_PRECISIONS or candidate.population >= LARGE_POPULATION


def _common_nouns(parsed) -> set[str]:
    """Words the text uses as common nouns: with an article, possessive or number, or in the plural."""
    return {t.lower_ for t in parsed if t.tag_ in ("NNS", "NNPS") or strict_key(t.text) in GENERIC_WORDS
            or any(c.dep_ in ("det", "poss", "nummod") for c in t.children)}


def _in_locative_frame(token) -> bool:
    if token.pos_ not in ("PROPN", "NOUN"):
        return False
    if token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i == token.i + 1:
        return True  # "the ayodhya issue", "the gujarat police": a name right before the noun it qualifies
    head = token
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ in ("dobj", "obj") and head.head.lemma_.lower() in VISITING_VERBS:
        return True  # "the commission visits gujarat", "reached ayodhya"
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "like", "as") \
            and head.head.head.lemma_.lower() in PLACE_KIND_WORDS:
        return True  # "the twin cities of ayodhya and faizabad", "areas like bapunagar", "towns such as godhra"
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS


def _longest_known_name(parsed, token, gazetteer: Gazetteer) -> tuple[Mention, list[Candidate]] | None:
    """The name ending at ``token`` and its places: it with up to two compound words before it, longest first."""
    first = token.i
    while first > 0 and token.i - first < MAX_NAME_WORDS - 1 and parsed[first - 1].dep_ == "compound" \
            and parsed[first - 1].head is token:
        first -= 1
    for start in range(first, token.i + 1):
        span = parsed[start:token.i + 1]
        if not all(t.is_alpha or t.text == "-" for t in span):
            continue
        known = _known(gazetteer, span.text)
        if known:
            return Mention(span.start_char, span.end_char, span.text), known
    return None
