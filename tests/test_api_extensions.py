"""The API serves the extended event contract, and docs/api.md keeps up with the API's parameters."""

import csv
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_merge import MOSUL, _report
from test_store_extensions import _extended_report

from geowire.api.app import create_app

DOCS = Path(__file__).resolve().parent.parent / "docs" / "api.md"


@pytest.fixture
def client(store):
    store.save_document(_extended_report())
    store.save_document(_report("p", "https://two.example/p", "Mosul", MOSUL, "2024-06-20"))
    return TestClient(create_app(store))


def test_event_detail_has_kind_modality_quantities_and_mention_sentences(client):
    event = client.get("/api/events/ev-x").json()
    assert event["attribution"]["kind"] == "official" and event["modality"] == "historical"
    assert [(q["kind"], q["value"], q["min"]) for q in event["quantities"]] == [("killed", None, 12),
                                                                                ("injured", 30, None)]
    sentences = [(m["text"], m["trigger_text"]) for m in event["evidence_mentions"]]
    assert sentences[0][0].startswith("Iraqi forces shelled positions near Al Qaim")
    assert sentences == [(sentences[0][0], "shelled"), ("The shelling lasted hours.", "shelling")]
    assert event["mentions"][0]["evidence_mentions"][1]["text"] == "The shelling lasted hours."
    plain = client.get("/api/events/ev-p").json()
    assert (plain["attribution"], plain["modality"], plain["quantities"], plain["evidence_mentions"]) == \
        (None, None, [], [])


def test_event_lists_carry_the_new_keys(client):
    features = {f["id"]: f["properties"] for f in client.get("/api/events").json()["features"]}
    extended = features["ev-x"]
    assert (extended["attribution_kind"], extended["modality"], extended["killed"], extended["injured"]) == \
        ("official", "historical", 12, 30)
    assert [q["kind"] for q in extended["quantities"]] == ["killed", "injured"]
    assert [m["trigger_start"] for m in extended["evidence_mentions"]] == [
        m.trigger_start for m in _extended_report().events[0].mentions]
    assert features["ev-p"]["quantities"] == [] and features["ev-p"]["killed"] is None


def test_filters_by_attribution_kind_and_modality(client):
    def ids(**params):
        return sorted(f["id"] for f in client.get("/api/events", params=params).json()["features"])

    assert ids(attribution_kind="official") == ["ev-x"]
    assert ids(attribution_kind="eyewitness") == []
    assert ids(modality="historical") == ["ev-x"] and ids(modality="none") == ["ev-p"]
    assert ids(modality="hypothetical") == []
    bad = client.get("/api/events", params={"modality": "maybe"})
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
    export = client.get("/api/export", params={"format": "acled", "attribution_kind": "official"})
    [row] = csv.DictReader(io.StringIO(export.text))
    assert (row["event_id_cnty"], row["fatalities"]) == ("ev-x", "12")


def test_every_api_parameter_is_documented(client):
    """A query parameter of any route that docs/api.md does not name in backticks fails here."""
    text = DOCS.read_text()
    spec = client.get("/openapi.json").json()
    names = {parameter["name"] for operations in spec["paths"].values() for operation in operations.values()
             for parameter in operation.get("parameters", []) if parameter["in"] == "query"}
    assert {"attribution_kind", "modality", "since", "bbox"} <= names
    documented = {word for span in re.findall(r"`([^`]+)`", text) for word in re.findall(r"[a-z_]+", span)}
    assert sorted(names - documented) == []
