"""Backfill: the ingest of runner.py with the analysis mapped over Dask workers.

The client reads the inputs (so workers need no shared disk), skips what the store already holds, and sends
documents in batches to the workers. Each worker builds the pipeline once (model, gazetteer and event model stay
loaded between batches) and runs every stage except deduplication, which needs every earlier document. The
results come back in input order to one writer — an ordinary :class:`~geowire.runner.IngestRunner` whose pipeline
replays the workers' work around the real dedup stage — so the store sees exactly what ``geowire ingest`` would
have written: the same duplicates, quarantine, merges and event ids.

The stages never learn that they are distributed, and the store never learns about Dask.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import functools
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from geowire.ingest.sources import Item, Rejected
from geowire.model import Document, Drop
from geowire.pipeline import Pipeline, Stage

if TYPE_CHECKING:   # the writer's side only: a worker unpickling analyse_batch imports this module, and the store
    # (SQLAlchemy, Alembic: 0.6 s of CPU) is no use to it
    from geowire.runner import RunSummary
    from geowire.store.repository import Store

# fields a worker's result may not change on the writer's copy: who the document is, what it was made of, and
# what the writer's own dedup decides
_KEPT = frozenset({"id", "origin", "raw", "raw_sha256", "text_sha256", "duplicate_of", "duplicate_kind", "parsed"})


@dataclass
class Analysis:
    """What a worker made of one document: the cleaned document before dedup, the analysed one after, and the
    stage that dropped it, if one did (before dedup: ``cleaned_error``; after: ``analysed_error``)."""

    cleaned: Document | None
    cleaned_error: tuple[str, str] | None = None      # (stage, reason): a Drop, in a form that pickles
    analysed: Document | None = None
    analysed_error: tuple[str, str] | None = None


def split_stages(pipeline: Pipeline) -> tuple[list[Stage], Stage | None, list[Stage]]:
    """The stages before the dedup stage, the dedup stage (None when there is none) and the stages after it."""
    for number, stage in enumerate(pipeline.stages):
        if stage.kind == "dedup":
            return pipeline.stages[:number], stage, pipeline.stages[number + 1:]
    return list(pipeline.stages), None, []


@functools.lru_cache(maxsize=2)
def _worker_pipelines(config_json: str) -> tuple[Pipeline, Pipeline]:
    """Built once per worker process and configuration: the stages before dedup and the stages after."""
    config = json.loads(config_json)
    before, _, after = split_stages(Pipeline.from_config(config))
    return Pipeline(before, config), Pipeline(after, config)


def analyse_batch(config_json: str, docs: list[Document]) -> list[Analysis]:
    """Run on a worker: every stage but dedup over a batch, one :class:`Analysis` per document, in order."""
    before, after = _worker_pipelines(config_json)
    results: list[Analysis] = []
    cleaned_ok: list[Document] = []
    for outcome in before.process(docs, batch_size=len(docs) or 1):
        doc = outcome.document
        if outcome.error is not None:
            results.append(Analysis(None, cleaned_error=_reason(outcome.error)))
            continue
        results.append(Analysis(copy.deepcopy(doc)))
        cleaned_ok.append(doc)
    analysed = iter(after.process(cleaned_ok, batch_size=len(cleaned_ok) or 1))
    for result in results:
        if result.cleaned is None:
            continue
        outcome = next(analysed)
        result.analysed, result.analysed_error = outcome.document, _reason(outcome.error)
    return results


def _reason(error: Drop | None) -> tuple[str, str] | None:
    return None if error is None else (error.stage, error.reason)


class _Replay:
    """The writer's stand-in for the stages a worker ran: copies the worker's result onto the document, or
    raises the worker's Drop. ``phase`` is "cleaned" (before dedup) or "analysed" (after)."""

    def __init__(self, results: dict[int, tuple[Document, Analysis]], phase: str):
        self.results = results
        self.phase = phase

    def __call__(self, doc: Document) -> Document:
        _, analysis = self.results[id(doc)]
        error = getattr(analysis, f"{self.phase}_error")
        if error is not None:
            raise Drop(*error)
        done = getattr(analysis, self.phase)
        for item in dataclasses.fields(Document):
            if item.name not in _KEPT:
                setattr(doc, item.name, copy.copy(getattr(done, item.name)))
        return doc


def writer_pipeline(pipeline: Pipeline, results: dict[int, tuple[Document, Analysis]]) -> Pipeline:
    """The pipeline the single writer runs: the workers' cleaning, the real dedup stage, the workers' analysis."""
    _, dedup, _ = split_stages(pipeline)
    stages = [Stage("cleaned", "language", _Replay(results, "cleaned"))]   # applies to every document
    if dedup is not None:
        stages.append(Stage("dedup", "dedup", dedup.component))
    stages.append(Stage("analysed", "coders", _Replay(results, "analysed")))  # only to analysable documents
    return Pipeline(stages, pipeline.config)


class Backfill:
    """Ingest ``items`` into ``store`` with the analysis spread over the workers of a Dask ``client``."""

    def __init__(self, store: Store, config: dict[str, Any], client: Any, batch_size: int = 16,
                 in_flight: int | None = None):
        from geowire.runner import IngestRunner

        self.store = store
        self.config_json = json.dumps(config, sort_keys=True)
        self.client = client
        self.batch_size = batch_size
        self.in_flight = in_flight
        self.results: dict[int, tuple[Document, Analysis]] = {}
        # only the dedup stage is built here: the model and the rest live on the workers
        local = Pipeline.from_config(config, only=[s for s in config["pipeline"]["order"]
                                                   if config["components"][s]["kind"] == "dedup"])
        self.runner = IngestRunner(store, writer_pipeline(local, self.results), batch_size=batch_size)

    def run(self, items: Iterable[Item], on_item: Callable[[str], None] | None = None) -> RunSummary:
        try:
            return self.runner.run(self._analysed(items), command="backfill", on_item=on_item)
        finally:
            self.results.clear()

    def _analysed(self, items: Iterable[Item]) -> Iterator[Item]:
        """The items in input order, each document's worker result in ``self.results`` by the time it is yielded.

        A sliding window of batches is in flight; results of batches the writer has certainly stored (two
        batches back: the runner holds fewer than one batch pending) are dropped as it goes."""
        limit = self.in_flight or 2 * max(1, _worker_count(self.client))
        waiting: deque[tuple[list[Item], list[Document], Any]] = deque()
        done: deque[list[Document]] = deque()
        for batch, docs in self._batches(items):
            # copies without the raw bytes: the worker needs the text only, and never touches the writer's objects
            sent = [copy.deepcopy(dataclasses.replace(doc, raw=None)) for doc in docs]
            future = self.client.submit(analyse_batch, self.config_json, sent, pure=False) if docs else None
            waiting.append((batch, docs, future))
            if len(waiting) >= limit:
                yield from self._collect(waiting.popleft(), done)
        while waiting:
            yield from self._collect(waiting.popleft(), done)

    def _collect(self, entry: tuple[list[Item], list[Document], Any], done: deque[list[Document]]) -> Iterator[Item]:
        batch, docs, future = entry
        if future is not None:
            for doc, analysis in zip(docs, future.result(), strict=True):
                self.results[id(doc)] = (doc, analysis)
            future.release()
        done.append(docs)
        while len(done) > 3:
            for doc in done.popleft():
                self.results.pop(id(doc), None)
        yield from batch

    def _batches(self, items: Iterable[Item]) -> Iterator[tuple[list[Item], list[Document]]]:
        """Items grouped so each group holds ``batch_size`` documents to analyse; inputs already stored, and
        repeats of an id within the run, are passed through for the runner to count, not analysed."""
        batch: list[Item] = []
        docs: list[Document] = []
        sent: set[str] = set()
        for item in items:
            batch.append(item)
            if not isinstance(item, Rejected) and item.id not in sent and not self.store.seen(item):
                sent.add(item.id)
                docs.append(item)
                if len(docs) >= self.batch_size:
                    yield batch, docs
                    batch, docs = [], []
        if batch:
            yield batch, docs


def _worker_count(client: Any) -> int:
    try:
        return len(client.scheduler_info().get("workers", {}))
    except Exception:  # a scheduler that does not answer yet: assume one
        return 1


@contextlib.contextmanager
def connect(workers: int | None = None, scheduler: str | None = None, threads: bool = False) -> Iterator[Any]:
    """A Dask client: on a local cluster of ``workers`` processes (threads when ``threads``) closed on exit, or
    on the scheduler at ``scheduler`` (e.g. "tcp://10.0.0.5:8786") of a cluster started elsewhere."""
    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # One thread per worker process (spaCy, thinc and numpy then use one core each: Dask's nanny also sets
    # OMP/MKL/OpenBLAS threads to 1), and a quiet event loop beside it (LOCAL_WORKER_CONFIG).
    with dask.config.set(LOCAL_WORKER_CONFIG), \
            LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=not threads,
                         dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


# A worker's event loop shares the GIL with the thread that runs the analysis, and every wake-up takes it away.
# A local cluster started without a dashboard needs neither the statistical profiler (the task thread's stack
# sampled every 10 ms, for the dashboard) nor the loop's 20 ms latency tick; memory is checked every second
# instead of every 100 ms (a batch takes seconds). The same keys may be set for `dask worker` on other machines
# (DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False and so on, docs/architecture.md).
#
# Dask's nanny also starts each worker with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory back to the
# system as soon as 64 KB sit free at the top of the heap, and takes it back with page faults at the next
# allocation: spaCy and numpy allocate and free per batch, and a worker spent 20-22 ms of system time per
# article (about 5,000 page faults) against 5-8 ms (about 900) with glibc's own adaptive threshold, for 25-30 MB
# more peak memory (about 440 against 410 MB; docs/benchmarks.md). A local cluster leaves the variable unset.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
