"""A candidate's prior (population, the kind of feature, how the name matched) and the tests of what kind of
place a name is ("China" names a country; "Aleppo" the city sharing its province's name)."""

from __future__ import annotations

import math
from difflib import SequenceMatcher
from functools import lru_cache

from geowire.geo.gazetteer import Candidate
from geowire.geo.mention import Mention
from geowire.geo.normalise import strict_key
from geowire.geo.sources import ALTERNATE, DEMONYM, PRIMARY, SHORT_FORM
from geowire.geodesy import haversine_km

_LEVEL_BONUS = {"country": 4.0, "admin1": 1.5, "region": 5.0, "admin2": -1.5, "city": 0.0, "point": 1.0}
_KIND_PENALTY = {ALTERNATE: 0.7, SHORT_FORM: 1.2}
# a national capital is what its bare name usually means in news ("Washington", "Moscow")
_CAPITAL_BONUS = 3.0
# a name found only by dropping a generic word ("Neches River") is a weak guess
_APPROXIMATE_PENALTY = 1.0
AREA_PRECISIONS = ("country", "admin1", "admin2", "region")
EPONYM_KM = 150.0
# a city this large in the first-level area of its name is what the bare name means wherever in the area it lies
# ("New York", not the state; grid on both development sets, docs/geo.md "City, state or country")
EPONYM_CITY_POPULATION = 1_000_000
# a town smaller than this that shares its name with a country, sea or region ("China", Texas)
HOMONYM_TOWN_POPULATION = 100_000
# continents, oceans, seas and named regions: features whose bare name is usually meant, but that have
# no population of their own, so a population prior ranks them below any village ("Atlantic", Iowa).
# Under its own name such a feature counts as a place of this many people (grid on both development
# sets, docs/geo.md "Big features first")
BIG_FEATURE_CODES = ("L.CONT", "L.RGN", "H.OCN", "H.SEA")
BIG_FEATURE_POPULATION = 1_000_000


def prior(cand: Candidate, mention: Mention, has_primary: bool, big_feature_population: int) -> float:
    """A candidate's score before the text's cues and the document: population, level, how the name matched."""
    big = own_big_feature(cand)
    population = cand.population
    if cand.precision == "city":
        population = max(population, 1000)
    elif big and not population:     # oceans, seas, UN regions: no population of their own
        population = big_feature_population
    score = math.log10(population + 1)
    level = _LEVEL_BONUS.get(cand.precision, 0.0)
    # an area gets the bare-name bonus under its own name, not under its capital's
    # ("Alexandria" is an alternate name of the Egyptian governorate)
    score += level if cand.kind == PRIMARY or level < 0 or big else level / 2
    if cand.feature == "P.PPLC" and cand.kind == PRIMARY:
        score += _CAPITAL_BONUS
    if cand.approximate:
        score -= _APPROXIMATE_PENALTY
    if cand.feature.startswith(("H.", "T.")) and not big:
        score -= 2.0    # physical features have no population; don't let them outrank towns
    if cand.precision == "admin2" and cand.area_hint:
        score += 3.0    # "Cook County" names the county itself
    if not big:
        score -= _KIND_PENALTY.get(cand.kind, 0.0)
    if has_primary and cand.kind == ALTERNATE:
        score -= 1.5    # a place really called X beats one once also called X
    if cand.loose:
        score -= 2.0
    if cand.kind == DEMONYM and not mention.demonym and mention.text[:1].islower():
        score -= 3.0
    return score


# how alike two spellings must be to be one name transliterated twice (difflib's ratio of their strict keys):
# "Zaporizhzhia"/"Zaporizhzhya" 0.92, "Odessa"/"Odesa" 0.91, "Kharkov"/"Kharkiv" 0.86; an exonym or an old
# name is another name ("Rhodes"/"Ródos" 0.73, "Maryville"/"Beeville" 0.59)
SPELLING_VARIANT_RATIO = 0.8


@lru_cache(maxsize=50_000)
def spelling_variant(name: str, primary: str) -> bool:
    """``name`` is the place's primary name spelled another way, as transliterations differ ("Zaporizhzhia" for
    GeoNames' Zaporizhzhya): the same first letter and most letters in the same order."""
    a, b = strict_key(name), strict_key(primary)
    if a == b or len(a) < 5 or not b or a[0] != b[0]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= SPELLING_VARIANT_RATIO


# how many times larger than every place really called X a city must be for X, a spelling of its own name, to count
# as its name: twice when the two spellings differ by at most two letters in length ("Odessa" for GeoNames' Odesa,
# 1,000,000, beside Odessa, Texas), a hundred times otherwise ("Zaporizhzhia" for Zaporizhzhya, 710,052, beside a
# hamlet of 656 spelled so; not "Elizabethtown", an alternate of Elizabeth, New Jersey, 4 times the largest one)
CLOSE_SPELLING_SIZE_RATIO = 2
TRANSLITERATION_SIZE_RATIO = 100


def primary_named(candidates: list[Candidate], mention: Mention) -> bool:
    """Some candidate is really called by the mention's name (GeoNames' own name, not a loose match); before an
    area word ("the Zaporizhzhia region") only an area counts, not a hamlet of that name."""
    return any(c.kind == PRIMARY and not c.loose and (not mention.area_word or c.precision in AREA_PRECISIONS)
               for c in candidates)


def spelled_otherwise(cand: Candidate, name: str, candidates: list[Candidate]) -> bool:
    """``name`` is this large city's own name in another transliteration (:func:`spelling_variant`), and
    the city dwarfs every place whose GeoNames name is ``name``: not a place once also called so."""
    if cand.kind != ALTERNATE or cand.precision != "city" or cand.population < HOMONYM_TOWN_POPULATION \
            or not spelling_variant(name, cand.name):
        return False    # a large city's name ("Rocky Hill" is an alternate of Rock Hill, 71,548: not a spelling)
    largest = max((c.population for c in candidates if c.kind == PRIMARY and not c.loose), default=0)
    close = abs(len(strict_key(name)) - len(strict_key(cand.name))) <= 2
    return cand.population >= (CLOSE_SPELLING_SIZE_RATIO if close else TRANSLITERATION_SIZE_RATIO) * max(largest, 1)


def names_big_feature(candidates: list[Candidate]) -> bool:
    """The name is a real name (or demonym) of a country, continent, sea or named region, or the
    own name of a first-level area that no city of 100,000 shares ("Berlin", "Lima" are cities too)."""
    if (any(c.precision == "admin1" and c.kind == PRIMARY and not c.loose and not c.approximate for c in candidates)
            and not any(c.precision == "city" and c.population >= HOMONYM_TOWN_POPULATION for c in candidates)):
        # a state's or province's own name ("California", "Wales") that no large city shares: a town
        # of that name in another named state (California, Pennsylvania) needs evidence at the mention
        return True
    return any(c.precision in ("country", "region") and not c.loose and not c.approximate
               and c.kind in (PRIMARY, ALTERNATE, DEMONYM) or own_big_feature(c) for c in candidates)


def own_big_feature(cand: Candidate) -> bool:
    """A continent, ocean, sea or named region under its own name; an ocean's or sea's adjective
    ("Atlantic", "Caribbean") is the name English uses for it alone, not a weaker short form."""
    if cand.feature not in BIG_FEATURE_CODES or cand.loose or cand.approximate:
        return False
    return cand.kind == PRIMARY or cand.kind == SHORT_FORM and cand.feature.startswith("H.")


def small_town(cand: Candidate) -> bool:
    return cand.precision == "city" and cand.population < HOMONYM_TOWN_POPULATION


def favour_eponymous_cities(candidates: list[Candidate], scores: list[float],
                            world_city_population: int = EPONYM_CITY_POPULATION) -> None:
    """A city that shares its name with the province around it ("Aleppo", "Kirkuk") is the
    usual referent of the bare name; the province needs "province", "state" or a container cue
    ("upstate", "the state of", "X County, New York", a list of states). So is a city of a million or more
    that lies in the first-level area of its name however far from the area's centre ("New York", "São Paulo")."""
    areas = [(c, s) for c, s in zip(candidates, scores, strict=False)
             if c.precision == "admin1" and c.kind in (PRIMARY, ALTERNATE, SHORT_FORM)]
    for area, area_score in areas:
        eponyms = [i for i, cand in enumerate(candidates) if cand.precision == "city"
                   and cand.country_code == area.country_code
                   and (km(area, cand) < EPONYM_KM or world_city_population and cand.population >= world_city_population
                        and cand.admin1_code == area.admin1_code)]
        if eponyms:
            # the province's city is the largest of that name in it, not a hamlet beside it ("Zaporizhzhia", 656)
            i = max(eponyms, key=lambda i: candidates[i].population)
            scores[i] = max(scores[i], area_score + 0.5)


def eponymous_town(cand: Candidate, candidates: list[Candidate]) -> bool:
    """A town within reach of a first-level area's point that shares its name and lies in it ("Menaka" in the
    Ménaka region): the province is named after it, so it is no homonym of the province."""
    return cand.precision == "city" and any(
        a.precision == "admin1" and a.admin1_code == cand.admin1_code and km(a, cand) < EPONYM_KM for a in candidates)


def inside(cand: Candidate, area: Candidate) -> bool:
    if area.precision == "country":
        return cand.country_code == area.country_code
    if area.precision == "admin1":
        return cand.admin1_code == area.admin1_code and cand.precision != "admin1"
    if area.precision == "admin2":
        return cand.admin1_code == area.admin1_code and km(cand, area) < 80 and cand.precision == "city"
    return km(cand, area) < 400


def km(a: Candidate, b: Candidate) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)
