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


def _detailed_event(**overrides):
    event = _event(n_sources=2, n_articles=2, n_mentions=2, first_seen="2024-03-02T10:00:00+00:00",
                   updated_at="2024-03-03T08:00:00+00:00", precision="city", location_country="FR",
                   sources=["afp.example", "lemonde.example"],
                   mentions=[{"evidence_text": "Thousands marched in Lyon on Saturday, AFP said.", "active": True,
                              "article": {"url": "https://afp.example/1"}},
                             {"evidence_text": "Lyon saw a large march.", "active": True,
                              "article": {"url": "https://lemonde.example/2"}}])
    event.update(overrides)
    return event


def test_kml_parses_and_escapes_text():
    from xml.etree import ElementTree as ET

    hostile = _detailed_event(location={"name": "<Lyon & \"co\">", "lat": 45.75, "lon": 4.85, "geonameid": 1,
                                        "start": 0, "end": 1})
    root = ET.fromstring(export([hostile, _detailed_event(id="e2", location=None)], "kml").encode())
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    marks = root.findall(".//k:Placemark", ns)
    assert len(marks) == 1
    assert marks[0].find("k:name", ns).text == 'PROTEST: <Lyon & "co">'
    assert marks[0].find(".//k:coordinates", ns).text == "4.850000,45.750000"


def test_stix_bundle_is_valid_stix_2_1_and_stable():
    from stix2validator import ValidationOptions, validate_string

    first = export([_detailed_event(), _detailed_event(id="e2", target={"text": "Armed group", "start": 0,
                                                                          "end": 3, "country": "SYR",
                                                                          "sector": "REB"})], "stix")
    result = validate_string(first, ValidationOptions(version="2.1", strict=False))
    assert result.is_valid, [str(e) for e in result.errors]
    bundle = json.loads(first)
    kinds = {o["type"] for o in bundle["objects"]}
    assert {"report", "location", "identity", "relationship", "note", "opinion", "threat-actor"} <= kinds
    note = next(o for o in bundle["objects"] if o["type"] == "note")
    assert "Thousands marched in Lyon" in note["content"]
    assert json.loads(export([_detailed_event()], "stix"))["objects"][1]["id"] == \
        json.loads(export([_detailed_event()], "stix"))["objects"][1]["id"]


def test_gdelt_tsv_has_cameo_roots_and_quad_classes():
    text = export([_detailed_event(), _detailed_event(id="e3", type="ASSAULT", mode="aerial")], "gdelt")
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    assert rows[0]["EventRootCode"] == "14" and rows[0]["QuadClass"] == "4" and rows[0]["SQLDATE"] == "20240302"
    assert rows[1]["EventRootCode"] == "19" and rows[0]["NumSources"] == "2" and rows[0]["ActionGeo_Type"] == "4"


def test_acled_csv_maps_types_inter_codes_and_precision():
    strike = _detailed_event(id="e4", type="ASSAULT", mode="aerial",
                             source={"text": "Air force", "start": 0, "end": 9, "country": "RUS", "sector": "MIL"},
                             target={"text": "villagers", "start": 0, "end": 9, "country": "SYR", "sector": "CVL"})
    consult = _detailed_event(id="e5", type="CONSULT")
    rows = list(csv.DictReader(io.StringIO(export([_detailed_event(), strike, consult], "acled"))))
    assert [r["event_id_cnty"] for r in rows] == ["e1", "e4"]          # CONSULT is no ACLED event
    protest, air = rows
    assert (protest["event_type"], protest["sub_event_type"]) == ("Protests", "Peaceful protest")
    assert (air["event_type"], air["inter1"], air["inter2"], air["interaction"]) == \
        ("Explosions/Remote violence", "1", "7", "17")
    assert air["geo_precision"] == "1" and air["time_precision"] == "1"
    assert "Thousands marched" in protest["notes"] and protest["source"] == "afp.example; lemonde.example"


def test_a_week_dated_event_exports_as_days_everywhere():
    """'last week' is stored as 2024-W09; formats that need a day get its first, KML gets the span."""
    from xml.etree import ElementTree as ET

    week = _detailed_event(date={"value": "2024-W09", "text": "last week"})   # no start/end: computed
    row = next(csv.DictReader(io.StringIO(export([week], "csv"))))
    assert (row["date"], row["date_start"], row["date_end"]) == ("2024-W09", "2024-02-26", "2024-03-03")
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    mark = ET.fromstring(export([week], "kml").encode()).find(".//k:Placemark", ns)
    assert mark.find("k:TimeStamp", ns) is None
    assert (mark.find("k:TimeSpan/k:begin", ns).text, mark.find("k:TimeSpan/k:end", ns).text) == (
        "2024-02-26", "2024-03-03")
    assert next(csv.DictReader(io.StringIO(export([week], "gdelt")), delimiter="\t"))["SQLDATE"] == "20240226"
    acled = next(csv.DictReader(io.StringIO(export([week], "acled"))))
    assert (acled["event_date"], acled["year"], acled["time_precision"]) == ("2024-02-26", "2024", "2")
    report = next(o for o in json.loads(export([week], "stix"))["objects"] if o["type"] == "report")
    assert report["published"].startswith("2024-02-26")
