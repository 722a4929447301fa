"""Live sources and alerts: watched sources with their conditional-GET validators, the items already handled,
watchlists and the alerts sent for them (one per watchlist, event and source count). An index on
``events.updated_at`` lets the watcher find what changed since its last look.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("polled_at", sa.String(32)),
        sa.Column("next_poll_at", sa.String(32)),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "watch_items",
        sa.Column("source_id", sa.String(64), sa.ForeignKey("watch_sources.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("item_key", sa.String(64), primary_key=True),
        sa.Column("seen_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "watchlists",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(128), nullable=False, unique=True),
        sa.Column("spec", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("on_update", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("checked_until", sa.String(32), nullable=False),
    )
    op.create_table(
        "alerts",
        sa.Column("watchlist_id", sa.Integer, sa.ForeignKey("watchlists.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("n_sources", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("sent_at", sa.String(32)),
    )
    op.create_index("ix_alerts_status", "alerts", ["status"])
    op.create_index("ix_events_updated_at", "events", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_events_updated_at", table_name="events")
    op.drop_index("ix_alerts_status", table_name="alerts")
    for table in ("alerts", "watchlists", "watch_items", "watch_sources"):
        op.drop_table(table)
