"""Where a recognised name starts and ends: what is trimmed from a spaCy entity ("the", "'s", a
trailing function word or lower-case type word, a party letter, an institution's tail, a unit word
before "of"), what it runs on to ("Guinea-Bissau", "Jammu and Kashmir"), and the numbered roads that
are no places."""

from __future__ import annotations

import re
from functools import lru_cache

from geowire.geo.frames import INSTITUTION_AFTER
from geowire.geo.gazetteer import Gazetteer
from geowire.geo.mention import Mention
from geowire.geo.runs import STREET_END
from geowire.geo.sources import PRIMARY

_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
# "Rep. Jane Doe, D-Charleston": the party letter is not part of the place
PARTY_PREFIX = re.compile(r"^(?:[RDI]-|-)(?=[A-Z])")
_DOTTED_INSIDE = re.compile(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$|(?:^|\s)[A-Z][a-z]?\.[A-Z][a-z]{1,3}$")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
_LOWER_TYPE_TAIL = re.compile(
    r"(?<=\w)\s+(?:province|region|city|district|state|county|area|village|town|governorate|prefecture|"
    r"municipality|island|coast)$"
)
_UNIT_OF = re.compile(r"^(?:City|Town|Village|County|Province|State|Township|Borough)\s+of\s+(?:the\s+)?(?=[A-Z])")
# the offices and bodies of a town or county: "Fargo City Commissioner", "Harris County Clerk"
_OFFICE = (r"Commissioners?|Manager|Elections?|Jail|Sheriff|Sheriff['’]s|Police|Court|Courthouse|Council|"
           r"Council(?:wo)?man|Councilmember|Commission|Hall|Department|Office|Schools?|Board|Library|Hospital|"
           r"Regional|Common|Government|Administration|Clerk|Marshal|Attorney|District\s+(?:Court|Attorney)|"
           r"Circuit|Civic|Fire|Airport")
_OFFICE_AFTER = re.compile(rf"^\s+(?:{_OFFICE})\b")
_INSTITUTION_TAIL = re.compile(rf"\s+(?:City\s+(?=(?:{_OFFICE})\b))?(?:{_OFFICE})\b.*$")
# "Laurel County Adult Education", "Lamar County Victim Witness Coordinator": capitalised words after a
# county's name make one of the county's bodies
_COUNTY_BODY = re.compile(r"(?<=\sCounty)\s+[A-Z].*$")
_DIRECTION_HEAD = re.compile(
    r"^(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Northern|Southern|Eastern|Western|"
    r"Central|Upstate|Downstate|Coastal|Rural|Greater|Mid|Middle|Upper|Lower|North-?[Ee]astern|North-?[Ww]estern|"
    r"South-?[Ee]astern|South-?[Ww]estern)[\s-]+(?=[A-Z])"
)
_COMPASS = re.compile(r"^(?:North|South|East|West)[\s-]+(?=[A-Z])")
# one more piece of a name: '-Bissau', ' and Kashmir', ' of the Congo', ' do Sul', ' West'; and a piece after
# lower-case particles joined by hyphens: '-i-Sharif' (Mazar-i-Sharif), '-upon-Avon', '-sur-Mer', '-de-la-Frontera'
_NAME_CONTINUES = re.compile(r"(?:-(?:[a-z]{1,4}-){0,2}|\s+(?:(?:of|and|do|de|del|da|di)\s+(?:the\s+)?)?)[A-Z][\w'’]*")
# "Twp." after a name, or the period after a name that ends in "Twp"
_TOWNSHIP_AFTER = re.compile(r"(?<=Twp)\.|\s+Twp\.")
# the abbreviated first word of a name (Saint, Mount, Fort, Port)
_ABBREVIATED_HEAD = re.compile(r"St|ST|Ste|STE|Mt|MT|Ft|FT|Pt|PT")
_HEAD_BEFORE = re.compile(rf"(?<![\w.])(?:{_ABBREVIATED_HEAD.pattern})\.\s$")
# the capitalised word right before a name (not opening a sentence: "Police said Beida ...")
_WORD_BEFORE = re.compile(r"(?<=[a-z,] )[A-Z][\w'’-]+ $")
_DEMONYM_OPENS = re.compile(r" [A-Z][\w'’-]+")
# numbered roads: "County Road 43", "State Highway 360", "Interstate 64", "I-75"
_ROUTE = re.compile(
    r"\b(?:(?:County|State|U\.S\.|US|Farm)\s+)?(?:Road|Highway|Hwy\.|Route|Interstate)\s+\d{1,4}\b|\bI-\d{1,3}\b"
)


_TRAILING_WORD = re.compile(r"(?<=\w)\s+(?:and|or|near|in|at|on|of|to|from|the)$")
_ABBREVIATED_END = re.compile(r"(?:\b[A-Z]\.|\b[A-Z][a-z]{1,4}\.)$")


@lru_cache(maxsize=4096)
def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The name in ``text[start:end]``: without a leading article or party letter, trailing punctuation, possessive,
    function word or lower-case type word (cached: the label vote and the entity reading trim each entity)."""
    span = text[start:end]
    if match := _LEADING_ARTICLE.match(span):
        start += match.end()
    if match := PARTY_PREFIX.match(text[start:end]):
        start += match.end()
    if match := _SPACED_DASH.search(text[start:end]):
        end = start + match.start()     # "Lake Mary - Highway 9": two names run together
    while end > start and text[end - 1] in " .,;:'’\"-–—":     # "Twin Lakes -": a dash ends no name
        if text[end - 1] == "." and _looks_abbreviated(text[start:end]):
            break
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    if text[end:end + 1] == "." and _DOTTED_INSIDE.search(text[start:end]):
        end += 1        # "W.Va" + ".", "U.S" + ".": the parser left the abbreviation's last period out
    while match := _TRAILING_WORD.search(text[start:end]):
        # "Vivion Road and": a word of the sentence, not of the name; "the Democratic Republic of the" (the
        # parser stopped before "Congo") loses "of the", so that the name can run on to the known whole
        end = start + match.start()
    if match := _LOWER_TYPE_TAIL.search(text[start:end]):
        end = start + match.start()     # "Hebei province": the type word is not part of the name
    return start, end


def _looks_abbreviated(span: str) -> bool:
    return bool(_ABBREVIATED_END.search(span))


def extended(gazetteer: Gazetteer, text: str, mention: Mention) -> Mention:
    """The longest known name that runs on from a mention: spaCy often stops at a hyphen or a joining
    word ('Guinea' in 'Guinea-Bissau', 'Jammu' in 'Jammu and Kashmir', 'Democratic Republic' in
    'Democratic Republic of the Congo')."""
    if mention.way:
        return mention
    if township := _TOWNSHIP_AFTER.match(text, mention.end):
        # "West Chester Twp.", "St. Clair Twp" + ".": the abbreviated unit word is the township's name's own, as
        # "Township" is ("Readington Township"); the parser leaves its period out or stops before it
        return Mention(mention.start, township.end(), text[mention.start:township.end()])
    if mention.demonym:
        # "French Guiana", "American Samoa": a demonym that opens a known place's name is no adjective there
        whole = _DEMONYM_OPENS.match(text, mention.end)
        if whole and gazetteer.has_name(text[mention.start:whole.end()]):
            return Mention(mention.start, whole.end(), text[mention.start:whole.end()])
        return mention
    head = _HEAD_BEFORE.search(text, max(0, mention.start - 5), mention.start)
    if head and gazetteer.has_name(text[head.start():mention.end]):
        # "ST. PARIS —" where the parser found no entity: the matcher read "PARIS" after the full stop
        mention = Mention(head.start(), mention.end, text[head.start():mention.end])
    elif (word := _WORD_BEFORE.search(text, max(0, mention.start - 24), mention.start)) \
            and gazetteer.has_name(text[word.start():mention.end]):
        # "near Goz Beida", "Gun Barrel City": the parser started the name a word late
        mention = Mention(word.start(), mention.end, text[word.start():mention.end])
    ends, pos = [], mention.end
    if _ABBREVIATED_HEAD.fullmatch(mention.text) and text.startswith(".", pos):
        pos += 1    # "ST. PARIS —", "Mt. Vernon": the parser took the abbreviation alone for a place
    for match in _NAME_CONTINUES.finditer(text, pos, min(len(text), pos + 48)):
        if match.start() != pos or match.group().strip() == "City":
            break    # "Dublin City Council" names Dublin's council
        pos = match.end()
        ends.append(pos)
    if not ends:
        return mention
    gazetteer.prefetch_names(text[mention.start:end] for end in ends)     # asked at once
    best = max((end for end in ends if gazetteer.has_name(text[mention.start:end])), default=mention.end)
    if best == mention.end:
        return mention
    return Mention(mention.start, best, text[mention.start:best])


def without_routes(gazetteer: Gazetteer, text: str, mentions: list[Mention]) -> list[Mention]:
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
            head = text[mention.start:route[0]].rstrip(" -–—")
            if text.startswith("County ", route[0]) and gazetteer.candidates(head + " County"):
                head += " County"       # "Otter Tail County Road 80": the road is the county's
            if len(head) >= 3 and gazetteer.candidates(head):
                kept.append(Mention(mention.start, mention.start + len(head), head, mention.demonym))
    return kept


def drop_unit_word(gazetteer: Gazetteer, text: str, start: int, end: int) -> tuple[int, int]:
    """'City of Santa Ana' -> 'Santa Ana'; 'Dublin City' -> 'Dublin' before 'Council', 'Schools' ...: the
    unit's word is not part of the name, when the name alone is known."""
    name = text[start:end]
    if (match := _UNIT_OF.match(name)) and gazetteer.candidates(name[match.end():]) \
            and not gazetteer.has_name(name):    # "State of Mexico" is a name
        return start + match.end(), end
    after = text[end:end + 40]
    if name.endswith(" City") and (INSTITUTION_AFTER.match(after) or _OFFICE_AFTER.match(after)) \
            and gazetteer.candidates(name[:-5]) and not is_town_name(gazetteer, name):
        return start, end - 5
    return start, end


def is_town_name(gazetteer: Gazetteer, name: str) -> bool:
    """'Boulder City', 'Kansas City': a town's own name, so 'City' is no unit word there."""
    return any(c.precision == "city" and c.kind == PRIMARY and not c.loose for c in gazetteer.candidates(name))


def drop_institution(gazetteer: Gazetteer, text: str, start: int, end: int) -> tuple[int, int]:
    """'Henderson County Jail' -> 'Henderson County': the place inside an institution's name."""
    name = text[start:end]
    matches = [m for tail in (_INSTITUTION_TAIL, _COUNTY_BODY) if (m := tail.search(name))]
    if not matches or STREET_END.search(name) or gazetteer.candidates(name):
        return start, end
    for match in matches:
        head_end = start + match.start()
        if gazetteer.candidates(text[start:head_end]):
            return start, head_end
    return start, end


def without_direction(gazetteer: Gazetteer, name: str) -> str:
    """'Northeast Georgia' -> 'Georgia' when only the latter is a known name: the mention keeps the
    direction (both development sets write it into the span) and the resolver reads it as the area
    it is part of; whether it is a place is judged by the name after it."""
    match = _DIRECTION_HEAD.match(name)
    if not match or gazetteer.candidates(name):
        return name
    rest = name[match.end():]
    return rest if gazetteer.candidates(rest) else name


def drop_direction(gazetteer: Gazetteer, text: str, start: int, end: int) -> int:
    """'Northeast Georgia', 'Western Pennsylvania' -> the name after the adjective, when only that is
    known; a compass point compounded with a name ('North Dallas', 'West Africa') stays whole."""
    match = _DIRECTION_HEAD.match(text[start:end])
    if not match or _COMPASS.match(text[start:end]) or gazetteer.candidates(text[start:end]):
        return start
    return start + match.end() if gazetteer.candidates(text[start + match.end():end]) else start


def dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: dict[tuple[int, int], Mention] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if any(s < mention.end and mention.start < e for s, e in seen):
            continue
        seen[(mention.start, mention.end)] = mention
    return list(seen.values())
