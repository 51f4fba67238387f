"""Calibration: does the confidence score mean what it says, and where should the threshold be?

Over examples a person decided (approved or edited = correct, rejected = wrong):

- per equal-width confidence bin: count, approvals, approval rate, mean confidence;
- expected calibration error, ECE = sum over bins of (n_bin / n) * |approval rate - mean confidence|;
- a suggested threshold: the lowest threshold t such that, among decided examples with confidence
  >= t (what auto-approval at t would have let through), the rejection rate is at most
  ``target_error``, with at least ``MIN_SUPPORT`` examples behind the estimate. None, with the
  reason, when fewer than ``MIN_DECIDED`` examples are decided or no threshold qualifies.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

from pydantic import BaseModel

from approval.models import ExamplePublic

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
    def decided_examples(self, *, tenant_id: str, optimizer: str | None = None) -> list[ExamplePublic]: ...


def calibrate(
    store: DecidedSource,
    *,
    tenant_id: str,
    optimizer: str | None = None,
    bins: int = 10,
    target_error: float = 0.05,
) -> CalibrationReport:
    """The calibration report over the tenant's decided examples (of one optimizer, or all)."""
    from synth_core.registry import get_optimizer  # every generator: loaded when first needed

    if optimizer is not None:
        get_optimizer(optimizer)  # an unknown name is an error, not an empty report
    examples = store.decided_examples(tenant_id=tenant_id, optimizer=optimizer)
    return calibration_report(examples, bins=bins, target_error=target_error)


def calibration_report(
    examples: Sequence[ExamplePublic], *, bins: int = 10, target_error: float = 0.05
) -> CalibrationReport:
    """Calibration of the decided examples among ``examples`` (undecided ones are ignored)."""
    outcomes = [
        (min(1.0, max(0.0, example.confidence)), example.status in CORRECT_STATUSES)
        for example in examples
        if example.status in CORRECT_STATUSES | WRONG_STATUSES
    ]
    table = _bins(outcomes, max(1, bins))
    approved = sum(1 for _, correct in outcomes if correct)
    suggestion = _suggest_threshold(outcomes, target_error)
    return CalibrationReport(
        decided=len(outcomes),
        approved=approved,
        rejected=len(outcomes) - approved,
        bins=table,
        expected_calibration_error=_ece(table, len(outcomes)),
        target_error=target_error,
        suggested_threshold=suggestion.threshold,
        suggested_error=suggestion.error,
        suggested_support=suggestion.support,
        explanation=suggestion.explanation,
    )


def _bins(outcomes: Sequence[tuple[float, bool]], count: int) -> list[CalibrationBin]:
    members: list[list[tuple[float, bool]]] = [[] for _ in range(count)]
    for confidence, correct in outcomes:
        members[min(int(confidence * count), count - 1)].append((confidence, correct))
    table = []
    for position, group in enumerate(members):
        approved = sum(1 for _, correct in group if correct)
        table.append(
            CalibrationBin(
                lower=round(position / count, 6),
                upper=round((position + 1) / count, 6),
                count=len(group),
                approved=approved,
                approval_rate=approved / len(group) if group else None,
                mean_confidence=sum(confidence for confidence, _ in group) / len(group) if group else None,
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


def _suggest_threshold(outcomes: Sequence[tuple[float, bool]], target_error: float) -> _Suggestion:
    if len(outcomes) < MIN_DECIDED:
        explanation = (
            f"Only {len(outcomes)} decided example(s); at least {MIN_DECIDED} are needed to suggest a threshold. "
            "Review more examples and run the report again."
        )
        return _Suggestion(None, None, 0, explanation)
    ordered = sorted(outcomes, reverse=True)
    wrong = 0
    best: tuple[float, float, int] | None = None
    # Walk from the most confident down; each distinct confidence is a candidate threshold that
    # lets through everything at or above it. The last qualifying one is the lowest.
    for position, (confidence, correct) in enumerate(ordered):
        wrong += 0 if correct else 1
        is_last_of_value = position + 1 == len(ordered) or ordered[position + 1][0] < confidence
        support = position + 1
        if is_last_of_value and support >= MIN_SUPPORT and wrong / support <= target_error:
            best = (confidence, wrong / support, support)
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
