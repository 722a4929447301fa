"""Organ words ("forces", "foreign ministry", "police") and organisation head words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geowire.actors.table import tokenise
from geowire.datafiles import read_rows

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Organ:
    surface: str
    tokens: tuple[str, ...]
    sector: str
    kind: str            # organ, title, people
    alone: bool          # names an actor even without a country or a following name
    determined: bool = False  # names one as a verb's determined subject or object ("the court ruled")


@dataclass
class OrganTable:
    by_first: dict[str, list[Organ]]

    def candidates(self, first_token: str) -> list[Organ]:
        return self.by_first.get(first_token, [])


@lru_cache(maxsize=1)
def default_organs() -> OrganTable:
    by_first: dict[str, list[Organ]] = {}
    for surface, sector, kind, alone in read_rows(DATA / "organs.tsv", 4):
        organ = Organ(surface, tokenise(surface), sector, kind or "organ", alone == "y", alone == "d")
        by_first.setdefault(organ.tokens[0], []).append(organ)
    for group in by_first.values():
        group.sort(key=lambda o: -len(o.tokens))
    return OrganTable(by_first)


@lru_cache(maxsize=1)
def org_head_sectors() -> dict[tuple[str, ...], str]:
    """Last word(s) of an organisation's name -> sector ("... Party" -> PTY)."""
    return {tokenise(head): sector for head, sector in read_rows(DATA / "org_heads.tsv", 2)}


def sector_from_name(tokens: list[str]) -> str | None:
    heads = org_head_sectors()
    for width in (2, 1):
        if len(tokens) >= width and tuple(tokens[-width:]) in heads:
            return heads[tuple(tokens[-width:])]
    return None
