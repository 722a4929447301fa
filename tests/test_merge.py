"""Cross-article merging: one real-world event, many reports; stable ids; recorded deletions."""

from geowire import __version__
from geowire.model import Document, Event, EventArg, EventDate, EventLocation, Evidence, Place
from geowire.store import merge

QAIM = (34.37, 41.09)
ABU_KAMAL = (34.45, 40.92)      # across the border, about 18 km away
MOSUL = (36.34, 43.13)


def _row(**overrides):
    row = {"type": "ASSAULT", "date_value": "2024-05-06", "source_country": "IRQ", "target_country": None,
           "lat": QAIM[0], "lon": QAIM[1], "location_precision": "city", "location_country": "IQ"}
    row.update(overrides)
    return row


def test_rules_accept_the_same_event_told_differently():
    assert merge.match_score(_row(), _row(lat=ABU_KAMAL[0], lon=ABU_KAMAL[1], date_value="2024-05-07")) is not None
    assert merge.match_score(_row(), _row(source_country=None)) is not None
    assert merge.match_score(_row(date_value="2024-05"), _row()) is not None


def test_rules_refuse_other_type_place_actor_or_date():
    assert merge.match_score(_row(), _row(type="PROTEST")) is None
    assert merge.match_score(_row(), _row(lat=MOSUL[0], lon=MOSUL[1])) is None
    assert merge.match_score(_row(), _row(source_country="SYR")) is None
    assert merge.match_score(_row(), _row(date_value="2024-05-20")) is None


def test_a_short_span_holds_a_day_but_a_year_holds_nothing_else():
    assert merge.match_score(_row(date_value="2024-W19"), _row(date_value="2024-05-07")) is not None
    assert merge.match_score(_row(date_value="2024-05-13"), _row(date_value="2024-W19")) is None  # the next Monday
    assert merge.match_score(_row(date_value="2024"), _row()) is None
    assert merge.match_score(_row(date_value="2024-Q2"), _row()) is None
    assert merge.match_score(_row(date_value="2024"), _row(date_value="2024")) is not None


def test_distance_allowed_grows_with_vaguer_places():
    far = dict(lat=QAIM[0] + 1.0, lon=QAIM[1])     # about 111 km north
    assert merge.match_score(_row(), _row(**far)) is None
    assert merge.match_score(_row(location_precision="admin1"), _row(**far)) is not None
    country = _row(location_precision="country", lat=33.0, lon=44.0)
    assert merge.match_score(country, _row()) is not None
    assert merge.match_score(country, _row(location_country="SY")) is None


def test_representative_prefers_certain_then_confident():
    mentions = [{"id": "b", "certainty": "hedged", "confidence": 0.9},
                {"id": "a", "certainty": "asserted", "confidence": 0.6},
                {"id": "c", "certainty": "asserted", "confidence": 0.6}]
    assert merge.representative(mentions)["id"] == "a"
    assert merge.combined_confidence(mentions, 3) > merge.combined_confidence(mentions, 1) == 0.9


def _report(doc_id, url, place, where, date, source_country="IRQ", text=None):
    text = text or f"Iraqi forces shelled positions near {place} on Monday, officials said."
    start = text.index(place)
    loc = Place(start, start + len(place), place, place, where[0], where[1], 1, "IQ", None, "P.PPL", "city", 0.9)
    event = Event(
        id=f"ev-{doc_id}", type="ASSAULT", mode=None,
        source=EventArg("Iraqi forces", 0, 12, source_country, "MIL"), target=None,
        location=EventLocation(place, where[0], where[1], 1, loc.start, loc.end),
        date=EventDate(date, "Monday"), attribution=None, certainty="asserted", confidence=0.7,
        evidence=Evidence(0, len(text)),
    )
    return Document(id=doc_id, text=text, language="en", url=url, raw=text.encode(),
                    raw_sha256=(doc_id * 64)[:64], places=[loc], events=[event])


def test_two_outlets_one_event_then_a_third_elsewhere(store):
    store.save_document(_report("a", "https://one.example/a", "Al Qaim", QAIM, "2024-05-06"))
    store.save_document(_report("b", "https://two.example/b", "Abu Kamal", ABU_KAMAL, "2024-05-07"))
    store.save_document(_report("c", "https://one.example/c", "Mosul", MOSUL, "2024-05-06"))
    events = {e["id"]: e for e in store.events()}
    assert set(events) == {"ev-a", "ev-c"}
    assert events["ev-a"]["n_sources"] == 2 and events["ev-a"]["n_articles"] == 2
    detail = store.event("ev-a")
    assert [m["article"]["id"] for m in detail["mentions"]] == ["a", "b"]
    assert detail["sources"] == ["one.example", "two.example"]
    assert "Abu Kamal" in detail["mentions"][1]["evidence_text"]


def test_a_week_dated_report_joins_a_day_dated_one_in_either_order(store_url):
    from geowire.store.repository import Store

    for order in ((("a", "2024-05-07"), ("b", "2024-W19")), (("b", "2024-W19"), ("a", "2024-05-07"))):
        fresh = Store.open(store_url)
        with fresh.engine.begin() as conn:     # the fixture's store is shared: start empty each time
            for table in ("mentions", "events", "articles", "raw_documents"):
                conn.exec_driver_sql(f"DELETE FROM {table}")
        for doc_id, date in order:
            fresh.save_document(_report(doc_id, f"https://{doc_id}.example/x", "Al Qaim", QAIM, date))
        [event] = fresh.events()
        assert event["n_articles"] == 2, order
        fresh.engine.dispose()


def test_the_same_outlet_twice_is_one_source(store):
    store.save_document(_report("a", "https://one.example/a", "Al Qaim", QAIM, "2024-05-06"))
    store.save_document(_report("b", "https://one.example/b", "Al Qaim", QAIM, "2024-05-06"))
    [event] = store.events()
    assert event["n_articles"] == 2 and event["n_sources"] == 1


def test_ids_are_stable_whatever_the_store(tmp_path):
    from geowire.store.repository import Store

    ids = []
    for name in ("one", "two"):
        fresh = Store.open(f"sqlite:///{tmp_path / name}.db")
        for doc in (_report("a", "https://one.example/a", "Al Qaim", QAIM, "2024-05-06"),
                    _report("b", "https://two.example/b", "Abu Kamal", ABU_KAMAL, "2024-05-07")):
            fresh.save_document(doc)
        ids.append(sorted(e["id"] for e in fresh.events()))
    assert ids[0] == ids[1] == ["ev-a"]


def test_removing_every_supporting_article_deletes_and_records(store):
    store.save_document(_report("a", "https://one.example/a", "Al Qaim", QAIM, "2024-05-06"))
    store.save_document(_report("b", "https://two.example/b", "Abu Kamal", ABU_KAMAL, "2024-05-07"))
    assert store.remove_article("a") == []
    [event] = store.events()
    assert event["id"] == "ev-a" and event["n_sources"] == 1 and event["article"]["id"] == "b"
    assert store.remove_article("b") == ["ev-a"]
    assert store.events() == []
    [deleted] = store.deletions()
    assert deleted["event_id"] == "ev-a" and store.deletions(since="9999") == []


def test_reprocessing_keeps_history_and_recodes(store, monkeypatch):
    doc = _report("a", "https://one.example/a", "Al Qaim", QAIM, "2024-05-06")
    store.save_document(doc)
    for module in ("geowire.store.eventlog", "geowire.store.repository"):
        monkeypatch.setattr(f"{module}.__version__", "99.0-newer")
    doc.events[0].type = "COERCE"
    doc.events[0].id = "ev-a-recoded"
    store.replace_analysis(doc)
    [event] = store.events()
    assert event["type"] == "COERCE"
    assert store.deletions()[0]["event_id"] == "ev-a"
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT type, active, pipeline_version FROM mentions ORDER BY created_at").all()
    assert [(r[0], bool(r[1]), r[2]) for r in rows] == [("ASSAULT", False, __version__), ("COERCE", True, "99.0-newer")]
    assert store.article("a")["pipeline_version"] == "99.0-newer"


def test_undated_or_unplaced_reports_need_more_to_merge():
    assert merge.match_score(_row(date_value=None), _row(date_value=None)) is None
    unplaced = _row(lat=None, lon=None, location_precision=None)
    assert merge.match_score(unplaced, _row()) is not None                    # same source country
    assert merge.match_score(_row(lat=None, lon=None, source_country=None), _row(source_country=None)) is None


def test_reprocessing_at_the_same_version_keeps_the_event(store):
    doc = _report("a", "https://one.example/a", "Al Qaim", QAIM, "2024-05-06")
    store.save_document(doc)
    store.replace_analysis(doc)
    [event] = store.events()
    assert event["id"] == "ev-a" and event["n_mentions"] == 1 and store.deletions() == []


def test_a_place_inferred_from_the_article_focus_does_not_tie_reports():
    focus = _row(location_basis="document_focus", source_country=None)
    assert merge.match_score(focus, _row(source_country=None)) is None
    assert merge.match_score(_row(location_basis="document_focus"), _row()) is not None   # same named actor


def test_store_finds_unplaced_and_country_level_candidates(store):
    store.save_document(_report("a", "https://one.example/a", "Al Qaim", QAIM, "2024-05-06"))
    unplaced = _report("b", "https://two.example/b", "Al Qaim", QAIM, "2024-05-06")
    unplaced.events[0].location = None
    store.save_document(unplaced)
    stranger = _report("c", "https://three.example/c", "Al Qaim", QAIM, "2024-05-06", source_country="SYR")
    stranger.events[0].location = None
    store.save_document(stranger)
    events = {e["id"]: e for e in store.events()}
    assert events["ev-a"]["n_sources"] == 2 and "ev-c" in events and len(events) == 2


def test_evidence_text_is_cut_by_characters_on_every_backend(store):
    text = "Ālbū Kamāl — «Iraqi forces shelled positions near Al Qaim on Monday», officials said."
    doc = _report("u", "https://one.example/u", "Al Qaim", QAIM, "2024-05-06", text=text)
    start = text.index("Iraqi")
    doc.events[0].evidence = type(doc.events[0].evidence)(start, text.index("»") + 1)
    store.save_document(doc)
    [mention] = store.event("ev-u")["mentions"]
    assert mention["evidence_text"] == text[start:text.index("»") + 1]
