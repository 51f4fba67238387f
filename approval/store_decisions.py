"""The write side of the review store: single decisions, bulk decisions, undo, conflicts.

Mixed into ``ReviewStore`` (store.py) to keep each file small; it only needs ``self.engine``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, String, Text, and_, insert, literal, select, update
from sqlalchemy.engine import RowMapping

from approval.database import SerializationConflict, transaction
from approval.models import (
    REASON_CODES,
    SYSTEM_REVIEWER,
    ExampleFilter,
    ExamplePublic,
    ReviewerAction,
)
from approval.store_sql import (
    APPLIED_ACTIONS,
    DECISIONS,
    EXAMPLES,
    GET_EXAMPLE,
    INSERT_DECISION,
    UNDOABLE_ACTIONS,
    UPDATE_EXAMPLE,
    UPDATE_PAYLOAD,
    decision_values,
    example_clauses,
    inverse_diff,
    revert_diff,
    to_example,
)
from approval.tables import UTCDateTime, utcnow
from approval.transitions import allowed_sources, check_action, check_transition
from synth_core.errors import ConflictError, InvalidRequestError, NotFoundError, ReviewError

BULK_RETRIES = 3
BULK_AUDIT_COLUMNS = [
    "example_id",
    "tenant_id",
    "reviewer",
    "action",
    "from_status",
    "to_status",
    "reason_code",
    "feedback",
    "from_reason_code",
    "from_version",
    "to_version",
    "created_at",
]


class DecisionWriter:
    engine: Engine

    def decide(
        self,
        *,
        tenant_id: str,
        example_id: str,
        reviewer: str,
        action: str,
        expected_version: int,
        to_status: str,
        reason_code: str | None = None,
        feedback: str | None = None,
        new_payload: dict[str, Any] | None = None,
        diff: dict[str, Any] | None = None,
        confidence: float | None = None,
        confidence_breakdown: list[dict[str, Any]] | None = None,
    ) -> ExamplePublic:
        """Apply one decision if the example is still at ``expected_version``; ConflictError otherwise."""
        checked = check_action(action, to_status)
        _check_decision_input(checked, reviewer, reason_code, new_payload)
        now = utcnow()
        with transaction(self.engine, write=True) as connection:
            row = self._row(connection, tenant_id, example_id)
            if row["version"] == expected_version:
                check_transition(row["status"], to_status, action=checked)
                state = {
                    "status": to_status,
                    "version": expected_version + 1,
                    "updated_at": now,
                    "reason_code": row["reason_code"] if checked == "regenerate" else reason_code,
                }
                body, prior = _content_change(row, state, new_payload, confidence, confidence_breakdown)
                if self._update(connection, row, expected_version, state, body):
                    connection.execute(
                        INSERT_DECISION,
                        decision_values(
                            example_id=example_id,
                            tenant_id=tenant_id,
                            reviewer=reviewer,
                            action=checked,
                            from_status=row["status"],
                            to_status=to_status,
                            reason_code=reason_code if checked == "reject" else None,
                            feedback=feedback,
                            diff=diff,
                            from_reason_code=row["reason_code"],
                            prior=prior,
                            from_version=expected_version,
                            to_version=expected_version + 1,
                            created_at=now,
                        ),
                    )
                    return to_example({**row, **state, **body})
        attempt = {"action": checked, "to_status": to_status, "reason_code": reason_code, "feedback": feedback}
        raise self._record_conflict(tenant_id, example_id, reviewer, expected_version, {**attempt, "diff": diff})

    def bulk_scope(self, *, filter: ExampleFilter, action: str) -> ExampleFilter | None:
        """The part of ``filter`` a bulk ``action`` applies to (None when nothing can be moved)."""
        if action not in ("approve", "reject"):
            raise InvalidRequestError(f"Bulk '{action}' is not supported.", hint="Bulk actions are approve and reject.")
        sources = allowed_sources(cast(ReviewerAction, action))
        statuses = [status for status in (filter.statuses or sorted(sources)) if status in sources]
        return filter.model_copy(update={"statuses": statuses}) if statuses else None

    def bulk_decide(
        self,
        *,
        tenant_id: str,
        filter: ExampleFilter,
        reviewer: str,
        action: str,
        to_status: str,
        reason_code: str | None = None,
        feedback: str | None = None,
    ) -> int:
        """Approve or reject every example matching ``filter`` that may move (all pages, not one) in ONE
        transaction: one INSERT..SELECT appends an audit row per example, one UPDATE moves them all.
        Returns the count."""
        checked = check_action(action, to_status)
        _check_decision_input(checked, reviewer, reason_code, None)
        scope = self.bulk_scope(filter=filter, action=checked)
        if scope is None:
            return 0
        matching = and_(*example_clauses(tenant_id, scope))
        now = utcnow()
        audit = _bulk_audit_rows(
            matching, reviewer=reviewer, action=checked, to_status=to_status, reason_code=reason_code,
            feedback=feedback, now=now,
        )
        for attempt in range(BULK_RETRIES):
            try:
                # Repeatable read on PostgreSQL: the UPDATE moves exactly the rows the INSERT logged, or a
                # concurrent decision aborts us (retried). SQLite's BEGIN IMMEDIATE serializes writers anyway.
                with transaction(self.engine, write=True, isolation="REPEATABLE READ") as connection:
                    log_all = insert(DECISIONS).from_select(BULK_AUDIT_COLUMNS, audit)
                    logged = connection.execute(log_all.execution_options(preserve_rowcount=True)).rowcount
                    moved = connection.execute(
                        update(EXAMPLES)
                        .where(matching)
                        .values(status=to_status, version=EXAMPLES.c.version + 1, updated_at=now)
                        .values(reason_code=reason_code)
                    ).rowcount
                    if logged != moved:
                        raise ReviewError(f"Bulk {checked} logged {logged} decisions but moved {moved} examples.")
                return int(moved)
            except SerializationConflict:
                if attempt == BULK_RETRIES - 1:
                    raise ConflictError(
                        f"Other reviewers kept deciding these examples during the bulk {checked}; nothing changed.",
                        hint="Retry the bulk decision.",
                    ) from None
        raise AssertionError("unreachable")

    def undo_last(self, *, tenant_id: str, reviewer: str) -> ExamplePublic:
        """Revert ``reviewer``'s latest decision not yet undone (repeat to go further back).

        Refused with a ConflictError when someone else has decided the example since.
        """
        now = utcnow()
        with transaction(self.engine, write=True) as connection:
            target = self._last_undoable(connection, tenant_id, reviewer)
            row = self._row(connection, tenant_id, target["example_id"])
            self._check_nothing_since(connection, target)
            prior = target["prior"] or {}
            state: dict[str, Any] = {
                "status": target["from_status"],
                "version": row["version"] + 1,
                "updated_at": now,
                "reason_code": target["from_reason_code"],
            }
            body: dict[str, Any] = {}
            if target["diff"]:
                body["payload"] = revert_diff(row["payload"], target["diff"])
                state["query"] = str(body["payload"]["query"])
            if "confidence" in prior:
                state["confidence"] = prior["confidence"]
                body["confidence_breakdown"] = prior["confidence_breakdown"]
            if self._update(connection, row, row["version"], state, body):
                connection.execute(
                    INSERT_DECISION,
                    decision_values(
                        example_id=row["id"],
                        tenant_id=tenant_id,
                        reviewer=reviewer,
                        action="undo",
                        from_status=row["status"],
                        to_status=target["from_status"],
                        diff=inverse_diff(target["diff"]) if target["diff"] else None,
                        from_reason_code=row["reason_code"],
                        prior={"confidence": row["confidence"], "confidence_breakdown": row["confidence_breakdown"]},
                        from_version=row["version"],
                        to_version=row["version"] + 1,
                        undoes_id=target["id"],
                        created_at=now,
                    ),
                )
                return to_example({**row, **state, **body})
        raise ConflictError(f"Example {row['id']} changed while undoing.", hint="Run undo again.")

    # -- helpers ------------------------------------------------------------------------------------

    def _row(self, connection: Connection, tenant_id: str, example_id: str) -> RowMapping:
        row = connection.execute(GET_EXAMPLE, {"match_tenant": tenant_id, "match_id": example_id}).mappings().first()
        if row is None:
            raise NotFoundError(
                f"No example '{example_id}' for tenant '{tenant_id}'.", hint="List examples with 'synth review list'."
            )
        return row

    @staticmethod
    def _update(
        connection: Connection,
        row: Mapping[Any, Any],
        expected_version: int,
        state: dict[str, Any],
        body: dict[str, Any],
    ) -> bool:
        """Apply ``state`` (and the payload ``body``) only if the example is still at ``expected_version``."""
        match = {"match_id": row["id"], "match_tenant": row["tenant_id"], "match_version": expected_version}
        if connection.execute(UPDATE_EXAMPLE, {**match, **state}).rowcount != 1:
            return False
        if body:
            connection.execute(UPDATE_PAYLOAD, {"match_id": row["id"], **body})
        return True

    @staticmethod
    def _auto_approval(row: Mapping[str, Any], now: datetime) -> dict[str, Any]:
        """The audit row of an example the confidence extractor approved on arrival."""
        return {
            "example_id": row["id"],
            "tenant_id": row["tenant_id"],
            "reviewer": SYSTEM_REVIEWER,
            "action": "auto_approve",
            "from_status": "pending_review",
            "to_status": "auto_approved",
            "reason_code": None,
            "feedback": f"confidence {row['confidence']:.3f} reached the auto-approval threshold",
            "diff": None,
            "from_reason_code": None,
            "prior": None,
            "from_version": None,
            "to_version": 1,
            "undoes_id": None,
            "created_at": now,
        }

    def _last_undoable(self, connection: Connection, tenant_id: str, reviewer: str) -> RowMapping:
        """The reviewer's newest decision that none of their undos has reverted yet (walks their own
        log backwards: undo only ever reverts the undoing reviewer's decisions)."""
        own = (
            select(DECISIONS)
            .where(DECISIONS.c.tenant_id == tenant_id, DECISIONS.c.reviewer == reviewer)
            .order_by(DECISIONS.c.id.desc())
            .execution_options(yield_per=100)
        )
        undone: set[int] = set()
        for row in connection.execute(own).mappings():
            if row["action"] == "undo":
                undone.add(row["undoes_id"])
            elif row["action"] in UNDOABLE_ACTIONS and row["id"] not in undone:
                return row
        raise NotFoundError(f"Reviewer '{reviewer}' has no decision left to undo for tenant '{tenant_id}'.")

    def _check_nothing_since(self, connection: Connection, target: Mapping[Any, Any]) -> None:
        """Undo only when every later change to the example was itself undone: the example is back
        in the state ``target`` left it in."""
        later = (
            connection.execute(
                select(DECISIONS)
                .where(DECISIONS.c.example_id == target["example_id"], DECISIONS.c.id > target["id"])
                .where(DECISIONS.c.action.in_(APPLIED_ACTIONS))
                .order_by(DECISIONS.c.id)
            )
            .mappings()
            .all()
        )
        undone = {row["undoes_id"] for row in later if row["action"] == "undo"}
        standing = [row for row in later if row["action"] != "undo" and row["id"] not in undone]
        if standing:
            winner = standing[-1]
            raise ConflictError(
                f"Cannot undo: example {target['example_id']} got '{winner['action']}' from {winner['reviewer']} "
                f"at {winner['created_at']:%Y-%m-%d %H:%M:%S} after your decision.",
                hint="Decide it again instead of undoing.",
            )

    def _record_conflict(
        self, tenant_id: str, example_id: str, reviewer: str, expected_version: int, attempt: dict[str, Any]
    ) -> ConflictError:
        """Append the losing attempt as a ``conflict`` row and build the error naming the winner."""
        with transaction(self.engine, write=True) as connection:
            row = self._row(connection, tenant_id, example_id)
            winner = (
                connection.execute(
                    select(DECISIONS)
                    .where(DECISIONS.c.example_id == example_id, DECISIONS.c.action.in_(APPLIED_ACTIONS))
                    .order_by(DECISIONS.c.id.desc())
                    .limit(1)
                )
                .mappings()
                .first()
            )
            connection.execute(
                INSERT_DECISION,
                decision_values(
                    example_id=example_id,
                    tenant_id=tenant_id,
                    reviewer=reviewer,
                    action="conflict",
                    from_status=row["status"],
                    to_status=attempt["to_status"],
                    reason_code=attempt["reason_code"],
                    feedback=attempt["feedback"],
                    diff=attempt["diff"],
                    from_reason_code=row["reason_code"],
                    prior={"attempted_action": attempt["action"]},
                    from_version=expected_version,
                    created_at=utcnow(),
                ),
            )
        who = f"{winner['reviewer']} ({winner['action']} -> {winner['to_status']})" if winner else "another reviewer"
        return ConflictError(
            f"Example {example_id} was already decided by {who}: you saw version {expected_version}, "
            f"it is now version {row['version']} ({row['status']}).",
            hint="Reload the example and decide again if you still disagree.",
        )


def _content_change(
    row: Mapping[Any, Any],
    state: dict[str, Any],
    new_payload: dict[str, Any] | None,
    confidence: float | None,
    confidence_breakdown: list[dict[str, Any]] | None,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Add an edit's new query and score to ``state``; return the payload-table changes and what undo
    needs to restore the score."""
    body: dict[str, Any] = {}
    prior: dict[str, Any] | None = None
    if new_payload is not None:
        state["query"] = str(new_payload["query"])
        body["payload"] = new_payload
    if confidence is not None:
        state["confidence"] = confidence
        body["confidence_breakdown"] = confidence_breakdown or []
        prior = {"confidence": row["confidence"], "confidence_breakdown": row["confidence_breakdown"]}
    return body, prior


def _bulk_audit_rows(
    matching: Any, *, reviewer: str, action: str, to_status: str, reason_code: str | None, feedback: str | None,
    now: datetime,
) -> Any:
    """SELECT producing one audit row (BULK_AUDIT_COLUMNS) per example a bulk decision moves."""
    return select(
        EXAMPLES.c.id,
        EXAMPLES.c.tenant_id,
        literal(reviewer, String()),
        literal(action, String()),
        EXAMPLES.c.status,
        literal(to_status, String()),
        literal(reason_code, String()),
        literal(feedback, Text()),
        EXAMPLES.c.reason_code,
        EXAMPLES.c.version,
        EXAMPLES.c.version + 1,
        literal(now, UTCDateTime()),
    ).where(matching)


def _check_decision_input(
    action: ReviewerAction, reviewer: str, reason_code: str | None, new_payload: dict[str, Any] | None
) -> None:
    if not reviewer or not reviewer.strip():
        raise InvalidRequestError("A decision needs a reviewer name.", hint="Pass --reviewer NAME.")
    if action == "reject" and reason_code not in REASON_CODES:
        raise InvalidRequestError(
            f"Rejecting needs a reason code (got {reason_code!r}).", hint=f"Use one of: {', '.join(REASON_CODES)}."
        )
    if action != "reject" and reason_code is not None:
        raise InvalidRequestError(f"A reason code only goes with reject, not {action}.")
    if action == "edit" and new_payload is None:
        raise InvalidRequestError("An edit needs the edited payload.", hint="Use ReviewService.edit.")


__all__: Sequence[str] = ["DecisionWriter"]
