"""This/last/next units, narrative anchors ("the next day", "that week") and distances ("two years
ago", "a day earlier", "the day before last Tuesday")."""

from __future__ import annotations

import datetime as dt
import re

from geowire.timex import calendar as cal
from geowire.timex.calendar import Point
from geowire.timex.dates import read_deictic, read_month_day, read_weekday
from geowire.timex.durations import count_of, duration_value
from geowire.timex.lexicon import (
    PARTS_OF_DAY,
)
from geowire.timex.patterns import RULES
from geowire.timex.periods import COMPARED_BEFORE, quarter_anchor_near
from geowire.timex.reading import Context, Reading, reading_of, unanchored, unit_grain

RULE_PATTERNS = dict(RULES)


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
        return unanchored("TIME" if unit in PARTS_OF_DAY else "DATE")
    if (rel, unit) == ("last", "year") and quarter_anchor_near(m, ctx) and COMPARED_BEFORE.search(
            ctx.text, max(0, m.start() - 80), m.start()):
        point = cal.shift(ctx.anchor, -1, "year")
        return Reading(reading_of(point).type, point.value(), None, point, comparison=True)
    offset = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "the preceding": -1,
              "the prior": -1, "next": 1, "coming": 1, "the coming": 1, "the following": 1,
              "the next": 1}.get(rel, 0)
    if unit == "night" and rel == "last":
        offset = -1
    point = _point_for_unit(base, unit, offset)
    if point is None:
        same = offset == 0 and narrative
        return unanchored("DATE", _within(base, unit) if same else None)
    return reading_of(point)


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
        return unanchored("DATE")
    point = _point_for_unit(base, m["unit"].lower(), -1 if m["direction"].lower() == "before" else 1)
    return reading_of(point) if point else unanchored("DATE")


_DAY_READERS = (("date_mdy", read_month_day), ("weekday", read_weekday), ("deictic", read_deictic))


def named_day(m: re.Match, ctx: Context) -> Point | None:
    """The day that the `target` group of a match names ('last Tuesday', 'March 3', 'yesterday')."""
    for rule, reader in _DAY_READERS:
        inner = RULE_PATTERNS[rule].fullmatch(ctx.text, m.start("target"), m.end("target"))
        if inner is not None:
            target = reader(inner, ctx)
            return target.point if target is not None and target.point and target.point.grain == "day" else None
    return None


def read_day_around_date(m: re.Match, ctx: Context) -> Reading | None:
    """'the day before last Tuesday': a day next to a named one."""
    day = named_day(m, ctx)
    if day is None:
        return unanchored("DATE")
    offset = -1 if m["direction"].lower() == "before" else 1
    return reading_of(cal.from_date(day.date + dt.timedelta(days=offset)))


def read_edge_of_period(m: re.Match, ctx: Context) -> Reading | None:
    mod = "START" if (m["edge"] or m["edge2"]).lower() in ("earlier", "early") else "END"
    if m["the_unit"] or m["the_unit2"]:
        base, unit, offset = ctx.dct, (m["the_unit"] or m["the_unit2"]).lower(), 0
    else:
        base, unit = ctx.dct, m["unit"].lower()
        offset = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    if base is None:
        return unanchored("DATE", None, mod)
    point = _point_for_unit(base, unit, offset)
    return reading_of(point, mod) if point else unanchored("DATE", None, mod)


def read_the_period(m: re.Match, ctx: Context) -> Reading | None:
    """'the year' only stands for a date after a position modifier ('the end of the year')."""
    base = ctx.dct
    if base is None:
        return unanchored("DATE")
    point = _point_for_unit(base, m["unit"].lower(), 0)
    return reading_of(point) if point else unanchored("DATE")


def read_the_weekend(m: re.Match, ctx: Context) -> Reading | None:
    """'the weekend': the one just past in a report, the coming one in a plan."""
    if ctx.dct is None:
        return unanchored("DATE")
    today = ctx.dct.date
    in_weekend = today.isoweekday() >= 6
    offset = 0 if in_weekend else (1 if ctx.future(m.start(), m.end()) else -1)
    return reading_of(cal.coarsen(cal.shift(ctx.dct, offset, "week"), "weekend"))


def read_ago(m: re.Match, ctx: Context) -> Reading | None:
    direction = m["direction"].lower()
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    amount = count_of(m["quantity"])
    unit = unit_grain(m["unit"])
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


def _shifted(m: re.Match, ctx: Context, amount: int, unit: str, from_now: bool,
             comparison: bool = False) -> Reading:
    comparison = (comparison or bool(_COMPARISON_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()))
                  or ctx.reporting_period_end > ctx.anchor_end)
    quarter_base = unit == "year" and quarter_anchor_near(m, ctx)
    reference = ctx.dct if from_now or comparison else ctx.reference()
    base = ctx.anchor if quarter_base else reference
    if base is None:
        return unanchored("DATE")
    point = cal.shift(base, amount, unit)
    if base is ctx.dct:
        point = cal.coarsen(point, _coarse_grain(unit))
    return Reading(reading_of(point).type, point.value(), None, point, comparison=comparison or bool(quarter_base))


def _coarse_grain(unit: str) -> str:
    if unit in ("hour", "minute", "second"):
        return "day"
    if unit in ("decade", "century", "millennium"):
        return "year"
    return {"fortnight": "day", "weekend": "week"}.get(unit, unit)
