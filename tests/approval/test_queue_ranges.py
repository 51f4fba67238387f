"""Queue pages and counts of a filter that names no optimizer: read one (optimizer, status) range of the
queue indexes at a time (approval/store/queue.py), with the same examples, order and totals as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Select

from approval.decision import Decision
from approval.models import ExampleFilter, ExamplePublic, PageRequest
from approval.store import QueueOrder, ReviewStore
from approval.store.engine import transaction
from approval.store.queue import Cursor, count_examples, select_page_ids, stored_optimizers
from tests.support.review_data import seed_store

TENANT = "acme"
OPTIMIZERS = ("routing", "modality", "workflow")
SORT_KEYS = {
    "created": lambda e: e.id,
    "confidence": lambda e: (e.confidence, e.id),
    "-confidence": lambda e: (-e.confidence, e.id),
}


def seed_interleaved(store: ReviewStore, per_run: int = 20, rounds: int = 2) -> list[str]:
    """Runs of each optimizer in turn, twice: every optimizer's examples interleave with the others' in
    creation order, so a page of several optimizers must merge their ranges."""
    ids: list[str] = []
    for round_number in range(rounds):
        for optimizer in OPTIMIZERS:
            ids += seed_store(
                store,
                per_run,
                optimizer=optimizer,
                run_id=f"{optimizer}-{round_number}",
                statuses=("pending_review", "auto_approved", "pending_review"),
            )
    for example_id in ids[::7]:
        store.decide(
            tenant_id=TENANT,
            example_id=example_id,
            decision=Decision(action="reject", reviewer="ann", expected_version=1, reason_code="other"),
        )
    return ids


def everything(store: ReviewStore, queue: ExampleFilter) -> list[ExamplePublic]:
    return [
        e
        for e in store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(), limit=1000)).items
        if matches(e, queue)
    ]


def matches(example: ExamplePublic, queue: ExampleFilter) -> bool:
    return not queue.statuses or example.status in queue.statuses


def test_the_stored_optimizers_are_the_tenants_own_in_order(store: ReviewStore) -> None:
    seed_interleaved(store, per_run=3, rounds=1)
    seed_store(store, 2, tenant_id="other", optimizer="unified", run_id="other-run")
    with transaction(store.engine, write=False) as connection:
        assert stored_optimizers(connection, TENANT) == sorted(OPTIMIZERS)
        assert stored_optimizers(connection, "other") == ["unified"]
        assert stored_optimizers(connection, "nobody") == []


@pytest.mark.parametrize("order", ["created", "confidence", "-confidence"])
@pytest.mark.parametrize(
    "statuses", [["pending_review"], ["pending_review", "rejected"], []], ids=["one", "two", "all"]
)
def test_pages_of_every_optimizer_walk_all_of_them_in_order(
    store: ReviewStore, order: QueueOrder, statuses: list[str]
) -> None:
    seed_interleaved(store)
    queue = ExampleFilter.model_validate({"statuses": statuses})
    expected = [e.id for e in sorted(everything(store, queue), key=SORT_KEYS[order])]
    by_offset = [
        e.id
        for offset in range(0, 130, 15)
        for e in store.list_page(
            tenant_id=TENANT, request=PageRequest(filter=queue, limit=15, offset=offset, order=order)
        ).items
    ]
    walked: list[str] = []
    after: str | None = None
    while True:
        page = store.list_page(tenant_id=TENANT, request=PageRequest(filter=queue, limit=15, after=after, order=order))
        assert page.total == len(expected) and page.total_exact
        walked += [e.id for e in page.items]
        if page.next_after is None:
            break
        after = page.next_after
    assert walked == by_offset == expected


def test_a_count_naming_the_stored_optimizers_counts_the_same(store: ReviewStore) -> None:
    seed_interleaved(store)
    seed_store(store, 5, tenant_id="other", optimizer="routing", run_id="other-run")
    with transaction(store.engine, write=False) as connection:
        names = stored_optimizers(connection, TENANT)
        for statuses in ([], ["pending_review"], ["rejected", "auto_approved"]):
            queue = ExampleFilter.model_validate({"statuses": statuses})
            plain = connection.execute(count_examples(TENANT, queue)).scalar_one()
            named = connection.execute(count_examples(TENANT, queue, optimizers=names)).scalar_one()
            capped = connection.execute(count_examples(TENANT, queue, up_to=10, optimizers=names)).scalar_one()
            assert named == plain and capped == min(plain, 10)


def test_a_sqlite_page_of_every_optimizer_seeks_each_range(tmp_path: Path) -> None:
    """The point of naming the optimizers: SQLite seeks one (optimizer, status) range of the queue index
    per optimizer, each from the cursor on, instead of reading the tenant's whole index."""
    with ReviewStore(f"sqlite:///{tmp_path}/review.db") as store:
        seed_interleaved(store, per_run=5, rounds=1)
        queue = ExampleFilter(statuses=["pending_review"])
        with transaction(store.engine, write=False) as connection:
            names = stored_optimizers(connection, TENANT)
            cursor = Cursor(id="0", key="0")
            plans = {
                len(optimizers or []): plan_of(
                    connection, select_page_ids(TENANT, queue, "created", (51, 0), None, "sqlite", cursor, optimizers)
                )
                for optimizers in (names, names[:1], None)
            }
    seek = "(tenant_id=? AND optimizer=? AND status=? AND id>?)"
    assert plans[3].count(seek) == 3
    assert seek in plans[1] and "TEMP B-TREE" not in plans[1]
    assert seek not in plans[0]  # optimizers not known: the tenant's whole index, as before


def plan_of(connection: Connection, statement: Select[Any]) -> str:
    sql = statement.compile(connection.engine, compile_kwargs={"literal_binds": True})
    return " | ".join(row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
