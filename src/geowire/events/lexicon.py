"""The event-coding lexicon, loaded from the TSV files in ``data/``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from geowire.datafiles import read_rows

DATA = Path(__file__).parent / "data"

# Families of event types that several stages treat alike.
# Acts done by saying something to or of someone.
SPEECH_ACT_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "AGREE"})
# Acts done by saying. Where a statement was made is not where the story's events mostly are: the article's
# focus is no place for them (on our annotated VOA part, 4 of 24 such guesses were right).
VERBAL_TYPES = SPEECH_ACT_TYPES | {"SUPPORT", "CONCEDE"}


# What a trigger row may require of its context (data/triggers.tsv, read by triggers._requirement_holds).
REQUIREMENT_KINDS = ("prep", "obj", "comp", "mod", "gov", "govprep", "pred", "act", "partner", "pobj", "party")


@dataclass(frozen=True)
class Requirement:
    kind: str                      # one of REQUIREMENT_KINDS
    words: frozenset[str]


@dataclass(frozen=True)
class TriggerEntry:
    head: str                      # lemma of the trigger word
    dependent: str | None          # particle/preposition (verbs) or modifier (nouns)
    pos: str                       # V or N
    type: str
    mode: str | None
    requires: tuple[Requirement, ...]

    @property
    def specificity(self) -> int:
        return (2 if self.dependent else 0) + (1 if self.requires else 0)


def _parse_requires(text: str) -> tuple[Requirement, ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        kind, _, words = part.partition(":")
        if kind not in REQUIREMENT_KINDS:
            # a misspelt kind would hold nowhere and silently switch its row off
            raise ValueError(f"triggers.tsv: unknown requirement {kind!r} in {text!r}")
        out.append(Requirement(kind, frozenset(w for w in words.split("|") if w)))
    return tuple(out)


def _parse_trigger(trigger: str, pos: str) -> tuple[str, str | None]:
    words = trigger.split()
    if len(words) == 1:
        return words[0], None
    if pos == "V":
        return words[0], " ".join(words[1:])
    return words[-1], " ".join(words[:-1])


@lru_cache(maxsize=1)
def triggers_by_head() -> dict[tuple[str, str], list[TriggerEntry]]:
    """(lemma, pos) -> entries, most specific first."""
    table: dict[tuple[str, str], list[TriggerEntry]] = {}
    for trigger, pos, type_, mode, requires in read_rows(DATA / "triggers.tsv", 5):
        head, dependent = _parse_trigger(trigger.lower(), pos)
        entry = TriggerEntry(head, dependent, pos, type_, mode or None, _parse_requires(requires))
        table.setdefault((head, pos), []).append(entry)
    for entries in table.values():
        entries.sort(key=lambda e: -e.specificity)
    return table


@dataclass(frozen=True)
class Cue:
    word: str
    role: str
    how: str


@lru_cache(maxsize=1)
def cues() -> dict[tuple[str, str], list[str]]:
    """(word, how) -> roles."""
    table: dict[tuple[str, str], list[str]] = {}
    for word, role, how in read_rows(DATA / "cues.tsv", 3):
        table.setdefault((word, how), []).append(role)
    return table


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of a one-column data file (``data/<name>``), read once."""
    return frozenset(row[0] for row in read_rows(DATA / name, 1))


def person_nouns() -> frozenset[str]:
    """Words for people ("policeman", "villagers", "activist"): a side named by such a word is an actor."""
    return word_list("person_nouns.tsv")


def undergone_nouns() -> frozenset[str]:
    """Nouns for acts done to a person whose possessor undergoes them ("his arrest")."""
    return word_list("undergone_nouns.tsv")


def light_verbs() -> frozenset[str]:
    """Verbs whose subject is the author of the event noun they take ("launched an attack", "issued a threat")."""
    return word_list("light_verbs.tsv")


@lru_cache(maxsize=1)
def reporting_words() -> dict[str, frozenset[str]]:
    """pos (V or N) -> reporting lemmas."""
    table: dict[str, set[str]] = {"V": set(), "N": set()}
    for lemma, pos in read_rows(DATA / "reporting.tsv", 2):
        table[pos].add(lemma)
    return {k: frozenset(v) for k, v in table.items()}
