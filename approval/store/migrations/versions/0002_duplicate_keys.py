"""Near-duplicate keys: the table ``duplicate_keys`` (approval.dedup, approval.store.duplicates), and
every stored example's query filed in it, so that scoring a batch reads the stored queries filed under
the batch's keys instead of every stored query.

Filing uses today's ``approval.dedup.duplicate_keys``; a release that changes the keys changes them in
a revision of its own that files every query again.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from approval.store.duplicates import file_queries

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 5000

EXAMPLES = sa.table(
    "examples",
    sa.column("id", sa.String),
    sa.column("tenant_id", sa.String),
    sa.column("optimizer", sa.String),
    sa.column("query_folded", sa.Text),
)


def upgrade() -> None:
    op.create_table(
        "duplicate_keys",
        sa.Column("key", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("example_id", sa.String(32), primary_key=True),
        sqlite_with_rowid=False,
    )
    connection = op.get_bind()
    last = ""
    while True:
        # By primary key in batches: the store may hold millions of examples.
        rows = list(
            connection.execute(
                sa.select(EXAMPLES).where(EXAMPLES.c.id > last).order_by(EXAMPLES.c.id).limit(BATCH)
            ).mappings()
        )
        if not rows:
            return
        file_queries(connection, rows)
        last = rows[-1]["id"]


def downgrade() -> None:
    op.drop_table("duplicate_keys")
