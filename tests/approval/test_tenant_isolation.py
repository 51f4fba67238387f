"""One tenant never sees nor changes another tenant's examples, decisions, runs or exports."""

from __future__ import annotations

import pytest

from approval.decision import Decision
from approval.models import ExampleFilter, PageRequest
from approval.store import ReviewStore
from synth_core.errors import InvalidRequestError, NotFoundError
from tests.support.review_data import new_examples, seed_store

EVERYTHING = ExampleFilter()
Tenants = tuple[list[str], list[str]]


@pytest.fixture
def two_tenants(store: ReviewStore) -> Tenants:
    """Tenant "a" and tenant "b", 6 examples each (half auto-approved), same reviewer name in both."""
    a_ids = seed_store(store, 6, tenant_id="a", run_id="run-a", statuses=("pending_review", "auto_approved"))
    b_ids = seed_store(store, 6, tenant_id="b", run_id="run-b", statuses=("pending_review", "auto_approved"))
    store.decide(
        tenant_id="a", example_id=a_ids[0], decision=Decision(action="approve", reviewer="ann", expected_version=1)
    )
    return a_ids, b_ids


def test_reads_see_only_the_own_tenant(store: ReviewStore, two_tenants: Tenants) -> None:
    a_ids, b_ids = two_tenants
    with pytest.raises(NotFoundError):
        store.get(tenant_id="b", example_id=a_ids[0])
    page = store.list_page(tenant_id="b", request=PageRequest(filter=EVERYTHING, limit=100))
    assert sorted(e.id for e in page.items) == sorted(b_ids) and page.total == 6
    assert store.count(tenant_id="b", filter=ExampleFilter(run_id="run-a")) == 0
    assert {d.tenant_id for d in store.decisions(tenant_id="b")} == {"b"}
    assert store.decisions(tenant_id="b", example_id=a_ids[0]) == []
    assert store.decided_counts(tenant_id="b") == []
    first = store.get(tenant_id="b", example_id=b_ids[0]).query.casefold()
    known = store.nearby_queries(tenant_id="b", optimizer="modality", queries=[first], statuses=["approved"])
    assert known.nearby == {first: []}  # tenant a approved the same query; b approved nothing
    assert store.stats(tenant_id="b")["total"] == 6
    with pytest.raises(NotFoundError):
        store.get_run(tenant_id="b", run_id="run-a")


def test_export_iteration_stays_in_the_tenant(store: ReviewStore, two_tenants: Tenants) -> None:
    a_ids, _ = two_tenants
    exported = list(store.iter_exportable(tenant_id="b", optimizer="modality"))
    assert exported and {e.tenant_id for e in exported} == {"b"}
    assert not {e.id for e in exported} & set(a_ids)
    store.record_export(tenant_id="a", optimizer="modality", filter={}, counts={}, file_hash="h", path="p")
    assert store.exports(tenant_id="b") == []


def test_decisions_cannot_reach_another_tenant(store: ReviewStore, two_tenants: Tenants) -> None:
    a_ids, _ = two_tenants
    target = a_ids[2]
    with pytest.raises(NotFoundError):
        store.decide(
            tenant_id="b",
            example_id=target,
            decision=Decision(action="reject", reviewer="mallory", reason_code="other", expected_version=1),
        )
    assert store.get(tenant_id="a", example_id=target).status == "pending_review"
    assert all(d.reviewer != "mallory" for d in store.decisions(tenant_id="a"))


def test_bulk_decisions_cover_only_the_own_tenant(store: ReviewStore, two_tenants: Tenants) -> None:
    before = store.stats(tenant_id="a")["by_status"]
    changed = store.bulk_decide(
        tenant_id="b", filter=EVERYTHING, decision=Decision(action="reject", reviewer="bob", reason_code="other")
    )
    assert changed == 6
    assert store.stats(tenant_id="a")["by_status"] == before
    assert store.count(tenant_id="b", filter=ExampleFilter(statuses=["rejected"])) == 6


def test_bulk_decisions_stay_in_the_own_tenants_log(store: ReviewStore, two_tenants: Tenants) -> None:
    a_ids, b_ids = two_tenants
    store.bulk_decide(tenant_id="b", filter=EVERYTHING, decision=Decision(action="approve", reviewer="ann"))
    assert store.decisions(tenant_id="b", example_id=b_ids[0])[-1].reviewer == "ann"
    assert all(d.example_id in a_ids for d in store.decisions(tenant_id="a"))
    assert store.decisions(tenant_id="a", example_id=b_ids[0]) == []
    assert store.stats(tenant_id="a")["decisions_by_reviewer"] == {"ann": 1}
    assert store.undo_last(tenant_id="a", reviewer="ann").example is not None  # a's own single decision
    assert store.count(tenant_id="b", filter=ExampleFilter(statuses=["approved"])) == 6  # b's bulk stands


def test_undo_only_reverts_the_own_tenants_decisions(store: ReviewStore, two_tenants: Tenants) -> None:
    a_ids, _ = two_tenants
    with pytest.raises(NotFoundError):
        store.undo_last(tenant_id="b", reviewer="ann")
    assert store.get(tenant_id="a", example_id=a_ids[0]).status == "approved"


def test_writes_cannot_borrow_another_tenants_run_or_parent(store: ReviewStore, two_tenants: Tenants) -> None:
    a_ids, _ = two_tenants
    with pytest.raises(NotFoundError):
        store.add_examples(run_id="run-a", tenant_id="b", optimizer="modality", examples=new_examples(1))
    child = new_examples(1, start=50)[0].model_copy(update={"parent_id": a_ids[0]})
    with pytest.raises(NotFoundError):
        store.add_examples(run_id="run-b", tenant_id="b", optimizer="modality", examples=[child])
    with pytest.raises(InvalidRequestError):
        store.start_run(run_id="run-a", tenant_id="b", optimizer="modality", request={}, settings_snapshot={})
    assert store.count(tenant_id="b", filter=EVERYTHING) == 6
