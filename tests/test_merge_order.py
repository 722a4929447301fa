"""Merging does not depend on the order reports arrive in, nor on the order rows were written (issue 11)."""

import itertools
import random

from sqlalchemy import select

from geowire.model import Document, Event, EventArg, EventDate, EventLocation, Evidence, Place
from geowire.store import eventlog, schema
from geowire.store.repository import Store

QAIM = (34.37, 41.09)
ABU_KAMAL = (34.45, 40.92)      # about 18 km from Al Qaim
MOSUL = (36.34, 43.13)
GOMA = (-1.68, 29.22)


def _report(doc_id, url, place, where, date, kind="ASSAULT", source_country="IRQ", certainty="asserted",
            confidence=0.7):
    text = f"Forces shelled positions near {place} on Monday, officials said."
    start = text.index(place)
    loc = Place(start, start + len(place), place, place, where[0], where[1], 1, "IQ", None, "P.PPL", "city", 0.9)
    event = Event(
        id=f"ev-{doc_id}", type=kind, mode=None,
        source=EventArg("Forces", 0, 6, source_country, "MIL") if source_country else None, target=None,
        location=EventLocation(place, where[0], where[1], 1, loc.start, loc.end),
        date=EventDate(date, "Monday"), attribution=None, certainty=certainty, confidence=confidence,
        evidence=Evidence(0, len(text)),
    )
    return Document(id=doc_id, text=text, language="en", url=url, raw=text.encode(),
                    raw_sha256=f"{doc_id:0>64}"[-64:], places=[loc], events=[event])


REPORTS = [
    _report("a1", "https://one.example/a1", "Al Qaim", QAIM, "2024-05-06"),
    _report("a2", "https://two.example/a2", "Abu Kamal", ABU_KAMAL, "2024-05-07", certainty="reported",
            confidence=0.9),
    _report("a3", "https://three.example/a3", "Al Qaim", QAIM, "2024-05-06", confidence=0.8),
    _report("a4", "https://one.example/a4", "Al Qaim", QAIM, "2024-05-06", source_country=None),
    _report("m1", "https://two.example/m1", "Mosul", MOSUL, "2024-05-06"),
    _report("m2", "https://four.example/m2", "Mosul", MOSUL, "2024-05-07", confidence=0.5),
    _report("p1", "https://one.example/p1", "Mosul", MOSUL, "2024-05-06", kind="PROTEST"),
    _report("g1", "https://five.example/g1", "Goma", GOMA, "2024-05-06", source_country="COD"),
    _report("g2", "https://five.example/g2", "Goma", GOMA, "2024-05-06", source_country="RWA"),
]


def _picture(store: Store) -> tuple:
    """Everything merging decides, in a form that does not depend on row order or autoincrement ids: which
    articles each event gathers and what the event then says; which outlet each article is from."""
    e, m, a, s = schema.events, schema.mentions, schema.articles, schema.sources
    with store.engine.connect() as conn:
        members: dict[str, set[str]] = {}
        for event_id, article_id in conn.execute(select(m.c.event_id, m.c.article_id)):
            members.setdefault(event_id, set()).add(article_id)
        events = set()
        for row in conn.execute(select(e)):
            event = row._mapping
            events.add((frozenset(members[event["id"]]), event["type"], event["mention_id"], event["article_id"],
                        event["date_value"], event["location_name"], event["certainty"], event["confidence"],
                        event["n_mentions"], event["n_articles"], event["n_sources"]))
        outlets = set(conn.execute(select(a.c.id, s.c.name).outerjoin(s, s.c.id == a.c.source_id)).all())
        names = sorted(conn.execute(select(s.c.name)).scalars())
    return frozenset(events), frozenset(outlets), tuple(names)


def _store_in_order(tmp_path, name, reports) -> Store:
    store = Store.open(f"sqlite:///{tmp_path / name}.db")
    for report in reports:
        store.save_document(report)
    return store


def test_the_same_reports_in_any_order_give_the_same_events_and_sources(tmp_path):
    expected = _picture(_store_in_order(tmp_path, "given", REPORTS))
    events, outlets, names = expected
    groups = {members for members, *_ in events}
    assert groups == {frozenset({"a1", "a2", "a3", "a4"}), frozenset({"m1", "m2"}), frozenset({"p1"}),
                      frozenset({"g1"}), frozenset({"g2"})}
    assert names == ("five.example", "four.example", "one.example", "three.example", "two.example")
    orders = [list(reversed(REPORTS))] + [random.Random(seed).sample(REPORTS, len(REPORTS)) for seed in range(6)]
    for number, order in enumerate(orders):
        assert _picture(_store_in_order(tmp_path, f"order{number}", order)) == expected, [r.id for r in order]


def test_every_order_of_one_event_s_reports_gives_the_same_event(tmp_path):
    reports = REPORTS[:4]
    pictures = {_picture(_store_in_order(tmp_path, f"perm{n}", order))
                for n, order in enumerate(itertools.permutations(reports))}
    assert len(pictures) == 1


def test_a_busy_day_compares_the_same_candidates_whatever_order_rows_were_written_in(tmp_path, monkeypatch):
    # many events of one type, day and town that cannot merge with each other (each side from another country),
    # and a new report without a named side that could join any of them: more than MAX_CANDIDATES qualify
    monkeypatch.setattr(eventlog, "MAX_CANDIDATES", 20)
    crowd = [_report(f"c{i:03d}", f"https://c{i}.example/", "Al Qaim", QAIM, "2024-05-06", source_country=f"X{i:02d}")
             for i in range(60)]
    late = _report("late", "https://late.example/", "Abu Kamal", ABU_KAMAL, "2024-05-06", source_country=None)
    chosen = set()
    for name, order in (("up", crowd), ("down", crowd[::-1]), ("shuffled", random.Random(1).sample(crowd, 60))):
        store = _store_in_order(tmp_path, name, order)
        assert len(store.events()) == 60
        store.save_document(late)
        [joined] = [e for e in store.events() if e["n_articles"] == 2]
        chosen.add(joined["id"])
    assert chosen == {"ev-c000"}


def test_an_outlet_already_stored_is_reused_not_inserted_again(store):
    store.save_document(REPORTS[0])
    store.save_document(REPORTS[3])           # the same outlet, one.example
    s, a = schema.sources, schema.articles
    with store.engine.connect() as conn:
        assert conn.execute(select(s.c.name)).scalars().all() == ["one.example"]
        assert len(set(conn.execute(select(a.c.source_id)).scalars())) == 1
    store.save_rejection("x.txt", "ingest", "empty document", b"")
    store.save_rejection("x.txt", "ingest", "empty document", b"")     # the same bad input: one row
    with store.engine.connect() as conn:
        assert len(conn.execute(select(schema.quarantine.c.id)).all()) == 1
