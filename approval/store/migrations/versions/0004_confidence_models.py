"""The learned confidence (approval.learning): the tables ``confidence_models`` (one trained model per
tenant) and ``approval_chances`` (the model's chance that a person approves an example, for the queue's
'likely_wrong' order). Examples stored before have none: that order falls back on their confidence, so
nothing is backfilled.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

JSON_VALUE = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "confidence_models",
        sa.Column("tenant_id", sa.String(64), primary_key=True),
        sa.Column("decisions", sa.Integer(), nullable=False),
        sa.Column("model", sa.Text(), nullable=False),
        sa.Column("features", JSON_VALUE, nullable=False),
        sa.Column("evaluation", JSON_VALUE, nullable=False),
        sa.Column("trained_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "approval_chances",
        sa.Column("example_id", sa.String(32), primary_key=True),
        sa.Column("chance", sa.Float(), nullable=False),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("approval_chances")
    op.drop_table("confidence_models")
