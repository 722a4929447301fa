"""Place names that are part of something else: a newspaper's or broadcaster's title ("China Daily",
"the New York Times", "Voice of America"), a day's name ("St. Patrick's Day"), a church, school or hospital
named after its saint ("St. Michael's Catholic School"), a disease or its agent ("Marburg virus", "Hong Kong
flu")."""

from __future__ import annotations

import re

from geowire.geo.frames import LOCATIVE_BEFORE
from geowire.geo.mention import Mention
from geowire.geo.normalise import strict_key

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


# the disease words alone: most texts have none, and then the slower pattern above need not scan them (an ASCII
# text is searched for the words' stems in lower case, which is faster still: "flu" is in "influenza")
_DISEASE_STEMS = ("virus", "flu", "fever", "disease", "syndrome", "encephalitis", "strain", "variant")
_DISEASE_WORD = re.compile(
    r"\b(?:virus|viruses|ebolavirus|flu|influenza|fever|disease|syndrome|encephalitis|strain|variant)\b", re.IGNORECASE)


def disease_names(text: str) -> set[str]:
    """Names written right before a disease word somewhere in the text."""
    names = set()
    if text.isascii():
        lowered = text.lower()
        if not any(stem in lowered for stem in _DISEASE_STEMS):
            return names
    elif not _DISEASE_WORD.search(text):
        return names
    for match in _DISEASE_AFTER.finditer(text):
        if name := _NAME_BEFORE.search(text[max(0, match.start() - 40):match.start()]):
            names.add(strict_key(name.group(1)))
    return names


def names_disease(text: str, mention: Mention, diseases: set[str]) -> bool:
    """'Marburg virus', and 'Marburg' alone in a text that calls it a virus, unless a locative frame
    makes it the place ('a case in Marburg')."""
    if _DISEASE_AFTER.match(text, mention.end):
        return True
    return strict_key(mention.text) in diseases and not LOCATIVE_BEFORE.search(
        text[max(0, mention.start - 30):mention.start])


def in_title(text: str, mention: Mention) -> bool:
    """The name is part of a newspaper's or broadcaster's title, or of a day's ('St. Patrick's Day')."""
    return bool(_MEDIA_AFTER.match(text[mention.end:mention.end + 40])
                or re.match(r"(?:['’]s)?\s+Day\b", text[mention.end:mention.end + 10])
                or mention.text.endswith((" Day", "'s Day", "’s Day"))
                or _MEDIA_BEFORE.search(text[max(0, mention.start - 20):mention.start]))


# "St. Mary's High School", "St. John's Health System", "St. Michael's pupils": a saint's name in the possessive before
# a church's, school's or hospital's word names the house called after the saint, not a town called after them
_SAINT = re.compile(r"(?:St\.?|Saint|Ste\.?)\s+[A-Z][\w-]*")
_SAINTS_HOUSE_AFTER = re.compile(
    r"['’]s\s+(?:(?:Roman|Catholic|Lutheran|Episcopal|Methodist|Baptist|Anglican|Orthodox|Presbyterian|United|"
    r"High|Elementary|Middle|Primary|Grammar|Parish|Regional|Medical|Children['’]s)\s+)*"
    r"(?:Church|Cathedral|Chapel|Abbey|School|Academy|College|Hospital|Health|Medical|Home|Parish|"
    r"church|cathedral|chapel|school|hospital|parish|students|pupils|parishioners|congregation)\b"
)


def saints_house(text: str, mention: Mention) -> bool:
    """'St. Michael's Catholic School', 'St. Mary's students': the saint's house, not a town of that name."""
    return bool(_SAINT.fullmatch(mention.text) and _SAINTS_HOUSE_AFTER.match(text, mention.end))
