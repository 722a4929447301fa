import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from geowire.model import Actor, Document, Event, EventArg, EventDate, EventLocation, Evidence, Place, TimeExpr
from geowire.store.repository import EventFilter
from geowire.store.schema import metadata


def test_migrations_build_exactly_the_declared_schema(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_sqlite_runs_in_wal_mode(store):
    if store.engine.dialect.name != "sqlite":
        pytest.skip("WAL is a SQLite setting")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def _analysed_document(doc_id="d1") -> Document:
    text = "Iraqi forces shelled Al Qaim on Monday, according to Reuters."
    event = Event(
        id=f"ev-{doc_id}", type="ASSAULT", mode=None,
        source=EventArg("Iraqi forces", 0, 12, "IRQ", "MIL"), target=None,
        location=EventLocation("Al Qaim", 34.37, 41.09, 99343, 21, 28),
        date=EventDate("2024-05-06", "Monday"), attribution=None, certainty="asserted", confidence=0.8,
        evidence=Evidence(0, len(text)),
    )
    return Document(
        id=doc_id, text=text, language="en", published="2024-05-08", raw=text.encode(), raw_sha256="a" * 64,
        url="https://news.example.org/a", origin="sample.txt",
        places=[Place(21, 28, "Al Qaim", "Al Qaim", 34.37, 41.09, 99343, "IQ", "Anbar", "P.PPL", "city", 0.9)],
        actors=[Actor(0, 12, "Iraqi forces", "Iraq military", "IRQ", "MIL")],
        times=[TimeExpr(32, 38, "Monday", "DATE", "2024-05-06")],
        events=[event],
    )


def test_saved_event_reads_back_in_the_contract_shape(store):
    store.save_document(_analysed_document())
    [event] = store.events()
    assert event["type"] == "ASSAULT"
    assert event["source"] == {"text": "Iraqi forces", "start": 0, "end": 12, "country": "IRQ", "sector": "MIL"}
    assert event["location"]["name"] == "Al Qaim"
    assert event["date"] == {"value": "2024-05-06", "text": "Monday", "start": "2024-05-06", "end": "2024-05-06"}
    assert event["article"]["url"] == "https://news.example.org/a"
    article = store.article("d1")
    assert article["places"][0]["precision"] == "city" and article["times"][0]["value"] == "2024-05-06"
    assert store.stats()["events"] == 1 and store.event("ev-d")["id"] == "ev-d1"


def test_a_places_basis_is_stored(store):
    doc = _analysed_document("d2")
    doc.places[0].basis = "container"
    store.save_document(doc)
    assert store.article("d2")["places"][0]["basis"] == "container"


def test_filters_select_events(store):
    store.save_document(_analysed_document())
    assert len(store.events(EventFilter(type="assault", country="irq"))) == 1
    assert store.events(EventFilter(type="PROTEST")) == []
    assert store.events(EventFilter(since="2024-05-07")) == []
    assert len(store.events(EventFilter(until="2024-05-06"))) == 1
    assert len(store.events(EventFilter(bbox=(40, 33, 42, 35)))) == 1
    assert store.events(EventFilter(bbox=(0, 0, 1, 1))) == []


def test_seen_by_id_or_by_raw_bytes(store):
    doc = _analysed_document()
    store.save_document(doc)
    assert store.seen(Document(id="d1"))
    assert store.seen(Document(id="other", raw_sha256="a" * 64))
    assert not store.seen(Document(id="other", raw_sha256="b" * 64))


def test_quarantine_keeps_the_input_once(store):
    first = store.save_rejection("bad.txt", "ingest", "binary content", b"\x00\x01")
    again = store.save_rejection("bad.txt", "ingest", "binary content", b"\x00\x01")
    assert first == again
    assert [row["reason"] for row in store.quarantined()] == ["binary content"]


def _dated_document(doc_id: str, value: str, text: str) -> Document:
    doc = _analysed_document(doc_id)
    doc.events[0].date = EventDate(value, text)
    doc.events[0].location = EventLocation("Al Qaim", 34.37 + len(doc_id), 41.09, None, 21, 28)
    doc.raw_sha256 = doc_id.ljust(64, "0")
    doc.raw = doc_id.encode()
    return doc


def test_event_dates_filter_and_sort_as_calendar_stretches(store):
    # "2024-W19" is 6-12 May 2024; as text it would sort after every date of 2024
    for doc_id, value, text in (("w", "2024-W19", "last week"), ("d", "2024-05-20", "Monday"),
                                ("q", "2024-Q1", "the first quarter"), ("r", "", "")):
        store.save_document(_dated_document(doc_id, value, text))
    week = next(e for e in store.events() if e["date"] and e["date"]["value"] == "2024-W19")
    assert (week["date"]["start"], week["date"]["end"]) == ("2024-05-06", "2024-05-12")

    def values(**kwargs):
        return [(e["date"] or {}).get("value") for e in store.events(EventFilter(**kwargs))]

    assert values(sort="date") == [None, "2024-Q1", "2024-W19", "2024-05-20"]     # undated first, as ""
    assert values() == ["2024-05-20", "2024-W19", "2024-Q1", None]
    assert values(since="2024-05-01", sort="date") == ["2024-W19", "2024-05-20"]
    assert values(since="2024-05-08") == ["2024-05-20"]            # the week began before the window
    assert values(until="2024-05-10") == ["2024-Q1"]               # the week ends after it
    assert values(until="2024-05") == ["2024-05-20", "2024-W19", "2024-Q1"]   # "2024-05" runs to May 31
    assert None not in values(since="2000-01-01") and None not in values(until="2100-01-01")


def test_migration_fills_date_spans_of_existing_events(store_url):
    from sqlalchemy import MetaData, Table, insert, select

    from geowire.store import schema
    from geowire.store.database import create_store_engine, migrate

    engine = create_store_engine(store_url)
    migrate(engine, "0001")
    old_events = Table("events", MetaData(), autoload_with=engine)   # as revision 0001 built it
    row = {column.name: None for column in old_events.c}
    row.update(id="e1", article_id="a1", mention_id="m1", type="ASSAULT", date_value="2021-Q4", certainty="asserted",
               confidence=0.5, evidence_start=0, evidence_end=1, pipeline_version="0", n_mentions=1, n_articles=1,
               n_sources=1, first_seen="x", updated_at="x")
    with engine.begin() as conn:   # a row as revision 0001 stored it, without the span columns
        conn.execute(insert(old_events).values(**row))
    migrate(engine, "head")
    with engine.connect() as conn:
        spans = select(schema.events.c.date_start, schema.events.c.date_end)
        assert conn.execute(spans).one() == ("2021-10-01", "2021-12-31")
    engine.dispose()
