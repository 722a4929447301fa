"""Read-only access to the gazetteer index: candidates for a name."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from geowire.geo.index import build_index
from geowire.geo.normalise import loose_key, strict_key
from geowire.geo.sources import ABBREVIATION, ALTERNATE, DEMONYM, PRIMARY, SHORT_FORM, strip_admin_suffix

_new_object = object.__new__
_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
# demonyms of areas and big cities that no package lists: "Ohioans", "Texan", "Dagestani",
# "South Ossetian", "Londoner", "European"; (suffix, replacement) tried in order
_DEMONYM_SUFFIXES = (
    ("ians", "ia"), ("ian", "ia"), ("ians", ""), ("ian", ""), ("ans", "a"), ("an", "a"), ("ans", ""),
    ("an", ""), ("an", "as"), ("ans", "o"), ("an", "o"), ("ns", ""), ("n", ""), ("is", ""), ("i", ""),
    ("ers", ""), ("er", ""), ("", "ia"), ("s", "ia"), ("", "s"),
    # "-ish" adjectives: Scottish, Kurdish, Turkish, Swedish, Irish
    ("ttish", "tland"), ("ish", "land"), ("ish", "istan"), ("ish", "ey"), ("ish", "en"), ("ish", "eland"),
)
_DEMONYM_CITY_POPULATION = 500_000
# how many prefetched answers are kept before they are dropped (a long-running process reads many documents)
_KNOWN_KEYS_MAX = 200_000
# generic heads and tails around a name: "Neches River", "Hamilton Township", "Loudon Co.",
# "Lake Lanier", "South Los Angeles", "Port of Los Angeles"
_TYPE_TAIL = re.compile(
    r"\s+(?:River|Creek|Lake|Township|Twp\.?|Valley|Park|National Park|National Forest|Station|Colony|Islands?|"
    r"Heights|Village|City|Area|Region|Mountains?|Falls|Harbou?r|Bay|Sound)$"
)
_TYPE_HEAD = re.compile(
    r"^(?:Lake|Mount|Mt\.?|River|Port of|Town of|City of|Village of|Township of|County of|"
    r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Downtown|Upper|Lower|Greater|Central|"
    r"N\.|S\.|E\.|W\.)(?=\s))\s*"
)
_DIRECTION_HEAD = re.compile(
    r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|"
    r"North-?eastern|North-?western|South-?eastern|South-?western)\s+(?=[A-Z])"
)
_COUNTY_ABBREVIATION = re.compile(r"\s+Co\.?$")
_INITIAL_DIRECTIONS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West"}


@dataclass(frozen=True)
class Candidate:
    place_id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1_code: str | None
    admin1: str | None
    feature: str
    population: int
    precision: str
    derived: bool
    kind: int            # how the queried name relates to the entry (sources.PRIMARY ...)
    loose: bool          # matched only on the loose key
    area_hint: bool      # the query named an area type ("Anbar province") and this is an area
    approximate: bool = False   # found only by stripping a generic word ("Neches River" -> a town Neches)

    @property
    def is_area(self) -> bool:
        return self.feature.startswith(("A.", "L.")) or self.precision in ("admin1", "admin2", "country", "region")

    @property
    def demonym(self) -> bool:
        return self.kind == DEMONYM

    @property
    def abbreviation(self) -> bool:
        return self.kind == ABBREVIATION

    def describe(self) -> str:
        where = ", ".join(x for x in (self.admin1, self.country_code) if x and x != self.name)
        return f"{self.name} ({where}) {self.feature} pop {self.population:,} @ {self.lat:.4f},{self.lon:.4f}"


class Gazetteer:
    """Candidates for place names from the on-disk index (built on first use)."""

    def __init__(self, path: Path | None = None):
        self.path = build_index(path=path) if path is None or not Path(path).exists() else Path(path)
        self._local = threading.local()
        self.admin1_names = dict(self._db.execute("SELECT code, name FROM admin1"))
        self._cached_candidates = lru_cache(maxsize=50_000)(self._candidates)
        self._cached_has_key = lru_cache(maxsize=50_000)(self._has_key)
        # whether a key is in the index, filled a document at a time by prefetch_names and prefetch_candidates
        self._known_keys: dict[str, bool] = {}
        self._rows: dict[str, list[tuple]] = {}     # entries read ahead per key by prefetch_rows

    def __getstate__(self) -> dict:
        return {"path": self.path}     # connections and caches are per process

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            # pages read through a memory map, not a read() per page: the file is read-only here, and a rebuild
            # replaces it with a new file rather than writing into this one
            db.execute("PRAGMA mmap_size = 268435456")
            self._local.db = db
        return db

    def candidates(self, name: str) -> list[Candidate]:
        """Every entry the name may denote, most populous first; [] when unknown."""
        return list(self._cached_candidates(name.strip()))

    def lookup(self, name: str, limit: int = 10) -> list[Candidate]:
        """Ranked candidates for a user-typed name (e.g. a CLI ``--near``), best first."""
        ranked = sorted(self.candidates(name), key=_standalone_rank, reverse=True)
        return ranked[:limit]

    def fallback_candidates(self, name: str) -> list[Candidate]:
        """For a name the index lacks: a derived demonym ("Ohioans" -> Ohio), the county behind
        "Loudon Co.", or the name left when a generic word goes ("Lake Lanier", "South Los Angeles").
        Demonyms are flagged ``kind=DEMONYM``; stripped names ``approximate``."""
        name = name.strip()
        if not name[:1].isupper():
            return []
        if found := self._initialism(name):
            return found
        if found := self._derived_demonym(name):
            return found
        if _COUNTY_ABBREVIATION.search(name):
            found = [c for c in self.candidates(_COUNTY_ABBREVIATION.sub(" County", name)) if c.is_area]
            if found:
                return found
        words = name.split()
        if words[0] in _INITIAL_DIRECTIONS and len(words) > 1:
            if found := self.candidates(" ".join([_INITIAL_DIRECTIONS[words[0]], *words[1:]])):
                return found
        if (part := _DIRECTION_HEAD.match(name)) and (found := self.candidates(name[part.end():])):
            # "Eastern Mediterranean", "Western Kasai", "Southern Sudan": a part of the named area,
            # which stands in for it whatever its size
            found = [replace(c, approximate=True) for c in found if c.kind in (PRIMARY, ALTERNATE, SHORT_FORM)]
            if found:
                return found
        for pattern in (_TYPE_TAIL, _TYPE_HEAD):
            core = pattern.sub("", name).strip()
            if core != name and len(core) >= 3 and (found := self.candidates(core)):
                # a stripped name stands in only for what lies near its namesake: never a whole
                # country or province ("Tennessee Colony" is not Tennessee)
                found = [replace(c, approximate=True) for c in found
                         if c.kind == PRIMARY and c.precision not in ("country", "admin1")]
                if found:
                    return found
        return []

    def _initialism(self, name: str) -> list[Candidate]:
        """"NSW", "DRC", "DPRK", "T&T", "B.C.": the initials of a country's or first-level area's
        name (small words skipped, "and" written "&"). Only an all-capital mention counts."""
        letters = name.replace(".", "").replace(" ", "")
        if not (2 <= len(letters) <= 5 and letters.replace("&", "").isalpha() and letters.isupper()):
            return []
        ids = [row[0] for row in self._db.execute("SELECT place FROM initials WHERE key = ?", (letters.lower(),))]
        found = [c for pid in ids for c in self._by_id(pid)]
        return sorted((replace(c, kind=SHORT_FORM) for c in found), key=lambda c: -c.population)

    def _by_id(self, place_id: int) -> list[Candidate]:
        row = self._db.execute("SELECT p.*, 0, 0 FROM places p WHERE p.id = ?", (place_id,)).fetchone()
        return [self._candidate(row, area_hint=False)] if row else []

    def _derived_demonym(self, name: str) -> list[Candidate]:
        bases = [name[: len(name) - len(suffix)] + replacement for suffix, replacement in _DEMONYM_SUFFIXES
                 if name.endswith(suffix) and len(name) - len(suffix) >= 3]
        self.prefetch_candidates(bases)
        for base in bases:
            found = [replace(c, kind=DEMONYM) for c in self.candidates(base)
                     if not c.loose and c.kind in (PRIMARY, ALTERNATE, SHORT_FORM) and _demonym_worthy(c)]
            if found:
                return found
        return []

    def us_state(self, postal_code: str) -> list[Candidate]:
        """The US state with this postal code ("TX"); GeoNames' US admin1 codes are postal codes."""
        name = self.admin1_names.get(f"US.{postal_code.upper()}")
        if not name:
            return []
        return [c for c in self.candidates(name) if c.precision == "admin1" and c.country_code == "US"]

    def has_name(self, name: str) -> bool:
        key = strict_key(name)
        if not key:
            return False
        known = self._known_keys.get(key)
        return known if known is not None else self._cached_has_key(key)

    def prefetch_names(self, names: Iterable[str]) -> None:
        """Whether each of ``names`` is known, asked in one query per 500 names instead of one query each:
        the matcher asks about every phrase of every capitalised run, and most are not names. The answers
        are those :meth:`has_name` would give."""
        self._prefetch_keys(strict_key(name) for name in names)

    def prefetch_candidates(self, names: Iterable[str]) -> None:
        """Whether any key :meth:`candidates` would query for each of ``names`` is in the index, asked at once: a
        name none of whose keys is there then costs no query of its own (most names the recogniser tries are
        no place: streets, people, "Memphis St." + "ia" as a demonym's base)."""
        self._prefetch_keys(key for name in names for key in _lookup_keys(name.strip()))

    def prefetch_rows(self, names: Iterable[str]) -> None:
        """The index's entries for every key :meth:`candidates` would query for each of ``names``, read in one
        query per 500 keys and kept until those names are asked (the recogniser knows a document's names before it
        reads them one by one)."""
        if len(self._rows) > _KNOWN_KEYS_MAX // 10:
            self._rows.clear()
        keys = sorted({key for name in names for key in _lookup_keys(name.strip())
                       if key and key not in self._rows and self._known_keys.get(key) is not False})
        for at in range(0, len(keys), 500):
            chunk = keys[at:at + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT p.*, n.kind, n.loose, n.key FROM names n JOIN places p ON p.id = n.place "
                f"WHERE n.key IN ({marks})", chunk)
            found: dict[str, list[tuple]] = {key: [] for key in chunk}
            for row in rows:
                found[row[-1]].append(row)
            self._rows.update(found)
            for key, listed in found.items():
                self._known_keys[key] = bool(listed)

    def _prefetch_keys(self, keys: Iterable[str]) -> None:
        if len(self._known_keys) > _KNOWN_KEYS_MAX:
            self._known_keys.clear()
        keys = sorted({key for key in keys if key and key not in self._known_keys})
        for at in range(0, len(keys), 500):
            chunk = keys[at:at + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT DISTINCT key FROM names WHERE key IN ({marks})", chunk)
            found = {row[0] for row in rows}
            for key in chunk:
                self._known_keys[key] = key in found

    def _has_key(self, key: str) -> bool:
        return self._db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def _candidates(self, name: str) -> tuple[Candidate, ...]:
        name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", name))
        found = self._match(name, area_hint=False)
        suffixless = strip_admin_suffix(name)
        if suffixless and not any(c.is_area and not c.loose for c in found):
            found += [c for c in self._match(suffixless, area_hint=True) if c.is_area]
        best: dict[int, Candidate] = {}
        for cand in found:
            held = best.get(cand.place_id)
            if held is None or (cand.loose, cand.kind) < (held.loose, held.kind):
                best[cand.place_id] = cand
        return tuple(sorted(best.values(), key=lambda c: -c.population))

    def _match(self, name: str, area_hint: bool) -> list[Candidate]:
        """The entries under the name's strict key, then those under its loose key: one query for both, none
        when both keys are known to be absent (``prefetch_candidates``)."""
        strict, loose = strict_key(name), loose_key(name)
        if not strict and not loose or self._known_keys.get(strict) is False and self._known_keys.get(loose) is False:
            return []
        held = self._rows
        if strict in held and loose in held:        # read ahead by ``prefetch_rows``
            ordered = [row for row in held[strict] if row[-2] == 0] + [row for row in held[loose] if row[-2] == 1]
            return [self._candidate(row[:-1], area_hint) for row in ordered]
        rows = self._db.execute(
            "SELECT p.*, n.kind, n.loose, n.key FROM names n JOIN places p ON p.id = n.place WHERE n.key IN (?, ?)",
            (strict, loose)).fetchall()
        ordered = [row for row in rows if row[-1] == strict and row[-2] == 0] \
            + [row for row in rows if row[-1] == loose and row[-2] == 1]
        return [self._candidate(row[:-1], area_hint) for row in ordered]

    def _candidate(self, row: tuple, area_hint: bool) -> Candidate:
        (pid, gid, name, lat, lon, cc, a1, feature, pop, precision, derived, kind, loose) = row
        # the fields set directly (the same object): a frozen dataclass's __init__ sets each through
        # object.__setattr__, about 3.4 µs a candidate against 0.5 µs; a first lookup of "Washington" builds hundreds
        cand = _new_object(Candidate)
        cand.__dict__.update(
            place_id=pid, geonameid=gid, name=name, lat=lat, lon=lon, country_code=cc, admin1_code=a1,
            admin1=self.admin1_names.get(a1) if a1 else None, feature=feature, population=pop or 0,
            precision=precision, derived=bool(derived), kind=SHORT_FORM if area_hint and kind < SHORT_FORM else kind,
            loose=bool(loose), area_hint=area_hint, approximate=False,
        )
        return cand


def _lookup_keys(name: str) -> list[str]:
    """Every key :meth:`Gazetteer._candidates` may query for a (stripped) name."""
    name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", name))
    keys = [strict_key(name), loose_key(name)]
    if suffixless := strip_admin_suffix(name):
        keys += [strict_key(suffixless), loose_key(suffixless)]
    return keys


def _demonym_worthy(cand: Candidate) -> bool:
    """Places people are named after: countries, provinces, regions, continents, big cities."""
    if cand.precision in ("country", "admin1") or cand.feature in ("L.CONT", "L.RGN"):
        return True
    return cand.precision == "city" and cand.population >= _DEMONYM_CITY_POPULATION


def _standalone_rank(cand: Candidate) -> tuple:
    """Without context: exact names first, then areas over towns, then population."""
    level = {"country": 3, "admin1": 2, "region": 2}.get(cand.precision, 0)
    return (not cand.loose, cand.kind in (0, 1), level, cand.population)


_shared: Gazetteer | None = None
_shared_lock = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (opened once)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Gazetteer()
        return _shared
