"""PostgreSQL round trips: a decision is one statement, and pooled connections are pinged only after idling."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import event

import approval.store.engine
from approval.decision import Decision
from approval.store import ReviewStore
from synth_core.errors import ReviewError
from tests.support.postgres import fresh_database
from tests.support.review_data import seed_store

pytestmark = pytest.mark.postgres
TENANT = "acme"


@pytest.fixture
def pg_store(postgres_server: str) -> Iterator[ReviewStore]:
    with ReviewStore(fresh_database(postgres_server)) as opened:
        yield opened


def statements_of(store: ReviewStore, action: Any) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    return seen


def kill_pooled_connection(store: ReviewStore, server_url: str) -> None:
    """Terminate, from outside, the server process behind the store's (only) pooled connection."""
    with store.engine.connect() as connection:
        pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
    with psycopg.connect(server_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def test_approve_and_reject_are_one_statement_and_logged_in_full(pg_store: ReviewStore) -> None:
    (example_id,) = seed_store(pg_store, 1, tenant_id=TENANT)

    def reject() -> None:
        pg_store.decide(
            tenant_id=TENANT,
            example_id=example_id,
            decision=Decision(
                action="reject",
                reviewer="ann",
                reason_code="entity_problem",
                feedback="'Brandt' is not the person",
                expected_version=1,
            ),
        )

    assert len(statements_of(pg_store, reject)) == 1
    approved = pg_store.decide(
        tenant_id=TENANT, example_id=example_id, decision=Decision(action="approve", reviewer="bob", expected_version=2)
    )
    assert (approved.status, approved.version, approved.reason_code) == ("approved", 3, None)
    assert pg_store.get(tenant_id=TENANT, example_id=example_id) == approved
    rejected, approval = pg_store.decisions(tenant_id=TENANT, example_id=example_id)
    assert (rejected.reviewer, rejected.from_status, rejected.to_status, rejected.reason_code) == (
        "ann",
        "pending_review",
        "rejected",
        "entity_problem",
    )
    assert rejected.feedback == "'Brandt' is not the person"
    assert (approval.from_status, approval.from_version, approval.to_version) == ("rejected", 2, 3)
    # Undo needs the rejection reason the approval cleared: the one statement logged it too.
    pg_store.undo_last(tenant_id=TENANT, reviewer="bob")
    assert pg_store.get(tenant_id=TENANT, example_id=example_id).reason_code == "entity_problem"


def test_a_connection_closed_while_idle_is_replaced_unnoticed(
    pg_store: ReviewStore, postgres_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (example_id,) = seed_store(pg_store, 1, tenant_id=TENANT)
    monkeypatch.setattr(approval.store.engine, "IDLE_PING_S", 0.0)
    kill_pooled_connection(pg_store, postgres_server)
    assert pg_store.get(tenant_id=TENANT, example_id=example_id).id == example_id


def test_a_busy_connection_is_not_pinged_and_a_dead_one_fails_once_clearly(
    pg_store: ReviewStore, postgres_server: str
) -> None:
    (example_id,) = seed_store(pg_store, 1, tenant_id=TENANT)
    assert statements_of(pg_store, lambda: pg_store.get(tenant_id=TENANT, example_id=example_id))[0].startswith(
        "SELECT examples.id"
    )
    kill_pooled_connection(pg_store, postgres_server)
    with pytest.raises(ReviewError, match="unavailable"):
        pg_store.get(tenant_id=TENANT, example_id=example_id)
    assert pg_store.get(tenant_id=TENANT, example_id=example_id).id == example_id
