"""Durations (ISO 8601 periods), vague references (PRESENT_REF, PAST_REF, FUTURE_REF) and sets."""

from __future__ import annotations

import re

from geowire.timex.lexicon import (
    MONTHS,
    PARTS_OF_DAY,
    VAGUE_QUANTITIES,
    WEEKDAYS,
    number_value,
)
from geowire.timex.reading import Context, Reading, unit_grain

_DURATION_CODES = {"second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
                   "week": ("", "W"), "weekend": ("", "WE"), "fortnight": ("", "W"), "month": ("", "M"),
                   "quarter": ("", "Q"), "year": ("", "Y"), "decade": ("", "DE"), "century": ("", "CE"),
                   "millennium": ("", "L")}


_SCALE = {"decade": ("year", 10), "century": ("year", 100), "fortnight": ("week", 2)}


_FRACTION_UNIT = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
                  "hour": ("minute", 60), "minute": ("second", 60), "quarter": ("month", 3)}


def count_of(quantity: str) -> float | None:
    """The number a quantity names; None for vague ones ('several') and ranges ('two to three')."""
    words = re.sub(r"\s+", " ", quantity.lower().strip())
    if re.search(r"\b(?:to|or)\b|\d\s*[-–]\s*\d", words) or words in VAGUE_QUANTITIES:
        return None
    return number_value(words)


def duration_value(amount: float | None, unit: str) -> str:
    unit = unit_grain(unit)
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
        ctx.reporting_period_value = duration_value(count_of(m["quantity"]), m["unit"])
    if re.fullmatch(r"one\s+day", m.group(0), re.IGNORECASE) and _MODAL_BEFORE.search(
            ctx.text, max(0, m.start() - 10), m.start()):
        return Reading("DATE", "FUTURE_REF")
    amount = count_of(m["quantity"])
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
    amount = 2 if quantity == "other" else count_of(quantity)
    return Reading("SET", duration_value(amount if amount is not None else None, word))


def read_set_frequency(m: re.Match, ctx: Context) -> Reading | None:
    return Reading("SET", duration_value(1, m["unit"]))


def read_set_weekdays(m: re.Match, ctx: Context) -> Reading | None:
    weekday, part_word = (m["weekday"], m["part"]) if m["weekday"] else (m["first"], m["shared"])
    part = PARTS_OF_DAY[part_word.lower().rstrip("s")] if part_word else ""
    return Reading("SET", f"XXXX-WXX-{WEEKDAYS[weekday.lower()]}" + (f"T{part}" if part else ""))
