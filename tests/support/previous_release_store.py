"""A review store as the last release without migrations (before issue 15) left it: the first
revision's tables, no ``alembic_version``, and the rows that release wrote (a finished run, five
examples, an auto-approval, an approval, a rejection with feedback, a bulk approval, an export).

Written with plain SQL against frozen table definitions, not through today's store, so that it stays
the same when the models move on.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from sqlalchemy.dialects import postgresql

from approval.store.engine import transaction
from approval.store.schema import BASELINE, BASELINE_COLUMNS, MIGRATIONS, alembic_config

TENANT = "acme"
JSON_VALUE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
EXAMPLE_IDS = [f"0190000000{index:02d}00000000000000000000" for index in range(5)]
NOW = datetime(2025, 12, 1, 12, 0, tzinfo=UTC)


def write_previous_release_store(engine: sa.Engine) -> None:
    """The first revision's tables without ``alembic_version``, holding what that release wrote: a
    finished run, five examples, an auto-approval, an approval, a rejection and a bulk approval."""
    migrate(engine, BASELINE)
    with transaction(engine, write=True) as connection:
        connection.exec_driver_sql("DROP TABLE alembic_version")
        for name, rows in previous_release_rows().items():
            for row in rows:  # one by one: decisions take their ids in this order
                connection.execute(sa.insert(frozen_table(name)), row)


JSON_COLUMNS = {"request", "settings_snapshot", "summary", "payload", "confidence_breakdown", "source_content_ids"}
JSON_COLUMNS |= {"diff", "prior", "scope", "filter", "counts"}
MOMENTS = {"started_at", "finished_at", "created_at", "updated_at"}


def frozen_table(name: str) -> sa.TableClause:
    """A first-revision table as plain SQL sees it (not the models, which move on)."""
    return sa.table(name, *(sa.column(column, column_type(column)) for column in BASELINE_COLUMNS[name]))


def column_type(column: str) -> Any:
    if column in JSON_COLUMNS:
        return JSON_VALUE
    return sa.DateTime(timezone=True) if column in MOMENTS else None


def previous_release_rows() -> dict[str, list[dict[str, Any]]]:
    statuses = ["approved", "rejected", "auto_approved", "approved", "pending_review"]
    examples = [
        {
            "id": example_id,
            "run_id": "run-1",
            "tenant_id": TENANT,
            "optimizer": "modality",
            "query_folded": f"query {index}",
            "status": status,
            "reason_code": "entity_problem" if status == "rejected" else None,
            "confidence": 0.95 if status == "auto_approved" else 0.5,
            "version": 1 if status in ("auto_approved", "pending_review") else 2,
            "parent_id": None,
            "created_at": NOW,
            "updated_at": NOW,
        }
        for index, (example_id, status) in enumerate(zip(EXAMPLE_IDS, statuses, strict=True))
    ]
    payloads = [
        {
            "example_id": example_id,
            "payload": {"query": f"Query {index}", "modality": "VIDEO", "correct_agent": "video_search_agent"},
            "confidence_breakdown": [],
            "source_content_ids": [f"c{index}"],
            "regeneration_attempt": 0,
        }
        for index, example_id in enumerate(EXAMPLE_IDS)
    ]
    decisions = [  # ids 1 to 4, given by the database
        decision(2, "system", "auto_approve", "auto_approved", "confidence 0.950 reached it"),
        decision(0, "ann", "approve", "approved", None),
        decision(1, "bob", "reject", "rejected", "the entity is a verb, not a name"),
        decision(None, "cy", "approve", "approved", "bulk"),
    ]
    decisions[0].update(from_version=None, to_version=1)
    decisions[2]["reason_code"] = "entity_problem"
    decisions[3]["scope"] = {"optimizer": "modality", "statuses": ["pending_review"]}
    run = {
        "id": "run-1",
        "tenant_id": TENANT,
        "optimizer": "modality",
        "request": {"count": 5, "seed": 7},
        "seed": 7,
        "settings_snapshot": {"seed": 7},
        "summary": {"stored": 5},
        "started_at": NOW,
        "finished_at": NOW,
        "first_example_id": EXAMPLE_IDS[0],
        "last_example_id": EXAMPLE_IDS[-1],
    }
    item = {
        "example_id": EXAMPLE_IDS[3],
        "decision_id": 4,
        "from_status": "pending_review",
        "to_status": "approved",
        "from_version": 1,
        "from_reason_code": None,
    }
    export = {
        "id": "e" * 32,
        "tenant_id": TENANT,
        "optimizer": "modality",
        "filter": {"optimizer": "modality"},
        "counts": {"examples": 3},
        "file_hash": "0" * 64,
        "path": "exports/acme/modality.jsonl",
        "created_at": NOW,
    }
    return {
        "runs": [run],
        "examples": examples,
        "example_payloads": payloads,
        "decisions": decisions,
        "bulk_items": [item],
        "exports": [export],
    }


def decision(example: int | None, reviewer: str, action: str, to_status: str, feedback: str | None) -> dict[str, Any]:
    """A single decision on ``EXAMPLE_IDS[example]``, or with None a bulk one (its items name the examples)."""
    single = example is not None
    return {
        "example_id": EXAMPLE_IDS[example] if example is not None else None,
        "tenant_id": TENANT,
        "reviewer": reviewer,
        "action": action,
        "from_status": "pending_review" if single else None,
        "to_status": to_status,
        "reason_code": None,
        "feedback": feedback,
        "diff": None,
        "from_reason_code": None,
        "prior": None,
        "from_version": 1 if single else None,
        "to_version": 2 if single else None,
        "undoes_id": None,
        "scope": None,
        "created_at": NOW,
    }


def baseline_rows(engine: sa.Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the first revision's tables, its columns only, in key order."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with transaction(engine, write=False) as connection:
        for name in BASELINE_COLUMNS:
            frozen = frozen_table(name)
            rows[name] = [tuple(row) for row in connection.execute(sa.select(frozen).order_by(*frozen.c[:2]))]
    return rows


def migrate(engine: sa.Engine, revision: str, scripts: Path = MIGRATIONS) -> None:
    with transaction(engine, write=True) as connection:
        command.upgrade(alembic_config(connection, scripts=scripts), revision)
