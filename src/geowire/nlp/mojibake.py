"""Punctuation read back from mojibake, for the parser's eyes only.

Text saved as UTF-8 and read back as Windows-1252 turns each curly quote or dash into three characters
("â€œ", "â€™", "â€”"). Scraped archives carry such text (a third of the India police-events articles). The model
reads "â€˜city prisonâ€™, the local mla ..." as a run of odd words, and the whole clause misparses: its subject
is lost. The parser is therefore given a copy in which each such run is put back into the mark it stood for
(by ``ftfy``, the maintained library for this). The copy is padded with spaces to the run's length, so the
document keeps its own text and every offset is the text's, as with ``truecase.py``. Only punctuation is
restored. A letter ("Ã©" for "é") cannot be restored without changing a word's length.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Windows-1252 has no character for the byte 0x9D, so the closing double quote's third byte is lost on the way
# ("â€" + U+FFFD) and no decoder can restore it. Its other lead bytes ("â€" + 0x81, 0x8D, 0x8F, 0x90) are rare.
_LOST_CLOSING_QUOTE = "\u00e2\u20ac\ufffd"
# a no-break space read as Windows-1252 is "Â" + U+00A0, and the U+00A0 is often made a plain space afterwards
_LONE_NO_BREAK_LEAD = "\u00c2"
_OPENING = frozenset({"Ps", "Pi"})


def repair_mojibake(text: str) -> str:
    """``text`` with each run of mojibake that stood for punctuation replaced by that punctuation, padded with
    spaces to the run's length (before an opening mark, after any other); a run inside a word is left alone, but for
    an apostrophe before a possessive "s", padded before it ("banerjee  ’s")."""
    if "\u00e2" not in text and "\u00c2" not in text:
        return text
    return _NON_ASCII_RUN.sub(_repaired, text)


def _repaired(match: re.Match) -> str:
    run = match.group()
    inside = _inside_word(match)
    if inside and not _before_possessive_s(match):
        return run  # "hadnâ€™â€™t": padding would split the word in two
    fixed = _restore(run)
    if fixed == run or not fixed or len(fixed) > len(run) or not all(_is_mark(c) for c in fixed):
        return run
    if inside and fixed not in _APOSTROPHES:
        return run
    pad = " " * (len(run) - len(fixed))
    # "banerjeeâ€™s failure": the name, then "’s" as the parser knows a possessive
    return pad + fixed if inside or unicodedata.category(fixed[0]) in _OPENING else fixed + pad


_APOSTROPHES = frozenset({"\u2019", "'"})


def _before_possessive_s(match: re.Match) -> bool:
    text, end = match.string, match.end()
    return text[end:end + 1] == "s" and (end + 1 == len(text) or not text[end + 1].isalnum())


def _inside_word(match: re.Match) -> bool:
    text, start, end = match.string, match.start(), match.end()
    return start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()


def _restore(run: str) -> str:
    if run == _LONE_NO_BREAK_LEAD:
        return " "
    return ftfy.fix_encoding(run.replace(_LOST_CLOSING_QUOTE, "\u00e2\u20ac\u009d"))


def _is_mark(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P") or char in "\u2022"
