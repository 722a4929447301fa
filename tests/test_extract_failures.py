"""`geowire extract` answers every failed record with the record's own id and the reason (issue 11)."""

import io
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from geowire.ingest.sources import Rejected, read_jsonl_stream
from geowire.model import Drop
from geowire.pipeline import Pipeline, Stage
from geowire.runner import extract

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "docs" / "output.schema.json").read_text())


def _refuse_secret(doc):
    if "secret" in doc.text:
        raise Drop("events", "refused a secret")
    return doc


PIPELINE = Pipeline([Stage("refuse", "coders", _refuse_secret)])


def _answers(lines: list[bytes], max_bytes: int = 5_000_000) -> list[dict]:
    stream = io.BytesIO(b"\n".join(lines) + b"\n")
    return list(extract(PIPELINE, read_jsonl_stream(stream, "stdin", max_bytes), raw=True))


def test_each_rejected_record_is_answered_with_its_own_id_and_reason():
    lines = [
        json.dumps({"id": "no-text", "title": "a title only"}).encode(),
        json.dumps({"id": "bad-date", "text": "Rebels shelled Goma.", "published": "May 2024"}).encode(),
        json.dumps({"id": "empty", "text": "   "}).encode(),
        json.dumps({"id": "bad-spans", "text": "Shelling hit Goma.", "spans": [{"start": "x"}]}).encode(),
        json.dumps({"id": 42, "html": 7}).encode(),
        b'{"id": "broken", "text": "unterminated',
        b'{"text": "no id and broken',
        json.dumps({"id": "secret-1", "text": "a secret text"}).encode(),
        json.dumps({"id": "fine", "text": "Police arrested 12 protesters in Lagos."}).encode(),
    ]
    out = _answers(lines)
    assert [r["id"] for r in out] == ["no-text", "bad-date", "empty", "bad-spans", "42", "broken", "stdin:7",
                                      "secret-1", "fine"]
    errors = {r["id"]: r["error"] for r in out if "error" in r}
    assert errors["no-text"] == 'ingest: record needs a "text" or "html" string'
    assert errors["bad-date"].startswith('ingest: "published" must be YYYY-MM-DD')
    assert errors["empty"] == "ingest: empty document"
    assert errors["bad-spans"].startswith('ingest: "spans" must be a list')
    assert errors["42"] == 'ingest: record needs a "text" or "html" string'
    assert errors["broken"].startswith("ingest: line is not valid JSON")
    assert errors["stdin:7"].startswith("ingest: line is not valid JSON")
    assert errors["secret-1"] == "events: refused a secret"
    assert "error" not in out[-1]
    origins = [r.get("origin") for r in out]
    assert origins == ["stdin:1", "stdin:2", "stdin:3", "stdin:4", "stdin:5", "stdin:6", None, "stdin:8", None]
    for record in out[:-1]:
        jsonschema.validate(record, SCHEMA)


def test_a_record_over_the_size_limit_is_named_by_the_id_at_its_head():
    big = json.dumps({"id": "huge", "text": "y" * 5000}).encode()
    [answer] = _answers([big], max_bytes=1000)
    assert answer == {"id": "huge", "error": "ingest: record is over the 1,000-byte limit", "origin": "stdin:1"}


@pytest.mark.parametrize(("record", "reason"), [
    ({"id": ["a"], "text": "x"}, '"id" must be a string or an integer, got list'),
    ({"id": True, "text": "x"}, '"id" must be a string or an integer, got True'),
    ({"id": {"k": 1}, "text": "x"}, '"id" must be a string or an integer, got dict'),
])
def test_an_id_of_the_wrong_type_is_refused_and_the_line_named(record, reason):
    [answer] = _answers([json.dumps(record).encode()])
    assert answer == {"id": "stdin:1", "error": f"ingest: {reason}"}


@pytest.mark.parametrize(("line", "kind"), [(b"[1, 2]", "an array"), (b'"text"', "a string"), (b"3", "a number"),
                                            (b"null", "null")])
def test_a_line_that_is_not_an_object_says_what_it_is(line, kind):
    [answer] = _answers([line])
    assert answer == {"id": "stdin:1", "error": f"ingest: JSON line is not an object but {kind}"}


def test_a_lone_surrogate_is_refused_not_crashed_on():
    line = b'{"id": "s1", "text": "bad \\ud800 char"}'
    [answer] = _answers([line])
    assert answer["id"] == "s1" and "lone surrogate" in answer["error"]
    [bad_id] = _answers([b'{"id": "\\udc00", "text": "fine"}'])
    assert bad_id["id"] == "stdin:1" and "lone surrogate" in bad_id["error"]


def test_a_deeply_nested_line_is_rejected_with_a_reason():
    line = b'{"id": "deep", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    [item] = list(read_jsonl_stream(io.BytesIO(line + b"\n")))
    assert isinstance(item, Rejected) and item.record_id == "deep"
    assert item.reason.startswith("line is not valid JSON")


@pytest.mark.model
def test_the_extract_command_names_failed_records_by_their_ids():
    from geowire.cli import app

    lines = [json.dumps({"id": "ok", "text": "Police arrested 12 protesters in Lagos on Friday.",
                         "published": "2024-02-09"}),
             '{"id": "half", "text": "Rebels',
             json.dumps({"id": "nodate", "text": "Rebels shelled Goma.", "published": "yesterday"})]
    result = CliRunner().invoke(app, ["extract"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in out] == ["ok", "half", "nodate"]
    assert "error" not in out[0] and out[1]["origin"] == "stdin:2"
    assert out[2]["error"].startswith('ingest: "published" must be YYYY-MM-DD')
    for record in out:
        jsonschema.validate(record, SCHEMA)
