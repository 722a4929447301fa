"""Several processes on one store at once (issue 11): a fresh store migrated by many processes together, and two
writers ingesting overlapping inputs into PostgreSQL at the same time."""

from __future__ import annotations

import copy
import json
import multiprocessing
import subprocess
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import _empty_postgres, _postgres_url
from sqlalchemy import func, inspect, select, text
from test_backfill import snapshot
from test_crash import GEOWIRE
from test_merge_order import REPORTS

from geowire import __version__
from geowire.config import load_config
from geowire.ingest.sources import read_paths
from geowire.model import Document
from geowire.pipeline import Pipeline
from geowire.runner import IngestRunner
from geowire.store import eventlog, schema
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


# --- two writers ---------------------------------------------------------------------------------------------

STORIES = [   # one happening told by three outlets, each in its own words: the coder's events merge across them
    ("Police arrested {n} protesters in Lagos on Monday after a march against fuel prices turned violent, officials "
     "said.",
     "Nigerian police detained about {n} demonstrators in Lagos on Monday during a protest over fuel costs, "
     "witnesses said.",
     "Security forces in Lagos arrested {n} people on Monday at a rally against the rising price of petrol."),
    ("Rebels shelled the town of Goma on Tuesday, killing {k} civilians, local authorities said.",
     "M23 fighters fired artillery at Goma on Tuesday and {k} civilians died, according to the provincial governor.",
     "{K} civilians were killed when rebels shelled Goma in eastern Congo on Tuesday, a hospital official said."),
    ("Thousands of workers protested in Dhaka on Wednesday to demand a wage of {w} taka in the garment industry.",
     "Garment workers marched through Dhaka on Wednesday, calling for the minimum wage to rise to {w} taka.",
     "In Dhaka, thousands of garment factory employees rallied on Wednesday for pay of {w} taka a month."),
]
OUTLETS = ("one.example", "two.example", "three.example")
WEEKS = 5
NUMBERS = ("two", "three", "four", "five", "six", "seven")


def write_outlet_feeds(folder: Path) -> list[Path]:
    """One JSONL feed per outlet: every story in every week (Monday 2024-03-04 on), in the outlet's own words."""
    paths = []
    for number, outlet in enumerate(OUTLETS):
        path = folder / f"{outlet}.jsonl"
        with path.open("w") as feed:
            for week in range(WEEKS):
                for story, tellings in enumerate(STORIES):
                    day = date(2024, 3, 4) + timedelta(days=7 * week + story)
                    text = tellings[number].format(n=30 + 10 * week, k=NUMBERS[week], K=NUMBERS[week].title(),
                                                   w=12000 + 500 * week)
                    feed.write(json.dumps({"id": f"{outlet.split('.')[0]}-{week}-{story}", "published": day.isoformat(),
                                           "url": f"https://{outlet}/{week}/{story}", "text": text}) + "\n")
        paths.append(path)
    return paths


def picture(store: Store) -> dict:
    """The snapshot of a store with each event named by the mentions it gathers instead of by its id (which is its
    first-arriving report's, so it depends on which writer stored first; docs/architecture.md)."""
    shot = snapshot(store)
    m = schema.mentions
    with store.engine.connect() as conn:
        members: dict[str, list[str]] = {}
        for event_id, mention_id in conn.execute(select(m.c.event_id, m.c.id)):
            members.setdefault(event_id, []).append(mention_id)
    named = {event_id: tuple(sorted(ids)) for event_id, ids in members.items()}
    e_columns = [c.name for c in schema.events.c if c.name not in ("first_seen", "updated_at")]
    m_columns = [c.name for c in schema.mentions.c if c.name != "created_at"]
    events = [tuple(named[v] if k == "id" else v for k, v in zip(e_columns, row, strict=True))
              for row in shot["events"]]
    mentions = [tuple(named[v] if k == "event_id" else v for k, v in zip(m_columns, row, strict=True))
                for row in shot["mentions"]]
    return dict(shot, events=sorted(events, key=repr), mentions=sorted(mentions, key=repr))


@pytest.mark.model
@pytest.mark.slow
def test_two_ingests_at_once_on_postgresql_store_what_one_writer_stores(tmp_path):
    url = _postgres_url()
    feeds = write_outlet_feeds(tmp_path)
    _empty_postgres(url)
    alone = Store.open(url)
    single = IngestRunner(alone, Pipeline.from_config(load_config())).run(read_paths(feeds))
    expected = picture(alone)
    with alone.engine.connect() as conn:
        told_thrice = conn.execute(select(func.count()).select_from(schema.events)
                                   .where(schema.events.c.n_articles == len(OUTLETS))).scalar()
    alone.engine.dispose()
    assert single.stored == len(OUTLETS) * WEEKS * len(STORIES) and single.quarantined == 0
    assert told_thrice >= 2 * WEEKS     # most happenings' reports merge across the three outlets (12 of 15)
    _empty_postgres(url)
    Store.open(url).engine.dispose()         # migrated before, so both writers start on the same footing
    writers = [subprocess.Popen([str(GEOWIRE), "ingest", *map(str, part), "--db", url], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
               for part in (feeds[0::2], feeds[1:])]
    # both start with a feed of their own (the same happenings in another outlet's words, so their reports merge
    # while both write), then both take the third outlet's feed
    for writer in writers:
        _, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err
    both = Store.open(url)
    with both.engine.connect() as conn:
        runs = [json.loads(stats) for stats in conn.execute(select(schema.runs.c.stats)).scalars()]
        ids = conn.execute(select(schema.events.c.id, schema.events.c.mention_id)).all()
    assert sum(run["stored"] for run in runs) == single.stored
    assert sum(run["already_stored"] for run in runs) == WEEKS * len(STORIES)
    assert all(run["quarantined"] == 0 for run in runs)
    assert picture(both) == expected
    m = schema.mentions
    with both.engine.connect() as conn:
        own = {event_id: set(conn.execute(select(m.c.id).where(m.c.event_id == event_id)).scalars())
               for event_id, _ in ids}
    # every event is named by one of its own reports
    assert all(f"{event_id}@{__version__}" in mentions for event_id, mentions in own.items())
    both.engine.dispose()


def test_two_reports_of_one_happening_stored_at_the_same_moment_make_one_event(store_url, monkeypatch):
    """The first writer is held inside its transaction (event created, not committed) while the second stores a
    report of the same happening: the second waits for the first (PostgreSQL: an advisory lock; SQLite: its write
    lock) and joins its event, instead of not seeing it and starting a second one."""
    first, second = Store.open(store_url), Store.open(store_url)
    inside, go = threading.Event(), threading.Event()
    original = eventlog.add_mentions

    def held(conn, doc):
        touched = original(conn, doc)
        if threading.current_thread().name == "first":
            inside.set()
            go.wait(timeout=60)
        return touched

    monkeypatch.setattr(eventlog, "add_mentions", held)
    errors: list[BaseException] = []

    def save(store: Store, report) -> None:
        try:
            store.save_document(copy.deepcopy(report))
        except BaseException as exc:     # a thread's exception would otherwise be lost
            errors.append(exc)

    one = threading.Thread(target=save, args=(first, REPORTS[0]), name="first")
    one.start()
    assert inside.wait(timeout=60)
    two = threading.Thread(target=save, args=(second, REPORTS[1]), name="second")
    two.start()
    two.join(timeout=2)         # without a lock the second writer is done by now, having seen no event to join
    go.set()
    one.join(timeout=60)
    two.join(timeout=60)
    assert errors == []
    [event] = first.events()
    assert event["n_articles"] == 2 and event["id"] == "ev-a1"
    for store in (first, second):
        store.engine.dispose()


def _dedup_only(config: dict) -> Pipeline:
    return Pipeline.from_config(config, only=[name for name in config["pipeline"]["order"]
                                              if config["components"][name]["kind"] == "dedup"])


def test_a_writer_that_finds_its_inputs_stored_by_another_meanwhile_counts_them_and_quarantines_nothing(
        store_url, tmp_path, monkeypatch):
    config = load_config()
    late = Store.open(store_url)
    late_runner = IngestRunner(late, _dedup_only(config))     # its dedup and checks saw an empty store...
    other = Store.open(store_url)
    done = IngestRunner(other, _dedup_only(config)).run(copy.deepcopy(REPORTS[:5]))   # ...then another writer ran
    assert done.stored == 5 and done.exact_duplicates == 2    # a3 and a4 repeat a1's text
    # the same text as a1 under an id of its own, first in this writer's input: only the store knows it is a copy
    copy_of_a1 = Document(id="x1", text=REPORTS[0].text, language="en", url="https://six.example/x1", raw=b"x1",
                          raw_sha256="f" * 64)
    monkeypatch.setattr(late, "seen", lambda doc: False)       # its look came before the other writer's writes
    summary = late_runner.run([copy.deepcopy(copy_of_a1), *copy.deepcopy(REPORTS[:6])])
    assert summary.already_stored == 5 and summary.quarantined == 0
    # x1 kept as the exact copy of a1 (the store said so), m2 as that of m1 (learnt when m1 was found stored)
    assert summary.stored == 2 and summary.exact_duplicates == 2
    reference = Store.open(f"sqlite:///{tmp_path / 'one_writer.db'}")
    IngestRunner(reference, _dedup_only(config)).run([*copy.deepcopy(REPORTS[:5]), copy_of_a1, REPORTS[5]])
    assert snapshot(late) == snapshot(reference)
    assert late.article("x1")["duplicate_of"] == "a1"
    for store in (late, other, reference):
        store.engine.dispose()


def test_the_runner_knows_dedup_s_key_of_a_text_without_words():
    from geowire import runner
    from geowire.clean.dedup import text_sha256

    assert runner._NO_WORDS == text_sha256("") == text_sha256("!!! --- ...")
