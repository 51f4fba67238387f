"""The review store: examples waiting for review, the decisions taken on them, runs and exports.

Every method is keyword-only and scoped to one ``tenant_id``: a tenant never sees nor changes another
tenant's examples (an example of another tenant is simply "not found").

Concurrency is optimistic: each example has a ``version``; a decision names the version its reviewer
saw and the UPDATE only applies ``WHERE id = ? AND version = ?``. When someone else decided first the
caller gets a ``ConflictError`` naming them, and the losing attempt is appended to the audit log as a
``conflict`` row (it changed nothing), so the log shows exactly what happened and no reviewer's words
are lost.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine, Table, and_, insert, select

from approval.models import (
    DecisionPublic,
    ExampleFilter,
    ExamplePublic,
    ExampleStatus,
    ExportableRow,
    NewExample,
    Page,
)
from approval.store.audit import audit_rows
from approval.store.decisions import DecisionWriter
from approval.store.engine import dispose, make_engine, transaction
from approval.store.queue import (
    EXAMPLES,
    INSERT_DECISION,
    ORDERINGS,
    PAYLOADS,
    RUNS,
    QueueOrder,
    count_examples,
    example_clauses,
    from_finished_runs,
    new_ids,
    select_by_ids,
    select_examples,
    select_export_rows,
    select_page_ids,
    to_decision,
    to_example,
    widen_run_range,
)
from approval.store.runs import RunKeeper, run_state
from approval.store.stats import collect_stats
from approval.store.tables import Base, ExportRow, check_schema, utcnow
from approval.store.text_index import ensure_text_index
from synth_core.errors import ConfigError, InvalidRequestError, NotFoundError
from synth_core.settings import Settings
from synth_core.tenants import check_tenant

EXPORTS = cast(Table, ExportRow.__table__)
MAX_PAGE = 1000
T = TypeVar("T")


class ReviewStore(DecisionWriter, RunKeeper):
    """A review store at a SQLAlchemy URL (``sqlite:///...`` or ``postgresql+psycopg://...``)."""

    def __init__(self, url: str, *, text_index: bool = False) -> None:
        """``text_index``: on PostgreSQL, keep a trigram index for the query-text filter when pg_trgm is
        available (faster text-filtered pages, slower decisions and inserts: see ``approval.store.text_index``)."""
        self.url = url
        self.engine = _engine(url)
        with transaction(self.engine, write=True) as connection:
            Base.metadata.create_all(connection)
            check_schema(connection, self.engine.url.render_as_string(hide_password=True))
        self.text_index = ensure_text_index(self.engine) if text_index else False

    @classmethod
    def from_settings(cls, settings: Settings) -> ReviewStore:
        return cls(settings.review_url, text_index=settings.review.text_index)

    def close(self) -> None:
        dispose(self.engine)

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- runs ---------------------------------------------------------------------------------------

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

    # -- examples -----------------------------------------------------------------------------------

    def add_examples(self, *, run_id: str, tenant_id: str, optimizer: str, examples: Sequence[NewExample]) -> list[str]:
        """Store a batch in ONE transaction (a crash leaves the whole batch or nothing); returns the ids."""
        if not examples:
            return []
        now = utcnow()
        ids = new_ids(len(examples))
        rows = [
            _example_row(example_id, run_id, tenant_id, optimizer, example, now)
            for example_id, example in zip(ids, examples, strict=True)
        ]
        with transaction(self.engine, write=True) as connection:
            self._check_run_and_parents(connection, run_id, tenant_id, examples)
            connection.execute(insert(EXAMPLES), rows)
            connection.execute(widen_run_range(run_id, ids))
            bodies = [_payload_row(key, example) for key, example in zip(ids, examples, strict=True)]
            connection.execute(insert(PAYLOADS), bodies)
            auto = [row for row in rows if row["status"] == "auto_approved"]
            if auto:
                connection.execute(INSERT_DECISION, [self._auto_approval(row, now) for row in auto])
        return ids

    def get(self, *, tenant_id: str, example_id: str) -> ExamplePublic:
        with transaction(self.engine, write=False) as connection:
            return to_example(self._row(connection, tenant_id, example_id))

    def list_page(
        self,
        *,
        tenant_id: str,
        filter: ExampleFilter,
        limit: int = 50,
        offset: int = 0,
        order: QueueOrder = "created",
    ) -> Page:
        """One page of the filtered queue and the size of the whole filtered set."""
        if not 1 <= limit <= MAX_PAGE or offset < 0:
            raise InvalidRequestError(f"Page limit must be 1..{MAX_PAGE} and offset >= 0 (got {limit}, {offset}).")
        if order not in ORDERINGS:
            raise InvalidRequestError(f"Unknown order '{order}'.", hint=f"Use one of: {', '.join(ORDERINGS)}.")
        with transaction(self.engine, write=False) as connection:
            # The count first: how many match decides how the page is best found (select_page_ids).
            total = connection.execute(count_examples(tenant_id, filter)).scalar_one()
            ids: list[str] = []
            by_id: dict[str, ExamplePublic] = {}
            if offset < total:
                page_ids = select_page_ids(tenant_id, filter, order, (limit, offset), total, connection.dialect.name)
                ids = list(connection.execute(page_ids).scalars())
                # By primary key only: the ids come from the tenant-scoped query above, and a tenant clause
                # here lures SQLite into scanning the tenant's index instead (100x slower).
                rows = connection.execute(select_by_ids(ids)).mappings()
                by_id = {row["id"]: to_example(row) for row in rows if row["tenant_id"] == tenant_id}
        return Page(items=[by_id[example_id] for example_id in ids], total=total, limit=limit, offset=offset)

    def count(self, *, tenant_id: str, filter: ExampleFilter) -> int:
        with transaction(self.engine, write=False) as connection:
            return int(connection.execute(count_examples(tenant_id, filter)).scalar_one())

    def iter_exportable(
        self, *, tenant_id: str, optimizer: str, include_auto_approved: bool = True, batch: int = 5000
    ) -> Iterator[ExamplePublic]:
        """Approved (and auto-approved) examples of finished runs ordered by id, read from one consistent
        snapshot.

        The ids come first from the queue index (one pass), then the examples in batches by primary key.
        """
        exportable = _exportable(optimizer, include_auto_approved)
        clauses = [*example_clauses(tenant_id, exportable), from_finished_runs(tenant_id)]
        ids_query = select(EXAMPLES.c.id).where(*clauses).order_by(EXAMPLES.c.id)
        with self.engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                ids = list(connection.execute(ids_query).scalars())
                for start in range(0, len(ids), batch):
                    chunk = ids[start : start + batch]
                    rows = connection.execute(select_by_ids(chunk)).mappings()
                    by_id = {row["id"]: to_example(row) for row in rows}
                    yield from (by_id[example_id] for example_id in chunk)

    def iter_export_rows(
        self,
        *,
        tenant_id: str,
        optimizer: str,
        include_auto_approved: bool = True,
        omit_fields: Sequence[str] = (),
        batch: int = 5000,
    ) -> Generator[ExportableRow, None, None]:
        """What an export reads: the same examples as ``iter_exportable`` (approved, and auto-approved
        unless excluded; of finished runs; one tenant; ordered by id) as light rows, payloads decoded once, unvalidated.

        The database drops the payloads' top-level ``omit_fields`` (an export's provenance and signals
        are two thirds of a payload), so they are neither sent nor decoded. One statement, so one
        consistent snapshot on every database; streamed ``batch`` rows at a time (a server-side
        cursor on PostgreSQL, where the next batch is fetched while the caller handles this one: see
        ``_read_ahead``). Close the generator (or read it to the end) to end the transaction.
        """
        exportable = _exportable(optimizer, include_auto_approved)
        query = select_export_rows(tenant_id, exportable, omit_fields, self.engine.dialect.name)
        # A real transaction, not a read's autocommit: PostgreSQL keeps a server-side cursor only in one.
        with transaction(self.engine, write=False, isolation="READ COMMITTED") as connection:
            partitions = connection.execute(query.execution_options(yield_per=batch)).partitions()
            ahead = self.engine.dialect.name == "postgresql"
            with closing(_read_ahead(partitions, ahead=ahead)) as batches:
                for rows in batches:
                    yield from map(ExportableRow._make, rows)

    def known_queries(self, *, tenant_id: str, optimizer: str, statuses: Sequence[str]) -> list[str]:
        """Queries already stored, case-folded (for the near-duplicate index, which compares case-folded
        words), in insertion order."""
        query = (
            select(EXAMPLES.c.query_folded)
            .where(EXAMPLES.c.tenant_id == tenant_id, EXAMPLES.c.optimizer == optimizer)
            .where(EXAMPLES.c.status.in_(list(statuses)))
            .order_by(EXAMPLES.c.id)
        )
        with transaction(self.engine, write=False) as connection:
            return list(connection.execute(query).scalars())

    def decided_examples(self, *, tenant_id: str, optimizer: str | None = None) -> list[ExamplePublic]:
        """Examples a person decided (approved or rejected, edits included), for calibration."""
        example_filter = ExampleFilter(optimizer=optimizer, statuses=["approved", "rejected"])
        with transaction(self.engine, write=False) as connection:
            rows = connection.execute(select_examples(tenant_id, example_filter).order_by(EXAMPLES.c.id)).mappings()
            return [to_example(row) for row in rows]

    def children(self, *, tenant_id: str, parent_id: str) -> list[ExamplePublic]:
        """Examples regenerated from ``parent_id``, oldest first."""
        query = select_examples(tenant_id).where(EXAMPLES.c.parent_id == parent_id).order_by(EXAMPLES.c.created_at)
        with transaction(self.engine, write=False) as connection:
            return [to_example(row) for row in connection.execute(query).mappings()]

    # -- audit log, exports, stats ------------------------------------------------------------------

    def decisions(self, *, tenant_id: str, example_id: str | None = None) -> list[DecisionPublic]:
        """The audit log (oldest first), of one example or of the whole tenant: one entry per example a
        decision changed (a bulk decision has one per example, all with its id)."""
        query = audit_rows(tenant_id, example_id)
        with transaction(self.engine, write=False) as connection:
            return [to_decision(row) for row in connection.execute(query).mappings()]

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
        (export_id,) = new_ids(1)
        with transaction(self.engine, write=True) as connection:
            connection.execute(
                insert(EXPORTS).values(
                    id=export_id,
                    tenant_id=tenant_id,
                    optimizer=optimizer,
                    filter=filter,
                    counts=counts,
                    file_hash=file_hash,
                    path=path,
                    created_at=utcnow(),
                )
            )
        return export_id

    def exports(self, *, tenant_id: str) -> list[dict[str, Any]]:
        query = select(EXPORTS).where(EXPORTS.c.tenant_id == tenant_id).order_by(EXPORTS.c.created_at)
        with transaction(self.engine, write=False) as connection:
            return [dict(row) for row in connection.execute(query).mappings()]

    def stats(self, *, tenant_id: str, optimizer: str | None = None) -> dict[str, Any]:
        with transaction(self.engine, write=False) as connection:
            return collect_stats(connection, tenant_id=tenant_id, optimizer=optimizer)

    # -- helpers ------------------------------------------------------------------------------------

    def _check_run_and_parents(
        self, connection: Connection, run_id: str, tenant_id: str, examples: Sequence[NewExample]
    ) -> None:
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


def _engine(url: str) -> Engine:
    """``make_engine``, with a missing database driver (psycopg for PostgreSQL, an optional extra) as one
    line that says what to install."""
    try:
        return make_engine(url)
    except ImportError as exc:
        raise ConfigError(
            f"The review store (review.url) needs the database driver '{exc.name or exc}', which is not installed.",
            hint="For PostgreSQL install it with: pip install 'synth-studio[postgres]'.",
        ) from None


def _exportable(optimizer: str, include_auto_approved: bool) -> ExampleFilter:
    statuses: list[ExampleStatus] = ["approved", "auto_approved"] if include_auto_approved else ["approved"]
    return ExampleFilter(optimizer=optimizer, statuses=statuses)


def _read_ahead(batches: Iterator[T], *, ahead: bool) -> Generator[T, None, None]:
    """``batches``; with ``ahead``, each fetched by a worker thread while the caller handles the one
    before, so that the database's work overlaps ours (PostgreSQL: about 0.2-0.5 s of 100,000 rows).
    The connection stays the caller's: the worker only reads from its cursor, and is done before the
    generator is. Not for SQLite, whose driver lets go of the GIL on every row: passing it to and fro
    costs more than the overlap gains."""
    if not ahead:
        yield from batches
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-read") as reader:
        pending = reader.submit(next, batches, None)
        while (batch := pending.result()) is not None:
            pending = reader.submit(next, batches, None)
            yield batch


def _example_row(
    example_id: str, run_id: str, tenant_id: str, optimizer: str, example: NewExample, now: Any
) -> dict[str, Any]:
    return {
        "id": example_id,
        "run_id": run_id,
        "tenant_id": tenant_id,
        "optimizer": optimizer,
        "query_folded": example.query.casefold(),
        "status": example.status,
        "reason_code": None,
        "confidence": example.confidence,
        "version": 1,
        "parent_id": example.parent_id,
        "created_at": now,
        "updated_at": now,
    }


def _payload_row(example_id: str, example: NewExample) -> dict[str, Any]:
    return {
        "example_id": example_id,
        "payload": example.payload,
        "confidence_breakdown": example.confidence_breakdown,
        "source_content_ids": example.source_content_ids,
        "regeneration_attempt": example.regeneration_attempt,
    }
