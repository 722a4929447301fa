"""docs/output.schema.json accepts the extended event contract, still accepts v1 output, and refuses bad values."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from geowire.model import (
    ATTRIBUTION_KINDS,
    MODALITIES,
    QUANTITY_KINDS,
    Attribution,
    Document,
    Event,
    EventArg,
    EventDate,
    EventLocation,
    Evidence,
    Mention,
    Quantity,
)

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "docs" / "output.schema.json").read_text())
TEXT = "Police said at least 12 people were killed in Kano on Monday. The attack drew wide condemnation."


def _record() -> dict:
    second = TEXT.index("The attack")
    killed = TEXT.index("at least 12")
    event = Event(
        id="e1", type="ASSAULT", mode=None, source=None, target=EventArg("people", 21, 27, None, "CVL"),
        location=EventLocation("Kano", 12.0, 8.52, 2335204, 45, 49), date=EventDate("2024-05-06", "Monday"),
        attribution=Attribution("Police said", 0, 11, "police", kind="official"), certainty="reported",
        confidence=0.7, evidence=Evidence(0, second - 1), modality="historical",
        quantities=[Quantity("killed", None, 12, "at least 12 people were killed", killed, killed + 30)],
        mentions=[Mention(0, second - 1, TEXT.index("killed"), TEXT.index("killed") + 6),
                  Mention(second, len(TEXT), second + 4, second + 10), Mention(second, len(TEXT))],
    )
    return Document(id="d1", text=TEXT, language="en", published="2024-05-08", events=[event]).to_output()


def test_a_document_with_the_extended_event_validates():
    record = _record()
    [event] = record["events"]
    assert event["attribution"]["kind"] == "official" and event["modality"] == "historical"
    assert event["quantities"][0]["min"] == 12 and len(event["mentions"]) == 3
    jsonschema.validate(record, SCHEMA)


def test_every_kind_and_modality_of_the_model_is_in_the_schema():
    defs = SCHEMA["$defs"]
    assert set(defs["attributionKind"]["enum"]) == set(ATTRIBUTION_KINDS)
    assert set(defs["quantity"]["properties"]["kind"]["enum"]) == set(QUANTITY_KINDS)
    assert set(defs["event"]["properties"]["modality"]["enum"]) == {*MODALITIES, None}


def test_v1_output_without_the_new_keys_still_validates():
    record = _record()
    for event in record["events"]:
        for key in ("modality", "quantities", "mentions"):
            del event[key]
        del event["attribution"]["kind"]
    jsonschema.validate(record, SCHEMA)


@pytest.mark.parametrize("path, value", [
    (("attribution", "kind"), "rumour"),
    (("modality",), "current"),
    (("quantities", 0, "kind"), "wounded"),
    (("quantities", 0, "min"), -3),
    (("quantities", 0, "value"), "twelve"),
    (("mentions", 1, "trigger_start"), -1),
    (("mentions", 0, "start"), None),
])
def test_bad_values_of_the_new_keys_are_refused(path, value):
    record = copy.deepcopy(_record())
    holder = record["events"][0]
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA)
