import csv
import io
import json

from geowire.export.formats import export


def _event(**overrides):
    event = {
        "id": "e1", "type": "PROTEST", "mode": None, "certainty": "reported", "confidence": 0.7,
        "source": {"text": "=HYPERLINK(\"http://x\")", "start": 0, "end": 5, "country": "FRA", "sector": "CVL"},
        "target": None, "location": {"name": "Lyon", "lat": 45.75, "lon": 4.85, "geonameid": 2996944,
                                     "start": 10, "end": 14},
        "date": {"value": "2024-03-02", "text": "Saturday"}, "attribution": {"name": "AFP", "text": "AFP said",
                                                                             "start": 20, "end": 28},
        "evidence": {"start": 0, "end": 40}, "article": {"id": "a1", "title": "Marches", "url": None},
    }
    event.update(overrides)
    return event


def test_csv_has_header_and_neutralises_formulas():
    rows = list(csv.DictReader(io.StringIO(export([_event()], "csv"))))
    assert rows[0]["type"] == "PROTEST" and rows[0]["attribution"] == "AFP"
    assert rows[0]["source"].startswith("'=")


def test_geojson_is_rfc7946_shaped():
    data = json.loads(export([_event(), _event(id="e2", location=None)], "geojson"))
    assert data["type"] == "FeatureCollection"
    first, second = data["features"]
    assert first["geometry"]["coordinates"] == [4.85, 45.75]
    assert second["geometry"] is None and second["properties"]["id"] == "e2"


def test_jsonl_round_trips():
    lines = export([_event(), _event(id="e2")], "jsonl").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["e1", "e2"]
