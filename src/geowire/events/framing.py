"""Parts of an article that report nothing: headlines, captions, bylines, datelines and dates.

A scraped article keeps its headline, section titles, photo captions ("FILE - ..."),
bylines ("By Awa Traore", "Desert Wire staff | September 30, 2019") and page furniture
next to the story. Their words look like triggers ("Iraq-Syria crossing reopens as ...",
"Protesters march in ...") but a headline repeats the story and a caption describes a
picture, so no event is coded from them. Dates are never triggers either: "March 20"
is a month, not a march.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")
CAPTION_START = re.compile(
    r"^\s*(FILE\s*[-–—:]|FILE PHOTO|PHOTO\s*[-–—:]|Photo\s*:|Image\s*:|Video\s*:|Caption\s*:|Pictured\s*:"
    r"|\(?(AP|AFP|Reuters|Getty) Photo)", re.IGNORECASE)
BYLINE = re.compile(r"^\s*(by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$|.{0,60}\|\s*.{0,60}$)")
MAX_HEADING_WORDS = 20


def _is_heading(line: str) -> bool:
    """A short line that does not end a sentence: a headline, a section title, a caption
    without a full stop. Story lines end with punctuation; these do not."""
    words = line.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and not SENTENCE_END.search(line)


def _starts_anew(following: str | None) -> bool:
    """A hard-wrapped paragraph continues on the next line in mid-sentence; a heading is
    followed by a blank line, the end, or a line that opens a new sentence."""
    if following is None or not following.strip():
        return True
    first = following.lstrip()[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘(—-"


def furniture_spans(text: str, title: str | None = None) -> list[tuple[int, int]]:
    """Character spans of headline, caption and byline lines (and of the title where the
    text repeats it), which hold no events."""
    spans = []
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        stripped = line.strip()
        following = lines[number + 1] if number + 1 < len(lines) else None
        heading = _is_heading(stripped) and _starts_anew(following)
        if stripped and (heading or CAPTION_START.match(stripped) or BYLINE.match(stripped)):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    if title and title.strip():
        at = text.find(title.strip())
        if 0 <= at < 400:
            spans.append((at, at + len(title.strip())))
    return spans


def blocked_tokens(parsed, spans: list[tuple[int, int]], times) -> set[int]:
    """Tokens that can be no trigger: those in page furniture and in date or time expressions."""
    blocked: set[int] = set()
    for start, end in [*spans, *((t.start, t.end) for t in times if t.type in ("DATE", "TIME"))]:
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is not None:
            blocked.update(token.i for token in span)
    return blocked
