"""Event dates get the first and last day their TIMEX3 value covers (date_start, date_end), so that
"2019-W39" or "2021-Q4" filter and sort as stretches of the calendar; existing rows are filled in.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from geowire.dates import day_span

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TABLES = ("events", "mentions")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("date_start", sa.String(10)))
            batch.add_column(sa.Column("date_end", sa.String(10)))
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_index("ix_events_type_date_start", "events", ["type", "date_start"])
    op.drop_index("ix_events_date", "events")     # filters and sorting now go by date_start
    connection = op.get_bind()
    for table in _TABLES:
        _fill(connection, sa.table(table, sa.column("id"), sa.column("date_value"), sa.column("date_start"),
                                   sa.column("date_end")))


def _fill(connection, table, batch: int = 10_000) -> None:
    """One pass by primary key, so a store of millions of rows needs no index on date_value."""
    connection.execute(sa.update(table).values(date_start="", date_end=""))
    update = (sa.update(table).where(table.c.id == sa.bindparam("row_id"))
              .values(date_start=sa.bindparam("start"), date_end=sa.bindparam("end")))
    rows = connection.execute(sa.select(table.c.id, table.c.date_value).where(table.c.date_value != "")).all()
    spans = [{"row_id": row_id, "start": span[0], "end": span[1]}
             for row_id, value in rows if (span := day_span(value)) is not None]
    for at in range(0, len(spans), batch):
        connection.execute(update, spans[at:at + batch])


def downgrade() -> None:
    op.create_index("ix_events_date", "events", ["date_value"])
    op.drop_index("ix_events_type_date_start", "events")
    op.drop_index("ix_events_date_start", "events")
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("date_end")
            batch.drop_column("date_start")
