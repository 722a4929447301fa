"""Clock times and parts of days: "10 p.m. Friday", "1430 GMT", "the early hours of Sunday", "overnight"."""

from __future__ import annotations

import datetime as dt
import re

from geowire.timex.calendar import Point
from geowire.timex.dates import (
    DEICTIC_OFFSETS,
    nearest_year,
    read_month_day,
    valid_day,
    weekday_ahead,
    weekday_date,
)
from geowire.timex.lexicon import (
    MONTHS,
    PARTS_OF_DAY,
    WEEKDAYS,
)
from geowire.timex.patterns import WEEKDAY
from geowire.timex.reading import Context, Reading, name_key, reading_of, unanchored
from geowire.timex.relative import RULE_PATTERNS, named_day

_DAY_FOLLOWS = re.compile(rf"\s+on\s+(?P<weekday>{WEEKDAY})\b")
_ON = re.compile(r"\s+on\s+")


def _clock_day(m: re.Match, ctx: Context) -> dt.date | None:
    if m.groupdict().get("weekday"):
        if ctx.dct is None:
            return None
        return weekday_date(ctx.dct.date, WEEKDAYS[m["weekday"].lower()], "", weekday_ahead(m, ctx))
    if m.groupdict().get("month"):
        month, day = MONTHS[name_key(m["month"])], int(re.match(r"\d+", m["day"]).group())
        year = int(m["year"]) if m["year"] else nearest_year(ctx, month, day, m.start(), m.end())
        return dt.date(year, month, day) if year is not None and valid_day(year, month, day) else None
    if m.groupdict().get("deixis"):
        if ctx.dct is None:
            return None
        return ctx.dct.date + dt.timedelta(days=DEICTIC_OFFSETS[m["deixis"].lower()])
    dated = _date_following(m, ctx)    # "1032 GMT on Wed 20 Mar 2013"
    if dated is not None:
        return dated
    following = _DAY_FOLLOWS.match(ctx.text, m.end())
    if following is not None and ctx.dct is not None:   # "at midnight on Sunday"
        return weekday_date(ctx.dct.date, WEEKDAYS[following["weekday"].lower()], "", weekday_ahead(m, ctx))
    if ctx.anchor is not None and ctx.anchor.grain in ("day", "part", "minute"):
        return ctx.anchor.date
    return ctx.dct.date if ctx.dct else None


def _date_following(m: re.Match, ctx: Context) -> dt.date | None:
    on = _ON.match(ctx.text, m.end())
    if on is None:
        return None
    for rule in ("date_mdy", "date_dmy"):
        inner = RULE_PATTERNS[rule].match(ctx.text, on.end())
        if inner is not None:
            reading = read_month_day(inner, ctx)
            return reading.point.date if reading is not None and reading.point is not None else None
    return None


def _clock_reading(hour: int, minute: int, m: re.Match, ctx: Context) -> Reading:
    day = _clock_day(m, ctx)
    if day is None:
        return unanchored("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}")
    return reading_of(Point("minute", day.year, day.month, day.day, hour=hour, minute=minute))


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


def read_early_hours(m: re.Match, ctx: Context) -> Reading | None:
    """'the early hours of Sunday': the start of that day."""
    day = named_day(m, ctx)
    return reading_of(day, "START") if day is not None else unanchored("DATE", None, "START")


def read_overnight(m: re.Match, ctx: Context) -> Reading | None:
    """'overnight': the night before the report (or the day just named), the coming one in a plan."""
    anchor = ctx.anchor
    if anchor is not None and anchor.grain in ("day", "part") and m.start() - ctx.anchor_end < _PART_OF_DAY_REACH:
        night = anchor.date
    elif ctx.dct is not None:
        night = ctx.dct.date - dt.timedelta(days=0 if ctx.future(m.start(), m.end()) else 1)
    else:
        return unanchored("TIME")
    return reading_of(Point("part", night.year, night.month, night.day, label="NI"))


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
    return reading_of(Point("part", base.year, base.month, base.day, label=PARTS_OF_DAY[part]))
