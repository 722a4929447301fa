"""The merge's candidate query (issue 11): through the date indexes whatever the planner knows, and the same
candidates, lowest ids first, as the conditions it states."""

import random

import pytest
from sqlalchemy import event, insert

from geowire.dates import day_span
from geowire.store import eventlog, merge, schema
from geowire.store.repository import Store

HERE = (34.37, 41.09)
FAR = (-1.68, 29.22)


def _event_row(event_id, kind, date_value, where, source_country="IRQ", precision="city", country="IQ"):
    start, end = day_span(date_value) or ("", "")
    return dict(id=event_id, article_id=f"art-{event_id}", mention_id=f"{event_id}@m", type=kind, mode=None,
                source_country=source_country, lat=where[0], lon=where[1], location_precision=precision,
                location_country=country, date_value=date_value, date_start=start, date_end=end,
                certainty="asserted", confidence=0.7, evidence_start=0, evidence_end=10, pipeline_version="t",
                n_mentions=1, n_articles=1, n_sources=1, first_seen="2024-01-01", updated_at="2024-01-01")


def _mention(date_value="2024-05-06", where=HERE, source_country="SYR"):
    start, end = day_span(date_value) or ("", "")
    return dict(type="ASSAULT", date_value=date_value, date_start=start, date_end=end,
                lat=where[0] if where else None, lon=where[1] if where else None,
                location_precision="city", location_country="IQ", source_country=source_country,
                target_country=None)


def _store(tmp_path, rows):
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    with store.engine.begin() as conn:
        conn.execute(insert(schema.events), rows)
    return store


def _statements(conn, call):
    captured = []

    def capture(_conn, _cursor, statement, parameters, _context, _executemany):
        captured.append((statement, parameters))

    event.listen(conn, "before_cursor_execute", capture)
    try:
        call()
    finally:
        event.remove(conn, "before_cursor_execute", capture)
    return captured


def test_candidates_are_read_through_the_date_indexes_without_planner_statistics(tmp_path):
    rows = [_event_row(f"e{n:04d}", random.Random(n).choice(["ASSAULT", "PROTEST"]),
                       f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}", HERE) for n in range(300)]
    store = _store(tmp_path, rows)          # a store in its first run: no ANALYZE yet, so no sqlite_stat1
    mention = _mention()
    window, holders = merge.date_candidates(mention["date_value"])
    assert window and holders                # both lookups are asked for
    with store.engine.connect() as conn:
        assert not conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").all()
        statements = _statements(conn, lambda: eventlog._candidates(conn, mention))
        assert len(statements) == 1
        statement, parameters = statements[0]
        plan = [r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    reads = [step for step in plan if step.startswith(("SEARCH events", "SCAN events"))]
    assert reads, plan
    # every read of the events table narrows by type and by date, not by type alone (all events of a type)
    assert all("date_start>" in step or "date_value=" in step for step in reads), plan


@pytest.mark.parametrize(("date_value", "where", "source_country"), [
    ("2024-05-06", HERE, "COD"),        # a day: a range of first days and its week and month
    ("2024-W19", HERE, None),           # a week: the days it covers and its month
    ("2024", None, "COD"),              # a vague value: only itself; unplaced, tied by its actor
    ("2024-05-06", None, None),         # unplaced, tied by its country only
])
def test_candidates_are_the_lowest_ids_meeting_the_conditions(tmp_path, date_value, where, source_country):
    rng = random.Random(7)
    rows = []
    for n in range(900):
        kind = rng.choice(["ASSAULT", "ASSAULT", "ASSAULT", "PROTEST"])
        value = rng.choice(["2024-05-04", "2024-05-06", "2024-05-08", "2024-05-09", "2024-05-20",
                            "2024-W19", "2024-05", "2024-06", "2024", ""])
        place = rng.choice([HERE, HERE, FAR])
        rows.append(_event_row(f"e{rng.randrange(10**6):06d}-{n}", kind, value, place,
                               source_country=rng.choice(["IRQ", "COD", None]),
                               precision=rng.choice(["city", "city", "country"]),
                               country="CD" if place == FAR else "IQ"))
    store = _store(tmp_path, rows)
    mention = _mention(date_value, where, source_country)
    window, holders = merge.date_candidates(date_value)
    reach = max(merge.RADIUS_KM.values()) * eventlog.DEGREES_PER_KM

    def meets(row):
        dated = row["date_value"] in holders or bool(window and window[0] <= row["date_start"] <= window[1])
        near = bool(where) and abs(row["lat"] - where[0]) <= reach and abs(row["lon"] - where[1]) <= reach * 1.3
        tied = (near or (row["location_precision"] == "country" and row["location_country"] == "IQ")
                or (source_country is not None and row["source_country"] == source_country))
        return row["type"] == "ASSAULT" and dated and tied

    expected = sorted(row["id"] for row in rows if meets(row))
    assert expected
    if (date_value, where) == ("2024-05-06", HERE):
        assert len(expected) > eventlog.MAX_CANDIDATES          # the limit is exercised
    with store.engine.connect() as conn:
        found = [row["id"] for row in eventlog._candidates(conn, mention)]
    assert found == expected[:eventlog.MAX_CANDIDATES]

