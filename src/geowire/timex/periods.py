"""Quarters, halves, seasons, fiscal and accounting years, and the results-story conventions around
them ("the quarter", "a year ago" after a quarter, "the year-earlier period")."""

from __future__ import annotations

import datetime as dt
import re

from geowire.timex import calendar as cal
from geowire.timex.calendar import Point
from geowire.timex.lexicon import (
    ORDINALS,
    SEASON_START_MONTH,
    SEASONS,
)
from geowire.timex.reading import Context, Reading, reading_of, unanchored, year_from_text

# how far back a quarter mention still governs "a year ago" (financial reports)
_QUARTER_ANCHOR_REACH = 400


def read_fiscal_year(m: re.Match, ctx: Context) -> Reading | None:
    token = m["year"] or m["short"] or m["year2"]
    year = year_from_text(token if len(token) == 4 or token.startswith("'") else "'" + token)
    return reading_of(Point("year", year))


def read_period_ended(m: re.Match, ctx: Context) -> Reading | None:
    """'the year ended Sept. 30' spans twelve months; the closing date is its own expression."""
    return Reading("DURATION", "P1Y")


def read_whole_year(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.dct is None:
        return unanchored("DATE")
    offset = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get((m["rel"] or "").lower(), 0)
    return reading_of(Point("year", ctx.dct.year + offset))


def read_year_end(m: re.Match, ctx: Context) -> Reading | None:
    base = ctx.dct
    return reading_of(Point("year", base.year), "END") if base else unanchored("DATE", None, "END")


# "compared with a loss of $3 million last year": the same period of the year before
COMPARED_BEFORE = re.compile(r"\bcompared\s+(?:with|to)\b[^.;:]{0,60}$", re.IGNORECASE)


def quarter_anchor_near(m: re.Match, ctx: Context) -> bool:
    """Financial reports compare with 'a year ago' meaning the same quarter a year before."""
    anchor = ctx.anchor
    return anchor is not None and anchor.grain in ("quarter", "half") and (
        m.start() - ctx.anchor_end < _QUARTER_ANCHOR_REACH) and ctx.reporting_period_end < ctx.anchor_end


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
        return unanchored("DATE", None if number is None else f"XXXX-{'H' if size == 2 else 'Q'}{number}")
    if year_ago:
        return Reading("DATE", cal.shift(point, -1, "year").value(), comparison=True)
    return reading_of(point)


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
        return unanchored("DATE", f"XXXX-H{number}")
    return reading_of(cal.make_half(year, number))


def read_quarter_code(m: re.Match, ctx: Context) -> Reading | None:
    number = int(m["code"] or m["code2"])
    year_text = m["year"] or m["year2"]
    if year_text:
        return reading_of(cal.make_quarter(int(year_text), number))
    if ctx.dct is None:
        return unanchored("DATE", f"XXXX-Q{number}")
    current = cal.coarsen(ctx.dct, "quarter")
    year = current.year if number <= current.index or ctx.future(m.start(), m.end()) else current.year - 1
    return reading_of(cal.make_quarter(year, number))


def read_season(m: re.Match, ctx: Context) -> Reading | None:
    code = SEASONS[m["season"].lower()]
    start_month = SEASON_START_MONTH[code]
    if m["year"]:
        year = year_from_text(m["year"])
        return reading_of(cal.make_season(year, code, start_month)) if year is not None else None
    if ctx.dct is None:
        return unanchored("DATE", f"XXXX-{code}")
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    current = cal.season_of(ctx.dct.date)
    if rel == "this":
        in_winter = code == "WI" and ctx.dct.month < 3
        return reading_of(cal.make_season(ctx.dct.year - in_winter, code, start_month))
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
    return reading_of(cal.make_season(year, code, start_month))


def _season_occurrence(today: dt.date, code: str, start_month: int) -> dt.date:
    """Start of the latest season `code` that has begun by `today`."""
    start = dt.date(today.year, start_month, 1)
    return start if start <= today else dt.date(today.year - 1, start_month, 1)
