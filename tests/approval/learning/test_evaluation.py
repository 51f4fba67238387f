"""Measuring the learned confidence on held-out decisions, and the reviews an order needs."""

from __future__ import annotations

from approval.learning.evaluation import evaluate, held_out_split, ranking_auc, reviews_to_precision
from approval.learning.replay import replay_retraining
from tests.approval.learning.decisions import decided


def test_held_out_decisions_are_the_latest() -> None:
    assert held_out_split(100) == 80
    assert held_out_split(3) == 2


def test_the_blend_auto_approves_fewer_wrong_examples_than_the_rule() -> None:
    history = decided(150)
    evaluation = evaluate(history, trained_on=120, thresholds={"modality": 0.85}, weight=0.5)
    assert evaluation is not None
    assert (evaluation.trained_on, evaluation.tested_on) == (120, 30)
    # The rule scores every example 0.9: it auto-approves all 30, a third of them wrong.
    assert evaluation.rule.auto_approved == 30 and evaluation.rule.review_load == 0.0
    assert evaluation.rule.wrong_share is not None and abs(evaluation.rule.wrong_share - 1 / 3) < 1e-9
    # Blended, the marked ones fall under the threshold: all that is auto-approved is right.
    assert evaluation.blended.precision == 1.0
    assert abs(evaluation.blended.review_load - 1 / 3) < 1e-9
    assert "tested on the 30" in evaluation.summary()


def test_nothing_to_say_without_held_out_decisions_of_the_optimizer() -> None:
    history = decided(60)
    assert evaluate(history, trained_on=60, thresholds={}, weight=0.5) is None
    assert evaluate(history, trained_on=40, thresholds={}, weight=0.5, optimizer="routing") is None


def test_reviews_to_precision_counts_until_the_rest_is_right_enough() -> None:
    # Wrong ones first: two reviews leave three right ones.
    assert reviews_to_precision([False, False, True, True, True], 1.0) == 2
    assert reviews_to_precision([True, True, True, False, False], 1.0) is None
    assert reviews_to_precision([True, True, False, True], 0.75) == 0


def test_most_likely_wrong_first_saves_reviews() -> None:
    evaluation = evaluate(decided(150), trained_on=90, thresholds={}, weight=0.5, targets=(1.0,))
    assert evaluation is not None
    (savings,) = evaluation.savings
    # The rule score is the same for all: lowest-confidence-first is the arrival order, where the last of
    # the 20 wrong ones (every third) comes 58th; most-likely-wrong-first reviews the 20 and stops.
    assert (savings.lowest_confidence_first, savings.most_likely_wrong_first) == (58, 20)
    assert savings.saved == 38


def test_ranking_auc_is_the_chance_an_approved_example_scores_above_a_rejected_one() -> None:
    assert ranking_auc([0.9, 0.8, 0.2, 0.1], [True, True, False, False]) == 1.0
    assert ranking_auc([0.1, 0.2, 0.8, 0.9], [True, True, False, False]) == 0.0
    # One approved example ties a rejected one (half), the other beats both: (2 + 1 + 0.5) / 4.
    assert ranking_auc([0.9, 0.5, 0.5, 0.1], [True, True, False, False]) == 0.875
    assert ranking_auc([0.3, 0.4], [True, True]) is None


def test_the_evaluation_reports_how_each_score_ranks() -> None:
    evaluation = evaluate(decided(150), trained_on=120, thresholds={}, weight=0.5)
    assert evaluation is not None
    assert evaluation.rule_auc == 0.5  # the rule scores every example alike
    assert evaluation.learned_auc is not None and evaluation.learned_auc > 0.9


def test_a_replay_that_retrains_scores_each_decision_with_a_model_that_never_saw_it() -> None:
    evaluation = replay_retraining(decided(150), thresholds={"modality": 0.85}, weight=0.5, after=60, every=30)
    assert evaluation is not None
    assert (evaluation.trained_on, evaluation.tested_on) == (60, 90)
    # Every model ranks the marked ones it never saw below the clean ones; blended, they fall under the threshold.
    assert evaluation.learned_auc == 1.0 and evaluation.rule_auc == 0.5
    assert evaluation.blended.precision == 1.0
    assert replay_retraining(decided(50), thresholds={}, weight=0.5, after=60, every=30) is None
