"""`geowire backfill` on Dask stores exactly what `geowire ingest` stores (issue 11, user story 8)."""

from __future__ import annotations

import copy
import json
from concurrent.futures import Future
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from geowire.backfill import Backfill, analyse_batch
from geowire.config import load_config
from geowire.ingest.sources import iter_paths, read_paths
from geowire.pipeline import Pipeline
from geowire.runner import IngestRunner
from geowire.store import schema
from geowire.store.repository import Store

SAMPLES = Path(__file__).resolve().parent.parent / "src" / "geowire" / "samples"


def snapshot(store: Store) -> dict:
    """Everything a run decides, keyed so the order rows were written in does not matter."""
    a, s, e, m, q = schema.articles, schema.sources, schema.events, schema.mentions, schema.quarantine
    with store.engine.connect() as conn:
        articles = sorted(tuple(r) for r in conn.execute(select(
            a.c.id, a.c.raw_sha256, a.c.title, a.c.published, a.c.language, a.c.text, a.c.text_sha256,
            a.c.minhash, a.c.duplicate_of, a.c.duplicate_kind, s.c.name).outerjoin(s, s.c.id == a.c.source_id)))
        skip = {"first_seen", "updated_at", "created_at"}
        events = sorted(tuple(v for k, v in r._mapping.items() if k not in skip) for r in conn.execute(select(e)))
        mentions = sorted(tuple(v for k, v in r._mapping.items() if k not in skip)
                          for r in conn.execute(select(m)))
        analysis = {table.name: sorted(tuple(v for k, v in r._mapping.items() if k != "id")
                                       for r in conn.execute(select(table)))
                    for table in (schema.places, schema.actors, schema.times)}
        quarantine = sorted(tuple(r) for r in conn.execute(select(q.c.origin, q.c.stage, q.c.reason)))
        raw = sorted(conn.execute(select(schema.raw_documents.c.sha256)).scalars())
    return dict(articles=articles, events=events, mentions=mentions, quarantine=quarantine, raw=raw, **analysis)


class InlineClient:
    """A Dask client's submit, run at once in this process: the writer's logic without a cluster."""

    def __init__(self):
        self.batches = 0

    def submit(self, fn, *args, pure=True):
        self.batches += 1
        future = Future()
        future.set_result(fn(*copy.deepcopy(args)))     # as a worker would: its own copy of the documents
        future.release = lambda: None
        return future

    def scheduler_info(self):
        return {"workers": {"a": {}, "b": {}}}


@pytest.fixture(scope="module")
def config() -> dict:
    return load_config()


@pytest.fixture(scope="module")
def ingested(config, tmp_path_factory) -> dict:
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('ingest') / 'ingest.db'}")
    summary = IngestRunner(store, Pipeline.from_config(config)).run(read_paths([SAMPLES]))
    assert summary.stored >= 12 and summary.events >= 10 and summary.exact_duplicates + summary.near_duplicates >= 1
    return dict(snapshot=snapshot(store), summary=summary.as_dict())


@pytest.mark.model
def test_backfill_writes_what_ingest_writes_with_inline_workers(config, ingested, tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'backfill.db'}")
    client = InlineClient()
    summary = Backfill(store, config, client, batch_size=3).run(read_paths([SAMPLES]))
    assert client.batches >= 5
    assert summary.as_dict() == ingested["summary"]
    assert snapshot(store) == ingested["snapshot"]


@pytest.mark.model
def test_a_worker_drop_is_quarantined_by_the_writer_with_its_stage_and_reason(config, tmp_path):
    lines = [json.dumps({"id": "ok", "text": "Police arrested 12 protesters in Lagos on Friday.",
                         "published": "2024-02-09"}),
             json.dumps({"id": "html", "html": "<html><body><script>x()</script></body></html>"}),
             json.dumps({"id": "copy", "text": "Police arrested 12 protesters in Lagos on Friday!",
                         "published": "2024-02-09"})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    backfilled = Store.open(f"sqlite:///{tmp_path / 'b.db'}")
    summary = Backfill(backfilled, config, InlineClient(), batch_size=2).run(read_paths([path]))
    ingested = Store.open(f"sqlite:///{tmp_path / 'i.db'}")
    expected = IngestRunner(ingested, Pipeline.from_config(config)).run(read_paths([path]))
    assert summary.stored == 2 and summary.exact_duplicates == 1 and summary.quarantined == 1
    assert summary.as_dict() == expected.as_dict()
    [row] = backfilled.quarantined()
    assert row["origin"] == f"{path}:2" and row["stage"] and row["reason"]
    assert snapshot(backfilled) == snapshot(ingested)


def test_a_worker_builds_its_pipeline_once(config, monkeypatch):
    built = []
    original = Pipeline.from_config

    def counting(cls_config, *args, **kwargs):
        built.append(1)
        return original(cls_config, *args, **kwargs)

    from geowire import backfill

    backfill._worker_pipelines.cache_clear()
    monkeypatch.setattr(backfill.Pipeline, "from_config", staticmethod(counting))
    small = copy.deepcopy(config)
    small["pipeline"]["order"] = ["junk", "language", "dedup"]
    key = json.dumps(small, sort_keys=True)
    from geowire.model import Document

    for number in range(3):
        [result] = analyse_batch(key, [Document(id=f"d{number}", text="Rebels shelled Goma on Monday.")])
        assert result.cleaned is not None and result.cleaned_error is None
    assert len(built) == 1
    backfill._worker_pipelines.cache_clear()


@pytest.mark.model
@pytest.mark.slow
def test_backfill_on_a_local_dask_cluster_equals_ingest_and_resumes(ingested, tmp_path):
    from geowire.cli import app

    db = f"sqlite:///{tmp_path / 'dask.db'}"
    files = list(iter_paths([SAMPLES]))
    runner = CliRunner()
    # the first files already stored (as by a run killed there): the backfill skips them and does the rest
    first = runner.invoke(app, ["ingest", *map(str, files[:6]), "--db", db])
    assert first.exit_code == 0, first.output
    result = runner.invoke(app, ["backfill", str(SAMPLES), "--db", db, "--workers", "2", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    store = Store.open(db)
    with store.engine.connect() as conn:
        runs = dict(conn.execute(select(schema.runs.c.command, schema.runs.c.stats)).all())
    done_first, done_by_backfill = json.loads(runs["ingest"]), json.loads(runs["backfill"])
    assert done_first["stored"] >= 5 and done_by_backfill["already_stored"] == done_first["stored"]
    assert done_first["stored"] + done_by_backfill["stored"] == ingested["summary"]["stored"]
    assert snapshot(store) == ingested["snapshot"]
