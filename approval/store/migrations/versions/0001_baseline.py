"""The review store as the last release without migrations made it: runs, examples, example_payloads,
decisions, bulk_items (both append-only), exports.

Written out in full rather than taken from the models, so that it stays what it is when they change.
Stores made before migrations existed have exactly these tables: they are stamped at this revision
(``approval.store.schema``) and upgraded from here.

Revision ID: 0001
Revises:
Create Date: 2025-12-15
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON_VALUE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
DECISION_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def moment() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    create_runs()
    create_examples(dialect)
    create_payloads()
    create_audit_log(dialect)
    create_exports()
    if dialect == "postgresql":
        # Room beside each example's key for the row version its first decision writes (tables.py).
        op.execute("ALTER INDEX examples_pkey SET (fillfactor = 50)")


def downgrade() -> None:
    raise NotImplementedError("The first revision has no downgrade: it would drop every example and decision.")


def create_runs() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("optimizer", sa.String(32), nullable=False),
        sa.Column("request", JSON_VALUE, nullable=False),
        sa.Column("seed", sa.BigInteger()),
        sa.Column("settings_snapshot", JSON_VALUE, nullable=False),
        sa.Column("summary", JSON_VALUE),
        sa.Column("started_at", moment(), nullable=False),
        sa.Column("finished_at", moment()),
        sa.Column("first_example_id", sa.String(32)),
        sa.Column("last_example_id", sa.String(32)),
    )
    op.create_index("ix_runs_tenant_id", "runs", ["tenant_id"])


def create_examples(dialect: str) -> None:
    op.create_table(
        "examples",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("run_id", sa.String(64), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("optimizer", sa.String(32), nullable=False),
        sa.Column("query_folded", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason_code", sa.String(32)),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.String(32), sa.ForeignKey("examples.id")),
        sa.Column("created_at", moment(), nullable=False),
        sa.Column("updated_at", moment(), nullable=False),
    )
    queue = ["tenant_id", "optimizer", "status", "confidence"]
    if dialect == "postgresql":
        op.create_index("ix_examples_queue", "examples", queue, postgresql_include=["id"])
    else:
        op.create_index("ix_examples_queue", "examples", [*queue, "id"])
        created = ["tenant_id", "optimizer", "status", "id", "confidence", "query_folded"]
        op.create_index("ix_examples_created", "examples", created)
        op.create_index("ix_examples_run", "examples", ["run_id", "tenant_id", "optimizer", "id"])
    has_parent = sa.text("parent_id IS NOT NULL")
    op.create_index(
        "ix_examples_parent", "examples", ["parent_id"], sqlite_where=has_parent, postgresql_where=has_parent
    )


def create_payloads() -> None:
    op.create_table(
        "example_payloads",
        sa.Column("example_id", sa.String(32), sa.ForeignKey("examples.id"), primary_key=True),
        sa.Column("payload", JSON_VALUE, nullable=False),
        sa.Column("confidence_breakdown", JSON_VALUE, nullable=False),
        sa.Column("source_content_ids", JSON_VALUE, nullable=False),
        sa.Column("regeneration_attempt", sa.Integer(), nullable=False),
    )


def create_audit_log(dialect: str) -> None:
    op.create_table(
        "decisions",
        sa.Column("id", DECISION_ID, primary_key=True, autoincrement=True),
        sa.Column("example_id", sa.String(32), sa.ForeignKey("examples.id")),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("reviewer", sa.String(128), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("from_status", sa.String(16)),
        sa.Column("to_status", sa.String(16)),
        sa.Column("reason_code", sa.String(32)),
        sa.Column("feedback", sa.Text()),
        sa.Column("diff", JSON_VALUE),
        sa.Column("from_reason_code", sa.String(32)),
        sa.Column("prior", JSON_VALUE),
        sa.Column("from_version", sa.Integer()),
        sa.Column("to_version", sa.Integer()),
        sa.Column("undoes_id", DECISION_ID),
        sa.Column("scope", JSON_VALUE),
        sa.Column("created_at", moment(), nullable=False),
    )
    op.create_index("ix_decisions_example", "decisions", ["example_id", "id"])
    op.create_index("ix_decisions_reviewer", "decisions", ["tenant_id", "reviewer", "id"])
    op.create_table(
        "bulk_items",
        sa.Column("example_id", sa.String(32), primary_key=True),
        sa.Column("decision_id", DECISION_ID, primary_key=True, autoincrement=False),
        sa.Column("from_status", sa.String(16), nullable=False),
        sa.Column("to_status", sa.String(16), nullable=False),
        sa.Column("from_version", sa.Integer(), nullable=False),
        sa.Column("from_reason_code", sa.String(32)),
        sqlite_with_rowid=False,
    )
    for table in ("decisions", "bulk_items"):
        for statement in append_only(table, dialect):
            op.execute(statement)


def append_only(table: str, dialect: str) -> list[str]:
    """Triggers that refuse UPDATE and DELETE on an audit table."""
    if dialect == "postgresql":
        return [
            "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION '% are append-only', TG_TABLE_NAME; END $$",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
        ]
    return [
        f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END"
        for verb in ("UPDATE", "DELETE")
    ]


def create_exports() -> None:
    op.create_table(
        "exports",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("optimizer", sa.String(32), nullable=False),
        sa.Column("filter", JSON_VALUE, nullable=False),
        sa.Column("counts", JSON_VALUE, nullable=False),
        sa.Column("file_hash", sa.String(128), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("created_at", moment(), nullable=False),
    )
    op.create_index("ix_exports_tenant_id", "exports", ["tenant_id"])
