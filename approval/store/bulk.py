"""Bulk decisions and their undo: every example matching a filter, in one transaction, in a few statements.

A bulk decision writes ONE ``decisions`` row (who, when, the reason, the feedback, the filter) and one
narrow ``bulk_items`` row per example (its status, version and reason before), then moves the examples
with one UPDATE. On PostgreSQL, 50,000 full audit rows, each checked against ``examples`` by a foreign
key, took 0.7 s of a 1.8 s bulk decision; the narrow rows take about 0.15 s. The public audit log
still shows one entry per example (``audit.audit_rows``).

Undoing a bulk decision reverts all of its examples the same way (one ``undo`` row and its items), and
only when none of them was changed since by a decision that still stands.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine, String, and_, insert, literal, select, update

from approval.models import ExampleFilter, ReviewerAction
from approval.store.audit import decision_values, items_of, later_changes, standing
from approval.store.engine import SerializationConflict, transaction
from approval.store.queue import example_clauses
from approval.store.tables import BULK_ITEMS, DECISIONS, EXAMPLES, DecisionId, utcnow
from approval.transitions import allowed_sources
from synth_core.errors import ConflictError, Fix, InvalidRequestError, ReviewError

BULK_RETRIES = 3
ITEM_COLUMNS = ["decision_id", "example_id", "from_status", "to_status", "from_version", "from_reason_code"]

T = TypeVar("T")


class _NothingMatched(Exception):
    """Raised inside the transaction to roll back a bulk decision that matched no example (so that
    the audit log gets no empty bulk decision)."""


def bulk_scope(example_filter: ExampleFilter, action: str) -> ExampleFilter | None:
    """The part of ``example_filter`` a bulk ``action`` applies to (None when nothing can be moved)."""
    if action not in ("approve", "reject"):
        raise InvalidRequestError(
            f"Bulk '{action}' is not supported.",
            fix=Fix(
                "Decide a filtered set by approving or rejecting it.", field="action", choices=("approve", "reject")
            ),
        )
    sources = allowed_sources(cast(ReviewerAction, action))
    statuses = [status for status in (example_filter.statuses or sorted(sources)) if status in sources]
    return example_filter.model_copy(update={"statuses": statuses}) if statuses else None


def bulk_decide(
    engine: Engine,
    *,
    tenant_id: str,
    scope: ExampleFilter,
    reviewer: str,
    action: str,
    to_status: str,
    reason_code: str | None,
    feedback: str | None,
    expected_count: int | None = None,
) -> int:
    """Move every example of ``tenant_id`` matching ``scope`` to ``to_status``; returns how many.

    With ``expected_count`` (the count a person was shown), nothing changes and a ConflictError says
    so when a different number of examples matches now.
    """
    matching = and_(*example_clauses(tenant_id, scope))
    columns = EXAMPLES.c

    def apply(connection: Connection) -> int:
        now = utcnow()
        decision_id = _insert_decision(
            connection,
            tenant_id=tenant_id,
            reviewer=reviewer,
            action=action,
            to_status=to_status,
            reason_code=reason_code,
            feedback=feedback,
            scope=_scope_json(scope),
            now=now,
        )
        items = select(
            literal(decision_id, DecisionId),
            columns.id,
            columns.status,
            literal(to_status, String()),
            columns.version,
            columns.reason_code,
        ).where(matching)
        logged = _insert_items(connection, items)
        if expected_count is not None and logged != expected_count:
            raise ConflictError(
                f"{logged} examples match the filter now, not the {expected_count} you were shown; nothing changed.",
                hint="Look at the count again and repeat the bulk decision.",
            )
        if logged == 0:
            raise _NothingMatched()
        moved = connection.execute(
            update(EXAMPLES)
            .where(matching)
            .values(status=to_status, version=columns.version + 1, updated_at=now, reason_code=reason_code)
        ).rowcount
        if logged != moved:
            raise ReviewError(f"Bulk {action} logged {logged} decisions but moved {moved} examples.")
        return int(moved)

    try:
        return with_retries(engine, f"bulk {action}", apply)
    except _NothingMatched:
        return 0


def undo_bulk(connection: Connection, *, tenant_id: str, reviewer: str, target: Mapping[Any, Any]) -> int:
    """Put every example of the bulk decision ``target`` back where it was; returns how many.

    Refused with a ConflictError when a decision made since on any of them still stands. Runs in the
    caller's transaction (repeatable read on PostgreSQL: a concurrent change aborts it).
    """
    changes = standing(later_changes(connection, target["id"], items_of(target["id"])))
    if changes:
        winner = changes[-1]
        raise ConflictError(
            f"Cannot undo the bulk {target['action']} (decision {target['id']}): {winner['reviewer']} "
            f"decided some of its examples since ('{winner['action']}' at {winner['created_at']:%Y-%m-%d %H:%M:%S}).",
            hint="Decide those examples again instead of undoing.",
        )
    now = utcnow()
    undone = BULK_ITEMS.alias("undone")
    columns = EXAMPLES.c
    reverted = and_(
        undone.c.decision_id == target["id"], columns.id == undone.c.example_id, columns.tenant_id == tenant_id
    )
    decision_id = _insert_decision(
        connection,
        tenant_id=tenant_id,
        reviewer=reviewer,
        action="undo",
        to_status=None,
        reason_code=None,
        feedback=None,
        scope=target["scope"],
        now=now,
        undoes_id=target["id"],
    )
    items = select(
        literal(decision_id, DecisionId),
        columns.id,
        columns.status,
        undone.c.from_status,
        columns.version,
        columns.reason_code,
    ).where(reverted)
    logged = _insert_items(connection, items)
    moved = connection.execute(
        update(EXAMPLES)
        .where(reverted)
        .values(
            status=undone.c.from_status,
            reason_code=undone.c.from_reason_code,
            version=columns.version + 1,
            updated_at=now,
        )
    ).rowcount
    if logged != moved:
        raise ReviewError(f"Undo of decision {target['id']} logged {logged} examples but moved {moved}.")
    return int(moved)


def _insert_decision(
    connection: Connection,
    *,
    tenant_id: str,
    reviewer: str,
    action: str,
    to_status: str | None,
    reason_code: str | None,
    feedback: str | None,
    scope: Any,
    now: datetime,
    undoes_id: int | None = None,
) -> int:
    """The one ``decisions`` row of a bulk decision (no example: its items name them); returns its id."""
    values = decision_values(
        example_id=None,
        tenant_id=tenant_id,
        reviewer=reviewer,
        action=action,
        from_status=None,
        to_status=to_status,
        reason_code=reason_code,
        feedback=feedback,
        scope=scope,
        undoes_id=undoes_id,
        created_at=now,
    )
    return int(connection.execute(insert(DECISIONS).values(values).returning(DECISIONS.c.id)).scalar_one())


def _insert_items(connection: Connection, items: Any) -> int:
    statement = insert(BULK_ITEMS).from_select(ITEM_COLUMNS, items).execution_options(preserve_rowcount=True)
    return int(connection.execute(statement).rowcount)


def with_retries(engine: Engine, what: str, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in one write transaction, again when PostgreSQL aborted it for racing another one.

    Repeatable read on PostgreSQL: every statement sees the same snapshot, so the items logged are
    exactly the examples moved, or a concurrent decision aborts us. SQLite serializes writers anyway.
    """
    for attempt in range(BULK_RETRIES):
        try:
            with transaction(engine, write=True, isolation="REPEATABLE READ") as connection:
                return work(connection)
        except SerializationConflict:
            if attempt == BULK_RETRIES - 1:
                raise ConflictError(
                    f"Other reviewers kept deciding these examples during the {what}; nothing changed.",
                    hint=f"Retry the {what}.",
                ) from None
    raise AssertionError("unreachable")


def _scope_json(scope: ExampleFilter) -> dict[str, Any]:
    return scope.model_dump(mode="json", exclude_defaults=True)


__all__ = ["BULK_RETRIES", "bulk_decide", "bulk_scope", "undo_bulk", "with_retries"]
