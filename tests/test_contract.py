"""`geowire extract` honours the public output contract (docs/output.md) on real output, with the real model."""

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from geowire.cli import app

pytestmark = pytest.mark.model
REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "docs" / "output.schema.json").read_text())
SAMPLES = REPO / "src" / "geowire" / "samples"


def _extract(*args: str, stdin: str | None = None) -> list[dict]:
    result = CliRunner().invoke(app, ["extract", *args], input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def sample_records() -> list[dict]:
    return _extract(str(SAMPLES))


def test_every_sample_record_matches_the_schema(sample_records):
    assert len(sample_records) >= 12
    for record in sample_records:
        jsonschema.validate(record, SCHEMA)


def test_offsets_point_at_the_text_they_claim(sample_records):
    for record in sample_records:
        if "error" in record:
            continue
        text = record["text"]
        for item in record["places"] + record["actors"] + record["times"]:
            assert text[item["start"]:item["end"]] == item["text"]
        for event in record["events"]:
            assert 0 <= event["evidence"]["start"] < event["evidence"]["end"] <= len(text)
            for role in ("source", "target"):
                arg = event[role]
                if arg and arg["start"] is not None:
                    assert text[arg["start"]:arg["end"]] == arg["text"]
            if event["attribution"]:
                att = event["attribution"]
                assert text[att["start"]:att["end"]] == att["text"]


def test_samples_yield_places_actors_times_and_events(sample_records):
    analysed = [r for r in sample_records if "error" not in r and r["language"] == "en" and not r.get("duplicate_of")]
    assert sum(len(r["events"]) for r in analysed) >= 10
    assert all(r["places"] for r in analysed)
    precisions = {p["precision"] for r in analysed for p in r["places"]}
    assert {"city", "country"} <= precisions


def test_raw_stdin_with_spans_resolves_exactly_those_spans():
    text = "Shelling hit Abu Kamal near the border with Iraq, and the Euphrates rose."
    spans = [{"start": text.index(w), "end": text.index(w) + len(w)} for w in ("Euphrates", "Abu Kamal", "Iraq")]
    record = {"id": "s1", "text": text, "published": "2019-10-07", "spans": spans}
    [out] = _extract("--raw", stdin=json.dumps(record) + "\n")
    jsonschema.validate(out, SCHEMA)
    assert [(p["start"], p["end"]) for p in out["places"]] == [(s["start"], s["end"]) for s in spans]
    assert [p["country_code"] for p in out["places"]][1:] == ["SY", "IQ"]
    assert out["places"][2]["precision"] == "country"


def test_pairs_give_one_type_per_pair_in_order():
    text = "Turkish troops attacked Kurdish fighters near Kobani. Officials in Ankara met the French ambassador."
    def span(w):
        return [text.index(w), text.index(w) + len(w)]
    pairs = [{"source": span("Turkish troops"), "target": span("Kurdish fighters")},
             {"source": span("French ambassador"), "target": span("Kurdish fighters")}]
    [out] = _extract("--raw", stdin=json.dumps({"id": "p1", "text": text, "pairs": pairs}) + "\n")
    jsonschema.validate(out, SCHEMA)
    assert len(out["pair_events"]) == 2
    assert out["pair_events"][0] == "ASSAULT"
    assert out["pair_events"][1] is None


def test_bad_lines_fail_alone_and_the_run_goes_on():
    lines = [json.dumps({"id": "ok1", "text": "Police arrested 12 protesters in Lagos on Friday.",
                         "published": "2024-02-09"}),
             "{broken",
             json.dumps({"id": "ok2", "text": "Rebels shelled Goma.", "published": "2024-02-10"})]
    out = _extract(stdin="\n".join(lines) + "\n")
    assert [r.get("id") for r in out] == ["ok1", "stdin:2", "ok2"]
    assert "not valid JSON" in out[1]["error"]
    for record in out:
        jsonschema.validate(record, SCHEMA)
