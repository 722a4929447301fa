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
    assert event["location"]["name"] == "Al Qaim" and event["date"] == {"value": "2024-05-06", "text": "Monday"}
    assert event["article"]["url"] == "https://news.example.org/a"
    article = store.article("d1")
    assert article["places"][0]["precision"] == "city" and article["times"][0]["value"] == "2024-05-06"
    assert store.stats()["events"] == 1 and store.event("ev-d")["id"] == "ev-d1"


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
