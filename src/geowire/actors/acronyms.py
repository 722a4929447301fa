"""Acronyms defined in the text: "ImageSat International (ISI) said ... ISI added".

A definition binds the acronym to its long form for the rest of the document, so a
defined "ISI" is not taken for an unrelated table entry with the same letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DEFINITION = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
_WORD = re.compile(r"[^\s(),;:\"]+")
_LINKING = frozenset({"of", "the", "for", "and", "de", "du", "des", "la", "le", "al", "el", "in", "on", "to", "&"})
MAX_LONG_WORDS = 10


@dataclass(frozen=True)
class Definition:
    acronym: str
    long_start: int
    long_end: int
    long_form: str


def _letters(acronym: str) -> str:
    return "".join(c for c in acronym if c.isupper() or c.isdigit())


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in _LINKING and w[0].isalnum())


def _capitals(words: list[str]) -> str:
    return "".join(c for w in words if w.lower() not in _LINKING for c in w if c.isupper() or c.isdigit())


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int


def _preceding_words(text: str, end: int) -> list[_Word]:
    offset = max(0, end - 160)
    words = [_Word(m.group(0), m.start() + offset, m.end() + offset) for m in _WORD.finditer(text[offset:end])]
    return words[-MAX_LONG_WORDS:]


def find_definitions(text: str) -> list[Definition]:
    out = []
    for match in _DEFINITION.finditer(text):
        acronym = match.group(1).rstrip(".")
        letters = _letters(acronym)
        if len(letters) < 2:
            continue
        words = _preceding_words(text, match.start())
        for first in range(len(words) - 1, -1, -1):
            chosen = words[first:]
            if chosen[0].text.lower() in _LINKING or not chosen[0].text[0].isupper():
                continue
            texts = [w.text for w in chosen]
            if _initials(texts) == letters or _capitals(texts) == letters:
                start, end = chosen[0].start, chosen[-1].end
                out.append(Definition(acronym, start, end, text[start:end]))
                break
    return out
