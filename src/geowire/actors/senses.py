"""Words that name an actor only in the news of one country (data/national_senses.tsv): "the Congress" of an
Indian story is the Indian National Congress, "the Centre" its union government."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from geowire.actors.matcher import Mention
from geowire.actors.organs import default_organs
from geowire.actors.table import Entry
from geowire.datafiles import read_rows

DATA = Path(__file__).parent / "data"
PHRASE_HEAD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "conj", "appos", "ROOT"})
NARROWING_DEPS = frozenset({"compound", "prep", "nmod", "poss"})


@lru_cache(maxsize=1)
def national_senses() -> dict[tuple[str, str], Entry]:
    """(word, story country) -> the actor the word names in that country's news."""
    return {(word, story): Entry(name=name, country=country, sector=sector)
            for word, story, name, country, sector in read_rows(DATA / "national_senses.tsv", 5)}


def in_national_sense(doc, lowered: list[str], mentions: list[Mention], story_country: str | None) -> list[Mention]:
    """``mentions`` with the words the story's country reads as an actor standing for that actor: a word the
    table matched alone (the US Congress) takes the country's sense, and a word it did not match is added."""
    senses = national_senses()
    if story_country is None or not any(story == story_country for _, story in senses):
        return mentions
    covered = {i for m in mentions if m.end - m.start > 1 for i in range(m.start, m.end)}
    tokens = {t.i for t in doc if (lowered[t.i], story_country) in senses and t.i not in covered
              and _names_a_body(t)}
    kept = [m for m in mentions if m.start not in tokens]
    added = [Mention(i, i + 1, senses[(lowered[i], story_country)]) for i in tokens]
    return sorted(kept + added, key=lambda m: m.start)


def _names_a_body(token) -> bool:
    """'the Centre said', 'Congress leaders': the word heads its own phrase with nothing narrowing it to a place
    or a kind ("the centre of the town", "a relief centre"), or qualifies an office or a body ("congress leaders",
    read with the organ table)."""
    if token.pos_ not in ("NOUN", "PROPN") or any(c.dep_ in NARROWING_DEPS for c in token.children):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return False
    if token.dep_ == "compound":
        return bool(default_organs().candidates(token.head.lower_))
    return token.dep_ in PHRASE_HEAD_DEPS
