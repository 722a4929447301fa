"""Every export carries the extended event contract: attribution kind, modality, quantities, in-article mentions."""

import csv
import io
import json
from xml.etree import ElementTree as ET

from test_export import _detailed_event

from geowire.export.formats import export
from geowire.export.table import CSV_COLUMNS

KILLED = {"kind": "killed", "value": None, "min": 12, "text": "at least 12 people were killed", "start": 50,
          "end": 80}
INJURED = {"kind": "injured", "value": 30, "min": None, "text": "30 were hurt", "start": 85, "end": 97}
MENTIONS = [{"start": 0, "end": 48, "trigger_start": 10, "trigger_end": 17},
            {"start": 99, "end": 130, "trigger_start": 103, "trigger_end": 111}]


def _extended(**overrides):
    event = _detailed_event(id="x1", type="ASSAULT", mode=None, modality="historical", quantities=[KILLED, INJURED],
                            evidence_mentions=MENTIONS,
                            attribution={"name": "police", "text": "police said", "start": 20, "end": 31,
                                         "kind": "official"})
    event.update(overrides)
    return event


def test_csv_appends_the_new_columns_after_the_old_ones():
    header = export([], "csv").strip().split(",")
    assert header[:25] == list(CSV_COLUMNS[:25]) and header[-5:] == [
        "attribution_kind", "modality", "killed", "injured", "arrested"]
    assert header.index("date_end") == 24                   # where older readers found it
    row, plain = csv.DictReader(io.StringIO(export([_extended(), _detailed_event()], "csv")))
    assert (row["attribution_kind"], row["modality"], row["killed"], row["injured"], row["arrested"]) == \
        ("official", "historical", "12", "30", "")
    assert (plain["attribution_kind"], plain["modality"], plain["killed"]) == ("", "", "")


def test_the_largest_stated_count_of_a_kind_is_the_column():
    more = {"kind": "killed", "value": 15, "min": None, "text": "the toll rose to 15", "start": 0, "end": 1}
    row = next(csv.DictReader(io.StringIO(export([_extended(quantities=[KILLED, more])], "csv"))))
    assert row["killed"] == "15"


def test_acled_fatalities_come_from_the_killed_quantity():
    exact = {"kind": "killed", "value": 7, "min": 5, "text": "seven killed", "start": 0, "end": 1}
    events = [_extended(id="a"), _extended(id="b", quantities=[exact, INJURED]), _extended(id="c", quantities=[]),
              _extended(id="d", quantities=[INJURED])]
    rows = list(csv.DictReader(io.StringIO(export(events, "acled"))))
    assert [(r["event_id_cnty"], r["fatalities"]) for r in rows] == [("a", "12"), ("b", "7"), ("c", "0"),
                                                                      ("d", "0")]


def test_jsonl_and_geojson_carry_the_new_keys():
    line = json.loads(export([_extended()], "jsonl"))
    assert line["attribution"]["kind"] == "official" and line["modality"] == "historical"
    assert line["quantities"] == [KILLED, INJURED] and line["evidence_mentions"] == MENTIONS
    [feature] = json.loads(export([_extended()], "geojson"))["features"]
    properties = feature["properties"]
    assert (properties["attribution_kind"], properties["modality"], properties["killed"]) == \
        ("official", "historical", 12)
    assert properties["quantities"] == [KILLED, INJURED] and properties["evidence_mentions"] == MENTIONS
    assert json.loads(export([_detailed_event()], "geojson"))["features"][0]["properties"]["quantities"] == []


def test_kml_extended_data_has_the_counts():
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    mark = ET.fromstring(export([_extended()], "kml").encode()).find(".//k:Placemark", ns)
    data = {d.get("name"): d.find("k:value", ns).text for d in mark.findall(".//k:Data", ns)}
    assert (data["killed"], data["injured"], data["attribution_kind"]) == ("12", "30", "official")
    assert "arrested" not in data                            # unknown values are left out, as before


def test_stix_reports_carry_custom_properties_and_stay_valid():
    from stix2validator import ValidationOptions, validate_string

    bundle = export([_extended(), _detailed_event(id="plain")], "stix")
    result = validate_string(bundle, ValidationOptions(version="2.1", strict=False))
    assert result.is_valid, [str(e) for e in result.errors]
    reports = {o["id"]: o for o in json.loads(bundle)["objects"] if o["type"] == "report"}
    extended = next(r for r in reports.values() if "x_geowire_quantities" in r)
    assert extended["x_geowire_attribution_kind"] == "official" and extended["x_geowire_modality"] == "historical"
    assert extended["x_geowire_quantities"] == [
        {"kind": "killed", "min": 12, "text": "at least 12 people were killed"},
        {"kind": "injured", "value": 30, "text": "30 were hurt"}]
    plain = [r for r in reports.values() if r is not extended]
    assert len(plain) == 1 and not any(key.startswith("x_") for key in plain[0])    # nothing known, nothing added
    assert export([_extended()], "stix") == export([_extended()], "stix")       # still stable
