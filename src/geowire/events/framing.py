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
from itertools import islice

# a closing quote ends a sentence only after its own stop ('... he said "no."'); a headline may end on a quoted
# phrase with none ("Opposition Insists on 'Peaceful Protest'")
SENTENCE_END = re.compile(r"([.!?:;][\"'”’)\]]*|[)\]])\s*$")
PICTURE_WORDS = re.compile(r"\b(in this|in a|in an) (undated |handout |file |still )*(photo|picture|image|photograph|"
                           r"video grab|screen ?grab)\b|\b(photo|picture|image|footage|still) (taken|released|provided|"
                           r"obtained|made available|shot)\b|\b(is|are) (seen|pictured|shown) [a-z]+ing\b",
                           re.IGNORECASE)
MONTH_WORDS = frozenset({"march", "may"})
MONTH_PATTERN = re.compile(r"\b(?:" + "|".join(sorted(MONTH_WORDS)) + r")\b", re.IGNORECASE)
MIN_SENTENCE_WORDS = 4
CAPTION_START = re.compile(
    r"^\s*(FILE\s*[-–—:]|FILE PHOTO|PHOTO\s*[-–—:]|Photo\s*:|Image\s*:|Video\s*:|Caption\s*:|Pictured\s*:"
    r"|related stories|read more\b|also read\b|see also\b"
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


_MONTH_DAY_YEAR = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (19|20)\d\d"
FULL_DATE = re.compile(rf"\b{_MONTH_DAY_YEAR}\b")
# "..., in Cairo, June 27, 2016." — the agencies' caption ends on the day the picture was taken, set off by a comma;
# a sentence of the story dates an act with "on" ("said on June 27, 2016")
DATED_AT_END = re.compile(rf",\s*{_MONTH_DAY_YEAR}\.?[\s\"”’']*$")


# "... attends a meeting with prosecutors in Moscow, Russia." — a caption ends on where the picture was taken
PLACED_AT_END = re.compile(r"\bin [A-Z][\w.'’-]+( [A-Z][\w.'’-]+)*, [A-Z][\w.'’-]+( [A-Z][\w.'’-]+)*\.?[\s\"”]*$")


def _reports(verb) -> bool:
    """'Officials say ...': news in the present tense, not a caption."""
    from geowire.events.lexicon import reporting_words

    return verb.lemma_.lower() in reporting_words()["V"]


CAPTIONS = "geowire_captions"  # Doc.user_data key: a sentence's (start, end) -> `is_caption`
DOC_TEXT = "geowire_doc_text"  # Doc.user_data key: (number of tokens, the Doc's text)


def doc_text(doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins the tokens anew at every access (a Token object each)."""
    kept = doc.user_data.get(DOC_TEXT)
    if kept is None or kept[0] != len(doc):
        kept = doc.user_data[DOC_TEXT] = (len(doc), doc.text)
    return kept[1]


def span_text(span) -> str:
    """``span.text``, cut from :func:`doc_text` (the rules ask it of every sentence): the same string, since a
    span's text runs from its first token's offset to its last token's end, without the last one's trailing
    space."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def is_caption(sentence) -> bool:
    """A photo caption run into the text: "FILE - ...", or the agencies' caption form, a
    present-tense description dated in full ("Soldiers stand guard at the gate ..., April 21, 2017,
    after an attack ..."). Read once per sentence and kept on its document (it is asked again)."""
    kept = sentence.doc.user_data.setdefault(CAPTIONS, {})
    key = (sentence.start, sentence.end)
    if key not in kept:
        kept[key] = _is_caption(sentence)
    return kept[key]


def _is_caption(sentence) -> bool:
    text = span_text(sentence).lstrip()
    if CAPTION_START.match(text) or PICTURE_WORDS.search(text):
        return True
    if DATED_AT_END.search(text) and not any(t.tag_ == "VBD" and _reports(t) for t in sentence):
        return True  # whatever the tagger makes of "Police confront protesters blocking a highway ..."
    root = sentence.root
    if not _present_tense(root):
        return False
    return bool(FULL_DATE.search(text) or PLACED_AT_END.search(text)) and not _reports(root)


def _present_tense(verb) -> bool:
    """'Police confront protesters ...', and the passive 'A woman is detained by police ...': a simple present,
    a caption's tense; not 'has been detained' or 'will meet'."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxiliaries
    return (verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass"
            and auxiliaries[0].tag_ in ("VBZ", "VBP"))


HEADLINE_WITHIN = 400


def headline_spans(text: str, title: str | None = None) -> list[tuple[int, int]]:
    """The headline: the title where the text repeats it, or a heading line opening the text. It
    codes no event of its own but is evidence of the event the story tells."""
    spans = []
    if title and title.strip() and 0 <= (at := text.find(title.strip())) < HEADLINE_WITHIN:
        spans.append((at, at + len(title.strip())))
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if offset >= HEADLINE_WITHIN:
            break
        stripped = line.strip()
        following = lines[number + 1] if number + 1 < len(lines) else None
        if stripped and _is_heading(stripped) and _starts_anew(following) and not BYLINE.match(stripped) \
                and not CAPTION_START.match(stripped):
            spans.append((offset, offset + len(line)))
            break
        offset += len(line) + 1
    return spans


def _month_with_day(token) -> bool:
    """'till march 15', 'on 12 May': a month name next to a day number, even in lower-case text."""
    if token.lower_ not in MONTH_WORDS:
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    return any(t is not None and t.like_num and t.text.isdigit() and 1 <= int(t.text) <= 31 for t in (after, before))


def _month_tokens(parsed, text: str) -> list:
    """Tokens that are month names, found in the text (the parsed one, passed in: the parse would join its
    tokens again) rather than by visiting every token."""
    found = []
    parsed_end = parsed[-1].idx + len(parsed[-1]) if len(parsed) else 0  # the parse may hold a cut text
    for match in MONTH_PATTERN.finditer(text, 0, parsed_end):
        span = parsed.char_span(match.start(), match.end())
        if span is not None and len(span) == 1 and span[0].lower_ in MONTH_WORDS:
            found.append(span[0])
    return found


def blocked_tokens(parsed, spans: list[tuple[int, int]], times, text: str) -> set[int]:
    """Tokens that can be no trigger: those in page furniture, captions, date or time expressions
    and people's names ("Vigil said")."""
    blocked: set[int] = set()
    for start, end in [*spans, *((t.start, t.end) for t in times if t.type in ("DATE", "TIME"))]:
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is not None:
            blocked.update(token.i for token in span)
    for sentence in parsed.sents:
        words = islice((t for t in sentence if not t.is_punct and not t.is_space), MIN_SENTENCE_WORDS)
        if sum(1 for _ in words) < MIN_SENTENCE_WORDS or is_caption(sentence):
            blocked.update(token.i for token in sentence)  # a fragment ("Fleet suspended") or a caption
    blocked.update(token.i for token in _month_tokens(parsed, text) if _month_with_day(token))
    blocked.update(token.i for entity in parsed.ents if entity.label_ == "PERSON" for token in entity)
    return blocked
