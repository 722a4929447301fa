"""The extended event contract survives the store: attribution kind, modality, quantities, in-article mentions."""

from test_merge import ABU_KAMAL, QAIM, _report

from geowire.model import Attribution, Document, Mention, Quantity
from geowire.store.repository import EventFilter

TEXT = ("Iraqi forces shelled positions near Al Qaim on Monday, officials said. At least 12 people were killed "
        "and 30 were hurt. The shelling lasted hours.")


def _extended_report(doc_id: str = "x", url: str = "https://one.example/x", certainty: str = "asserted",
                     where=QAIM, place: str = "Al Qaim", date: str = "2024-05-06") -> Document:
    text = TEXT.replace("Al Qaim", place)
    doc = _report(doc_id, url, place, where, date, text=text)
    event = doc.events[0]
    first_end = text.index(".") + 1
    killed = text.index("At least 12")
    hurt = text.index("30 were hurt")
    later = text.index("The shelling")
    event.certainty = certainty
    event.evidence.end = first_end
    event.attribution = Attribution("officials said", text.index("officials"), text.index("officials") + 14,
                                    "officials", kind="official")
    event.modality = "historical"
    event.quantities = [Quantity("killed", None, 12, "At least 12 people were killed", killed, killed + 30),
                        Quantity("injured", 30, None, "30 were hurt", hurt, hurt + 12)]
    event.mentions = [Mention(0, first_end, text.index("shelled"), text.index("shelled") + 7),
                      Mention(later, len(text), later + 4, later + 12)]
    return doc


def test_new_fields_read_back_as_they_were_coded(store):
    doc = _extended_report()
    store.save_document(doc)
    [listed] = store.events()
    coded = doc.events[0]
    assert listed["attribution"]["kind"] == "official" and listed["modality"] == "historical"
    assert listed["quantities"] == [
        {"kind": "killed", "value": None, "min": 12, "text": "At least 12 people were killed",
         "start": coded.quantities[0].start, "end": coded.quantities[0].end},
        {"kind": "injured", "value": 30, "min": None, "text": "30 were hurt", "start": coded.quantities[1].start,
         "end": coded.quantities[1].end}]
    assert [(m["start"], m["end"], m["trigger_start"], m["trigger_end"]) for m in listed["evidence_mentions"]] == \
        [(m.start, m.end, m.trigger_start, m.trigger_end) for m in coded.mentions]
    assert "text" not in listed["evidence_mentions"][0]          # lists carry offsets; the detail cuts the text

    detail = store.event(listed["id"])
    first, second = detail["evidence_mentions"]
    assert first["text"].startswith("Iraqi forces shelled") and first["trigger_text"] == "shelled"
    assert second["text"] == "The shelling lasted hours." and second["trigger_text"] == "shelling"
    [report] = detail["mentions"]                                # the article's own report carries them too
    assert report["quantities"] == listed["quantities"] and report["evidence_mentions"][1]["trigger_text"] == \
        "shelling"


def test_an_event_without_the_new_fields_reads_back_empty(store):
    store.save_document(_report("p", "https://one.example/p", "Al Qaim", QAIM, "2024-05-06"))
    [event] = store.events()
    assert (event["modality"], event["quantities"], event["evidence_mentions"]) == (None, [], [])
    assert store.event("ev-p")["evidence_mentions"] == []


def test_the_representative_mention_speaks_for_the_merged_event(store):
    hedged = _extended_report("h", "https://one.example/h", certainty="hedged")
    hedged.events[0].quantities = [Quantity("killed", 40, None, "40 killed", 0, 9)]
    hedged.events[0].attribution.kind = "anonymous"
    hedged.events[0].modality = None
    store.save_document(hedged)
    assert store.events()[0]["quantities"][0]["value"] == 40
    sure = _extended_report("s", "https://two.example/s", where=ABU_KAMAL, place="Abu Kamal", date="2024-05-07")
    store.save_document(sure)
    [event] = store.events()
    assert event["n_sources"] == 2 and event["article"]["id"] == "s"
    assert event["attribution"]["kind"] == "official" and event["modality"] == "historical"
    assert [q["kind"] for q in event["quantities"]] == ["killed", "injured"] and event["quantities"][0]["min"] == 12
    store.remove_article("s")                                    # the hedged report speaks again
    [event] = store.events()
    assert event["attribution"]["kind"] == "anonymous" and event["modality"] is None
    assert event["quantities"] == [{"kind": "killed", "value": 40, "min": None, "text": "40 killed", "start": 0,
                                    "end": 9}]


def test_filters_by_attribution_kind_and_modality(store):
    store.save_document(_extended_report())
    store.save_document(_report("p", "https://one.example/p", "Mosul", (36.34, 43.13), "2024-06-20"))

    def ids(**kwargs):
        return sorted(e["id"] for e in store.events(EventFilter(**kwargs)))

    assert ids(attribution_kind="official") == ["ev-x"]
    assert ids(attribution_kind="media") == []
    assert ids(modality="historical") == ["ev-x"]
    assert ids(modality="none") == ["ev-p"]
    assert ids(modality="future") == []


def test_a_store_at_revision_0002_upgrades_and_reads_back(store_url):
    from sqlalchemy import MetaData, Table, insert

    from geowire.store.database import create_store_engine, migrate
    from geowire.store.repository import Store

    engine = create_store_engine(store_url)
    migrate(engine, "0002")
    old = Store(engine)        # writes through SQL of revision 0002: only the columns it had
    with engine.begin() as conn:
        tables = MetaData()
        articles = Table("articles", tables, autoload_with=conn)
        events = Table("events", tables, autoload_with=conn)
        mentions = Table("mentions", tables, autoload_with=conn)
        conn.execute(insert(articles).values(id="a1", text="Police said rebels attacked a convoy.",
                                             pipeline_version="0", created_at="x"))
        coded = dict(type="ASSAULT", mode=None, date_value="2024-05-06", date_start="2024-05-06",
                     date_end="2024-05-06", attribution_text="Police said", attribution_start=0, attribution_end=11,
                     attribution_name="police", certainty="reported", confidence=0.6, evidence_start=0,
                     evidence_end=37, pipeline_version="0")
        conn.execute(insert(events).values(id="e1", article_id="a1", mention_id="m1", n_mentions=1, n_articles=1,
                                           n_sources=1, first_seen="x", updated_at="x", **coded))
        conn.execute(insert(mentions).values(id="m1", event_id="e1", article_id="a1", active=True,
                                             created_at="x", **coded))
    migrate(engine, "head")
    event = old.event("e1")
    assert event["attribution"] == {"text": "Police said", "start": 0, "end": 11, "name": "police",
                                    "kind": "unknown"}
    assert (event["modality"], event["quantities"], event["evidence_mentions"]) == (None, [], [])
    assert event["mentions"][0]["attribution"]["kind"] == "unknown"
    assert [e["id"] for e in old.events(EventFilter(attribution_kind="unknown"))] == ["e1"]
    engine.dispose()
