"""Compose the configured stages into one pipeline.

Each component is built by its registry factory from the config. A component is a
callable ``component(doc) -> doc`` that may raise :class:`~geowire.model.Drop`; a
component that benefits from batching (the spaCy parser) also offers
``pipe(docs) -> docs``. Components of kind ``cleaners`` are skipped in raw mode, so
every offset then refers to the input text. Analysis components (everything after
``dedup``) only run on documents that are analysable: English, not a duplicate.
The stages see plain articles only: what an evaluation record asks for beside its
article ("spans", "pairs") is answered at the edge, by the extract command
(``runner.extract``) with :meth:`Pipeline.replaced` and the coder's ``type_pairs``.
The configured order is checked before any stage is built: a stage whose
component needs another kind of stage before it (the place, actor and event stages need ``nlp``'s parse)
placed before it, or in an order without it, is a :class:`~geowire.config.ConfigError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from geowire.config import ConfigError, component_settings, load_config
from geowire.model import Document, Drop
from geowire.registry import registry

ANALYSIS_KINDS = frozenset({"nlp", "recognisers", "resolvers", "actors", "timex", "coders"})


@dataclass
class Outcome:
    """A document that went through, or the reason it did not."""

    document: Document
    error: Drop | None = None


@dataclass
class Stage:
    name: str
    kind: str
    component: Any

    def applies_to(self, doc: Document, raw: bool) -> bool:
        if self.kind == "cleaners" and raw:
            return False
        if self.kind in ANALYSIS_KINDS:
            return doc.analysable
        return True


def check_order(config: dict[str, Any]) -> None:
    """Refuse an order in which a stage runs without a kind of stage it needs before it (the whole configured
    order, also when ``only`` builds part of it: a part is fed documents the rest prepared)."""
    order = list(config["pipeline"]["order"])
    kinds_before: set[str] = set()
    for number, name in enumerate(order):
        entry = config["components"][name]
        missing = [kind for kind in registry.get(entry["kind"], entry["factory"]).needs if kind not in kinds_before]
        if missing:
            later = [n for n in order[number + 1:] if config["components"][n]["kind"] == missing[0]]
            where = f"{later[0]!r} comes after it" if later else "the order has none"
            raise ConfigError(f"pipeline.order: stage {name!r} ({entry['kind']}.{entry['factory']}) needs a stage "
                              f"of kind {missing[0]!r} before it, but {where} (order: {order})")
        kinds_before.add(entry["kind"])


@dataclass
class Pipeline:
    stages: list[Stage]
    config: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: dict[str, Any] | None = None, only: Iterable[str] | None = None) -> Pipeline:
        config = config or load_config()
        check_order(config)
        wanted = set(only) if only is not None else None
        stages = []
        for name in config["pipeline"]["order"]:
            if wanted is not None and name not in wanted:
                continue
            entry = config["components"][name]
            component = registry.create(entry["kind"], entry["factory"], component_settings(entry))
            stages.append(Stage(name, entry["kind"], component))
        return cls(stages, config)

    def replaced(self, kind: str, component: Any) -> Pipeline:
        """The same stages (the same built components, so no model is loaded twice) with ``component`` in place
        of every stage of ``kind``."""
        return Pipeline([Stage(s.name, s.kind, component if s.kind == kind else s.component) for s in self.stages],
                        self.config)

    def stage(self, name: str) -> Any:
        for stage in self.stages:
            if stage.name == name:
                return stage.component
        raise KeyError(name)

    def process(self, docs: Iterable[Document], raw: bool = False, batch_size: int = 32,
                keep_parse: bool = False) -> Iterator[Outcome]:
        """Yield one outcome per input document, in input order. The parse is dropped from each document once
        its batch is through, unless ``keep_parse`` (the caller then drops it)."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._process_batch(batch, raw, keep_parse)
                batch = []
        if batch:
            yield from self._process_batch(batch, raw, keep_parse)

    def process_one(self, doc: Document, raw: bool = False) -> Outcome:
        return next(iter(self._process_batch([doc], raw)))

    def _process_batch(self, batch: list[Document], raw: bool, keep_parse: bool = False) -> list[Outcome]:
        outcomes = [Outcome(doc) for doc in batch]
        for stage in self.stages:
            live = [o for o in outcomes if o.error is None and stage.applies_to(o.document, raw)]
            if not live:
                continue
            if hasattr(stage.component, "pipe"):
                self._run_batched(stage, live)
            else:
                for outcome in live:
                    self._run_single(stage, outcome)
        for outcome in outcomes:
            if outcome.error is None:
                outcome.document.quote_as_written()
            if not keep_parse:
                outcome.document.parsed = None
        return outcomes

    @staticmethod
    def _run_single(stage: Stage, outcome: Outcome) -> None:
        try:
            outcome.document = stage.component(outcome.document)
        except Drop as drop:
            outcome.error = drop
        except Exception as exc:  # a bug on one document must not stop the run
            outcome.error = Drop(stage.name, f"{type(exc).__name__}: {exc}")

    def _run_batched(self, stage: Stage, live: list[Outcome]) -> None:
        try:
            results = list(stage.component.pipe([o.document for o in live]))
        except Exception:
            # fall back to one at a time so a single bad document is isolated
            for outcome in live:
                self._run_single(stage, outcome)
            return
        for outcome, doc in zip(live, results, strict=False):
            outcome.document = doc
