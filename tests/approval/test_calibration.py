"""Calibration report over decided examples."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from approval.calibration import MIN_DECIDED, calibrate, calibration_report
from approval.decision import Decision
from approval.models import ExamplePublic
from approval.store import ReviewStore
from synth_core.cli import cli
from synth_core.registry import get_optimizer
from synth_core.settings import Settings
from tests.support.review_data import seed_store

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def decided(confidence: float, status: str, number: int = 0) -> ExamplePublic:
    return ExamplePublic(
        id=f"ex-{number:05d}",
        run_id="run-1",
        tenant_id="t",
        optimizer="modality",
        payload={"query": f"query {number}"},
        status=status,  # type: ignore[arg-type]
        confidence=confidence,
        confidence_breakdown=[],
        version=2,
        created_at=NOW,
        updated_at=NOW,
    )


def population(spec: list[tuple[float, int, int]]) -> list[ExamplePublic]:
    """``spec``: (confidence, approved count, rejected count)."""
    examples: list[ExamplePublic] = []
    for confidence, approved, rejected in spec:
        for status, count in (("approved", approved), ("rejected", rejected)):
            examples.extend(decided(confidence, status, len(examples) + offset) for offset in range(count))
    return examples


def test_bins_count_rates_and_means() -> None:
    examples = population([(0.15, 1, 3), (0.95, 9, 1)])
    report = calibration_report(examples, bins=10)

    low, high = report.bins[1], report.bins[9]
    assert (low.count, low.approved, low.approval_rate) == (4, 1, 0.25)
    assert (high.count, high.approved, high.approval_rate) == (10, 9, 0.9)
    assert high.mean_confidence == pytest.approx(0.95)
    assert sum(item.count for item in report.bins) == report.decided == 14
    assert report.bins[5].approval_rate is None


def test_expected_calibration_error_is_the_weighted_gap() -> None:
    report = calibration_report(population([(0.15, 1, 3), (0.95, 9, 1)]), bins=10)
    expected = 4 / 14 * abs(0.25 - 0.15) + 10 / 14 * abs(0.9 - 0.95)
    assert report.expected_calibration_error == pytest.approx(expected)


def test_undecided_examples_are_ignored_and_confidence_one_lands_in_the_last_bin() -> None:
    examples = [decided(1.0, "approved", 1), decided(0.9, "pending_review", 2), decided(0.9, "auto_approved", 3)]
    report = calibration_report(examples, bins=4)

    assert report.decided == 1 and report.bins[-1].count == 1


def test_too_little_data_gives_no_threshold_and_says_why() -> None:
    report = calibration_report(population([(0.9, 5, 0)]))

    assert report.suggested_threshold is None
    assert f"at least {MIN_DECIDED}" in report.explanation


def test_suggested_threshold_is_the_lowest_that_keeps_the_error_under_target() -> None:
    # 0.95: 40 right; 0.85: 19 right 1 wrong; 0.75: 10 right 10 wrong.
    examples = population([(0.95, 40, 0), (0.85, 19, 1), (0.75, 10, 10)])
    report = calibration_report(examples, target_error=0.05)

    # At 0.85 the set above holds 60 with 1 rejected (1.7%); at 0.75, 80 with 11 rejected (13.8%).
    assert report.suggested_threshold == 0.85
    assert report.suggested_support == 60
    assert report.suggested_error == pytest.approx(1 / 60)
    assert "0.8500" in report.explanation


def test_a_stricter_target_raises_the_threshold() -> None:
    examples = population([(0.95, 40, 0), (0.85, 19, 1), (0.75, 10, 10)])
    assert calibration_report(examples, target_error=0.01).suggested_threshold == 0.95


def test_no_threshold_qualifies_when_every_level_errs_too_often() -> None:
    report = calibration_report(population([(0.9, 20, 20)]), target_error=0.05)

    assert report.suggested_threshold is None
    assert "No threshold" in report.explanation


def test_render_rows_has_one_row_per_bin() -> None:
    rows = calibration_report(population([(0.15, 1, 3)]), bins=5).render_rows()

    assert [row["bin"] for row in rows] == ["0.00-0.20", "0.20-0.40", "0.40-0.60", "0.60-0.80", "0.80-1.00"]
    assert rows[0]["count"] == 4


def test_the_calibration_command_reports_over_the_stored_decisions(settings: Settings) -> None:
    with ReviewStore(settings.review_url) as store:
        ids = seed_store(store, 40, tenant_id=settings.default_tenant, statuses=("pending_review",))
        for number, example_id in enumerate(ids):
            action, status = ("approve", "approved") if number % 4 else ("reject", "rejected")
            store.decide(
                tenant_id=settings.default_tenant,
                example_id=example_id,
                decision=Decision(
                    action=action,
                    reviewer="ann",
                    reason_code="other" if status == "rejected" else None,
                    expected_version=1,
                ),
            )

    result = CliRunner().invoke(
        cli, ["calibration", "--optimizer", "modality", "--bins", "4", "--json"], obj={"settings": settings}
    )

    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["decided"], report["approved"], report["rejected"]) == (40, 30, 10)
    assert [item["count"] for item in report["bins"]] == [25, 15, 0, 0]  # confidences 0.00 .. 0.39

    table = CliRunner().invoke(cli, ["calibration", "--optimizer", "modality"], obj={"settings": settings})
    assert (
        "Expected calibration error" in table.stdout
        and f"configured: {get_optimizer('modality').default_threshold}" in table.stdout
    )


def test_the_calibration_command_refuses_an_unknown_optimizer(settings: Settings) -> None:
    result = CliRunner().invoke(cli, ["calibration", "--optimizer", "nope"], obj={"settings": settings})

    assert result.exit_code == 2 and "Unknown optimizer 'nope'" in result.stderr


def test_the_stores_counts_give_the_report_its_examples_give(store: ReviewStore) -> None:
    """``calibrate`` reads counts per confidence from the database; the report is the one the
    decided examples themselves give (several examples share each confidence)."""
    ids = seed_store(store, 300, tenant_id="acme", statuses=("pending_review", "auto_approved"))
    for number, example_id in enumerate(ids[:240]):
        rejected = number % 7 in (0, 3) or number > 200
        decision = Decision(
            action="reject" if rejected else "approve",
            reviewer="ann",
            expected_version=1,
            reason_code="other" if rejected else None,
        )
        store.decide(tenant_id="acme", example_id=example_id, decision=decision)
    examples = [store.get(tenant_id="acme", example_id=example_id) for example_id in ids]

    report = calibrate(store, tenant_id="acme", optimizer="modality", target_error=0.3)

    expected = calibration_report(examples, target_error=0.3)
    assert report.model_dump(exclude={"bins", "expected_calibration_error"}) == expected.model_dump(
        exclude={"bins", "expected_calibration_error"}
    )
    assert report.decided == 240 and report.suggested_threshold is not None
    for got, want in zip(report.bins, expected.bins, strict=True):
        assert (got.count, got.approved, got.approval_rate) == (want.count, want.approved, want.approval_rate)
        assert got.mean_confidence == pytest.approx(want.mean_confidence)
    assert report.expected_calibration_error == pytest.approx(expected.expected_calibration_error)
