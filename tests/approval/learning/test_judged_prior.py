"""The judged prior shipped with Synth Studio: current with this release's features, and trained only
on judged rounds in the repository."""

from __future__ import annotations

from approval.confidence import score_batch
from approval.learning.judged_prior import calibrated_thresholds, judged_prior, prior_rounds
from approval.learning.model import ExampleFacts
from synth_core.registry import OPTIMIZERS, get_optimizer
from tests.approval.learning.decisions import decided
from tests.benchmarks import judged


def test_the_shipped_prior_reads_the_features_this_release_computes() -> None:
    prior = judged_prior()
    assert prior is not None, "rebuild it: python -m tests.benchmarks.judged prior LAST_ROUND"
    assert "judged examples shipped with Synth Studio" in prior.trained_on


def test_the_prior_learned_from_judged_rounds_of_the_repository() -> None:
    learned_from = prior_rounds()
    assert learned_from and set(learned_from) <= {round_ for round_ in judged.rounds() if judged.load_judgments(round_)}


def test_the_prior_ranks_a_judged_right_example_above_the_same_one_glued() -> None:
    round_ = prior_rounds()[-1]
    verdicts = judged.load_judgments(round_)
    right = next(
        record
        for record in judged.load_sample(round_)
        if record["id"].startswith("demo-modality")  # the demo corpus ships with the project; the real one may not
        and verdicts[record["id"]]["label_correct"]
        and verdicts[record["id"]]["query_natural"]
    )
    right = judged.with_derived_signals([right])[0]
    schema = get_optimizer("modality").schema
    examples = [schema.model_validate(right["example"])]
    examples.append(examples[0].model_copy(update={"query": "play play video the the of"}))
    facts = [
        ExampleFacts(
            optimizer="modality",
            payload=example.model_dump(mode="json"),
            confidence=confidence.score,
            confidence_breakdown=confidence.breakdown(),
        )
        for example, confidence in zip(examples, score_batch("modality", examples), strict=True)
    ]
    prior = judged_prior()
    assert prior is not None
    right_chance, glued_chance = prior.predict(facts)
    assert 0.0 <= glued_chance < right_chance <= 1.0


def test_the_registry_defaults_are_the_thresholds_calibrated_with_the_shipped_prior() -> None:
    calibrated = calibrated_thresholds()
    assert set(calibrated) == set(OPTIMIZERS), "rebuild it: python -m tests.benchmarks.judged prior LAST_ROUND"
    assert {name: spec.default_threshold for name, spec in OPTIMIZERS.items()} == calibrated


def test_calibration_sets_the_threshold_between_what_reviewers_rejected_and_what_they_approved() -> None:
    # Rounds of hand-made decisions: reviewers reject every query with the marker word. Each of the
    # latest rounds is scored by a model of the rounds before it, which learns the marker.
    rounds = {number: decided(120, start=120 * number) for number in range(1, 6)}
    thresholds = judged.calibrate_thresholds(rounds)
    modality = thresholds["modality"]["threshold"]
    assert 0.5 < modality < 1.0  # the rejected (blended towards 0) fall below it, the approved above
    assert "2, 3, 4, 5" in thresholds["modality"]["measured"]  # round 1 only trains
    assert thresholds["routing"]["threshold"] == 1.0  # nothing decided: every example to a person
