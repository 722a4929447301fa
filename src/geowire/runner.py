"""Run ingested items through the pipeline into a store, and summarise the run.

This is where the stages meet the store; the stages themselves never see it.
"""

from __future__ import annotations

import contextlib
import hashlib
import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError, InternalError, OperationalError

from geowire.ingest.protocol import Request, Requested, given_places
from geowire.ingest.sources import Item, Rejected
from geowire.model import Document
from geowire.pipeline import Outcome, Pipeline
from geowire.registry import registry
from geowire.store.repository import AlreadyStored, CopyOfStored, Store


@dataclass
class RunSummary:
    stored: int = 0
    already_stored: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    not_analysed_language: int = 0
    quarantined: int = 0
    events: int = 0
    reasons: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "reasons"}
        data["quarantine_reasons"] = dict(self.reasons)
        return data


# the exact-duplicate key of a text without a word (clean.dedup.text_sha256(""), written out so that importing the
# runner does not import datasketch): dedup never takes such texts for copies of each other
_NO_WORDS = hashlib.sha256(b"").hexdigest()


class StoreFailure(RuntimeError):
    """The store refused a write for a reason no input is to blame for (disk full, read-only, unreachable): the
    run stops, the failing article's transaction is rolled back whole, and every article stored before it stays.
    Running the same command again once the store can be written resumes where it stopped."""

    def __init__(self, reason: str, summary: RunSummary, origin: str | None):
        self.reason, self.summary, self.origin = reason, summary, origin
        at = f" while storing {origin}" if origin else ""
        super().__init__(f"the store cannot be written{at}: {reason}. {summary.stored} article(s) stored by this run "
                         "are kept and nothing was half-written; run the same command again once the store can be "
                         "written (it resumes where it stopped)")


def _store_reason(exc: Exception) -> str:
    """The database's own words ("database or disk is full", "attempt to write a readonly database")."""
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


class IngestRunner:
    def __init__(self, store: Store, pipeline: Pipeline, batch_size: int = 16):
        self.store = store
        self.pipeline = pipeline
        self.batch_size = batch_size
        self.dedup = _optional_stage(pipeline, "dedup")
        if self.dedup is not None and hasattr(self.dedup, "seed"):
            self.dedup.seed(store.dedup_signatures())

    def run(self, items: Iterable[Item], command: str = "ingest",
            on_item: Callable[[str], None] | None = None) -> RunSummary:
        summary = RunSummary()
        try:
            run_id = self.store.start_run(command)
        except (OperationalError, InternalError) as exc:
            raise StoreFailure(_store_reason(exc), summary, None) from exc
        try:
            self._run(items, summary, run_id, on_item)
        except _Stopped as stop:
            with contextlib.suppress(OperationalError, InternalError):     # recorded when the store still can
                self.store.finish_run(run_id, dict(summary.as_dict(), failed=stop.reason))
            raise StoreFailure(stop.reason, summary, stop.origin) from stop.__cause__
        self.store.finish_run(run_id, summary.as_dict())
        if summary.stored:
            self.store.optimize()
        return summary

    def _run(self, items: Iterable[Item], summary: RunSummary, run_id: int,
             on_item: Callable[[str], None] | None) -> None:
        pending: list[Document] = []
        seen_ids: set[str] = set()
        for item in items:
            if isinstance(item, Rejected):
                self._quarantine(summary, run_id, item.origin, item.stage, item.reason, item.raw)
                _tick(on_item, item.origin)
                continue
            if item.id in seen_ids or self.store.seen(item):
                if item.id not in seen_ids and self.dedup is not None:
                    self._learn_stored(item)
                summary.already_stored += 1
                _tick(on_item, item.origin or item.id)
                continue
            seen_ids.add(item.id)
            pending.append(item)
            if len(pending) >= self.batch_size:
                self._flush(pending, summary, run_id, on_item)
                pending = []
        self._flush(pending, summary, run_id, on_item)

    def _flush(self, docs: list[Document], summary: RunSummary, run_id: int,
               on_item: Callable[[str], None] | None) -> None:
        lost: set[str] = set()      # canonical copies quarantined after dedup had seen them
        for outcome in self.pipeline.process(docs, batch_size=self.batch_size):
            if outcome.error is None and outcome.document.duplicate_of in lost:
                outcome = self._again_without(outcome.document)
            if not self._save(outcome, summary, run_id) and outcome.document.duplicate_of is None:
                lost.add(outcome.document.id)
                if self.dedup is not None and hasattr(self.dedup, "forget"):
                    self.dedup.forget(outcome.document.id)
            _tick(on_item, outcome.document.origin or outcome.document.id)

    def _learn_stored(self, doc: Document, canonical_id: str | None = None, taken: bool = False) -> None:
        """An article another writer stored while this run went on (this input, or the canonical copy of its text):
        this run's dedup takes the stored decision, so a later copy in this run's input is marked a duplicate of
        the stored canonical article, as one writer would have marked it. ``taken``: this run's dedup has seen the
        document itself (and may have taken it for canonical); otherwise what it knows already stays as it is."""
        if self.dedup is None or not hasattr(self.dedup, "seed"):
            return
        if taken and hasattr(self.dedup, "forget"):
            self.dedup.forget(doc.id)
        entry = (self.store.dedup_signature(canonical_id) if canonical_id
                 else self.store.dedup_signature(doc.id, doc.raw_sha256))
        if entry is not None:
            self.dedup.seed([entry])

    def _again_without(self, doc: Document) -> Outcome:
        """A copy of a document that was quarantined: run it again, so it is analysed and stored on its own
        instead of pointing at an article that does not exist."""
        doc.duplicate_of = doc.duplicate_kind = None
        return self.pipeline.process_one(doc)

    def _save(self, outcome: Outcome, summary: RunSummary, run_id: int) -> bool:
        doc = outcome.document
        if outcome.error is not None:
            self._quarantine(summary, run_id, doc.origin or doc.id, outcome.error.stage, outcome.error.reason, doc.raw)
            return False
        signature = self.dedup.signature(doc) if self.dedup is not None and doc.duplicate_of is None else None
        try:
            try:
                self.store.save_document(doc, run_id, minhash=signature,
                                         unique_text=self.dedup is not None and doc.text_sha256 != _NO_WORDS)
            except CopyOfStored as copy:
                # another writer stored the same text first: this is its exact duplicate, as one writer would
                # have found, and so it is kept unanalysed
                doc.duplicate_of, doc.duplicate_kind = copy.canonical_id, "exact"
                doc.places, doc.actors, doc.times, doc.events = [], [], [], []
                self._learn_stored(doc, copy.canonical_id, taken=True)
                self.store.save_document(doc, run_id)
        except AlreadyStored:
            summary.already_stored += 1     # another writer stored this input while this run analysed it
            self._learn_stored(doc, taken=True)
            return True
        except IntegrityError as exc:
            if self.store.seen(doc):        # the same, caught by the database (SQLite writers)
                summary.already_stored += 1
                return True
            self._quarantine(summary, run_id, doc.origin or doc.id, "store", f"cannot store: {exc.orig}", doc.raw)
            return False
        except (OperationalError, InternalError) as exc:
            raise _Stopped(_store_reason(exc), doc.origin or doc.id) from exc
        summary.stored += 1
        summary.events += len(doc.events)
        if doc.duplicate_kind == "exact":
            summary.exact_duplicates += 1
        elif doc.duplicate_kind == "near":
            summary.near_duplicates += 1
        elif doc.language not in (None, "en"):
            summary.not_analysed_language += 1
        return True

    def _quarantine(self, summary: RunSummary, run_id: int, origin: str, stage: str, reason: str,
                    raw: bytes | None) -> None:
        try:
            self.store.save_rejection(origin, stage, reason, raw, run_id)
        except (OperationalError, InternalError) as exc:
            raise _Stopped(_store_reason(exc), origin) from exc
        summary.quarantined += 1
        summary.reasons[f"{stage}: {_reason_kind(reason)}"] += 1


class _Stopped(Exception):
    def __init__(self, reason: str, origin: str | None):
        super().__init__(reason)
        self.reason, self.origin = reason, origin


def extract(pipeline: Pipeline, items: Iterable[Item | Requested], raw: bool = False,
            batch_size: int = 16) -> Iterator[dict[str, Any]]:
    """The `geowire extract` stream: one contract object (or {"id","error"}) per input record, in order.

    Records are analysed in batches of up to ``batch_size``, as many as have arrived: a slow stream (a feed piped
    in one record at a time) gets each result at once instead of waiting for a full batch. A record that asked
    for more (:class:`~geowire.ingest.protocol.Requested`) is answered here, at the edge: see :class:`_Answers`."""
    answers = _Answers(pipeline)
    for batch in _arrived_batches(items, batch_size):
        entries = [(item.document, item.request) if isinstance(item, Requested) else (item, None)
                   for item in batch if not isinstance(item, Rejected)]
        for doc, _ in entries:
            if raw and not doc.text and doc.html:
                doc.text, doc.html = doc.html, None
        outcomes = iter(answers.process(entries, raw, batch_size))
        for item in batch:
            if isinstance(item, Rejected):
                yield _failure(item.record_id or item.origin, f"{item.stage}: {item.reason}", item.origin)
                continue
            outcome, pair_events = next(outcomes)
            if outcome.error is not None:
                yield _failure(outcome.document.id, str(outcome.error), outcome.document.origin)
            else:
                record = outcome.document.to_output()
                if pair_events is not None:
                    record["pair_events"] = pair_events
                yield record


class _Answers:
    """The extract command's side of the evaluation protocol (docs/output.md): a record with ``"spans"`` goes
    through the pipeline with the ``given_spans`` recogniser in place of the configured one (built once, with the
    configured resolver and its settings), the spans put on it as unresolved places; a plain-text record with
    ``"spans"`` or ``"pairs"`` is not cleaned (its offsets point into the text as given); ``"pairs"`` are typed by
    the coder's ``type_pairs`` once the pipeline is through, while the parse is still kept."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline
        self._given: Pipeline | None = None
        # the configured place stage, whose resolver settings the given spans are resolved with (none: no places)
        self._places = next((s.name for s in pipeline.stages if s.kind == "recognisers"), None)

    def process(self, entries: list[tuple[Document, Request | None]], raw: bool,
                batch_size: int) -> list[tuple[Outcome, list[str | None] | None]]:
        """One (outcome, pair types or None) per entry, in order. Each run of consecutive entries that take the
        same pipeline and cleaning goes through together, the runs in input order, so the dedup stage meets the
        documents in input order as always."""
        answered: list[tuple[Outcome, list[str | None] | None]] = []
        run: list[tuple[Document, Request | None]] = []
        key = None
        for doc, request in entries:
            kept = raw or (request is not None and request.keeps_text(doc))
            wrong = request.outside(doc.text or "") if request is not None and kept else None
            if wrong is not None:
                # failed before the pipeline: the dedup stage never sees it, so no later copy of its text is
                # marked a duplicate of a record that was not analysed
                if run:
                    answered += self._run(run, *key, batch_size)
                    run, key = [], None
                answered.append((Outcome(doc, wrong), None))
                continue
            given = request is not None and request.spans is not None and self._places is not None
            entry_key = (given, kept)
            if run and entry_key != key:
                answered += self._run(run, *key, batch_size)
                run = []
            if given:
                doc.places = given_places(doc.text, request.spans)
            run.append((doc, request))
            key = entry_key
        if run:
            answered += self._run(run, *key, batch_size)
        return answered

    def _run(self, run: list[tuple[Document, Request | None]], given: bool, keep_text: bool,
             batch_size: int) -> list[tuple[Outcome, list[str | None] | None]]:
        pipeline = self._given_pipeline() if given else self.pipeline
        pairs = any(request is not None and request.pairs is not None for _, request in run)
        outcomes = pipeline.process([doc for doc, _ in run], raw=keep_text, batch_size=batch_size, keep_parse=pairs)
        answered = []
        for (_, request), outcome in zip(run, outcomes, strict=True):
            doc = outcome.document
            if given and not doc.analysable:
                doc.places = []         # not analysed (not English, a duplicate): the given spans are not placed
            typed = None
            if request is not None and outcome.error is None and not keep_text:
                outcome.error = request.outside(doc.text)   # a cleaned text: checked where the offsets point
            if request is not None and request.pairs is not None and outcome.error is None:
                typed = self._typed(doc, request.pairs)
            doc.parsed = None
            answered.append((outcome, typed))
        return answered

    def _typed(self, doc: Document, pairs: list) -> list[str | None]:
        coder = next((s.component for s in self.pipeline.stages if hasattr(s.component, "type_pairs")), None)
        if coder is None or doc.parsed is None or not doc.analysable:
            return [None] * len(pairs)      # no event stage ran on it
        return coder.type_pairs(doc, pairs)

    def _given_pipeline(self) -> Pipeline:
        if self._given is None:
            entry = self.pipeline.config.get("components", {}).get(self._places, {})
            settings = {k: entry[k] for k in ("resolver", "resolver_settings") if k in entry}
            self._given = self.pipeline.replaced("recognisers",
                                                 registry.create("recognisers", "given_spans", settings))
        return self._given


def _failure(record_id: str, error: str, origin: str | None) -> dict[str, Any]:
    """A failed record: its own id (or, when it has none that could be read, where it came from) and why."""
    failure = {"id": record_id, "error": error}
    if origin and origin != record_id:
        failure["origin"] = origin
    return failure


_END = object()


def _arrived_batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Batches of at most ``size`` items: a reader thread takes items from ``items`` as they come, and each batch
    holds what has arrived (at least one), never waiting for more. Order is kept; an error while reading is raised
    here, after the items read before it."""
    arrived: queue.Queue = queue.Queue(maxsize=4 * size)

    def read() -> None:
        try:
            for item in items:
                arrived.put(item)
        except BaseException as exc:   # handed to the consumer, which raises it in its own thread
            arrived.put(_ReadError(exc))
        arrived.put(_END)

    threading.Thread(target=read, name="geowire-extract-reader", daemon=True).start()
    batch: list[Item] = []
    while True:
        item = arrived.get() if not batch else _next_nowait(arrived)
        if item is None:            # nothing more has arrived: analyse what has
            yield batch
            batch = []
            continue
        if item is _END or isinstance(item, _ReadError):
            if batch:
                yield batch
            if isinstance(item, _ReadError):
                raise item.error
            return
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []


class _ReadError:
    def __init__(self, error: BaseException):
        self.error = error


def _next_nowait(arrived: queue.Queue) -> Any:
    try:
        return arrived.get_nowait()
    except queue.Empty:
        return None


def _optional_stage(pipeline: Pipeline, name: str) -> Any:
    try:
        return pipeline.stage(name)
    except KeyError:
        return None


def _reason_kind(reason: str) -> str:
    """Group reasons for the summary ("file is over the 5,000,000-byte limit" stays whole; JSON errors fold)."""
    return reason.split(":")[0]


def _tick(on_item: Callable[[str], None] | None, label: str) -> None:
    if on_item is not None:
        on_item(label)
