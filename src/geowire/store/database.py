"""Open a store by URL and bring its schema up to date with Alembic.

Several processes may open the same fresh store at once (two ingests, a watcher and the web server): the Alembic
upgrade runs under an exclusive lock, so one of them migrates and the others then find the schema at head.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 here (SQLAlchemy would otherwise look for psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def create_store_engine(url: str) -> Engine:
    engine = create_engine(normalise_url(url), future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # the busy timeout first: switching a fresh file to WAL takes a write lock another process may hold
    cursor.execute("PRAGMA busy_timeout=10000")
    # WAL lets the web server read while an ingest writes; foreign keys are off by default in SQLite
    cursor.execute("PRAGMA journal_mode=WAL")
    # in WAL mode NORMAL syncs at checkpoints, not at every commit (a sixth of the writer's time went to fsync):
    # a killed process still loses nothing committed, a power cut may lose the last commits but never corrupts,
    # and a run started again stores them again
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(engine: Engine, revision: str = "head") -> None:
    config = Config()
    config.set_main_option("script_location", str(resources.files("geowire.store") / "migrations"))
    # '%' doubled: Alembic's configuration interpolates it (a password or a "file:" URL may hold one)
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    with _sqlite_file_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # held until this transaction ends: a second process waits here, then finds the schema at head
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


MIGRATION_LOCK_KEY = 0x67656F77697265     # "geowire": the advisory lock key of schema upgrades on PostgreSQL


@contextlib.contextmanager
def _sqlite_file_lock(engine: Engine) -> Iterator[None]:
    """An exclusive lock on ``<database>-migrate.lock`` beside a SQLite file while its schema is upgraded.

    SQLite cannot lock a file that does not exist yet, and two processes creating the same tables both fail on
    "table already exists"; a plain lock file serialises them. A folder where the lock file cannot be written
    (a read-only store) is opened without it: nothing can be migrated there anyway."""
    path = engine.url.database if engine.dialect.name == "sqlite" else None
    if not path or path == ":memory:" or path.startswith("file:"):
        yield
        return
    try:
        handle = os.open(f"{path}-migrate.lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)      # closing releases the lock
