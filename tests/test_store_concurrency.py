"""Several processes on one store at once (issue 11): a fresh store migrated by many processes together, and two
writers ingesting overlapping inputs into PostgreSQL at the same time."""

from __future__ import annotations

import multiprocessing

from conftest import _empty_postgres
from sqlalchemy import inspect, text

from geowire.store.repository import Store
from geowire.store.schema import metadata


def _open(url: str, barrier, results) -> None:
    try:
        barrier.wait(timeout=60)
        Store.open(url).engine.dispose()
        results.put("ok")
    except Exception as exc:        # reported to the parent, which asserts on it
        results.put(f"{type(exc).__name__}: {exc}")


def _open_together(url: str, processes: int = 4) -> list[str]:
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(processes), context.Queue()
    started = [context.Process(target=_open, args=(url, barrier, results)) for _ in range(processes)]
    for process in started:
        process.start()
    outcomes = [results.get(timeout=120) for _ in started]
    for process in started:
        process.join(timeout=60)
    return outcomes


def test_a_fresh_store_opened_by_four_processes_at_once_is_migrated_once(store_url, tmp_path):
    for round_ in range(4):
        url = store_url
        if store_url.startswith("sqlite"):
            url = f"sqlite:///{tmp_path / f'fresh{round_}.db'}"
        else:
            _empty_postgres(url)
        assert _open_together(url) == ["ok"] * 4, f"round {round_}"
        store = Store.open(url)
        with store.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        store.engine.dispose()
        assert set(metadata.tables) <= tables
        assert len(versions) == 1
