"""How each stored place was found (``places.basis``: name, demonym, approximate, or the enclosing place of a name
the gazetteer lacks — container, dateline, document_focus, sentence), as the output contract's ``places[].basis``
says. Rows stored before it keep NULL: how they were found was not recorded.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("places") as batch:
        batch.add_column(sa.Column("basis", sa.String(16)))


def downgrade() -> None:
    with op.batch_alter_table("places") as batch:
        batch.drop_column("basis")
