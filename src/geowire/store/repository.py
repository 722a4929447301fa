"""Persist documents, events and rejections; read them back as plain dicts.

Each document is written in one transaction, so a run killed mid-way leaves every
document either fully stored or not at all, and the next run picks up the rest.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import Connection, Engine, Table, and_, delete, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from geowire import __version__
from geowire.geodesy import haversine_km
from geowire.model import Document
from geowire.store import eventlog, schema
from geowire.store.database import create_store_engine, migrate


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _insert_new(conn: Connection, table: Table, key: str, **values: Any) -> None:
    """INSERT ... ON CONFLICT (key) DO NOTHING: a row another writer (or an earlier run) stored first is kept,
    with no window between a look and a write for two writers to both insert."""
    dialect = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}.get(conn.dialect.name)
    if dialect is None:
        if conn.execute(select(table.c[key]).where(table.c[key] == values[key])).first() is None:
            conn.execute(insert(table).values(**values))
        return
    conn.execute(dialect(table).values(**values).on_conflict_do_nothing(index_elements=[table.c[key]]))


WRITE_LOCK_KEY = 0x67656F77697266     # the advisory lock PostgreSQL writers take in turn for one article


class AlreadyStored(Exception):
    """Another writer stored this article (or this exact input) first."""


class CopyOfStored(Exception):
    """Another writer stored a canonical article with the same text first: this one is its exact duplicate."""

    def __init__(self, canonical_id: str):
        super().__init__(canonical_id)
        self.canonical_id = canonical_id


@dataclass
class EventFilter:
    since: str | None = None
    until: str | None = None
    type: str | None = None
    country: str | None = None
    actor: str | None = None
    certainty: str | None = None
    min_confidence: float | None = None
    bbox: tuple[float, float, float, float] | None = None   # west, south, east, north
    text: str | None = None
    article_id: str | None = None
    mode: str | None = None
    precision: str | None = None
    min_sources: int | None = None
    attribution_kind: str | None = None     # one of model.ATTRIBUTION_KINDS
    modality: str | None = None             # one of model.MODALITIES, or "none" for a current, actual event
    sort: str = "-date"                 # "-date" (newest first) or "date"
    after: tuple[str, str] | None = None    # keyset cursor: (date_start, id) of the last row seen
    near: tuple[float, float, float] | None = None   # lat, lon, radius in km
    limit: int = 1000


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        engine = create_store_engine(url)
        migrate(engine)
        return cls(engine)

    def optimize(self) -> None:
        """Refresh the planner's statistics so filtered pages pick the right index.

        A full ANALYZE (under a second per million events): sampled statistics made SQLite
        believe a country matches a few rows and sort a tenth of the table.
        """
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "sqlite":
                conn.exec_driver_sql("ANALYZE")
            elif self.engine.dialect.name == "postgresql":
                conn.exec_driver_sql("ANALYZE events, mentions, articles")

    # --- runs -------------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(insert(schema.runs).values(
                started_at=_now(), command=command, pipeline_version=__version__))
            return int(result.inserted_primary_key[0])

    def finish_run(self, run_id: int, stats: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(schema.runs).where(schema.runs.c.id == run_id)
                         .values(finished_at=_now(), stats=json.dumps(stats)))

    # --- writing ----------------------------------------------------------------------

    def seen(self, doc: Document) -> bool:
        """True when this exact input, or an article with this id, is already stored."""
        with self.engine.connect() as conn:
            clauses = [schema.articles.c.id == doc.id]
            if doc.raw_sha256:
                clauses.append(schema.articles.c.raw_sha256 == doc.raw_sha256)
            return conn.execute(select(schema.articles.c.id).where(or_(*clauses)).limit(1)).first() is not None

    def dedup_signature(self, doc_id: str,
                        raw_sha256: str | None = None) -> tuple[str, str | None, bytes | None] | None:
        """(id, text hash, MinHash signature) of the canonical article stored with this id (or from this exact
        input), None when there is none or it is a duplicate."""
        a = schema.articles
        clauses = [a.c.id == doc_id]
        if raw_sha256:
            clauses.append(a.c.raw_sha256 == raw_sha256)
        with self.engine.connect() as conn:
            row = conn.execute(select(a.c.id, a.c.text_sha256, a.c.minhash).where(or_(*clauses),
                                                                                  a.c.duplicate_of.is_(None))
                               .limit(1)).first()
        return tuple(row) if row is not None else None

    def dedup_signatures(self) -> list[tuple[str, str | None, bytes | None]]:
        """(id, text hash, MinHash signature) of every canonical article, to seed dedup."""
        a = schema.articles
        with self.engine.connect() as conn:
            rows = conn.execute(select(a.c.id, a.c.text_sha256, a.c.minhash).where(a.c.duplicate_of.is_(None)))
            return [tuple(row) for row in rows]

    def save_document(self, doc: Document, run_id: int | None = None, minhash: bytes | None = None,
                      unique_text: bool = False) -> None:
        """Store an article and its analysis in one transaction, merging its events.

        Raises :class:`AlreadyStored` when another writer stored this input first, and, with ``unique_text``,
        :class:`CopyOfStored` when another writer stored a canonical article with the same text since this
        writer's dedup looked; nothing is written then. On PostgreSQL concurrent writers take turns (an advisory
        lock held until commit), so the check, the insert and the merge see every earlier writer's events."""
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            elif conn.dialect.name == "sqlite":
                # SQLite's write lock, taken by a first write that changes nothing: the checks below then read
                # what every other writer committed, and no other writer can store in between
                conn.exec_driver_sql("UPDATE runs SET id = id WHERE 0")
            a = schema.articles
            clauses = [a.c.id == doc.id]
            if doc.raw is not None and doc.raw_sha256:
                clauses.append(a.c.raw_sha256 == doc.raw_sha256)
            if conn.execute(select(a.c.id).where(or_(*clauses)).limit(1)).first() is not None:
                raise AlreadyStored(doc.id)
            if unique_text and doc.duplicate_of is None and doc.text_sha256 and doc.text:
                copy_of = conn.execute(select(a.c.id).where(a.c.text_sha256 == doc.text_sha256,
                                                            a.c.duplicate_of.is_(None)).order_by(a.c.created_at, a.c.id)
                                       .limit(1)).scalar()
                if copy_of is not None:
                    raise CopyOfStored(copy_of)
            if doc.raw is not None and doc.raw_sha256:
                self._save_raw(conn, doc.raw_sha256, doc.origin or "", doc.raw, run_id)
            source_id = self._source_id(conn, doc)
            conn.execute(insert(schema.articles).values(
                id=doc.id, raw_sha256=doc.raw_sha256 if doc.raw is not None else None, source_id=source_id,
                origin=doc.origin, url=doc.url, title=doc.title, published=doc.published, author=doc.author,
                language=doc.language, text=doc.text, text_sha256=doc.text_sha256, minhash=minhash,
                duplicate_of=doc.duplicate_of, duplicate_kind=doc.duplicate_kind,
                pipeline_version=__version__, run_id=run_id, created_at=_now()))
            self._save_analysis(conn, doc)

    def save_rejection(self, origin: str, stage: str, reason: str, content: bytes | None,
                       run_id: int | None = None) -> str:
        key = hashlib.sha256(origin.encode() + b"\0" + (content or b"")).hexdigest()[:32]
        with self.engine.begin() as conn:
            _insert_new(conn, schema.quarantine, "id", id=key, origin=origin, stage=stage, reason=reason,
                        content=content, run_id=run_id, created_at=_now())
        return key

    def _save_raw(self, conn: Connection, sha: str, origin: str, raw: bytes, run_id: int | None) -> None:
        _insert_new(conn, schema.raw_documents, "sha256", sha256=sha, origin=origin, content=raw, received_at=_now(),
                    run_id=run_id)

    def _source_id(self, conn: Connection, doc: Document) -> int | None:
        name = doc.site or (urlparse(doc.url).hostname if doc.url else None)
        if not name:
            return None
        s = schema.sources
        _insert_new(conn, s, "name", name=name)
        return int(conn.execute(select(s.c.id).where(s.c.name == name)).scalar_one())

    def _save_analysis(self, conn: Connection, doc: Document) -> set[str]:
        rows = [dict(article_id=doc.id, **_place_row(p)) for p in doc.places]
        if rows:
            conn.execute(insert(schema.places), rows)
        rows = [dict(article_id=doc.id, start=a.start, end=a.end, text=a.text, name=a.name, country=a.country,
                     sector=a.sector) for a in doc.actors]
        if rows:
            conn.execute(insert(schema.actors), rows)
        rows = [dict(article_id=doc.id, start=t.start, end=t.end, text=t.text, type=t.type, value=t.value,
                     mod=t.mod) for t in doc.times]
        if rows:
            conn.execute(insert(schema.times), rows)
        return eventlog.add_mentions(conn, doc)

    def replace_analysis(self, doc: Document) -> None:
        """Store a newer pipeline's analysis of a stored article; its old mentions stay, inactive."""
        a = schema.articles
        with self.engine.begin() as conn:
            touched = eventlog.deactivate_article_mentions(conn, doc.id)
            # settle the retired mentions first, so an event this article alone supported frees its id
            # for the recoded mention (one transaction: no reader sees the interim deletion)
            for event_id in sorted(touched):
                eventlog.refresh_event(conn, event_id, reason="no longer coded by the current pipeline")
            for table in (schema.places, schema.actors, schema.times):
                conn.execute(delete(table).where(table.c.article_id == doc.id))
            conn.execute(update(a).where(a.c.id == doc.id).values(
                pipeline_version=__version__, language=doc.language, duplicate_of=doc.duplicate_of,
                duplicate_kind=doc.duplicate_kind))
            touched |= self._save_analysis(conn, doc)
            for event_id in sorted(touched):
                eventlog.refresh_event(conn, event_id, reason="no longer coded by the current pipeline")

    def remove_article(self, article_id: str) -> list[str]:
        """Delete an article; events it alone supported are deleted and recorded. Returns those event ids."""
        with self.engine.begin() as conn:
            touched = eventlog.deactivate_article_mentions(conn, article_id)
            m = schema.mentions
            touched |= {r[0] for r in conn.execute(select(m.c.event_id).where(m.c.article_id == article_id))}
            for table in (schema.mentions, schema.places, schema.actors, schema.times):
                conn.execute(delete(table).where(table.c.article_id == article_id))
            found = conn.execute(delete(schema.articles).where(schema.articles.c.id == article_id)).rowcount
            if not found:
                raise KeyError(article_id)
            for event_id in sorted(touched):
                eventlog.refresh_event(conn, event_id)
            d = schema.deletions
            return [r[0] for r in conn.execute(select(d.c.event_id).where(d.c.event_id.in_(touched)))]

    def articles_for_reprocessing(self, all_versions: bool = False) -> list[dict[str, Any]]:
        a = schema.articles
        query = select(a.c.id, a.c.text, a.c.title, a.c.published, a.c.url, a.c.origin, a.c.language,
                       a.c.duplicate_of, a.c.duplicate_kind, a.c.pipeline_version).order_by(a.c.created_at, a.c.id)
        if not all_versions:
            query = query.where(a.c.pipeline_version != __version__)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    # --- reading ----------------------------------------------------------------------

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        return self.events_page(flt or EventFilter())[0]

    def events_page(self, flt: EventFilter) -> tuple[list[dict[str, Any]], tuple[str, str] | None]:
        """One page of events and the keyset cursor after it (None on the last page).

        With ``near``, pages of the bounding box are read until ``limit`` events lie within the
        radius, so a page is full whenever more events remain.
        """
        if not flt.near:
            found = self._select_events(flt)
            return found, (_sort_key(found[-1]) if found and len(found) == flt.limit else None)
        found: list[dict[str, Any]] = []
        after = flt.after
        while True:
            batch = self._select_events(replace(flt, after=after))
            for event in batch:
                after = _sort_key(event)
                if _within([event], flt.near):
                    found.append(event)
                    if len(found) == flt.limit:
                        return found, after
            if len(batch) < flt.limit:
                return found, None

    def _select_events(self, flt: EventFilter) -> list[dict[str, Any]]:
        e, a = schema.events, schema.articles
        order = ([e.c.date_start.asc(), e.c.id.asc()] if flt.sort == "date"
                 else [e.c.date_start.desc(), e.c.id.desc()])
        conditions = _event_conditions(flt)
        if flt.near:
            conditions.append(_bbox_condition(bbox_around(*flt.near)))
        query = (select(e, a.c.title, a.c.url, a.c.published).outerjoin(a, a.c.id == e.c.article_id)
                 .where(*conditions).order_by(*order).limit(flt.limit))
        with self.engine.connect() as conn:
            return [event_dict(row._mapping) for row in conn.execute(query)]

    def event(self, event_id: str) -> dict[str, Any] | None:
        e, a = schema.events, schema.articles
        query = (select(e, a.c.title, a.c.url, a.c.published).outerjoin(a, a.c.id == e.c.article_id)
                 .where(or_(e.c.id == event_id, e.c.id.like(f"{_like_escape(event_id)}%", escape="\\"))).limit(2))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            if len(rows) != 1:
                return None
            found = event_dict(rows[0]._mapping)
        found = self.with_mentions([found])[0]
        with self.engine.connect() as conn:
            _cut_evidence_mentions(conn, [found, *found["mentions"]])
        return found

    def with_mentions(self, events: list[dict[str, Any]], chunk: int = 500) -> list[dict[str, Any]]:
        """The events with their mentions (evidence text, outlet, active flag) and sources, in a
        few queries however many events there are."""
        by_event: dict[str, list[dict[str, Any]]] = {e["id"]: [] for e in events}
        ids = list(by_event)
        with self.engine.connect() as conn:
            for start in range(0, len(ids), chunk):
                for mention in self._mentions(conn, ids[start:start + chunk]):
                    by_event[mention["event_id"]].append(mention)
        for event in events:
            event["mentions"] = by_event[event["id"]]
            event["sources"] = sorted({m["source"] for m in event["mentions"] if m["source"]})
        return events

    def _mentions(self, conn: Connection, event_ids: list[str]) -> list[dict[str, Any]]:
        m, a, s = schema.mentions, schema.articles, schema.sources
        # the evidence is cut in SQL: reading whole articles to slice a sentence each would be wasteful
        evidence = func.substr(a.c.text, m.c.evidence_start + 1, m.c.evidence_end - m.c.evidence_start)
        rows = conn.execute(select(m, a.c.title, a.c.url, a.c.published, evidence.label("evidence_text"),
                                   s.c.name.label("source"))
                            .join(a, a.c.id == m.c.article_id).outerjoin(s, s.c.id == a.c.source_id)
                            .where(m.c.event_id.in_(event_ids))
                            .order_by(m.c.active.desc(), m.c.created_at, m.c.id))
        out = []
        for row in rows:
            data = event_dict(row._mapping)
            data.update(event_id=row.event_id, active=row.active, source=row.source, evidence_text=row.evidence_text)
            out.append(data)
        return out

    def deletions(self, since: str | None = None, limit: int = 10000) -> list[dict[str, Any]]:
        d = schema.deletions
        query = select(d).order_by(d.c.deleted_at, d.c.event_id).limit(limit)
        if since:
            query = query.where(d.c.deleted_at >= since)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def article(self, article_id: str) -> dict[str, Any] | None:
        a = schema.articles
        with self.engine.connect() as conn:
            row = conn.execute(select(a).where(a.c.id == article_id)).first()
            if row is None:
                return None
            data = {k: v for k, v in row._mapping.items() if k != "minhash"}
            for table, key in ((schema.places, "places"), (schema.actors, "actors"), (schema.times, "times")):
                found = conn.execute(select(table).where(table.c.article_id == article_id).order_by(table.c.start))
                data[key] = [{k: v for k, v in r._mapping.items() if k not in ("id", "article_id")} for r in found]
            m = schema.mentions
            data["events"] = [r[0] for r in conn.execute(
                select(m.c.event_id).where(m.c.article_id == article_id, m.c.active.is_(True)).order_by(m.c.id))]
        return data

    def places(self, limit: int = 1000) -> list[dict[str, Any]]:
        p = schema.places
        query = (select(p.c.name, p.c.geonameid, p.c.country_code, p.c.precision, p.c.lat, p.c.lon,
                        func.count().label("mentions"))
                 .where(p.c.name.is_not(None))
                 .group_by(p.c.name, p.c.geonameid, p.c.country_code, p.c.precision, p.c.lat, p.c.lon)
                 .order_by(func.count().desc(), p.c.name).limit(limit))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def actors(self, limit: int = 1000) -> list[dict[str, Any]]:
        t = schema.actors
        query = (select(t.c.name, t.c.country, t.c.sector, func.count().label("mentions"))
                 .group_by(t.c.name, t.c.country, t.c.sector).order_by(func.count().desc(), t.c.name).limit(limit))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def quarantined(self, limit: int = 1000) -> list[dict[str, Any]]:
        q = schema.quarantine
        with self.engine.connect() as conn:
            rows = conn.execute(select(q.c.id, q.c.origin, q.c.stage, q.c.reason, q.c.created_at)
                                .order_by(q.c.created_at, q.c.origin).limit(limit))
            return [dict(r._mapping) for r in rows]

    def stats(self) -> dict[str, Any]:
        a, e = schema.articles, schema.events
        with self.engine.connect() as conn:
            def count(table, *where):
                return conn.execute(select(func.count()).select_from(table).where(*where)).scalar()

            def grouped(column):
                return {k or "unknown": v for k, v in conn.execute(select(column, func.count()).group_by(column))}

            return {
                "articles": count(a),
                "exact_duplicates": count(a, a.c.duplicate_kind == "exact"),
                "near_duplicates": count(a, a.c.duplicate_kind == "near"),
                "events": count(e),
                "mentions": eventlog.count_active(conn),
                "places": count(schema.places),
                "quarantined": count(schema.quarantine),
                "deleted_events": count(schema.deletions),
                "events_by_type": grouped(e.c.type),
                "events_by_day": grouped(e.c.date_start),
                "events_by_country": grouped(e.c.location_country),
                "articles_by_language": grouped(a.c.language),
            }


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _event_conditions(flt: EventFilter) -> list[Any]:
    e = schema.events
    conditions: list[Any] = []
    # an event matches when the whole stretch its date names lies inside the window: "2019-W39" is since
    # 2019-09-23 but not since 2019-09-25; unknown dates are "" and match neither bound
    if flt.since:
        conditions.append(e.c.date_start >= flt.since)
    if flt.until:     # a date ends no earlier than it starts: the bound on date_start keeps the index range closed
        conditions.append(and_(e.c.date_start <= flt.until + "\uffff", e.c.date_end != "",
                               e.c.date_end <= flt.until + "\uffff"))
    if flt.type:
        conditions.append(e.c.type == flt.type.upper())
    if flt.mode:
        conditions.append(e.c.mode == flt.mode)
    if flt.country:
        code = flt.country.upper()
        column = e.c.location_country if len(code) == 2 else None
        clauses = [e.c.source_country == code, e.c.target_country == code]
        conditions.append(or_(*clauses, column == code) if column is not None else or_(*clauses))
    if flt.actor:
        like = f"%{_like_escape(flt.actor)}%"
        conditions.append(or_(e.c.source_text.ilike(like, escape="\\"), e.c.target_text.ilike(like, escape="\\")))
    if flt.certainty:
        conditions.append(e.c.certainty == flt.certainty)
    if flt.precision:
        conditions.append(e.c.location_precision == flt.precision)
    if flt.min_confidence is not None:
        conditions.append(e.c.confidence >= flt.min_confidence)
    if flt.min_sources is not None:
        conditions.append(e.c.n_sources >= flt.min_sources)
    if flt.attribution_kind:
        conditions.append(e.c.attribution_kind == flt.attribution_kind)
    if flt.modality == "none":
        conditions.append(e.c.modality.is_(None))
    elif flt.modality:
        conditions.append(e.c.modality == flt.modality)
    if flt.bbox:
        conditions.append(_bbox_condition(flt.bbox))
    if flt.article_id:
        conditions.append(e.c.article_id == flt.article_id)
    if flt.text:
        like = f"%{_like_escape(flt.text)}%"
        conditions.append(or_(*(column.ilike(like, escape="\\") for column in (
            e.c.source_text, e.c.target_text, e.c.location_name, e.c.attribution_name))))
    if flt.after:
        date_start, event_id = flt.after
        key = e.c.date_start
        if flt.sort == "date":
            conditions.append(or_(key > date_start, and_(key == date_start, e.c.id > event_id)))
        else:
            conditions.append(or_(key < date_start, and_(key == date_start, e.c.id < event_id)))
    return conditions


def _sort_key(event: dict[str, Any]) -> tuple[str, str]:
    return (event.get("date") or {}).get("start") or "", event["id"]


def _bbox_condition(bbox: tuple[float, float, float, float]) -> Any:
    e = schema.events
    west, south, east, north = bbox
    return and_(e.c.lat >= south, e.c.lat <= north, e.c.lon >= west, e.c.lon <= east)


def bbox_around(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    dlat = km / 111.0
    dlon = min(180.0, km / max(1e-6, 111.0 * math.cos(math.radians(lat))))
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat


def _within(found: list[dict[str, Any]], near: tuple[float, float, float]) -> list[dict[str, Any]]:
    lat, lon, radius = near
    return [e for e in found if e["location"] and e["location"]["lat"] is not None
            and haversine_km(lat, lon, e["location"]["lat"], e["location"]["lon"]) <= radius]


def _place_row(place) -> dict[str, Any]:
    return dict(start=place.start, end=place.end, text=place.text, name=place.name, lat=place.lat, lon=place.lon,
                geonameid=place.geonameid, country_code=place.country_code, admin1=place.admin1,
                feature=place.feature, precision=place.precision, confidence=place.confidence,
                demonym=bool(place.demonym), basis=place.basis)


def event_dict(row: Any) -> dict[str, Any]:
    """A stored event or mention in the contract's event shape, plus its article and, for events, its counts."""
    def arg(role: str) -> dict[str, Any] | None:
        if row[f"{role}_text"] is None:
            return None
        return {k: row[f"{role}_{k}"] for k in ("text", "start", "end", "country", "sector")}

    location = None
    if row["location_name"] is not None or row["lat"] is not None:
        location = {"name": row["location_name"], "lat": row["lat"], "lon": row["lon"], "geonameid": row["geonameid"],
                    "start": row["location_start"], "end": row["location_end"],
                    "basis": row["location_basis"] or "sentence", "precision": row["location_precision"],
                    "country_code": row["location_country"]}
    attribution = None
    if row["attribution_text"] is not None:
        attribution = {"text": row["attribution_text"], "start": row["attribution_start"],
                       "end": row["attribution_end"], "name": row["attribution_name"],
                       "kind": row["attribution_kind"] or "unknown"}
    return {
        "id": row["id"], "type": row["type"], "mode": row["mode"], "source": arg("source"), "target": arg("target"),
        "location": location,
        "date": {"value": row["date_value"], "text": row["date_text"], "start": row["date_start"] or None,
                 "end": row["date_end"] or None} if row["date_value"] else None,
        "attribution": attribution, "certainty": row["certainty"], "confidence": row["confidence"],
        "evidence": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "modality": row["modality"], "quantities": _json_list(row["quantities"]),
        # the contract's events[].mentions: the sentences of this article that report the event. Named apart
        # from "mentions", which (in the detail) lists every article's report of it
        "evidence_mentions": _json_list(row["evidence_mentions"]),
        "article": {"id": row["article_id"], "title": row.get("title"), "url": row.get("url"),
                    "published": row.get("published")},
        "pipeline_version": row["pipeline_version"],
        "precision": row["location_precision"],
        "location_country": row["location_country"],
        **{key: row[key] for key in ("n_mentions", "n_articles", "n_sources", "first_seen", "updated_at")
           if key in row},
    }


def _json_list(value: str | None) -> list[dict[str, Any]]:
    return json.loads(value) if value else []


def _cut_evidence_mentions(conn: Connection, items: list[dict[str, Any]]) -> None:
    """Give each in-article mention of these events (or article reports) its sentence and trigger text, cut
    from the article as the evidence is. Only for a detail: a list would read whole articles for a few words."""
    ids = {item["article"]["id"] for item in items if item.get("evidence_mentions")}
    if not ids:
        return
    a = schema.articles
    texts = dict(conn.execute(select(a.c.id, a.c.text).where(a.c.id.in_(sorted(ids)))).all())
    for item in items:
        body = texts.get(item["article"]["id"]) or ""
        for mention in item.get("evidence_mentions") or []:
            mention["text"] = body[mention["start"]:mention["end"]]
            start, end = mention.get("trigger_start"), mention.get("trigger_end")
            mention["trigger_text"] = body[start:end] if start is not None and end is not None else None
