"""The review queue's SQL: one tenant's examples matching a filter, counted, paged and ordered.

Every query here is scoped to one tenant (``example_clauses`` never leaves the tenant out) and reads
examples' state only; payloads are joined by primary key once the ids of a page are known.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    FromClause,
    ScalarSelect,
    Select,
    and_,
    bindparam,
    func,
    or_,
    select,
    union_all,
)

from approval.models import STATUSES, ExampleFilter, LabelFilter
from approval.store.tables import APPROVAL_CHANCES, EXAMPLES, LABELS, PAYLOADS, RUNS

WITH_PAYLOAD = EXAMPLES.join(PAYLOADS, PAYLOADS.c.example_id == EXAMPLES.c.id)
PAYLOAD_COLUMNS = (
    PAYLOADS.c.payload,
    PAYLOADS.c.confidence_breakdown,
    PAYLOADS.c.source_content_ids,
    PAYLOADS.c.regeneration_attempt,
)
"""What a whole example (``to_example``) reads from ``example_payloads`` beside its state."""

APPROVAL_CHANCE = func.coalesce(APPROVAL_CHANCES.c.chance, EXAMPLES.c.confidence)
"""What 'likely_wrong' sorts by: the learned chance of approval, else the rule-based confidence."""

ORDER_SOURCES: dict[str, FromClause] = {
    "likely_wrong": EXAMPLES.outerjoin(APPROVAL_CHANCES, APPROVAL_CHANCES.c.example_id == EXAMPLES.c.id),
}
"""What an order's query reads from, when more than ``examples``."""

ORDER_KEYS: dict[str, ColumnElement[Any]] = {
    "created": EXAMPLES.c.id,
    "confidence": EXAMPLES.c.confidence,
    "-confidence": EXAMPLES.c.confidence,
    "likely_wrong": APPROVAL_CHANCE,
}
"""The value a keyset cursor remembers of the example a page ends with, per order."""

CURSOR_KEYS: dict[str, Select[Any]] = {
    order: select(key)
    .select_from(ORDER_SOURCES.get(order, EXAMPLES))
    .where(EXAMPLES.c.id == bindparam("cursor_id"), EXAMPLES.c.tenant_id == bindparam("cursor_tenant"))
    for order, key in ORDER_KEYS.items()
}
"""Per order, the order's key of one example of a tenant (where a keyset page starts). Built once, as
building it cost a keyset page more than running it."""

ORDERINGS: dict[str, tuple[ColumnElement[Any], ...]] = {
    "created": (EXAMPLES.c.id,),  # ids sort by creation time (approval.store.ids)
    "confidence": (EXAMPLES.c.confidence, EXAMPLES.c.id),
    "-confidence": (EXAMPLES.c.confidence.desc(), EXAMPLES.c.id),
    "likely_wrong": (APPROVAL_CHANCE, EXAMPLES.c.id),
}

INDEXED_ORDERS = ("created", "confidence", "-confidence")
"""Orders a queue index holds per status (see select_page_ids). 'likely_wrong' has no index of its own:
its page sorts the examples matching the filter (the queue index finds them), as a text filter does,
rather than costing every decision one more index entry."""

MERGE_DENSITY = 2
"""A page is merged from per-status index ranges only when at least this many times the examples it
needs match (see select_page_ids)."""


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
    if example_filter.label:
        clauses.append(has_label(example_filter.label))
    return clauses


def has_label(label: LabelFilter) -> ColumnElement[bool]:
    """The example's payload holds ``label.value`` at ``label.field``: its id is among that label's in
    the label index (label_index.py).

    An IN over one range of the index (field, value, example_id) rather than a correlated EXISTS: the
    database may drive from that range when it is the smaller side. SQLite does so for a count over a
    whole queue (a label filter's count of 500,000 pending examples among 1,000,000: 0.2 s; an EXISTS
    looks each one up: 1-2 s); where other clauses narrow the rows (a run), it reads the range once
    (40-80 ms at 1,000,000). PostgreSQL plans both as the same semi-join."""
    labels = LABELS.c
    return EXAMPLES.c.id.in_(select(labels.example_id).where(labels.field == label.field, labels.value == label.value))


def run_range(run_id: str) -> tuple[ScalarSelect[Any], ScalarSelect[Any]]:
    """The first and last id of the run's examples (NULL for a run without any: nothing matches)."""
    run = RUNS.c
    return (
        select(run.first_example_id).where(run.id == run_id).scalar_subquery(),
        select(run.last_example_id).where(run.id == run_id).scalar_subquery(),
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


class Cursor(NamedTuple):
    """Where a keyset page starts: after the example ``id``, whose value of the order's key
    (``ORDER_KEYS``: its confidence, or its chance of approval) is ``key``."""

    id: str
    key: Any


AFTER_ID = "after_id"
AFTER_KEY = "after_key"
"""The bound parameters a cursor is given as (``after_cursor``): a statement built for one cursor serves
the next pages of a walk with their own (``cursor_values``; page_statements.py)."""


def after_cursor(order: str, cursor: Cursor) -> ColumnElement[bool]:
    """Examples after ``cursor`` in ``order``. The first clause is a range of the queue's indexes; the
    second only breaks ties."""
    columns = EXAMPLES.c
    after_id: BindParameter[Any] = bindparam(AFTER_ID, cursor.id)
    if order == "created":
        return columns.id > after_id
    key = ORDER_KEYS[order]
    after_key: BindParameter[Any] = bindparam(AFTER_KEY, cursor.key)
    if order == "-confidence":
        return and_(key <= after_key, or_(key < after_key, columns.id > after_id))
    return and_(key >= after_key, or_(key > after_key, columns.id > after_id))


def cursor_values(order: str, cursor: Cursor | None) -> dict[str, Any]:
    """The values of ``after_cursor``'s parameters for ``cursor`` (none without one)."""
    if cursor is None:
        return {}
    return {AFTER_ID: cursor.id} if order == "created" else {AFTER_ID: cursor.id, AFTER_KEY: cursor.key}


def select_page_ids(
    tenant_id: str,
    example_filter: ExampleFilter,
    order: str,
    page: tuple[int, int],
    total: int | None,
    dialect: str,
    after: Cursor | None = None,
    optimizers: Sequence[str] | None = None,
) -> Select[Any]:
    """The ids of one queue page (``page`` = limit, offset; from the start or ``after`` a cursor) of the
    ``total`` matching examples (None: more than were counted), without reading any payload.

    Where an index holds each optimizer and status as its own range in the page's order (SQLite: both
    orders; PostgreSQL: the confidence orders, see tables.ExampleRow), a page over several of them is
    merged from the first ``offset + limit`` entries of each range instead of sorting every matching row.
    A filter without an optimizer covers the tenant's stored ``optimizers`` (``stored_optimizers``; None:
    not known, then no merging). PostgreSQL takes the 'created' order from the primary key, filtering as
    it walks. No merging when the walk would read most of the ranges to fill the page, because the
    filter holds columns those indexes do not (a rare word in the query; a run, which has few rows): one
    scan and a sort instead.
    """
    limit, offset = page
    keys = ORDERINGS[order]
    statuses = example_filter.statuses or list(STATUSES)
    ranged = order in INDEXED_ORDERS and (dialect == "sqlite" or order != "created")
    dense = (total is None or total >= MERGE_DENSITY * (offset + limit)) and not example_filter.run_id
    start = [after_cursor(order, after)] if after is not None else []
    ranges = queue_ranges(example_filter, statuses, optimizers)
    if ranges is not None and len(ranges) == 1 and ranged and dense:
        # One range of an index: the filter as if it had named its one optimizer.
        example_filter = example_filter.model_copy(update={"optimizer": ranges[0][0]})
    if ranges is None or len(ranges) <= 1 or not ranged or not dense:
        clauses = example_clauses(tenant_id, example_filter)
        source = ORDER_SOURCES.get(order, EXAMPLES)
        return (
            select(EXAMPLES.c.id)
            .select_from(source)
            .where(*clauses, *start)
            .order_by(*keys)
            .limit(limit)
            .offset(offset)
        )
    key_name = "id" if order == "created" else "confidence"
    columns = [EXAMPLES.c.id] if order == "created" else [EXAMPLES.c.id, EXAMPLES.c.confidence]
    branches = [
        select(*columns)
        .where(
            *example_clauses(tenant_id, example_filter.model_copy(update={"optimizer": name, "statuses": [status]})),
            *start,
        )
        .order_by(*keys)
        .limit(offset + limit)
        .subquery()
        for name, status in ranges
    ]
    merged = union_all(*(select(*branch.c) for branch in branches)).subquery()
    merged_key = merged.c[key_name].desc() if order == "-confidence" else merged.c[key_name]
    tie_break = [merged.c.id] if key_name != "id" else []
    return select(merged.c.id).order_by(merged_key, *tie_break).limit(limit).offset(offset)


def count_examples(
    tenant_id: str,
    example_filter: ExampleFilter | None = None,
    *,
    up_to: int | None = None,
    optimizers: Sequence[str] | None = None,
) -> Select[Any]:
    """How many examples match, or, with ``up_to``, how many up to that many (reading no further).

    ``optimizers``: the tenant's stored optimizers (``stored_optimizers``), for a filter that names none.
    Naming them changes no count, but lets the queue index be read as one range per optimizer and status:
    without them a status filter reads the tenant's whole index (the optimizer comes before the status
    in it): 7 ms instead of 0.6 ms to count 10,000 pending among 100,000 examples on SQLite."""
    clauses = example_clauses(tenant_id, example_filter)
    if optimizers is not None and not (example_filter and example_filter.optimizer):
        clauses.append(EXAMPLES.c.optimizer.in_(list(optimizers)))
    if up_to is None:
        return select(func.count()).select_from(EXAMPLES).where(*clauses)
    return select(func.count()).select_from(select(EXAMPLES.c.id).where(*clauses).limit(up_to).subquery())


def _stored_optimizers() -> Select[Any]:
    """The optimizers the tenant (``:optimizers_of``) has examples of, in order, found by a loose index
    scan: each step seeks the next optimizer in the queue index (tenant, optimizer, ...) instead of reading
    every entry (SELECT DISTINCT would read all of them: 7.5 ms at 100,000 examples on SQLite, this 0.03 ms).
    Built once: building it per page cost more than running it."""
    columns = EXAMPLES.c
    tenant: BindParameter[str] = bindparam("optimizers_of")
    first = select(func.min(columns.optimizer).label("optimizer")).where(columns.tenant_id == tenant)
    stored = first.cte("stored_optimizers", recursive=True)
    following = (
        select(func.min(columns.optimizer))
        .where(columns.tenant_id == tenant, columns.optimizer > stored.c.optimizer)
        .scalar_subquery()
    )
    stored = stored.union_all(select(following).select_from(stored).where(stored.c.optimizer.is_not(None)))
    return select(stored.c.optimizer).where(stored.c.optimizer.is_not(None))


STORED_OPTIMIZERS = _stored_optimizers()


def stored_optimizers(connection: Connection, tenant_id: str) -> list[str]:
    """The optimizers the tenant has examples of, in order (``_stored_optimizers``)."""
    return list(connection.execute(STORED_OPTIMIZERS, {"optimizers_of": tenant_id}).scalars())


def queue_ranges(
    example_filter: ExampleFilter, statuses: Sequence[str], optimizers: Sequence[str] | None
) -> list[tuple[str, str]] | None:
    """The (optimizer, status) pairs a filter covers, each a range of the queue indexes; None when the
    filter names no optimizer and the stored ones are not known."""
    named = [example_filter.optimizer] if example_filter.optimizer else optimizers
    return None if named is None else [(name, status) for name in named for status in statuses]
