"""The alias table: every known surface form of an actor, indexed by its tokens.

Rows come from ``data/aliases.tsv`` (organs of state, armed groups, IGOs, NGOs, media,
leaders) and from :mod:`geowire.actors.countries` (country names, demonyms, capitals).
A hand-written row wins over a generated one with the same surface form. Aliases are
tokenised with spaCy's English tokenizer so that they line up with parsed documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geowire.actors.countries import country_aliases, country_names_by_iso3
from geowire.datafiles import read_rows

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Entry:
    """What an alias stands for."""

    name: str
    country: str | None
    sector: str | None
    parent: str | None = None
    kind: str = "org"            # org (incl. people), name, demonym, people, capital, organ


@dataclass(frozen=True)
class Alias:
    surface: str
    tokens: tuple[str, ...]      # lower-cased token texts
    entry: Entry
    exact_case: bool             # acronyms: "IS", "AP", "WHO" must be written in capitals
    capitalised: bool            # "Wagner" must start with a capital letter in the text


def normalise(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def tokenise(text: str) -> tuple[str, ...]:
    return tuple(normalise(t.text) for t in _tokenizer()(text))


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(surface) <= 8


def make_alias(surface: str, entry: Entry) -> Alias:
    surface = surface.removeprefix("the ").removeprefix("The ") if len(surface.split()) > 1 else surface
    return Alias(surface, tokenise(surface), entry, _is_acronym(surface), surface[:1].isupper())


def _country_entry(iso3: str, kind: str) -> Entry:
    name = country_names_by_iso3().get(iso3, iso3)
    sector = "GOV" if kind == "capital" else None
    return Entry(name=name, country=iso3, sector=sector, kind=kind)


HAND_FILES = ("aliases.tsv", "leaders.tsv")


def _hand_rows() -> list[Alias]:
    out = []
    taken: set[str] = set()
    for file in HAND_FILES:
        for alias, name, country, sector, parent in read_rows(DATA / file, 5):
            if alias in taken:      # the first file wins: aliases.tsv holds the current office-holders
                continue
            taken.add(alias)
            entry = Entry(name=name, country=country or None, sector=sector or None, parent=parent or None)
            out.append(make_alias(alias, entry))
    return out


@dataclass
class AliasTable:
    by_first: dict[str, list[Alias]]
    size: int

    def candidates(self, first_token: str) -> list[Alias]:
        return self.by_first.get(first_token, [])


def build_table(aliases: list[Alias]) -> AliasTable:
    by_first: dict[str, list[Alias]] = {}
    for alias in aliases:
        if alias.tokens:
            by_first.setdefault(alias.tokens[0], []).append(alias)
    for group in by_first.values():
        group.sort(key=lambda a: -len(a.tokens))
    return AliasTable(by_first, len(aliases))


@lru_cache(maxsize=1)
def default_table() -> AliasTable:
    hand = _hand_rows()
    taken = {a.tokens for a in hand}
    generated = []
    for row in country_aliases():
        alias = make_alias(row.alias, _country_entry(row.iso3, row.kind))
        if alias.tokens not in taken:
            taken.add(alias.tokens)
            generated.append(alias)
    return build_table(hand + generated)
