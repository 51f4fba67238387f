"""Does confidence learn from reviewers' decisions? A replay of the judged rounds (issues 11 and 14).

The judged sample (``tests/data/judged``) stands in for reviewer decisions, replayed in the order the
rounds were judged (``approval.learning.replay``): the learned confidence is trained on the first 200
decisions and tested on every later one, which it never saw, against the rule-based score on the
same examples. Rounds drawn before the generator recorded a signal that is a pure function of the
query and its sources (``anchoring``) have it filled in (``judged.with_derived_signals``, as
``bench_confidence_judged`` does), so each example is read as today's store would hold it.

Target (issue 14): after 200 replayed decisions, the learned confidence (the blended score the store
keeps) cuts the share of wrong examples among the auto-approved ones by at least half compared with
the rule-based score at the same review load (as many examples auto-approved). Also: the reviews each
order needs before the examples left unreviewed reach a target precision, lowest-confidence-first
against most-likely-wrong-first.

Round 7 alone (one generator, so what is learned of its first decisions holds for the later ones)
leaves 120 decisions to test on, about 15 of them wrong among the auto-approved: one shuffle moves
the figure by several points, so it is also given pooled over ``SHUFFLES`` shuffles of the round.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from approval.learning.evaluation import (
    DEFAULT_THRESHOLD,
    LearnedEvaluation,
    OperatingPoint,
    ScoredOutcome,
    operating_point,
    ranking_auc,
    top_point,
)
from approval.learning.model import ConfidenceModel, rule_score
from approval.learning.replay import REPLAY_AFTER, judged_decisions, replay, replay_retraining
from approval.models import DecidedExample
from synth_core.registry import OPTIMIZERS
from synth_core.settings import LearningSettings, load_settings
from tests.benchmarks import judged

TARGET_CUT = 0.5
SHUFFLES = 20
FOLDS = 5


def run() -> list[dict[str, Any]]:
    rounds = [round_ for round_ in judged.rounds() if judged.load_judgments(round_)]
    judged_rounds = {round_: judged.judged_round(round_) for round_ in rounds}
    agents = load_settings().agents
    decided = judged_decisions((judged_rounds[round_] for round_ in rounds), agents=agents)
    thresholds = {name: spec.default_threshold for name, spec in OPTIMIZERS.items()}
    weight = LearningSettings().blend_weight
    blended = replay(decided, thresholds=thresholds, weight=weight)
    learned_only = replay(decided, thresholds=thresholds, weight=1.0)
    if blended is None or learned_only is None:
        return [{"name": "learned confidence", "value": "skipped: too few judged decisions", "ok": None}]
    rows = [
        {
            "name": "replay",
            "value": f"rounds {', '.join(map(str, rounds))}: trained on the first {blended.trained_on} decisions, "
            f"tested on the {blended.tested_on} after them",
        },
        _point_row("rule-based score at its thresholds", blended.rule),
        _point_row(f"blended (weight {weight:.2f}) at the thresholds", blended.blended),
        _point_row("learned alone at the rule's review load", learned_only.blended_same_load),
        _target_row(blended, weight),
        _ranking_row(blended),
    ]
    rows.extend(_savings_rows(blended))
    rows.append(_retraining_row(decided, thresholds, weight))
    latest = judged_decisions([judged_rounds[rounds[-1]]], agents=agents)
    rows.append(_latest_round_row(rounds[-1], latest, thresholds, weight))
    rows.append(_shuffled_round_row(rounds[-1], latest, thresholds, weight))
    rows.append(_cross_validated_row(decided[len(judged_rounds[rounds[0]][1]) :], thresholds, weight))
    return rows


def _retraining_row(decided: Sequence[DecidedExample], thresholds: dict[str, float], weight: float) -> dict[str, Any]:
    """The same replay with the model trained anew every ``retrain_every`` decisions, as the review
    store does, instead of frozen after the first 200."""
    every = LearningSettings().retrain_every
    evaluation = replay_retraining(decided, thresholds=thresholds, weight=weight, every=every)
    name = (
        f"retrained every {every} decisions as they accrue (as the store does), from decision {REPLAY_AFTER} on: "
        "wrong among auto-approved, rule -> blended, same review load; ROC-AUC rule / learned"
    )
    if evaluation is None or evaluation.rule.wrong_share is None or evaluation.blended_same_load.wrong_share is None:
        return {"name": name, "value": "n/a"}
    rule, learned = evaluation.rule.wrong_share, evaluation.blended_same_load.wrong_share
    cut = 1.0 - learned / rule if rule else 0.0
    return {"name": name, "value": f"{rule:.1%} -> {learned:.1%} (cut {cut:.0%}); {_aucs(evaluation)}"}


def _latest_round_row(
    round_: int, decided: Sequence[DecidedExample], thresholds: dict[str, float], weight: float
) -> dict[str, Any]:
    """The same replay within the latest round alone: one generator, so what the model learns of the
    first decisions still holds for the later ones (the rounds before it were written by generators
    whose faults were since fixed)."""
    evaluation = replay(decided, thresholds=thresholds, weight=weight)
    if evaluation is None:
        return {"name": f"round {round_} alone", "value": "n/a"}
    rule, learned = evaluation.rule.wrong_share, evaluation.blended_same_load.wrong_share
    shown = "n/a" if rule is None or learned is None else f"{rule:.1%} -> {learned:.1%}"
    return {
        "name": f"round {round_} alone (trained on {evaluation.trained_on}, tested on {evaluation.tested_on}): "
        "wrong among auto-approved, rule -> blended, same review load",
        "value": shown,
    }


def _shuffled_round_row(
    round_: int, decided: Sequence[DecidedExample], thresholds: dict[str, float], weight: float
) -> dict[str, Any]:
    """The latest round's replay over ``SHUFFLES`` orders of its decisions, the wrong examples among
    the auto-approved summed over all of them (each time trained on the first 200, tested on the rest)."""
    rule_wrong = learned_wrong = approved = 0
    for shuffle in range(SHUFFLES):
        order = list(decided)
        random.Random(f"round {round_}: {shuffle}").shuffle(order)
        evaluation = replay(order, thresholds=thresholds, weight=weight)
        if evaluation is None or evaluation.rule.precision is None or evaluation.blended_same_load.precision is None:
            continue
        count = evaluation.rule.auto_approved
        rule_wrong += round(count * (1 - evaluation.rule.precision))
        learned_wrong += round(count * (1 - evaluation.blended_same_load.precision))
        approved += count
    if not approved:
        return {"name": f"round {round_} alone, {SHUFFLES} shuffles", "value": "n/a"}
    cut = 1 - learned_wrong / rule_wrong if rule_wrong else 0.0
    return {
        "name": f"round {round_} alone, pooled over {SHUFFLES} shuffles: wrong among auto-approved, rule -> "
        "blended, same review load",
        "value": f"{rule_wrong / approved:.1%} -> {learned_wrong / approved:.1%} (cut {cut:.0%}, "
        f"{rule_wrong} -> {learned_wrong} wrong of {approved})",
    }


def _cross_validated_row(
    decided: Sequence[DecidedExample], thresholds: dict[str, float], weight: float
) -> dict[str, Any]:
    """How far the features could go with many decisions and no change of generator: each of
    ``FOLDS`` folds of ``decided`` (every round after the first) scored by a model trained on the
    other folds, pooled. Not time-ordered, so an upper bound of what the replay can show."""
    outcomes: list[ScoredOutcome] = []
    for fold in range(FOLDS):
        test = list(decided[fold::FOLDS])
        train = [example for index, example in enumerate(decided) if index % FOLDS != fold]
        learned = ConfidenceModel.train(train).predict(test)
        outcomes += [
            ScoredOutcome(
                rule=rule_score(example.confidence, example.confidence_breakdown),
                learned=chance,
                approved=example.approved,
                threshold=thresholds.get(example.optimizer, DEFAULT_THRESHOLD),
            )
            for example, chance in zip(test, learned, strict=True)
        ]
    rule = operating_point([item.rule for item in outcomes], outcomes)
    blended = top_point([item.blended(weight) for item in outcomes], outcomes, rule.auto_approved)
    auc = ranking_auc([item.learned for item in outcomes], [item.approved for item in outcomes])
    if rule.wrong_share is None or blended.wrong_share is None or auc is None:
        return {"name": "cross-validated", "value": "n/a"}
    return {
        "name": f"ceiling: rounds after the first, {FOLDS}-fold cross-validated ({len(decided)} decisions, each fold "
        "trained on the others): learned ROC-AUC; wrong among auto-approved, rule -> blended, same review load",
        "value": f"{auc:.3f}; {rule.wrong_share:.1%} -> {blended.wrong_share:.1%} "
        f"(cut {1 - blended.wrong_share / rule.wrong_share:.0%})",
    }


def _ranking_row(evaluation: LearnedEvaluation) -> dict[str, Any]:
    return {
        "name": "ROC-AUC on the held-out decisions (approved above rejected; 0.5 = chance): rule / learned",
        "value": _aucs(evaluation),
    }


def _aucs(evaluation: LearnedEvaluation) -> str:
    def shown(auc: float | None) -> str:
        return "n/a" if auc is None else f"{auc:.3f}"

    return f"{shown(evaluation.rule_auc)} / {shown(evaluation.learned_auc)}"


def _point_row(name: str, point: OperatingPoint) -> dict[str, Any]:
    wrong = "n/a" if point.wrong_share is None else f"{point.wrong_share:.1%}"
    return {
        "name": f"{name}: wrong among auto-approved / review load",
        "value": f"{wrong} of {point.auto_approved} / {point.review_load:.0%}",
    }


def _target_row(evaluation: LearnedEvaluation, weight: float) -> dict[str, Any]:
    rule, learned = evaluation.rule.wrong_share, evaluation.blended_same_load.wrong_share
    if rule is None or learned is None:
        return {"name": "learned vs rule at the same review load", "value": "n/a", "ok": None}
    cut = 1.0 - learned / rule if rule else 0.0
    return {
        "name": f"after {REPLAY_AFTER} decisions: wrong among auto-approved, rule -> blended (weight {weight:.2f}), "
        "same review load",
        "value": f"{rule:.1%} -> {learned:.1%} (cut {cut:.0%})",
        "target": f"cut >= {TARGET_CUT:.0%}",
        "ok": cut >= TARGET_CUT,
    }


def _savings_rows(evaluation: LearnedEvaluation) -> list[dict[str, Any]]:
    rows = []
    for item in evaluation.savings:

        def shown(count: int | None) -> str:
            return "never" if count is None else str(count)

        rows.append(
            {
                "name": f"reviews until the unreviewed are {item.target_precision:.0%} right: lowest-confidence-first"
                " / most-likely-wrong-first",
                "value": f"{shown(item.lowest_confidence_first)} / {shown(item.most_likely_wrong_first)}"
                + ("" if item.saved is None else f" (saves {item.saved} of {evaluation.tested_on})"),
            }
        )
    return rows
