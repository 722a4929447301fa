"""Capitals for a story written without them, for the parser's eyes only.

Some feeds, archives and transcripts come lower-cased ("vhp leader ashok singhal met advani"). spaCy's tagger and
entity recogniser lean on capitals: in such a text they find almost no person or organisation, so events lose
their sides. The parser is therefore given a copy of a caseless text with capitals where English would put them
— at the start of a sentence, and on names — and the document keeps its own text: the copy changes only the case
of ASCII letters, one character for one, so every offset is the text's.

A name is told from a word by the English word list the model's own lemmatizer carries (the WordNet index it
looks lemmas up in): a run of words none of which the list knows, in any inflection, is a name ("ashok singhal",
"vishwa hindu parishad"). A run with no vowel, or of three letters or fewer, is an acronym and is written in
capitals ("vhp", "bjp", "cbi"); a longer one gets an initial capital. A single word the same story also writes
after an article or a possessive ("a dharna", "the bandh") is a common noun of another language, not a name,
and a dateline ("pune:") is left as written, as the dateline reader expects it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# a cased English story capitalises about one word in ten (names, sentence starts); a caseless one almost none
CASED_SHARE = 0.02
MIN_WORDS = 40
VOWELS = frozenset("aeiou")
ACRONYM_MAX = 3
DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that"})
# inflections back to a word the list may hold: (ending, replacement)
ENDINGS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""), ("ing", "e"),
           ("er", ""), ("est", ""), ("ier", "y"), ("iest", "y"), ("ly", ""), ("ily", "y"))

_WORDS = re.compile(r"[^\W\d_]{2,}")
_LOWER_RUN = re.compile(r"(?<![\w'’-])[a-z]+(?: [a-z]+)*(?![a-z0-9])")
_AFTER_A_STOP = r"[.!?][\"'”’)]*\s+"
_SENTENCE_START = re.compile(_AFTER_A_STOP + "([a-z])")
_ANY_SENTENCE_START = re.compile(_AFTER_A_STOP + "([A-Za-z])")
_DATELINE = re.compile(r"(?m)^[ \t]*[a-z][a-z .()-]{0,40}:")
_LOWER_WORD = re.compile(r"[a-z]+")


def is_caseless(text: str) -> bool:
    """Long enough to tell, and (almost) no word written with a capital — or, in a short story that a few capitalised
    words of a page's widgets ("Facebook Twitter Linkedin Mail") lift over that share, sentences that start in
    lower case at least twice as often as with a capital."""
    words = _WORDS.findall(text)
    if len(words) < MIN_WORDS:
        return False
    if sum(word[0].isupper() for word in words) < CASED_SHARE * len(words):
        return True
    starts = _ANY_SENTENCE_START.findall(text)
    lower = sum(letter.islower() for letter in starts)
    return lower >= 2 and lower >= 2 * (len(starts) - lower)


def english_words(nlp) -> frozenset[str]:
    """The words the model's rule lemmatizer knows (its index of base forms and its exceptions) and its stop
    words; empty when the model has no such lemmatizer."""
    for name in ("lemmatizer", "geowire_lemmas"):
        if name in nlp.pipe_names:
            pipe = nlp.get_pipe(name)
            lookups = getattr(getattr(pipe, "lemmatizer", pipe), "lookups", None)
            if lookups is not None and "lemma_index" in lookups.tables:
                tables = [lookups.get_table(t) for t in ("lemma_index", "lemma_exc") if t in lookups.tables]
                return frozenset(w for table in tables for forms in table.values() for w in forms) | frozenset(
                    nlp.Defaults.stop_words)
    return frozenset()


def known_word(word: str, words: frozenset[str]) -> bool:
    return word in words or any(word.endswith(ending) and word[: -len(ending)] + base in words
                                for ending, base in ENDINGS if len(word) > len(ending) + 1)


def truecase(text: str, is_word: Callable[[str], bool]) -> str:
    """``text`` with capitals at sentence starts and on names (see the module's docstring); ``is_word`` tells an
    English word."""
    chars = list(text)
    datelines = [m.span() for m in _DATELINE.finditer(text)]
    common = _common_nouns(text)
    for match in _SENTENCE_START.finditer(text):
        chars[match.start(1)] = chars[match.start(1)].upper()
    for words in _name_runs(text, is_word):
        start = words[0].start()
        if any(s <= start < e for s, e in datelines):
            continue
        if len(words) == 1 and words[0].group() in common and not _acronym(words[0].group()):
            continue
        for word in words:
            first, last = word.span()
            chars[first:last] = word.group().upper() if _acronym(word.group()) else word.group().capitalize()
    return "".join(chars)


def _name_runs(text: str, is_word: Callable[[str], bool]) -> list[list[re.Match]]:
    """Runs of unknown lower-case words, each run a list of word matches: a known word or anything but a single
    space ends a run ("leader ashok singhal met" gives "ashok singhal")."""
    runs: list[list[re.Match]] = []
    for chunk in _LOWER_RUN.finditer(text):
        run: list[re.Match] = []
        for word in _LOWER_WORD.finditer(text, chunk.start(), chunk.end()):
            if len(word.group()) >= 2 and not is_word(word.group()):
                run.append(word)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    return runs


def _acronym(word: str) -> bool:
    return len(word) <= ACRONYM_MAX or not VOWELS.intersection(word)


# a word after an article ends its phrase when a mark, the end or a function word follows it ("the bandh on friday",
# "a dharna."); a word followed by another word may be a name modifying it ("the godhra carnage", "the ayodhya issue")
_AFTER_DETERMINER = re.compile(r"\b(?:" + "|".join(sorted(DETERMINERS)) + r") ([a-z]+)\b(?=\s*([a-z]+)?)")


def _common_nouns(text: str) -> frozenset[str]:
    """Words the text writes after an article or a possessive, ending the phrase ("the bandh on friday", not "the
    godhra carnage"); spaCy's English stop words are the function words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(m.group(1) for m in _AFTER_DETERMINER.finditer(text)
                     if m.group(2) is None or m.group(2) in STOP_WORDS)
