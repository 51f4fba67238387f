"""A keyset page reuses a count past the limit made moments before (approval/store/recent_counts.py),
unless this process wrote since or the moment passed; exact counts are always counted anew."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from approval.decision import Decision
from approval.models import ExampleFilter, Page, PageRequest
from approval.store import ReviewStore
from approval.store.recent_counts import RecentCounts
from tests.support.review_data import seed_store

TENANT = "acme"
PENDING = ExampleFilter(statuses=["pending_review"])


@pytest.fixture(autouse=True)
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("approval.store.queue_pages.COUNT_LIMIT", 25)


def first_and_second(store: ReviewStore) -> tuple[Page, Page]:
    first = store.list_page(tenant_id=TENANT, request=PageRequest(filter=PENDING, limit=10))
    assert first.next_after is not None
    return first, store.list_page(
        tenant_id=TENANT, request=PageRequest(filter=PENDING, limit=10, after=first.next_after)
    )


def leave_pending(store: ReviewStore, count: int) -> None:
    """Another process's change: all but the first ``count`` examples leave the queue without this
    process writing through the store (no write mark)."""
    with store.engine.connect() as connection:
        ids = connection.execute(
            text("SELECT id FROM examples WHERE tenant_id = :tenant ORDER BY id"), {"tenant": TENANT}
        ).scalars()
        last_kept = list(ids)[count - 1]
        connection.execute(
            text("UPDATE examples SET status = 'auto_approved' WHERE tenant_id = :tenant AND id > :last"),
            {"tenant": TENANT, "last": last_kept},
        )
        connection.commit()


def test_a_keyset_page_reuses_a_count_past_the_limit(store: ReviewStore) -> None:
    seed_store(store, 40)
    first, _ = first_and_second(store)
    leave_pending(store, 15)  # out of this process's sight
    after = store.list_page(tenant_id=TENANT, request=PageRequest(filter=PENDING, limit=10, after=first.next_after))
    assert after.total_text() == "25+"  # the count of moments ago
    anew = store.list_page(tenant_id=TENANT, request=PageRequest(filter=PENDING, limit=10))
    assert (anew.total, anew.total_exact) == (15, True)  # a first page always counts


def test_a_write_of_this_process_makes_keyset_pages_count_again(store: ReviewStore) -> None:
    ids = seed_store(store, 40)
    first, second = first_and_second(store)
    assert second.total_text() == "25+"
    with ReviewStore(store.url) as other:  # another store of the same process, on the same database
        for example_id in ids[-20:]:
            other.decide(
                tenant_id=TENANT,
                example_id=example_id,
                decision=Decision(action="reject", reviewer="ann", expected_version=1, reason_code="other"),
            )
    after = store.list_page(tenant_id=TENANT, request=PageRequest(filter=PENDING, limit=10, after=first.next_after))
    assert (after.total, after.total_exact) == (20, True)


def test_a_count_is_reused_only_for_a_moment(store: ReviewStore) -> None:
    seed_store(store, 40)
    first, _ = first_and_second(store)
    store._pages._recent_counts.reuse_s = 0.0
    leave_pending(store, 15)
    after = store.list_page(tenant_id=TENANT, request=PageRequest(filter=PENDING, limit=10, after=first.next_after))
    assert (after.total, after.total_exact) == (15, True)


def test_an_exact_count_is_never_reused(store: ReviewStore) -> None:
    seed_store(store, 20)
    first, second = first_and_second(store)
    assert second.total == 20
    leave_pending(store, 15)
    after = store.list_page(tenant_id=TENANT, request=PageRequest(filter=PENDING, limit=10, after=first.next_after))
    assert (after.total, after.total_exact) == (15, True)


def test_counts_of_other_filters_and_tenants_are_their_own(store: ReviewStore) -> None:
    seed_store(store, 40)
    seed_store(store, 30, tenant_id="other", run_id="other-run")
    first_and_second(store)
    mine = store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(max_confidence=0.05), limit=2))
    assert mine.next_after is not None
    mine_after = store.list_page(
        tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(max_confidence=0.05), limit=2, after=mine.next_after)
    )
    assert (mine_after.total, mine_after.total_exact) == (mine.total, True) == (6, True)
    theirs = store.list_page(tenant_id="other", request=PageRequest(filter=PENDING, limit=10))
    assert theirs.next_after is not None
    theirs_after = store.list_page(
        tenant_id="other", request=PageRequest(filter=PENDING, limit=10, after=theirs.next_after)
    )
    assert theirs_after.total_text() == "25+"


def test_the_oldest_count_is_forgotten_first() -> None:
    counts = RecentCounts(size=2)
    for number in range(3):
        counts.put(("acme", f"filter-{number}"), 1, 100 + number)
    assert [counts.get(("acme", f"filter-{number}"), 1) for number in range(3)] == [None, 101, 102]
    assert counts.get(("acme", "filter-2"), 2) is None  # written since: not reused
