"""Approve or reject one example in ONE statement on PostgreSQL: read, move and log in a single round trip.

A reviewer's decision is the store's hot path. Done step by step (read the row, update it, append the
audit row, each inside BEGIN ... COMMIT) it costs five round trips to the server; here one statement,
atomic by itself in autocommit, does all three with data-modifying CTEs:

    WITH old    AS (SELECT the example and its payload WHERE id, tenant, version and an allowed
                    status match, FOR UPDATE),
         moved  AS (UPDATE examples FROM old ... RETURNING id),
         logged AS (INSERT INTO decisions SELECT ... FROM old RETURNING id)
    SELECT old.*, moved.id, logged.id

Every part sees the row as it was (``old``), which is what the audit row records. A concurrent decision
on the same example holds the row lock; once it commits, PostgreSQL re-checks ``old``'s conditions on
the new row version, the version no longer matches, and nothing is moved or logged. When no row comes
back the caller takes the general path (decisions.py), which says why: not found, decided by
someone else (logged as a conflict), or a transition that is not allowed. SQLite has no
data-modifying CTEs and no round trips to save: it always takes the general path.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, Select, bindparam, insert, literal, select, true, update
from sqlalchemy.engine import RowMapping

from approval.store.audit import decision_values
from approval.store.engine import transaction
from approval.store.queue import PAYLOAD_COLUMNS, WITH_PAYLOAD
from approval.store.tables import DECISIONS, EXAMPLES, UTCDateTime

ONE_STATEMENT_ACTIONS = ("approve", "reject")
"""Decisions that change only the status and reason (edits also change the payload and the score)."""


def decide_in_one_statement(
    engine: Engine,
    *,
    tenant_id: str,
    example_id: str,
    expected_version: int,
    sources: frozenset[str],
    decision: dict[str, Any],
) -> RowMapping | None:
    """Apply ``decision`` (the decision row's values: reviewer, action, to_status, reason_code, feedback,
    created_at) if the example is at ``expected_version`` in one of ``sources``; the example's row as it
    was before, or None when nothing matched (and nothing changed)."""
    params = {
        "match_id": example_id,
        "match_tenant": tenant_id,
        "match_version": expected_version,
        "match_sources": sorted(sources),
        "new_status": decision["to_status"],
        "new_reason_code": decision.get("reason_code"),
        "now": decision["created_at"],
        **{f"log_{name}": value for name, value in _logged_values(decision).items()},
    }
    with transaction(engine, write=True, isolation="AUTOCOMMIT") as connection:
        return connection.execute(_STATEMENT, params).mappings().first()


def _logged_values(decision: dict[str, Any]) -> dict[str, Any]:
    values = decision_values(**decision)
    return {name: values[name] for name in _LITERAL_COLUMNS}


def _statement() -> Select[Any]:
    columns = EXAMPLES.c
    old = (
        select(EXAMPLES, *PAYLOAD_COLUMNS)
        .select_from(WITH_PAYLOAD)
        .where(
            columns.id == bindparam("match_id"),
            columns.tenant_id == bindparam("match_tenant"),
            columns.version == bindparam("match_version"),
            columns.status.in_(bindparam("match_sources", expanding=True)),
        )
        .with_for_update(of=EXAMPLES)
        .cte("old")
    )
    moved = (
        update(EXAMPLES)
        .where(columns.id == old.c.id)
        .values(
            status=bindparam("new_status"),
            reason_code=bindparam("new_reason_code"),
            version=old.c.version + 1,
            updated_at=bindparam("now", type_=UTCDateTime()),
        )
        .returning(columns.id)
        .cte("moved")
    )
    logged_columns = {
        **{name: bindparam(f"log_{name}", type_=DECISIONS.c[name].type) for name in _LITERAL_COLUMNS},
        "example_id": old.c.id,
        "tenant_id": old.c.tenant_id,
        "from_status": old.c.status,
        "from_reason_code": old.c.reason_code,
        "from_version": old.c.version,
        "to_version": old.c.version + literal(1),
    }
    logged = (
        insert(DECISIONS)
        .from_select(list(logged_columns), select(*logged_columns.values()).select_from(old))
        .returning(DECISIONS.c.id)
        .cte("logged")
    )
    return select(old, moved.c.id.label("moved_id"), logged.c.id.label("decision_id")).select_from(
        old.join(moved, moved.c.id == old.c.id).join(logged, true())
    )


_LITERAL_COLUMNS = (
    "reviewer",
    "action",
    "to_status",
    "reason_code",
    "feedback",
    "diff",
    "prior",
    "undoes_id",
    "scope",
    "created_at",
)
"""The decision row's columns that do not come from the example."""

_STATEMENT = _statement()


__all__ = ["ONE_STATEMENT_ACTIONS", "decide_in_one_statement"]
