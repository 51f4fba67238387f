"""A queue page's examples, read as models (``ReviewStore.list_page``) or as JSON written straight from
the stored JSON (``list_page_json``, for the REST API's list endpoint).

``Page.model_dump_json()`` of a page read as models costs each example three JSON columns parsed into
Python, the result validated into an ``ExamplePublic`` and serialised back: 40% of a 50-example keyset
page's CPU in the store (2.6 ms, and 1.6 ms without; SQLite, 100,000 examples). Here the payload, the
confidence breakdown and the source ids are read as the JSON text the database holds and embedded as
they are (``orjson.Fragment``); only the columns of the example's state are serialised. The document
is the one ``Page.model_dump_json()`` writes: the same fields in the same order, datetimes in
pydantic's form (``...Z``), a missing list as ``[]`` (tests/approval/test_page_items.py holds the two
side by side on SQLite and PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import orjson
import pydantic_core
from sqlalchemy import Connection, Select, Text, bindparam, cast, select

from approval.models import ExamplePublic
from approval.store.examples import to_example
from approval.store.queue import WITH_PAYLOAD, select_by_ids
from approval.store.tables import EXAMPLES, PAYLOADS

Item = TypeVar("Item")


@dataclass(frozen=True)
class FoundPage(Generic[Item]):
    """A queue page's examples (as models or as JSON) and what its ``Page`` says besides them."""

    items: list[Item]
    total: int
    total_exact: bool
    next_after: str | None


def read_examples(connection: Connection, tenant_id: str, ids: Sequence[str]) -> dict[str, ExamplePublic]:
    """The tenant's examples among ``ids`` as models, by id."""
    # By primary key only: the ids come from a tenant-scoped query, and a tenant clause here lures SQLite
    # into scanning the tenant's index instead (100x slower).
    rows = connection.execute(select_by_ids(ids)).mappings()
    return {row["id"]: to_example(row) for row in rows if row["tenant_id"] == tenant_id}


STATE_FIELDS = ("id", "run_id", "tenant_id", "optimizer")
"""``ExamplePublic``'s fields before its payload, in its order; the rest follow in ``example_json``."""

SELECT_JSON_BY_IDS: Select[Any] = (
    select(
        EXAMPLES,
        cast(PAYLOADS.c.payload, Text).label("payload"),
        cast(PAYLOADS.c.confidence_breakdown, Text).label("confidence_breakdown"),
        cast(PAYLOADS.c.source_content_ids, Text).label("source_content_ids"),
        PAYLOADS.c.regeneration_attempt,
    )
    .select_from(WITH_PAYLOAD)
    .where(EXAMPLES.c.id.in_(bindparam("page_ids", expanding=True)))
)
"""Whole examples by id, their JSON columns as text (a no-op on SQLite, ``jsonb::text`` on PostgreSQL).
Built once: SQLAlchemy reuses its compiled form. Callers take the ids from a tenant-scoped query."""


def read_examples_json(connection: Connection, tenant_id: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The tenant's examples among ``ids``, each as ``example_json``, by id."""
    rows = connection.execute(SELECT_JSON_BY_IDS, {"page_ids": list(ids)}).mappings()
    return {row["id"]: example_json(row) for row in rows if row["tenant_id"] == tenant_id}


def example_json(row: Mapping[Any, Any]) -> dict[str, Any]:
    """One stored example as ``ExamplePublic`` serialises, ready for ``orjson.dumps``."""
    example = {field: row[field] for field in STATE_FIELDS}
    example["payload"] = embedded(row["payload"])
    example["status"] = row["status"]
    example["confidence"] = row["confidence"]
    example["confidence_breakdown"] = stored_list(row["confidence_breakdown"])
    example["version"] = row["version"]
    example["parent_id"] = row["parent_id"]
    example["source_content_ids"] = stored_list(row["source_content_ids"])
    example["regeneration_attempt"] = row["regeneration_attempt"]
    example["reason_code"] = row["reason_code"]
    example["created_at"] = row["created_at"]
    example["updated_at"] = row["updated_at"]
    return example


def stored_list(text: str | None) -> Any:
    """A stored list; ``[]`` for none (SQL NULL or JSON null), as ``to_example`` reads it."""
    return orjson.Fragment("[]") if text is None or text == "null" else embedded(text)


def embedded(text: str) -> Any:
    """Stored JSON text to embed as it is; parsed, when it may hold what the store's JSON codec writes
    for float('nan') or float('inf') and strict JSON has no word for: orjson then writes null, as
    pydantic does (and a string that merely holds the word costs a parse)."""
    if "NaN" in text or "Infinity" in text:
        return pydantic_core.from_json(text)
    return orjson.Fragment(text)


def page_json(
    items: Sequence[dict[str, Any]], *, total: int, total_exact: bool, limit: int, offset: int, next_after: str | None
) -> bytes:
    """The page as ``Page.model_dump_json()`` writes it (its fields in order), as UTF-8 bytes."""
    page = {
        "items": items,
        "total": total,
        "total_exact": total_exact,
        "limit": limit,
        "offset": offset,
        "next_after": next_after,
    }
    return orjson.dumps(page, option=orjson.OPT_UTC_Z)
