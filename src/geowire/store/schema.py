"""The relational schema, in SQLAlchemy Core. Alembic migrations create and evolve it;
``tests/test_store.py`` checks that the migrations and this module agree."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("command", String(64), nullable=False),
    Column("pipeline_version", String(32), nullable=False),
    Column("stats", Text),                       # JSON summary of the run
)

raw_documents = Table(
    "raw_documents", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("origin", Text, nullable=False),
    Column("content", LargeBinary, nullable=False),   # the input exactly as received
    Column("received_at", String(32), nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(255), nullable=False, unique=True),   # the outlet: site name or host
)

articles = Table(
    "articles", metadata,
    Column("id", String(128), primary_key=True),
    Column("raw_sha256", String(64), ForeignKey("raw_documents.sha256")),
    Column("source_id", Integer, ForeignKey("sources.id")),
    Column("origin", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("author", Text),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("text_sha256", String(64)),
    Column("minhash", LargeBinary),
    Column("duplicate_of", String(128)),
    Column("duplicate_kind", String(8)),
    Column("pipeline_version", String(32), nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("created_at", String(32), nullable=False),
)
Index("ix_articles_text_sha256", articles.c.text_sha256)
Index("ix_articles_raw_sha256", articles.c.raw_sha256)

def _article_span_columns() -> list[Column]:
    """What every annotation of an article has: its own id, the article, and the span of text."""
    return [Column("id", Integer, primary_key=True),
            Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
            Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
            Column("text", Text, nullable=False)]


places = Table(
    "places", metadata,
    *_article_span_columns(),
    Column("name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("country_code", String(2)),
    Column("admin1", Text),
    Column("feature", String(16)),
    Column("precision", String(8)),
    Column("confidence", Float),
    Column("demonym", Boolean, nullable=False, default=False),
    Column("basis", String(16)),
)
Index("ix_places_article", places.c.article_id)

actors = Table(
    "actors", metadata,
    *_article_span_columns(),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
)
Index("ix_actors_article", actors.c.article_id)

times = Table(
    "times", metadata,
    *_article_span_columns(),
    Column("type", String(16), nullable=False),
    Column("value", String(64)),
    Column("mod", String(16)),
)
Index("ix_times_article", times.c.article_id)

def _coded_event_columns() -> list[Column]:
    """The columns a coded event has, as a mention and (from its representative mention) as a merged event."""
    columns = [Column("type", String(16), nullable=False), Column("mode", String(32))]
    for role in ("source", "target"):
        columns += [Column(f"{role}_text", Text), Column(f"{role}_start", Integer), Column(f"{role}_end", Integer),
                    Column(f"{role}_country", String(8)), Column(f"{role}_sector", String(8))]
    columns += [
        Column("location_name", Text), Column("lat", Float), Column("lon", Float), Column("geonameid", Integer),
        Column("location_start", Integer), Column("location_end", Integer),
        Column("location_precision", String(8)), Column("location_country", String(2)),
        Column("location_basis", String(16)),
        Column("date_value", String(32)), Column("date_text", Text),
        # the first and last day the TIMEX3 value covers: "2019-W39" does not sort or filter as a date
        Column("date_start", String(10)), Column("date_end", String(10)),
        Column("attribution_text", Text), Column("attribution_start", Integer), Column("attribution_end", Integer),
        Column("attribution_name", Text),
        Column("certainty", String(16), nullable=False), Column("confidence", Float, nullable=False),
        Column("evidence_start", Integer, nullable=False), Column("evidence_end", Integer, nullable=False),
        Column("pipeline_version", String(32), nullable=False),
        # revision 0003: who the attribution is, the event's modality, the counts its clause states (JSON list of
        # {kind, value, min, text, start, end}) and every sentence of the article reporting it (JSON list of
        # {start, end, trigger_start, trigger_end}; not the "mentions" table, which holds one row per article)
        Column("attribution_kind", String(16)), Column("modality", String(16)),
        Column("quantities", Text), Column("evidence_mentions", Text),
    ]
    return columns


# A real-world event: one row however many articles report it. Its descriptive columns are copied from its
# representative mention (the most confident), so filters need no join.
events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(128), nullable=False),        # the representative mention's article
    Column("mention_id", String(64), nullable=False),         # the representative mention
    *_coded_event_columns(),
    Column("n_mentions", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("first_seen", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)
Index("ix_events_type_date", events.c.type, events.c.date_value)
Index("ix_events_date_start", events.c.date_start)
Index("ix_events_type_date_start", events.c.type, events.c.date_start)
Index("ix_events_lat_lon", events.c.lat, events.c.lon)
Index("ix_events_source_country", events.c.source_country)
Index("ix_events_target_country", events.c.target_country)

# One article's report of an event, with its own evidence. Mentions are never deleted by reprocessing:
# a newer pipeline version marks the old ones inactive, so history stays queryable.
mentions = Table(
    "mentions", metadata,
    Column("id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    *_coded_event_columns(),
    Column("active", Boolean, nullable=False),
    Column("created_at", String(32), nullable=False),
)
Index("ix_mentions_event", mentions.c.event_id)
Index("ix_mentions_article", mentions.c.article_id)

# Events that lost all their supporting articles, so clients that mirror the store can drop them too.
deletions = Table(
    "deletions", metadata,
    Column("event_id", String(64), primary_key=True),
    Column("deleted_at", String(32), nullable=False),
    Column("reason", Text, nullable=False),
)
Index("ix_deletions_deleted_at", deletions.c.deleted_at)

quarantine = Table(
    "quarantine", metadata,
    Column("id", String(64), primary_key=True),      # stable: same bad input, same row
    Column("origin", Text, nullable=False),
    Column("stage", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("content", LargeBinary),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("created_at", String(32), nullable=False),
)

# --- live sources and alerts (revision 0004) ---------------------------------------------------------------------

# A watched source (feed, OPML, page, archive): validators for a conditional GET, when to poll next, what went wrong.
watch_sources = Table(
    "watch_sources", metadata,
    Column("id", String(64), primary_key=True),          # sha256 of the URL (a URL may be longer than an index allows)
    Column("url", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("polled_at", String(32)),
    Column("next_poll_at", String(32)),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
)

# Items of a source already handled (stored, quarantined or refused for good): never fetched again.
watch_items = Table(
    "watch_items", metadata,
    Column("source_id", String(64), ForeignKey("watch_sources.id", ondelete="CASCADE"), primary_key=True),
    Column("item_key", String(64), primary_key=True),    # sha256 of the item's id or link
    Column("seen_at", String(32), nullable=False),
)

# What to watch for (area, types, actors, thresholds: JSON) and where to send alerts.
watchlists = Table(
    "watchlists", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("spec", Text, nullable=False),
    Column("target", Text, nullable=False),
    Column("on_update", Boolean, nullable=False, default=False),
    Column("created_at", String(32), nullable=False),
    Column("checked_until", String(32), nullable=False),  # events updated after this are still to be matched
)

# One alert per watchlist, event and source count: the key that keeps an alert from being sent twice.
alerts = Table(
    "alerts", metadata,
    Column("watchlist_id", Integer, ForeignKey("watchlists.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("n_sources", Integer, primary_key=True),
    Column("kind", String(8), nullable=False),            # "new" or "update"
    Column("payload", Text, nullable=False),
    Column("status", String(8), nullable=False),          # "pending", "sent" or "failed"
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("created_at", String(32), nullable=False),
    Column("sent_at", String(32)),
)
Index("ix_alerts_status", alerts.c.status)
Index("ix_events_updated_at", events.c.updated_at)
