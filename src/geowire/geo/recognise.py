"""Toponym recognition: spaCy entities plus a gazetteer matcher, then resolution.

spaCy's small model finds most GPE/LOC/FAC names but calls unfamiliar ones PERSON
or ORG ("clashes in Abu Kamal") or misses them. The gazetteer matcher takes
capitalised word sequences that the gazetteer knows and accepts them only in a
locative frame ("in X", "near X", "the town of X", "X province", "between X and
Y", "X, Texas"), never when they look like a person (a title before, a speech verb
after) or are ordinary words. Adjectival country mentions ("Iraqi", "Syrians")
come from NORP entities that are gazetteer demonyms. Places at spans a caller gives are
resolved by the ``given_spans`` recogniser (``geo/given.py``) instead.

The parts: ``spans`` (where a name starts and ends), ``frames`` (the words around it),
``runs`` (the matcher over capitalised runs), ``reading`` (whether a name is a place: label
votes, surnames, prominence, frames), ``exclusions`` (names inside titles and disease names).
"""

from __future__ import annotations

import re
from dataclasses import replace

from geowire.geo import reading, spans
from geowire.geo.caseless import MIN_POPULATION, caseless_mentions, framed_names, in_the_story
from geowire.geo.exclusions import disease_names, in_title, names_disease, saints_house
from geowire.geo.frames import (
    INSTITUTION_AFTER,
    LOCATIVE_BEFORE,
    TITLE_BEFORE,
    Frame,
    listed_after,
    listed_with,
    office_title,
)
from geowire.geo.gazetteer import Gazetteer
from geowire.geo.normalise import strict_key
from geowire.geo.resolve import ContextResolver, Mention
from geowire.geo.runs import (
    DIRECTION_WORDS,
    PLACE_LABELS,
    STREET_END,
    TokenView,
    longest_known,
    proper_sequences,
    run_phrases,
    split_at_particles,
    token_labels,
)
from geowire.model import Document
from geowire.nlp.truecase import is_caseless
from geowire.registry import registry, require_parse

# "French said" (a person), "Italian food", "Irish songs", "French students": a cuisine, a language, a culture's
# things, not the country
_NOT_A_DEMONYMS_PLACE = re.compile(
    r"\s+(?:said|says|told|added|food|foods|cuisine|cooking|dishes|restaurants?|grill|pub|bakery|sausages?|bread|"
    r"wine|beer|music|songs?|rock|dance|dancing|language|immersion|students?|class|classes|heritage|culture)\b"
)
_AREA_WORD_AFTER = re.compile(r"\s+(?:region|province|state|district|county|governorate|oblast)\b")
_WAY_PLURALS = r"(?:streets|roads|avenues|drives|lanes|boulevards|rivers|creeks)"
_LISTED_WAY = re.compile(
    rf"(?:\s*,\s*[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?)*\s*,?\s+(?:and|or)\s+[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?\s+{_WAY_PLURALS}\b"
    rf"|\s+{_WAY_PLURALS}\b"
)
_STREET_DIRECTION = re.compile(r"(?<![\w.])[NSEW]\.\s$")
_TOWNSHIP = re.compile(r"^[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}\sTwp\.?$")
_LOWER_DATELINE = re.compile(r"^\s*([a-z][a-z'’.-]+(?: [a-z][a-z'’.-]+){0,2})\s*:\s+\S")
_DATELINE_WITHIN, _DATELINE_LINES = 400, 6
# a party letter (or Minnesota's DFL) and a hyphen after a comma or an opening bracket, then the home
_PARTY_HOME = re.compile(r"(?:,\s*|\()(?:D|R|I|DFL)-([A-Z][\w'’]*\.?(?: [A-Z][\w'’]*\.?){0,2})")


class GazetteerPlaces:
    needs = ("nlp",)        # reads spaCy's entities and parse; an empty text needs none

    def __init__(self, resolver: ContextResolver, recover_locative: bool, demonyms: bool, min_match_chars: int,
                 caseless: bool = True):
        self.resolver = resolver
        self.recover_locative = recover_locative
        self.demonyms = demonyms
        self.min_match_chars = min_match_chars
        self.caseless = caseless

    @property
    def gazetteer(self) -> Gazetteer:
        return self.resolver.gazetteer

    def __call__(self, doc: Document) -> Document:
        if not doc.text.strip():
            mentions = []
        else:
            mentions = self.recognise(doc)
        doc.places = self.resolver.resolve(doc.text, mentions)
        return doc

    def recognise(self, doc: Document) -> list[Mention]:
        parsed = require_parse(doc, "the place stage (recognisers.gazetteer_places)")
        caseless = self.caseless and is_caseless(doc.text)
        # a caseless story is read as the parser read it, with capitals where English puts them (one character for
        # one, so the offsets hold); the mentions keep the story's own spelling
        true_cased = caseless and len(parsed.text) == len(doc.text)
        text = parsed.text if true_cased else doc.text
        ents = parsed.ents      # a Doc builds its entity spans anew at each access
        votes = reading.label_votes(ents, text)
        surnames = reading.surnames(ents)
        family = reading.family_names(ents)
        # the entries of each place entity's name, read at once (``_entity_mentions`` asks each)
        self.gazetteer.prefetch_rows(text[start:end] for ent in ents if ent.label_ in PLACE_LABELS
                                     for start, end in [spans.trim(text, ent.start_char, ent.end_char)])
        mentions = self._entity_mentions(ents, text, votes, surnames, family)
        if self.recover_locative:
            mentions += self._recovered(parsed, ents, text, mentions, votes, surnames, family)
        gazetteer = self.gazetteer
        mentions = spans.without_routes(gazetteer, text, spans.dedupe([spans.extended(gazetteer, text, m)
                                                                       for m in mentions]))
        framed = framed_names(parsed, gazetteer) if caseless else []
        if true_cased:
            anchors = self._lowercase_dateline(doc.text, []) + caseless_mentions(framed, gazetteer, [])
            mentions = in_the_story(gazetteer, [replace(m, text=doc.text[m.start:m.end]) for m in mentions], anchors)
            text = doc.text
        mentions += self._lowercase_dateline(text, mentions)
        if caseless:
            mentions += caseless_mentions(framed, gazetteer, mentions)
        mentions += self._party_homes(text, mentions)
        diseases = disease_names(text)
        # "Secretary of State John Kerry": a title before an office or a name is no town (Secretary, Maryland)
        return sorted((m for m in mentions if not in_title(text, m) and not names_disease(text, m, diseases)
                       and not office_title(text, m.start, m.end) and not saints_house(text, m)),
                      key=lambda m: m.start)

    def _party_homes(self, text: str, taken: list[Mention]) -> list[Mention]:
        """'Rep. Jane Doe, D-Braxton', '(R-Ocilla)', 'DFL-Cook': a legislator's home after a party letter,
        AP style, where spaCy found no entity (the letter and the name are one token); the longest known
        town, county or state name of at most three words."""
        out = []
        for match in _PARTY_HOME.finditer(text):
            words = match.group(1).split()
            for n in range(len(words), 0, -1):
                start, end = spans.trim(text, match.start(1), match.start(1) + len(" ".join(words[:n])))
                name = text[start:end]
                if name.isupper() and len(name) <= 3:
                    break       # a postal code ("D-IA"): not how the sets write a home
                if any(m.start < end and start < m.end for m in taken):
                    break
                if any(c.precision in ("city", "admin2", "admin1") and not c.loose
                       for c in self.gazetteer.candidates(name)):
                    out.append(Mention(start, end, name))
                    break
        return out

    def _lowercase_dateline(self, text: str, taken: list[Mention]) -> list[Mention]:
        """'ahmedabad: the police ...': a lower-case story keeps its dateline, which capitalisation-led
        recognition misses; a populated place named there opens the story."""
        offset = 0
        for line in text[:_DATELINE_WITHIN].split("\n")[:_DATELINE_LINES]:
            match = _LOWER_DATELINE.match(line)
            if match is not None:
                start, end = offset + match.start(1), offset + match.end(1)
                known = self.gazetteer.candidates(match.group(1))
                if known and max(c.population for c in known) >= MIN_POPULATION and not any(
                        m.start < end and start < m.end for m in taken):
                    return [Mention(start, end, text[start:end])]
            offset += len(line) + 1
        return []

    def _entity_mentions(self, ents, text: str, votes: dict[str, list[int]], surnames: set[str],
                         family: set[str]) -> list[Mention]:
        gazetteer = self.gazetteer
        out = []
        for ent in ents:
            start, end = spans.trim(text, ent.start_char, ent.end_char)
            name = text[start:end]
            if start >= end or not any(c.isupper() for c in name):
                continue
            if ent.label_ in PLACE_LABELS:
                if TITLE_BEFORE.search(text[max(0, start - 12):start]):
                    continue    # "coach Ripley", "Sen. Lincoln": a person
                start, end = spans.drop_institution(gazetteer, text, start, end)
                start, end = spans.drop_unit_word(gazetteer, text, start, end)
                start = spans.drop_direction(gazetteer, text, start, end)
                name = text[start:end]
                if not gazetteer.has_name(name):
                    # "Santa Cruz de la" + "Sierra": the parser stopped inside a longer known name
                    longer = spans.extended(gazetteer, text, Mention(start, end, name))
                    start, end, name = longer.start, longer.end, longer.text
                person = surnames if not LOCATIVE_BEFORE.search(text[max(0, start - 30):start]) else set()
                if reading.small_speaker(gazetteer, text, start, end) \
                        or reading.family_name_alone(gazetteer, text, start, end, family):
                    continue
                # "investment in Bicester": the frame at the mention outweighs the text's vote on the name
                vote = votes if not reading.inside_frame(text, start, end) else {}
                if reading.plausible_place(gazetteer, spans.without_direction(gazetteer, name), vote, person) \
                        or ent.label_ == "GPE" and reading.framed_unknown(gazetteer, text, start, end):
                    out.append(Mention(start, end, name))
            elif ent.label_ in ("PERSON", "ORG") and (reading.typed_unknown(gazetteer, text, start, end)
                                                     or _TOWNSHIP.search(name)):
                # "the village of Kampungu", called a person; "Madison Twp.": no person's or body's name ends in a
                # township's abbreviation
                out.append(Mention(start, end, name))
            elif ent.label_ == "NORP" and self.demonyms and not _NOT_A_DEMONYMS_PLACE.match(text, end) \
                    and any(c.demonym for c in gazetteer.candidates(name)):
                # "Ethiopia's Somali region": a demonym before an area word may be an area's own name
                area = _AREA_WORD_AFTER.match(text, end) and any(
                    c.precision in ("admin1", "admin2") and not c.demonym for c in gazetteer.candidates(name))
                out.append(Mention(start, end, name, demonym=not area))
        return out

    def _recovered(self, parsed, ents, text: str, taken: list[Mention], votes: dict[str, list[int]],
                   surnames: set[str], family: set[str]) -> list[Mention]:
        """Gazetteer names outside place entities, kept when their frame says "place"."""
        occupied = [(m.start, m.end) for m in taken]
        adjectives = {(m.start, m.end) for m in taken if m.demonym}     # "French and Farsi" lists no places
        known_places = {k for m in taken if not m.demonym
                        for k in [strict_key(m.text)] if votes.get(k, (0, 0))[0] >= votes.get(k, (0, 0))[1]}
        lowered: dict[str, bool] = {}   # one-word names: does the text also write them as a lower-case word
        labels = token_labels(len(parsed), ents)
        out = []
        gazetteer = self.gazetteer
        view = TokenView(parsed, text)
        runs = [part for run in proper_sequences(view, labels)
                for part in split_at_particles(gazetteer, view, text, run)]
        gazetteer.prefetch_names(run_phrases(view, text, runs, self.min_match_chars))
        # the names the matcher finds in each run, and their entries fetched at once
        known = {run: list(longest_known(gazetteer, view, text, *run, self.min_match_chars)) for run in runs}
        gazetteer.prefetch_rows(text[view.idx[s]:view.idx[e - 1] + view.length[e - 1]]
                                for found in known.values() for s, e in found)
        for first, last in runs:
            start, end = view.idx[first], view.idx[last - 1] + view.length[last - 1]
            if any(s < end and start < e for s, e in occupied):
                continue
            if last - first == 1 and reading.INITIALS.fullmatch(text[start:end]) \
                    and (strict_key(text[start:end]) in known_places
                         or reading.framed_initials(gazetteer, text, start, end, occupied)):
                # "NSW" labelled an organisation here and a place elsewhere in the text: the initials of a
                # province (kept as a place entity by ``reading.plausible_place``)
                out.append(Mention(start, end, text[start:end]))
                occupied.append((start, end))
                continue
            if last - first <= 3 and _LISTED_WAY.match(text, end) and not view.stop[first]:
                # "Owens and Harris roads", "Bridge and High streets", "the Williams and Cranberry rivers": each
                # name of a list before a plural street or river word is one, not a town of that name: it takes
                # its enclosing place
                out.append(Mention(start, end, text[start:end], way=True))
                occupied.append((start, end))
                continue
            if last - first <= 5 and STREET_END.search(text, start, end):
                if match := spans.PARTY_PREFIX.match(text[start:end]):
                    start += match.end()        # "R-Elbow Lake": the party letter is no part of the name
                if match := _STREET_DIRECTION.search(text, max(0, start - 4), start):
                    start = match.start()       # "1154 S. Seventh St.": the direction is part of the name
                out.append(Mention(start, end, text[start:end]))   # "Memphis Street", not "Memphis"
                occupied.append((start, end))
                continue
            for s, e in known[first, last]:
                char_start, char_end = view.idx[s], view.idx[e - 1] + view.length[e - 1]
                name = text[char_start:char_end]
                if spans.PARTY_PREFIX.match(name):
                    continue    # "R-Elbow Lake": a legislator's home, read with its party letter below
                if e - s == 1 and _written_lower(name.lower(), text, lowered) \
                        or strict_key(name) in reading.GENERIC_WORDS:
                    continue    # an ordinary word (here or in general)
                if name.endswith(" City") and INSTITUTION_AFTER.match(text[char_end:char_end + 40]) \
                        and not spans.is_town_name(gazetteer, name):
                    char_end -= len(" City")    # "Dublin City Council" names Dublin's council
                    name = text[char_start:char_end]
                lead = view.texts[first].lower()
                at_run_start = s == first or s == first + 1 and (lead == "the" or lead in DIRECTION_WORDS)
                frame = Frame(text, char_start, char_end, labels[s], (start, end) == (char_start, char_end),
                              at_run_start)
                frame.surname = strict_key(name) in surnames
                frame.family = family
                frame.after_place = listed_after(text, char_start, occupied)
                frame.listed_with_place = listed_with(text, char_start, char_end,
                                                      [o for o in occupied if o not in adjectives])
                if reading.accept(gazetteer, name, frame, known_places):
                    out.append(Mention(char_start, char_end, name))
                    occupied.append((char_start, char_end))
        return out


def _written_lower(word: str, text: str, seen: dict[str, bool]) -> bool:
    r"""Whether ``word`` is in the set of the text's lower-case words (``re.findall(r"\b[a-z][a-z]+\b", text)``),
    asked of the one word (kept in ``seen``) rather than gathering every word of every text: such a word is an
    occurrence of two or more letters a-z with no word character (``\w``: alphanumeric or "_") on either side."""
    found = seen.get(word)
    if found is None:
        found = seen[word] = len(word) >= 2 and word.isascii() and word.isalpha() and word.islower() \
            and _standing_alone(word, text)
    return found


def _standing_alone(word: str, text: str) -> bool:
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@registry.factory("recognisers", "gazetteer_places")
def make_gazetteer_places(
    recover_locative: bool = True,
    demonyms: bool = True,
    min_match_chars: int = 3,
    resolver: str = "population_context",
    resolver_settings: dict | None = None,
    caseless: bool = True,
) -> GazetteerPlaces:
    """Find toponyms (spaCy GPE/LOC/FAC, demonyms from NORP, and gazetteer names in a
    locative frame that spaCy labelled PERSON/ORG or missed) and resolve them with the
    ``resolver`` factory (kind "resolvers"), built with ``resolver_settings``. With ``caseless``, a story written
    without capitals also has its places read where English puts a place ("police in vadodara said"; geo/caseless.py;
    docs/geo.md). Needs the ``nlp`` stage before it (a document
    reaching it unparsed is dropped with that reason; the pipeline refuses an order without it)."""
    built = registry.create("resolvers", resolver, resolver_settings or {})
    return GazetteerPlaces(built, recover_locative, demonyms, min_match_chars, caseless)
