"""The learned confidence in the review store: train a tenant's model when enough decisions accrued,
blend it into the scores of a run's batches, draw the audit share, and evaluate it for calibration.

When a run starts (``ReviewStoreSink.start_run``), ``current_model`` trains the tenant's model once it
has ``[learning] min_decisions`` decided examples, and again after each ``retrain_every`` more; below
``min_decisions`` the judged prior shipped with Synth Studio stands in (``judged_prior``). The model
is kept in the store (one per tenant: ``confidence_models``), so a restart reads it instead of
training again.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple, Protocol

from approval.confidence import Confidence, core_cap
from approval.learning.evaluation import LearnedEvaluation, evaluate, held_out_split
from approval.learning.judged_prior import judged_prior
from approval.learning.model import ConfidenceModel, ExampleFacts, blend, learned_entry
from approval.models import DecidedExample, StoredConfidenceModel
from synth_core.schemas.common import ExampleBase
from synth_core.settings import LearningSettings

AUDIT = "audit"
"""The breakdown entry of an example drawn for audit."""


class ModelStore(Protocol):
    def decided_total(self, *, tenant_id: str) -> int: ...
    def decided_examples(self, *, tenant_id: str, limit: int) -> list[DecidedExample]: ...
    def confidence_model(self, *, tenant_id: str) -> StoredConfidenceModel | None: ...
    def save_confidence_model(self, *, model: StoredConfidenceModel) -> None: ...


class Scored(NamedTuple):
    """An example's score as stored: the (blended) confidence, its breakdown and the learned chance."""

    confidence: float
    breakdown: list[dict[str, Any]]
    approval_chance: float | None


def before_team_model(settings: LearningSettings) -> str:
    """What scores the examples until the team's own model is trained, as a reviewer reads it."""
    prior = judged_prior() if settings.judged_prior else None
    if prior is None:
        return (
            f"The rule-based score stands alone until reviewers decided {settings.min_decisions} examples "
            "([learning] min_decisions); then a model learns from their decisions and is blended into the score."
        )
    return (
        f"Until reviewers decided {settings.min_decisions} examples ([learning] min_decisions), the score blends "
        f"the model shipped with Synth Studio (trained on {prior.trained_on.split(' shipped')[0]}); then a model "
        "learns from their own decisions and takes its place."
    )


def current_model(store: ModelStore, *, tenant_id: str, settings: LearningSettings) -> ConfidenceModel | None:
    """The tenant's model, trained (and kept) anew when ``retrain_every`` more decisions accrued since
    the stored one; below ``min_decisions``, or while every decision has the same outcome, the judged
    prior (``judged_prior``), or None when ``[learning] judged_prior`` is off."""
    total = store.decided_total(tenant_id=tenant_id)
    if total < settings.min_decisions:
        return judged_prior() if settings.judged_prior else None
    stored = store.confidence_model(tenant_id=tenant_id)
    if stored is not None and not ConfidenceModel.reads(stored.features):
        stored = None  # trained on other features (a release added a confidence component): train anew
    if stored is not None and total - stored.decisions < settings.retrain_every:
        return ConfidenceModel.load(stored.model, stored.features)
    decided = store.decided_examples(tenant_id=tenant_id, limit=settings.max_decisions)
    try:
        model = ConfidenceModel.train(decided)
    except ValueError:  # one outcome only: nothing to learn yet
        if stored is not None:
            return ConfidenceModel.load(stored.model, stored.features)
        return judged_prior() if settings.judged_prior else None
    text, spec = model.dump()
    approved = sum(example.approved for example in decided)
    store.save_confidence_model(
        model=StoredConfidenceModel(
            tenant_id=tenant_id,
            decisions=total,
            model=text,
            features=spec,
            evaluation={"trained_on": len(decided), "approved": approved, "rejected": len(decided) - approved},
            trained_at=datetime.now(UTC),
        )
    )
    return model


def score_with_model(
    optimizer: str,
    examples: Sequence[ExampleBase],
    confidences: Sequence[Confidence],
    model: ConfidenceModel | None,
    weight: float,
) -> list[Scored]:
    """Each example's stored score: the rule-based one, blended with the model's chance of approval
    when there is a model (the breakdown then says so, keeping the rule-based score)."""
    breakdowns = [confidence.breakdown() for confidence in confidences]
    if model is None:
        return [Scored(c.score, breakdown, None) for c, breakdown in zip(confidences, breakdowns, strict=True)]
    facts = [
        ExampleFacts(
            optimizer=optimizer,
            payload=example.model_dump(mode="json"),
            confidence=confidence.score,
            confidence_breakdown=breakdown,
        )
        for example, confidence, breakdown in zip(examples, confidences, breakdowns, strict=True)
    ]
    return [
        Scored(
            blend(confidence.score, learned, weight, core_cap(breakdown)),
            [*breakdown, learned_entry(confidence.score, learned, weight, model.trained_on)],
            learned,
        )
        for confidence, breakdown, learned in zip(confidences, breakdowns, model.predict(facts), strict=True)
    ]


def draw_audit(scored: Sequence[Scored], threshold: float, share: float, rng: random.Random) -> list[int]:
    """The positions of the examples that would be auto-approved (at or above ``threshold``) and are
    drawn, each with chance ``share``, for a person to check instead; their breakdown says so."""
    drawn = [
        position
        for position, item in enumerate(scored)
        if item.confidence >= threshold and share > 0 and rng.random() < share
    ]
    for position in drawn:
        scored[position].breakdown.append(
            {
                "name": AUDIT,
                "score": 1.0,
                "weight": 0.0,
                "reason": f"drawn at random for review ({share:.0%} of would-be auto-approved examples are), so "
                "the learned confidence keeps learning where it is most sure",
            }
        )
    return drawn


def learned_evaluation(
    store: ModelStore,
    *,
    tenant_id: str,
    settings: LearningSettings,
    thresholds: Mapping[str, float],
    optimizer: str | None = None,
) -> LearnedEvaluation | None:
    """The model trained on the tenant's earlier decisions, tested on the latest ones (time-ordered,
    ``HELD_OUT_SHARE``): None below ``min_decisions``."""
    decided = store.decided_examples(tenant_id=tenant_id, limit=settings.max_decisions)
    if len(decided) < settings.min_decisions:
        return None
    return evaluate(
        decided,
        trained_on=held_out_split(len(decided)),
        thresholds=thresholds,
        weight=settings.blend_weight,
        optimizer=optimizer,
    )
