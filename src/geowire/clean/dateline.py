"""Find the publication date in the dateline of a plain-text article.

Scraped text dumps lose the page's metadata but usually keep a short line near
the top such as "Published March 14, 2021 | By Awa Traore" or "Thursday 13 December
2018". Only short lines near the start are read, and only a line with exactly one
full date (day, month and year) counts, so a date mentioned in the story is not
taken for the publication date.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "janvier", "enero"),
            ("february", "feb", "février", "fevrier", "febrero"),
            ("march", "mar", "mars", "marzo"),
            ("april", "apr", "avril", "abril"),
            ("may", "mai", "mayo"),
            ("june", "jun", "juin", "junio"),
            ("july", "jul", "juillet", "julio"),
            ("august", "aug", "août", "aout", "agosto"),
            ("september", "sep", "sept", "septembre", "septiembre"),
            ("october", "oct", "octobre", "octubre"),
            ("november", "nov", "novembre", "noviembre"),
            ("december", "dec", "décembre", "decembre", "diciembre"),
        ],
        start=1,
    )
    for name in names
}
MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
YEAR = r"(?P<year>(19|20)\d\d)"
DAY = r"(?P<day>[0-3]?\d)(st|nd|rd|th|er)?"
DATE_FORMS = (
    re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b", re.IGNORECASE),               # March 14, 2021
    re.compile(rf"\b{DAY}\s+(de\s+)?{MONTH},?\s+(de\s+)?{YEAR}\b", re.IGNORECASE),  # 14 March 2021, 5 de junio de 2020
    re.compile(r"\b(?P<year>(19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2021-03-14
)
MAX_DATELINE_WORDS = 14


def dateline_date(text: str, max_lines: int = 6) -> str | None:
    """The one full date on a short line among the first non-blank lines, as YYYY-MM-DD."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:max_lines]
    for line in lines:
        if len(line.split()) > MAX_DATELINE_WORDS:
            continue
        found = {d for d in (_to_date(m) for form in DATE_FORMS for m in form.finditer(line)) if d}
        if len(found) == 1:
            return found.pop()
    return None


def _to_date(match: re.Match) -> str | None:
    month = match.group("month").lower().rstrip(".")
    month_number = int(month) if month.isdigit() else MONTHS.get(month)
    try:
        return date(int(match.group("year")), month_number, int(match.group("day"))).isoformat()
    except (TypeError, ValueError):
        return None


# "Venezuelan Opposition Insists on Peaceful Protest CARACAS, VENEZUELA — Opponents ...": a capitalised
# dateline can follow a headline on the same line
CAPITAL_DATELINE = re.compile(r"(?:^|\s)([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Z][A-Za-z'’. -]{1,30}?)?)"
                              r"\s*(\([^)]{1,40}\))?\s*[—–-]{1,2}\s")
DATELINE = re.compile(r"^\s*([A-Za-z][\w .,'’-]{1,60}?)\s*(\([^)]{1,40}\))?\s*[—–:-]{1,2}\s")


def dateline_extent(text: str) -> tuple[int, int] | None:
    """Where the dateline's words are ("BAGHDAD", "KANO, Nigeria (AP)"), if the story opens with one."""
    for line_start, line in _opening_lines(text):
        match = DATELINE.match(line)
        if match is not None and len(match.group(1).split()) <= 5:
            return line_start + match.start(1), line_start + match.end(2 if match.group(2) else 1)
    match = CAPITAL_DATELINE.search(text[:400])
    if match is not None:
        return match.start(1), match.end(2 if match.group(2) else 1)
    return None


def _opening_lines(text: str, max_lines: int = 8):
    offset = 0
    for line in text[:2000].split("\n")[:max_lines]:
        yield offset, line
        offset += len(line) + 1
