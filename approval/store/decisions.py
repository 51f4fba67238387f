"""Decisions on examples: single decisions, bulk decisions, undo, and the conflicts between reviewers.

The one-statement approve and reject of PostgreSQL live in fast_decisions.py, bulk decisions and their
undo in bulk.py, the audit log's rows in audit.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.engine import RowMapping

from approval.decision import Decision, Revision
from approval.models import ExampleFilter, ExamplePublic, UndoResult
from approval.store.audit import (
    INSERT_DECISION,
    UNDOABLE_ACTIONS,
    decision_values,
    is_bulk,
    later_changes,
    latest_change,
    standing,
)
from approval.store.bulk import bulk_decide, bulk_scope, undo_bulk, with_retries
from approval.store.diffs import inverse_diff, revert_diff
from approval.store.engine import transaction
from approval.store.examples import query_state, read_example, to_example, update_example
from approval.store.fast_decisions import ONE_STATEMENT_ACTIONS, decide_in_one_statement
from approval.store.tables import DECISIONS, utcnow
from approval.transitions import allowed_sources, check_transition
from synth_core.errors import ConflictError, InvalidRequestError, NotFoundError


class Decisions:
    """The decisions of a review store at ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def decide(
        self, *, tenant_id: str, example_id: str, decision: Decision, revision: Revision | None = None
    ) -> ExamplePublic:
        """Apply ``decision`` if the example is still at its ``expected_version``; ConflictError otherwise.
        An edit comes with its ``revision`` (the new payload and score), anything else without one."""
        version = _check_decision_input(decision, revision)
        action, to_status, reason_code = decision.action, decision.to_status, decision.reason_code
        now = utcnow()
        if action in ONE_STATEMENT_ACTIONS and self.engine.dialect.name == "postgresql":
            before = decide_in_one_statement(
                self.engine,
                tenant_id=tenant_id,
                example_id=example_id,
                expected_version=version,
                sources=allowed_sources(action),
                decision={
                    "reviewer": decision.reviewer,
                    "action": action,
                    "to_status": to_status,
                    "reason_code": reason_code,
                    "feedback": decision.feedback,
                    "created_at": now,
                },
            )
            if before is not None:
                moved = {"status": to_status, "version": version + 1, "updated_at": now}
                return to_example({**before, **moved, "reason_code": reason_code})
            # Nothing matched: the general path below finds out why and says so.
        diff = revision.diff if revision is not None else None
        with transaction(self.engine, write=True) as connection:
            row = read_example(connection, tenant_id, example_id)
            if row["version"] == version:
                check_transition(row["status"], to_status, action=action)
                state = {
                    "status": to_status,
                    "version": version + 1,
                    "updated_at": now,
                    "reason_code": row["reason_code"] if action == "regenerate" else reason_code,
                }
                body, prior = _content_change(row, state, revision)
                if update_example(connection, row, version, state, body):
                    connection.execute(
                        INSERT_DECISION,
                        decision_values(
                            example_id=example_id,
                            tenant_id=tenant_id,
                            reviewer=decision.reviewer,
                            action=action,
                            from_status=row["status"],
                            to_status=to_status,
                            reason_code=reason_code if action == "reject" else None,
                            feedback=decision.feedback,
                            diff=diff,
                            from_reason_code=row["reason_code"],
                            prior=prior,
                            from_version=version,
                            to_version=version + 1,
                            created_at=now,
                        ),
                    )
                    return to_example({**row, **state, **body})
        raise self._record_conflict(tenant_id, example_id, decision, version, diff)

    def bulk_scope(self, *, filter: ExampleFilter, action: str) -> ExampleFilter | None:
        """The part of ``filter`` a bulk ``action`` applies to (None when nothing can be moved)."""
        return bulk_scope(filter, action)

    def bulk_decide(
        self, *, tenant_id: str, filter: ExampleFilter, decision: Decision, expected_count: int | None = None
    ) -> int:
        """Approve or reject every example matching ``filter`` that may move (all pages, not one) in ONE
        transaction, logged as one bulk decision with an entry per example. Returns the count.

        ``expected_count``: the count shown to the person deciding (``count`` of ``bulk_scope``); when
        another number matches by now, nothing changes and a ConflictError says so.
        """
        scope = bulk_scope(filter, decision.action)
        if scope is None:
            if expected_count:
                raise ConflictError(
                    f"No example can be {decision.to_status} by this filter, not the {expected_count} shown."
                )
            return 0
        return bulk_decide(
            self.engine,
            tenant_id=tenant_id,
            scope=scope,
            reviewer=decision.reviewer,
            action=decision.action,
            to_status=decision.to_status,
            reason_code=decision.reason_code,
            feedback=decision.feedback,
            expected_count=expected_count,
        )

    def undo_last(self, *, tenant_id: str, reviewer: str) -> UndoResult:
        """Revert ``reviewer``'s latest decision not yet undone (repeat to go further back); a bulk
        decision is reverted as a whole.

        Refused with a ConflictError when someone else has decided the example (or one of the bulk
        decision's examples) since and that decision still stands.
        """

        def revert(connection: Connection) -> UndoResult:
            target = self._last_undoable(connection, tenant_id, reviewer)
            if is_bulk(target):
                count = undo_bulk(connection, tenant_id=tenant_id, reviewer=reviewer, target=target)
                return UndoResult(undone_id=target["id"], action=target["action"], examples=count)
            restored = self._undo_one(connection, tenant_id, reviewer, target)
            return UndoResult(undone_id=target["id"], action=target["action"], examples=1, example=restored)

        return with_retries(self.engine, "undo", revert)

    def _undo_one(
        self, connection: Connection, tenant_id: str, reviewer: str, target: Mapping[Any, Any]
    ) -> ExamplePublic:
        now = utcnow()
        row = read_example(connection, tenant_id, target["example_id"])
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
            state.update(query_state(str(body["payload"]["query"])))
        if "confidence" in prior:
            state["confidence"] = prior["confidence"]
            body["confidence_breakdown"] = prior["confidence_breakdown"]
        if not update_example(connection, row, row["version"], state, body):
            raise ConflictError(f"Example {row['id']} changed while undoing.", hint="Run undo again.")
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

    # -- helpers ------------------------------------------------------------------------------------

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
        changes = standing(later_changes(connection, target["id"], [target["example_id"]]))
        if changes:
            winner = changes[-1]
            raise ConflictError(
                f"Cannot undo: example {target['example_id']} got '{winner['action']}' from {winner['reviewer']} "
                f"at {winner['created_at']:%Y-%m-%d %H:%M:%S} after your decision.",
                hint="Decide it again instead of undoing.",
            )

    def _record_conflict(
        self, tenant_id: str, example_id: str, decision: Decision, expected_version: int, diff: dict[str, Any] | None
    ) -> ConflictError:
        """Append the losing attempt as a ``conflict`` row and build the error naming the winner."""
        with transaction(self.engine, write=True) as connection:
            row = read_example(connection, tenant_id, example_id)
            winner = latest_change(connection, tenant_id, example_id)
            connection.execute(
                INSERT_DECISION,
                decision_values(
                    example_id=example_id,
                    tenant_id=tenant_id,
                    reviewer=decision.reviewer,
                    action="conflict",
                    from_status=row["status"],
                    to_status=decision.to_status,
                    reason_code=decision.reason_code,
                    feedback=decision.feedback,
                    diff=diff,
                    from_reason_code=row["reason_code"],
                    prior={"attempted_action": decision.action},
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
    row: Mapping[Any, Any], state: dict[str, Any], revision: Revision | None
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Add an edit's new query and score to ``state``; return the payload-table changes and what undo
    needs to restore the score."""
    body: dict[str, Any] = {}
    prior: dict[str, Any] | None = None
    if revision is None:
        return body, prior
    state.update(query_state(str(revision.payload["query"])))
    body["payload"] = revision.payload
    if revision.confidence is not None:
        state["confidence"] = revision.confidence
        body["confidence_breakdown"] = revision.confidence_breakdown or []
        prior = {"confidence": row["confidence"], "confidence_breakdown": row["confidence_breakdown"]}
    return body, prior


def _check_decision_input(decision: Decision, revision: Revision | None) -> int:
    """The version the decision applies at; an edit (and only an edit) brings its revision."""
    if decision.expected_version is None:
        raise InvalidRequestError(
            "A decision on the store names the version it was made at.", hint="Use ReviewService.decide."
        )
    if decision.action == "edit" and revision is None:
        raise InvalidRequestError("An edit needs the edited payload.", hint="Use ReviewService.decide.")
    if decision.action != "edit" and revision is not None:
        raise InvalidRequestError(f"Only an edit changes the payload, not {decision.action}.")
    return decision.expected_version


__all__: Sequence[str] = ["Decisions"]
