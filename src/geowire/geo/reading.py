"""Whether a name spaCy labelled, or the matcher found, is a place: the label vote across the text,
the surnames of the text's people, how well known the place is, and the frame around the name. This
is where a name spaCy calls PERSON or ORG is read again as a place ("clashes in Abu Kamal")."""

from __future__ import annotations

import re

from geowire.geo import frames
from geowire.geo.frames import INSTITUTION_AFTER, RESIDENT_AFTER, Frame, listed_with, typed_place
from geowire.geo.gazetteer import Gazetteer
from geowire.geo.normalise import strict_key
from geowire.geo.sources import ABBREVIATION, ALTERNATE, PRIMARY, SHORT_FORM
from geowire.geo.spans import trim

_PROMINENT_POPULATION = 50_000
_LONE_NAME_POPULATION = 100_000
_GEO_HEAD = re.compile(
    r"\b(?:River|Creek|Lake|Mountains?|Mount|Mt\.|Valley|Island|Islands|Bay|Gulf|Sea|Ocean|County|Parish|"
    r"Province|Township|Village|City|Heights|Hills?|Beach|Canyon|Desert|Forest|Falls|Springs?|Harbou?r|Coast|"
    r"Peninsula|Strait|Canal|Park|Camp|Fort|Border|Crossing|Twp)\b"
)
_STREET = re.compile(
    r"\b(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Highway|Hwy\.?|"
    r"Parkway|Pkwy\.?|Way|Court|Place|Pike|Route|Interstate|Freeway|Expressway|Bridge|Square|Plaza|Trail)\b"
)
# "in X", "near the X", "outside X": the frame an unknown place entity needs no more than
_IN_BEFORE = re.compile(r"\b(?:in|near|outside)\s+(?:the\s+)?$")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# "Fairfield, Calif.", "Dublin Director of Engineering": a containing area, or a capitalised word that makes the
# name part of a longer one
_AREA_OR_NAME_AFTER = re.compile(r"^\s*,\s*[A-Z]|^\s+[A-Z]")
INITIALS = re.compile(r"(?:[A-Z]&?){3,5}|(?:[A-Z]\.){3,5}")
# words that name a kind of place, not a place, when they stand alone
GENERIC_WORDS = frozenset(
    [
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central", "midwest",
     "metro", "downtown", "uptown", "midtown", "city", "county", "state", "states", "province", "region", "nation",
     "country", "gulf", "river", "lake", "valley", "coast", "island", "islands", "border", "capital", "town",
     "village", "university", "hall", "park", "center", "centre", "earth",
     "god", "allah", "christ", "jesus", "lord", "heaven", "congress", "parliament", "senate", "internet"]
)


def label_votes(ents, text: str) -> dict[str, list[int]]:
    """Per name: how often spaCy called it a place, and how often a person/organisation."""
    votes: dict[str, list[int]] = {}
    for ent in ents:
        if ent.label_ in ("GPE", "LOC", "PERSON", "ORG"):
            start, end = trim(text, ent.start_char, ent.end_char)
            tally = votes.setdefault(strict_key(text[start:end]), [0, 0])
            # "Torrington firefighters", "Rolling Meadows police": a name labelled as an organisation
            # right before a resident's or a local body's word is the town used as a label
            label = ent.label_ in ("GPE", "LOC") or bool(RESIDENT_AFTER.match(text[end:end + 40]))
            # "the governor of the Zaporizhzhia region", "the city of Kherson": a type word makes the name a place
            # whatever the parser called it, and so a vote for the place in every mention of it
            label = label or typed_place(text, start, end)
            tally[0 if label else 1] += 1
    return votes


def surnames(ents) -> set[str]:
    """Words of multi-word PERSON names ("Jackson" in "Andrew Jackson", "Tanya" in "Tanya Smith"); not of a
    'person' that ends in a local body's word ("Litchfield Fire")."""
    return {strict_key(token.text) for ent in ents if ent.label_ == "PERSON" and len(ent) > 1
            and not INSTITUTION_AFTER.match(" " + ent[-1].text) for token in ent}


def family_names(ents) -> set[str]:
    """The last word of each multi-word PERSON name ("Fairfield" in "Elizabeth Fairfield"): the name a news text
    calls that person by after first naming them in full."""
    return {strict_key(ent[-1].text) for ent in ents if ent.label_ == "PERSON" and len(ent) > 1
            and ent[-1].text[:1].isupper() and not INSTITUTION_AFTER.match(" " + ent[-1].text)}


def family_name_alone(gazetteer: Gazetteer, text: str, start: int, end: int, names: set[str]) -> bool:
    """'Elizabeth Fairfield ... Fairfield declined to plead': a name the text first gave as a person's full name
    is that person when it stands alone again outside a place's frame ("in Fairfield", "Fairfield, Calif.", "the
    town of Fairfield") and not before another capitalised word ("Dublin Director"), even where a well-known town
    bears it; a country or province keeps its name ("Jordan")."""
    name = text[start:end]
    if strict_key(name) not in names:
        return False
    frame = Frame(text, start, end, "GPE", True, True)
    if frame.locative() or frame.typed() or frame.names_institution() or frame.resident_label() \
            or frame.dateline() or _AREA_OR_NAME_AFTER.match(frame.after):
        return False
    return not any(c.precision in ("country", "admin1") for c in gazetteer.candidates(name))


def plausible_place(gazetteer: Gazetteer, name: str, votes: dict[str, list[int]], surnames: set[str]) -> bool:
    """A spaCy place entity is kept unless it is a generic word, a surname of the text's people or, by the
    text's own majority of labels, a person or organisation."""
    key = strict_key(name)
    if key in GENERIC_WORDS:
        return False
    candidates = gazetteer.candidates(name)
    if not candidates:
        # unknown to the gazetteer: keep what is evidently geographic (streets, rivers...), and the initials of a
        # country or province ("NSW", "DRC", "UAE"; three letters or more: "EU", "UN" are read as initials too)
        return bool(_STREET.search(name) or _GEO_HEAD.search(name) or INITIALS.fullmatch(name) and any(
            c.precision in ("country", "admin1") for c in gazetteer.fallback_candidates(name)))
    if any(_prominent(c) for c in candidates):
        return True
    if key in surnames:
        return False    # "Mayor Ryan Bingham ... Bingham said": a person named like a small town
    place_votes, other_votes = votes.get(key, (0, 0))
    # spaCy labels one name differently across a text; the majority is usually right
    return other_votes <= place_votes


def inside_frame(text: str, start: int, end: int) -> bool:
    """'in X', 'near the X', 'outside X', not before a possessive."""
    return bool(_IN_BEFORE.search(text, max(0, start - 20), start)) and not _POSSESSIVE_AFTER.match(text, end)


# "across NSW", "regional NSW": words that take an area, not an organisation
_INITIALS_PLACE_BEFORE = re.compile(
    r"\b(?:across|throughout|regional|rural|northern|southern|eastern|western|central)\s+(?:the\s+)?$")


def framed_initials(gazetteer: Gazetteer, text: str, start: int, end: int, occupied: list[tuple[int, int]]) -> bool:
    """'across NSW', 'in NSW and Queensland', 'the NSW government': the initials of a country or province (three
    letters or more) that the parser calls an organisation or misses, in a place's frame."""
    if re.match(r"\s*\(", text[end:end + 3]):
        return False    # "in ATP (achievement test practice)": an acronym spelled out is no place's
    frame = Frame(text, start, end, "ORG", True, True)
    placed = inside_frame(text, start, end) or listed_with(text, start, end, occupied) or frame.government_of() \
        or bool(_INITIALS_PLACE_BEFORE.search(frame.before)) or bracketed_initials(text, start, end, occupied)
    return placed and any(c.precision in ("country", "admin1") for c in gazetteer.fallback_candidates(text[start:end]))


def bracketed_initials(text: str, start: int, end: int, occupied: list[tuple[int, int]]) -> bool:
    """'the Democratic Republic of the Congo (DRC)': initials in brackets right after a place's name, made of that
    name's capitals, are the abbreviation the text introduces for the place."""
    if text[start - 1:start] != "(" or text[end:end + 1] != ")":
        return False
    initials = text[start:end].replace(".", "")
    for place_start, place_end in occupied:
        if place_end <= start and re.fullmatch(r"\s*\(", text[place_end:start]):
            return "".join(re.findall(r"\b[A-Z]", text[place_start:place_end])) == initials
    return False


def small_speaker(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """'Petrova said', 'Harden told reporters': a name before a speech verb that is no well-known place is a
    person the parser took for a place; a country, province or large city before 'said' stands for its
    government ('Russia said')."""
    name = text[start:end]
    if not frames.speech_after(text, end) or _STREET.search(name) or _GEO_HEAD.search(name) \
            or frames.object_of_preposition(text, start):
        return False    # "Cowley Road said": a street's people; "South Ossetia said": a region's government
    candidates = gazetteer.candidates(name)
    return bool(candidates) and all(c.precision == "city" and not _prominent(c) for c in candidates)


def framed_unknown(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """A place spaCy finds that the gazetteer lacks, kept when a type word or a containing area says place
    ('the village of Bariyarpur', 'Kampungu village', 'Pingilikani, Kenya') or when it stands right after "in",
    "near" or "outside" ('in Abu Shok', 'near Roskear'; since the ninth session on issue #14): it then takes the
    place the text puts it in. Not an all-capital name after "in" ('in UNAMID': an organisation's initials) and
    not a name before a possessive ('outside Chaudhry's home': the preposition governs the noun after it)."""
    name = text[start:end]
    if gazetteer.candidates(name) or strict_key(name) in GENERIC_WORDS or not name[:1].isupper():
        return False
    frame = Frame(text, start, end, "GPE", True, True)
    if _IN_BEFORE.search(text, max(0, start - 20), start) and not name.isupper() \
            and not _POSSESSIVE_AFTER.match(text, end):
        return True
    return frame.typed() or frame.followed_by_area(gazetteer)


def typed_unknown(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """A name the gazetteer lacks that the parser calls a person or an organisation, kept when a type word
    says place ('the village of Kampungu', 'the villages of Nuli and Avnevi', 'Kedi district'): the small
    model reads unfamiliar foreign names as persons, and a type word is evidence no person's name has."""
    name = text[start:end]
    if strict_key(name) in GENERIC_WORDS or not name[:1].isupper() or name.isupper():
        return False
    # a lower-case type word only: "City of Oxford Yard Waste", "Rapides Parish Fire District" are names' own words.
    # The frame (the text alone) is read before the gazetteer is asked: most persons and organisations have no
    # type word, and each such name cost a query of its own
    return frames.lower_case_typed(text, start, end) and not gazetteer.candidates(name)


def accept(gazetteer: Gazetteer, name: str, frame: Frame, known_places: set[str]) -> bool:
    """A gazetteer name outside spaCy's place entities is a place when its frame says so."""
    if frame.person_like() or frame.street_name():
        return False
    if frame.label == "PERSON" and frame.run_start and not frame.whole_run and "." not in name \
            and not (frame.names_institution() or frame.resident_label() or frame.dateline()):
        # "of George Bush", "Leo Drexler of Annville": the first word of a person's full name; not "Lewisburg
        # Mayor John Manchester", "Huntsville Fire Chief ..." (an office of the town), "Chowchilla, Calif."
        return False
    key = strict_key(name)
    if key in known_places and (frame.whole_run or frame.label == "ORG"):
        return True     # spaCy calls this same name a place elsewhere in the text
    known = [c for c in gazetteer.candidates(name) if not c.loose]
    if frame.listed_areas() and any(c.precision in ("admin1", "admin2") for c in known):
        return True     # "Walton and Oconee counties": a short form is enough
    candidates = [c for c in known if c.kind != SHORT_FORM]
    if not candidates:
        return False
    prominent = any(_prominent(c) for c in candidates)
    if frame.dateline():
        return True
    if frame.label == "" and frame.whole_run and not frame.surname \
            and any(c.precision == "country" and c.kind == PRIMARY for c in candidates):
        return True     # "Nigeria reported 782 cases": a country's own name the parser left unlabelled
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
    if frame.person_home() and not frame.surname and frame.run_ends_here() and any(_local_unit(c) for c in candidates):
        return True     # "Mindy Miller of Ravenel": the parser reads the whole as one person's or body's name
    if frame.label == "ORG" and not frame.whole_run:
        # "Ohio Department of Health", "University of Georgia": a well-known place inside a name
        if frame.run_start and frame.names_institution() and any(_local_unit(c) for c in candidates):
            return True
        return prominent and (frame.run_start or frame.after_of())
    if frame.label in ("", "PERSON") and not frame.whole_run and frame.run_start and frame.names_institution() \
            and not frame.surname and any(_local_unit(c) for c in candidates):
        # "Byesville Volunteer Fire Department" where the parser found no entity at all, "Litchfield Fire Chief
        # Jim Koser" where it read the town and the body's word as a person's name (tenth session)
        return True
    if frame.typed():
        return True
    if frame.government_of() and any(c.precision in ("country", "admin1") and c.kind == PRIMARY and not c.loose
                                     for c in candidates):
        return True     # "the Punjab government": a province's or country's own name before its government
    if (frame.resident_label() or frame.hometown()) and not frame.surname \
            and any(_local_unit(c) for c in candidates):
        return True
    if frame.label == "PERSON" and len(name.split()) == 1 \
            and not any(_prominent(c, _PROMINENT_POPULATION, any_name=True) or _named_region(c) for c in candidates) \
            and not ((frame.inside() or frame.listed_with_place) and not frame.surname
                     and any(_local_unit(c, alternate=True) for c in candidates)):
        return False    # a lone surname in a locative frame is still most often a person
    return frame.locative() or frame.coordinated() or frame.followed_by_area(gazetteer)


def _prominent(cand, population: int = _PROMINENT_POPULATION, any_name: bool = False) -> bool:
    """Known well enough to be meant even where the parser saw a name or organisation."""
    if cand.precision in ("country", "admin1"):
        return cand.kind in (PRIMARY, ABBREVIATION)
    if cand.precision == "admin2" and cand.kind == PRIMARY:
        return len(cand.name.split()) > 1     # "Douglas County": unmistakably a place
    named = cand.kind == PRIMARY or any_name and cand.kind == ALTERNATE
    return cand.precision in ("city", "admin1") and cand.population >= population and named


def _named_region(cand) -> bool:
    """An island, a region or a continent under its own name ("floods on Java"): in a locative frame it is meant
    even where the parser saw a person's name."""
    return cand.precision == "region" and cand.kind == PRIMARY and not cand.loose


def _local_unit(cand, alternate: bool = False) -> bool:
    """A town, county or province under its own name; with ``alternate`` also under another spelling
    ("Avdiivka" for GeoNames' Avdiyivka: a transliteration, as global news writes most foreign names)."""
    named = cand.kind == PRIMARY or alternate and cand.kind == ALTERNATE and not cand.loose
    return named and cand.precision in ("city", "admin2", "admin1")
