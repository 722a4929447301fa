"""The runner against a small pipeline of test components (no model): faults, idempotence, restarts."""

import pytest

from geowire.ingest.sources import read_paths
from geowire.model import Drop, Event, Evidence
from geowire.pipeline import Pipeline
from geowire.registry import registry
from geowire.runner import IngestRunner, extract


class _Crash(BaseException):
    """Stands for the process being killed: not an Exception, so nothing catches it."""


class _Coder:
    def __init__(self, crash_on: str):
        self.crash_on = crash_on

    def __call__(self, doc):
        if self.crash_on and self.crash_on in doc.text:
            raise _Crash()
        if "UNPARSEABLE" in doc.text:
            raise Drop("events", "cannot code this")
        doc.events = [Event(f"ev-{doc.id}", "PROTEST", None, None, None, None, None, None, "asserted", 0.5,
                            Evidence(0, len(doc.text)))]
        return doc


@registry.factory("coders", "test_coder")
def make_test_coder(crash_on: str = "") -> _Coder:
    """Codes every document as one PROTEST; raises on a marker (test only)."""
    return _Coder(crash_on)


def _pipeline(crash_on: str = "") -> Pipeline:
    config = {"pipeline": {"order": ["events"]},
              "components": {"events": {"kind": "coders", "factory": "test_coder", "crash_on": crash_on}}}
    return Pipeline.from_config(config)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(7):
        (folder / f"{n:02d}.txt").write_text(f"Story number {n} about a protest.")
    (folder / "03.txt").write_text("Story three CRASH here.")
    (folder / "04.txt").write_text("Story four UNPARSEABLE.")
    (folder / "05.txt").write_bytes(b"\x00\x01\x02binary")
    return folder


def test_a_run_keeps_failures_with_reasons_and_goes_on(store, corpus):
    summary = IngestRunner(store, _pipeline(), batch_size=2).run(read_paths([corpus]))
    assert summary.stored == 5 and summary.quarantined == 2 and summary.events == 5
    reasons = {row["origin"].rsplit("/", 1)[1]: (row["stage"], row["reason"]) for row in store.quarantined()}
    assert reasons["04.txt"] == ("events", "cannot code this")
    assert reasons["05.txt"][0] == "ingest" and "binary" in reasons["05.txt"][1]


def test_running_again_adds_nothing(store, corpus):
    IngestRunner(store, _pipeline()).run(read_paths([corpus]))
    before = store.stats()
    again = IngestRunner(store, _pipeline()).run(read_paths([corpus]))
    assert again.stored == 0 and again.already_stored == 5
    assert store.stats() == before


def test_a_killed_run_resumes_with_nothing_lost_or_doubled(store, corpus):
    with pytest.raises(_Crash):
        IngestRunner(store, _pipeline(crash_on="CRASH"), batch_size=2).run(read_paths([corpus]))
    partial = store.stats()["articles"]
    assert 0 < partial < 5
    IngestRunner(store, _pipeline(), batch_size=2).run(read_paths([corpus]))
    stats = store.stats()
    assert stats["articles"] == 5 and stats["events"] == 5 and stats["quarantined"] == 2


def test_extract_keeps_order_and_reports_errors_in_line(corpus):
    records = list(extract(_pipeline(), read_paths([corpus]), batch_size=3))
    assert len(records) == 7
    assert [("error" in r) for r in records] == [False, False, False, False, True, True, False]
    assert records[0]["events"][0]["type"] == "PROTEST"
