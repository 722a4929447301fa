"""Crash safety (issue 11): an ingest killed with SIGKILL at a random point and started again stores exactly what
an uninterrupted run stores (articles, duplicates, quarantine, events and their ids)."""

from __future__ import annotations

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
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watcher = Store.open(url)
    deadline = time.monotonic() + 120
    while process.poll() is None and _articles(watcher) < kill_after and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored_when_killed = _articles(watcher)
    print(f"killed with {stored_when_killed} of {summary.stored} articles stored (seed {seed})")
    watcher.engine.dispose()

    restarted = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert restarted.returncode == 0, restarted.stderr
    assert snapshot(Store.open(url)) == expected, f"seed {seed}: killed after {stored_when_killed} articles"
