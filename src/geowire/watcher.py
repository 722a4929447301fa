"""`geowire watch`: poll live sources into the store and alert on watchlists.

Like ``runner.py`` this composes the pipeline and the store; the stages never know they are fed from the network.
Each round polls the sources that are due (all of them with ``once``), hands each source's new items to the
:class:`~geowire.runner.IngestRunner`, marks every item handled as seen, keeps the source's validators only when
every item was handled, then logs and delivers alerts. All state lives in the store, so a watcher stopped at any
point (SIGTERM, a crash) starts again without fetching, ingesting or alerting anything twice.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from geowire.alerts import notify
from geowire.ingest.sources import Item
from geowire.net.http import Fetcher
from geowire.runner import IngestRunner
from geowire.sources import SourceError, SourceState, kind_for, make_source
from geowire.store.live import LiveStore

MAX_BACKOFF = 8         # a failing source waits at most this many intervals


@dataclass
class WatchSummary:
    polled: int = 0
    not_modified: int = 0
    new_items: int = 0
    stored: int = 0
    quarantined: int = 0
    events: int = 0
    source_errors: list[str] = field(default_factory=list)
    alerts_logged: int = 0
    alerts_sent: int = 0
    alerts_failed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Watcher:
    def __init__(self, runner: IngestRunner, fetcher: Fetcher, locations: list[str], interval: float = 900.0,
                 base_url: str = "http://127.0.0.1:8000", source_settings: dict[str, dict] | None = None,
                 target_settings: dict[str, dict] | None = None, log: Callable[[str], None] | None = None,
                 stop: threading.Event | None = None):
        self.runner = runner
        self.live = LiveStore(runner.store.engine)
        self.fetcher = fetcher
        self.locations = list(dict.fromkeys(locations))
        self.interval = interval
        self.base_url = base_url
        self.source_settings = source_settings or {}
        self.target_settings = target_settings or {}
        self.log = log or (lambda _message: None)
        self.stop = stop or threading.Event()
        self._sources: dict[str, Any] = {}
        self._targets: dict[str, Any] = {}

    def run(self, once: bool = False) -> WatchSummary:
        """Poll until ``stop`` is set (or one round with ``once``); the last round's summary."""
        pending = WatchSummary()
        self._alerts(pending)               # alerts left pending by an earlier run go first
        while True:
            summary = self.poll_round(force=once, summary=pending)
            pending = None
            if once or self.stop.is_set():
                return summary
            self.stop.wait(self._seconds_to_next_poll())
            if self.stop.is_set():
                return summary

    def poll_round(self, force: bool = False, summary: WatchSummary | None = None) -> WatchSummary:
        summary = summary or WatchSummary()
        for location in self.locations:
            if self.stop.is_set():
                break
            self._poll(location, summary, force, depth=0)
        self._alerts(summary)
        return summary

    # --- one source ---------------------------------------------------------------------------------------

    def _poll(self, location: str, summary: WatchSummary, force: bool, depth: int) -> None:
        kind = kind_for(location)
        self.live.ensure_source(location, kind)
        row = self.live.source(location) or {}
        if not force and row.get("next_poll_at") and row["next_poll_at"] > _now():
            return
        summary.polled += 1
        state = SourceState(row.get("etag"), row.get("last_modified"))
        try:
            poll = self._source(kind).poll(location, self.fetcher, state)
        except SourceError as exc:
            self._failed(location, row, str(exc), summary)
            return
        if poll.not_modified:
            summary.not_modified += 1
            self.live.polled(location, self._next_poll(0))
            return
        if poll.children and depth == 0:
            self.live.polled(location, self._next_poll(0), poll.state.etag, poll.state.last_modified,
                             keep_validators=False)
            for child in poll.children:
                if self.stop.is_set():
                    break
                self._poll(child, summary, force, depth + 1)
            return
        progress = _Progress()
        run = self.runner.run(self._new_items(location, poll.entries, progress), command="watch",
                              on_item=lambda label: self._handled(location, label, progress))
        summary.new_items += progress.yielded
        summary.stored += run.stored
        summary.quarantined += run.quarantined
        summary.events += run.events
        if progress.error:
            self._failed(location, row, progress.error, summary)
        elif progress.complete and not self.stop.is_set():
            self.live.polled(location, self._next_poll(0), poll.state.etag, poll.state.last_modified,
                             keep_validators=False)
        else:   # some items are left for later: keep the old validators so the next poll sees them again
            self.live.polled(location, self._next_poll(0))

    def _new_items(self, location: str, entries: Iterator, progress: _Progress) -> Iterator[Item]:
        try:
            for entry in entries:
                if self.stop.is_set():
                    progress.complete = False
                    return
                if self.live.item_seen(location, entry.key):
                    continue
                item = entry.load()
                if item is None:            # failed for now: the next poll tries again
                    progress.complete = False
                    continue
                progress.keys[item.origin or item.id].append(entry.key)
                progress.yielded += 1
                yield item
        except SourceError as exc:
            progress.error = str(exc)

    def _handled(self, location: str, label: str, progress: _Progress) -> None:
        for key in progress.keys.pop(label, []):
            self.live.mark_seen(location, key)

    def _failed(self, location: str, row: dict, error: str, summary: WatchSummary) -> None:
        failures = int(row.get("failures") or 0) + 1
        self.live.polled(location, self._next_poll(failures), error=error)
        self.runner.store.save_rejection(location, "watch", error, None)
        summary.source_errors.append(f"{location}: {error}")
        self.log(f"{location}: {error}")

    # --- alerts -------------------------------------------------------------------------------------------

    def _alerts(self, summary: WatchSummary) -> None:
        summary.alerts_logged += notify.find_alerts(self.live, self.base_url)
        sent, failed = notify.deliver(self.live, self._targets, self.target_settings)
        summary.alerts_sent += sent
        summary.alerts_failed += failed

    # --- helpers ------------------------------------------------------------------------------------------

    def _source(self, kind: str) -> Any:
        if kind not in self._sources:
            self._sources[kind] = make_source(kind, self.source_settings.get(kind))
        return self._sources[kind]

    def _next_poll(self, failures: int) -> str:
        delay = self.interval * min(2 ** max(0, failures - 1), MAX_BACKOFF) if failures else self.interval
        return (datetime.now(UTC) + timedelta(seconds=delay)).isoformat(timespec="microseconds")

    def _seconds_to_next_poll(self) -> float:
        due = [row["next_poll_at"] for row in self.live.sources()
               if row["url"] in self.locations and row["next_poll_at"]]
        if not due:
            return self.interval
        soonest = datetime.fromisoformat(min(due))
        return max(0.05, min(self.interval, (soonest - datetime.now(UTC)).total_seconds()))


@dataclass
class _Progress:
    keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    yielded: int = 0
    complete: bool = True
    error: str | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
