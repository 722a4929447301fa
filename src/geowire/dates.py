"""TIMEX3 date values on the calendar: the days a value covers, and the value of the day, week or month
that holds a day.

Pure functions over ``datetime.date`` and value strings, shared by every stage and the store: the time
stage writes these values, the event stage places its dates with them, the store merges and indexes by the
days they cover (``date_start``/``date_end``) and the exports print them. Reading dates out of text stays
in ``geowire.timex``; month arithmetic is ``dateutil``'s.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}   # winter runs into the next year
_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d)(?:T.*)?)?|W(?P<week>\d\d)(?P<weekend>-WE)?|"
    r"Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?|(?P<decade>\d{3})|(?P<century>\d\d)")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), kept inside the month it lands in (Jan 31 + 1 -> Feb 28/29)."""
    return day + relativedelta(months=months)


def value_holding(day: dt.date, grain: str) -> str:
    """The TIMEX3 value of the ``day``, ISO ``week``, ``weekend`` (its week's) or ``month`` that holds ``day``."""
    if grain == "day":
        return day.isoformat()
    if grain in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if grain == "weekend" else "")
    if grain == "month":
        return f"{day.year:04d}-{day.month:02d}"
    raise ValueError(f"no holding value for grain {grain!r}")


def span_of_value(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value covers ("2019-W39", "2021-Q4", "199"); None for
    references (PAST_REF), unresolved values (XXXX-03) and durations, which name no stretch of the calendar."""
    found = _VALUE.fullmatch(value or "")
    if found is None:
        return None
    try:
        return _span(found)
    except ValueError:      # "2019-02-30", "2019-W54": not on the calendar
        return None


def day_span(value: str | None) -> tuple[str, str] | None:
    """``span_of_value`` as YYYY-MM-DD strings, the form the store, the contract and the exports use."""
    span = span_of_value(value)
    return (span[0].isoformat(), span[1].isoformat()) if span else None


def _span(found: re.Match) -> tuple[dt.date, dt.date]:
    if found["century"]:
        first = int(found["century"]) * 100
        return dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31)
    if found["decade"]:
        first = int(found["decade"]) * 10
        return dt.date(max(first, 1), 1, 1), dt.date(first + 9, 12, 31)
    year = int(found["year"])
    if found["day"]:
        day = dt.date(year, int(found["month"]), int(found["day"]))
        return day, day
    if found["month"]:
        return _months(year, int(found["month"]), int(found["month"]))
    if found["week"]:
        monday = dt.date.fromisocalendar(year, int(found["week"]), 1)
        if found["weekend"]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if found["quarter"]:
        last = 3 * int(found["quarter"])
        return _months(year, last - 2, last)
    if found["half"]:
        last = 6 * int(found["half"])
        return _months(year, last - 5, last)
    if found["season"]:
        return _months(year, *_SEASON_MONTHS[found["season"]])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """From the first day of month `first` to the last day of month `last` (13, 14 run into the next year)."""
    end = add_months(dt.date(year, 1, 1), last) - dt.timedelta(days=1)
    return dt.date(year, first, 1), end
