"""Word tables for the time-expression rules: numbers, calendar names, units."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers, Monday = 1
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# the month a season starts in (northern hemisphere), to place "last winter" in time
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI",
}

UNITS: dict[str, str] = {  # unit word (singular) -> grain name
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "day",
    "week": "week", "weekend": "weekend", "fortnight": "fortnight", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
    "centurie": "century", "millennium": "millennium", "millennia": "millennium",
}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

UNIT_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# quantity words that give a count but no definite number
VAGUE_QUANTITIES = frozenset({
    "several", "few", "a few", "some", "many", "a number of", "numerous",
})
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}


def number_value(word: str) -> float | None:
    """The number a numeral or number word stands for; None for vague quantities."""
    word = word.lower().strip().replace(",", "")
    if word in ("a", "an", "one", "a single", "single"):
        return 1
    if word in ("a couple of", "couple of", "a couple", "a pair of"):
        return 2
    if word in ("a dozen", "dozen"):
        return 12
    if word in ("a hundred", "one hundred", "hundred"):
        return 100
    if word in ("a thousand", "one thousand", "thousand"):
        return 1000
    if word in ("half a", "half an"):
        return 0.5
    fraction = _fraction_value(word)
    if fraction is not None:
        return fraction
    try:
        return float(word) if "." in word else int(word)
    except ValueError:
        pass
    if word in UNIT_NUMBERS:
        return UNIT_NUMBERS[word]
    if word in TENS:
        return TENS[word]
    tens, _, unit = word.replace("-", " ").partition(" ")
    if tens in TENS and unit in UNIT_NUMBERS:   # "twenty-four", spoken "twenty four"
        return TENS[tens] + UNIT_NUMBERS[unit]
    if word.endswith((" hundred", " thousand")):
        head, _, scale = word.rpartition(" ")
        base = number_value(head)
        if base is not None:
            return base * (100 if scale == "hundred" else 1000)
    return None


def _fraction_value(word: str) -> float | None:
    """'2 1/2' -> 2.5, 'one and a half' -> 1.5."""
    if word.endswith("and a half"):
        base = number_value(word[: -len("and a half")].strip())
        return None if base is None else base + 0.5
    parts = word.split()
    if len(parts) == 2 and "/" in parts[1]:
        numerator, _, denominator = parts[1].partition("/")
        if parts[0].isdigit() and numerator.isdigit() and denominator.isdigit() and int(denominator):
            return int(parts[0]) + int(numerator) / int(denominator)
    return None

# a regex guard: not right after a modal or "to" ("will last", "to last" are the verb, not "last week")
NOT_AFTER_MODAL = "".join(rf"(?<!\b{w}\s)" for w in ("will", "would", "could", "might", "may", "can", "to", "must",
                                                      "should", "shall"))
