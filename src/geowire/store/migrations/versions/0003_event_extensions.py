"""The extended event contract: attribution kind, modality, stated quantities and the in-article mention
sentences, on mentions and on events (copied there from the representative mention, like the other columns).

``quantities`` and ``evidence_mentions`` are JSON text (NULL for none). Existing rows with an attribution get
the kind ``unknown``, which is what the coder says when it cannot tell; everything else stays NULL.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TABLES = ("events", "mentions")
_COLUMNS = (("attribution_kind", sa.String(16)), ("modality", sa.String(16)), ("quantities", sa.Text),
            ("evidence_mentions", sa.Text))


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            for name, kind in _COLUMNS:
                batch.add_column(sa.Column(name, kind))
    connection = op.get_bind()
    for table in _TABLES:
        rows = sa.table(table, sa.column("attribution_text"), sa.column("attribution_kind"))
        connection.execute(sa.update(rows).where(rows.c.attribution_text.is_not(None))
                           .values(attribution_kind="unknown"))


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            for name, _kind in reversed(_COLUMNS):
                batch.drop_column(name)
