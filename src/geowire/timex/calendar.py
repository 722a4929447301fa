"""Calendar points at a granularity, their TIMEX3 values and arithmetic on them.

A :class:`Point` is a date known to some grain: a century, a decade, a year, a
half, a quarter, a season, a month, an ISO week or weekend, a day, a part of a day
or a clock time. Shifting keeps the grain ("the quarter a year ago" stays a
quarter), coarsening drops detail ("two years ago" keeps only the year). The days a value covers, and month
arithmetic, are :mod:`geowire.dates`'s, which every stage and the store share.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from geowire.dates import add_months, value_holding

# grains from finest to coarsest; "label" grains (season, part) are placed by their span
GRAIN_ORDER = ("minute", "part", "day", "weekend", "week", "month", "season", "quarter",
               "half", "year", "decade", "century")


@dataclass(frozen=True)
class Point:
    grain: str
    year: int
    month: int = 1
    day: int = 1
    index: int = 0          # quarter or half number
    label: str = ""         # season code (SU) or part-of-day code (MO)
    hour: int = 0
    minute: int = 0

    @property
    def date(self) -> dt.date:
        return dt.date(self.year, self.month, self.day)

    def value(self) -> str:
        return _FORMATTERS[self.grain](self)


def finer_or_equal(grain: str, other: str) -> bool:
    return GRAIN_ORDER.index(grain) <= GRAIN_ORDER.index(other)


def from_date(day: dt.date, grain: str = "day") -> Point:
    return coarsen(Point("day", day.year, day.month, day.day), grain)


def parse_dct(published: str | None) -> Point | None:
    """The publication date as a day point, or None when absent or malformed."""
    if not published:
        return None
    try:
        return from_date(dt.date.fromisoformat(published[:10]))
    except ValueError:
        return None


def coarsen(point: Point, grain: str) -> Point:
    """The point at a coarser grain (or the same point when it is already that coarse)."""
    if grain == point.grain or not finer_or_equal(point.grain, grain):
        return point
    year, month, day = point.year, point.month, point.day
    if grain in ("day", "part", "minute"):
        return Point(grain, year, month, day, label=point.label, hour=point.hour, minute=point.minute)
    if grain in ("week", "weekend"):
        monday = point.date - dt.timedelta(days=point.date.isoweekday() - 1)
        return Point(grain, monday.year, monday.month, monday.day)
    if grain == "month":
        return Point("month", year, month)
    if grain == "quarter":
        return Point("quarter", year, 3 * ((month - 1) // 3) + 1, index=(month - 1) // 3 + 1)
    if grain == "half":
        return Point("half", year, 1 if month <= 6 else 7, index=1 if month <= 6 else 2)
    if grain == "season":
        return season_of(point.date)
    return Point(grain, year)


def season_of(day: dt.date) -> Point:
    if day.month in (12, 1, 2):
        year = day.year if day.month == 12 else day.year - 1
        return Point("season", year, 12, label="WI")
    code, start = {3: ("SP", 3), 4: ("SP", 3), 5: ("SP", 3), 6: ("SU", 6), 7: ("SU", 6),
                   8: ("SU", 6)}.get(day.month, ("FA", 9))
    return Point("season", day.year, start, label=code)


def make_quarter(year: int, number: int) -> Point:
    return Point("quarter", year, 3 * (number - 1) + 1, index=number)


def make_half(year: int, number: int) -> Point:
    return Point("half", year, 1 if number == 1 else 7, index=number)


def make_season(year: int, code: str, start_month: int) -> Point:
    return Point("season", year, start_month, label=code)


_MONTHS_PER = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12, "decade": 120,
               "century": 1200, "millennium": 12000}
_DAYS_PER = {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}


def shift(point: Point, amount: int, unit: str) -> Point:
    """Move a point by a number of units, keeping its grain where it can be kept."""
    if unit in ("hour", "minute", "second"):
        return _shift_clock(point, amount, unit)
    if unit in _DAYS_PER:
        if point.grain in ("century", "decade", "year", "half", "quarter", "season"):
            return point
        moved = point.date + dt.timedelta(days=amount * _DAYS_PER[unit])
        return _same_grain(point, moved)
    months = amount * _MONTHS_PER[unit]
    if point.grain == "season" and unit != "season":
        return replace(point, year=point.year + months // 12) if months % 12 == 0 else point
    if point.grain == "season":
        return replace(point, year=point.year + amount)
    if point.grain in ("year", "decade", "century") and months % 12:
        return point
    return _same_grain(point, add_months(point.date, months))


def _same_grain(point: Point, moved: dt.date) -> Point:
    if point.grain in ("part", "minute"):
        return replace(point, year=moved.year, month=moved.month, day=moved.day)
    return coarsen(Point("day", moved.year, moved.month, moved.day), point.grain)


def _shift_clock(point: Point, amount: int, unit: str) -> Point:
    if point.grain != "minute":
        return point
    seconds = {"hour": 3600, "minute": 60, "second": 1}[unit] * amount
    # T24:00 (midnight closing a day) is the next day's 00:00 for arithmetic
    start = dt.datetime(point.year, point.month, point.day) + dt.timedelta(hours=point.hour, minutes=point.minute)
    moved = start + dt.timedelta(seconds=seconds)
    return Point("minute", moved.year, moved.month, moved.day, hour=moved.hour, minute=moved.minute)


def _week_value(point: Point) -> str:
    return value_holding(point.date, "week")


_FORMATTERS = {
    "century": lambda p: f"{p.year // 100:02d}",
    "decade": lambda p: f"{p.year // 10:03d}",
    "year": lambda p: f"{p.year:04d}",
    "half": lambda p: f"{p.year:04d}-H{p.index}",
    "quarter": lambda p: f"{p.year:04d}-Q{p.index}",
    "season": lambda p: f"{p.year:04d}-{p.label}",
    "month": lambda p: f"{p.year:04d}-{p.month:02d}",
    "week": _week_value,
    "weekend": lambda p: _week_value(p) + "-WE",
    "day": lambda p: f"{p.year:04d}-{p.month:02d}-{p.day:02d}",
    "part": lambda p: f"{p.year:04d}-{p.month:02d}-{p.day:02d}T{p.label}",
    "minute": lambda p: f"{p.year:04d}-{p.month:02d}-{p.day:02d}T{p.hour:02d}:{p.minute:02d}",
}
