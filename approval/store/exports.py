"""What an export reads from the review store, and the record of each export made.

An export reads the approved (and, unless excluded, auto-approved) examples of finished runs, one
tenant and one optimizer, ordered by id, from one consistent snapshot; examples of a run that has not
finished are never exported. ``iter_export_rows`` is the fast path (light rows; the database drops the
fields an export strips); ``iter_exportable`` gives whole examples.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Engine, FunctionElement, Select, String, insert, literal, select
from sqlalchemy.ext.compiler import compiles

from approval.models import APPROVED_STATUSES, ExampleFilter, ExamplePublic, ExampleStatus, ExportableRow
from approval.store.engine import transaction
from approval.store.examples import to_example
from approval.store.ids import new_ids
from approval.store.queue import example_clauses, select_by_ids
from approval.store.tables import EXAMPLES, EXPORTS, PAYLOADS, RUNS, JSONValue, utcnow

T = TypeVar("T")


class Exports:
    """The export side of a review store at ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

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


def from_finished_runs(tenant_id: str) -> ColumnElement[bool]:
    """Examples whose run has finished: what an export may read. Unfinished runs are few, so the
    clause names them (NOT IN) rather than the many finished ones."""
    unfinished = select(RUNS.c.id).where(RUNS.c.tenant_id == tenant_id, RUNS.c.finished_at.is_(None))
    return EXAMPLES.c.run_id.not_in(unfinished)


def select_export_rows(
    tenant_id: str, example_filter: ExampleFilter, omit_fields: Sequence[str], dialect: str
) -> Select[Any]:
    """The columns of ``ExportableRow`` (state and payload, nothing else) ordered by id.

    The examples are put in order before their payloads are joined. On PostgreSQL, ``OFFSET 0`` keeps
    the planner from merging the two: without statistics (a table just filled, not yet analyzed) it
    expects a handful of rows, joins them one by one and then sorts the wide joined rows, spilling
    100,000 payloads to disk (about 0.5 s more than sorting the narrow rows first). With statistics
    the plan is the same either way (a merge join along both primary keys). SQLite flattens the
    subquery into the plain join.
    """
    columns = EXAMPLES.c
    state = (
        select(columns.id, columns.run_id, columns.tenant_id, columns.optimizer, columns.status, columns.confidence)
        .where(*example_clauses(tenant_id, example_filter), from_finished_runs(tenant_id))
        .order_by(columns.id)
    )
    if dialect == "postgresql":
        state = state.offset(0)
    ordered = state.subquery("exportable")
    payload = PAYLOADS.c.payload
    return (
        select(*ordered.c, json_without(payload, omit_fields, dialect), payload[("signals", "generator")].as_string())
        .select_from(ordered.join(PAYLOADS, PAYLOADS.c.example_id == ordered.c.id))
        .order_by(ordered.c.id)
    )


class JsonWithout(FunctionElement[Any]):
    """A stored JSON object without some top-level keys, removed by the database so that they are
    never sent nor decoded: ``json_remove`` on SQLite, ``jsonb - text[]`` on PostgreSQL."""

    type = JSONValue
    name = "json_without"
    inherit_cache = True


@compiles(JsonWithout)
def _json_without(element: JsonWithout, compiler: Any, **kw: Any) -> str:
    column, *keys = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({column} - CAST(ARRAY[{', '.join(keys)}] AS TEXT[]))"  # one copy of the object, not one per key


@compiles(JsonWithout, "sqlite")
def _json_without_sqlite(element: JsonWithout, compiler: Any, **kw: Any) -> str:
    column, *paths = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"json_remove({', '.join([column, *paths])})" if paths else column


def json_without(column: ColumnElement[Any], keys: Sequence[str], dialect: str) -> ColumnElement[Any]:
    """``column`` (a JSON object) without the top-level ``keys`` (as SQLite paths there)."""
    if not keys:
        return column
    names = [f'$."{key}"' if dialect == "sqlite" else key for key in keys]
    return JsonWithout(column, *(literal(name, String()) for name in names))


def _exportable(optimizer: str, include_auto_approved: bool) -> ExampleFilter:
    statuses: list[ExampleStatus] = list(APPROVED_STATUSES) if include_auto_approved else ["approved"]
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
