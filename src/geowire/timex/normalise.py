"""Turn a matched time expression into a TIMEX3 type, value and mod.

Each rule of :mod:`geowire.timex.patterns` has a reader here. Deictic expressions
("yesterday", "last week", "Friday") are resolved against the publication date;
narrative ones ("the next day", "two weeks later") against the last point in time
the text mentioned. Without a publication date a deictic expression gets no value
and ``anchored=False``; calendar expressions missing their year keep an ``X``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateutil.easter import easter

from geowire.timex import calendar as cal
from geowire.timex.calendar import Point
from geowire.timex.lexicon import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASON_START_MONTH,
    SEASONS,
    UNITS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
    number_value,
)
from geowire.timex.patterns import RULES, WEEKDAY
from geowire.timex.tense import is_future, tense_of

# how far back a quarter mention still governs "a year ago" (financial reports)
_QUARTER_ANCHOR_REACH = 400
# a month-and-day this close to the publication date is taken as the nearest one whatever the tense
_NEAR_DAYS = 90
# how far "the quarter" still means the quarter a results story named, past other dates
_REPORTED_PERIOD_REACH = 500


@dataclass
class Reading:
    type: str
    value: str | None
    mod: str | None = None
    point: Point | None = None
    anchored: bool = True
    comparison: bool = False        # "a year ago" in a results report: not a new narrative anchor


@dataclass
class Context:
    text: str
    dct: Point | None
    parsed: Any = None
    anchor: Point | None = None
    anchor_end: int = -1
    # where the last multi-month reporting period ("the first nine months") ended, and its length
    reporting_period_end: int = -1
    reporting_period_value: str | None = None
    # the last quarter (or half) of the publication year the story spoke of, and where
    reported_period: Point | None = None
    reported_period_end: int = -1

    def future(self, start: int, end: int) -> bool:
        return is_future(self.text, start, end, self.parsed)

    def tense(self, start: int, end: int) -> bool | None:
        """True future, False past, None unknown (looking across the whole sentence)."""
        return tense_of(self.text, start, end, self.parsed, sentence_wide=True)

    def clause_tense(self, start: int, end: int) -> bool | None:
        """True future, False past, None when the expression's own clause (or the parse) says nothing."""
        return tense_of(self.text, start, end, self.parsed)

    def reference(self) -> Point | None:
        return self.anchor or self.dct

    def note_reported_period(self, point: Point, end: int) -> None:
        """A closed quarter or half of the publication year: the period a results story is about."""
        if point.grain not in ("quarter", "half"):
            return
        months = 3 if point.grain == "quarter" else 6
        closed = self.dct is None or (point.year, point.index * months) < (self.dct.year, self.dct.month)
        if closed and (self.dct is None or point.year == self.dct.year):
            self.reported_period, self.reported_period_end = point, end

    def reported_period_near(self, position: int, grain: str) -> Point | None:
        period = self.reported_period
        if period is None or period.grain != grain or position - self.reported_period_end > _REPORTED_PERIOD_REACH:
            return None
        return period


RULE_PATTERNS = dict(RULES)
Reader = Callable[[re.Match, Context], "Reading | None"]


def _date(point: Point, mod: str | None = None) -> Reading:
    kind = "TIME" if point.grain in ("part", "minute") else "DATE"
    return Reading(kind, point.value(), mod, point)


def _unanchored(kind: str = "DATE", value: str | None = None, mod: str | None = None) -> Reading:
    return Reading(kind, value, mod, None, anchored=False)


def _key(word: str) -> str:
    return word.lower().rstrip(".")


def _unit_grain(word: str) -> str:
    word = word.lower()
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and word != "millennia":
        word = word[:-1]
    return UNITS.get(word, word)


def _year_from_text(token: str) -> int | None:
    if token.lower().startswith("nineteen"):
        rest = re.sub(r"^nineteen[\s-]+", "", token.lower())
        tail = 0 if rest == "hundred" else number_value(rest)
        return None if tail is None else 1900 + int(tail)
    if token.startswith("'"):
        short = int(token[1:])
        return 1900 + short if short > 30 else 2000 + short
    return int(token)


# --- calendar dates ------------------------------------------------------------------------

def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
        return True
    except ValueError:
        return False


def _nearest_year(ctx: Context, month: int, day: int, start: int, end: int) -> int | None:
    """The year that puts month/day nearest the publication date, as the tense suggests."""
    if ctx.dct is None:
        return None
    today = ctx.dct.date
    candidates = [y for y in (today.year - 1, today.year, today.year + 1) if _valid_day(y, month, day)]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda y: (abs((dt.date(y, month, day) - today).days), -y))
    if abs((dt.date(nearest, month, day) - today).days) <= _NEAR_DAYS:
        return nearest
    future = ctx.tense(start, end)
    if future is None:
        return nearest
    if future:
        later = [y for y in candidates if dt.date(y, month, day) >= today]
        return min(later) if later else today.year
    earlier = [y for y in candidates if dt.date(y, month, day) <= today]
    return max(earlier) if earlier else today.year


def read_month_day(m: re.Match, ctx: Context) -> Reading | None:
    month = MONTHS[_key(m["month"])]
    day = int(re.match(r"\d+", m["day"]).group())
    if m["year"]:
        year = int(m["year"])
        return _date(Point("day", year, month, day)) if _valid_day(year, month, day) else None
    year = _nearest_year(ctx, month, day, m.start(), m.end())
    if year is None:
        return _unanchored("DATE", f"XXXX-{month:02d}-{day:02d}")
    return _date(Point("day", year, month, day)) if _valid_day(year, month, day) else None


def read_week_of(m: re.Match, ctx: Context) -> Reading | None:
    """'the week of March 6': the week holding that day."""
    day = read_month_day(m, ctx)
    if day is None or day.point is None:
        return _unanchored("DATE")
    return _date(cal.from_date(day.point.date, "week"))


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def read_nth_weekday(m: re.Match, ctx: Context) -> Reading | None:
    """'the first Sunday of April': that weekday's n-th (or last) occurrence in the month."""
    month, weekday = MONTHS[_key(m["month"])], WEEKDAYS[m["weekday"].lower()]
    if m["year"]:
        year = int(m["year"])
    else:
        year = _nearest_year(ctx, month, 15, m.start(), m.end())
        if year is None:
            return _unanchored("DATE", f"XXXX-{month:02d}")
    nth = m["nth"].lower()
    if nth == "last":
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        day = following - dt.timedelta(days=(following.isoweekday() - weekday) % 7 or 7)
    else:
        day = _nth_weekday(year, month, weekday, _NTH[nth])
    return _date(cal.from_date(day)) if day.month == month else None


def read_ordinal_day(m: re.Match, ctx: Context) -> Reading | None:
    """'on the 17th': a day of the month the story last named, else of the publication month."""
    day = int(m["day"])
    base = ctx.anchor if ctx.anchor is not None and ctx.anchor.grain in ("month", "day", "part") else ctx.dct
    if base is None:
        return _unanchored("DATE")
    year, month = base.year, base.month
    if base is ctx.dct and day > base.day and not ctx.future(m.start(), m.end()):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return _date(Point("day", year, month, day)) if _valid_day(year, month, day) else None


def read_iso_date(m: re.Match, ctx: Context) -> Reading | None:
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    return _date(Point("day", year, month, day)) if _valid_day(year, month, day) else None


def read_slash_date(m: re.Match, ctx: Context) -> Reading | None:
    first, second, year = int(m["first"]), int(m["second"]), int(m["year"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    month, day = (first, second) if first <= 12 else (second, first)
    return _date(Point("day", year, month, day)) if _valid_day(year, month, day) else None


def read_month_year(m: re.Match, ctx: Context) -> Reading | None:
    year = _year_from_text(m["year"])
    return _date(Point("month", year, MONTHS[_key(m["month"])])) if year is not None else None


def read_month(m: re.Match, ctx: Context) -> Reading | None:
    month = MONTHS[_key(m["month"])]
    if ctx.dct is None:
        return _unanchored("DATE", f"XXXX-{month:02d}")
    today = ctx.dct.date
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if rel in ("last", "this past", "next", "this coming"):
        forward = rel in ("next", "this coming")
        year = today.year + (month <= today.month) if forward else today.year - (month >= today.month)
        if rel == "last" and today.month - month == 1:
            # had the month just ended been meant, "last month" would have been said ("last
            # December" in January is both, so it stays the one just ended)
            year -= 1
        return _date(Point("month", year, month))
    if rel == "this":
        return _date(Point("month", today.year, month))
    ahead, back = (month - today.month) % 12, (today.month - month) % 12
    forward = _month_forward(m, ctx, ahead, back)
    year = today.year + (month < today.month) if forward else today.year - (month > today.month)
    return _date(Point("month", year, month))


# "until January", "by February": an end point, ahead unless it is more than half a year away
_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|through|by)\s+$", re.IGNORECASE)


def _month_forward(m: re.Match, ctx: Context, ahead: int, back: int) -> bool:
    """Is a bare month name the coming one (else the last one)?

    A month near the publication date is the nearest one; a far one follows the tense
    of the sentence.
    """
    if back == 0:
        return False
    if _DEADLINE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return ahead <= 6 or ctx.tense(m.start(), m.end()) is True
    if min(ahead, back) <= 2:
        return ahead < back
    future = ctx.tense(m.start(), m.end())
    return ahead < back if future is None else future


def read_month_relative_year(m: re.Match, ctx: Context) -> Reading | None:
    month = MONTHS[_key(m["month"])]
    if ctx.dct is None:
        return _unanchored("DATE", f"XXXX-{month:02d}")
    return _date(Point("month", ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()], month))


def read_year(m: re.Match, ctx: Context) -> Reading | None:
    return _date(Point("year", int(m["year"])))


def read_year_words(m: re.Match, ctx: Context) -> Reading | None:
    if m["millennium"]:
        return _date(Point("year", 2000))
    year = _year_from_text(m["spoken"])
    return _date(Point("year", year)) if year is not None else None


def read_fiscal_year(m: re.Match, ctx: Context) -> Reading | None:
    token = m["year"] or m["short"] or m["year2"]
    year = _year_from_text(token if len(token) == 4 or token.startswith("'") else "'" + token)
    return _date(Point("year", year))


def read_decade(m: re.Match, ctx: Context) -> Reading | None:
    token = m["decade"]
    if token.startswith("'"):
        year = 1900 + int(token[1:])
        if ctx.dct is not None and year + 100 <= ctx.dct.year + 5:
            year += 100
    else:
        year = int(token)
    return _date(Point("decade", year))


def read_decade_word(m: re.Match, ctx: Context) -> Reading | None:
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["pos"] or "").lower())
    return _date(Point("decade", 1900 + 10 * DECADE_WORDS[m["word"].lower()]), mod)


def read_century(m: re.Match, ctx: Context) -> Reading | None:
    token = m["ordinal"].lower()
    number = ORDINALS.get(token) or int(re.match(r"\d+", token).group())
    return _date(Point("century", 100 * (number - 1))) if 1 <= number <= 21 else None


def read_holiday(m: re.Match, ctx: Context) -> Reading | None:
    name = re.sub(r"\s+", " ", m["name"])
    year = int(m["year"]) if m["year"] else None
    if year is None:
        guess = _holiday_date(name, ctx.dct.year if ctx.dct else 2000)
        year = _nearest_year(ctx, guess.month, guess.day, m.start(), m.end())
        if year is None:
            return _unanchored("DATE", None)
    day = _holiday_date(name, year)
    grain = "week" if name.endswith("week") else "day"
    return _date(cal.from_date(day, grain))


_FIXED_HOLIDAYS = {
    "Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24), "New Year's": (1, 1),
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Independence Day": (7, 4),
    "Halloween": (10, 31), "Valentine's Day": (2, 14), "Boxing Day": (12, 26),
}


def _holiday_date(name: str, year: int) -> dt.date:
    if name in _FIXED_HOLIDAYS:
        return dt.date(year, *_FIXED_HOLIDAYS[name])
    if name.startswith("Thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)
    if name == "Election Day":   # US: the Tuesday after the first Monday of November
        return _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if name == "Labor Day":
        return _nth_weekday(year, 9, 1, 1)
    if name == "Memorial Day":
        return _nth_weekday(year, 6, 1, 1) - dt.timedelta(days=7)
    offsets = {"Good Friday": -2, "Easter Monday": 1}
    return easter(year) + dt.timedelta(days=offsets.get(name, 0))


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


# --- days, weeks and clock times relative to the publication date ----------------------------

def _weekday_date(today: dt.date, weekday: int, rel: str, future: bool) -> dt.date:
    back = (today.isoweekday() - weekday) % 7
    ahead = (weekday - today.isoweekday()) % 7
    if rel in ("last", "this past", "past"):
        return today - dt.timedelta(days=back or 7)
    if rel == "next":
        return today + dt.timedelta(days=ahead or 7)
    if rel in ("this coming", "coming"):
        return today + dt.timedelta(days=ahead)
    return today + dt.timedelta(days=ahead) if future else today - dt.timedelta(days=back)


def _with_part(day: dt.date, part: str | None) -> Point:
    if part:
        return Point("part", day.year, day.month, day.day, label=PARTS_OF_DAY[part.lower()])
    return cal.from_date(day)


# "postponed until Tuesday", "has until 9 a.m. Tuesday": a new deadline lies ahead of the report
_DEADLINE_SET_BEFORE = re.compile(
    r"\b(?:postpon\w*|extend\w*|delay\w*|defer\w*|put\s+off|give|gives|given|gave|has|have)\b"
    r"[^.;:]{0,60}?\b(?:until|till)\s+$", re.IGNORECASE)


def _weekday_ahead(m: re.Match, ctx: Context) -> bool:
    if _DEADLINE_SET_BEFORE.search(ctx.text, max(0, m.start() - 80), m.start()):
        return True
    tense = ctx.tense(m.start(), m.end())
    # "schools stay closed until Monday": an end point ahead unless the clause is past
    if _UNTIL_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return ctx.clause_tense(m.start(), m.end()) is not False
    return tense is True


_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)

_NARRATIVE_WEEKDAY = {"the previous": "last", "the following": "next", "the next": "next", "that": ""}


def read_weekday(m: re.Match, ctx: Context) -> Reading | None:
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    base = ctx.dct
    if rel in _NARRATIVE_WEEKDAY:
        base, rel = ctx.reference(), _NARRATIVE_WEEKDAY[rel]
        base = base if base is not None and base.grain in ("day", "part", "minute") else ctx.dct
    if base is None:
        return _unanchored("TIME" if m["part"] else "DATE")
    day = _weekday_date(base.date, WEEKDAYS[m["weekday"].lower()], rel, _weekday_ahead(m, ctx))
    return _date(_with_part(day, m["part"]))


_DEICTIC_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                    "the day before yesterday": -2, "the day after tomorrow": 2}


def read_deictic(m: re.Match, ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    part = m["part"] or m["prepart"] or ("night" if word == "tonight" else None)
    if ctx.dct is None:
        return _unanchored("TIME" if part else "DATE")
    day = ctx.dct.date + dt.timedelta(days=_DEICTIC_OFFSETS[word])
    return _date(_with_part(day, part))


_DAY_FOLLOWS = re.compile(rf"\s+on\s+(?P<weekday>{WEEKDAY})\b")


def _clock_day(m: re.Match, ctx: Context) -> dt.date | None:
    if m.groupdict().get("weekday"):
        if ctx.dct is None:
            return None
        return _weekday_date(ctx.dct.date, WEEKDAYS[m["weekday"].lower()], "", _weekday_ahead(m, ctx))
    if m.groupdict().get("month"):
        month, day = MONTHS[_key(m["month"])], int(re.match(r"\d+", m["day"]).group())
        year = int(m["year"]) if m["year"] else _nearest_year(ctx, month, day, m.start(), m.end())
        return dt.date(year, month, day) if year is not None and _valid_day(year, month, day) else None
    if m.groupdict().get("deixis"):
        if ctx.dct is None:
            return None
        return ctx.dct.date + dt.timedelta(days=_DEICTIC_OFFSETS[m["deixis"].lower()])
    following = _DAY_FOLLOWS.match(ctx.text, m.end())
    if following is not None and ctx.dct is not None:   # "at midnight on Sunday"
        return _weekday_date(ctx.dct.date, WEEKDAYS[following["weekday"].lower()], "", _weekday_ahead(m, ctx))
    if ctx.anchor is not None and ctx.anchor.grain in ("day", "part", "minute"):
        return ctx.anchor.date
    return ctx.dct.date if ctx.dct else None


def _clock_reading(hour: int, minute: int, m: re.Match, ctx: Context) -> Reading:
    day = _clock_day(m, ctx)
    if day is None:
        return _unanchored("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}")
    return _date(Point("minute", day.year, day.month, day.day, hour=hour, minute=minute))


def read_clock(m: re.Match, ctx: Context) -> Reading | None:
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    if m["ampm"].lower().startswith("p") and hour < 12:
        hour += 12
    elif m["ampm"].lower().startswith("a") and hour == 12:
        hour = 0
    return _clock_reading(hour, minute, m, ctx)


def read_clock_part(m: re.Match, ctx: Context) -> Reading | None:
    """'4 in the morning', '9 in the evening'."""
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    if m["part"].lower() == "morning":
        hour = 0 if hour == 12 else hour
    elif hour < 12:
        hour += 12
    return _clock_reading(hour, minute, m, ctx)


def read_clock24(m: re.Match, ctx: Context) -> Reading | None:
    return _clock_reading(int(m["hour"]), int(m["minute"]), m, ctx)


def read_noon(m: re.Match, ctx: Context) -> Reading | None:
    # TimeML writes midnight as the end of its day: "midnight Friday" is Friday T24:00
    hour = 12 if m["word"].lower() in ("noon", "midday") else 24
    return _clock_reading(hour, 0, m, ctx)


# --- this/last/next units, narrative anchors, "N units ago" -----------------------------------

_GRAIN_OF_UNIT = {"day": "day", "week": "week", "weekend": "weekend", "month": "month",
                  "year": "year", "decade": "decade", "century": "century", "quarter": "quarter"}
_DURATION_PREPOSITION = re.compile(r"\b(?:over|during|for|in|within|throughout|across)\s+$", re.IGNORECASE)


def _point_for_unit(base: Point, unit: str, offset: int) -> Point | None:
    if unit in PARTS_OF_DAY:
        if base.grain not in ("day", "part", "minute"):
            return None
        day = base.date + dt.timedelta(days=offset)
        return Point("part", day.year, day.month, day.day, label=PARTS_OF_DAY[unit])
    grain = _GRAIN_OF_UNIT[unit]
    if not cal.finer_or_equal(base.grain, grain) and grain not in ("week", "weekend"):
        return None
    if grain in ("week", "weekend") and base.grain not in ("day", "part", "minute", "week", "weekend"):
        return None
    shift_unit = "week" if grain == "weekend" else grain
    return cal.coarsen(cal.shift(base, offset, shift_unit), grain)


def read_relative_unit(m: re.Match, ctx: Context) -> Reading | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    if rel in ("the past", "the last") or (
            rel == "the next" and _DURATION_PREPOSITION.search(ctx.text, max(0, m.start() - 12), m.start())):
        return Reading("DURATION", duration_value(1, unit))
    narrative = rel in ("the following", "the next", "the previous", "the preceding", "the prior",
                        "the same", "that", "that same")
    base = ctx.reference() if narrative else ctx.dct
    if base is None:
        return _unanchored("TIME" if unit in PARTS_OF_DAY else "DATE")
    if (rel, unit) == ("last", "year") and _quarter_anchor_near(m, ctx) and _COMPARED_BEFORE.search(
            ctx.text, max(0, m.start() - 80), m.start()):
        point = cal.shift(ctx.anchor, -1, "year")
        return Reading(_date(point).type, point.value(), None, point, comparison=True)
    offset = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "the preceding": -1,
              "the prior": -1, "next": 1, "coming": 1, "the coming": 1, "the following": 1,
              "the next": 1}.get(rel, 0)
    if unit == "night" and rel == "last":
        offset = -1
    point = _point_for_unit(base, unit, offset)
    if point is None:
        same = offset == 0 and narrative
        return _unanchored("DATE", _within(base, unit) if same else None)
    return _date(point)


def _within(base: Point, unit: str) -> str | None:
    """'that same day' after 'in October 1998': a day of that month, written 1998-10-XX."""
    if unit == "day" and base.grain == "month":
        return f"{base.year:04d}-{base.month:02d}-XX"
    if unit == "day" and base.grain == "year":
        return f"{base.year:04d}-XX-XX"
    if unit == "month" and base.grain == "year":
        return f"{base.year:04d}-XX"
    return None


def read_day_around(m: re.Match, ctx: Context) -> Reading | None:
    base = ctx.reference()
    if base is None:
        return _unanchored("DATE")
    point = _point_for_unit(base, m["unit"].lower(), -1 if m["direction"].lower() == "before" else 1)
    return _date(point) if point else _unanchored("DATE")


def _named_day(m: re.Match, ctx: Context) -> Point | None:
    """The day that the `target` group of a match names ('last Tuesday', 'March 3', 'yesterday')."""
    for rule in ("date_mdy", "weekday", "deictic"):
        inner = RULE_PATTERNS[rule].fullmatch(ctx.text, m.start("target"), m.end("target"))
        if inner is not None:
            target = READERS[rule](inner, ctx)
            return target.point if target is not None and target.point and target.point.grain == "day" else None
    return None


def read_day_around_date(m: re.Match, ctx: Context) -> Reading | None:
    """'the day before last Tuesday': a day next to a named one."""
    day = _named_day(m, ctx)
    if day is None:
        return _unanchored("DATE")
    offset = -1 if m["direction"].lower() == "before" else 1
    return _date(cal.from_date(day.date + dt.timedelta(days=offset)))


def read_early_hours(m: re.Match, ctx: Context) -> Reading | None:
    """'the early hours of Sunday': the start of that day."""
    day = _named_day(m, ctx)
    return _date(day, "START") if day is not None else _unanchored("DATE", None, "START")


def read_overnight(m: re.Match, ctx: Context) -> Reading | None:
    """'overnight': the night before the report (or the day just named), the coming one in a plan."""
    anchor = ctx.anchor
    if anchor is not None and anchor.grain in ("day", "part") and m.start() - ctx.anchor_end < _PART_OF_DAY_REACH:
        night = anchor.date
    elif ctx.dct is not None:
        night = ctx.dct.date - dt.timedelta(days=0 if ctx.future(m.start(), m.end()) else 1)
    else:
        return _unanchored("TIME")
    return _date(Point("part", night.year, night.month, night.day, label="NI"))


# how near the day just named must be for "in the morning" to belong to it
_PART_OF_DAY_REACH = 300


def read_part_of_day(m: re.Match, ctx: Context) -> Reading | None:
    anchor = ctx.anchor
    recent_day = anchor is not None and anchor.grain in ("day", "part") and m.start() - ctx.anchor_end < (
        _PART_OF_DAY_REACH)
    base = anchor if recent_day else (ctx.dct if m["mid"] else None)
    if base is None:
        return None
    part = (m["part"] or m["mid"]).lower()
    return _date(Point("part", base.year, base.month, base.day, label=PARTS_OF_DAY[part]))


def read_edge_of_period(m: re.Match, ctx: Context) -> Reading | None:
    mod = "START" if (m["edge"] or m["edge2"]).lower() in ("earlier", "early") else "END"
    if m["the_unit"] or m["the_unit2"]:
        base, unit, offset = ctx.dct, (m["the_unit"] or m["the_unit2"]).lower(), 0
    else:
        base, unit = ctx.dct, m["unit"].lower()
        offset = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    if base is None:
        return _unanchored("DATE", None, mod)
    point = _point_for_unit(base, unit, offset)
    return _date(point, mod) if point else _unanchored("DATE", None, mod)


def read_the_period(m: re.Match, ctx: Context) -> Reading | None:
    """'the year' only stands for a date after a position modifier ('the end of the year')."""
    base = ctx.dct
    if base is None:
        return _unanchored("DATE")
    point = _point_for_unit(base, m["unit"].lower(), 0)
    return _date(point) if point else _unanchored("DATE")


def read_the_weekend(m: re.Match, ctx: Context) -> Reading | None:
    """'the weekend': the one just past in a report, the coming one in a plan."""
    if ctx.dct is None:
        return _unanchored("DATE")
    today = ctx.dct.date
    in_weekend = today.isoweekday() >= 6
    offset = 0 if in_weekend else (1 if ctx.future(m.start(), m.end()) else -1)
    return _date(cal.coarsen(cal.shift(ctx.dct, offset, "week"), "weekend"))


def read_period_ended(m: re.Match, ctx: Context) -> Reading | None:
    """'the year ended Sept. 30' spans twelve months; the closing date is its own expression."""
    return Reading("DURATION", "P1Y")


def read_whole_year(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.dct is None:
        return _unanchored("DATE")
    offset = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get((m["rel"] or "").lower(), 0)
    return _date(Point("year", ctx.dct.year + offset))


def read_year_end(m: re.Match, ctx: Context) -> Reading | None:
    base = ctx.dct
    return _date(Point("year", base.year), "END") if base else _unanchored("DATE", None, "END")


def read_ago(m: re.Match, ctx: Context) -> Reading | None:
    direction = m["direction"].lower()
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    amount = _count(m["quantity"])
    unit = _unit_grain(m["unit"])
    from_now = direction in ("ago", "from now", "hence")
    if amount is None or amount != int(amount):
        if from_now:
            return Reading("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF")
        # "a few days later": no date can be named, but the distance can
        return Reading("DURATION", duration_value(amount, m["unit"]))
    return _shifted(m, ctx, sign * int(amount), unit, from_now)


def read_compound_ago(m: re.Match, ctx: Context) -> Reading | None:
    """'year-earlier', 'year-ago' as adjectives: one unit before the period reported on."""
    return _shifted(m, ctx, -1, m["unit"].lower(), True, comparison=True)


# "compared with a year earlier", "up from a year ago": a comparison with the period
# reported on, not a step along the story
_COMPARISON_BEFORE = re.compile(r"\b(?:compared\s+with|compared\s+to|from|than|versus|vs\.|against|over)\s+$",
                                re.IGNORECASE)


# "compared with a loss of $3 million last year": the same period of the year before
_COMPARED_BEFORE = re.compile(r"\bcompared\s+(?:with|to)\b[^.;:]{0,60}$", re.IGNORECASE)


def _shifted(m: re.Match, ctx: Context, amount: int, unit: str, from_now: bool,
             comparison: bool = False) -> Reading:
    comparison = (comparison or bool(_COMPARISON_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()))
                  or ctx.reporting_period_end > ctx.anchor_end)
    quarter_base = unit == "year" and _quarter_anchor_near(m, ctx)
    reference = ctx.dct if from_now or comparison else ctx.reference()
    base = ctx.anchor if quarter_base else reference
    if base is None:
        return _unanchored("DATE")
    point = cal.shift(base, amount, unit)
    if base is ctx.dct:
        point = cal.coarsen(point, _coarse_grain(unit))
    return Reading(_date(point).type, point.value(), None, point, comparison=comparison or bool(quarter_base))


def _quarter_anchor_near(m: re.Match, ctx: Context) -> bool:
    """Financial reports compare with 'a year ago' meaning the same quarter a year before."""
    anchor = ctx.anchor
    return anchor is not None and anchor.grain in ("quarter", "half") and (
        m.start() - ctx.anchor_end < _QUARTER_ANCHOR_REACH) and ctx.reporting_period_end < ctx.anchor_end


def _coarse_grain(unit: str) -> str:
    if unit in ("hour", "minute", "second"):
        return "day"
    if unit in ("decade", "century", "millennium"):
        return "year"
    return {"fortnight": "day", "weekend": "week"}.get(unit, unit)


# --- quarters, halves, seasons --------------------------------------------------------------

def read_quarter(m: re.Match, ctx: Context) -> Reading | None:
    unit = m["unit"].lower()
    rel = set(re.findall(r"[a-z]+(?:-[a-z]+)*", f"{m['rel'] or ''} {m['ago'] or ''}".lower()))
    number = ORDINALS.get((m["ordinal"] or "").lower())
    size = 2 if unit == "half" else 4
    year_ago = bool(rel & {"year-ago", "year-earlier", "ago", "earlier"}) or "last" in rel and bool(m["ago"])
    if unit == "period" and year_ago and _after_reporting_period(ctx) and not m["year"] and not m["year2"]:
        # "For the nine months, ... In the year-earlier period": the same stretch a year before
        return Reading("DURATION", ctx.reporting_period_value)
    point = _explicit_period_year(m, ctx, number, unit)
    if point is None:
        point = _implicit_period(m, ctx, number, unit, rel)
    if point is None:
        return _unanchored("DATE", None if number is None else f"XXXX-{'H' if size == 2 else 'Q'}{number}")
    if year_ago:
        return Reading("DATE", cal.shift(point, -1, "year").value(), comparison=True)
    return _date(point)


def _after_reporting_period(ctx: Context) -> bool:
    return ctx.reporting_period_value is not None and ctx.reporting_period_end > ctx.anchor_end


def _explicit_period_year(m: re.Match, ctx: Context, number: int | None, unit: str) -> Point | None:
    year_text = m["year"] or m["fiscal_year"] or m["year2"]
    year: int | None = int(year_text) if year_text else None
    relative = (m["year_rel"] or m["year_rel2"] or "").lower()
    if year is None and relative:
        base = ctx.reference() if relative == "the" else ctx.dct
        if base is None:
            return None
        year = base.year + {"next": 1, "last": -1}.get(relative, 0)
    if year is not None and unit == "period" and _after_reporting_period(ctx):
        return Point("year", year)   # "the 1988 period" after "the first nine months"
    if year is not None and number is None and ctx.anchor is not None and ctx.anchor.grain == (
            "half" if unit == "half" else "quarter"):
        number = ctx.anchor.index
    if year is not None and number is None and unit == "period":
        return Point("year", year)
    if year is not None and number is None:
        number = _period_number_from_context(m, ctx, unit)
    if year is None or number is None:
        return None
    return cal.make_half(year, number) if unit == "half" else cal.make_quarter(year, number)


def _period_number_from_context(m: re.Match, ctx: Context, unit: str) -> int | None:
    """'the last half of 1989' is H2; 'the 1988 quarter' is the quarter being reported,
    the last one completed before publication."""
    rel = set(re.findall(r"[a-z]+", (m["rel"] or "").lower()))
    if unit == "half":
        return 2 if rel & {"last", "latter", "final"} else None
    if ctx.dct is None:
        return None
    return cal.shift(cal.coarsen(ctx.dct, "quarter"), -1, "quarter").index


def _implicit_period(m: re.Match, ctx: Context, number: int | None, unit: str, rel: set[str]) -> Point | None:
    grain = "half" if unit == "half" else "quarter"
    anchor = ctx.anchor
    # a year-ago comparison looks back from a reported period, not from a forecast one
    forecast = anchor is not None and ctx.dct is not None and anchor.date > ctx.dct.date
    year_ago = bool(rel & {"year-ago", "year-earlier", "ago", "earlier"})
    if number is None and anchor is not None and anchor.grain == grain and not rel & {
            "next", "coming", "current", "latest", "most", "recent"} and not (year_ago and forecast):
        return anchor
    reported = ctx.reported_period_near(m.start(), grain)
    if number is None and reported is not None and not rel & {"next", "coming", "current"}:
        return reported
    if ctx.dct is None:
        return None
    current = cal.coarsen(ctx.dct, grain)
    if number is None:
        if rel & {"current", "this"}:
            return current
        if rel & {"next", "coming"}:
            return cal.shift(current, 1, "half" if grain == "half" else "quarter")
        return cal.shift(current, -1, "half" if grain == "half" else "quarter")
    if number <= current.index:
        return _make_period(grain, current.year, number)
    future = ctx.future(m.start(), m.end()) or bool(rel & {"next", "coming"})
    return _make_period(grain, current.year if future else current.year - 1, number)


def _make_period(grain: str, year: int, number: int) -> Point:
    return cal.make_half(year, number) if grain == "half" else cal.make_quarter(year, number)


def read_two_quarters(m: re.Match, ctx: Context) -> Reading | None:
    """'the first two quarters of 1990' is the first half."""
    number = 1 if m["which"].lower() == "first" else 2
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    else:
        return _unanchored("DATE", f"XXXX-H{number}")
    return _date(cal.make_half(year, number))


def read_quarter_code(m: re.Match, ctx: Context) -> Reading | None:
    number = int(m["code"] or m["code2"])
    year_text = m["year"] or m["year2"]
    if year_text:
        return _date(cal.make_quarter(int(year_text), number))
    if ctx.dct is None:
        return _unanchored("DATE", f"XXXX-Q{number}")
    current = cal.coarsen(ctx.dct, "quarter")
    year = current.year if number <= current.index or ctx.future(m.start(), m.end()) else current.year - 1
    return _date(cal.make_quarter(year, number))


def read_season(m: re.Match, ctx: Context) -> Reading | None:
    code = SEASONS[m["season"].lower()]
    start_month = SEASON_START_MONTH[code]
    if m["year"]:
        year = _year_from_text(m["year"])
        return _date(cal.make_season(year, code, start_month)) if year is not None else None
    if ctx.dct is None:
        return _unanchored("DATE", f"XXXX-{code}")
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    current = cal.season_of(ctx.dct.date)
    if rel == "this":
        in_winter = code == "WI" and ctx.dct.month < 3
        return _date(cal.make_season(ctx.dct.year - in_winter, code, start_month))
    occurrence = _season_occurrence(ctx.dct.date, code, start_month)
    ahead = rel in ("next", "the coming", "this coming") or (
        rel in ("", "the", "this") and ctx.future(m.start(), m.end()))
    # "will be released in the spring", said in late March: the spring under way
    under_way = rel in ("", "the") and current.label == code
    if ahead and not under_way:
        if occurrence <= ctx.dct.date:
            occurrence = dt.date(occurrence.year + 1, occurrence.month, 1)
    elif rel == "last" and current.label == code:
        occurrence = dt.date(occurrence.year - 1, occurrence.month, 1)
    year = occurrence.year
    return _date(cal.make_season(year, code, start_month))


def _season_occurrence(today: dt.date, code: str, start_month: int) -> dt.date:
    """Start of the latest season `code` that has begun by `today`."""
    start = dt.date(today.year, start_month, 1)
    return start if start <= today else dt.date(today.year - 1, start_month, 1)


# --- durations, references, sets ------------------------------------------------------------

_DURATION_CODES = {"second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
                   "week": ("", "W"), "weekend": ("", "WE"), "fortnight": ("", "W"), "month": ("", "M"),
                   "quarter": ("", "Q"), "year": ("", "Y"), "decade": ("", "DE"), "century": ("", "CE"),
                   "millennium": ("", "L")}
_SCALE = {"decade": ("year", 10), "century": ("year", 100), "fortnight": ("week", 2)}
_FRACTION_UNIT = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
                  "hour": ("minute", 60), "minute": ("second", 60), "quarter": ("month", 3)}


def _count(quantity: str) -> float | None:
    """The number a quantity names; None for vague ones ('several') and ranges ('two to three')."""
    words = re.sub(r"\s+", " ", quantity.lower().strip())
    if re.search(r"\b(?:to|or)\b|\d\s*[-–]\s*\d", words) or words in VAGUE_QUANTITIES:
        return None
    return number_value(words)


def duration_value(amount: float | None, unit: str) -> str:
    unit = _unit_grain(unit)
    if amount is not None and unit in _SCALE:
        unit, factor = _SCALE[unit]
        amount *= factor
    time_marker, code = _DURATION_CODES[unit]
    if amount is None:
        return f"P{time_marker}X{code}"
    if amount != int(amount) and unit in _FRACTION_UNIT:
        whole = int(amount)
        smaller, factor = _FRACTION_UNIT[unit]
        rest = round((amount - whole) * factor)
        small_marker, small_code = _DURATION_CODES[smaller]
        head = f"{whole}{code}" if whole else ""
        if time_marker:
            return f"PT{head}{rest}{small_code}"
        joiner = "T" if small_marker and not time_marker else ""
        return f"P{head}{joiner}{rest}{small_code}"
    return f"P{time_marker}{int(amount)}{code}"


_SET_CONTEXT = re.compile(r"(?:\$\s?[\d.,]+(?:\s+(?:million|billion|trillion))?|\b(?:cents?|dollars|percent|"
                          r"times|once|twice|%))\s*$", re.IGNORECASE)


# "will one day be": some day in the future, not a day's length
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|'ll)\s+$", re.IGNORECASE)


# "the first nine months", "the latest six months": a results period that now frames comparisons
_REPORTING_PERIOD = re.compile(r"the\s+(?:first\s+|latest\s+|past\s+|last\s+)?(?:six|nine|6|9)\s+months",
                               re.IGNORECASE)


def read_duration(m: re.Match, ctx: Context) -> Reading | None:
    if _REPORTING_PERIOD.fullmatch(m.group(0)):
        ctx.reporting_period_end = m.end()
        ctx.reporting_period_value = duration_value(_count(m["quantity"]), m["unit"])
    if re.fullmatch(r"one\s+day", m.group(0), re.IGNORECASE) and _MODAL_BEFORE.search(
            ctx.text, max(0, m.start() - 10), m.start()):
        return Reading("DATE", "FUTURE_REF")
    amount = _count(m["quantity"])
    if amount is not None and m["half"]:
        amount += 0.5
    value = duration_value(amount, m["unit"])
    if m["quantity"].lower() in ("a", "an") and _SET_CONTEXT.search(ctx.text, max(0, m.start() - 30), m.start()):
        return Reading("SET", duration_value(1, m["unit"]))
    return Reading("DURATION", value)


def read_bare_units(m: re.Match, ctx: Context) -> Reading | None:
    """'recent years' and 'coming months' point vaguely at the past or future; bare 'years' lasts."""
    rel = (m["rel"] or "").lower()
    if rel in ("recent", "past") and m["unit"].lower() in ("years", "decades", "centuries"):
        return Reading("DATE", "PAST_REF")
    return Reading("DURATION", duration_value(None, m["unit"]))


_REFERENCES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "the moment": "PRESENT_REF", "current": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "more recently": "PAST_REF", "the past": "PAST_REF",
    "the distant past": "PAST_REF", "the recent past": "PAST_REF",
}


# "was soon released", "soon became": a past clause, so "soon" is relative to that past
_PAST_BEFORE_SOON = re.compile(r"\b(?:was|were|had)\s+$", re.IGNORECASE)
_PAST_AFTER_SOON = re.compile(r"\s+(?:became|got|made|found|gave|went|came|began|fell|rose|took|left|"
                              r"[a-z]+ed)\b", re.IGNORECASE)


def read_reference(m: re.Match, ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word == "soon" and (_PAST_BEFORE_SOON.search(ctx.text, max(0, m.start() - 12), m.start())
                           or _PAST_AFTER_SOON.match(ctx.text, m.end())):
        return None
    return Reading("DATE", _REFERENCES.get(word, "FUTURE_REF"))


_ADVERB_SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "bi-weekly": "P2W",
                "monthly": "P1M", "bimonthly": "P2M", "bi-monthly": "P2M", "quarterly": "P3M",
                "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "semiannually": "P6M",
                "semi-annually": "P6M", "twice-yearly": "P1Y", "twice-weekly": "P1W"}


def read_set_adverb(m: re.Match, ctx: Context) -> Reading | None:
    return Reading("SET", _ADVERB_SETS[m["word"].lower()])


def read_set_every(m: re.Match, ctx: Context) -> Reading | None:
    word = m["unit"]
    key = word.lower()
    if key in WEEKDAYS:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[key]}")
    if key in PARTS_OF_DAY:
        return Reading("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[key]}")
    if key in MONTHS and word[0].isupper():
        return Reading("SET", f"XXXX-{MONTHS[key]:02d}")
    quantity = (m["quantity"] or "one").lower()
    amount = 2 if quantity == "other" else _count(quantity)
    return Reading("SET", duration_value(amount if amount is not None else None, word))


def read_set_frequency(m: re.Match, ctx: Context) -> Reading | None:
    return Reading("SET", duration_value(1, m["unit"]))


def read_set_weekdays(m: re.Match, ctx: Context) -> Reading | None:
    weekday, part_word = (m["weekday"], m["part"]) if m["weekday"] else (m["first"], m["shared"])
    part = PARTS_OF_DAY[part_word.lower().rstrip("s")] if part_word else ""
    return Reading("SET", f"XXXX-WXX-{WEEKDAYS[weekday.lower()]}" + (f"T{part}" if part else ""))


READERS: dict[str, Reader] = {
    "date_mdy": read_month_day, "date_dmy": read_month_day, "week_of": read_week_of,
    "two_quarters": read_two_quarters, "nth_weekday": read_nth_weekday, "ordinal_day": read_ordinal_day,
    "date_iso": read_iso_date,
    "date_slash": read_slash_date, "month_year": read_month_year, "month": read_month,
    "month_relative_year": read_month_relative_year, "compound_ago": read_compound_ago,
    "weekday": read_weekday, "clock": read_clock, "clock24": read_clock24, "clock_part": read_clock_part,
    "noon": read_noon,
    "decade": read_decade, "decade_word": read_decade_word, "century": read_century,
    "quarter": read_quarter, "quarter_code": read_quarter_code, "fiscal_year": read_fiscal_year,
    "season": read_season, "relative_unit": read_relative_unit, "edge_of_period": read_edge_of_period,
    "year_end": read_year_end, "deictic": read_deictic, "reference": read_reference, "ago": read_ago,
    "day_around": read_day_around, "day_around_date": read_day_around_date,
    "early_hours": read_early_hours, "overnight": read_overnight, "part_of_day": read_part_of_day,
    "duration": read_duration, "bare_units": read_bare_units,
    "set_every": read_set_every, "set_adverb": read_set_adverb, "set_frequency": read_set_frequency,
    "set_weekdays": read_set_weekdays, "holiday": read_holiday, "year": read_year,
    "year_words": read_year_words, "the_period": read_the_period, "the_weekend": read_the_weekend,
    "whole_year": read_whole_year, "period_ended": read_period_ended,
}
