"""Runs in the review store: finished, discarded, or not yet (still running, or interrupted).

A run's examples are stored batch by batch while it runs, and a run only counts once it finished:
examples of an unfinished run are never exported (``from_finished_runs``), and the sink holds back
their auto-approvals until ``finish_run`` grants them, in the same transaction that marks the run
finished. So a run killed half-way leaves examples a person may review but nothing that ships.

The state needs no column of its own: ``finished_at`` set = finished; ``summary.discarded_at`` set
= discarded; neither = unfinished.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Update,
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    select,
    update,
)

from approval.models import ExampleFilter, NewExample
from approval.store.audit import INSERT_DECISION, auto_approval_values
from approval.store.duplicates import unfile_queries
from approval.store.engine import transaction
from approval.store.label_index import forget_labels
from approval.store.queue import example_clauses
from approval.store.tables import BULK_ITEMS, DECISIONS, EXAMPLES, PAYLOADS, RUNS, utcnow
from synth_core.errors import Fix, InvalidRequestError, NotFoundError
from synth_core.tenants import check_tenant

StoredRunState = Literal["unfinished", "finished", "discarded"]
DELETE_CHUNK = 5000


class RunPublic(BaseModel):
    """A run as ``synth runs`` lists it."""

    id: str
    tenant_id: str
    optimizer: str
    state: StoredRunState
    requested: int | None
    stored: int
    seed: int | None
    started_at: datetime
    finished_at: datetime | None
    process: dict[str, Any] = {}
    """Where it ran: {"host", "pid"} (the sink records them), to tell running from interrupted."""


def run_state(finished_at: datetime | None, summary: dict[str, Any] | None) -> StoredRunState:
    if finished_at is not None:
        return "finished"
    return "discarded" if (summary or {}).get("discarded_at") else "unfinished"


class Runs:
    """The runs of a review store at ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def start_run(
        self, *, run_id: str, tenant_id: str, optimizer: str, request: dict[str, Any], settings_snapshot: dict[str, Any]
    ) -> None:
        """Record a generation run (idempotent for the same tenant)."""
        check_tenant(tenant_id)
        with transaction(self.engine, write=True) as connection:
            owner = connection.execute(select(RUNS.c.tenant_id).where(RUNS.c.id == run_id)).scalar()
            if owner == tenant_id:
                return
            if owner is not None:
                raise InvalidRequestError(f"Run id '{run_id}' is already taken.", hint="Use a new run id.")
            seed = request.get("seed") if request.get("seed") is not None else settings_snapshot.get("seed")
            connection.execute(
                insert(RUNS).values(
                    id=run_id,
                    tenant_id=tenant_id,
                    optimizer=optimizer,
                    request=request,
                    seed=seed,
                    settings_snapshot=settings_snapshot,
                    summary=None,
                    started_at=utcnow(),
                    finished_at=None,
                )
            )

    def get_run(self, *, tenant_id: str, run_id: str) -> dict[str, Any]:
        with transaction(self.engine, write=False) as connection:
            row = (
                connection.execute(select(RUNS).where(RUNS.c.id == run_id, RUNS.c.tenant_id == tenant_id))
                .mappings()
                .first()
            )
        if row is None:
            raise NotFoundError(f"No run '{run_id}' for tenant '{tenant_id}'.")
        return dict(row)

    def finish_run(
        self,
        *,
        run_id: str,
        summary: dict[str, Any],
        auto_approve_at: float | None = None,
        audit_ids: Sequence[str] = (),
    ) -> int:
        """Mark the run finished and, with ``auto_approve_at``, auto-approve its examples that were held
        back (still pending and untouched, confidence at or above it, and not among ``audit_ids``: drawn
        for a person to check), all in one transaction. Returns how many were auto-approved."""
        now = utcnow()
        with transaction(self.engine, write=True) as connection:
            row = connection.execute(select(RUNS).where(RUNS.c.id == run_id)).mappings().first()
            if row is None:
                raise NotFoundError(f"No run '{run_id}' in the review store.", hint="Call start_run first.")
            if run_state(row["finished_at"], row["summary"]) != "unfinished":
                raise InvalidRequestError(f"Run '{run_id}' is already {run_state(row['finished_at'], row['summary'])}.")
            approved = 0
            if auto_approve_at is not None:
                approved = _grant_held_approvals(connection, row["tenant_id"], run_id, auto_approve_at, now, audit_ids)
            connection.execute(update(RUNS).where(RUNS.c.id == run_id).values(summary=summary, finished_at=now))
        return approved

    def list_runs(self, *, tenant_id: str, optimizer: str | None = None, limit: int = 50) -> list[RunPublic]:
        """The tenant's runs, newest first, with how many examples each stored."""
        query = select(RUNS).where(RUNS.c.tenant_id == tenant_id).order_by(RUNS.c.started_at.desc(), RUNS.c.id)
        if optimizer:
            query = query.where(RUNS.c.optimizer == optimizer)
        with transaction(self.engine, write=False) as connection:
            rows = list(connection.execute(query.limit(limit)).mappings())
            counts = _example_counts(connection, tenant_id, [row["id"] for row in rows])
        return [_run_public(row, counts.get(row["id"], 0)) for row in rows]

    def get_run_public(self, *, tenant_id: str, run_id: str) -> RunPublic:
        with transaction(self.engine, write=False) as connection:
            row = _run_row(connection, tenant_id, run_id)
            counts = _example_counts(connection, tenant_id, [run_id])
        return _run_public(row, counts.get(run_id, 0))

    def unfinished_runs(
        self, *, tenant_id: str, optimizer: str, statuses: Sequence[str]
    ) -> list[tuple[RunPublic, int]]:
        """The tenant's unfinished (and discarded) runs of ``optimizer``, each with how many of its
        examples have one of ``statuses``: what an export leaves out."""
        query = select(RUNS).where(
            RUNS.c.tenant_id == tenant_id, RUNS.c.optimizer == optimizer, RUNS.c.finished_at.is_(None)
        )
        with transaction(self.engine, write=False) as connection:
            rows = list(connection.execute(query.order_by(RUNS.c.started_at, RUNS.c.id)).mappings())
            stored = _example_counts(connection, tenant_id, [row["id"] for row in rows])
            counts = _example_counts(connection, tenant_id, [row["id"] for row in rows], statuses)
        return [(_run_public(row, stored.get(row["id"], 0)), counts.get(row["id"], 0)) for row in rows]

    def claim_run(self, *, tenant_id: str, run_id: str, process: dict[str, Any]) -> RunPublic:
        """Record that ``process`` now carries on an unfinished run (``synth runs resume``)."""
        with transaction(self.engine, write=True) as connection:
            row = _run_row(connection, tenant_id, run_id)
            _require_unfinished(row, "resumed")
            snapshot = {**(row["settings_snapshot"] or {}), "process": process}
            connection.execute(update(RUNS).where(RUNS.c.id == run_id).values(settings_snapshot=snapshot))
        return self.get_run_public(tenant_id=tenant_id, run_id=run_id)

    def run_queries(self, *, tenant_id: str, run_id: str) -> set[str]:
        """The case-folded queries a run has stored (a resumed run skips them)."""
        query = select(EXAMPLES.c.query_folded).where(*example_clauses(tenant_id, ExampleFilter(run_id=run_id)))
        with transaction(self.engine, write=False) as connection:
            return set(connection.execute(query).scalars())

    def discard_run(self, *, tenant_id: str, run_id: str) -> tuple[int, int]:
        """Discard an unfinished run: delete its examples nobody decided, keep the ones a person did
        (the audit log refers to them; their run never finishes, so they are never exported).
        Returns (deleted, kept)."""
        with transaction(self.engine, write=True) as connection:
            row = _run_row(connection, tenant_id, run_id)
            _require_unfinished(row, "discarded")
            ours = and_(*example_clauses(tenant_id, ExampleFilter(run_id=run_id)))
            keyed = select(EXAMPLES.c.id, EXAMPLES.c.tenant_id, EXAMPLES.c.optimizer, EXAMPLES.c.query_folded)
            rows = list(connection.execute(keyed.where(ours, *_untouched())).mappings())
            undecided = [row["id"] for row in rows]
            unfile_queries(connection, rows)
            for start in range(0, len(undecided), DELETE_CHUNK):
                chunk = undecided[start : start + DELETE_CHUNK]
                connection.execute(delete(PAYLOADS).where(PAYLOADS.c.example_id.in_(chunk)))
                forget_labels(connection, chunk)
                connection.execute(delete(EXAMPLES).where(EXAMPLES.c.id.in_(chunk)))
            kept = connection.execute(select(func.count()).select_from(EXAMPLES).where(ours)).scalar_one()
            summary = {"discarded_at": utcnow().isoformat(), "deleted": len(undecided), "kept": kept}
            connection.execute(update(RUNS).where(RUNS.c.id == run_id).values(summary=summary))
        return len(undecided), int(kept)


def _grant_held_approvals(
    connection: Connection, tenant_id: str, run_id: str, threshold: float, now: Any, audit_ids: Sequence[str] = ()
) -> int:
    held = example_clauses(tenant_id, ExampleFilter(run_id=run_id, statuses=["pending_review"]))
    if audit_ids:
        held.append(EXAMPLES.c.id.not_in(list(audit_ids)))
    granted = connection.execute(
        update(EXAMPLES)
        .where(*held, EXAMPLES.c.version == 1, EXAMPLES.c.confidence >= threshold)
        .values(status="auto_approved", version=2, updated_at=now)
        .returning(EXAMPLES.c.id, EXAMPLES.c.confidence)
    ).all()
    if granted:
        approvals = [
            auto_approval_values(example_id=row.id, tenant_id=tenant_id, confidence=row.confidence, now=now, held=True)
            for row in granted
        ]
        connection.execute(INSERT_DECISION, approvals)
    return len(granted)


def check_run_and_parents(connection: Connection, run_id: str, tenant_id: str, examples: Sequence[NewExample]) -> None:
    """Refuse a batch for a run that is not the tenant's or no longer takes examples, or whose
    regenerated examples name parents the tenant does not have."""
    columns = (RUNS.c.tenant_id, RUNS.c.finished_at, RUNS.c.summary)
    run = connection.execute(select(*columns).where(RUNS.c.id == run_id)).mappings().first()
    if run is None or run["tenant_id"] != tenant_id:
        raise NotFoundError(f"No run '{run_id}' for tenant '{tenant_id}'.", hint="Call start_run first.")
    parents = {example.parent_id for example in examples if example.parent_id}
    if parents:
        found = set(
            connection.execute(
                select(EXAMPLES.c.id).where(and_(EXAMPLES.c.tenant_id == tenant_id, EXAMPLES.c.id.in_(parents)))
            ).scalars()
        )
        if missing := sorted(parents - found):
            raise NotFoundError(f"Parent example(s) {', '.join(missing)} not found for tenant '{tenant_id}'.")
    # A finished run is what an export trusts as whole; a discarded one is gone.
    if (state := run_state(run["finished_at"], run["summary"])) != "unfinished":
        raise InvalidRequestError(f"Run '{run_id}' is {state}: it takes no more examples.", hint="Start a new run.")


def widen_run_range(run_id: str, ids: Sequence[str]) -> Update:
    """Make the run's id range (``RunRow.first_example_id``) cover ``ids``, just stored in the run."""
    run = RUNS.c
    first, last = min(ids), max(ids)
    return (
        update(RUNS)
        .where(run.id == run_id)
        .values(
            first_example_id=func.coalesce(case((run.first_example_id < first, run.first_example_id)), first),
            last_example_id=func.coalesce(case((run.last_example_id > last, run.last_example_id)), last),
        )
    )


def _untouched() -> list[ColumnElement[bool]]:
    """No decision, no bulk decision and no regenerated child refers to the example."""
    example_id = EXAMPLES.c.id
    children = EXAMPLES.alias("children")
    return [
        ~exists().where(DECISIONS.c.example_id == example_id),
        ~exists().where(BULK_ITEMS.c.example_id == example_id),
        ~exists().where(children.c.parent_id == example_id),
    ]


def _run_row(connection: Connection, tenant_id: str, run_id: str) -> Any:
    row = connection.execute(select(RUNS).where(RUNS.c.id == run_id, RUNS.c.tenant_id == tenant_id)).mappings().first()
    if row is None:
        raise NotFoundError(
            f"No run '{run_id}' for tenant '{tenant_id}'.",
            fix=Fix("Check the run id: it must be one of this tenant's.", field="run_id", step="list_runs"),
        )
    return row


def _require_unfinished(row: Any, verb: str) -> None:
    state = run_state(row["finished_at"], row["summary"])
    if state != "unfinished":
        raise InvalidRequestError(f"Run '{row['id']}' is {state}; only an unfinished run can be {verb}.")


def _example_counts(
    connection: Connection, tenant_id: str, run_ids: list[str], statuses: Sequence[str] = ()
) -> dict[str, int]:
    if not run_ids:
        return {}
    query = (
        select(EXAMPLES.c.run_id, func.count())
        .where(EXAMPLES.c.tenant_id == tenant_id, EXAMPLES.c.run_id.in_(run_ids))
        .group_by(EXAMPLES.c.run_id)
    )
    if statuses:
        query = query.where(EXAMPLES.c.status.in_(list(statuses)))
    return {run_id: int(count) for run_id, count in connection.execute(query)}


def _run_public(row: Any, stored: int) -> RunPublic:
    request = row["request"] or {}
    count = request.get("count")
    return RunPublic(
        id=row["id"],
        tenant_id=row["tenant_id"],
        optimizer=row["optimizer"],
        state=run_state(row["finished_at"], row["summary"]),
        requested=count if isinstance(count, int) else None,
        stored=stored,
        seed=row["seed"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        process=(row["settings_snapshot"] or {}).get("process") or {},
    )
