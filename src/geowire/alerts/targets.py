"""Where alerts go. Each target is a registered factory (kind ``alert_targets``) whose product is a callable
``target(destination, payload)`` that delivers one alert or raises :class:`DeliveryError`."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import Any

from geowire.net.http import Fetcher, FetchError, FetchPolicy
from geowire.registry import registry


class DeliveryError(Exception):
    """An alert that could not be delivered; ``permanent`` ones are not tried again."""

    def __init__(self, message: str, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent


class WebhookTarget:
    def __init__(self, fetcher: Fetcher):
        self.fetcher = fetcher

    def __call__(self, destination: str, payload: dict[str, Any]) -> None:
        try:
            self.fetcher.post_json(destination, payload)
        except FetchError as exc:
            raise DeliveryError(f"webhook {destination}: {exc}", permanent=not exc.transient) from None


class JsonlTarget:
    _lock = threading.Lock()

    def __call__(self, destination: str, payload: dict[str, Any]) -> None:
        line = json.dumps(payload, ensure_ascii=False, default=str) + "\n"
        try:
            with self._lock, open(Path(destination), "a", encoding="utf-8") as handle:
                handle.write(line)
        except OSError as exc:
            raise DeliveryError(f"cannot append to {destination}: {exc.strerror or exc}") from None


class StdoutTarget:
    def __call__(self, destination: str, payload: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()


@registry.factory("alert_targets", "webhook")
def make_webhook_target(retries: int = 3, backoff: float = 2.0, timeout: float = 10.0, deadline: float = 60.0,
                        allow_private: bool = False) -> WebhookTarget:
    """POST each alert as JSON to an http(s) URL through the SSRF guard (a private or loopback address only with
    ``allow_private``), retrying ``retries`` times with backoff from ``backoff`` seconds on 5xx, 429 and network
    errors, each attempt within ``timeout`` seconds and all within ``deadline``. Alerts that still fail stay
    pending and are tried again on the next poll."""
    policy = FetchPolicy(retries=retries, backoff=backoff, timeout=timeout, deadline=deadline, robots=False,
                         per_host_interval=0.0, allow_private=allow_private)
    return WebhookTarget(Fetcher(policy))


@registry.factory("alert_targets", "jsonl")
def make_jsonl_target() -> JsonlTarget:
    """Append each alert as one JSON line to a file (a destination ending in ``.jsonl``)."""
    return JsonlTarget()


@registry.factory("alert_targets", "stdout")
def make_stdout_target() -> StdoutTarget:
    """Print each alert as one JSON line on standard output (the destination ``-``)."""
    return StdoutTarget()


def target_kind(destination: str) -> str:
    """Which target a ``--to`` value names: a URL is a webhook, ``-`` is stdout, a ``.jsonl`` path is a file."""
    if destination == "-":
        return "stdout"
    if destination.lower().startswith(("http://", "https://")):
        return "webhook"
    if destination.lower().endswith(".jsonl"):
        return "jsonl"
    raise ValueError(f"an alert target is an http(s) URL, a .jsonl file or '-', not {destination!r}")
