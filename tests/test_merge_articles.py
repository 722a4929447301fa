"""Merging on written articles through the whole pipeline: two outlets tell one strike differently."""

import pytest

from geowire.ingest.sources import document_from_record
from geowire.pipeline import Pipeline
from geowire.runner import IngestRunner

pytestmark = pytest.mark.model

REPORTS = [
    {"id": "wire-a", "url": "https://wire-one.example/strike", "published": "2024-05-07",
     "text": "Turkish warplanes struck Kurdish fighters near Kobani on Monday, a war monitor said. "
             "The monitor said at least four fighters were killed in the raid."},
    {"id": "wire-b", "url": "https://paper-two.example/news/1", "published": "2024-05-08",
     "text": "Turkish jets bombed Kurdish fighters outside Kobani on Monday, according to local officials. "
             "Residents said the jets flew in from the north."},
    {"id": "wire-c", "url": "https://paper-two.example/news/2", "published": "2024-05-08",
     "text": "Turkish warplanes struck Kurdish fighters near Qamishli on Sunday, local officials said."},
]


def test_one_strike_two_outlets_is_one_event(store):
    docs = [document_from_record(r, r["id"]) for r in REPORTS]
    IngestRunner(store, Pipeline.from_config()).run(docs)
    assaults = [e for e in store.events() if e["type"] == "ASSAULT"]
    placed = [e for e in assaults if e["location"] and e["location"]["basis"] == "sentence"]
    near_kobani = [e for e in placed if abs(e["location"]["lat"] - 36.89) < 0.3
                   and abs(e["location"]["lon"] - 38.35) < 0.3]
    assert len(near_kobani) == 1, [(e["id"], e["location"], e["date"]) for e in assaults]
    [event] = near_kobani
    assert event["n_sources"] == 2 and event["date"]["value"] == "2024-05-06"
    detail = store.event(event["id"])
    assert {m["article"]["id"] for m in detail["mentions"]} == {"wire-a", "wire-b"}
    # the same attackers and targets a day earlier 250 km east are another event
    assert any(e["location"] and abs(e["location"]["lon"] - 41.23) < 0.3 for e in assaults)
