"""The end-of-run summary counts in the store: statuses, a confidence histogram, the labels."""

from __future__ import annotations

from approval.review import ReviewService
from approval.store import ReviewStore
from synth_core.settings import Settings
from tests.approval.test_export import TENANT, add


def test_the_histogram_and_statuses_add_up_to_the_run(store: ReviewStore, settings: Settings) -> None:
    add(store, ["auto_approved", "pending_review", "pending_review", "approved"], run_id="run-7")
    report = ReviewService(store, settings).run_report(
        tenant_id=TENANT,
        run_id="run-7",
        optimizer="modality",
        examples=[{"modality": "VIDEO"}, {"modality": "VIDEO"}, {"modality": "AUDIO"}],
    )
    assert (report.auto_approved, report.queued) == (1, 2)
    assert sum(item.count for item in report.histogram) == 4
    assert [item.count for item in report.histogram if item.count] == [1, 1, 1, 1]  # confidences 0.5 .. 0.875
    assert report.labels == {"VIDEO": 2, "AUDIO": 1}
