"""What the learned confidence (approval.learning) reads and keeps in the review store: the examples
people decided, in the order they were decided, and one trained model per tenant."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from approval.models import DecidedExample, ExampleFilter, StoredConfidenceModel
from approval.store.queue import WITH_PAYLOAD, example_clauses
from approval.store.tables import CONFIDENCE_MODELS, EXAMPLES, PAYLOADS

DECIDED = ExampleFilter(statuses=["approved", "rejected"])
"""A person's decisions: approved (edits included) or rejected; auto-approved ones are the score's."""


def decided_total(connection: Connection, *, tenant_id: str) -> int:
    """How many of the tenant's examples a person decided."""
    query = select(func.count()).select_from(EXAMPLES).where(*example_clauses(tenant_id, DECIDED))
    return int(connection.execute(query).scalar_one())


def decided_examples(connection: Connection, *, tenant_id: str, limit: int) -> list[DecidedExample]:
    """The tenant's ``limit`` most recently decided examples, oldest decision first (an example's
    ``updated_at`` is when its status last changed)."""
    columns = EXAMPLES.c
    latest = (
        select(
            columns.optimizer,
            columns.status,
            columns.confidence,
            columns.updated_at,
            columns.id,
            PAYLOADS.c.payload,
            PAYLOADS.c.confidence_breakdown,
        )
        .select_from(WITH_PAYLOAD)
        .where(*example_clauses(tenant_id, DECIDED))
        .order_by(columns.updated_at.desc(), columns.id.desc())
        .limit(limit)
    )
    rows = list(connection.execute(latest).mappings())
    return [
        DecidedExample(
            optimizer=row["optimizer"],
            payload=row["payload"],
            confidence=row["confidence"],
            confidence_breakdown=row["confidence_breakdown"] or [],
            approved=row["status"] == "approved",
        )
        for row in reversed(rows)
    ]


def load_model(connection: Connection, *, tenant_id: str) -> StoredConfidenceModel | None:
    query = select(CONFIDENCE_MODELS).where(CONFIDENCE_MODELS.c.tenant_id == tenant_id)
    row = connection.execute(query).mappings().first()
    return None if row is None else StoredConfidenceModel.model_validate(dict(row))


def save_model(
    connection: Connection,
    *,
    tenant_id: str,
    decisions: int,
    model: str,
    features: dict[str, Any],
    evaluation: dict[str, Any],
    trained_at: datetime,
) -> None:
    """Replace the tenant's model (one row per tenant)."""
    connection.execute(delete(CONFIDENCE_MODELS).where(CONFIDENCE_MODELS.c.tenant_id == tenant_id))
    connection.execute(
        insert(CONFIDENCE_MODELS).values(
            tenant_id=tenant_id,
            decisions=decisions,
            model=model,
            features=features,
            evaluation=evaluation,
            trained_at=trained_at,
        )
    )
