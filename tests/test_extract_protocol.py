"""The evaluation protocol ("spans", "pairs") is answered at the edge (runner.extract), never on the Document."""

import dataclasses
import io
import json

import pytest

from geowire.config import load_config
from geowire.ingest.protocol import Request, Requested
from geowire.ingest.sources import read_jsonl_stream
from geowire.model import Document
from geowire.pipeline import Pipeline


def test_the_document_carries_no_protocol_fields():
    fields = {f.name for f in dataclasses.fields(Document)}
    assert not fields & {"spans", "pairs", "pair_events"}
    assert "pair_events" not in Document(id="d", text="Rebels shelled Goma.").to_output()


def test_only_a_reader_asked_for_requests_hands_them_on():
    line = json.dumps({"id": "r", "text": "Shelling hit Goma.", "spans": [{"start": 13, "end": 17}],
                       "pairs": [{"source": [0, 8], "target": [13, 17]}]}).encode()
    [plain] = read_jsonl_stream(io.BytesIO(line))
    [asked] = read_jsonl_stream(io.BytesIO(line), requests=True)
    assert isinstance(plain, Document)
    assert isinstance(asked, Requested) and asked.document == plain
    assert asked.request == Request(spans=[(13, 17)], pairs=[((0, 8), (13, 17))])
    assert asked.request.keeps_text(asked.document)
    [without] = read_jsonl_stream(io.BytesIO(json.dumps({"id": "n", "text": "Goma."}).encode()), requests=True)
    assert isinstance(without, Document)


def test_replaced_keeps_the_built_components():
    pipeline = Pipeline.from_config(load_config(), only=["language", "places"])
    other = object()
    swapped = pipeline.replaced("recognisers", other)
    assert [s.name for s in swapped.stages] == [s.name for s in pipeline.stages]
    assert swapped.stage("places") is other and swapped.stage("language") is pipeline.stage("language")
    assert pipeline.stage("places") is not other


@pytest.mark.model
def test_mixed_records_keep_their_order_and_answers():
    from geowire.runner import extract

    text = "Rebels shelled Goma on Monday, and the army said it had retaken the town of Sake near the lake."
    sake = (text.index("Sake"), text.index("Sake") + 4)
    lines = [{"id": "given", "text": text, "spans": [{"start": sake[0], "end": sake[1]}]},
             {"id": "copy", "text": text},      # the same text after it: the copy, as dedup meets them in order
             {"id": "typed", "text": "Police arrested dozens of protesters in Nairobi on Tuesday.",
              "pairs": [{"source": [0, 6], "target": [16, 36]}]},
             {"id": "french", "text": "Les forces armées ont bombardé la ville de Goma hier soir, selon l'armée.",
              "spans": [{"start": 43, "end": 47}], "pairs": [{"source": [0, 17], "target": [43, 47]}]}]
    stream = io.BytesIO("\n".join(json.dumps(line) for line in lines).encode())
    out = {r["id"]: r for r in extract(Pipeline.from_config(load_config()), read_jsonl_stream(stream, requests=True))}
    assert list(out) == ["given", "copy", "typed", "french"]
    assert [(p["start"], p["end"], p["name"]) for p in out["given"]["places"]] == [(*sake, "Sake")]
    assert "duplicate_of" not in out["given"] and "pair_events" not in out["given"]
    assert out["copy"]["duplicate_of"] == "given" and out["copy"]["places"] == []
    assert out["typed"]["pair_events"] == ["COERCE"]
    # not analysed (not English): no place at the given span, and no type for the pair
    assert out["french"]["places"] == [] and out["french"]["pair_events"] == [None]


@pytest.mark.model
def test_offsets_outside_the_text_fail_the_record_with_its_id():
    from geowire.runner import extract

    text = "Shelling hit Goma on Monday, the army said."
    lines = [{"id": "far", "text": text, "spans": [{"start": 13, "end": 400}]},
             {"id": "negative", "text": text, "spans": [{"start": -3, "end": 4}]},
             {"id": "pair", "text": text, "pairs": [{"source": [29, 37], "target": [13, 90]}]},
             {"id": "french", "text": "Les forces armées ont bombardé la ville de Goma hier soir, selon l'armée.",
              "spans": [{"start": 43, "end": 470}]},
             {"id": "fine", "text": "Rebels shelled Goma on Monday.", "spans": [{"start": 15, "end": 19}]}]
    stream = io.BytesIO("\n".join(json.dumps(line) for line in lines).encode())
    out = {r["id"]: r for r in extract(Pipeline.from_config(load_config()), read_jsonl_stream(stream, requests=True))}
    assert out["far"]["error"] == "spans: given span (13, 400) is not within the text (43 characters)"
    assert out["negative"]["error"].startswith("spans: given span (-3, 4)")
    assert out["pair"]["error"] == "pairs: given span (13, 90) is not within the text (43 characters)"
    assert out["french"]["error"].startswith("spans: given span (43, 470)")       # not analysed, still checked
    assert [p["name"] for p in out["fine"]["places"]] == ["Goma"] and "error" not in out["fine"]


@pytest.mark.model
def test_a_copy_of_a_record_that_failed_its_offsets_is_analysed_on_its_own():
    # the failed record never reached the dedup stage, so the copy after it is no duplicate of it
    from geowire.runner import extract

    text = "Rebels shelled Goma on Monday."
    lines = [{"id": "bad", "text": text, "spans": [{"start": -3, "end": 400}]},
             {"id": "good", "text": text, "spans": [{"start": 15, "end": 19}]}]
    stream = io.BytesIO("\n".join(json.dumps(line) for line in lines).encode())
    out = {r["id"]: r for r in extract(Pipeline.from_config(load_config()), read_jsonl_stream(stream, requests=True))}
    assert "error" in out["bad"]
    assert "duplicate_of" not in out["good"] and [p["name"] for p in out["good"]["places"]] == ["Goma"]
