"""SQL building blocks of the review store: tenant-scoped filters, row conversion, edit diffs."""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping, Sequence
from typing import Any, Literal, cast

from sqlalchemy import (
    ColumnElement,
    FunctionElement,
    ScalarSelect,
    Select,
    String,
    Table,
    Update,
    and_,
    bindparam,
    case,
    func,
    insert,
    literal,
    select,
    union_all,
    update,
)
from sqlalchemy.ext.compiler import compiles

from approval.models import STATUSES, DecisionPublic, ExampleFilter, ExamplePublic
from approval.store.tables import DecisionRow, ExamplePayloadRow, ExampleRow, JSONValue, RunRow

RUNS = cast(Table, RunRow.__table__)
EXAMPLES = cast(Table, ExampleRow.__table__)
PAYLOADS = cast(Table, ExamplePayloadRow.__table__)
DECISIONS = cast(Table, DecisionRow.__table__)
WITH_PAYLOAD = EXAMPLES.join(PAYLOADS, PAYLOADS.c.example_id == EXAMPLES.c.id)
PAYLOAD_COLUMNS = (
    PAYLOADS.c.payload,
    PAYLOADS.c.confidence_breakdown,
    PAYLOADS.c.source_content_ids,
    PAYLOADS.c.regeneration_attempt,
)
"""What a whole example (``to_example``) reads from ``example_payloads`` beside its state."""

QueueOrder = Literal["created", "confidence", "-confidence"]
"""Oldest first (default), least confident first, most confident first."""

ORDERINGS: dict[str, tuple[ColumnElement[Any], ...]] = {
    "created": (EXAMPLES.c.id,),  # ids sort by creation time (new_ids)
    "confidence": (EXAMPLES.c.confidence, EXAMPLES.c.id),
    "-confidence": (EXAMPLES.c.confidence.desc(), EXAMPLES.c.id),
}

APPLIED_ACTIONS = ("approve", "reject", "edit", "undo", "auto_approve", "regenerate")
"""Every action except ``conflict`` changed the example it names."""

UNDOABLE_ACTIONS = ("approve", "reject", "edit", "regenerate")

MERGE_DENSITY = 2
"""A page is merged from per-status index ranges only when at least this many times the examples it
needs match (see select_page_ids)."""


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


def contains_text(text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match: a plain LIKE of the case-folded text in the case-folded query.

    Folding once when an example is stored (``str.casefold``, full Unicode) instead of per row and
    search: PostgreSQL's ILIKE and lower() cost 3-4x a LIKE, and SQLite's LIKE only folds ASCII.
    """
    return EXAMPLES.c.query_folded.like(like_pattern(text.casefold()), escape="/")


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE's wildcards in ``text`` escaped, so they match themselves."""
    escaped = text.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def new_ids(count: int) -> list[str]:
    """``count`` ids of 32 hex characters that sort by creation: milliseconds since the epoch, the
    position in the batch, then 56 random bits. Sorted ids keep B-tree inserts at the end of the index
    and make "ordered by id" (exports) follow creation order."""
    prefix = f"{time.time_ns() // 1_000_000:012x}"
    return [f"{prefix}{index:06x}{secrets.token_hex(7)}" for index in range(count)]


def example_clauses(tenant_id: str, example_filter: ExampleFilter | None = None) -> list[ColumnElement[bool]]:
    """WHERE clauses for one tenant's examples matching ``example_filter``; the tenant is never optional."""
    if not tenant_id:
        raise ValueError("tenant_id is required for every review-store query")
    columns = EXAMPLES.c
    clauses: list[ColumnElement[bool]] = [columns.tenant_id == tenant_id]
    if example_filter is None:
        return clauses
    if example_filter.optimizer:
        clauses.append(columns.optimizer == example_filter.optimizer)
    if example_filter.statuses:
        clauses.append(columns.status.in_(example_filter.statuses))
    if example_filter.min_confidence is not None:
        clauses.append(columns.confidence >= example_filter.min_confidence)
    if example_filter.max_confidence is not None:
        clauses.append(columns.confidence <= example_filter.max_confidence)
    if example_filter.run_id:
        clauses.append(columns.run_id == example_filter.run_id)
        clauses.append(columns.id.between(*run_range(example_filter.run_id)))
    if example_filter.text:
        clauses.append(contains_text(example_filter.text))
    if example_filter.reason_code:
        clauses.append(columns.reason_code == example_filter.reason_code)
    return clauses


def from_finished_runs(tenant_id: str) -> ColumnElement[bool]:
    """Examples whose run has finished: what an export may read. Unfinished runs are few, so the
    clause names them (NOT IN) rather than the many finished ones."""
    unfinished = select(RUNS.c.id).where(RUNS.c.tenant_id == tenant_id, RUNS.c.finished_at.is_(None))
    return EXAMPLES.c.run_id.not_in(unfinished)


def run_range(run_id: str) -> tuple[ScalarSelect[Any], ScalarSelect[Any]]:
    """The first and last id of the run's examples (NULL for a run without any: nothing matches)."""
    run = RUNS.c
    return (
        select(run.first_example_id).where(run.id == run_id).scalar_subquery(),
        select(run.last_example_id).where(run.id == run_id).scalar_subquery(),
    )


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


def select_examples(tenant_id: str, example_filter: ExampleFilter | None = None) -> Select[Any]:
    """Whole examples (state and payload) of one tenant matching ``example_filter``."""
    return (
        select(EXAMPLES, *PAYLOAD_COLUMNS)
        .select_from(WITH_PAYLOAD)
        .where(and_(*example_clauses(tenant_id, example_filter)))
    )


def select_by_ids(ids: Sequence[str]) -> Select[Any]:
    """Whole examples by id; callers take the ids from a tenant-scoped query in the same transaction."""
    return select(EXAMPLES, *PAYLOAD_COLUMNS).select_from(WITH_PAYLOAD).where(EXAMPLES.c.id.in_(list(ids)))


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


def select_page_ids(
    tenant_id: str, example_filter: ExampleFilter, order: str, page: tuple[int, int], total: int, dialect: str
) -> Select[Any]:
    """The ids of one queue page (``page`` = limit, offset) of the ``total`` matching examples, without
    reading any payload.

    Where an index holds each status as its own range in the page's order (SQLite: both orders;
    PostgreSQL: the confidence orders, see tables.ExampleRow), a page over several statuses is merged
    from the first ``offset + limit`` entries of each range instead of sorting every matching row.
    PostgreSQL takes the 'created' order from the primary key, filtering as it walks. No merging when
    the walk would read most of the ranges to fill the page, because the filter holds columns those
    indexes do not (a rare word in the query; a run, which has few rows): one scan and a sort instead.
    """
    limit, offset = page
    keys = ORDERINGS[order]
    statuses = example_filter.statuses or list(STATUSES)
    ranged = dialect == "sqlite" or order != "created"
    dense = total >= MERGE_DENSITY * (offset + limit) and not example_filter.run_id
    if not example_filter.optimizer or len(statuses) == 1 or not ranged or not dense:
        clauses = example_clauses(tenant_id, example_filter)
        return select(EXAMPLES.c.id).where(*clauses).order_by(*keys).limit(limit).offset(offset)
    key_name = "id" if order == "created" else "confidence"
    columns = [EXAMPLES.c.id] if order == "created" else [EXAMPLES.c.id, EXAMPLES.c.confidence]
    branches = [
        select(*columns)
        .where(*example_clauses(tenant_id, example_filter.model_copy(update={"statuses": [status]})))
        .order_by(*keys)
        .limit(offset + limit)
        .subquery()
        for status in statuses
    ]
    merged = union_all(*(select(*branch.c) for branch in branches)).subquery()
    merged_key = merged.c[key_name].desc() if order == "-confidence" else merged.c[key_name]
    tie_break = [merged.c.id] if key_name != "id" else []
    return select(merged.c.id).order_by(merged_key, *tie_break).limit(limit).offset(offset)


def count_examples(tenant_id: str, example_filter: ExampleFilter | None = None) -> Select[Any]:
    return select(func.count()).select_from(EXAMPLES).where(and_(*example_clauses(tenant_id, example_filter)))


def to_example(row: Mapping[Any, Any]) -> ExamplePublic:
    """A stored row (state joined with payload) as the public model."""
    return ExamplePublic.model_validate(
        {
            "id": row["id"],
            "run_id": row["run_id"],
            "tenant_id": row["tenant_id"],
            "optimizer": row["optimizer"],
            "payload": row["payload"],
            "status": row["status"],
            "confidence": row["confidence"],
            "confidence_breakdown": row["confidence_breakdown"] or [],
            "version": row["version"],
            "parent_id": row["parent_id"],
            "source_content_ids": row["source_content_ids"] or [],
            "regeneration_attempt": row["regeneration_attempt"],
            "reason_code": row["reason_code"],
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
        }
    )


def to_decision(row: Mapping[Any, Any]) -> DecisionPublic:
    return DecisionPublic.model_validate({key: row[key] for key in DecisionPublic.model_fields})


def field_diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Top-level fields that differ, as {field: [old, new]} (None stands for an absent field)."""
    return {key: [old.get(key), new.get(key)] for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)}


def revert_diff(payload: Mapping[str, Any], diff: Mapping[str, Sequence[Any]]) -> dict[str, Any]:
    """``payload`` with every field of ``diff`` put back to its old value (payloads are full dumps,
    so an old None is a real value, not an absent field)."""
    reverted = dict(payload)
    for key, (old, _new) in diff.items():
        reverted[key] = old
    return reverted


def inverse_diff(diff: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
    return {key: [new, old] for key, (old, new) in diff.items()}


# Statements of the hot paths, built once: SQLAlchemy then reuses their cache keys and compiled SQL.
GET_EXAMPLE = (
    select(EXAMPLES, *PAYLOAD_COLUMNS)
    .select_from(WITH_PAYLOAD)
    .where(EXAMPLES.c.tenant_id == bindparam("match_tenant"), EXAMPLES.c.id == bindparam("match_id"))
)
UPDATE_EXAMPLE = update(EXAMPLES).where(
    EXAMPLES.c.id == bindparam("match_id"),
    EXAMPLES.c.tenant_id == bindparam("match_tenant"),
    EXAMPLES.c.version == bindparam("match_version"),
)
"""Set columns come from the parameters; applies only at the expected version."""
UPDATE_PAYLOAD = update(PAYLOADS).where(PAYLOADS.c.example_id == bindparam("match_id"))
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
