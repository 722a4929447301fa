"""Initial schema: runs, raw documents, sources, articles, places, actors, times, events (merged), mentions,
deletions, quarantine.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _span_columns():
    return [sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
            sa.Column("text", sa.Text, nullable=False)]


def _article_fk():
    return sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


def _coded_event_columns():
    columns = [sa.Column("type", sa.String(16), nullable=False), sa.Column("mode", sa.String(32))]
    for role in ("source", "target"):
        columns += [sa.Column(f"{role}_text", sa.Text), sa.Column(f"{role}_start", sa.Integer),
                    sa.Column(f"{role}_end", sa.Integer), sa.Column(f"{role}_country", sa.String(8)),
                    sa.Column(f"{role}_sector", sa.String(8))]
    columns += [
        sa.Column("location_name", sa.Text), sa.Column("lat", sa.Float), sa.Column("lon", sa.Float),
        sa.Column("geonameid", sa.Integer), sa.Column("location_start", sa.Integer),
        sa.Column("location_end", sa.Integer), sa.Column("location_precision", sa.String(8)),
        sa.Column("location_country", sa.String(2)), sa.Column("location_basis", sa.String(16)),
        sa.Column("date_value", sa.String(32)),
        sa.Column("date_text", sa.Text), sa.Column("attribution_text", sa.Text),
        sa.Column("attribution_start", sa.Integer), sa.Column("attribution_end", sa.Integer),
        sa.Column("attribution_name", sa.Text), sa.Column("certainty", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False), sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("pipeline_version", sa.String(32), nullable=False),
    ]
    return columns


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("command", sa.String(64), nullable=False),
        sa.Column("pipeline_version", sa.String(32), nullable=False),
        sa.Column("stats", sa.Text),
    )
    op.create_table(
        "raw_documents",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("raw_sha256", sa.String(64), sa.ForeignKey("raw_documents.sha256")),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id")),
        sa.Column("origin", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("author", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_sha256", sa.String(64)),
        sa.Column("minhash", sa.LargeBinary),
        sa.Column("duplicate_of", sa.String(128)),
        sa.Column("duplicate_kind", sa.String(8)),
        sa.Column("pipeline_version", sa.String(32), nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_articles_text_sha256", "articles", ["text_sha256"])
    op.create_index("ix_articles_raw_sha256", "articles", ["raw_sha256"])
    op.create_table(
        "places",
        sa.Column("id", sa.Integer, primary_key=True),
        _article_fk(),
        *_span_columns(),
        sa.Column("name", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geonameid", sa.Integer),
        sa.Column("country_code", sa.String(2)),
        sa.Column("admin1", sa.Text),
        sa.Column("feature", sa.String(16)),
        sa.Column("precision", sa.String(8)),
        sa.Column("confidence", sa.Float),
        sa.Column("demonym", sa.Boolean, nullable=False),
    )
    op.create_index("ix_places_article", "places", ["article_id"])
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True),
        _article_fk(),
        *_span_columns(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("sector", sa.String(8)),
    )
    op.create_index("ix_actors_article", "actors", ["article_id"])
    op.create_table(
        "times",
        sa.Column("id", sa.Integer, primary_key=True),
        _article_fk(),
        *_span_columns(),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64)),
        sa.Column("mod", sa.String(16)),
    )
    op.create_index("ix_times_article", "times", ["article_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(128), nullable=False),
        sa.Column("mention_id", sa.String(64), nullable=False),
        *_coded_event_columns(),
        sa.Column("n_mentions", sa.Integer, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("first_seen", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_events_date", "events", ["date_value"])
    op.create_index("ix_events_type_date", "events", ["type", "date_value"])
    op.create_index("ix_events_lat_lon", "events", ["lat", "lon"])
    op.create_index("ix_events_source_country", "events", ["source_country"])
    op.create_index("ix_events_target_country", "events", ["target_country"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        _article_fk(),
        *_coded_event_columns(),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_mentions_event", "mentions", ["event_id"])
    op.create_index("ix_mentions_article", "mentions", ["article_id"])
    op.create_table(
        "deletions",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("deleted_at", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_deletions_deleted_at", "deletions", ["deleted_at"])
    op.create_table(
        "quarantine",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),
        sa.Column("created_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for table in ("quarantine", "deletions", "mentions", "events", "times", "actors", "places", "articles",
                  "sources", "raw_documents", "runs"):
        op.drop_table(table)
