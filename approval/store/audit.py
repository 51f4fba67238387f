"""The audit log: the rows a decision appends, and reading them back as one entry per example.

A single decision is one ``decisions`` row naming its example. A bulk decision is one ``decisions``
row with ``example_id`` NULL (who, when, why, the filter) and one ``bulk_items`` row per example it
changed (from which status and version). ``audit_rows`` joins them back into the shape of
``DecisionPublic``: every entry of a bulk decision carries the bulk decision's id, reviewer, reason,
feedback and time, so an example's history reads the same however it was decided.

Rows are only ever appended (``decision_values`` fills every column, so one compiled INSERT serves
them all); the database refuses UPDATE and DELETE on both tables (see tables.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, Subquery, insert, null, select, union, union_all
from sqlalchemy.engine import RowMapping

from approval.models import SYSTEM_REVIEWER, DecisionPublic
from approval.store.tables import BULK_ITEMS, DECISIONS

APPLIED_ACTIONS = ("approve", "reject", "edit", "undo", "auto_approve", "regenerate")
"""Every action except ``conflict`` changed the example it names."""

UNDOABLE_ACTIONS = ("approve", "reject", "edit", "regenerate")

INSERT_DECISION = insert(DECISIONS)

_DECISION_DEFAULTS: dict[str, Any] = {
    "reason_code": None,
    "feedback": None,
    "diff": None,
    "from_reason_code": None,
    "prior": None,
    "from_version": None,
    "to_version": None,
    "undoes_id": None,
    "scope": None,
}


def decision_values(**fields: Any) -> dict[str, Any]:
    """Every column of a decision row (unset ones None), so one compiled INSERT serves them all."""
    return {**_DECISION_DEFAULTS, **fields}


def auto_approval_values(
    *, example_id: str, tenant_id: str, confidence: float, now: datetime, held: bool = False
) -> dict[str, Any]:
    """The audit row of an example the confidence extractor approved: on arrival, or ``held`` back
    until its run finished (it then moves from version 1 to 2)."""
    reached = f"confidence {confidence:.3f} reached the auto-approval threshold"
    return decision_values(
        example_id=example_id,
        tenant_id=tenant_id,
        reviewer=SYSTEM_REVIEWER,
        action="auto_approve",
        from_status="pending_review",
        to_status="auto_approved",
        feedback=f"{reached}; granted when its run finished" if held else reached,
        from_version=1 if held else None,
        to_version=2 if held else 1,
        created_at=now,
    )


def to_decision(row: Mapping[Any, Any]) -> DecisionPublic:
    return DecisionPublic.model_validate({key: row[key] for key in DecisionPublic.model_fields})


_SINGLE_ONLY = DECISIONS.c.example_id.is_not(None)


def audit_rows(tenant_id: str, example_id: str | None = None) -> Select[Any]:
    """The audit log of one tenant (or of one of its examples) as ``DecisionPublic`` rows, oldest first.

    The entries of one bulk decision share its id; ``(id, example_id)`` orders and identifies them.
    """
    log = audit_log(tenant_id, example_id)
    return select(log).order_by(log.c.id, log.c.example_id)


def audit_log(tenant_id: str, example_id: str | None = None) -> Subquery:
    """``audit_rows`` unordered, to select from (single decisions, then bulk decisions' items)."""
    decision = DECISIONS.c
    item = BULK_ITEMS.c
    singles = select(
        decision.id,
        decision.example_id,
        decision.tenant_id,
        decision.reviewer,
        decision.action,
        decision.from_status,
        decision.to_status,
        decision.reason_code,
        decision.feedback,
        decision.diff,
        decision.from_version,
        decision.to_version,
        decision.undoes_id,
        decision.scope,
        decision.created_at,
    ).where(decision.tenant_id == tenant_id, _SINGLE_ONLY)
    bulk = (
        select(
            decision.id,
            item.example_id,
            decision.tenant_id,
            decision.reviewer,
            decision.action,
            item.from_status,
            item.to_status,
            decision.reason_code,
            decision.feedback,
            null().label("diff"),
            item.from_version,
            (item.from_version + 1).label("to_version"),
            decision.undoes_id,
            decision.scope,
            decision.created_at,
        )
        .select_from(BULK_ITEMS.join(DECISIONS, decision.id == item.decision_id))
        .where(decision.tenant_id == tenant_id)
    )
    if example_id is not None:
        singles = singles.where(decision.example_id == example_id)
        bulk = bulk.where(item.example_id == example_id)
    return union_all(singles, bulk).subquery("audit_log")


def later_changes(connection: Connection, decision_id: int, examples: Any) -> list[RowMapping]:
    """The decisions after ``decision_id`` that changed any of ``examples`` (ids, or a SELECT of ids),
    each once, oldest first: single decisions on them and bulk decisions with an item on them."""
    decision = DECISIONS.c
    item = BULK_ITEMS.c
    columns = (decision.id, decision.reviewer, decision.action, decision.undoes_id, decision.created_at)
    singles = select(*columns).where(
        decision.example_id.in_(examples), decision.id > decision_id, decision.action.in_(APPLIED_ACTIONS)
    )
    later_bulk = select(item.decision_id).where(item.example_id.in_(examples), item.decision_id > decision_id)
    bulk = select(*columns).where(decision.id.in_(later_bulk))
    changes = union(singles, bulk).subquery()
    return list(connection.execute(select(changes).order_by(changes.c.id)).mappings())


def standing(changes: Sequence[Mapping[Any, Any]]) -> list[Mapping[Any, Any]]:
    """The changes no later undo has reverted (undos themselves left out)."""
    undone = {change["undoes_id"] for change in changes if change["action"] == "undo"}
    return [change for change in changes if change["action"] != "undo" and change["id"] not in undone]


def latest_change(connection: Connection, tenant_id: str, example_id: str) -> RowMapping | None:
    """The newest decision that changed ``example_id`` (single or bulk), None when nobody did."""
    log = audit_log(tenant_id, example_id)
    query = select(log).where(log.c.action.in_(APPLIED_ACTIONS)).order_by(log.c.id.desc()).limit(1)
    return connection.execute(query).mappings().first()


def is_bulk(decision: Mapping[Any, Any]) -> bool:
    return decision["example_id"] is None


def items_of(decision_id: int) -> Select[Any]:
    """The ids of the examples a bulk decision changed."""
    return select(BULK_ITEMS.c.example_id).where(BULK_ITEMS.c.decision_id == decision_id)
