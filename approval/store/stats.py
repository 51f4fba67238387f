"""Review statistics of one tenant: where examples stand, what reviewers did, how regeneration fares."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, case, func, select

from approval.models import APPROVED_STATUSES, STATUSES, SYSTEM_REVIEWER, DecidedCount, ExampleFilter, approval_rate
from approval.store.audit import audit_log
from approval.store.queue import example_clauses
from approval.store.tables import EXAMPLES


def collect_stats(connection: Connection, *, tenant_id: str, optimizer: str | None) -> dict[str, Any]:
    """JSON-ready counts: by status (overall and per optimizer), rejection reasons, decisions by action
    and reviewer, mean confidence per status, and regeneration outcomes."""
    scope = and_(*example_clauses(tenant_id))
    if optimizer:
        scope = and_(scope, EXAMPLES.c.optimizer == optimizer)
    grouped = connection.execute(
        select(EXAMPLES.c.optimizer, EXAMPLES.c.status, func.count(), func.avg(EXAMPLES.c.confidence))
        .where(scope)
        .group_by(EXAMPLES.c.optimizer, EXAMPLES.c.status)
    ).all()
    by_status = dict.fromkeys(STATUSES, 0)
    by_optimizer: dict[str, dict[str, int]] = {}
    confidence_sum = dict.fromkeys(STATUSES, 0.0)
    for name, status, count, mean in grouped:
        by_status[status] += count
        by_optimizer.setdefault(name, dict.fromkeys(STATUSES, 0))[status] = count
        confidence_sum[status] += float(mean or 0.0) * count
    reasons = connection.execute(
        select(EXAMPLES.c.reason_code, func.count())
        .where(scope, EXAMPLES.c.status == "rejected")
        .group_by(EXAMPLES.c.reason_code)
    ).all()
    return {
        "tenant_id": tenant_id,
        "optimizer": optimizer,
        "total": sum(by_status.values()),
        "by_status": by_status,
        "by_optimizer": dict(sorted(by_optimizer.items())),
        "mean_confidence": {
            status: round(confidence_sum[status] / by_status[status], 4) for status in STATUSES if by_status[status]
        },
        "rejection_reasons": {str(code): count for code, count in sorted(reasons, key=lambda r: str(r[0]))},
        **_decision_counts(connection, tenant_id, optimizer),
        "regeneration": _regeneration(connection, scope),
    }


def _decision_counts(connection: Connection, tenant_id: str, optimizer: str | None) -> dict[str, Any]:
    """Decisions per action and reviewer, a bulk decision counting once per example it changed."""
    log = audit_log(tenant_id)
    query = select(log.c.action, log.c.reviewer, func.count())
    if optimizer:
        query = query.join(EXAMPLES, EXAMPLES.c.id == log.c.example_id).where(EXAMPLES.c.optimizer == optimizer)
    actions: dict[str, int] = {}
    reviewers: dict[str, int] = {}
    for action, reviewer, count in connection.execute(query.group_by(log.c.action, log.c.reviewer)):
        actions[action] = actions.get(action, 0) + count
        if reviewer != SYSTEM_REVIEWER and action != "conflict":
            reviewers[reviewer] = reviewers.get(reviewer, 0) + count
    return {
        "decisions_by_action": dict(sorted(actions.items())),
        "decisions_by_reviewer": dict(sorted(reviewers.items())),
        "conflicts": actions.get("conflict", 0),
    }


def _regeneration(connection: Connection, scope: Any) -> dict[str, Any]:
    """How many examples are regenerations, and how many of those ended up approved."""
    rows = connection.execute(
        select(EXAMPLES.c.status, func.count())
        .where(scope, EXAMPLES.c.parent_id.is_not(None))
        .group_by(EXAMPLES.c.status)
    ).all()
    counts = {status: count for status, count in rows}
    regenerated = sum(counts.values())
    approved = sum(counts.get(status, 0) for status in APPROVED_STATUSES)
    rate = approval_rate(approved, counts.get("rejected", 0))
    return {
        "regenerated": regenerated,
        "approved": approved,
        "rejected": counts.get("rejected", 0),
        "pending": counts.get("pending_review", 0),
        "approval_rate": None if rate is None else round(rate, 4),
    }


def decided_counts(connection: Connection, *, tenant_id: str, optimizer: str | None) -> list[DecidedCount]:
    """Examples a person decided (approved, edits included, or rejected), counted per confidence in
    the database, most confident first: what calibration needs, without reading the examples."""
    decided = ExampleFilter(optimizer=optimizer, statuses=["approved", "rejected"])
    approved = func.sum(case((EXAMPLES.c.status == "approved", 1), else_=0))
    rows = connection.execute(
        select(EXAMPLES.c.confidence, func.count(), approved)
        .where(*example_clauses(tenant_id, decided))
        .group_by(EXAMPLES.c.confidence)
        .order_by(EXAMPLES.c.confidence.desc())
    )
    return [DecidedCount(float(confidence), int(count), int(yes)) for confidence, count, yes in rows]
