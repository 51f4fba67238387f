"""Replaying judged examples as if they were reviewers' decisions: how much would the learned
confidence have helped after the first ``after`` of them?

The judged sample (tests/data/judged, drawn and judged in rounds as the generator changed) is the
stand-in for a review history: rounds in the order they were judged, each round's examples in a
seeded random order (a reviewer works through a queue, not corpus by corpus). The model learns from
the first ``after`` decisions and is tested on every later one: never on what it learned from.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from approval.confidence import score_batch
from approval.learning.evaluation import LearnedEvaluation, evaluate, scored_outcomes, summarise
from approval.learning.model import ConfidenceModel
from approval.models import DecidedExample
from synth_core.registry import get_optimizer
from synth_core.settings import AgentsConfig

REPLAY_AFTER = 200
"""Decisions replayed before the model is trained (the target of issue 14 is stated after 200)."""


JudgedRound = tuple[Sequence[Mapping[str, Any]], Mapping[str, bool]]
"""One round's records (``{"id", "optimizer", "example"}``) and its verdicts (id -> judged correct).
Each round has verdicts of its own: ids repeat from round to round ("demo-modality-000" names the
first drawn example of every round), so one mapping for all rounds would judge each example by the
latest round's verdict on another example."""


def judged_decisions(
    rounds: Iterable[JudgedRound],
    *,
    agents: AgentsConfig,
    seed: int = 0,
) -> list[DecidedExample]:
    """The judged examples as decisions, oldest first. ``rounds``: oldest round first. Records without
    a verdict are left out; each is scored by today's rules (with ``agents``)."""
    decided: list[DecidedExample] = []
    for number, (records, verdicts) in enumerate(rounds):
        judged = [record for record in records if record["id"] in verdicts]
        scored = _score(judged, agents)
        decisions = [
            DecidedExample(
                optimizer=record["optimizer"],
                payload=record["example"],
                confidence=confidence.score,
                confidence_breakdown=confidence.breakdown(),
                approved=verdicts[record["id"]],
            )
            for record, confidence in scored
        ]
        random.Random(f"{seed}:{number}").shuffle(decisions)
        decided.extend(decisions)
    return decided


def replay(
    decided: Sequence[DecidedExample],
    *,
    thresholds: Mapping[str, float],
    weight: float,
    after: int = REPLAY_AFTER,
    targets: Sequence[float] = (0.7, 0.8, 0.9),
) -> LearnedEvaluation | None:
    """Train on the first ``after`` decisions, test on the rest (``evaluate``)."""
    return evaluate(decided, trained_on=after, thresholds=thresholds, weight=weight, targets=targets)


def replay_retraining(
    decided: Sequence[DecidedExample],
    *,
    thresholds: Mapping[str, float],
    weight: float,
    after: int = REPLAY_AFTER,
    every: int,
    targets: Sequence[float] = (0.7, 0.8, 0.9),
) -> LearnedEvaluation | None:
    """As the review store does: a model trained on every decision so far scores the next ``every``
    decisions, then is trained anew; from the first ``after`` on, each decision is scored by a model
    that never saw it. None when the first ``after`` hold one outcome only or nothing follows them."""
    if len(decided) <= after or len({example.approved for example in decided[:after]}) < 2:
        return None
    outcomes = []
    for start in range(after, len(decided), every):
        batch = decided[start : start + every]
        model = ConfidenceModel.train(decided[:start])
        outcomes += scored_outcomes(batch, model.predict(batch), thresholds)
    return summarise(outcomes, trained_on=after, weight=weight, targets=targets)


def _score(records: Sequence[Mapping[str, Any]], agents: AgentsConfig) -> list[tuple[Mapping[str, Any], Any]]:
    """Each record with its rule-based confidence, scored optimizer by optimizer (in record order)."""
    by_optimizer: dict[str, list[Mapping[str, Any]]] = {}
    for record in records:
        by_optimizer.setdefault(record["optimizer"], []).append(record)
    scored: dict[str, Any] = {}
    for optimizer, group in by_optimizer.items():
        schema = get_optimizer(optimizer).schema
        examples = [schema.model_validate(record["example"]) for record in group]
        for record, confidence in zip(group, score_batch(optimizer, examples, agents=agents), strict=True):
            scored[record["id"]] = confidence
    return [(record, scored[record["id"]]) for record in records]
