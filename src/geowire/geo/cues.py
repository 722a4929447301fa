"""Textual cues around a toponym that constrain which place it is.

* admin hints — "Paris, Texas", "Athens, Ga.", "Hit in Anbar province", "Qaim, Iraq";
* type cues — "the town of X" (a settlement), "X province" (an area);
* country cues — "the Iraqi town of X";
* container cues — a name right after "Place, " ("Albany, New York") or after "upstate" names
  the area that holds a place, not a town.
Only the surface text is read, so the same cues work with gold spans and without a parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# a capitalised word, or initials written with full stops ("D.C.", "N.Y.")
_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’\-]*\.?)"
_NAME = rf"{_WORD}(?:[ \t]+(?:of[ \t]+)?{_WORD}){{0,3}}"
_AREA_WORDS = r"province|governorate|state|county|parish|region|district|oblast|prefecture|department|territory"
_SETTLEMENT_WORDS = (
    "town", "city", "village", "hamlet", "capital", "port", "suburb", "neighbourhood", "neighborhood",
    "township", "borough", "community", "settlement", "camp", "municipality", "outskirts",
)
_AREA_TYPES = ("province", "governorate", "state", "county", "parish", "region", "district", "oblast",
               "prefecture", "department", "territory", "country", "island", "nation", "republic", "kingdom")

_AFTER_COMMA = re.compile(rf"^\s*,\s*(?:in\s+)?(?:the\s+)?({_NAME})")
_AFTER_IN = re.compile(rf"^\s+(?:in|near|of|outside|inside)\s+(?:the\s+)?({_NAME})\s+({_AREA_WORDS})\b", re.IGNORECASE)
_AFTER_IN_PLAIN = re.compile(
    rf"^\s+(?:in|near|outside)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?({_NAME})"
)
_BEFORE_TYPE = re.compile(
    r"(?:\b([A-Z][a-z]+)\s+)?\b(" + "|".join(_SETTLEMENT_WORDS + _AREA_TYPES) + r")\s+of\s+$", re.IGNORECASE
)
_AFTER_TYPE = re.compile(rf"^\s+({_AREA_WORDS}|border|river|sea|mountains?|valley|desert|lake)\b", re.IGNORECASE)
# "Walton and Oconee counties", "Cooke, Grayson and Love counties": each name of the list is such an area
_AREA_PLURALS = r"counties|parishes|provinces|governorates|states|districts|regions|prefectures|oblasts"
LISTED_AREA = re.compile(
    rf"^(?:\s*,\s*{_NAME})*\s*,?\s+(?:and|or)\s+{_NAME}\s+(?:{_AREA_PLURALS})\b|^\s+(?:{_AREA_PLURALS})\b"
)
_AFTER_SETTLEMENT = re.compile(r"^\s+(city|town|village|township)\b")
# "Albany, New York": the mention follows a capitalised name and a comma, and no list goes on
_AFTER_PLACE_COMMA = re.compile(r"\b[A-Z][\w'’\-]*\.?,\s*$")
# the name before that comma, up to three more capitalised words ("Brazzaville, Congo", "Port Harcourt, Nigeria")
_HELD_NAME = re.compile(r"(?<![\w'’\-])([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}),\s*$")
_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?[A-Z]|and\s+[A-Z]|or\s+[A-Z])")
# the list's next name after a comma's name: "Washington, Pennsylvania and California"
_NEXT_IN_LIST = re.compile(rf"^\s*,?\s*(?:(?:and|or)\s+)?(?:the\s+)?({_NAME})")
# "Java's Mount Semeru": a name before a possessive holds the feature after it
_OWNER_BEFORE = re.compile(r"(?<![\w'’\-])([A-Z][\w\-]*\.?(?:[ \t]+[A-Z][\w\-]*\.?){0,2})['’]s[ \t]+$")
_BEFORE_STATE_WORD = re.compile(r"\b(?:upstate|downstate)\s+$", re.IGNORECASE)
# words after a name that read it as a town of local news ("Palestine police", "a Jordan man", "Lebanon High
# School", "Cuba city council"); and a list of people with their ages ("Jane Doe, 22, Palestine")
_LOCAL_AFTER = re.compile(
    r"^\s+(?:police|sheriff|fire(?:fighters| department)?|city council|town council|city hall|mayor|"
    r"high school|middle school|elementary|public schools?|school board|civic center|man|woman|boy|girl|"
    r"teen|resident|residents|native|couple|family)\b",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(r"[A-Z][a-z]+,\s*\d{1,3},\s*$")
_DIRECTION = re.compile(r"^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western)\w*$")
# words that end a containing name: joining words, and a date's month ("Washington, D.C. January 21")
_TRAILING_STOP = re.compile(
    r"(?:\s+(?:and|on|in|at|to|for|said|says|with|the|January|February|March|April|June|July|August|September|"
    r"October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.))+$"
)


_AREA_WORD_AFTER = re.compile(rf"^\s+(?:{_AREA_WORDS})\b")     # lower case: "Youngstown State University" is none


def area_word_after(text: str, end: int) -> bool:
    """'the Donetsk region', 'Idlib province', 'New York state': an area word right after the name."""
    return bool(_AREA_WORD_AFTER.match(text[end:end + 20]))


@dataclass(frozen=True)
class Cues:
    hints: tuple[str, ...] = ()          # names of containing areas ("Texas", "Anbar", "Ga.")
    adjective: str | None = None         # "Iraqi" in "the Iraqi town of X"
    wants_area: bool = False
    wants_settlement: bool = False
    container: bool = False              # "Albany, New York", "upstate New York": the area holding a place
    closing_hints: tuple[str, ...] = ()  # hints after which no list goes on ("Stroud, Ontario, Canada.")
    local: bool = False                  # a local-news frame: "Palestine police", "a Palestine man", "Doe, 22, X"
    held: str | None = None              # with ``container``: the place it holds ("Brazzaville, Congo")
    owner: str | None = None             # a name before a possessive ("Java's Mount Semeru"): maybe its place
    # a comma's name after which the list goes on, and the list's next name ("Washington, Pennsylvania and
    # California"): a containing area only if the mention is no peer of the two
    listed: tuple[str, str] | None = None


def cues_for(text: str, start: int, end: int) -> Cues:
    return _cues(text[max(0, start - 60):start], text[end:end + 80])


@lru_cache(maxsize=8192)
def _cues(before: str, after: str) -> Cues:
    """The cues read from the words before and after a mention (only these; a mention is read several times
    in one document: its group's cues, the named-area check, the enclosing place)."""
    hints, closing, listed = _hints(after)
    adjective, wants_area, wants_settlement = None, False, False
    if _may_end_in_of(before) and (typed := _BEFORE_TYPE.search(before)):
        adjective = typed.group(1)
        kind = typed.group(2).lower()
        wants_settlement = kind in _SETTLEMENT_WORDS
        wants_area = kind in _AREA_TYPES
    if _AFTER_TYPE.match(after) or LISTED_AREA.match(after):
        wants_area = True
    elif _AFTER_SETTLEMENT.match(after):
        wants_settlement = True
    container = bool(_BEFORE_STATE_WORD.search(before)
                     or (_AFTER_PLACE_COMMA.search(before) and not _LIST_GOES_ON.match(after)))
    held = _HELD_NAME.search(before) if container and not _BEFORE_STATE_WORD.search(before) else None
    owner = _OWNER_BEFORE.search(before) if _may_end_in_possessive(before) else None
    return Cues(hints=hints, adjective=adjective, wants_area=wants_area, wants_settlement=wants_settlement,
                container=container, closing_hints=closing, held=held.group(1) if held else None,
                owner=owner.group(1) if owner else None, listed=listed,
                local=bool(_LOCAL_AFTER.match(after) or _AGE_BEFORE.search(before)))


# Cheap tests of the last words a pattern anchored at the end needs, before the pattern is searched (``re`` tries a
# search at every position of the 60 characters): each is true of every text the pattern matches, so skipping the
# search when it is false changes nothing. _BEFORE_TYPE ends in whitespace, "of" in any case ("o" and "f" have no
# other case-insensitive forms), whitespace; ``rstrip()`` strips the characters ``\s`` matches.
def _may_end_in_of(before: str) -> bool:
    stripped = before.rstrip()
    return len(stripped) < len(before) and stripped[-2:].lower() == "of"


def _may_end_in_possessive(before: str) -> bool:
    """_OWNER_BEFORE ends in "'s" or "’s" and spaces or tabs, at the end or before a last newline (``$``)."""
    text = before[:-1] if before.endswith("\n") else before
    stripped = text.rstrip(" \t")
    return len(stripped) < len(text) and stripped.endswith(("'s", "’s"))


def _hints(after: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, str] | None]:
    """The containing-area names after a mention, those after a comma with no list going on
    ("Paris, Texas, said" but not "Paris, London, Berlin"), and a comma's name with the list's next name."""
    found, closing, listed = [], [], None
    for pattern in (_AFTER_COMMA, _AFTER_IN, _AFTER_IN_PLAIN):
        if match := pattern.match(after):
            hint = _TRAILING_STOP.sub("", match.group(1)).strip()
            found.append(hint)
            if sentence_end := re.search(r"[a-z]{2}\.\s", hint):
                # "Taji, Iraq. He said": the sentence ends after the containing name
                found.append(hint[:sentence_end.start() + 2])
            rest = after[match.start(1) + len(hint):]
            # a lone direction after a comma is a section or a part ("Kansas City, North"), no area
            if hint and pattern is _AFTER_COMMA and not _DIRECTION.match(hint):
                if not _LIST_GOES_ON.match(rest):
                    closing.append(hint)
                elif following := _NEXT_IN_LIST.match(rest):
                    listed = (hint, _TRAILING_STOP.sub("", following.group(1)).strip())
    return tuple(dict.fromkeys(h for h in found if h)), tuple(dict.fromkeys(closing)), listed
