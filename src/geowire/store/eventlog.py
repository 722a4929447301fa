"""Mentions in, merged events out: the incremental, deterministic merge inside one transaction.

A new mention joins the best compatible existing event (``merge.best_match``) or starts a
new one whose id is the mention's own coder id, so ids are stable across re-runs of the
same input. After any change an event is recomputed from its active mentions; an event
left with none is deleted and the deletion is recorded.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, or_, select, union, update

from geowire import __version__
from geowire.dates import day_span
from geowire.model import Document, Event
from geowire.store import merge, schema

CODED_COLUMNS = tuple(c.name for c in schema.mentions.c if c.name not in ("id", "event_id", "article_id", "active",
                                                                        "created_at"))
DEGREES_PER_KM = 1 / 111.0
MAX_CANDIDATES = 200        # events a new mention is compared with, lowest ids first
# Statements built once: parameters passed at execution keep SQLAlchemy's compiled cache warm,
# where ``.values(**row)`` would rebuild and recompile them for every mention.
_INSERT_MENTION = insert(schema.mentions)
_INSERT_EVENT = insert(schema.events)
_UPDATE_EVENT = update(schema.events).where(schema.events.c.id == bindparam("event_key"))
_EVENT_EXISTS = select(schema.events.c.id).where(schema.events.c.id == bindparam("event_key"))
_FORGET_DELETION = delete(schema.deletions).where(schema.deletions.c.event_id == bindparam("event_key"))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def mention_row(event: Event, doc: Document) -> dict[str, Any]:
    row: dict[str, Any] = dict(type=event.type, mode=event.mode, certainty=event.certainty,
                               confidence=float(event.confidence), evidence_start=event.evidence.start,
                               evidence_end=event.evidence.end, pipeline_version=__version__)
    for role in ("source", "target"):
        arg = getattr(event, role)
        for name in ("text", "start", "end", "country", "sector"):
            row[f"{role}_{name}"] = getattr(arg, name) if arg else None
    loc = event.location
    place = next((p for p in doc.places if loc and p.start == loc.start and p.end == loc.end), None)
    row.update(location_name=loc.name if loc else None, lat=loc.lat if loc else None, lon=loc.lon if loc else None,
               geonameid=loc.geonameid if loc else None, location_start=loc.start if loc else None,
               location_end=loc.end if loc else None,
               location_precision=(loc.precision if loc else None) or (place.precision if place else None),
               location_country=(loc.country_code if loc else None) or (place.country_code if place else None),
               location_basis=loc.basis if loc else None)
    # "" rather than NULL for an unknown date, so the date index serves ordering and keyset paging as is
    row.update(date_value=(event.date.value if event.date else None) or "",
               date_text=event.date.text if event.date else None)
    # "" for a date that names no calendar stretch, as for an unknown one
    row["date_start"], row["date_end"] = day_span(row["date_value"]) or ("", "")
    att = event.attribution
    row.update(attribution_text=att.text if att else None, attribution_start=att.start if att else None,
               attribution_end=att.end if att else None, attribution_name=att.name if att else None,
               attribution_kind=att.kind if att else None)
    row.update(modality=event.modality, quantities=_json_list([asdict(q) for q in event.quantities]),
               evidence_mentions=_json_list([asdict(m) for m in event.mentions]))
    return row


def _json_list(items: list[dict[str, Any]]) -> str | None:
    """A list kept as JSON text in one column; NULL for none, as for the rows stored before revision 0003."""
    return json.dumps(items, ensure_ascii=False, separators=(",", ":")) if items else None


def add_mentions(conn: Connection, doc: Document) -> set[str]:
    """Store each coded event of ``doc`` as a mention and merge it; return the touched event ids.

    The article is new (or its mentions of this version were just retired), so mention ids
    cannot clash with stored ones; only repeats within this article are skipped.
    """
    touched: set[str] = set()
    seen: set[str] = set()
    for event in doc.events:
        mention_id = f"{event.id}@{__version__}"
        if mention_id in seen:
            continue
        seen.add(mention_id)
        row = mention_row(event, doc)
        # undated mentions never merge (merge.dates_compatible), so they need no candidates
        match = merge.best_match(row, _candidates(conn, row)) if row["date_value"] else None
        event_id = match["id"] if match is not None else _fresh_event_id(conn, event.id)
        conn.execute(_INSERT_MENTION, dict(row, id=mention_id, event_id=event_id, article_id=doc.id, active=True,
                                           created_at=now()))
        if match is None:
            _insert_event(conn, event_id, mention_id, doc.id, row)
        else:
            refresh_event(conn, event_id)   # at once, so the next mention of this article can join it
        touched.add(event_id)
    return touched


def _fresh_event_id(conn: Connection, own_id: str) -> str:
    taken = conn.execute(_EVENT_EXISTS, {"event_key": own_id}).first()
    return own_id if taken is None else f"{own_id}-{__version__}"


def _insert_event(conn: Connection, event_id: str, mention_id: str, article_id: str, row: dict[str, Any]) -> None:
    """A new event has one mention: it is its own representative, one article, one source."""
    stamp = now()
    values = {column: row[column] for column in CODED_COLUMNS}
    values.update(id=event_id, article_id=article_id, mention_id=mention_id, n_mentions=1, n_articles=1,
                  n_sources=1, first_seen=stamp, updated_at=stamp)
    conn.execute(_FORGET_DELETION, {"event_key": event_id})
    conn.execute(_INSERT_EVENT, values)


_CANDIDATE_COLUMNS = [schema.events.c[name] for name in (
    "id", "type", "date_value", "source_country", "target_country", "lat", "lon", "location_precision",
    "location_country", "location_basis")]


def _candidates(conn: Connection, row: dict[str, Any]) -> list[dict[str, Any]]:
    """Events that ``merge.match_score`` could accept: same type, in the date window, and close by,
    in the same country at country precision, or sharing a named actor (for the unplaced)."""
    window, holders = merge.date_candidates(row["date_value"])
    params: dict[str, Any] = {"event_type": row["type"]}
    placed = merge.is_placed(row) and row["location_precision"] != "country"
    if placed:
        reach = max(merge.RADIUS_KM.values()) * DEGREES_PER_KM
        lon_reach = min(180.0, reach / max(0.01, math.cos(math.radians(row["lat"]))))
        params.update(lat_min=row["lat"] - reach, lat_max=row["lat"] + reach,
                      lon_min=row["lon"] - lon_reach, lon_max=row["lon"] + lon_reach)
    tied = [role for role in ("location", "source", "target") if row[f"{role}_country"]]
    params.update({f"{role}_country": row[f"{role}_country"] for role in tied})
    if not placed and not tied:
        return []
    params.update({f"holder_{n}": holder for n, holder in enumerate(holders)})
    if window is not None:
        params.update(first_day=window[0], last_day=window[1])
    elif not holders:
        return []
    query = _candidate_query(placed, *(role in tied for role in ("location", "source", "target")), len(holders),
                             window is not None)
    return [dict(r._mapping) for r in conn.execute(query, params)]


@cache
def _candidate_query(placed: bool, country: bool, source: bool, target: bool, holders: int, window: bool):
    """The candidate query of one shape, built once with its values as parameters: building and keying a fresh
    statement for each mention cost the writer more than SQLite's running it."""
    e = schema.events
    ties = []
    if placed:
        ties.append(and_(e.c.lat.between(bindparam("lat_min"), bindparam("lat_max")),
                         e.c.lon.between(bindparam("lon_min"), bindparam("lon_max"))))
    if country:
        ties.append(and_(e.c.location_precision == "country", e.c.location_country == bindparam("location_country")))
    if source:
        ties.append(e.c.source_country == bindparam("source_country"))
    if target:
        ties.append(e.c.target_country == bindparam("target_country"))
    # two index lookups, (type, date_start) for a range and (type, date_value) for holders, each its own SELECT
    # of a UNION: written as one SELECT with the two ORed, SQLite planned it well only with the planner's
    # statistics (sqlite_stat1, written by Store.optimize at the end of a run) and otherwise read every event of
    # the type, so a first run into a fresh store slowed down as it filled
    dated = [e.c.date_value.in_([bindparam(f"holder_{n}") for n in range(holders)])] if holders else []
    if window:
        dated.append(e.c.date_start.between(bindparam("first_day"), bindparam("last_day")))
    lookups = [select(*_CANDIDATE_COLUMNS).where(e.c.type == bindparam("event_type"), date_condition, or_(*ties))
               for date_condition in dated]
    # a stable order, so a busy day with more candidates than the limit picks the same ones whatever the
    # order the rows were written in (or the plan the database chose)
    return (union(*lookups) if len(lookups) > 1 else lookups[0]).order_by("id").limit(MAX_CANDIDATES)


def refresh_event(conn: Connection, event_id: str, reason: str = "all supporting articles removed") -> None:
    m, a, e = schema.mentions, schema.articles, schema.events
    rows = conn.execute(select(m, a.c.source_id).join(a, a.c.id == m.c.article_id)
                        .where(m.c.event_id == event_id, m.c.active.is_(True))).all()
    mentions = [dict(r._mapping) for r in rows]
    existing = conn.execute(select(e.c.first_seen).where(e.c.id == event_id)).first()
    if not mentions:
        if existing is not None:
            conn.execute(delete(e).where(e.c.id == event_id))
            conn.execute(delete(schema.deletions).where(schema.deletions.c.event_id == event_id))
            conn.execute(insert(schema.deletions).values(event_id=event_id, deleted_at=now(), reason=reason))
        return
    rep = merge.representative(mentions)
    articles = {mention["article_id"] for mention in mentions}
    sources = {mention["source_id"] or f"article:{mention['article_id']}" for mention in mentions}
    values = {column: rep[column] for column in CODED_COLUMNS}
    values.update(article_id=rep["article_id"], mention_id=rep["id"], n_mentions=len(mentions),
                  n_articles=len(articles), n_sources=len(sources), updated_at=now(),
                  confidence=merge.combined_confidence(mentions, len(sources)))
    if existing is None:
        conn.execute(_FORGET_DELETION, {"event_key": event_id})
        conn.execute(_INSERT_EVENT, dict(values, id=event_id, first_seen=now()))
    else:
        conn.execute(_UPDATE_EVENT, dict(values, event_key=event_id))


def deactivate_article_mentions(conn: Connection, article_id: str) -> set[str]:
    """Retire an article's mentions: earlier pipeline versions stay as inactive history; this
    version's are deleted, since coding the same text again with the same version recreates them."""
    m = schema.mentions
    touched = {r[0] for r in conn.execute(select(m.c.event_id).where(m.c.article_id == article_id,
                                                                       m.c.active.is_(True)))}
    conn.execute(delete(m).where(m.c.article_id == article_id, m.c.pipeline_version == __version__))
    conn.execute(update(m).where(m.c.article_id == article_id).values(active=False))
    return touched


def count_active(conn: Connection) -> int:
    m = schema.mentions
    return conn.execute(select(func.count()).select_from(m).where(m.c.active.is_(True))).scalar()
