"""A store that refuses writes (issue 11): a full disk or a read-only store stops the run with a clear error, the
article being written is rolled back whole, everything stored before stays, and running again completes the work."""

from __future__ import annotations

import copy
from urllib.parse import quote

import pytest
from sqlalchemy import event, func, select
from test_backfill import snapshot
from test_merge_order import QAIM, _report
from typer.testing import CliRunner

from geowire.cli import app
from geowire.config import load_config
from geowire.pipeline import Pipeline
from geowire.runner import IngestRunner, StoreFailure
from geowire.store import schema
from geowire.store.repository import Store

FILLER = " ".join(f"Residents described the shelling of the town on Monday in detail, account {n}." for n in range(60))


def _reports(count: int) -> list:
    """Reports of distinct happenings (one a day), each with a long text so that every one takes new pages."""
    reports = []
    for n in range(count):
        report = _report(f"r{n:03d}", f"https://outlet{n}.example/r", "Al Qaim", QAIM, f"2024-05-{1 + n % 28:02d}",
                         source_country=f"X{n:02d}")
        report.text += " " + FILLER + f" ({n})"
        report.raw = report.text.encode()
        reports.append(report)
    return reports


def _pipeline() -> Pipeline:
    config = load_config()
    return Pipeline.from_config(config, only=[name for name in config["pipeline"]["order"]
                                              if config["components"][name]["kind"] == "dedup"])


def _orphans(store: Store) -> int:
    """Rows that point at an article that is not there, or mentions whose event is not there: half-written work."""
    a, m, e = schema.articles, schema.mentions, schema.events
    with store.engine.connect() as conn:
        count = 0
        for table in (schema.places, schema.actors, schema.times, m):
            count += conn.execute(select(func.count()).select_from(table)
                                  .where(table.c.article_id.not_in(select(a.c.id)))).scalar()
        count += conn.execute(select(func.count()).select_from(m).where(m.c.event_id.not_in(select(e.c.id)))).scalar()
        count += conn.execute(select(func.count()).select_from(a).where(a.c.raw_sha256.is_not(None),
                              a.c.raw_sha256.not_in(select(schema.raw_documents.c.sha256)))).scalar()
    return count


def test_a_full_disk_stops_the_run_clearly_keeps_what_was_stored_and_a_second_run_completes(tmp_path):
    url = f"sqlite:///{tmp_path / 'full.db'}"
    reports = _reports(40)
    reference = Store.open(f"sqlite:///{tmp_path / 'room.db'}")
    IngestRunner(reference, _pipeline()).run(copy.deepcopy(reports))

    store = Store.open(url)
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    store.engine.dispose()
    # a real "database or disk is full" from SQLite: the file may not grow past a few more pages
    event.listen(store.engine, "connect",
                 lambda dbapi, _: dbapi.execute(f"PRAGMA max_page_count={pages + 40}"))
    with pytest.raises(StoreFailure) as failure:
        IngestRunner(store, _pipeline()).run(copy.deepcopy(reports))
    message = str(failure.value)
    assert "database or disk is full" in message and "r0" in message and "run the same command again" in message
    stored = failure.value.summary.stored
    assert 0 < stored < len(reports)
    store.engine.dispose()

    after = Store.open(url)          # no page limit now: the disk has room again
    assert len(after.quarantined()) == 0 and _orphans(after) == 0
    with after.engine.connect() as conn:
        ids = set(conn.execute(select(schema.articles.c.id)).scalars())
    assert ids == {report.id for report in reports[:stored]}       # the ones before the failure, whole
    again = IngestRunner(after, _pipeline()).run(copy.deepcopy(reports))
    assert again.already_stored == stored and again.stored == len(reports) - stored
    assert snapshot(after) == snapshot(reference)


def _read_only(url: str) -> str:
    if url.startswith("sqlite:///"):
        return f"sqlite:///file:{url[len('sqlite:///'):]}?mode=ro&uri=true"
    return url + ("&" if "?" in url else "?") + "options=" + quote("-c default_transaction_read_only=on")


def test_a_read_only_store_refuses_the_run_with_a_clear_error_and_is_left_as_it_was(store_url, tmp_path):
    store = Store.open(store_url)
    IngestRunner(store, _pipeline()).run(_reports(3))
    before = snapshot(store)
    store.engine.dispose()

    read_only = Store.open(_read_only(store_url))
    with pytest.raises(StoreFailure) as failure:
        IngestRunner(read_only, _pipeline()).run(_reports(5))
    assert "read" in str(failure.value).lower() and failure.value.summary.stored == 0
    read_only.engine.dispose()
    assert snapshot(Store.open(store_url)) == before


@pytest.mark.model
def test_geowire_ingest_into_a_read_only_store_exits_1_with_the_reason(store_url, tmp_path):
    Store.open(store_url).engine.dispose()
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Police arrested 12 protesters in Lagos on Friday."}\n')
    result = CliRunner().invoke(app, ["ingest", str(feed), "--db", _read_only(store_url)])
    assert result.exit_code == 1
    assert "the store cannot be written" in result.output and "Traceback" not in result.output
    store = Store.open(store_url)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.articles)).scalar() == 0
