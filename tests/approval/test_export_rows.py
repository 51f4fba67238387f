"""The export's lean read path (``ReviewStore.iter_export_rows``): the same examples as ``iter_exportable``,
never a pending or rejected one, never another tenant's, with the payload fields the reader omits left out."""

from __future__ import annotations

from approval.decision import Decision
from approval.models import ExampleFilter
from approval.store import ReviewStore
from tests.support.review_data import seed_store

TENANT = "acme"
BOOKKEEPING = ("provenance", "signals")


def approve(store: ReviewStore, example_id: str) -> None:
    store.decide(
        tenant_id=TENANT, example_id=example_id, decision=Decision(action="approve", reviewer="ann", expected_version=1)
    )


def reject(store: ReviewStore, example_id: str) -> None:
    store.decide(
        tenant_id=TENANT,
        example_id=example_id,
        decision=Decision(action="reject", reviewer="ann", reason_code="other", expected_version=1),
    )


def test_only_approved_and_auto_approved_rows_come_out_in_id_order(store: ReviewStore) -> None:
    ids = seed_store(store, 40, statuses=("pending_review", "auto_approved"))
    approve(store, ids[0])
    reject(store, ids[2])
    seed_store(store, 4, tenant_id="other", run_id="run-other", statuses=("auto_approved",))

    rows = list(store.iter_export_rows(tenant_id=TENANT, optimizer="modality", batch=7))

    assert [row.id for row in rows] == sorted(row.id for row in rows)
    assert [row.id for row in rows] == [e.id for e in store.iter_exportable(tenant_id=TENANT, optimizer="modality")]
    assert {row.status for row in rows} == {"approved", "auto_approved"}
    assert {row.tenant_id for row in rows} == {TENANT} and {row.optimizer for row in rows} == {"modality"}
    assert len(rows) == 21  # 20 auto-approved + 1 approved; the pending and the rejected stay in
    decided = store.count(tenant_id=TENANT, filter=ExampleFilter(statuses=["pending_review", "rejected"]))
    assert decided == 40 - len(rows)


def test_auto_approved_rows_can_be_left_out_and_other_optimizers_are_empty(store: ReviewStore) -> None:
    ids = seed_store(store, 6, statuses=("pending_review", "auto_approved"))
    approve(store, ids[4])
    human_only = list(store.iter_export_rows(tenant_id=TENANT, optimizer="modality", include_auto_approved=False))
    assert [row.id for row in human_only] == [ids[4]]
    assert list(store.iter_export_rows(tenant_id=TENANT, optimizer="routing")) == []
    assert list(store.iter_export_rows(tenant_id="nobody", optimizer="modality")) == []


def test_a_row_carries_the_stored_state_and_payload(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1, statuses=("auto_approved",))
    stored = store.get(tenant_id=TENANT, example_id=example_id)

    (whole,) = store.iter_export_rows(tenant_id=TENANT, optimizer="modality")
    (lean,) = store.iter_export_rows(tenant_id=TENANT, optimizer="modality", omit_fields=BOOKKEEPING)

    assert (whole.run_id, whole.status, whole.confidence) == (stored.run_id, stored.status, stored.confidence)
    assert whole.payload == stored.payload
    assert lean.payload == {key: value for key, value in stored.payload.items() if key not in BOOKKEEPING}
    assert lean.query == stored.query
    assert whole.generator == lean.generator == stored.payload["signals"]["generator"]


def test_omitting_a_field_the_payload_lacks_changes_nothing(store: ReviewStore) -> None:
    seed_store(store, 1, statuses=("auto_approved",))
    (whole,) = store.iter_export_rows(tenant_id=TENANT, optimizer="modality")
    (same,) = store.iter_export_rows(tenant_id=TENANT, optimizer="modality", omit_fields=("no_such_field",))
    assert same.payload == whole.payload


def test_an_in_memory_store_is_read_on_the_callers_connection() -> None:
    """An in-memory SQLite database exists on one connection (one per thread): the rows must come from
    the connection the caller's thread took, whoever fetches them."""
    with ReviewStore("sqlite:///:memory:") as memory_store:
        seed_store(memory_store, 7, tenant_id=TENANT, statuses=("auto_approved",))
        rows = list(memory_store.iter_export_rows(tenant_id=TENANT, optimizer="modality", batch=3))
    assert len(rows) == 7
