"""From newly coded events to delivered alerts.

``find_alerts`` looks at the events created or changed since each watchlist's last look and logs an alert for
each match: once for a new event, and again when it gains sources only if the watchlist asks (``on_update``).
``deliver`` sends the pending ones; an alert is logged before it is sent and marked after, so a restart sends
what was pending and repeats nothing that was sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from geowire.alerts.targets import DeliveryError, target_kind
from geowire.alerts.watchlist import Watchlist
from geowire.registry import registry
from geowire.store.live import LiveStore

MAX_ATTEMPTS = 10
Target = Callable[[str, dict[str, Any]], None]


def find_alerts(live: LiveStore, base_url: str = "http://127.0.0.1:8000") -> int:
    """Log pending alerts for every watchlist; the number logged."""
    logged = 0
    for row in live.watchlists():
        watchlist = Watchlist.from_spec(row["spec"])
        while True:
            changed = live.events_updated_after(row["checked_until"], limit=1000)
            for event in changed:
                logged += _consider(live, row, watchlist, event, base_url)
            if changed:
                row["checked_until"] = changed[-1]["updated_at"]
                live.checked(row["id"], row["checked_until"])
            if len(changed) < 1000:
                break
    return logged


def _consider(live: LiveStore, row: dict[str, Any], watchlist: Watchlist, event: dict[str, Any],
              base_url: str) -> int:
    if not watchlist.matches(event):
        return 0
    n_sources = int(event.get("n_sources") or 1)
    before = live.alerted_sources(row["id"], event["id"])
    if before is None:
        kind = "new" if event["first_seen"] > row["created_at"] else "update"
        if kind == "update" and not row["on_update"]:
            return 0            # an event older than the watchlist is news only when it changes, if asked
    elif row["on_update"] and n_sources > before:
        kind = "update"
    else:
        return 0
    return int(live.record_alert(row["id"], event["id"], n_sources, kind, payload(row["name"], kind, event, base_url)))


def payload(watchlist: str, kind: str, event: dict[str, Any], base_url: str) -> dict[str, Any]:
    """What an alert carries: the event, its evidence sentence and a link to its page."""
    return {
        "watchlist": watchlist,
        "alert": kind,
        "event": {k: v for k, v in event.items() if k != "evidence_text"},
        "evidence": (event.get("evidence_text") or "").strip(),
        "link": f"{base_url.rstrip('/')}/api/events/{event['id']}",
    }


def deliver(live: LiveStore, targets: dict[str, Target] | None = None,
            settings: dict[str, dict[str, Any]] | None = None) -> tuple[int, int]:
    """Send every pending alert; (sent, failed) for this round. Targets are built once per kind."""
    targets = dict(targets or {})
    sent = failed = 0
    for alert in live.pending_alerts():
        try:
            kind = target_kind(alert["target"])
            if kind not in targets:
                targets[kind] = registry.create("alert_targets", kind, (settings or {}).get(kind))
            targets[kind](alert["target"], alert["payload"])
        except (DeliveryError, ValueError) as exc:
            permanent = isinstance(exc, ValueError) or exc.permanent or alert["attempts"] + 1 >= MAX_ATTEMPTS
            live.alert_done(alert, error=str(exc), give_up=permanent)
            failed += 1
            continue
        live.alert_done(alert)
        sent += 1
    return sent, failed
