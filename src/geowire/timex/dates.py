"""Calendar dates, months, years, decades, holidays, weekdays and "today"/"yesterday": points named
outright or counted from the publication date."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from geowire.timex import calendar as cal
from geowire.timex.calendar import Point
from geowire.timex.lexicon import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    WEEKDAYS,
)
from geowire.timex.reading import Context, Reading, name_key, reading_of, unanchored, year_from_text

# a month-and-day this close to the publication date is taken as the nearest one whatever the tense
_NEAR_DAYS = 90


def valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
        return True
    except ValueError:
        return False


def nearest_year(ctx: Context, month: int, day: int, start: int, end: int) -> int | None:
    """The year that puts month/day nearest the publication date, as the tense suggests."""
    if ctx.dct is None:
        return None
    today = ctx.dct.date
    candidates = [y for y in (today.year - 1, today.year, today.year + 1) if valid_day(y, month, day)]
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
    month = MONTHS[name_key(m["month"])]
    day = int(re.match(r"\d+", m["day"]).group())
    if m["year"]:
        year = int(m["year"])
        return reading_of(Point("day", year, month, day)) if valid_day(year, month, day) else None
    year = nearest_year(ctx, month, day, m.start(), m.end())
    if year is None:
        return unanchored("DATE", f"XXXX-{month:02d}-{day:02d}")
    return reading_of(Point("day", year, month, day)) if valid_day(year, month, day) else None


def read_week_of(m: re.Match, ctx: Context) -> Reading | None:
    """'the week of March 6': the week holding that day."""
    day = read_month_day(m, ctx)
    if day is None or day.point is None:
        return unanchored("DATE")
    return reading_of(cal.from_date(day.point.date, "week"))


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def read_nth_weekday(m: re.Match, ctx: Context) -> Reading | None:
    """'the first Sunday of April': that weekday's n-th (or last) occurrence in the month."""
    month, weekday = MONTHS[name_key(m["month"])], WEEKDAYS[m["weekday"].lower()]
    if m["year"]:
        year = int(m["year"])
    else:
        year = nearest_year(ctx, month, 15, m.start(), m.end())
        if year is None:
            return unanchored("DATE", f"XXXX-{month:02d}")
    nth = m["nth"].lower()
    if nth == "last":
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        day = following - dt.timedelta(days=(following.isoweekday() - weekday) % 7 or 7)
    else:
        day = _nth_weekday(year, month, weekday, _NTH[nth])
    return reading_of(cal.from_date(day)) if day.month == month else None


def read_ordinal_day(m: re.Match, ctx: Context) -> Reading | None:
    """'on the 17th': a day of the month the story last named, else of the publication month."""
    day = int(m["day"])
    base = ctx.anchor if ctx.anchor is not None and ctx.anchor.grain in ("month", "day", "part") else ctx.dct
    if base is None:
        return unanchored("DATE")
    year, month = base.year, base.month
    if base is ctx.dct and day > base.day and not ctx.future(m.start(), m.end()):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return reading_of(Point("day", year, month, day)) if valid_day(year, month, day) else None


def read_iso_date(m: re.Match, ctx: Context) -> Reading | None:
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    return reading_of(Point("day", year, month, day)) if valid_day(year, month, day) else None


def read_slash_date(m: re.Match, ctx: Context) -> Reading | None:
    first, second, year = int(m["first"]), int(m["second"]), int(m["year"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    month, day = (first, second) if first <= 12 else (second, first)
    return reading_of(Point("day", year, month, day)) if valid_day(year, month, day) else None


def read_month_year(m: re.Match, ctx: Context) -> Reading | None:
    year = year_from_text(m["year"])
    return reading_of(Point("month", year, MONTHS[name_key(m["month"])])) if year is not None else None


def read_month(m: re.Match, ctx: Context) -> Reading | None:
    month = MONTHS[name_key(m["month"])]
    if ctx.dct is None:
        return unanchored("DATE", f"XXXX-{month:02d}")
    today = ctx.dct.date
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if rel in ("last", "this past", "next", "this coming"):
        forward = rel in ("next", "this coming")
        year = today.year + (month <= today.month) if forward else today.year - (month >= today.month)
        if rel == "last" and today.month - month == 1:
            # had the month just ended been meant, "last month" would have been said ("last
            # December" in January is both, so it stays the one just ended)
            year -= 1
        return reading_of(Point("month", year, month))
    if rel == "this":
        return reading_of(Point("month", today.year, month))
    ahead, back = (month - today.month) % 12, (today.month - month) % 12
    forward = _month_forward(m, ctx, ahead, back)
    year = today.year + (month < today.month) if forward else today.year - (month > today.month)
    return reading_of(Point("month", year, month))


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
    month = MONTHS[name_key(m["month"])]
    if ctx.dct is None:
        return unanchored("DATE", f"XXXX-{month:02d}")
    return reading_of(Point("month", ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()], month))


def read_year(m: re.Match, ctx: Context) -> Reading | None:
    return reading_of(Point("year", int(m["year"])))


def read_year_words(m: re.Match, ctx: Context) -> Reading | None:
    if m["millennium"]:
        return reading_of(Point("year", 2000))
    year = year_from_text(m["spoken"])
    return reading_of(Point("year", year)) if year is not None else None


def read_decade(m: re.Match, ctx: Context) -> Reading | None:
    token = m["decade"]
    if token.startswith("'"):
        year = 1900 + int(token[1:])
        if ctx.dct is not None and year + 100 <= ctx.dct.year + 5:
            year += 100
    else:
        year = int(token)
    return reading_of(Point("decade", year))


def read_decade_word(m: re.Match, ctx: Context) -> Reading | None:
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["pos"] or "").lower())
    return reading_of(Point("decade", 1900 + 10 * DECADE_WORDS[m["word"].lower()]), mod)


def read_century(m: re.Match, ctx: Context) -> Reading | None:
    token = m["ordinal"].lower()
    number = ORDINALS.get(token) or int(re.match(r"\d+", token).group())
    return reading_of(Point("century", 100 * (number - 1))) if 1 <= number <= 21 else None


def read_holiday(m: re.Match, ctx: Context) -> Reading | None:
    name = re.sub(r"\s+", " ", m["name"])
    year = int(m["year"]) if m["year"] else None
    if year is None:
        guess = _holiday_date(name, ctx.dct.year if ctx.dct else 2000)
        year = nearest_year(ctx, guess.month, guess.day, m.start(), m.end())
        if year is None:
            return unanchored("DATE", None)
    day = _holiday_date(name, year)
    grain = "week" if name.endswith("week") else "day"
    return reading_of(cal.from_date(day, grain))


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


def weekday_date(today: dt.date, weekday: int, rel: str, future: bool) -> dt.date:
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


def weekday_ahead(m: re.Match, ctx: Context) -> bool:
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
        return unanchored("TIME" if m["part"] else "DATE")
    day = weekday_date(base.date, WEEKDAYS[m["weekday"].lower()], rel, weekday_ahead(m, ctx))
    return reading_of(_with_part(day, m["part"]))


DEICTIC_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                    "the day before yesterday": -2, "the day after tomorrow": 2}


def read_deictic(m: re.Match, ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    part = m["part"] or m["prepart"] or ("night" if word == "tonight" else None)
    if ctx.dct is None:
        return unanchored("TIME" if part else "DATE")
    day = ctx.dct.date + dt.timedelta(days=DEICTIC_OFFSETS[word])
    return reading_of(_with_part(day, part))
