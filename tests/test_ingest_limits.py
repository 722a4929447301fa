"""Issue 10's ingest fixes: the size limit applies to each JSONL record, not the file; a quarantined document
leaves no copy marked as a duplicate of an article that does not exist."""

import gzip
import io
import json

import pytest

from geowire.ingest.sources import Rejected, read_jsonl_stream, read_paths
from geowire.model import Document, Drop, Event, Evidence
from geowire.pipeline import Pipeline
from geowire.registry import registry
from geowire.runner import IngestRunner

WORDS = ("the convoy reached the northern crossing at dawn after a night of shelling and the aid agencies said "
         "that food water and medicine were unloaded under the watch of local officials who counted the trucks "
         "one by one while families waited behind a fence and the drivers rested in the shade of the customs "
         "building before the long road back to the capital where the ministry promised more convoys next week")


def _records(n: int, size: int) -> bytes:
    filler = "x" * size
    return b"".join(json.dumps({"id": f"r{i}", "text": f"Record {i}. {filler}"}).encode() + b"\n" for i in range(n))


@pytest.mark.parametrize("compress", [False, True])
def test_a_large_jsonl_dump_is_read_record_by_record(tmp_path, compress):
    data = _records(3000, 2000)          # about 6 MB, each record about 2 kB
    assert len(data) > 5_000_000
    path = tmp_path / ("dump.jsonl.gz" if compress else "dump.jsonl")
    path.write_bytes(gzip.compress(data) if compress else data)
    items = list(read_paths([path], max_bytes=5_000_000))
    assert len(items) == 3000 and all(isinstance(i, Document) for i in items)
    assert items[-1].id == "r2999"


def test_only_the_oversized_record_is_rejected(tmp_path):
    data = _records(2, 100) + json.dumps({"id": "big", "text": "y" * 5000}).encode() + b"\n" + _records(1, 100)
    path = tmp_path / "mixed.json"
    path.write_bytes(data)
    items = list(read_paths([path], max_bytes=1000))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Rejected", "Document"]
    assert "over the 1,000-byte limit" in items[2].reason and items[2].origin.endswith(":3")
    assert len(items[2].raw) <= 1024
    streamed = list(read_jsonl_stream(io.BytesIO(data), "stdin", max_bytes=1000))
    assert [isinstance(i, Rejected) for i in streamed] == [False, False, True, False]


class _FailFirst:
    def __call__(self, doc):
        if doc.origin and doc.origin.endswith("a.txt"):
            raise Drop("events", "cannot code this one")
        doc.events = [Event(f"ev-{doc.id}", "AID", None, None, None, None, None, None, "asserted", 0.5,
                            Evidence(0, 10))]
        return doc


@registry.factory("coders", "test_fail_first")
def make_fail_first() -> _FailFirst:
    """Drops the document read from a.txt (test only)."""
    return _FailFirst()


@pytest.mark.parametrize("batch_size", [1, 16])
def test_a_quarantined_original_leaves_no_dangling_duplicate(store, tmp_path, batch_size):
    (tmp_path / "a.txt").write_text(WORDS)
    (tmp_path / "b.txt").write_text(WORDS.replace("dawn", "noon"))
    config = {"pipeline": {"order": ["dedup", "events"]},
              "components": {"dedup": {"kind": "dedup", "factory": "minhash"},
                             "events": {"kind": "coders", "factory": "test_fail_first"}}}
    summary = IngestRunner(store, Pipeline.from_config(config), batch_size=batch_size).run(read_paths([tmp_path]))
    assert summary.quarantined == 1 and summary.stored == 1 and summary.near_duplicates == 0
    [row] = [r for r in store.quarantined()]
    assert row["origin"].endswith("a.txt")
    stored = store.events()
    assert len(stored) == 1, "the copy is analysed on its own"
    article = store.article(stored[0]["article"]["id"])
    assert article["duplicate_of"] is None and article["origin"].endswith("b.txt")
