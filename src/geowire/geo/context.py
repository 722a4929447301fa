"""The document's context: the countries and provinces the other mentions point to, their nearness, lists
of one kind, the bare name beside "X City", and the far-off village that nothing in the text supports."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from geowire.geo.mention import Group
from geowire.geo.priors import (
    EPONYM_KM,
    eponymous_town,
    km,
    names_big_feature,
    primary_named,
    small_town,
    spelled_otherwise,
)
from geowire.geo.sources import ALTERNATE

_NEAR_KM = 150.0
_AREA_SCALE = {"admin1": 2.0, "country": 4.0, "region": 4.0}
_ANCHORS = 12


def apply_document_context(groups: list[Group], settings, reuse_nearness: bool = False) -> None:
    """Each candidate's score plus the document's support (its country's and province's share of the other
    mentions, nearness to their readings), weighted by ``settings`` (the resolver's weights); the group's
    candidates are re-ranked by it."""
    countries, admins = context_mass(groups)
    all_c, all_a = sum(countries.values()), sum(admins.values())
    nearness = {} if reuse_nearness else _proximities(groups, _anchors(groups))
    country_weight, admin1_weight = settings.country_weight, settings.admin1_weight
    coherence_weight = settings.coherence_weight
    for group in groups:
        own_c, own_a = context_mass([group])
        rest_c, rest_a = all_c - sum(own_c.values()), all_a - sum(own_a.values())
        if reuse_nearness and group.near is not None:
            near = group.near
        else:
            near = nearness.get(id(group)) or [0.0] * len(group.candidates)
        big = names_big_feature(group.candidates)
        named_city = _city_named_as_its_area(group, groups, settings)
        named_so = primary_named(group.candidates, group.mentions[0])
        scores = []
        # ``share`` inlined (the same arithmetic): this loop runs for every candidate of every name, twice
        c_total, a_total = rest_c > 1e-9, rest_a > 1e-9
        for i, (cand, local, closeness) in enumerate(zip(group.candidates, group.local, near, strict=False)):
            code, admin = cand.country_code, cand.admin1_code
            c_share = max(0.0, countries.get(code, 0.0) - own_c.get(code, 0.0)) / rest_c \
                if code and c_total else 0.0
            a_share = max(0.0, admins.get(admin, 0.0) - own_a.get(admin, 0.0)) / rest_a \
                if admin and a_total else 0.0
            context = (country_weight * c_share + admin1_weight * a_share + coherence_weight * closeness)
            if big and small_town(cand) and not (group.cued and group.cued[i]) \
                    and not eponymous_town(cand, group.candidates):
                # "China", "Atlantic", "Canadian": a town that shares the name of a country,
                # ocean or region needs evidence at the mention ("China, Texas"), not just a
                # document about the same state; not the province's own town ("Menaka", the capital of the
                # Ménaka region)
                context *= settings.homonym_context_share
            if cand.kind == ALTERNATE and named_so and i != named_city \
                    and not spelled_otherwise(cand, group.mentions[0].text, group.candidates):
                # a place once also called X ("Maryville" for Beeville, Texas) needs more than a
                # document about its state to beat the places really called X; a transliteration of its own name
                # ("Zaporizhzhia" for Zaporizhzhya, beside a hamlet spelled so) is its name
                context *= settings.alternate_context_share
            scores.append(local + context)
        group.probs = softmax(scores)
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        group.candidates = [group.candidates[i] for i in order]
        group.probs = [group.probs[i] for i in order]
        group.local = [group.local[i] for i in order]
        group.near = [near[i] for i in order]
        if group.cued:
            group.cued = [group.cued[i] for i in order]


def _city_named_as_its_area(group: Group, groups: list[Group], settings) -> int | None:
    """The index of a large city under the name of the first-level area it lies in ("New York" for New York City,
    GeoNames' alternate name of it), when no other mention of the text is read as a place elsewhere in that area:
    that name is then the city's own, not one it was once also called, and the city is not discounted as such.
    Towns elsewhere in the state ("Albany", "Buffalo") and other states of the country are the text's cue for the
    state."""
    threshold = getattr(settings, "eponym_city_population", 0)
    reach = getattr(settings, "eponym_city_km", 0.0)
    if not (threshold and getattr(settings, "eponym_city_own_name", False)):
        return None
    for i, cand in enumerate(group.candidates):
        if cand.precision == "city" and cand.population >= threshold and any(
                other.precision == "admin1" and other.admin1_code == cand.admin1_code for other in group.candidates):
            elsewhere = any(
                other is not group and other.candidates and other.probs[0] >= 0.5
                and _state_cue(other.candidates[0], cand, reach)
                and (other.candidates[0].precision != "admin1" or _beside(other, group)) for other in groups)
            return None if elsewhere else i
    return None


# how near (characters) another state's mention must stand to read a name as a state among states ("bombings in
# New York and New Jersey"); a state named elsewhere in a national story is no cue
STATE_BESIDE_CHARS = 100


def _beside(other: Group, group: Group) -> bool:
    return any(abs(a.start - b.start) <= STATE_BESIDE_CHARS for a in other.mentions for b in group.mentions)


def _state_cue(reading, city, reach: float) -> bool:
    """Another mention's reading that points to the state rather than its big city: a town elsewhere in the state
    ("Albany"), or another first-level area of the country ("Texas", "New Jersey": the text speaks of states)."""
    if reading.precision == "admin1":
        return reading.country_code == city.country_code and reading.admin1_code != city.admin1_code
    return reading.admin1_code == city.admin1_code and reading.precision in ("city", "point", "admin2") \
        and km(reading, city) >= reach


def stray_towns(groups: list[Group], population: int, nearness: float) -> set[str]:
    """Names read only as small towns that nothing in the text supports: no cue at any mention, no
    share of the town's province among the other mentions, no other mention near it, while the
    text names other places."""
    if population <= 0 or len(groups) < 2:
        return set()
    _, admins = context_mass(groups)
    out = set()
    for group in groups:
        if not group.candidates or any(group.cued or ()):
            continue
        top = group.candidates[0]
        if any(c.precision not in ("city", "point") for c in group.candidates) \
                or top.population >= population:
            continue
        own = context_mass([group])[1]
        if share(admins, own, top.admin1_code) > 0.0 or (group.near and group.near[0] >= nearness):
            continue
        out.add(group.key)
    return out


# a name made only of compass and position words: "Middle East", "South", "Western", "Far East", "North Eastern"
_DIRECTION_ONLY = re.compile(
    r"^(?:(?:north|south|east|west|middle|mid|central|far|near|upper|lower)(?:-?(?:east|west))?(?:ern)?\s*)+$",
    re.IGNORECASE)


def stray_directions(groups: list[Group]) -> set[str]:
    """Names made only of compass and position words that the text does not place: in news such a name is a
    direction or a region ("the Middle East", "the South") far more often than the village or the province abroad
    the gazetteer knows by it, which needs its province (a town) or its country (an area) among the readings of the
    text's other places, or a cue at the mention."""
    out = set()
    for group in groups:
        if not group.candidates or any(group.cued or ()) or not _DIRECTION_ONLY.match(group.mentions[0].text):
            continue
        top = group.candidates[0]
        if top.precision == "region" or top.country_code is None:
            continue
        others = [g.candidates[0] for g in groups if g is not group and g.candidates]
        if top.precision in ("city", "point", "admin2"):
            placed = any(o.admin1_code == top.admin1_code for o in others if o.precision != "country")
        else:
            placed = any(o.country_code == top.country_code for o in others)
        if not placed:
            out.add(group.key)
    return out


def stray_approximations(groups: list[Group]) -> set[str]:
    """Names read only by dropping a generic word ("Lake Victoria" as Victoria, Seychelles) in a country that the
    text's other places are not in, while they are in some country: the feature is one the gazetteer lacks,
    near the text's places, not a namesake of its remaining word abroad."""
    picked = {g.key: g.candidates[0].country_code for g in groups if g.candidates}
    out = set()
    for group in groups:
        if not group.candidates or not group.candidates[0].approximate or any(group.cued or ()) \
                or not group.candidates[0].country_code:
            continue    # (a continent, sea or region read from "West Africa", "Eastern Mediterranean" stays)
        others = {code for key, code in picked.items() if key != group.key and code}
        if others and group.candidates[0].country_code not in others:
            out.add(group.key)
    return out


_COORDINATION = re.compile(r"^\s*(?:,|;|,?\s+(?:and|or))\s*$")
_LIST_MIN = 3
_LEVEL_OF = {"admin2": "admin", "admin1": "admin", "country": "country", "city": "town", "point": "town",
             "region": "region"}


def list_level_cue(text: str, groups: list[Group], weight: float) -> None:
    """Names in one list are things of one kind: in "Arizona, Utah, Washington and Wisconsin"
    Washington is a state, in "Paris, Lyon and Marseille" each is a town. A candidate gains
    ``weight`` times the share of the list's other names (their prior readings) at its level."""
    owner = {id(m): g for g in groups for m in g.mentions}
    ordered = sorted((m for g in groups for m in g.mentions), key=lambda m: m.start)
    chains, chain = [], ordered[:1]
    for prev, cur in zip(ordered, ordered[1:], strict=False):
        if _COORDINATION.match(text[prev.end:cur.start]):
            chain.append(cur)
        else:
            chains.append(chain)
            chain = [cur]
    chains.append(chain)
    for chain in chains:
        if len(chain) < _LIST_MIN:
            continue
        levels = []
        for mention in chain:
            group = owner[id(mention)]
            mass: dict[str, float] = defaultdict(float)
            for cand, prob in zip(group.candidates, group.probs, strict=False):
                mass[_LEVEL_OF.get(cand.precision, "")] += prob
            levels.append((mention, group, mass))
        for _, group, _ in levels:
            others = [mass for _, g, mass in levels if g is not group]
            if not others:
                continue
            for i, cand in enumerate(group.candidates):
                level = _LEVEL_OF.get(cand.precision, "")
                share = sum(mass.get(level, 0.0) for mass in others) / len(others)
                group.local[i] += weight * share / len(group.mentions)


def distinguish_longer_names(groups: list[Group]) -> None:
    """A text that says "Mexico City" (or "Kuwait City", "New York City") and also the bare
    "Mexico" uses the bare name for something else: it does not pick the longer name's place."""
    for group in groups:
        for other in groups:
            if other is group or not other.candidates or other.key != group.key + " city":
                continue
            taken = other.candidates[0].place_id
            top = group.candidates[0] if group.candidates else None
            pulled = top is not None and (top.place_id == taken or (
                top.precision in ("city", "admin2", "admin1") and km(top, other.candidates[0]) < EPONYM_KM))
            if len(group.candidates) > 1 and pulled:
                # the document's pull went to the longer name's place and its surroundings (the city,
                # or the province or town around it): the bare name is read by its own prior and cues
                rest = [(c, loc) for c, loc in zip(group.candidates, group.local, strict=False) if c.place_id != taken]
                rest.sort(key=lambda item: -item[1])
                group.candidates = [c for c, _ in rest]
                group.local = [loc for _, loc in rest]
                group.probs = softmax(group.local)


def _anchors(groups: list[Group]) -> list[tuple]:
    """Where each mention may be: its likelier candidates (radians), weights and reach."""
    out = []
    for group in groups:
        picked = list(zip(group.candidates, group.probs, strict=False))[:_ANCHORS]
        if picked:
            lats = np.radians([c.lat for c, _ in picked])
            lons = np.radians([c.lon for c, _ in picked])
            # a less likely reading still counts when it sits right next to another mention's
            weights = np.array([p for _, p in picked]) ** 0.25
            # an area's point stands for a wide extent: nearness to it decays more slowly
            scales = np.array([_NEAR_KM * _AREA_SCALE.get(c.precision, 1.0) for c, _ in picked])
            out.append((group, lats, lons, weights / weights.max(), scales))
    return out


def _proximities(groups: list[Group], anchors: list) -> dict[int, list[float]]:
    """Per group (by id), per candidate: the mean over the other mentions' anchors of their best
    weighted nearness (0..1). Each anchor is measured against every group's candidates at once."""
    bounds, lats, lons = [], [], []
    for group in groups:
        bounds.append((len(lats), len(lats) + len(group.candidates)))
        lats += [c.lat for c in group.candidates]
        lons += [c.lon for c in group.candidates]
    if not lats:
        return {}
    lat = np.radians(lats)[:, None]
    lon = np.radians(lons)[:, None]
    columns = []
    if anchors:
        # every anchor's points side by side, measured against every candidate in one pass (the same arithmetic
        # element by element as one anchor at a time); each anchor's best is the maximum over its own columns
        a_lats = np.concatenate([a[1] for a in anchors])
        a_lons = np.concatenate([a[2] for a in anchors])
        weights = np.concatenate([a[3] for a in anchors])
        scales = np.concatenate([a[4] for a in anchors])
        h = np.sin((a_lats - lat) / 2) ** 2 + np.cos(lat) * np.cos(a_lats) * np.sin((a_lons - lon) / 2) ** 2
        km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
        starts = np.cumsum([0] + [len(a[1]) for a in anchors[:-1]])
        best = np.maximum.reduceat(weights * np.exp(-km / scales), starts, axis=1)
        columns = [(anchor[0], best[:, k]) for k, anchor in enumerate(anchors)]
    out = {}
    # each group's sum over the other groups' columns: the sum of all columns less its own (one pass, not one per
    # group over all the others)
    every = np.sum([column for _, column in columns], axis=0) if columns else np.zeros(len(lats))
    own_column = {id(owner): column for owner, column in columns}
    for group, (low, high) in zip(groups, bounds, strict=True):
        own = own_column.get(id(group))
        others = len(columns) - (own is not None)
        total = every[low:high] - own[low:high] if own is not None else every[low:high]
        out[id(group)] = list(total / others) if others else [0.0] * (high - low)
    return out


def context_mass(groups: Iterable[Group]) -> tuple[dict[str, float], dict[str, float]]:
    countries: dict[str, float] = defaultdict(float)
    admins: dict[str, float] = defaultdict(float)
    for group in groups:
        weight = len(group.mentions) ** 0.5
        for cand, prob in zip(group.candidates, group.probs, strict=False):
            if cand.country_code:
                countries[cand.country_code] += weight * prob
            if cand.admin1_code:
                admins[cand.admin1_code] += weight * prob
    return countries, admins


def share(mass: dict[str, float], own: dict[str, float], key: str | None, total: float | None = None) -> float:
    """The share of the other mentions' mass at ``key``; ``total`` (the mass less the own) when the caller
    already summed it for many candidates of one group."""
    if not key:
        return 0.0
    if total is None:
        total = sum(mass.values()) - sum(own.values())
    if total <= 1e-9:
        return 0.0
    return max(0.0, mass.get(key, 0.0) - own.get(key, 0.0)) / total


def softmax(scores: list[float]) -> list[float]:
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
