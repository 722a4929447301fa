"""Crash safety (issue 11): an ingest or a backfill killed with SIGKILL at a random point and started again stores
exactly what an uninterrupted run stores (articles, duplicates, quarantine, events and their ids)."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from test_backfill import SAMPLES, snapshot

from geowire.config import load_config
from geowire.ingest.sources import read_paths
from geowire.pipeline import Pipeline
from geowire.runner import IngestRunner
from geowire.store import schema
from geowire.store.repository import Store

GEOWIRE = Path(sys.executable).with_name("geowire")


def _articles(store: Store) -> int:
    try:
        with store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.articles)).scalar()
    except OperationalError:      # the schema is not there yet
        return 0


@pytest.mark.model
@pytest.mark.slow
def test_an_ingest_killed_at_a_random_point_and_restarted_equals_an_uninterrupted_run(tmp_path):
    whole = Store.open(f"sqlite:///{tmp_path / 'whole.db'}")
    summary = IngestRunner(whole, Pipeline.from_config(load_config())).run(read_paths([SAMPLES]))
    expected = snapshot(whole)

    seed = int(os.environ.get("GEOWIRE_CRASH_SEED", random.randrange(1 << 30)))
    kill_after = random.Random(seed).randrange(1, summary.stored)      # articles stored when the kill comes
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    command = [str(GEOWIRE), "ingest", str(SAMPLES), "--db", url]
    stored_when_killed = _run_until_killed(command, url, kill_after)
    print(f"killed with {stored_when_killed} of {summary.stored} articles stored (seed {seed})")

    restarted = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert restarted.returncode == 0, restarted.stderr
    assert snapshot(Store.open(url)) == expected, f"seed {seed}: killed after {stored_when_killed} articles"


def _run_until_killed(command: list[str], url: str, kill_after: int) -> int:
    """Start ``command`` in its own process group, SIGKILL the whole group (a backfill's Dask workers too, as a
    machine crash would) once ``kill_after`` articles are stored or it ends; return the articles stored then."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    watcher = Store.open(url)
    deadline = time.monotonic() + 300
    while process.poll() is None and _articles(watcher) < kill_after and time.monotonic() < deadline:
        time.sleep(0.005)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    stored = _articles(watcher)
    watcher.engine.dispose()
    return stored


@pytest.mark.model
@pytest.mark.slow
def test_a_backfill_killed_twice_at_random_points_and_restarted_equals_an_uninterrupted_ingest(tmp_path):
    whole = Store.open(f"sqlite:///{tmp_path / 'whole.db'}")
    summary = IngestRunner(whole, Pipeline.from_config(load_config())).run(read_paths([SAMPLES]))
    expected = snapshot(whole)

    seed = int(os.environ.get("GEOWIRE_CRASH_SEED", random.randrange(1 << 30)))
    chance = random.Random(seed)
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    command = [str(GEOWIRE), "backfill", str(SAMPLES), "--db", url, "--workers", "1", "--batch-size", "2"]
    kills = []
    first = chance.randrange(1, summary.stored - 1)
    for kill_after in (first, chance.randrange(first + 1, summary.stored)):
        kills.append(_run_until_killed(command, url, kill_after))
    print(f"killed with {kills} of {summary.stored} articles stored (seed {seed})")
    assert kills[0] < summary.stored, f"seed {seed}: the first run was not interrupted"

    restarted = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert restarted.returncode == 0, restarted.stderr
    assert snapshot(Store.open(url)) == expected, f"seed {seed}: killed after {kills} articles"
