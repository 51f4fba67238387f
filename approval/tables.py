"""Storage tables of the review store (SQLAlchemy 2.0). Never returned to callers: see models.py.

The ``decisions`` table is an append-only audit log; triggers in the database refuse UPDATE and
DELETE on it, so not even a bug in this package can rewrite history.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    event,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JSONValue = JSON().with_variant(JSONB(), "postgresql")
# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
DecisionId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every database (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given to the review store; use datetime.now(UTC)")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSONValue,
        list[Any]: JSONValue,
        datetime: UTCDateTime,
    }


class RunRow(Base):
    """A generation run: the full request, its seed and the generator/model settings."""

    __tablename__ = "runs"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), index=True)
    optimizer: Mapped[str] = mapped_column(String(32))
    request: Mapped[dict[str, Any]]
    seed: Mapped[int | None] = mapped_column(BigInteger)
    settings_snapshot: Mapped[dict[str, Any]]
    summary: Mapped[dict[str, Any] | None]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]


class ExampleRow(Base):
    """An example's review state. Its (large) payload lives in ``example_payloads`` so that queue
    scans, index-only counts and bulk status updates touch small rows only."""

    __tablename__ = "examples"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id"))
    tenant_id: Mapped[str] = mapped_column(String(64))
    optimizer: Mapped[str] = mapped_column(String(32))
    query: Mapped[str] = mapped_column(Text, doc="Copied from the payload for filtering and dedup.")
    status: Mapped[str] = mapped_column(String(16))
    reason_code: Mapped[str | None] = mapped_column(String(32), doc="Why it is rejected; None otherwise.")
    confidence: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, default=1)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("examples.id"))
    source_content_ids: Mapped[list[Any]]
    regeneration_attempt: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    __table_args__ = (
        # The review queue: one tenant, one optimizer, some statuses, a confidence range, oldest or least
        # confident first. Both indexes hold every column a queue page filters or sorts on (the query
        # text too), so pages and counts are answered from an index without reading the table.
        Index("ix_examples_queue", "tenant_id", "optimizer", "status", "confidence", "created_at", "id"),
        Index("ix_examples_created", "tenant_id", "optimizer", "status", "created_at", "id", "confidence", "query"),
        Index("ix_examples_run", "run_id"),
        # Partial: most examples have no parent, and their updates then skip this index entirely.
        Index(
            "ix_examples_parent",
            "parent_id",
            sqlite_where=text("parent_id IS NOT NULL"),
            postgresql_where=text("parent_id IS NOT NULL"),
        ),
    )


class ExamplePayloadRow(Base):
    """The example itself (ExampleBase.model_dump) and its confidence breakdown."""

    __tablename__ = "example_payloads"

    example_id: Mapped[str] = mapped_column(ForeignKey("examples.id"), primary_key=True)
    payload: Mapped[dict[str, Any]]
    confidence_breakdown: Mapped[list[Any]]


class DecisionRow(Base):
    """One entry of the audit log: who did what to which example, when, and what it changed."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(DecisionId, primary_key=True, autoincrement=True)
    example_id: Mapped[str] = mapped_column(ForeignKey("examples.id"))
    tenant_id: Mapped[str] = mapped_column(String(64))
    reviewer: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    reason_code: Mapped[str | None] = mapped_column(String(32))
    feedback: Mapped[str | None] = mapped_column(Text, doc="The reviewer's words, verbatim.")
    diff: Mapped[dict[str, Any] | None]
    from_reason_code: Mapped[str | None] = mapped_column(String(32), doc="The rejection reason before; for undo.")
    prior: Mapped[dict[str, Any] | None] = mapped_column(
        doc="What else undo needs: the confidence and its breakdown before an edit re-scored them."
    )
    from_version: Mapped[int | None] = mapped_column(Integer)
    to_version: Mapped[int | None] = mapped_column(Integer)
    undoes_id: Mapped[int | None] = mapped_column(DecisionId)
    created_at: Mapped[datetime]

    __table_args__ = (
        Index("ix_decisions_example", "example_id", "id"),
        Index("ix_decisions_reviewer", "tenant_id", "reviewer", "id"),
    )


class ExportRow(Base):
    __tablename__ = "exports"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), index=True)
    optimizer: Mapped[str] = mapped_column(String(32))
    filter: Mapped[dict[str, Any]]
    counts: Mapped[dict[str, Any]]
    file_hash: Mapped[str] = mapped_column(String(128))
    path: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


_APPEND_ONLY_SQLITE = [
    f"CREATE TRIGGER IF NOT EXISTS decisions_no_{verb.lower()} BEFORE {verb} ON decisions "
    "BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END"
    for verb in ("UPDATE", "DELETE")
]
_APPEND_ONLY_POSTGRES = [
    "CREATE OR REPLACE FUNCTION decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'decisions are append-only'; END $$",
    "DROP TRIGGER IF EXISTS decisions_append_only ON decisions",
    "CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions "
    "FOR EACH ROW EXECUTE FUNCTION decisions_append_only()",
]


@event.listens_for(DecisionRow.__table__, "after_create")
def _make_append_only(target: Any, connection: Any, **_: Any) -> None:
    statements = _APPEND_ONLY_POSTGRES if connection.dialect.name == "postgresql" else _APPEND_ONLY_SQLITE
    for statement in statements:
        connection.execute(text(statement))
