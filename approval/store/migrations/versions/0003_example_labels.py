"""The label index: ``example_labels`` (example_id, field, value), filled from the stored payloads, so
that the queue's label filter reads an index instead of each candidate's JSON (see label_index.py).

Filling it takes about 7 s per million stored examples on SQLite and 20 s on PostgreSQL.
Self-contained, as a revision must stay: the label fields are written out here as they were when it
was made, not taken from label_index.py, which moves on (a later label field gets its own revision).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LABEL_FIELDS = ("modality", "correct_agent", "primary_modality", "secondary_modality", "chosen_agent", "query_type")
MAX_VALUE_LENGTH = 128

# One pass over the payloads: each label field that holds a string no longer than a filter's value.
BACKFILL = {
    "sqlite": "INSERT INTO example_labels (example_id, field, value) "
    "SELECT p.example_id, j.key, j.value FROM example_payloads p, json_each(p.payload) j "
    "WHERE j.key IN ({fields}) AND j.type = 'text' AND length(j.value) <= {longest}",
    "postgresql": "INSERT INTO example_labels (example_id, field, value) "
    "SELECT p.example_id, j.key, j.value #>> '{{}}' FROM example_payloads p, jsonb_each(p.payload) j "
    "WHERE j.key IN ({fields}) AND jsonb_typeof(j.value) = 'string' AND length(j.value #>> '{{}}') <= {longest}",
}


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    op.create_table(
        "example_labels",
        sa.Column("example_id", sa.String(32), sa.ForeignKey("examples.id"), primary_key=True),
        sa.Column("field", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
        sqlite_with_rowid=False,
    )
    fields = ", ".join(f"'{field}'" for field in LABEL_FIELDS)  # constants above, plain names
    op.execute(BACKFILL[dialect].format(fields=fields, longest=MAX_VALUE_LENGTH))
    # After the backfill: one sorted build instead of an insert per row.
    op.create_index("ix_example_labels_value", "example_labels", ["field", "value", "example_id"])
    if dialect == "postgresql":
        # Statistics now, not when autovacuum gets to it: until then the planner guesses the label filter.
        op.execute("ANALYZE example_labels")


def downgrade() -> None:
    op.drop_index("ix_example_labels_value", "example_labels")
    op.drop_table("example_labels")
