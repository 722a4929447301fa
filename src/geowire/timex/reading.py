"""What a reader returns and what it reads with: the text, the publication date, the parse and the
narrative anchors (the last point in time mentioned, the period a results story reports on)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from geowire.timex.calendar import Point
from geowire.timex.lexicon import (
    UNITS,
    number_value,
)
from geowire.timex.tense import is_future, tense_of

# how far "the quarter" still means the quarter a results story named, past other dates
REPORTED_PERIOD_REACH = 500


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
        if period is None or period.grain != grain or position - self.reported_period_end > REPORTED_PERIOD_REACH:
            return None
        return period


Reader = Callable[[re.Match, Context], "Reading | None"]


def reading_of(point: Point, mod: str | None = None) -> Reading:
    kind = "TIME" if point.grain in ("part", "minute") else "DATE"
    return Reading(kind, point.value(), mod, point)


def unanchored(kind: str = "DATE", value: str | None = None, mod: str | None = None) -> Reading:
    return Reading(kind, value, mod, None, anchored=False)


def name_key(word: str) -> str:
    return word.lower().rstrip(".")


def unit_grain(word: str) -> str:
    word = word.lower()
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and word != "millennia":
        word = word[:-1]
    return UNITS.get(word, word)


def year_from_text(token: str) -> int | None:
    if token.lower().startswith("nineteen"):
        rest = re.sub(r"^nineteen[\s-]+", "", token.lower())
        tail = 0 if rest == "hundred" else number_value(rest)
        return None if tail is None else 1900 + int(tail)
    if token.startswith("'"):
        short = int(token[1:])
        return 1900 + short if short > 30 else 2000 + short
    return int(token)
