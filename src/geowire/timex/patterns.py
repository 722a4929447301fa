"""Precompiled regular expressions for time expressions, one per rule.

Extents follow TimeML: prepositions and other signals ("on", "since", "in") stay
outside, determiners and modifiers ("the", "late", "about") come inside. Month and
weekday names are matched case-sensitively so the modal "may" and the verb "march"
never start a date.
"""

from __future__ import annotations

import re

from geowire.timex.lexicon import (
    DECADE_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    NOT_AFTER_MODAL,
    ORDINALS,
    TENS,
    UNIT_NUMBERS,
    WEEKDAY_NAMES,
)


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTH_FULL = rf"(?-i:{_alternation(MONTH_NAMES)}|{_alternation(n.upper() for n in MONTH_NAMES)})"
MONTH = rf"(?:{MONTH_FULL}|(?-i:{_alternation(MONTH_ABBREVIATIONS)})\.?)"
# a weekday is written in any case ("on tuesday" in an all-lower-case feed); a month name in lower case
# only after a preposition and before a day or a year ("on may 5", "in march 2003"): "may" and "march"
# alone, or "they march 20 km", are other words
WEEKDAY = (rf"(?-i:{_alternation(WEEKDAY_NAMES)}|{_alternation(n.upper() for n in WEEKDAY_NAMES)}|"
           rf"{_alternation(n.lower() for n in WEEKDAY_NAMES)})")
_DATE_PREPOSITIONS = ("on", "since", "from", "until", "till", "by", "before", "after", "in", "of", "and", "to")
MONTH_DATED = (rf"(?:{MONTH}|(?:{'|'.join(f'(?<={p} )' for p in _DATE_PREPOSITIONS)})"
               rf"(?-i:{_alternation(n.lower() for n in MONTH_NAMES)}))")
# datelines abbreviate the weekday ("Wed 20 Mar 2013"); alone, "Sun" or "Wed" are other words
WEEKDAY_BEFORE_DATE = rf"(?:{WEEKDAY}|(?-i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d)"
_UNIT_WORDS = _alternation(UNIT_NUMBERS)
_TENS_WORDS = _alternation(TENS)
NUMBER_WORD = (rf"(?:(?:{_TENS_WORDS})(?:[-\s](?:{_UNIT_WORDS}))?|{_UNIT_WORDS}|a\s+dozen|dozen|"
               rf"a\s+hundred|a\s+thousand)")
QUANTITY = (
    r"(?:a\s+couple\s+of|a\s+couple|couple\s+of|a\s+number\s+of|a\s+few|several|few|many|numerous|some|"
    r"half\s+an?|\d+\s+\d/\d|\d+(?:\.\d+)?|"
    rf"{NUMBER_WORD}(?:\s+(?:hundred|thousand))?(?:\s+and\s+a\s+half)?|an?)"
)
QUANTITY_RANGE = rf"{QUANTITY}(?:\s*(?:to|or|-|–)\s*{QUANTITY})?"
UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
        r"quarters?|years?|decades?|century|centuries|millenni(?:um|a))")
ORDINAL = _alternation(ORDINALS)
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
DECADE_WORD = _alternation(DECADE_WORDS)


# a year read out in a broadcast transcript: "nineteen ninety-seven"
SPOKEN_YEAR = (rf"nineteen[\s-]+(?:(?:{_TENS_WORDS})(?:[\s-](?:{_UNIT_WORDS}))?|ten|eleven|twelve|thirteen|"
               r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)")


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{pattern})(?!\w)", re.IGNORECASE)


# (name, pattern): the order breaks ties between equally long matches
RULES: list[tuple[str, re.Pattern[str]]] = [
    ("date_mdy", _rule(
        rf"(?:(?P<weekday>{WEEKDAY_BEFORE_DATE}),?\s+)?(?P<month>{MONTH_DATED})\s+(?P<day>{DAY})"
        rf"(?:,?\s+(?P<year>{YEAR}))?")),
    ("date_dmy", _rule(
        rf"(?:(?P<weekday>{WEEKDAY_BEFORE_DATE}),?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})"
        rf"(?:,?\s+(?P<year>{YEAR}))?")),
    ("date_iso", _rule(r"(?P<year>1[6-9]\d\d|20\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)")),
    ("date_slash", _rule(r"(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>\d{4}|\d{2})")),
    ("week_of", _rule(rf"the\s+week\s+of\s+(?P<month>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?")),
    ("month_year", _rule(rf"(?P<month>{MONTH_DATED})(?:\s+of)?,?\s+(?P<year>{YEAR}|'\d\d|{SPOKEN_YEAR})")),
    ("month_relative_year", _rule(rf"(?P<month>{MONTH_FULL})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year")),
    ("month", _rule(rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?P<month>{MONTH_FULL})")),
    ("weekday", _rule(
        rf"(?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past|the\s+previous|the\s+following|"
        rf"the\s+next|that)\s+)?(?P<weekday>{WEEKDAY})"
        rf"(?:\s+(?P<part>{PART_OF_DAY}))?")),
    ("clock", _rule(
        r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
        r"(?:\s+(?P<zone>[ECMP][SD]T|GMT|UTC))?"
        rf"(?:,?\s+(?P<weekday>{WEEKDAY})|\s+(?P<deixis>today|yesterday|tomorrow|tonight)|"
        rf",?\s+(?P<month>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?)?")),
    ("clock_part", _rule(
        r"(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?(?:\s+o'clock)?\s+in\s+the\s+"
        r"(?P<part>morning|afternoon|evening)")),
    ("clock24", _rule(r"(?P<hour>[01]?\d|2[0-3]):?(?P<minute>[0-5]\d)\s*(?P<zone>GMT|UTC|[ECMP][SD]T|local\s+time)")),
    ("noon", _rule(
        rf"(?P<word>noon|midnight|midday)(?:\s+(?P<weekday>{WEEKDAY})|\s+(?P<deixis>today|yesterday|tomorrow))?")),
    ("decade", _rule(r"(?:the\s+)?(?P<decade>(?:1[0-9]|20)\d0|'\d0)'?s")),
    ("decade_word", _rule(rf"the\s+(?:(?P<pos>early|mid|late)[\s-]+)?(?P<word>{DECADE_WORD})")),
    ("century", _rule(rf"(?:the\s+)?(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL})[\s-]+century")),
    ("quarter", _rule(
        rf"(?:the\s+)?(?:(?P<year>{YEAR})(?:'s)?\s+|fiscal\s+(?P<fiscal_year>{YEAR})(?:'s)?\s+|"
        r"(?P<year_rel>next|last|this)\s+year's\s+)?"
        r"(?P<rel>(?:(?:latest|last|current|previous|past|prior|next|coming|same|recent|most\s+recent|this|that|"
        r"comparable|corresponding|year-ago|year-earlier|year\s+ago|year\s+earlier|fiscal|just-ended|just\s+ended|"
        r"just-completed|final|fourth-period|calendar)[\s-]+){0,3})"
        rf"(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?"
        r"(?P<unit>quarter|period|half)"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year2>{YEAR})|(?P<year_rel2>this|last|next|the)\s+(?:fiscal\s+)?year)|"
        r"\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year))?")),
    ("two_quarters", _rule(
        rf"the\s+(?P<which>first|last|final|second)\s+two\s+quarters"
        rf"(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next)\s+year))?")),
    ("quarter_code", _rule(rf"(?P<code>[1-4])Q(?:\s*(?P<year>{YEAR}))?|Q(?P<code2>[1-4])(?:\s*(?P<year2>{YEAR}))?")),
    ("fiscal_year", _rule(rf"fiscal\s+(?:year\s+)?(?P<year>{YEAR}|'\d\d)|FY\s?(?P<short>{YEAR}|\d\d)|"
                          rf"(?:the\s+)?(?P<year2>{YEAR})\s+fiscal\s+year")),
    # "the first Sunday of April", "the last Friday in May"
    ("nth_weekday", _rule(
        rf"the\s+(?P<nth>first|second|third|fourth|last)\s+(?P<weekday>{WEEKDAY})\s+(?:of|in)\s+"
        rf"(?P<month>{MONTH_FULL})(?:,?\s+(?P<year>{YEAR}))?")),
    # "on the 17th": a day of the month the story is in
    ("ordinal_day", _rule(r"(?<=\bon\s)the\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
                          r"(?=\s*[,.;:)]|\s+(?:and|or|when|at|in|of\s+(?:this|last|next)\s+month)\b)")),
    ("season", _rule(
        r"(?:(?P<rel>this\s+past|this\s+coming|the\s+coming|the\s+past|last|next|this|the)\s+)?"
        rf"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<year>{YEAR}|{SPOKEN_YEAR}))?")),
    ("relative_unit", _rule(
        r"(?P<rel>this|last|next|past|previous|coming|current|the\s+coming|the\s+current|the\s+previous|"
        r"the\s+following|the\s+next|the\s+past|the\s+last|the\s+same|that|that\s+same|the\s+preceding|"
        r"the\s+prior)\s+(?P<unit>week|weekend|month|year|decade|century|day|morning|afternoon|evening|night)")),
    ("the_weekend", _rule(r"the\s+weekend")),
    # "the year ended Sept. 30": a twelve-month accounting period, closed by the date that follows
    ("period_ended", _rule(r"the\s+(?:(?:fiscal|full|calendar|financial)\s+)?year"
                           rf"(?=\s+(?:ended|ending)\b|\s+to\s+{MONTH_FULL}\b)")),
    ("whole_year", _rule(r"the\s+(?:(?P<rel>current|last|previous|next|coming)\s+|full\s+|whole\s+)?"
                         r"(?:fiscal|calendar)\s+year|the\s+full\s+year|this\s+fiscal\s+year")),
    ("edge_of_period", _rule(
        r"(?P<edge>earlier|later)\s+(?:in\s+the\s+(?P<the_unit>week|month|year|day)|"
        r"(?P<rel>this|last|next)\s+(?P<unit>week|month|year))|"
        r"(?P<edge2>early|late)\s+in\s+the\s+(?P<the_unit2>week|month|year)")),
    ("year_end", _rule(r"(?:the\s+)?year[\s-]end|year's\s+end")),
    ("deictic", _rule(
        r"(?:mid-?(?P<prepart>morning|afternoon)\s+)?"
        r"(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|"
        rf"tomorrow)(?:\s+(?P<part>{PART_OF_DAY}))?")),
    ("reference", _rule(
        r"(?P<word>right\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|recently|"
        r"lately|more\s+recently|the\s+past|the\s+distant\s+past|the\s+recent\s+past|the\s+future|"
        r"the\s+near\s+future|the\s+distant\s+future|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|"
        r"as\s+soon\s+as\s+possible|soon|current)")),
    ("ago", _rule(
        rf"(?P<quantity>{QUANTITY_RANGE})\s+(?P<unit>{UNIT})\s+"
        r"(?P<direction>ago|earlier|later|before(?=\s*[,.;:)]|\s*$)|after(?=\s*[,.;:)]|\s*$)|from\s+now|"
        r"hence|previously|since(?=\s*[,.;:)]))")),
    ("compound_ago", _rule(r"(?P<unit>year|month|week|day)-(?P<direction>earlier|ago)")),
    ("early_hours", _rule(
        r"the\s+(?:early|small|wee)\s+hours\s+of\s+"
        rf"(?P<target>(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?|(?:(?:last|next|this)\s+)?{WEEKDAY}|"
        r"today|yesterday|tomorrow)")),
    ("overnight", _rule(r"overnight")),
    ("day_around_date", _rule(
        r"the\s+(?P<unit>day|night)\s+(?P<direction>before|after)\s+"
        rf"(?P<target>(?:(?:last|next|this)\s+)?{WEEKDAY}|{MONTH}\s+{DAY}(?:,?\s+{YEAR})?)")),
    # "in the morning" of a day the story has just named
    ("part_of_day", _rule(r"(?<=\bin\s)the\s+(?P<part>morning|afternoon|evening)|"
                          r"mid-?\s?(?P<mid>morning|afternoon)")),
    ("day_around", _rule(r"the\s+(?P<unit>day|night|week|month|year)\s+(?P<direction>before|after)"
                         r"(?=\s*[,.;:)]|\s+\w+day)")),
    ("duration", _rule(
        r"(?:(?P<rel>the\s+(?:past|last|next|first|final|coming|previous|remaining|following|latest|"
        r"initial|same|entire|whole|full|ensuing|preceding|last\s+few|past\s+few|next\s+few|year-earlier|"
        r"year-ago|comparable)|"
        rf"past|{NOT_AFTER_MODAL}last|next|first|another|an\s+additional|a\s+full|the)\s+)?"
        rf"(?P<quantity>{QUANTITY_RANGE})(?:\s+(?:more|full|straight|consecutive|additional|long|"
        r"trading|business|working|calendar))?[\s-]+"
        rf"(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<suffix>-long)?")),
    ("bare_units", _rule(
        r"(?:(?P<rel>(?:the\s+)?(?:recent|coming|past|previous|following|ensuing|early|final|last|"
        r"next|first)|the(?=\s+\w+\s+ahead\b))\s+)?"
        r"(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)(?P<ahead>\s+ahead)?"
        r"(?P<suffix>-long)?")),
    ("set_every", _rule(
        rf"(?:every|each|per)\s+(?:(?P<quantity>other|{QUANTITY})\s+)?"
        rf"(?P<unit>{UNIT}|{WEEKDAY}|{PART_OF_DAY}|{MONTH_FULL})")),
    ("set_adverb", _rule(
        r"(?P<word>daily|weekly|bi-?weekly|monthly|bi-?monthly|quarterly|annually|yearly|hourly|"
        r"nightly|semi-?annually|twice-yearly|twice-weekly)(?!\s+(?:dividends?|payments?|reports?|payouts?|rates?))")),
    ("set_frequency", _rule(
        rf"(?P<frequency>once|twice|thrice|{QUANTITY}\s+times)\s+(?:a|an|per|each|every)\s+"
        rf"(?P<unit>{UNIT})")),
    # "on Tuesday nights", and "Monday" in "on Monday and Tuesday nights", which shares the plural
    ("set_weekdays", _rule(
        rf"(?P<weekday>{WEEKDAY})(?:s|\s+(?P<part>mornings|afternoons|evenings|nights))|"
        rf"(?P<first>{WEEKDAY})(?=,?\s+(?:and|or)\s+{WEEKDAY}(?:s\b|\s+(?P<shared>mornings|afternoons|evenings|nights)))")),
    ("holiday", _rule(
        r"(?P<name>(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|"
        r"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday|\s+week)?|Independence\s+Day|"
        r"Halloween|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day|Boxing\s+Day|Good\s+Friday|Election\s+Day))"
        rf"(?:,?\s+(?P<year>{YEAR}))?")),
    ("year", re.compile(rf"(?<![\w$#.,'/])(?<!\d-)(?P<year>{YEAR})(?![\w%]|,\d|\.\d|/)")),
    ("the_period", _rule(r"the\s+(?P<unit>year|month|week|day|decade|century)")),
    ("year_words", _rule(
        r"the\s+year\s+(?P<millennium>two\s+thousand)|"
        rf"(?P<spoken>{SPOKEN_YEAR})")),
]

# Every match of a rule holds one of the rule's key words ("<number>" = a token with a
# digit), so a rule only runs near its keys: most text is never scanned.
NUMBER_KEY = "<number>"
_MONTH_KEYS = frozenset(n.lower() for n in MONTH_NAMES + MONTH_ABBREVIATIONS)
_WEEKDAY_KEYS = frozenset(n.lower() for n in WEEKDAY_NAMES)
_UNIT_KEYS = frozenset(
    ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week", "weeks",
     "weekend", "weekends", "fortnight", "fortnights", "month", "months", "quarter", "quarters", "year", "years",
     "decade", "decades", "century", "centuries", "millennium", "millennia"])
_PART_KEYS = frozenset(["morning", "afternoon", "evening", "night", "overnight"])
RULE_KEYS: dict[str, frozenset[str]] = {
    "date_mdy": _MONTH_KEYS, "date_dmy": _MONTH_KEYS, "month_year": _MONTH_KEYS, "week_of": _MONTH_KEYS,
    "two_quarters": frozenset({"quarters"}),
    "month_relative_year": _MONTH_KEYS, "month": _MONTH_KEYS,
    "date_iso": frozenset({NUMBER_KEY}), "date_slash": frozenset({NUMBER_KEY}),
    "clock": frozenset({NUMBER_KEY}), "clock24": frozenset({NUMBER_KEY}), "clock_part": frozenset({NUMBER_KEY}),
    "quarter_code": frozenset({NUMBER_KEY}), "year": frozenset({NUMBER_KEY}),
    "nth_weekday": _WEEKDAY_KEYS, "ordinal_day": frozenset({NUMBER_KEY}),
    "decade": frozenset({NUMBER_KEY}), "fiscal_year": frozenset({NUMBER_KEY, "fiscal"}),
    "weekday": _WEEKDAY_KEYS, "set_weekdays": _WEEKDAY_KEYS | frozenset(w + "s" for w in _WEEKDAY_KEYS),
    "noon": frozenset({"noon", "midnight", "midday"}),
    "decade_word": frozenset(w.lower() for w in DECADE_WORDS),
    "century": frozenset({"century"}),
    "quarter": frozenset({"quarter", "period", "half"}),
    "season": frozenset({"spring", "summer", "fall", "autumn", "winter"}),
    "relative_unit": frozenset(["week", "weekend", "month", "year", "decade", "century", "day"]) | _PART_KEYS,
    "the_weekend": frozenset({"weekend"}),
    "period_ended": frozenset({"year"}),
    "whole_year": frozenset({"year"}),
    "edge_of_period": frozenset({"week", "month", "year", "day"}),
    "year_end": frozenset({"end"}),
    "deictic": frozenset({"today", "tonight", "yesterday", "tomorrow"}),
    "reference": frozenset([
        "now", "currently", "nowadays", "days", "present", "presently", "recently", "lately", "past", "future",
        "term", "possible", "soon", "current"
    ]),
    "ago": _UNIT_KEYS, "compound_ago": _UNIT_KEYS, "day_around": _UNIT_KEYS,
    "day_around_date": frozenset({"day", "night"}), "early_hours": frozenset({"hours"}),
    "overnight": frozenset({"overnight"}), "part_of_day": frozenset({"morning", "afternoon"}) | frozenset(
        {"evening", "midmorning", "midafternoon", "mid"}), "duration": _UNIT_KEYS,
    "bare_units": _UNIT_KEYS, "set_frequency": _UNIT_KEYS,
    "set_every": _UNIT_KEYS | _WEEKDAY_KEYS | _PART_KEYS | frozenset(n.lower() for n in MONTH_NAMES),
    "set_adverb": frozenset([
        "daily", "weekly", "biweekly", "bi", "monthly", "bimonthly", "quarterly", "annually", "yearly", "hourly",
        "nightly", "semiannually", "semi", "twice"
    ]),
    "holiday": frozenset([
        "christmas", "new", "thanksgiving", "easter", "independence", "halloween", "valentine", "labor", "memorial",
        "boxing", "good", "election"
    ]),
    "the_period": frozenset(["year", "month", "week", "day", "decade", "century"]),
    "year_words": frozenset({"nineteen", "thousand"}),
}
KEY_REACH = 45

# words before a number that make it a name, not a year
NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:resolution|flight|route|room|article|section|chapter|page|pages|no|number|highway|"
    r"model|boeing|airbus|form|code|channel|station|apartment|suite|box|platform|gate|bus|train|"
    r"line|interstate|road|street|avenue|km|kilometers|miles|feet|meters)\s+)$", re.IGNORECASE)
# words before a number that usually make it a count ("about 2000", "rose to 1500 from ..."),
# unless the number closes the phrase or names an event ("by 1992.", "the 2000 Olympics")
COUNT_BEFORE = re.compile(
    r"(?:\b(?:about|around|some|nearly|almost|than|over|under|only|least|most|to|of\s+the|by|at)\s+)$",
    re.IGNORECASE)
YEAR_CLOSES_PHRASE = re.compile(
    r"^(?:\s*(?:[.,;:)!?'\"]|$)|\s+(?:and|or|when|as|after|before|in|to|through|until|because|it|he|she|they|"
    r"we|there|the)\b|\s+(?-i:[A-Z]))")
NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:%|percent|people|persons|men|women|children|troops|soldiers|police|policemen|officers|"
    r"workers|employees|jobs|students|units|shares|cars|vehicles|tons|tonnes|feet|foot|meters|metres|"
    r"miles|kilometers|kilometres|km|points|votes|barrels|homes|houses|acres|dollars|yen|marks|francs|"
    r"pounds|euros|rupees|gmt|utc|hours|hrs|local\s+time|refugees|delegates|members|deaths|dead|"
    r"casualties|residents|protesters|demonstrators|prisoners|civilians|of\s+(?:the|them|whom|which)|"
    r"rounds|rockets|missiles|bombs|metres|yards)\b", re.IGNORECASE)

# modifiers that can open a date ("late 2017", "the end of the year", "mid-1990s")
POSITION_PREFIX = re.compile(
    r"(?P<phrase>\b(?:the\s+(?!the\b))?(?:very\s+)?(?:early|earlier|late|later|mid|middle|the\s+middle\s+of|"
    r"end\s+of|the\s+end\s+of|the\s+close\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+dawn\s+of|"
    r"the\s+latter\s+part\s+of|the\s+early\s+part\s+of|the\s+first\s+part\s+of|the\s+last\s+part\s+of|"
    r"beginning\s+of|start\s+of|the\s+turn\s+of))(?:\s+|-)$", re.IGNORECASE)
POSITION_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START", "dawn": "START",
    "early part": "START", "first part": "START",
    "mid": "MID", "middle": "MID",
    "late": "END", "later": "END", "end": "END", "close": "END", "latter part": "END",
    "last part": "END", "turn": "END",
}
# modifiers of quantity ("about two years", "more than a decade", "at least 30 days")
QUANTITY_PREFIX = re.compile(
    r"(?P<phrase>\b(?:about|around|approximately|roughly|some|nearly|almost|close\s+to|"
    r"more\s+than|over|longer\s+than|upwards\s+of|well\s+over|just\s+over|less\s+than|under|"
    r"just\s+under|fewer\s+than|at\s+least|no\s+less\s+than|at\s+most|no\s+more\s+than|up\s+to))\s+$",
    re.IGNORECASE)
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "close to": "APPROX",
    "nearly": "EQUAL_OR_LESS", "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "just under": "LESS_THAN", "fewer than": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN", "upwards of": "MORE_THAN",
    "well over": "MORE_THAN", "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
}
# TimeBank leaves these outside the extent while keeping their meaning in `mod`
OUTSIDE_EXTENT_MODS = frozenset({"about", "some", "approximately", "roughly"})
APPROX_SUFFIX = re.compile(r"^\s+or\s+so\b", re.IGNORECASE)
# quantity modifiers that may open a point in time ("around 7 p.m.", "about two years ago")
POINT_QUANTITY_MODS = frozenset({"about", "around", "approximately", "roughly", "nearly", "almost",
                                 "more than", "less than", "close to"})
