"""The review store: examples waiting for review, the decisions taken on them, runs and exports.

Every method is keyword-only and scoped to one ``tenant_id``: a tenant never sees nor changes another
tenant's examples (an example of another tenant is simply "not found").

Concurrency is optimistic: each example has a ``version``; a decision names the version its reviewer
saw and the UPDATE only applies ``WHERE id = ? AND version = ?``. When someone else decided first the
caller gets a ``ConflictError`` naming them, and the losing attempt is appended to the audit log as a
``conflict`` row (it changed nothing), so the log shows exactly what happened and no reviewer's words
are lost.

``ReviewStore`` is the one object callers hold. It stores and reads examples itself and hands the rest
to its parts, each owning one concern on the same engine: ``QueuePages`` (queue_pages.py; the queue's
SQL in queue.py), ``Runs`` (runs.py), ``Decisions`` (decisions.py; bulk.py, fast_decisions.py),
``Exports`` (exports.py); the audit log's rows are audit.py's, the statistics stats.py's, the tables
tables.py's and the schema schema.py's.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from typing import Any

from sqlalchemy import insert

from approval.decision import Decision, Revision
from approval.dedup import NearbyQueries
from approval.models import (
    DecidedCount,
    DecidedExample,
    DecisionPublic,
    ExampleFilter,
    ExamplePublic,
    ExportableRow,
    NewExample,
    Page,
    PageRequest,
    StoredConfidenceModel,
    UndoResult,
)
from approval.store.audit import INSERT_DECISION, audit_rows, auto_approval_values, to_decision
from approval.store.decisions import Decisions
from approval.store.duplicates import file_queries, nearby_queries
from approval.store.engine import dispose, make_engine, transaction
from approval.store.examples import example_row, payload_row, read_example, to_example
from approval.store.exports import Exports
from approval.store.ids import new_ids
from approval.store.label_index import index_labels
from approval.store.learning import decided_examples, decided_total, load_model, save_model
from approval.store.queue import count_examples, select_examples
from approval.store.queue_pages import QueuePages
from approval.store.runs import RunPublic, Runs, check_run_and_parents, widen_run_range
from approval.store.schema import open_schema
from approval.store.stats import collect_stats, decided_counts
from approval.store.tables import APPROVAL_CHANCES, EXAMPLES, PAYLOADS, utcnow
from approval.store.text_index import ensure_text_index
from synth_core.settings import Settings


class ReviewStore:
    """A review store at a SQLAlchemy URL (``sqlite:///...`` or ``postgresql+psycopg://...``)."""

    def __init__(self, url: str, *, text_index: bool = False) -> None:
        """``text_index``: on PostgreSQL, keep a trigram index for the query-text filter when pg_trgm is
        available (faster text-filtered pages, slower decisions and inserts: see ``text_index.py``)."""
        self.url = url
        self.engine = make_engine(url)
        open_schema(self.engine)
        self.text_index = ensure_text_index(self.engine) if text_index else False
        self._runs = Runs(self.engine)
        self._decisions = Decisions(self.engine)
        self._exports = Exports(self.engine)
        self._pages = QueuePages(self.engine)

    @classmethod
    def from_settings(cls, settings: Settings) -> ReviewStore:
        return cls(settings.review_url, text_index=settings.review.text_index)

    def close(self) -> None:
        dispose(self.engine)

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- runs (runs.py) -----------------------------------------------------------------------------

    def start_run(
        self, *, run_id: str, tenant_id: str, optimizer: str, request: dict[str, Any], settings_snapshot: dict[str, Any]
    ) -> None:
        """Record a generation run (idempotent for the same tenant)."""
        self._runs.start_run(
            run_id=run_id,
            tenant_id=tenant_id,
            optimizer=optimizer,
            request=request,
            settings_snapshot=settings_snapshot,
        )

    def get_run(self, *, tenant_id: str, run_id: str) -> dict[str, Any]:
        return self._runs.get_run(tenant_id=tenant_id, run_id=run_id)

    def finish_run(
        self,
        *,
        run_id: str,
        summary: dict[str, Any],
        auto_approve_at: float | None = None,
        audit_ids: Sequence[str] = (),
    ) -> int:
        """Mark the run finished, granting its held-back auto-approvals but for ``audit_ids``; returns how
        many (``Runs.finish_run``)."""
        return self._runs.finish_run(
            run_id=run_id, summary=summary, auto_approve_at=auto_approve_at, audit_ids=audit_ids
        )

    def list_runs(self, *, tenant_id: str, optimizer: str | None = None, limit: int = 50) -> list[RunPublic]:
        """The tenant's runs, newest first, with how many examples each stored."""
        return self._runs.list_runs(tenant_id=tenant_id, optimizer=optimizer, limit=limit)

    def get_run_public(self, *, tenant_id: str, run_id: str) -> RunPublic:
        return self._runs.get_run_public(tenant_id=tenant_id, run_id=run_id)

    def unfinished_runs(
        self, *, tenant_id: str, optimizer: str, statuses: Sequence[str]
    ) -> list[tuple[RunPublic, int]]:
        """The unfinished and discarded runs of ``optimizer``, each with how many of its examples have
        one of ``statuses`` (``Runs.unfinished_runs``)."""
        return self._runs.unfinished_runs(tenant_id=tenant_id, optimizer=optimizer, statuses=statuses)

    def claim_run(self, *, tenant_id: str, run_id: str, process: dict[str, Any]) -> RunPublic:
        """Record that ``process`` now carries on an unfinished run (``synth runs resume``)."""
        return self._runs.claim_run(tenant_id=tenant_id, run_id=run_id, process=process)

    def run_queries(self, *, tenant_id: str, run_id: str) -> set[str]:
        """The case-folded queries a run has stored (a resumed run skips them)."""
        return self._runs.run_queries(tenant_id=tenant_id, run_id=run_id)

    def discard_run(self, *, tenant_id: str, run_id: str) -> tuple[int, int]:
        """Discard an unfinished run, keeping its examples a person decided; (deleted, kept)."""
        return self._runs.discard_run(tenant_id=tenant_id, run_id=run_id)

    # -- examples and the queue ---------------------------------------------------------------------

    def add_examples(self, *, run_id: str, tenant_id: str, optimizer: str, examples: Sequence[NewExample]) -> list[str]:
        """Store a batch in ONE transaction (a crash leaves the whole batch or nothing); returns the ids."""
        if not examples:
            return []
        now = utcnow()
        ids = new_ids(len(examples))
        rows = [
            example_row(example_id, run_id, tenant_id, optimizer, example, now)
            for example_id, example in zip(ids, examples, strict=True)
        ]
        with transaction(self.engine, write=True) as connection:
            check_run_and_parents(connection, run_id, tenant_id, examples)
            connection.execute(insert(EXAMPLES), rows)
            file_queries(connection, rows)
            connection.execute(widen_run_range(run_id, ids))
            bodies = [payload_row(key, example) for key, example in zip(ids, examples, strict=True)]
            connection.execute(insert(PAYLOADS), bodies)
            index_labels(connection, [(key, example.payload) for key, example in zip(ids, examples, strict=True)])
            chances = [
                {"example_id": key, "chance": example.approval_chance}
                for key, example in zip(ids, examples, strict=True)
                if example.approval_chance is not None
            ]
            if chances:
                connection.execute(insert(APPROVAL_CHANCES), chances)
            auto = [row for row in rows if row["status"] == "auto_approved"]
            if auto:
                approvals = [
                    auto_approval_values(
                        example_id=row["id"], tenant_id=tenant_id, confidence=row["confidence"], now=now
                    )
                    for row in auto
                ]
                connection.execute(INSERT_DECISION, approvals)
        return ids

    def get(self, *, tenant_id: str, example_id: str) -> ExamplePublic:
        with transaction(self.engine, write=False) as connection:
            return to_example(read_example(connection, tenant_id, example_id))

    def list_page(self, *, tenant_id: str, request: PageRequest) -> Page:
        """One page of the filtered queue and how many match, counted up to ``COUNT_LIMIT``
        (``QueuePages.list_page``)."""
        return self._pages.list_page(tenant_id=tenant_id, request=request)

    def list_page_json(self, *, tenant_id: str, request: PageRequest) -> bytes:
        """``list_page`` as the JSON ``Page.model_dump_json()`` writes, made from the stored JSON without
        building models: what the REST API sends for a queue page (``QueuePages.list_page_json``)."""
        return self._pages.list_page_json(tenant_id=tenant_id, request=request)

    def count(self, *, tenant_id: str, filter: ExampleFilter) -> int:
        with transaction(self.engine, write=False) as connection:
            return int(connection.execute(count_examples(tenant_id, filter)).scalar_one())

    def nearby_queries(
        self,
        *,
        tenant_id: str,
        optimizer: str,
        queries: Sequence[str],
        statuses: Sequence[str],
        exclude_ids: Sequence[str] = (),
    ) -> NearbyQueries:
        """The stored queries of examples with one of ``statuses`` that may be near-duplicates of
        ``queries`` (all that are, and a few more), for ``score_batch``: found through the
        near-duplicate keys (duplicates.py), never by reading every stored query."""
        with transaction(self.engine, write=False) as connection:
            return nearby_queries(
                connection,
                tenant_id=tenant_id,
                optimizer=optimizer,
                queries=queries,
                statuses=statuses,
                exclude_ids=exclude_ids,
            )

    def decided_counts(self, *, tenant_id: str, optimizer: str | None = None) -> list[DecidedCount]:
        """How many examples a person decided, and approved, per confidence (most confident first), for
        calibration (``stats.decided_counts``)."""
        with transaction(self.engine, write=False) as connection:
            return decided_counts(connection, tenant_id=tenant_id, optimizer=optimizer)

    # -- the learned confidence (learning.py) --------------------------------------------------------

    def decided_total(self, *, tenant_id: str) -> int:
        """How many of the tenant's examples a person decided (approved or rejected)."""
        with transaction(self.engine, write=False) as connection:
            return decided_total(connection, tenant_id=tenant_id)

    def decided_examples(self, *, tenant_id: str, limit: int) -> list[DecidedExample]:
        """The ``limit`` most recently decided examples, oldest decision first, to learn from."""
        with transaction(self.engine, write=False) as connection:
            return decided_examples(connection, tenant_id=tenant_id, limit=limit)

    def confidence_model(self, *, tenant_id: str) -> StoredConfidenceModel | None:
        """The tenant's learned confidence model, if one was trained."""
        with transaction(self.engine, write=False) as connection:
            return load_model(connection, tenant_id=tenant_id)

    def save_confidence_model(self, *, model: StoredConfidenceModel) -> None:
        """Keep ``model`` as the tenant's (replacing the one before)."""
        with transaction(self.engine, write=True) as connection:
            save_model(connection, **model.model_dump())

    def children(self, *, tenant_id: str, parent_id: str) -> list[ExamplePublic]:
        """Examples regenerated from ``parent_id``, oldest first."""
        query = select_examples(tenant_id).where(EXAMPLES.c.parent_id == parent_id).order_by(EXAMPLES.c.created_at)
        with transaction(self.engine, write=False) as connection:
            return [to_example(row) for row in connection.execute(query).mappings()]

    # -- decisions (decisions.py) -------------------------------------------------------------------

    def decide(
        self, *, tenant_id: str, example_id: str, decision: Decision, revision: Revision | None = None
    ) -> ExamplePublic:
        """Apply one decision if the example is still at its ``expected_version``; ConflictError
        otherwise (``Decisions.decide``)."""
        return self._decisions.decide(tenant_id=tenant_id, example_id=example_id, decision=decision, revision=revision)

    def bulk_scope(self, *, filter: ExampleFilter, action: str) -> ExampleFilter | None:
        """The part of ``filter`` a bulk ``action`` applies to (None when nothing can be moved)."""
        return self._decisions.bulk_scope(filter=filter, action=action)

    def bulk_decide(
        self, *, tenant_id: str, filter: ExampleFilter, decision: Decision, expected_count: int | None = None
    ) -> int:
        """Approve or reject every example matching ``filter`` that may move, as one bulk decision;
        returns the count (``Decisions.bulk_decide``)."""
        return self._decisions.bulk_decide(
            tenant_id=tenant_id, filter=filter, decision=decision, expected_count=expected_count
        )

    def undo_last(self, *, tenant_id: str, reviewer: str) -> UndoResult:
        """Revert ``reviewer``'s latest decision not yet undone (``Decisions.undo_last``)."""
        return self._decisions.undo_last(tenant_id=tenant_id, reviewer=reviewer)

    # -- audit log, exports, stats ------------------------------------------------------------------

    def decisions(self, *, tenant_id: str, example_id: str | None = None) -> list[DecisionPublic]:
        """The audit log (oldest first), of one example or of the whole tenant: one entry per example a
        decision changed (a bulk decision has one per example, all with its id)."""
        query = audit_rows(tenant_id, example_id)
        with transaction(self.engine, write=False) as connection:
            return [to_decision(row) for row in connection.execute(query).mappings()]

    def iter_exportable(
        self, *, tenant_id: str, optimizer: str, include_auto_approved: bool = True, batch: int = 5000
    ) -> Iterator[ExamplePublic]:
        """Approved (and auto-approved) examples of finished runs ordered by id (``Exports.iter_exportable``)."""
        return self._exports.iter_exportable(
            tenant_id=tenant_id, optimizer=optimizer, include_auto_approved=include_auto_approved, batch=batch
        )

    def iter_export_rows(
        self,
        *,
        tenant_id: str,
        optimizer: str,
        include_auto_approved: bool = True,
        omit_fields: Sequence[str] = (),
        batch: int = 5000,
    ) -> Generator[ExportableRow, None, None]:
        """What an export reads, as light rows without ``omit_fields`` (``Exports.iter_export_rows``)."""
        return self._exports.iter_export_rows(
            tenant_id=tenant_id,
            optimizer=optimizer,
            include_auto_approved=include_auto_approved,
            omit_fields=omit_fields,
            batch=batch,
        )

    def record_export(
        self,
        *,
        tenant_id: str,
        optimizer: str,
        filter: dict[str, Any],
        counts: dict[str, Any],
        file_hash: str,
        path: str,
    ) -> str:
        """Remember an export: its filter, counts per label, file hash and path; returns its id."""
        return self._exports.record_export(
            tenant_id=tenant_id, optimizer=optimizer, filter=filter, counts=counts, file_hash=file_hash, path=path
        )

    def exports(self, *, tenant_id: str) -> list[dict[str, Any]]:
        return self._exports.exports(tenant_id=tenant_id)

    def stats(self, *, tenant_id: str, optimizer: str | None = None) -> dict[str, Any]:
        with transaction(self.engine, write=False) as connection:
            return collect_stats(connection, tenant_id=tenant_id, optimizer=optimizer)
