"""One stored example: the rows a new one is stored as, reading it back, and moving it at a version.

An example is two rows: its review state in ``examples`` (what the queue filters on and decisions
change) and what no status change touches in ``example_payloads`` (only an edit, or its undo, rewrites
the payload). Its labels are copied to ``example_labels`` for the queue's label filter (label_index.py).
The statements of the hot paths are built once, so SQLAlchemy reuses their cache keys and compiled SQL.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.engine import RowMapping

from approval.models import ExamplePublic, NewExample
from approval.store.duplicates import refile_query
from approval.store.label_index import relabel
from approval.store.queue import PAYLOAD_COLUMNS, WITH_PAYLOAD
from approval.store.tables import EXAMPLES, PAYLOADS
from synth_core.errors import Fix, NotFoundError

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


def read_example(connection: Connection, tenant_id: str, example_id: str) -> RowMapping:
    """The example's state joined with its payload; NotFoundError when the tenant has no such example."""
    row = connection.execute(GET_EXAMPLE, {"match_tenant": tenant_id, "match_id": example_id}).mappings().first()
    if row is None:
        raise NotFoundError(
            f"No example '{example_id}' for tenant '{tenant_id}'.",
            fix=Fix("Check the example id: it must be one of this tenant's.", field="example_id", step="list_examples"),
        )
    return row


def update_example(
    connection: Connection,
    row: Mapping[Any, Any],
    expected_version: int,
    state: dict[str, Any],
    body: dict[str, Any],
) -> bool:
    """Apply ``state`` (and the payload ``body``) only if the example is still at ``expected_version``;
    a new payload re-indexes the example's labels."""
    match = {"match_id": row["id"], "match_tenant": row["tenant_id"], "match_version": expected_version}
    if connection.execute(UPDATE_EXAMPLE, {**match, **state}).rowcount != 1:
        return False
    if "query_folded" in state:
        refile_query(connection, row, state["query_folded"])
    if body:
        connection.execute(UPDATE_PAYLOAD, {"match_id": row["id"], **body})
    if "payload" in body:
        relabel(connection, row["id"], body["payload"])
    return True


def query_state(query: str) -> dict[str, str]:
    """The example column that follows its query (an edit or its undo changes it)."""
    return {"query_folded": query.casefold()}


def example_row(
    example_id: str, run_id: str, tenant_id: str, optimizer: str, example: NewExample, now: datetime
) -> dict[str, Any]:
    """The ``examples`` row of a new example."""
    return {
        "id": example_id,
        "run_id": run_id,
        "tenant_id": tenant_id,
        "optimizer": optimizer,
        **query_state(example.query),
        "status": example.status,
        "reason_code": None,
        "confidence": example.confidence,
        "version": 1,
        "parent_id": example.parent_id,
        "created_at": now,
        "updated_at": now,
    }


def payload_row(example_id: str, example: NewExample) -> dict[str, Any]:
    """The ``example_payloads`` row of a new example."""
    return {
        "example_id": example_id,
        "payload": example.payload,
        "confidence_breakdown": example.confidence_breakdown,
        "source_content_ids": example.source_content_ids,
        "regeneration_attempt": example.regeneration_attempt,
    }


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
