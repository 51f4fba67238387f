"""Insights queries give the same answers on SQLite and PostgreSQL (grouped in the database)."""

from __future__ import annotations

from approval.review import ReviewService
from approval.store import ReviewStore
from synth_core.settings import Settings
from tests.approval.test_export import TENANT, add


def test_counts_by_status_reason_and_labels(store: ReviewStore, settings: Settings) -> None:
    add(store, ["approved", "rejected", "pending_review", "auto_approved", "pending_review"])
    service = ReviewService(store, settings)
    bins = service.insights.confidence_by_status(tenant_id=TENANT, optimizer="modality")
    assert {status: sum(b.count for b in bins if b.status == status) for status in ("approved", "pending_review")} == {
        "approved": 1,
        "pending_review": 2,
    }
    (row,) = service.insights.approval_by(tenant_id=TENANT, optimizer=None, group="optimizer")
    assert (row.group, row.approved, row.rejected, row.pending, row.approval_rate) == ("modality", 2, 1, 2, 2 / 3)
    (reason,) = service.insights.approval_by(tenant_id=TENANT, optimizer=None, group="reason_code")
    assert (reason.group, reason.rejected) == ("wrong_label", 1)
    cells = service.insights.label_coverage(tenant_id=TENANT, optimizer="modality")
    assert sum(cell.count for cell in cells) == 4  # the rejected one is no coverage
    assert all(cell.thin for cell in cells)
    assert all(cell.labels["modality"] in {"VIDEO", "AUDIO", "IMAGE", "DOCUMENT", "TEXT"} for cell in cells)
    assert service.insights.regeneration_by_reason(tenant_id=TENANT, optimizer=None) == []


def test_near_duplicates_are_grouped(store: ReviewStore, settings: Settings) -> None:
    queries = [
        "video about lighthouse repairs in maine",
        "a video about lighthouse repairs in maine",
        "podcast on bread",
    ]
    add(store, ["pending_review"] * 3, queries=queries)
    (group,) = ReviewService(store, settings).insights.near_duplicate_groups(tenant_id=TENANT, optimizer=None)
    assert sorted(group.queries) == sorted(queries[:2])


def test_every_optimizers_coverage_reads_labels_its_examples_have(store: ReviewStore, settings: Settings) -> None:
    """The coverage labels come from the registry; a label the schema does not have would show as
    '(none)' in every cell (routing once read 'success', which routing examples do not carry)."""
    service = ReviewService(store, settings)
    for optimizer in ("modality", "cross_modal", "routing", "workflow", "unified"):
        add(store, ["pending_review"] * 2, optimizer=optimizer, run_id=f"run-{optimizer}")
        cells = service.insights.label_coverage(tenant_id=TENANT, optimizer=optimizer)
        assert sum(cell.count for cell in cells) == 2
        top_level = [(axis, label) for cell in cells for axis, label in cell.labels.items() if "." not in axis]
        assert top_level and all(label != "(none)" for _, label in top_level), optimizer
