"""How much the learned confidence helps, measured honestly: trained on the decisions up to a point in
time, tested on the decisions after it (never on what it learned from).

Two reports over the same split:

- ``LearnedEvaluation`` (``synth calibration``, the Insights page): at the auto-approval threshold, the
  share of held-out examples each score would auto-approve (and the share left to review: the review
  load) and how many of those a person approved (the precision); and the blended score at the rule's
  review load, so the two compare at equal work.
- ``review_savings``: a reviewer works through the held-out examples in some order and whatever is
  left is auto-approved; how many reviews does it take until the left-over set reaches a target
  precision, lowest-confidence-first against most-likely-wrong-first?
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel

from approval.confidence import core_cap
from approval.learning.features import DecidedExample
from approval.learning.model import ConfidenceModel, blend, rule_score

DEFAULT_THRESHOLD = 0.85
HELD_OUT_SHARE = 0.2
"""Of a tenant's decisions, the latest this share is held out for testing (``synth calibration``)."""


class OperatingPoint(BaseModel):
    """What auto-approving the examples scoring at or above their optimizer's threshold means on the
    held-out ones (``threshold``: the lowest score that was auto-approved, when ranked)."""

    threshold: float | None
    auto_approved: int
    review_load: float
    """The share of examples sent to review."""
    precision: float | None
    """The share of the auto-approved ones a person approved (None: nothing auto-approved)."""

    @property
    def wrong_share(self) -> float | None:
        return None if self.precision is None else 1.0 - self.precision

    def described(self) -> str:
        if self.precision is None:
            return "auto-approves none (all to review)"
        return (
            f"auto-approves {self.auto_approved}, {self.precision:.1%} of them right ({self.review_load:.0%} to review)"
        )


class ReviewSavings(BaseModel):
    """Reviews needed until the examples not yet reviewed reach ``target_precision``."""

    target_precision: float
    lowest_confidence_first: int | None
    most_likely_wrong_first: int | None
    """None: that order never gets there (not before everything is reviewed)."""

    @property
    def saved(self) -> int | None:
        if self.lowest_confidence_first is None or self.most_likely_wrong_first is None:
            return None
        return self.lowest_confidence_first - self.most_likely_wrong_first

    def sentence(self, examples: int) -> str:
        def reviews(count: int | None) -> str:
            return "never" if count is None else f"after {count}"

        return (
            f"Reviews until the unreviewed of {examples} are {self.target_precision:.0%} right: lowest-confidence-"
            f"first {reviews(self.lowest_confidence_first)}, most-likely-wrong-first "
            f"{reviews(self.most_likely_wrong_first)}."
        )


class LearnedEvaluation(BaseModel):
    """The rule-based score against the blended one on decisions the model never saw."""

    trained_on: int
    tested_on: int
    blend_weight: float
    rule: OperatingPoint
    blended: OperatingPoint
    blended_same_load: OperatingPoint
    """The blended score auto-approving as many examples as the rule does."""
    savings: list[ReviewSavings]
    rule_auc: float | None = None
    learned_auc: float | None = None
    """How well each score ranks the approved above the rejected (ROC-AUC, 0.5 = no better than
    chance), whatever the threshold; None when the held-out decisions hold one outcome only."""

    def summary(self) -> str:
        return (
            f"Learned confidence, trained on the first {self.trained_on} decisions and tested on the "
            f"{self.tested_on} after them. At the threshold, the rule-based score {self.rule.described()}; "
            f"blended (weight {self.blend_weight:.2f}) it {self.blended.described()}. At the rule's review load, "
            f"the blended score {self.blended_same_load.described()}."
        )


class ScoredOutcome(BaseModel):
    rule: float
    learned: float
    approved: bool
    threshold: float
    """Its optimizer's auto-approval threshold."""
    cap: float = 1.0
    """The rule's ``core_cap``: what a blend may not exceed."""

    def blended(self, weight: float) -> float:
        return blend(self.rule, self.learned, weight, self.cap)


def evaluate(
    decided: Sequence[DecidedExample],
    *,
    trained_on: int,
    thresholds: Mapping[str, float],
    weight: float,
    optimizer: str | None = None,
    targets: Sequence[float] = (0.8, 0.9),
) -> LearnedEvaluation | None:
    """Train on the first ``trained_on`` of ``decided`` (oldest first) and test on the rest (of
    ``optimizer`` only, when given; each against its optimizer's entry in ``thresholds``, default
    0.85). None when the test side is empty or the training side holds one outcome only."""
    train = decided[:trained_on]
    test = [example for example in decided[trained_on:] if optimizer in (None, example.optimizer)]
    if not test or len({example.approved for example in train}) < 2:
        return None
    model = ConfidenceModel.train(train)
    outcomes = scored_outcomes(test, model.predict(test), thresholds)
    return summarise(outcomes, trained_on=len(train), weight=weight, targets=targets)


def scored_outcomes(
    examples: Sequence[DecidedExample], learned: Sequence[float], thresholds: Mapping[str, float]
) -> list[ScoredOutcome]:
    """Each decided example with its rule-based score and ``learned`` chance of approval."""
    return [
        ScoredOutcome(
            rule=rule_score(example.confidence, example.confidence_breakdown),
            learned=chance,
            approved=example.approved,
            threshold=thresholds.get(example.optimizer, DEFAULT_THRESHOLD),
            cap=core_cap(example.confidence_breakdown),
        )
        for example, chance in zip(examples, learned, strict=True)
    ]


def summarise(
    outcomes: Sequence[ScoredOutcome], *, trained_on: int, weight: float, targets: Sequence[float]
) -> LearnedEvaluation:
    """The rule-based score against the blended one on ``outcomes`` (held-out decisions)."""
    rule = operating_point([item.rule for item in outcomes], outcomes)
    blended_scores = [item.blended(weight) for item in outcomes]
    approved = [item.approved for item in outcomes]
    return LearnedEvaluation(
        trained_on=trained_on,
        tested_on=len(outcomes),
        blend_weight=weight,
        rule=rule,
        blended=operating_point(blended_scores, outcomes),
        blended_same_load=top_point(blended_scores, outcomes, rule.auto_approved),
        savings=[review_savings(outcomes, target) for target in targets],
        rule_auc=ranking_auc([item.rule for item in outcomes], approved),
        learned_auc=ranking_auc([item.learned for item in outcomes], approved),
    )


def held_out_split(count: int, share: float = HELD_OUT_SHARE) -> int:
    """How many of ``count`` time-ordered decisions to train on (the rest is held out)."""
    return count - max(1, round(count * share))


def operating_point(scores: Sequence[float], outcomes: Sequence[ScoredOutcome]) -> OperatingPoint:
    """Auto-approving each score at or above its example's threshold."""
    passed = [(score, item) for score, item in zip(scores, outcomes, strict=True) if score >= item.threshold]
    lowest = min((score for score, _ in passed), default=None)
    return _point(lowest, [item.approved for _, item in passed], len(outcomes))


def top_point(scores: Sequence[float], outcomes: Sequence[ScoredOutcome], count: int) -> OperatingPoint:
    """Auto-approving the ``count`` highest scores (ties broken by position: deterministic)."""
    ranked = sorted(range(len(scores)), key=lambda index: (-scores[index], index))[:count]
    lowest = min((scores[index] for index in ranked), default=None)
    return _point(lowest, [outcomes[index].approved for index in ranked], len(outcomes))


def ranking_auc(scores: Sequence[float], approved: Sequence[bool]) -> float | None:
    """The chance that an approved example scores above a rejected one (ties count half): ROC-AUC.
    None when ``approved`` holds one outcome only."""
    positives = sum(approved)
    negatives = len(approved) - positives
    if not positives or not negatives:
        return None
    ranks = _average_ranks(scores)
    approved_rank_sum = sum(rank for rank, is_approved in zip(ranks, approved, strict=True) if is_approved)
    return round((approved_rank_sum - positives * (positives + 1) / 2) / (positives * negatives), 4)


def _average_ranks(scores: Sequence[float]) -> list[float]:
    """1-based ranks, tied scores sharing the mean of their ranks."""
    order = sorted(range(len(scores)), key=lambda index: scores[index])
    ranks = [0.0] * len(scores)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def reviews_to_precision(order: Sequence[bool], target: float) -> int | None:
    """``order``: whether each example, in review order, was approved. The fewest reviews after which
    the examples not reviewed (auto-approved) are at least ``target`` approved; None if never."""
    left_approved, left = sum(order), len(order)
    for reviewed, approved in enumerate(order):
        if left and left_approved / left >= target:
            return reviewed
        left -= 1
        left_approved -= approved
    return None


def review_savings(outcomes: Sequence[ScoredOutcome], target: float) -> ReviewSavings:
    """Reviews to ``target`` lowest rule score first against lowest learned chance first."""
    by_rule = sorted(range(len(outcomes)), key=lambda index: (outcomes[index].rule, index))
    by_learned = sorted(range(len(outcomes)), key=lambda index: (outcomes[index].learned, index))
    return ReviewSavings(
        target_precision=target,
        lowest_confidence_first=reviews_to_precision([outcomes[index].approved for index in by_rule], target),
        most_likely_wrong_first=reviews_to_precision([outcomes[index].approved for index in by_learned], target),
    )


def _point(threshold: float | None, approved: Sequence[bool], total: int) -> OperatingPoint:
    return OperatingPoint(
        threshold=None if threshold is None else round(threshold, 4),
        auto_approved=len(approved),
        review_load=(total - len(approved)) / total if total else 0.0,
        precision=sum(approved) / len(approved) if approved else None,
    )
