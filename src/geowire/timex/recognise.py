"""The time-expression stage: find TIMEX3 expressions in text and normalise them.

``extract_times(text, published)`` works on plain text; the pipeline component
fills ``doc.times`` and, when spaCy has parsed the document, asks the parse for the
tense of the governing verb. Candidates from every rule compete: the longest match
wins, then modifiers around it ("late", "the end of", "about", "or so") join it, and
the survivors are normalised in reading order so that narrative expressions
("the next day", "a year earlier") can lean on the last point the text mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from geowire.dates import span_of_value
from geowire.model import Document, TimeExpr
from geowire.registry import registry
from geowire.timex import calendar as cal
from geowire.timex import patterns as pat
from geowire.timex.normalise import READERS, Context, Reading

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

_AMBIGUOUS_MONTHS = frozenset({"may", "march", "august", "june", "april"})
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|through|from|to|of|last|next|this|early|late|mid|before|"
    r"after|between|and|or|on|throughout|end|beginning|middle|late|early|each|every|until)\s+|mid-)$", re.IGNORECASE)
_AFTER_MONTH = re.compile(r"^(?:'s|\s+(?:and|or|to|through)\s+(?-i:[A-Z])|\s*[-–]\s*(?-i:[A-Z]))")
# "a June agreement", "the March accession": a month qualifying a noun ("May" stays out:
# "the May government")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^\s+(?-i:[a-z]{3,})\b")
_SEASON_CONTEXT = re.compile(
    r"\b(?:in|during|by|until|till|since|through|before|after|over|throughout|early|late|mid|this|"
    r"last|next|each|every|of)\s+$", re.IGNORECASE)
_DURATION_CONTEXT = re.compile(
    r"\b(?:for|over|within|take|takes|took|taken|taking|lasted|lasting|last|spent|spend|spending|after|"
    r"in|during|than|about|nearly|almost|the\s+past|the\s+last)\s+$", re.IGNORECASE)
_CLOCK_CONTEXT = re.compile(
    r"\b(?:at|by|until|till|before|after|around|about|from|since|past|of|to|until|toward|towards)\s+$", re.IGNORECASE)
_MOMENT_CONTEXT = re.compile(r"\b(?:at|for)\s+$", re.IGNORECASE)
_SECOND_AS_ORDINAL = re.compile(r"^\s+(?![,.;:)]|and\b|or\b|later\b|ago\b|earlier\b|before\b|after\b|"
                                r"in\b|of\b|to\b)\w", re.IGNORECASE)
_OF_FOLLOWS = re.compile(r"^\s+of\b", re.IGNORECASE)
_OF_YEAR_FOLLOWS = re.compile(r"^\s+of\s+(?:\d{4}|the\s+year|this|last|next)", re.IGNORECASE)
_SENTENCE_FOLLOWS = re.compile(r"^(?:\s*$|\s+[A-Z\"'`]|\s*\n)")
_AGE_FOLLOWS = re.compile(r"^[\s-]old\b", re.IGNORECASE)
# "the quarter ended Sept. 30": the date closes a period and does not move the narrative
_PERIOD_END_BEFORE = re.compile(r"\b(?:ended|ending|end)\s+$", re.IGNORECASE)
_LOOKBACK = 40


@dataclass
class Candidate:
    start: int
    end: int
    rank: int
    rule: str
    match: re.Match


def extract_times(text: str, published: str | None, parsed: Any = None) -> list[TimeExpr]:
    """Every time expression in `text`, normalised against the publication date (YYYY-MM-DD)."""
    chosen = _select(_candidates(text))
    context = Context(text, cal.parse_dct(published), parsed)
    times = []
    for candidate in chosen:
        found = _read(candidate, context)
        if found is not None:
            times.append(found)
            times.extend(_coordinated_days(text, found))
    return times


# "April 24 and 25": the bare second day shares the first one's month and year
_COORDINATED_DAY = re.compile(r"\s*(?:and|or|to|through|-|–)\s*(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
                              r"(?=\s*[,.;:)]|\s*$|\s+(?:in|at|to|and|when|as|after|before|for|with)\b)")
_DAY_VALUE = re.compile(r"(?P<month>(?:\d{4}|XXXX)-\d\d)-\d\d")


def _coordinated_days(text: str, first: TimeExpr) -> list[TimeExpr]:
    if first.type != "DATE" or not first.value or not _DAY_VALUE.fullmatch(first.value):
        return []
    found = _COORDINATED_DAY.match(text, first.end)
    if found is None:
        return []
    value = f"{_DAY_VALUE.fullmatch(first.value)['month']}-{int(found['day']):02d}"
    # a year-less "Feb. 28 and 29" is checked against a leap year
    if span_of_value(value.replace("XXXX", "2000")) is None or value <= first.value:
        return []
    return [TimeExpr(found.start("day"), found.end(), text[found.start("day"):found.end()], "DATE", value,
                     None, first.anchored)]


def _candidates(text: str) -> list[Candidate]:
    found = []
    keys = _key_positions(text)
    for rank, (rule, pattern) in enumerate(pat.RULES):
        for lo, hi in _windows(text, keys, pat.RULE_KEYS[rule]):
            for match in pattern.finditer(text, lo, hi):
                if _acceptable(rule, match, text):
                    found.append(Candidate(match.start(), match.end(), rank, rule, match))
    return found


_WORD = re.compile(r"\w+")


def _key_positions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each (lower-cased) word occurs; words with a digit share one key."""
    positions: dict[str, list[tuple[int, int]]] = {}
    for word in _WORD.finditer(text):
        token = word.group().lower()
        key = token if token.isalpha() else pat.NUMBER_KEY
        positions.setdefault(key, []).append(word.span())
    return positions


def _windows(text: str, positions: dict[str, list[tuple[int, int]]], keys: frozenset[str]) -> list[tuple[int, int]]:
    """Merged stretches of text around a rule's key words, cut at whitespace."""
    spans = sorted(span for key in keys for span in positions.get(key, ()))
    windows: list[tuple[int, int]] = []
    reach = pat.KEY_REACH
    for start, end in spans:
        lo, hi = max(0, start - reach), min(len(text), end + reach)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return [_snap_to_spaces(text, lo, hi) for lo, hi in windows]


def _snap_to_spaces(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest matches first; equal lengths go to the earlier rule; no overlaps."""
    taken: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.rank, c.start)):
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


def _before(text: str, start: int) -> str:
    return text[max(0, start - _LOOKBACK):start]


def _after(text: str, end: int) -> str:
    return text[end:end + _LOOKBACK]


def _acceptable(rule: str, m: re.Match, text: str) -> bool:
    """Context checks that keep words like 'May', 'fall', '1500' and 'a second' out."""
    before, after = _before(text, m.start()), _after(text, m.end())
    check = _GUARDS.get(rule)
    return check(m, before, after) if check else True


def _month_ok(m: re.Match, before: str, after: str) -> bool:
    word = m["month"]
    if m.groupdict().get("rel"):
        return True
    if word.lower() not in _AMBIGUOUS_MONTHS:
        return not word.isupper() or _MONTH_CONTEXT.search(before) is not None
    return bool(_MONTH_CONTEXT.search(before) or _AFTER_MONTH.match(after) or (
        word.lower() != "may" and _DETERMINER_BEFORE.search(before) and _NOUN_AFTER.match(after)))


def _season_ok(m: re.Match, before: str, after: str) -> bool:
    if m["year"]:
        return True
    rel = (m["rel"] or "").lower()
    if rel in ("", "the") and _OF_FOLLOWS.match(after):
        return False
    if rel == "" and m["season"].lower() == "fall":
        return bool(re.search(r"\b(?:in|during|by|until|since|this|last|next|early|late)\s+$", before, re.IGNORECASE))
    return rel != "" or _SEASON_CONTEXT.search(before) is not None


def _quarter_ok(m: re.Match, before: str, after: str) -> bool:
    unit = m["unit"]
    has_year = bool(m["year"] or m["fiscal_year"] or m["year2"] or m["year_rel"] or m["year_rel2"])
    rel = (m["rel"] or "").lower()
    if unit.lower() == "half":
        if re.search(r"\b(?:last|latter|final)\b", rel) and has_year:
            return True
        return bool(m["ordinal"]) and (has_year or m.group(0).lower().startswith("the") or "-" in m.group(0))
    if unit.lower() == "period":
        return bool(re.search(r"latest|year|comparable|corresponding|same|fiscal|recent", rel)) or has_year and (
            bool(m["ordinal"]) or m.group(0).lower().startswith("the"))
    if unit[0].isupper() and not m["ordinal"] and not has_year:
        return False
    if not m["ordinal"] and _OF_FOLLOWS.match(after) and not has_year:
        return False
    return bool(m["ordinal"] or rel or has_year or m.group(0).lower().startswith("the"))


def _year_ok(m: re.Match, before: str, after: str) -> bool:
    if pat.NOT_YEAR_BEFORE.search(before) or pat.NOT_YEAR_AFTER.match(after):
        return False
    return not pat.COUNT_BEFORE.search(before) or bool(pat.YEAR_CLOSES_PHRASE.match(after))


def _duration_ok(m: re.Match, before: str, after: str) -> bool:
    unit = m["unit"].lower()
    quantity = m["quantity"].lower()
    if unit == "second" and quantity in ("a", "one") and _SECOND_AS_ORDINAL.match(after):
        return False
    if unit.startswith("quarter") and _OF_FOLLOWS.match(after):
        return False
    if _AGE_FOLLOWS.match(after):
        return False
    if quantity in ("some", "many", "few") and not m["rel"] and unit in ("day", "days"):
        return bool(_DURATION_CONTEXT.search(before))
    return True


# "hours later", "months ago": a vague distance ("the weeks before the vote" is a date, left alone)
_DISTANCE_AFTER = re.compile(r"^\s+(?:later|earlier|ago)\b", re.IGNORECASE)


def _bare_units_ok(m: re.Match, before: str, after: str) -> bool:
    if re.fullmatch(r"(?:the\s+)?early\s+hours", m.group(0), re.IGNORECASE):
        return False   # "in the early hours": a time of night, not a length
    return bool(m["rel"]) or bool(_DURATION_CONTEXT.search(before)) or bool(_DISTANCE_AFTER.match(after))


# "collapsed overnight", "Overnight, rebels ...": the adverb, not "overnight rates" or "an overnight stay"
_ADVERB_FOLLOWS = re.compile(r"^(?:\s*[,.;:)!?]|\s*$|\s+(?:in|on|at|near|and|as|after|before|when|while|to|from|"
                             r"into|across|along|around|by|with|amid|despite)\b)", re.IGNORECASE)


def _overnight_ok(m: re.Match, before: str, after: str) -> bool:
    return bool(_ADVERB_FOLLOWS.match(after))


# "for the year", "nine months of the year": in news and reports the year on its own is the
# current one; "the month", "the week" on their own are too often generic to date
_YEAR_ON_ITS_OWN = re.compile(r"\b(?:for|of|in|during|through|throughout)\s+$", re.IGNORECASE)
_YEAR_QUALIFIED_AFTER = re.compile(r"^(?:[-'’]|\s+(?:\d|of\s+\d|in\s+which|when|that|before|after|ago|earlier|"
                                   r"later|two\s+thousand))", re.IGNORECASE)


def _period_ok(m: re.Match, before: str, after: str) -> bool:
    if pat.POSITION_PREFIX.search(before) or re.search(r"\b(?:earlier|later)\s+in\s+$", before, re.IGNORECASE):
        return True
    return (m["unit"].lower() == "year" and bool(_YEAR_ON_ITS_OWN.search(before))
            and not _YEAR_QUALIFIED_AFTER.match(after))


_ADJECTIVE_USE = re.compile(r"^\s+(?!(?:in|at|on|for|to|and|or|by|from|with|since|until|during|over|through|"
                            r"than|as|because|but|while|when|if)\b)[a-z]+\b")


# everyday rhythms stay sets as adjectives ("daily rallies", "his weekly radio address"),
# unlike reporting periods ("a quarterly dividend", "annual sales") or averages
_EVERYDAY_SETS = frozenset({"daily", "nightly", "weekly", "hourly"})
_AVERAGE_BEFORE = re.compile(r"\b(?:average|avg\.?|mean|per)\s+$", re.IGNORECASE)


def _set_adverb_ok(m: re.Match, before: str, after: str) -> bool:
    """'paid quarterly' is a set of times; 'a quarterly dividend' just describes a payment."""
    if m["word"].lower() in _EVERYDAY_SETS:
        return not _AVERAGE_BEFORE.search(before)
    return not _ADJECTIVE_USE.match(after)


def _clock_word_ok(m: re.Match, before: str, after: str) -> bool:
    return bool(_CLOCK_CONTEXT.search(before))


# "current" dates what it qualifies ("current market conditions") unless it names a flow
# ("the current account", "electric current") or is a noun ("the current swept ...")
_CURRENT_ADJECTIVE = re.compile(
    r"^\s+(?!(?:accounts?|affairs|assets|liabilities|ratio|flows?|density|source|events|and|or|of|in|"
    r"was|is|were|are|has|had)\b)(?-i:[a-z])", re.IGNORECASE)
_NOT_TIME_CURRENT = re.compile(r"\b(?:electric|electrical|alternating|direct|ocean|strong|then)\s+$", re.IGNORECASE)
# "soon" points ahead, but not in "as soon as", "soon after", "how soon"
_SOON_BEFORE = re.compile(r"\b(?:as|how|too|so)\s+$", re.IGNORECASE)
_SOON_AFTER = re.compile(r"^\s*(?:after|afterwards?|thereafter|as|enough|than)\b", re.IGNORECASE)


# "the past three summers": a counted stretch, not the vague past
_COUNT_AFTER = re.compile(rf"^\s+(?:\d+|{pat.NUMBER_WORD}|few|several|couple)\b", re.IGNORECASE)


def _reference_ok(m: re.Match, before: str, after: str) -> bool:
    word = m["word"].lower()
    if word in ("the past", "the future") and _COUNT_AFTER.match(after):
        return False
    if word == "the moment":
        return bool(_MOMENT_CONTEXT.search(before))
    if word == "current":
        return bool(_CURRENT_ADJECTIVE.match(after)) and not _NOT_TIME_CURRENT.search(before)
    if word == "soon":
        return not _SOON_BEFORE.search(before) and not _SOON_AFTER.match(after)
    return True


_SHARED_PLURAL_WEEKDAY = re.compile(
    rf"^,?\s+(?:and|or)\s+{pat.WEEKDAY}(?:s\b|\s+(?:mornings|afternoons|evenings|nights)\b)", re.IGNORECASE)


def _weekday_ok(m: re.Match, before: str, after: str) -> bool:
    """'Monday' in 'on Monday and Tuesday nights' is one of a set of days, not a date."""
    return bool(m["part"]) or not _SHARED_PLURAL_WEEKDAY.match(after)


_GUARDS = {
    "weekday": _weekday_ok,
    "month": _month_ok, "season": _season_ok, "quarter": _quarter_ok, "year": _year_ok,
    "duration": _duration_ok, "bare_units": _bare_units_ok, "the_period": _period_ok,
    "noon": _clock_word_ok, "reference": _reference_ok, "set_adverb": _set_adverb_ok, "overnight": _overnight_ok,
}


def _read(candidate: Candidate, ctx: Context) -> TimeExpr | None:
    reading = READERS[candidate.rule](candidate.match, ctx)
    if reading is None:
        return None
    start, end = _trim_start(ctx.text, candidate), _trim_end(ctx.text, candidate)
    start, mod = _modifier_before(ctx.text, start, candidate, reading)
    if mod is None and pat.APPROX_SUFFIX.match(ctx.text[end:end + 10]):
        end += pat.APPROX_SUFFIX.match(ctx.text[end:end + 10]).end()
        mod = "APPROX"
    if reading.point is not None and not reading.comparison and not _closes_quarter(ctx, start):
        ctx.anchor, ctx.anchor_end = reading.point, end
        ctx.note_reported_period(reading.point, end)
    return TimeExpr(start, end, ctx.text[start:end], reading.type, reading.value,
                    reading.mod or mod, reading.anchored)


_ARTICLE_LONG = re.compile(r"an?\s+\w+-long", re.IGNORECASE)
_PRENOMINAL = re.compile(r"(?:the|that|this)\s+\S+-[a-z]+$", re.IGNORECASE)


def _closes_quarter(ctx: Context, start: int) -> bool:
    """'the quarter ended Sept. 30': the quarter, not its last day, stays the point of reference."""
    return bool(_PERIOD_END_BEFORE.search(_before(ctx.text, start))) and ctx.anchor is not None and (
        ctx.anchor.grain in ("quarter", "half") and start - ctx.anchor_end < _LOOKBACK)


def _trim_start(text: str, candidate: Candidate) -> int:
    """'the third-quarter loss', 'a decade-long war': the determiner belongs to the noun the expression modifies."""
    phrase = candidate.match.group(0)
    if candidate.rule in ("duration", "quarter") and (_PRENOMINAL.match(phrase) or _ARTICLE_LONG.fullmatch(phrase)):
        return candidate.start + len(re.match(r"\w+\s+", phrase).group(0))
    return candidate.start


def _trim_end(text: str, candidate: Candidate) -> int:
    """'at 6 a.m.' ending a sentence: the full stop belongs to the sentence."""
    end = candidate.end
    if candidate.rule == "clock" and text[end - 1] == "." and _SENTENCE_FOLLOWS.match(text[end:end + 3]):
        return end - 1
    return end


_PRENOMINAL_THE = re.compile(r"the\s+(?=(?:very\s+)?(?:early|late|mid)\b)", re.IGNORECASE)
_NOUN_FOLLOWS = re.compile(r"^\s+(?!(?:and|or|when|as|after|before|in|on|at|to|of|for|with|was|were|is|are|had|has|"
                           r"that|which|but|by|from|until|through)\b)(?-i:[a-z]{3,})\b")


def _modifier_before(text: str, start: int, candidate: Candidate, reading: Reading) -> tuple[int, str | None]:
    before = _before(text, start)
    if reading.type in ("DATE", "TIME") and reading.value and not reading.value.endswith("_REF"):
        found = pat.POSITION_PREFIX.search(before)
        if found and _position_applies(found["phrase"], candidate):
            phrase_start = found.start("phrase")
            the = _PRENOMINAL_THE.match(found["phrase"])
            if the and _NOUN_FOLLOWS.match(_after(text, candidate.end)):
                phrase_start += len(the.group(0))   # "the [mid-March] deadline"
            return start - (len(before) - phrase_start), _position_mod(found["phrase"])
    found = pat.QUANTITY_PREFIX.search(before)
    if found is None:
        return start, None
    phrase = re.sub(r"\s+", " ", found["phrase"].lower())
    if not _quantity_applies(phrase, candidate, reading):
        return start, None
    if phrase in pat.OUTSIDE_EXTENT_MODS:
        return start, pat.QUANTITY_MODS[phrase]
    return start - (len(before) - found.start("phrase")), pat.QUANTITY_MODS[phrase]


def _position_applies(phrase: str, candidate: Candidate) -> bool:
    if re.fullmatch(r"earlier|later", phrase.strip(), re.IGNORECASE):
        return candidate.rule in ("weekday", "deictic", "relative_unit")
    return True


def _position_mod(phrase: str) -> str:
    words = re.sub(r"^(?:the\s+)?(?:very\s+)?|\s+of$", "", phrase.lower().strip())
    words = re.sub(r"\s+", " ", words)
    return pat.POSITION_MODS.get(words, pat.POSITION_MODS.get(words.split()[0], "MID"))


def _quantity_applies(phrase: str, candidate: Candidate, reading: Reading) -> bool:
    if reading.type == "DURATION":
        opening = candidate.match.group(0).lower().split()[0]
        if phrase in ("over", "under") and opening not in ("a", "an"):
            return False
        return not (phrase == "some" and not re.match(r"[\d]|a\b|an\b|one|two|three|four|five|six|seven|eight|"
                                                      r"nine|ten|twenty|thirty|forty|fifty", opening))
    if reading.type in ("DATE", "TIME"):
        return phrase in pat.POINT_QUANTITY_MODS and candidate.rule in (
            "ago", "clock", "clock24", "noon", "year", "decade", "month_year", "date_mdy", "date_dmy", "year_end")
    return False


def times_in_span(times: Iterable[TimeExpr], start: int, end: int) -> list[TimeExpr]:
    """The time expressions lying inside the character span [start, end)."""
    return [t for t in times if start <= t.start and t.end <= end]


def time_for_span(times: Iterable[TimeExpr], start: int, end: int, near: int | None = None) -> TimeExpr | None:
    """The point in time a sentence (or clause) span speaks of: its resolved DATE/TIME nearest `near`.

    Durations, sets and vague references (PRESENT_REF ...) are skipped; None when
    the span holds no usable time expression.
    """
    usable = [t for t in times_in_span(times, start, end)
              if t.type in ("DATE", "TIME") and t.value and not t.value.endswith("_REF")]
    if not usable:
        return None
    focus = start if near is None else near
    return min(usable, key=lambda t: abs(t.start - focus))


class TimexRecogniser:
    def __init__(self, use_parse: bool, types: tuple[str, ...]):
        self.use_parse = use_parse
        self.types = types

    def __call__(self, doc: Document) -> Document:
        parsed = doc.parsed if self.use_parse else None
        times = extract_times(doc.text, doc.published, parsed)
        doc.times = [t for t in times if t.type in self.types]
        return doc


@registry.factory("timex", "rule_timex")
def make_rule_timex(use_parse: bool = True, types: str = "DATE,TIME,DURATION,SET") -> TimexRecogniser:
    """TIMEX3 recognition and normalisation by rules, relative to the publication date.

    use_parse: take the tense of the governing verb from the spaCy parse when there is one
    (otherwise from cue words in the sentence). types: comma-separated TIMEX3 types to keep.
    """
    wanted = tuple(t.strip().upper() for t in types.split(",") if t.strip())
    unknown = set(wanted) - set(TIMEX_TYPES)
    if unknown:
        raise ValueError(f"unknown TIMEX3 types {sorted(unknown)}; expected some of {TIMEX_TYPES}")
    return TimexRecogniser(use_parse, wanted)
