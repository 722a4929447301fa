"""Toponym resolution: choose the gazetteer entry each mention denotes.

Each candidate gets a score from
* its prior — population (log), the kind of feature (a country or first-level area
  is the usual referent of a bare name such as "Georgia" or "Texas"), how the name
  matched (primary name, alternate, loose key, short form of an area name);
* cues at the mention — a containing area ("Paris, Texas", "Hit in Anbar province"),
  a type word ("the town of X", "X province") and a country adjective ("the Iraqi
  town of X");
* the document — the countries and first-level areas the other mentions point to
  (country focus), weighted by how sure those mentions are.
The same surface form is resolved once per document ("one sense per discourse"),
pooling the cues of all its mentions. Confidence is the winner's softmax share.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from geowire.geo.calibration import CurveSet, calibration_group, load_calibration
from geowire.geo.cues import Cues, cues_for
from geowire.geo.gazetteer import Candidate, Gazetteer, get_gazetteer
from geowire.geo.normalise import strict_key
from geowire.geo.sources import ALTERNATE, DEMONYM, PRIMARY, SHORT_FORM
from geowire.geodesy import haversine_km
from geowire.model import Document, Place
from geowire.registry import registry

_LEVEL_BONUS = {"country": 4.0, "admin1": 1.5, "region": 5.0, "admin2": -1.5, "city": 0.0, "point": 1.0}
_KIND_PENALTY = {ALTERNATE: 0.7, SHORT_FORM: 1.2}
# a national capital is what its bare name usually means in news ("Washington", "Moscow")
_CAPITAL_BONUS = 3.0
# a name found only by dropping a generic word ("Neches River") is a weak guess
_APPROXIMATE_PENALTY = 1.0
_AREA_PRECISIONS = ("country", "admin1", "admin2", "region")
_NEAR_KM = 150.0
_EPONYM_KM = 150.0
_AREA_SCALE = {"admin1": 2.0, "country": 4.0, "region": 4.0}
_ANCHORS = 12
# "Albany, New York": a name after "Place, " is the state or country that holds the place
_CONTAINER_BONUS = 2.0
# a town smaller than this that shares its name with a country, sea or region ("China", Texas)
_HOMONYM_TOWN_POPULATION = 100_000
# continents, oceans, seas and named regions: features whose bare name is usually meant, but that have
# no population of their own, so a population prior ranks them below any village ("Atlantic", Iowa).
# Under its own name such a feature counts as a place of this many people (grid on both development
# sets, docs/geo.md "Big features first")
_BIG_FEATURE_CODES = ("L.CONT", "L.RGN", "H.OCN", "H.SEA")
_BIG_FEATURE_POPULATION = 1_000_000
# a name read only as a town smaller than this, with no support in the text (``_stray_towns``)
_STRAY_TOWN_POPULATION = 20_000
_STRAY_NEARNESS = 0.05


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    demonym: bool = False        # the recogniser saw an adjective/demonym (spaCy NORP)


@dataclass
class _Group:
    """All mentions of one surface form in a document."""

    key: str
    mentions: list[Mention]
    candidates: list[Candidate]
    local: list[float]           # prior + cue score per candidate
    probs: list[float]
    cued: list[bool] | None = None   # the text at the mention itself supports the candidate
    near: list[float] | None = None  # spatial coherence with the other mentions, per candidate


class ContextResolver:
    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        country_weight: float = 4.0,
        admin1_weight: float = 7.0,
        hint_weight: float = 6.0,
        coherence_weight: float = 12.0,
        max_candidates: int = 40,
        homonym_context_share: float = 0.5,
        list_weight: float = 2.0,
        container_rule: bool = True,
        context_passes: int = 2,
        alternate_context_share: float = 0.5,
        big_feature_population: int = _BIG_FEATURE_POPULATION,
        stray_town_population: int = _STRAY_TOWN_POPULATION,
        stray_nearness: float = _STRAY_NEARNESS,
    ):
        self._gazetteer = gazetteer
        self.big_feature_population = big_feature_population
        self.stray_town_population = stray_town_population
        self.stray_nearness = stray_nearness
        self.list_weight = list_weight
        self.container_rule = container_rule
        self.context_passes = context_passes
        self.alternate_context_share = alternate_context_share
        self.homonym_context_share = homonym_context_share
        self.country_weight = country_weight
        self.admin1_weight = admin1_weight
        self.hint_weight = hint_weight
        self.coherence_weight = coherence_weight
        self.max_candidates = max_candidates
        self.calibration: CurveSet | None = load_calibration()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Document) -> Document:
        """Resolve ``doc.spans`` when given, else re-resolve the places already found."""
        if doc.spans is not None:
            mentions = [Mention(s, e, doc.text[s:e]) for s, e in doc.spans]
        else:
            mentions = [Mention(p.start, p.end, p.text, p.demonym) for p in doc.places]
        doc.places = self.resolve(doc.text, mentions)
        return doc

    def resolve(self, text: str, mentions: Sequence[Mention]) -> list[Place]:
        """One Place per mention, in the given order."""
        groups = self._groups(text, mentions)
        if self.list_weight:
            _list_level_cue(text, groups, self.list_weight)
        self._apply_document_context(groups)
        for _ in range(self.context_passes - 1):
            # the shares again, from the readings the first pass settled on: "Georgia" read as the
            # state (not the country its prior prefers) lends Georgia's share to "Atlanta"
            self._apply_document_context(groups, reuse_nearness=True)
        _distinguish_longer_names(groups)
        chosen = {g.key: g for g in groups}
        stray = self._stray_towns(groups)
        places = [_place(m, chosen.get(_group_key(m))) for m in mentions]     # raw confidence
        for i, mention in enumerate(mentions):
            if _group_key(mention) in stray:
                # "Middle East" (a Maryland village) in a story about Egypt and Israel: a name the
                # gazetteer knows only as a far-off village is more likely a feature it lacks
                places[i] = Place(start=mention.start, end=mention.end, text=mention.text,
                                  demonym=mention.demonym)
        if self.container_rule:
            for i, mention in enumerate(mentions):
                group = chosen.get(_group_key(mention))
                if group is not None and group.candidates and self._not_in_named_area(text, mention, group):
                    # "Stroud, Ontario, Canada" with no Stroud in Ontario: a place there the gazetteer
                    # lacks, so it takes the named area (below), not a Stroud elsewhere
                    places[i] = Place(start=mention.start, end=mention.end, text=mention.text,
                                      demonym=mention.demonym)
        self._enclosing_places(text, places)
        if self.calibration is not None:
            for place in places:
                if place.lat is not None:
                    group = calibration_group(place.precision, place.basis)
                    place.confidence = round(self.calibration(place.confidence, group), 3)
        return places

    # -- names the gazetteer lacks ---------------------------------------------------

    def _enclosing_places(self, text: str, places: list[Place]) -> None:
        """A name the gazetteer lacks ("Elm Street", "Fort Hood", "Zamalek") gets the place that
        the text puts it in: the place named right after it ("Elm Street, Dayton"), else the
        dateline, else the nearest town or province named in its sentence, else the place the
        document mentions most. The precision is that place's, so
        a street is never reported finer than the town around it; ``basis`` says which."""
        resolved = [p for p in places if p.lat is not None]
        if not resolved or len(resolved) == len(places):
            return
        by_key = {strict_key(p.text): p for p in resolved if p.basis != "demonym"}
        frame = _dateline(text, resolved)
        basis = "dateline" if frame else "document_focus"
        frame = frame or _focus(resolved)
        for i, place in enumerate(places):
            if place.lat is not None:
                continue
            source, how = None, basis
            for hint in cues_for(text, place.start, place.end).hints:
                source = by_key.get(strict_key(hint)) or self._standalone(hint)
                if source is not None:
                    how = "container"
                    break
            if source is None and basis != "dateline":
                source = _same_sentence(text, place, resolved)
                how = "sentence" if source is not None else how
            source = source or frame
            if source is None:
                continue
            places[i] = _enclosed(place, source, how)

    def _stray_towns(self, groups: list[_Group]) -> set[str]:
        """Names read only as small towns that nothing in the text supports: no cue at any mention, no
        share of the town's province among the other mentions, no other mention near it, while the
        text names other places."""
        if self.stray_town_population <= 0 or len(groups) < 2:
            return set()
        _, admins = _context_mass(groups)
        out = set()
        for group in groups:
            if not group.candidates or any(group.cued or ()):
                continue
            top = group.candidates[0]
            if any(c.precision not in ("city", "point") for c in group.candidates) \
                    or top.population >= self.stray_town_population:
                continue
            own = _context_mass([group])[1]
            if _share(admins, own, top.admin1_code) > 0.0 or (group.near and group.near[0] >= self.stray_nearness):
                continue
            out.add(group.key)
        return out

    def _not_in_named_area(self, text: str, mention: Mention, group: _Group) -> bool:
        """The text puts the mention in a province or country ("X, Ontario", "X in Kenya") that
        holds none of the name's candidates, and the name is not itself an area of that rank."""
        if group.candidates[0].precision not in ("city", "point", "admin2"):
            return False
        hints = cues_for(text, mention.start, mention.end).closing_hints
        areas = [a for h in hints for a in self._hint_areas(h) if a.precision in ("admin1", "country") and not a.loose]
        if not areas:
            return False
        return not any(_inside(c, a) for c in group.candidates for a in areas)

    def _standalone(self, name: str) -> Place | None:
        ranked = [c for c in self.gazetteer.lookup(name, limit=5) if c.kind != DEMONYM]
        if not ranked:
            return None
        best = ranked[0]
        return Place(start=-1, end=-1, text=name, name=best.name, lat=best.lat, lon=best.lon,
                     geonameid=best.geonameid, country_code=best.country_code,
                     admin1=best.name if best.precision == "admin1" else best.admin1, feature=best.feature,
                     precision=best.precision, confidence=0.5, basis="name")    # raw: a lone name

    # -- scoring -----------------------------------------------------------------

    def _groups(self, text: str, mentions: Sequence[Mention]) -> list[_Group]:
        by_key: dict[str, list[Mention]] = defaultdict(list)
        for mention in mentions:
            by_key[_group_key(mention)].append(mention)
        groups = []
        for key, members in by_key.items():
            candidates = self._candidates(members[0])
            if not candidates:
                continue
            cues = [cues_for(text, m.start, m.end) for m in members]
            has_primary = any(c.kind == PRIMARY and not c.loose for c in candidates)
            local = [self._prior(c, members[0], has_primary) for c in candidates]
            _favour_eponymous_cities(candidates, local)     # before cues: "Idlib province" stays a province
            cue_scores = [self._cue_score(c, cues) for c in candidates]
            local = [score + cue for score, cue in zip(local, cue_scores, strict=False)]
            # "Jordan middle school", "a Palestine man": the text reads the name as a town of local news
            read_local = any(cue.local for cue in cues)
            cued = [cue > 0 or (read_local and c.precision in ("city", "point"))
                    for c, cue in zip(candidates, cue_scores, strict=False)]
            groups.append(_Group(key, members, candidates, local, _softmax(local), cued))
        return groups

    def _candidates(self, mention: Mention) -> list[Candidate]:
        found = [c for c in self.gazetteer.candidates(mention.text) if not c.abbreviation or "." in mention.text]
        if not found:
            found = self.gazetteer.fallback_candidates(mention.text)
        if mention.demonym:
            found = [c for c in found if c.kind == DEMONYM] or found
        return found[: self.max_candidates]

    def _prior(self, cand: Candidate, mention: Mention, has_primary: bool) -> float:
        big = _own_big_feature(cand)
        population = cand.population
        if cand.precision == "city":
            population = max(population, 1000)
        elif big and not population:     # oceans, seas, UN regions: no population of their own
            population = self.big_feature_population
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

    def _cue_score(self, cand: Candidate, cues: list[Cues]) -> float:
        best = 0.0
        for cue in cues:
            score = self._hint_score(cand, cue.hints)
            if cue.wants_settlement:
                score += 2.0 if cand.precision in ("city", "point") else -3.0
            if cue.wants_area:
                score += 2.0 if cand.precision in _AREA_PRECISIONS else -2.0
            if cue.container and not cue.wants_settlement:
                score += _CONTAINER_BONUS if cand.precision in ("admin1", "country") else 0.0
            if cue.adjective:
                score += self._adjective_score(cand, cue.adjective)
            best = max(best, score) if best else score
        return best

    def _hint_score(self, cand: Candidate, hints: tuple[str, ...]) -> float:
        areas = [a for h in hints for a in self._hint_areas(h)]
        areas = [a for a in areas if a.place_id != cand.place_id]
        if not areas:
            return 0.0
        return self.hint_weight if any(_inside(cand, area) for area in areas) else -1.0

    def _hint_areas(self, hint: str) -> list[Candidate]:
        """Areas a containing-area hint names; a US postal code ("Austin, TX") counts only here,
        right after a place name, where it cannot be the word "IN" or "OR"."""
        found = [a for a in self.gazetteer.candidates(hint) if a.precision in _AREA_PRECISIONS]
        if not found and re.fullmatch(r"[A-Z]{2}", hint):
            found = self.gazetteer.us_state(hint)
        return found

    def _adjective_score(self, cand: Candidate, adjective: str) -> float:
        countries = {c.country_code for c in self.gazetteer.candidates(adjective) if c.kind == DEMONYM}
        if not countries:
            return 0.0
        return 4.0 if cand.country_code in countries else -1.0

    def _apply_document_context(self, groups: list[_Group], reuse_nearness: bool = False) -> None:
        countries, admins = _context_mass(groups)
        all_c, all_a = sum(countries.values()), sum(admins.values())
        nearness = {} if reuse_nearness else _proximities(groups, _anchors(groups))
        for group in groups:
            own_c, own_a = _context_mass([group])
            rest_c, rest_a = all_c - sum(own_c.values()), all_a - sum(own_a.values())
            if reuse_nearness and group.near is not None:
                near = group.near
            else:
                near = nearness.get(id(group)) or [0.0] * len(group.candidates)
            big = _names_big_feature(group.candidates)
            primary_named = any(c.kind == PRIMARY and not c.loose for c in group.candidates)
            scores = []
            for i, (cand, local, closeness) in enumerate(zip(group.candidates, group.local, near, strict=False)):
                c_share = _share(countries, own_c, cand.country_code, rest_c)
                a_share = _share(admins, own_a, cand.admin1_code, rest_a)
                context = (self.country_weight * c_share + self.admin1_weight * a_share
                           + self.coherence_weight * closeness)
                if big and _small_town(cand) and not (group.cued and group.cued[i]):
                    # "China", "Atlantic", "Canadian": a town that shares the name of a country,
                    # ocean or region needs evidence at the mention ("China, Texas"), not just a
                    # document about the same state
                    context *= self.homonym_context_share
                if cand.kind == ALTERNATE and primary_named:
                    # a place once also called X ("Maryville" for Beeville, Texas) needs more than a
                    # document about its state to beat the places really called X
                    context *= self.alternate_context_share
                scores.append(local + context)
            group.probs = _softmax(scores)
            order = sorted(range(len(scores)), key=lambda i: -scores[i])
            group.candidates = [group.candidates[i] for i in order]
            group.probs = [group.probs[i] for i in order]
            group.local = [group.local[i] for i in order]
            group.near = [near[i] for i in order]
            if group.cued:
                group.cued = [group.cued[i] for i in order]


_COORDINATION = re.compile(r"^\s*(?:,|;|,?\s+(?:and|or))\s*$")
_LIST_MIN = 3
_LEVEL_OF = {"admin2": "admin", "admin1": "admin", "country": "country", "city": "town", "point": "town",
             "region": "region"}


def _list_level_cue(text: str, groups: list[_Group], weight: float) -> None:
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


def _distinguish_longer_names(groups: list[_Group]) -> None:
    """A text that says "Mexico City" (or "Kuwait City", "New York City") and also the bare
    "Mexico" uses the bare name for something else: it does not pick the longer name's place."""
    for group in groups:
        for other in groups:
            if other is group or not other.candidates or other.key != group.key + " city":
                continue
            taken = other.candidates[0].place_id
            top = group.candidates[0] if group.candidates else None
            pulled = top is not None and (top.place_id == taken or (
                top.precision in ("city", "admin2", "admin1") and _km(top, other.candidates[0]) < _EPONYM_KM))
            if len(group.candidates) > 1 and pulled:
                # the document's pull went to the longer name's place and its surroundings (the city,
                # or the province or town around it): the bare name is read by its own prior and cues
                rest = [(c, loc) for c, loc in zip(group.candidates, group.local, strict=False) if c.place_id != taken]
                rest.sort(key=lambda item: -item[1])
                group.candidates = [c for c, _ in rest]
                group.local = [loc for _, loc in rest]
                group.probs = _softmax(group.local)


def _names_big_feature(candidates: list[Candidate]) -> bool:
    """The name is a real name (or demonym) of a country, continent, sea or named region, or the
    own name of a first-level area that no city of 100,000 shares ("Berlin", "Lima" are cities too)."""
    if (any(c.precision == "admin1" and c.kind == PRIMARY and not c.loose and not c.approximate for c in candidates)
            and not any(c.precision == "city" and c.population >= _HOMONYM_TOWN_POPULATION for c in candidates)):
        # a state's or province's own name ("California", "Wales") that no large city shares: a town
        # of that name in another named state (California, Pennsylvania) needs evidence at the mention
        return True
    return any(c.precision in ("country", "region") and not c.loose and not c.approximate
               and c.kind in (PRIMARY, ALTERNATE, DEMONYM) or _own_big_feature(c) for c in candidates)


def _own_big_feature(cand: Candidate) -> bool:
    """A continent, ocean, sea or named region under its own name; an ocean's or sea's adjective
    ("Atlantic", "Caribbean") is the name English uses for it alone, not a weaker short form."""
    if cand.feature not in _BIG_FEATURE_CODES or cand.loose or cand.approximate:
        return False
    return cand.kind == PRIMARY or cand.kind == SHORT_FORM and cand.feature.startswith("H.")


def _small_town(cand: Candidate) -> bool:
    return cand.precision == "city" and cand.population < _HOMONYM_TOWN_POPULATION


def _favour_eponymous_cities(candidates: list[Candidate], scores: list[float]) -> None:
    """A city that shares its name with the province around it ("Aleppo", "Kirkuk") is the
    usual referent of the bare name; the province needs "province", "state" or a container cue."""
    areas = [(c, s) for c, s in zip(candidates, scores, strict=False)
             if c.precision == "admin1" and c.kind in (PRIMARY, ALTERNATE)]
    for i, cand in enumerate(candidates):
        if cand.precision != "city":
            continue
        for area, area_score in areas:
            if area.country_code != cand.country_code:
                continue
            if _km(area, cand) < _EPONYM_KM:
                scores[i] = max(scores[i], area_score + 0.5)


def _anchors(groups: list[_Group]) -> list[tuple]:
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


def _proximities(groups: list[_Group], anchors: list) -> dict[int, list[float]]:
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
    for owner, a_lats, a_lons, weights, scales in anchors:
        h = np.sin((a_lats - lat) / 2) ** 2 + np.cos(lat) * np.cos(a_lats) * np.sin((a_lons - lon) / 2) ** 2
        km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
        columns.append((owner, (weights * np.exp(-km / scales)).max(axis=1)))
    out = {}
    for group, (low, high) in zip(groups, bounds, strict=True):
        others = [column for owner, column in columns if owner is not group]
        total = np.zeros(high - low)
        for column in others:
            total += column[low:high]
        out[id(group)] = list(total / len(others)) if others else [0.0] * (high - low)
    return out


def _group_key(mention: Mention) -> str:
    return ("demonym:" if mention.demonym else "") + strict_key(mention.text)


def _inside(cand: Candidate, area: Candidate) -> bool:
    if area.precision == "country":
        return cand.country_code == area.country_code
    if area.precision == "admin1":
        return cand.admin1_code == area.admin1_code and cand.precision != "admin1"
    if area.precision == "admin2":
        return cand.admin1_code == area.admin1_code and _km(cand, area) < 80 and cand.precision == "city"
    return _km(cand, area) < 400


def _context_mass(groups: Iterable[_Group]) -> tuple[dict[str, float], dict[str, float]]:
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


def _share(mass: dict[str, float], own: dict[str, float], key: str | None, total: float | None = None) -> float:
    """The share of the other mentions' mass at ``key``; ``total`` (the mass less the own) when the caller
    already summed it for many candidates of one group."""
    if not key:
        return 0.0
    if total is None:
        total = sum(mass.values()) - sum(own.values())
    if total <= 1e-9:
        return 0.0
    return max(0.0, mass.get(key, 0.0) - own.get(key, 0.0)) / total


def _softmax(scores: list[float]) -> list[float]:
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _km(a: Candidate, b: Candidate) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


# the share of a frame's own confidence that an enclosed name keeps (raw, before calibration)
_ENCLOSED_SHARE = {"container": 0.8, "sentence": 0.6, "dateline": 0.6, "document_focus": 0.4}
_DATELINE = re.compile(r"^[^\n]{0,60}?\s*(?:—|–|--|\s-\s|:|\(\w+\))")


def _dateline(text: str, resolved: list[Place]) -> Place | None:
    """The place of a dateline: a resolved name among the first words, before a dash or colon
    ("DAYTON, Ohio — ...", "ahmedabad: ...")."""
    match = _DATELINE.match(text)
    if not match:
        return None
    inside = [p for p in resolved if p.end <= match.end() and p.precision in _ENCLOSING_PRECISIONS]
    return inside[0] if inside else None


_ENCLOSING_PRECISIONS = ("city", "admin2", "admin1", "country")


def _same_sentence(text: str, place: Place, resolved: list[Place]) -> Place | None:
    """The nearest town or province named in the same sentence as the mention."""
    best, best_gap = None, None
    for other in resolved:
        if other.precision not in ("city", "admin2", "admin1"):
            continue
        lo, hi = sorted((other.end, place.start)) if other.end <= place.start else sorted((place.end, other.start))
        between = text[lo:hi]
        if re.search(r"[.!?]\s|\n", between):
            continue
        if best_gap is None or hi - lo < best_gap:
            best, best_gap = other, hi - lo
    return best


def _focus(resolved: list[Place]) -> Place | None:
    """The place the document mentions most (towns and provinces; a country only when the text
    names neither; never seas or continents); the first mentioned wins a tie."""
    counts: dict[tuple, list[Place]] = defaultdict(list)
    # a country frames only a story that names no town or province in it: an unknown village in a
    # story about a province of a large country is nearer the province than the country's centre
    finer = ("city", "admin2", "admin1")
    allowed = finer if any(p.precision in finer for p in resolved) else _ENCLOSING_PRECISIONS
    for place in resolved:
        if place.precision in allowed:
            counts[(place.name, place.lat, place.lon)].append(place)
    if not counts:
        return None
    return max(counts.values(), key=lambda group: (len(group), -group[0].start))[0]


def _enclosed(place: Place, source: Place, basis: str) -> Place:
    raw = source.confidence * _ENCLOSED_SHARE[basis]
    return Place(start=place.start, end=place.end, text=place.text, name=source.name, lat=source.lat,
                 lon=source.lon, geonameid=source.geonameid, country_code=source.country_code,
                 admin1=source.admin1, feature=source.feature, precision=source.precision,
                 confidence=round(raw, 3), demonym=place.demonym, basis=basis)


def raw_confidence(prob: float, cand: Candidate) -> float:
    """The winner's share, discounted when only a loose key or a stripped name matched."""
    return prob * (0.8 if cand.loose else 1.0) * (0.6 if cand.approximate else 1.0)


def _place(mention: Mention, group: _Group | None) -> Place:
    """The mention's place with its raw confidence (calibrated afterwards, in ``resolve``)."""
    place = Place(start=mention.start, end=mention.end, text=mention.text, demonym=mention.demonym)
    if group is None or not group.candidates:
        return place
    best = group.candidates[0]
    place.name = best.name
    place.lat, place.lon = best.lat, best.lon
    place.geonameid = best.geonameid
    place.country_code = best.country_code
    place.admin1 = best.name if best.precision == "admin1" else best.admin1
    place.feature = best.feature
    place.precision = best.precision
    raw = raw_confidence(group.probs[0], best)
    place.confidence = raw
    place.demonym = mention.demonym or best.kind == DEMONYM
    place.basis = "demonym" if place.demonym else "approximate" if best.approximate else "name"
    return place


@registry.factory("resolvers", "population_context")
def make_context_resolver(
    country_weight: float = 4.0,
    admin1_weight: float = 7.0,
    hint_weight: float = 6.0,
    coherence_weight: float = 12.0,
    max_candidates: int = 40,
) -> ContextResolver:
    """Resolve toponyms against the offline gazetteer by population, feature class, name
    match, containing-area hints ("Paris, Texas"), type cues ("the Iraqi town of X") and
    the document's country/province focus. Resolves ``doc.spans`` when given."""
    return ContextResolver(None, country_weight, admin1_weight, hint_weight, coherence_weight, max_candidates)
