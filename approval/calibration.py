"""Calibration: does the confidence score mean what it says, and where should the threshold be?

Over examples a person decided (approved or edited = correct, rejected = wrong):

- per equal-width confidence bin: count, approvals, approval rate, mean confidence;
- expected calibration error, ECE = sum over bins of (n_bin / n) * |approval rate - mean confidence|;
- a suggested threshold: the lowest threshold t such that, among decided examples with confidence
  >= t (what auto-approval at t would have let through), the rejection rate is at most
  ``target_error``, with at least ``MIN_SUPPORT`` examples behind the estimate. None, with the
  reason, when fewer than ``MIN_DECIDED`` examples are decided or no threshold qualifies.

Everything here needs only how many examples were decided, and approved, at each confidence: the
store counts them in the database (``ReviewStore.decided_counts``), one row per distinct confidence
(scores keep four decimals, so at most 10,001 rows however many examples are stored).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, Protocol

from pydantic import BaseModel

from approval.models import DecidedCount, ExamplePublic, approval_rate
from synth_core.registry import get_optimizer

MIN_DECIDED = 30
MIN_SUPPORT = 20
CORRECT_STATUSES = frozenset({"approved"})
WRONG_STATUSES = frozenset({"rejected"})


class CalibrationBin(BaseModel):
    lower: float
    upper: float
    count: int
    approved: int
    approval_rate: float | None
    mean_confidence: float | None


class CalibrationReport(BaseModel):
    decided: int
    approved: int
    rejected: int
    bins: list[CalibrationBin]
    expected_calibration_error: float | None
    target_error: float
    suggested_threshold: float | None
    suggested_error: float | None
    suggested_support: int
    explanation: str

    def render_rows(self) -> list[dict[str, Any]]:
        """One row per bin, for a table."""
        return [
            {
                "bin": f"{item.lower:.2f}-{item.upper:.2f}",
                "count": item.count,
                "approved": item.approved,
                "approval_rate": item.approval_rate,
                "mean_confidence": item.mean_confidence,
            }
            for item in self.bins
        ]


class DecidedSource(Protocol):
    def decided_counts(self, *, tenant_id: str, optimizer: str | None = None) -> list[DecidedCount]: ...


def calibrate(
    store: DecidedSource,
    *,
    tenant_id: str,
    optimizer: str | None = None,
    bins: int = 10,
    target_error: float = 0.05,
) -> CalibrationReport:
    """The calibration report over the tenant's decided examples (of one optimizer, or all)."""

    if optimizer is not None:
        get_optimizer(optimizer)  # an unknown name is an error, not an empty report
    counts = store.decided_counts(tenant_id=tenant_id, optimizer=optimizer)
    return report_from_counts(counts, bins=bins, target_error=target_error)


def calibration_report(
    examples: Sequence[ExamplePublic], *, bins: int = 10, target_error: float = 0.05
) -> CalibrationReport:
    """Calibration of the decided examples among ``examples`` (undecided ones are ignored)."""
    decided = [
        (example.confidence, example.status in CORRECT_STATUSES)
        for example in examples
        if example.status in CORRECT_STATUSES | WRONG_STATUSES
    ]
    return report_from_counts(decided_counts(decided), bins=bins, target_error=target_error)


def decided_counts(decided: Iterable[tuple[float, bool]]) -> list[DecidedCount]:
    """How many of ``decided`` (confidence, approved) pairs were decided, and approved, at each confidence."""
    counts: dict[float, DecidedCount] = {}
    for (confidence, correct), count in Counter(decided).items():
        before = counts.get(confidence, DecidedCount(confidence, 0, 0))
        counts[confidence] = DecidedCount(confidence, before.decided + count, before.approved + count * correct)
    return list(counts.values())


def report_from_counts(
    counts: Sequence[DecidedCount], *, bins: int = 10, target_error: float = 0.05
) -> CalibrationReport:
    """The report from how many examples were decided and approved at each confidence."""
    clamped = sorted(
        (DecidedCount(min(1.0, max(0.0, row.confidence)), row.decided, row.approved) for row in counts if row.decided),
        reverse=True,
    )
    table = _bins(clamped, max(1, bins))
    decided = sum(row.decided for row in clamped)
    approved = sum(row.approved for row in clamped)
    suggestion = _suggest_threshold(clamped, decided, target_error)
    return CalibrationReport(
        decided=decided,
        approved=approved,
        rejected=decided - approved,
        bins=table,
        expected_calibration_error=_ece(table, decided),
        target_error=target_error,
        suggested_threshold=suggestion.threshold,
        suggested_error=suggestion.error,
        suggested_support=suggestion.support,
        explanation=suggestion.explanation,
    )


def _bins(counts: Sequence[DecidedCount], count: int) -> list[CalibrationBin]:
    members: list[list[DecidedCount]] = [[] for _ in range(count)]
    for row in counts:
        members[min(int(row.confidence * count), count - 1)].append(row)
    table = []
    for position, group in enumerate(members):
        decided = sum(row.decided for row in group)
        approved = sum(row.approved for row in group)
        table.append(
            CalibrationBin(
                lower=round(position / count, 6),
                upper=round((position + 1) / count, 6),
                count=decided,
                approved=approved,
                approval_rate=approval_rate(approved, decided - approved),
                mean_confidence=sum(row.confidence * row.decided for row in group) / decided if decided else None,
            )
        )
    return table


def _ece(table: Sequence[CalibrationBin], total: int) -> float | None:
    if total == 0:
        return None
    return sum(
        item.count / total * abs((item.approval_rate or 0.0) - (item.mean_confidence or 0.0))
        for item in table
        if item.count
    )


class _Suggestion(NamedTuple):
    threshold: float | None
    error: float | None
    support: int
    explanation: str


def _suggest_threshold(counts: Sequence[DecidedCount], decided: int, target_error: float) -> _Suggestion:
    """``counts``: most confident first."""
    if decided < MIN_DECIDED:
        explanation = (
            f"Only {decided} decided example(s); at least {MIN_DECIDED} are needed to suggest a threshold. "
            "Review more examples and run the report again."
        )
        return _Suggestion(None, None, 0, explanation)
    wrong = support = 0
    best: tuple[float, float, int] | None = None
    # Walk from the most confident down; each distinct confidence is a candidate threshold that
    # lets through everything at or above it. The last qualifying one is the lowest.
    for row in counts:
        support += row.decided
        wrong += row.decided - row.approved
        if support >= MIN_SUPPORT and wrong / support <= target_error:
            best = (row.confidence, wrong / support, support)
    if best is None:
        explanation = (
            f"No threshold keeps the rejection rate of the auto-approved set at or under {target_error:.1%} "
            f"with at least {MIN_SUPPORT} decided examples above it; keep reviewing by hand."
        )
        return _Suggestion(None, None, 0, explanation)
    confidence, error, support = best
    threshold = math.floor(confidence * 10_000) / 10_000  # never above the example it admits
    explanation = (
        f"At {threshold:.4f}, {support} decided examples are at or above the threshold and "
        f"{error:.1%} of them were rejected (target {target_error:.1%})."
    )
    return _Suggestion(threshold, error, support, explanation)
