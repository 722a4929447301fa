"""`geowire extract` on a slow stream (issue 11, time to first result): each record's result comes as soon as it
has been analysed, not when a batch of 16 has filled up or the input has ended."""

from __future__ import annotations

import json
import select
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from geowire.model import Document
from geowire.runner import _arrived_batches

GEOWIRE = Path(sys.executable).with_name("geowire")


def test_a_batch_holds_what_has_arrived_and_does_not_wait_for_more():
    first_batch_taken = threading.Event()

    def slow_stream():
        yield Document(id="one", text="x")
        # the next record comes only once the first has been handed on: a batcher waiting for a full batch
        # would get it only after this wait runs out, in the same batch as the first
        first_batch_taken.wait(timeout=30)
        yield Document(id="two", text="x")
        yield Document(id="three", text="x")

    batches = _arrived_batches(slow_stream(), 16)
    first = next(batches)
    first_batch_taken.set()
    rest = [doc.id for batch in batches for doc in batch]
    assert [doc.id for doc in first] == ["one"]
    assert rest == ["two", "three"]


def test_batches_keep_the_order_and_the_size_limit():
    docs = [Document(id=str(n), text="x") for n in range(100)]
    batches = list(_arrived_batches(iter(docs), 16))
    assert [doc.id for batch in batches for doc in batch] == [doc.id for doc in docs]
    assert all(1 <= len(batch) <= 16 for batch in batches)


def test_an_error_while_reading_comes_after_the_records_read_before_it():
    def broken():
        yield Document(id="a", text="x")
        yield Document(id="b", text="x")
        raise OSError("the disk went away")

    seen = []
    with pytest.raises(OSError, match="went away"):
        for batch in _arrived_batches(broken(), 16):
            seen.extend(doc.id for doc in batch)
    assert seen == ["a", "b"]


@pytest.mark.model
def test_geowire_extract_answers_a_record_while_its_input_stays_open():
    process = subprocess.Popen([str(GEOWIRE), "extract"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    try:
        process.stdin.write(json.dumps({"id": "live-1", "text": "Police arrested 12 protesters in Lagos on Friday.",
                                        "published": "2024-02-09"}).encode() + b"\n")
        process.stdin.flush()
        ready, _, _ = select.select([process.stdout], [], [], 300)   # generous: loading the model under load
        assert ready, "no result while the input stayed open"
        assert json.loads(process.stdout.readline())["id"] == "live-1"
        assert process.poll() is None          # still reading its input
    finally:
        process.stdin.close()
        process.wait(timeout=120)
