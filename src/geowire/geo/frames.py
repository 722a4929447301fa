"""The words around a candidate name that say whether it is a place ("in X", "the town of X",
"X province", "X, Ohio", "a X woman", "Mr X", "X said"). Only the surface text is read."""

from __future__ import annotations

import re
from pathlib import Path

from geowire.datafiles import read_rows
from geowire.geo.cues import LISTED_AREA
from geowire.geo.gazetteer import Gazetteer
from geowire.geo.normalise import strict_key

OFFICE_TITLES = frozenset(row[0].lower() for row in read_rows(Path(__file__).parent / "data" / "office_titles.txt", 1))
# what follows a title: "of" and an office or a country ("Secretary of State"), or a person's name ("Governor Hochul")
_AFTER_TITLE = re.compile(r"\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]")

LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|outside|inside|around|from|to|into|towards?|toward|across|through|between|"
    r"via|of|province of|town of|city of|village of|region of|district of|governorate of)\s+(?:the\s+)?)$"
)
_TYPE_BEFORE = re.compile(
    r"\b(?:town|city|village|hamlet|suburb|district|province|governorate|region|area|port|camp|community|"
    r"municipality|commune|island|"
    r"neighbou?rhood|capital|crossing|outskirts)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
# a lower-case type word right before the name, in apposition: "the village Dvani", "the German island Rugen", "a
# town called Lasby", "the Nairobi slum Kibera" (the name is the type word's own; not "the city Council": the
# name's run must end there, see ``Frame.typed``)
_APPOSED_TYPE_BEFORE = re.compile(
    r"\b(?:town|city|village|hamlet|township|suburb|slum|settlement|district|province|island|port)"
    r"(?:\s+(?:called|named|known\s+as))?\s+$"
)
# a list after a plural type word: "the villages of Nuli and Avnevi", "four villages: Ambo, Kedi and Lusa",
# "counties such as Leavenworth and Shawnee" (the plural says every name of the list is one)
_LISTED_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_LIST_REACH = 100
_APPOSED_LAST_WORDS = frozenset(
    "town city village hamlet township suburb slum settlement district province island port called named as".split())
_TYPE_LIST_BEFORE = re.compile(
    r"\b(?:towns|cities|villages|hamlets|suburbs|districts|provinces|governorates|regions|counties|camps|"
    r"neighbou?rhoods|communities|municipalities|townships|islands)\s*(?::|\s+of|,?\s+(?:such\s+as|including))\s+"
    rf"(?:the\s+)?(?:{_LISTED_NAME}\s*,\s+)*(?:{_LISTED_NAME},?\s+(?:and|or)\s+)?$"
)
_AREA_AFTER = re.compile(
    r"^\s+(?:province|governorate|district|region|county|city|town|village|border|crossing|area|"
    r"countryside|outskirts)\b", re.IGNORECASE
)
# the same frame opening a sentence: "In Kherson, rescuers ...", "Near Pokrovsk, ..."
_SENTENCE_LOCATIVE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:In|Near|Outside|Inside|Around)\s+$")
# a verb whose object is a place taken, held or hit as a whole: "retook Kidal", "shelled Kharkiv"
_TAKEN_BEFORE = re.compile(
    r"\b(?:retook|recaptured|shelled|bombarded|besieged|overran|encircled|liberated|stormed)\s+$"
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+and\s+(?:the\s+)?$")
_PERSON_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Sgt|Capt|Lt|Sen|Rep|Gov|Pres|President|Minister|Sheikh|Imam|Judge|"
    r"Coach|Officer|Sheriff|Mayor|Chief|coach|officer|sheriff|mayor|chief|senator|governor|president|"
    r"judge|said|told|spokesman|spokeswoman|according\s+to)\.?\s+$"
)
TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Sgt|Capt|Lt|Sen|Rep|Gov|Coach|coach|Officer|Judge)\.?\s+$"
)
# an institution named after its town: "Grand Ledge Police", "Gainesville Chamber of Commerce"
INSTITUTION_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:City\s+|County\s+|Area\s+)?(?:Police|Fire|Sheriff|Chamber|Council|Commission|Court|"
    r"Schools?|School\s+District|Board|Library|Hospital|Public|Municipal|Township|Fair|Rotary|Airport|"
    r"Emergency|Regional|Community|Water|Housing|Parks?|Planning|Zoning|Transit|Memorial|High\s+School|"
    r"Volunteer|Prosecutor|Coroner|Clerk|Attorney|Commissioners?|Family\s+Court)\b"
)
# an office of a town or county after its name: "Avondale Mayor Ed Rieker", "Rock Hill City Manager", "Mabini
# Vice-Mayor" (tenth session on issue #14)
OFFICE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:City\s+|Town\s+|County\s+)?(?:(?:Vice|Deputy|Lord)[- ]?)?(?:Mayor|Manager|Administrator|"
    r"Superintendent|Council(?:wo)?man|Councillor|Councilmember|Alderman|Selectman|Supervisor)\b"
)
# "a Columbia woman", "Clinton couple faces ...": a town used as a resident's label
RESIDENT_AFTER = re.compile(
    r"^\s+(?:man|woman|men|women|girl|boy|couple|residents?|family|families|teens?|teenager|native|natives|"
    r"students?|mother|father|businessman|businesswoman|driver|motorist|homeowners?|officials?|police|Mayor|"
    # a home or a local service of the town: "their Grovetown home", "Torrington firefighters"
    r"home|homes|house|apartment|residence|neighbou?rhoods?|firefighters?|firemen|detectives)\b"
)
_SPEECH_AFTER = re.compile(r"^\s+(?:said|says|told|added|asked|wrote|explained|argued|stated)\b")
_PERSON_OF_BEFORE = re.compile(r"\b([A-Z][\w'’-]+)(?:,\s+\d{1,3},)?\s+of\s+$")
_OF_FROM_BEFORE = re.compile(r"\b(?:of|from)\s+(?:the\s+)?$")
_SENTENCE_END_BEFORE = re.compile(r"[.!?]\s+$")
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s+$")
_OF_BEFORE = re.compile(r"\bof (?:(?:the|[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:ern|east|west)? )*$")
_PARTY_BEFORE = re.compile(r",\s*[RDI]-$")
_INSIDE_BEFORE = re.compile(r"\b(?:in|near|outside)\s+$")
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
_APOSTROPHE_AFTER = re.compile(r"^['’]s?(?![\w'’])")
_AREA_AFTER_COMMA = re.compile(r"^\s*,\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
# the word that makes a name before it part of a street's name
_STREET_WORD_AFTER = re.compile(
    r"^\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Dr\.|Lane|Ln\.|Boulevard|Blvd\.|Way|Place|Pl\.|"
    r"Circle|Terrace|Parkway|Pkwy\.|Pike)(?![\w-])"
)
_DATELINE_AFTER = re.compile(
    r"^(?:\s*,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([^)]{1,20}\)\s*)?(?:—|–|--|-|:|\x97)"
)


class Frame:
    """The words around a candidate name."""

    def __init__(self, text: str, start: int, end: int, label: str, whole_run: bool, run_start: bool):
        self.before = text[max(0, start - 40):start]
        # a list may run further back to its type word ("four villages: Ambo, Kedi, Lusa and Mbomo")
        self.list_before = text[max(0, _list_start(text, start)):start]
        self.name = text[start:end]
        self.after = text[end:end + 80]
        self.label = label
        self.whole_run = whole_run
        self.run_start = run_start
        self.surname = False
        self.after_place = False
        self.listed_with_place = False
        self.family: set[str] = set()     # the family names of the text's people (``reading.family_names``)
        # a dateline opens a line, or follows the headline sentence when line breaks were lost
        self.line_start = start == 0 or text[max(0, start - 2):start].strip() == "" \
            or bool(_SENTENCE_END_BEFORE.search(self.before))
        self.name_upper = text[start:end].isupper()

    def dateline(self) -> bool:
        """'TORRINGTON — ...' or 'ATHENS, Ga. — ...' at the head of a paragraph."""
        # a byline's date may stand before it when line breaks were lost ("March 30, 2009 NEWARK —")
        return (self.line_start or bool(_YEAR_BEFORE.search(self.before))) and self.name_upper \
            and bool(_DATELINE_AFTER.match(self.after))

    def street_name(self) -> bool:
        """'Rye Court', 'DeKalb Ave.', 'Illinois Route 159': the name is part of a street's name."""
        return bool(_STREET_WORD_AFTER.match(self.after))

    def person_like(self) -> bool:
        """'Mr X', 'said X', 'X said'; but 'said Kanawha County Commission President ...' names a body's
        officer, and the name before the body's word is its place."""
        if _SPEECH_AFTER.match(self.after):
            # "officials in Hyderabad and Chennai said": the last of a list of places is no speaker; nor is a
            # name after "of"/"from" ("the 20-year-old from X said": the noun before the preposition speaks),
            # unless the text names a person so ("a statement from Smith said")
            return not (self.after_place and re.search(r"\s(?:and|or)\s+$", self.before)
                        or _OF_FROM_BEFORE.search(self.before) and not self.surname)
        return bool(_PERSON_BEFORE.search(self.before)) and not self.names_institution()

    def typed(self) -> bool:
        return bool(_TYPE_BEFORE.search(self.before) or _AREA_AFTER.match(self.after)
                    or _TYPE_LIST_BEFORE.search(self.list_before)
                    or self.whole_run and apposed_type(self.before, self.name, self.after))

    def listed_areas(self) -> bool:
        """'Walton and Oconee counties', 'Cooke, Grayson and Love counties'."""
        return bool(LISTED_AREA.match(self.after))

    def names_institution(self) -> bool:
        """'Keene Police', 'Avondale Mayor', 'Rock Hill City Manager': a local body or office of the name."""
        return bool(INSTITUTION_AFTER.match(self.after) or OFFICE_AFTER.match(self.after))

    def after_of(self) -> bool:
        return bool(_OF_BEFORE.search(self.before))

    def party_home(self) -> bool:
        return bool(_PARTY_BEFORE.search(self.before))

    def hometown(self) -> bool:
        """'said Jane Doe, of Wooster', 'Mr Wiles, from Cherry Hinton, said'; 'a Northbrook-based firm'."""
        return bool(re.search(r"[a-z]\.?,\s+(?:of|from)\s+$", self.before) or re.match(r"^-based\b", self.after))

    def person_home(self) -> bool:
        """'Mindy Miller of Ravenel', 'Jeremy Watson, 30, of Ten Mile': a person named in full, then 'of' and a
        name, is that person's home, as news introduces people; the word before 'of' (or before the age) must be
        the family name of one of the text's people ('Future Farmers of America' is no person)."""
        match = _PERSON_OF_BEFORE.search(self.before)
        return bool(match) and strict_key(match.group(1)) in self.family

    def run_ends_here(self) -> bool:
        """No capitalised word follows: 'of Aberdeen University' names the university, not a home."""
        return not re.match(r"\s*[A-Z]", self.after)

    def government_of(self) -> bool:
        """'the Punjab government', 'Sindh authorities': the name before its government's word."""
        return bool(re.match(r"^\s+(?:state\s+|provincial\s+)?(?:government|authorities)\b", self.after))

    def resident_label(self) -> bool:
        return bool(RESIDENT_AFTER.match(self.after))

    def coordinated(self) -> bool:
        """'... Maarat al-Numan and Khan Sheikhoun': listed right after an accepted place."""
        return self.after_place

    def inside(self) -> bool:
        """'a robbery in Newberry on Friday': 'in', 'near' or 'outside' right before, no possessive after."""
        return bool(_INSIDE_BEFORE.search(self.before)) and not _POSSESSIVE_AFTER.match(self.after)

    def locative(self) -> bool:
        """'in X', 'near the X', 'between X and Y'; not 'of X's attorney': a possessive makes the name the
        determiner of the noun after it, and the preposition governs that noun."""
        if _APOSTROPHE_AFTER.match(self.after):
            return False
        return bool(LOCATIVE_BEFORE.search(self.before) or _BETWEEN_BEFORE.search(self.before)
                    or _SENTENCE_LOCATIVE_BEFORE.search(self.before) or _TAKEN_BEFORE.search(self.before))

    def followed_by_area(self, gazetteer: Gazetteer) -> bool:
        match = _AREA_AFTER_COMMA.match(self.after)
        if not match:
            return False
        return any(c.precision in ("admin1", "country") for c in gazetteer.candidates(match.group(1)))


# the word of a body that a town's or district's name may be ("the city Department of Water", "the township Board")
_BODY_WORD = re.compile(
    r"\b(?:Department|Board|Office|Agency|Authority|Committee|Division|Bureau|Commission|Council|Police|Court|"
    r"Schools?|Library|Hospital)\b"
)


def _list_start(text: str, start: int) -> int:
    """Where a list before the name may begin: further back only after a comma or a joining word ("..., Kabinda and
    X"), so that the long window is searched for few names."""
    return start - (_LIST_REACH if text.endswith((", ", " and ", " or "), 0, start) else 40)


def apposed_type(before: str, name: str, after: str) -> bool:
    """'the village Dvani', 'a town called Lasby': a lower-case type word right before the name; not a body of
    the place ('the city Department of Water and Power', 'the city Police Department', 'the town Board')."""
    words = before[-24:].split()
    if not words or words[-1] not in _APPOSED_LAST_WORDS:
        return False    # a set lookup first: most names have no type word before them
    return bool(_APPOSED_TYPE_BEFORE.search(before)) and not (
        _BODY_WORD.search(name) or INSTITUTION_AFTER.match(after) or OFFICE_AFTER.match(after))


def typed_place(text: str, start: int, end: int) -> bool:
    """'the city of X', 'X region': a type word of a place before or after the name."""
    before = text[max(0, start - 40):start]
    return bool(_TYPE_BEFORE.search(before) or _AREA_AFTER.match(text[end:end + 40])
                or _TYPE_LIST_BEFORE.search(text, max(0, _list_start(text, start)), start)
                or apposed_type(before, text[start:end], text[end:end + 40]))


def lower_case_typed(text: str, start: int, end: int) -> bool:
    """typed_place with the type word in lower case ('the village of X', 'X district', 'the villages of Y and
    X'), not a capitalised word that may be part of an organisation's name ('City of X Recycling')."""
    before = text[max(0, start - 40):start]
    typed = _TYPE_BEFORE.search(before)
    after = _AREA_AFTER.match(text[end:end + 40])
    return bool(typed and typed.group(0)[0].islower() or after and after.group(0).lstrip()[0].islower()
                or _TYPE_LIST_BEFORE.search(text, max(0, _list_start(text, start)), start)
                or apposed_type(before, text[start:end], text[end:end + 40]))


def speech_after(text: str, end: int) -> bool:
    return bool(_SPEECH_AFTER.match(text[end:end + 20]))


def object_of_preposition(text: str, start: int) -> bool:
    """'a spokesman for the city of X said': the name after 'of'/'from' is not the subject of the verb after it."""
    return bool(_OF_FROM_BEFORE.search(text, max(0, start - 20), start))


def office_title(text: str, start: int, end: int) -> bool:
    """'Secretary of State John Kerry', 'Governor Hochul', 'Minister of Health': a title or office word standing
    before 'of' and an office or before a person's name is the title, not a town of that name."""
    return text[start:end].lower() in OFFICE_TITLES and bool(_AFTER_TITLE.match(text, end))


# the rest of a list after a name: ", Heath and Pataskala", " and Kidlington"
_LIST_GOES_ON = re.compile(r"(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)*,?\s+(?:and|or)\s+[A-Z]")


def listed_with(text: str, start: int, end: int, occupied: list[tuple[int, int]]) -> bool:
    """True when the name stands in a list beside an accepted place, joined by 'and' or 'or' ("Bicester
    and Kidlington") or by a comma inside a list that goes on ("Newark, Heath and Pataskala")."""
    for other_start, other_end in occupied:
        if other_end <= start:
            gap = text[other_end:start]
        elif end <= other_start:
            gap = text[end:other_start]
        else:
            continue
        if len(gap) > 6:
            continue
        if re.fullmatch(r",?\s+(?:and|or)\s+", gap):
            return True
        if re.fullmatch(r",\s+", gap) and _LIST_GOES_ON.match(text, max(end, other_end)):
            return True
    return False


def listed_after(text: str, start: int, occupied: list[tuple[int, int]]) -> bool:
    """True when the name follows an accepted place joined by 'and', 'or' or a comma."""
    for _, end in occupied:
        gap = text[end:start]
        if end <= start and len(gap) <= 6 and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s+", gap):
            return True
    return False
