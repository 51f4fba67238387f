"""Storage tables of the review store (SQLAlchemy 2.0). Never returned to callers: see approval.models.

The audit log is append-only: ``decisions`` (one row per decision) and ``bulk_items`` (one row per
example a bulk decision changed); triggers in the database refuse UPDATE and DELETE on both, so not
even a bug in this package can rewrite history.

A new store is created from these models; an existing one is changed only by migrations
(``migrations/versions/``, see schema.py). Change a table here and add the revision that makes the
same change: tests/approval/test_migrations.py fails until both build the same schema.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar, cast

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
    Table,
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
    first_example_id: Mapped[str | None] = mapped_column(
        String(32),
        doc="The smallest and largest id of the run's examples (ids sort by creation), kept by every batch "
        "stored: a run's page, count or bulk decision reads this range of the primary key, not the tenant's "
        "whole queue (on PostgreSQL an index on run_id would cost every status change another index entry).",
    )
    last_example_id: Mapped[str | None] = mapped_column(String(32))


class ExampleRow(Base):
    """An example's review state: what the queue filters and sorts on, and what decisions change. What
    never changes after storing (the payload, its sources, its place in a regeneration chain) lives in
    ``example_payloads``: queue scans, counts and bulk status updates touch small rows only (PostgreSQL
    writes a whole new row version for every status change)."""

    __tablename__ = "examples"

    id: Mapped[str] = mapped_column(
        String(32), primary_key=True, doc="Sorts by creation (see approval.store.ids): the queue's 'created' order."
    )
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id"))
    tenant_id: Mapped[str] = mapped_column(String(64))
    optimizer: Mapped[str] = mapped_column(String(32))
    query_folded: Mapped[str] = mapped_column(
        Text,
        doc="``payload['query'].casefold()``: the text filter is a plain LIKE on it (the same on every "
        "database), and the near-duplicate index reads it (it compares case-folded words).",
    )
    status: Mapped[str] = mapped_column(String(16))
    reason_code: Mapped[str | None] = mapped_column(String(32), doc="Why it is rejected; None otherwise.")
    confidence: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, default=1)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("examples.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    # Indexes differ by database because status changes do. SQLite rewrites only the indexes that hold
    # a changed column. PostgreSQL writes a new row version for every status change and indexes it again
    # in EVERY index of the table (about 0.25 s per index and 50,000 bulk-decided examples), so it gets
    # one queue index besides the primary key: the 'created' order walks the primary key (ids sort by
    # creation), the text filter reads the table. A run filter is a range of the primary key on both
    # (RunRow.first_example_id).
    __table_args__ = (
        # The review queue: one tenant, one optimizer, some statuses, a confidence range, least or most
        # confident first. Counts of a status filter are answered from this index alone.
        Index("ix_examples_queue", "tenant_id", "optimizer", "status", "confidence", "id").ddl_if(dialect="sqlite"),
        # PostgreSQL: the id rides along without being compared on every insert (10% less per decision);
        # ties of confidence are put in id order by an incremental sort.
        Index("ix_examples_queue", "tenant_id", "optimizer", "status", "confidence", postgresql_include=["id"]).ddl_if(
            dialect="postgresql"
        ),
        # SQLite only: oldest first per status, with the folded query for the text filter, all covered.
        Index("ix_examples_created", "tenant_id", "optimizer", "status", "id", "confidence", "query_folded").ddl_if(
            dialect="sqlite"
        ),
        # SQLite only: one run's page. Without it SQLite prefers the queue index (two equal columns beat the
        # run's id range) and sorts the tenant's whole queue: 22 ms for a run of 500 among 100,000, 2 ms with
        # it. No column of it changes on a decision, so SQLite never rewrites it for one.
        Index("ix_examples_run", "run_id", "tenant_id", "optimizer", "id").ddl_if(dialect="sqlite"),
        # Partial: most examples have no parent, and their updates then skip this index entirely.
        Index(
            "ix_examples_parent",
            "parent_id",
            sqlite_where=text("parent_id IS NOT NULL"),
            postgresql_where=text("parent_id IS NOT NULL"),
        ),
    )


class ExamplePayloadRow(Base):
    """The example itself (ExampleBase.model_dump), its confidence breakdown, and the facts about it
    that no decision changes."""

    __tablename__ = "example_payloads"

    example_id: Mapped[str] = mapped_column(ForeignKey("examples.id"), primary_key=True)
    payload: Mapped[dict[str, Any]]
    confidence_breakdown: Mapped[list[Any]]
    source_content_ids: Mapped[list[Any]]
    regeneration_attempt: Mapped[int] = mapped_column(Integer, default=0)


class ExampleLabelRow(Base):
    """One label of an example's payload (its modality, agent or intent: see label_index.py), so that
    the queue's label filter looks a value up in an index instead of reading each candidate's JSON.

    Written with the example and rewritten by a decision that changes its payload (an edit, or its
    undo), in the same transaction; never touched by a status change."""

    __tablename__ = "example_labels"

    example_id: Mapped[str] = mapped_column(ForeignKey("examples.id"), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))

    # The filter's lookup: one label's examples in id order. SQLite: the key is the table (one B-tree).
    __table_args__ = (Index("ix_example_labels_value", "field", "value", "example_id"), {"sqlite_with_rowid": False})


class DecisionRow(Base):
    """One entry of the audit log: who did what to which example, when, and what it changed.

    A bulk decision is ONE row here, with ``example_id`` NULL: who, when, the reason, the feedback and
    the filter (``scope``); each example it changed has a narrow ``BulkItemRow`` pointing to it. The
    public audit log (``approval.store.audit.audit_rows``) shows both kinds the same way: one entry per example.
    """

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(DecisionId, primary_key=True, autoincrement=True)
    example_id: Mapped[str | None] = mapped_column(ForeignKey("examples.id"), doc="NULL for a bulk decision.")
    tenant_id: Mapped[str] = mapped_column(String(64))
    reviewer: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(16), doc="NULL for a bulk decision: see its items.")
    to_status: Mapped[str | None] = mapped_column(String(16), doc="NULL for the undo of a bulk decision.")
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
    scope: Mapped[dict[str, Any] | None] = mapped_column(doc="A bulk decision's filter (ExampleFilter).")
    created_at: Mapped[datetime]

    __table_args__ = (
        Index("ix_decisions_example", "example_id", "id"),
        Index("ix_decisions_reviewer", "tenant_id", "reviewer", "id"),
    )


class BulkItemRow(Base):
    """One example changed by a bulk decision (or by the undo of one): what it was before, so that its
    history and undo need nothing else. Who, when and why are on the ``decisions`` row.

    No foreign keys: the rows are written by the statement that reads the examples they name, in the
    transaction that writes the decision, and examples are never deleted; checking 50,000 references
    again would cost a third of a bulk decision. Keyed by example first: an example's history is a
    range of this key.
    """

    __tablename__ = "bulk_items"

    example_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    decision_id: Mapped[int] = mapped_column(DecisionId, primary_key=True, autoincrement=False)
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    from_version: Mapped[int] = mapped_column(Integer, doc="The version it moved from (to this + 1).")
    from_reason_code: Mapped[str | None] = mapped_column(String(32))

    # One B-tree on SQLite (the key is the table), as in PostgreSQL's index.
    __table_args__ = {"sqlite_with_rowid": False}


class DuplicateKeyRow(Base):
    """One key a stored example's query is filed under for near-duplicate search (approval.dedup,
    ``duplicate_keys``): a batch to be scored reads the examples filed under its own keys instead of
    every stored query. The tenant and the optimizer are part of the key; the example's row says
    whether its status still counts. Kept with the query: written with the example, replaced when an
    edit or its undo changes the query, deleted with the example."""

    __tablename__ = "duplicate_keys"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    example_id: Mapped[str] = mapped_column(String(32), primary_key=True)

    # One B-tree on SQLite (the key is the table); no foreign key, as in bulk_items: written in the
    # transaction that stores the example, and deleted with it.
    __table_args__ = {"sqlite_with_rowid": False}


class ApprovalChanceRow(Base):
    """The learned confidence model's chance that a person approves an example (approval.learning),
    for examples stored while their tenant had a model; the queue's 'likely_wrong' order sorts by it,
    falling back on the confidence of the examples without one. A table of its own: the hot
    ``examples`` rows stay as narrow as they were, and a tenant without a model writes nothing here.

    No foreign key, as in duplicate_keys: written in the transaction that stores the example, and only
    ever joined by its id (a row whose example was discarded is never read)."""

    __tablename__ = "approval_chances"

    example_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    chance: Mapped[float] = mapped_column(Float)

    __table_args__ = {"sqlite_with_rowid": False}


class ConfidenceModelRow(Base):
    """A tenant's learned confidence model (approval.learning): trained on the examples its people
    decided, replaced by each retraining. One row per tenant; read when a run starts."""

    __tablename__ = "confidence_models"

    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    decisions: Mapped[int] = mapped_column(Integer, doc="How many decided examples it was trained on.")
    model: Mapped[str] = mapped_column(Text, doc="The xgboost booster, saved as JSON.")
    features: Mapped[dict[str, Any]] = mapped_column(doc="What the model reads (approval.learning.features).")
    evaluation: Mapped[dict[str, Any]] = mapped_column(doc="Its held-out evaluation when trained.")
    trained_at: Mapped[datetime]


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


_APPEND_ONLY_POSTGRES_FUNCTION = (
    "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION '% are append-only', TG_TABLE_NAME; END $$"
)


def _append_only_statements(table: str, dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [
            _APPEND_ONLY_POSTGRES_FUNCTION,
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
        ]
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END"
        for verb in ("UPDATE", "DELETE")
    ]


def _make_append_only(target: Any, connection: Any, **_: Any) -> None:
    for statement in _append_only_statements(target.name, connection.dialect.name):
        connection.execute(text(statement))


for _table in (DecisionRow.__table__, BulkItemRow.__table__):
    event.listen(_table, "after_create", _make_append_only)


# PostgreSQL: every status change writes a new row version and a second primary-key entry next to the
# first. New ids are the largest yet (they sort by creation), so the key's leaf pages are filled from
# the right and PostgreSQL fills them to the fillfactor: at 50 the first decision on a fresh example
# finds room beside it instead of splitting the page (a bulk decision of 50,000 fresh examples: 0.15 s
# less; the key takes twice the space: 10 MB instead of 6 per 100,000 examples).
_PRIMARY_KEY_FILLFACTOR = 50


@event.listens_for(ExampleRow.__table__, "after_create")
def _leave_room_in_the_primary_key(target: Any, connection: Any, **_: Any) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"ALTER INDEX {target.name}_pkey SET (fillfactor = {_PRIMARY_KEY_FILLFACTOR})"))


# The tables as SQLAlchemy Core sees them: what the store's statements are built from.
RUNS = cast(Table, RunRow.__table__)
EXAMPLES = cast(Table, ExampleRow.__table__)
PAYLOADS = cast(Table, ExamplePayloadRow.__table__)
LABELS = cast(Table, ExampleLabelRow.__table__)
DECISIONS = cast(Table, DecisionRow.__table__)
BULK_ITEMS = cast(Table, BulkItemRow.__table__)
EXPORTS = cast(Table, ExportRow.__table__)
CONFIDENCE_MODELS = cast(Table, ConfidenceModelRow.__table__)
APPROVAL_CHANCES = cast(Table, ApprovalChanceRow.__table__)
DUPLICATE_KEYS = cast(Table, DuplicateKeyRow.__table__)
