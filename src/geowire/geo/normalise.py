"""Name keys for gazetteer matching.

Two keys per name. The *strict* key folds case, diacritics, apostrophes and
punctuation; the *loose* key also drops Arabic article forms (al-, el-, ad-, ash-,
a doubled sun-letter as in "Ezzor"), spaces and hyphens, so that "Deir Ezzor",
"Deir ez-Zor" and "Dayr az Zawr"-style variants meet when their consonants agree.
A loose match is weaker evidence than a strict one, and the resolver scores it so.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

# apostrophes, 'ayn/hamza letters and backticks vanish: Qa'im = Qa`im = Qaim
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u02c8\u00b4]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}
# al-, el- and the sun-letter assimilations (ad-, as-, ash-, at-, az-, an-, ar-, ...)
_ARTICLES = frozenset(
    ["al", "el", "il", "ul", "ad", "ed", "as", "es", "ash", "esh", "at", "et", "ath", "az", "ez", "an", "en", "ar",
     "er", "adh", "ath"]
)
_SUN_LETTER_PREFIX = re.compile(r"^[ae]([dnrstz])\1(?=[a-z]{2})")
_ARTICLE_HYPHEN = re.compile(
    r"\b(?:al|el|ad|ed|as|es|ash|esh|at|et|az|ez|an|en|ar|er|ul|adh|ath)-(?=\w)", re.IGNORECASE
)


def _fold(name: str) -> str:
    text = unidecode(name).lower()
    return _APOSTROPHES.sub("", text)


@lru_cache(maxsize=200_000)
def strict_key(name: str) -> str:
    """Case, accents, apostrophes and punctuation folded; word boundaries kept."""
    words = _NON_WORD.sub(" ", _fold(name)).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


@lru_cache(maxsize=200_000)
def loose_key(name: str) -> str:
    """As :func:`strict_key`, minus Arabic articles, 'Albu'→'Abu', spaces and hyphens."""
    text = _ARTICLE_HYPHEN.sub(" ", unidecode(name))
    words = strict_key(text).split()
    kept = []
    for position, word in enumerate(words):
        is_last = position == len(words) - 1
        if word in _ARTICLES and not is_last and len(words) > 1:
            continue
        if word == "albu":
            word = "abu"
        if position > 0 or len(words) > 1:
            word = _SUN_LETTER_PREFIX.sub(r"\1", word)
        kept.append(word)
    return "".join(kept)


def is_latin_name(name: str) -> bool:
    """True for names written in Latin script (the only ones English news uses)."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in letters)
