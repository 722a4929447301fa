"""The store's side of live sources and alerts: watch state, watchlists, and the alert log.

Every write is its own short transaction, so a watcher killed at any point resumes from what is here: an item is
marked seen only after it was stored or quarantined, validators (ETag, Last-Modified) are kept only once every item
of a poll was handled, and an alert is recorded (pending) before it is delivered and marked sent after.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from geowire.store import schema
from geowire.store.repository import _cut_evidence_mentions, event_dict


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class LiveStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    # --- watched sources -------------------------------------------------------------------------------------

    def source(self, url: str) -> dict[str, Any] | None:
        s = schema.watch_sources
        with self.engine.connect() as conn:
            row = conn.execute(select(s).where(s.c.id == _key(url))).first()
            return dict(row._mapping) if row else None

    def sources(self) -> list[dict[str, Any]]:
        s = schema.watch_sources
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(s).order_by(s.c.url))]

    def ensure_source(self, url: str, kind: str) -> None:
        s = schema.watch_sources
        try:
            with self.engine.begin() as conn:
                if conn.execute(select(s.c.id).where(s.c.id == _key(url))).first() is None:
                    conn.execute(insert(s).values(id=_key(url), url=url, kind=kind, failures=0))
        except IntegrityError:
            pass        # another watcher added it meanwhile

    def polled(self, url: str, next_poll_at: str, etag: str | None = None, last_modified: str | None = None,
               keep_validators: bool = True, error: str | None = None) -> None:
        s = schema.watch_sources
        values: dict[str, Any] = dict(polled_at=now(), next_poll_at=next_poll_at, last_error=error)
        if not keep_validators:
            values.update(etag=etag, last_modified=last_modified)
        values["failures"] = (s.c.failures + 1) if error else 0
        with self.engine.begin() as conn:
            conn.execute(update(s).where(s.c.id == _key(url)).values(**values))

    def item_seen(self, url: str, item_key: str) -> bool:
        i = schema.watch_items
        with self.engine.connect() as conn:
            return conn.execute(select(i.c.item_key).where(i.c.source_id == _key(url),
                                                           i.c.item_key == _key(item_key))).first() is not None

    def mark_seen(self, url: str, item_key: str) -> None:
        i = schema.watch_items
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(i).values(source_id=_key(url), item_key=_key(item_key), seen_at=now()))
        except IntegrityError:
            pass

    def seen_count(self, url: str) -> int:
        i = schema.watch_items
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).where(i.c.source_id == _key(url))).scalar() or 0

    # --- watchlists ------------------------------------------------------------------------------------------

    def add_watchlist(self, name: str, spec: dict[str, Any], target: str, on_update: bool = False) -> dict[str, Any]:
        w = schema.watchlists
        stamp = now()
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(w).values(name=name, spec=json.dumps(spec, sort_keys=True), target=target,
                                              on_update=on_update, created_at=stamp, checked_until=stamp))
        except IntegrityError:
            raise ValueError(f"a watchlist named {name!r} exists already") from None
        found = self.watchlist(name)
        assert found is not None
        return found

    def watchlists(self) -> list[dict[str, Any]]:
        w = schema.watchlists
        with self.engine.connect() as conn:
            return [_watchlist(r) for r in conn.execute(select(w).order_by(w.c.name))]

    def watchlist(self, name: str) -> dict[str, Any] | None:
        w = schema.watchlists
        with self.engine.connect() as conn:
            row = conn.execute(select(w).where(w.c.name == name)).first()
            return _watchlist(row) if row else None

    def remove_watchlist(self, name: str) -> bool:
        w, a = schema.watchlists, schema.alerts
        with self.engine.begin() as conn:
            row = conn.execute(select(w.c.id).where(w.c.name == name)).first()
            if row is None:
                return False
            conn.execute(delete(a).where(a.c.watchlist_id == row[0]))
            conn.execute(delete(w).where(w.c.id == row[0]))
            return True

    def checked(self, watchlist_id: int, until: str) -> None:
        w = schema.watchlists
        with self.engine.begin() as conn:
            conn.execute(update(w).where(w.c.id == watchlist_id).values(checked_until=until))

    # --- events to match -------------------------------------------------------------------------------------

    def events_updated_after(self, stamp: str, limit: int = 5000) -> list[dict[str, Any]]:
        """Events created or changed after ``stamp`` (oldest change first), with their evidence sentence."""
        e, a = schema.events, schema.articles
        evidence = func.substr(a.c.text, e.c.evidence_start + 1, e.c.evidence_end - e.c.evidence_start)
        query = (select(e, a.c.title, a.c.url, a.c.published, evidence.label("evidence_text"))
                 .outerjoin(a, a.c.id == e.c.article_id).where(e.c.updated_at > stamp)
                 .order_by(e.c.updated_at, e.c.id).limit(limit))
        with self.engine.connect() as conn:
            found = []
            for row in conn.execute(query):
                data = event_dict(row._mapping)
                data["evidence_text"] = row.evidence_text
                found.append(data)
            _cut_evidence_mentions(conn, found)
        return found

    # --- the alert log ---------------------------------------------------------------------------------------

    def alerted_sources(self, watchlist_id: int, event_id: str) -> int | None:
        """The largest source count this event was alerted at for this watchlist, or None if never."""
        a = schema.alerts
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(a.c.n_sources)).where(
                a.c.watchlist_id == watchlist_id, a.c.event_id == event_id)).scalar()

    def record_alert(self, watchlist_id: int, event_id: str, n_sources: int, kind: str,
                     payload: dict[str, Any]) -> bool:
        """Log an alert as pending; False when this very alert was logged before (it is never sent twice)."""
        a = schema.alerts
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(a).values(watchlist_id=watchlist_id, event_id=event_id, n_sources=n_sources,
                                              kind=kind, payload=json.dumps(payload, ensure_ascii=False, default=str),
                                              status="pending", attempts=0, created_at=now()))
        except IntegrityError:
            return False
        return True

    def pending_alerts(self) -> list[dict[str, Any]]:
        a, w = schema.alerts, schema.watchlists
        query = (select(a, w.c.target, w.c.name).join(w, w.c.id == a.c.watchlist_id)
                 .where(a.c.status == "pending").order_by(a.c.created_at, a.c.event_id))
        with self.engine.connect() as conn:
            return [dict(r._mapping, payload=json.loads(r.payload)) for r in conn.execute(query)]

    def alert_done(self, alert: dict[str, Any], error: str | None = None, give_up: bool = False) -> None:
        a = schema.alerts
        where = (a.c.watchlist_id == alert["watchlist_id"], a.c.event_id == alert["event_id"],
                 a.c.n_sources == alert["n_sources"])
        status = "sent" if error is None else ("failed" if give_up else "pending")
        with self.engine.begin() as conn:
            conn.execute(update(a).where(*where).values(
                status=status, attempts=a.c.attempts + 1, last_error=error,
                sent_at=now() if error is None else None))

    def alerts(self, watchlist_id: int | None = None) -> list[dict[str, Any]]:
        a = schema.alerts
        query = select(a.c.watchlist_id, a.c.event_id, a.c.n_sources, a.c.kind, a.c.status, a.c.attempts,
                       a.c.last_error, a.c.created_at, a.c.sent_at).order_by(a.c.created_at)
        if watchlist_id is not None:
            query = query.where(a.c.watchlist_id == watchlist_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]


def _watchlist(row: Any) -> dict[str, Any]:
    data = dict(row._mapping)
    data["spec"] = json.loads(data["spec"])
    return data
