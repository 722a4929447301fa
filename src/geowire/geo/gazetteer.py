"""Read-only access to the gazetteer index: candidates for a name."""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geowire.geo.index import build_index
from geowire.geo.normalise import loose_key, strict_key
from geowire.geo.sources import ABBREVIATION, DEMONYM, SHORT_FORM, strip_admin_suffix

_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")


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

    def __getstate__(self) -> dict:
        return {"path": self.path}     # connections and caches are per process

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def candidates(self, name: str) -> list[Candidate]:
        """Every entry the name may denote, most populous first; [] when unknown."""
        return list(self._cached_candidates(name.strip()))

    def lookup(self, name: str, limit: int = 10) -> list[Candidate]:
        """Ranked candidates for a user-typed name (e.g. a CLI ``--near``), best first."""
        ranked = sorted(self.candidates(name), key=_standalone_rank, reverse=True)
        return ranked[:limit]

    def has_name(self, name: str) -> bool:
        key = strict_key(name)
        return bool(key) and self._db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

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
        keys = [(strict_key(name), 0), (loose_key(name), 1)]
        rows = []
        for key, loose in keys:
            if key:
                rows += self._db.execute(
                    "SELECT p.*, n.kind, n.loose FROM names n JOIN places p ON p.id = n.place "
                    "WHERE n.key = ? AND n.loose = ?", (key, loose)
                ).fetchall()
        return [self._candidate(row, area_hint) for row in rows]

    def _candidate(self, row: tuple, area_hint: bool) -> Candidate:
        (pid, gid, name, lat, lon, cc, a1, feature, pop, precision, derived, kind, loose) = row
        return Candidate(
            place_id=pid, geonameid=gid, name=name, lat=lat, lon=lon, country_code=cc, admin1_code=a1,
            admin1=self.admin1_names.get(a1) if a1 else None, feature=feature, population=pop or 0,
            precision=precision, derived=bool(derived), kind=SHORT_FORM if area_hint and kind < SHORT_FORM else kind,
            loose=bool(loose), area_hint=area_hint,
        )


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
