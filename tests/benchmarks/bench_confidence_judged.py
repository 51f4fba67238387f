"""Does confidence predict correctness on examples a reader judged? (issue 11)

Reads the judged sample (``tests/data/judged``: generated examples, each marked by a reader as having
right labels and a natural query, or not; method in its README), scores every example with today's
``score_batch`` (per optimizer, the sample as the batch) and the configured thresholds, and reports:

- per optimizer and overall: the error rate among the examples that would be auto-approved (target
  at most 5%) and among those queued for review;
- the ROC-AUC of confidence for correctness (target at least 0.80), overall and per optimizer;
- both for the rule-based score and for the score a store keeps before a team has a model of its own:
  the rule-based score blended with the judged prior (``approval.learning.judged_prior``), trained on
  earlier judged rounds. A round the prior learned from is reported, but is no fair measure of it: the
  targets apply to the blend only on a round it never saw (held out), else to the rule-based score.

An example is *correct* when its labels are right and its query is one a person could type. The
sample is re-drawn and re-judged when the generator changes what it writes (a new round); every round
on disk is reported, and the targets apply to the latest: earlier rounds show how a confidence change
fares on output the generator no longer writes, and the checks designed while reading one round are
measured fairly only on the next.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from approval.confidence import core_cap, score_batch, threshold_for
from approval.learning.judged_prior import judged_prior, prior_rounds
from approval.learning.learner import score_with_model
from approval.learning.model import ConfidenceModel, blend
from approval.learning.replay import judged_decisions
from synth_core.registry import get_optimizer
from synth_core.settings import load_settings
from tests.benchmarks import corpora, judged

AUTO_ERROR_TARGET = 0.05
AUC_TARGET = 0.80


def run() -> list[dict[str, Any]]:
    judged_rounds = [round_ for round_ in judged.rounds() if judged.load_judgments(round_)]
    if not judged_rounds:
        return [{"name": "judged sample", "value": f"skipped: no judged round under {judged.FOLDER}", "ok": False}]
    latest = judged_rounds[-1]
    held_out = latest not in prior_rounds()
    rows: list[dict[str, Any]] = [
        {
            "name": "judged prior (the blend a store keeps before a team model)",
            "value": f"learned from rounds {prior_rounds()}; round {latest} is "
            + ("held out: the targets apply to the blend" if held_out else "among them: the targets apply to the rule"),
        }
    ]
    rows += _round_rows(latest, targets=held_out, prior=True)
    rows += _rolling_prior_rows(judged_rounds)
    for round_ in reversed(judged_rounds):
        rows += _round_rows(round_, targets=round_ == latest and not held_out)
    return rows


def _round_rows(round_: int, *, targets: bool, prior: bool = False) -> list[dict[str, Any]]:
    judgments = judged.load_judgments(round_)
    sample = judged.load_sample(round_)
    records = judged.with_derived_signals([record for record in sample if record["id"] in judgments])
    settings = load_settings()
    scored = _scores(records, prior=prior)
    name = f"round {round_}" + (" with the judged prior" if prior else "")
    rows = [{"name": f"{name}: judged examples", "value": f"{len(records)} of {len(sample)} in the sample"}]
    groups: dict[str, list[tuple[float, bool, bool]]] = defaultdict(list)
    for record in records:
        verdict = judgments[record["id"]]
        correct = bool(verdict["label_correct"]) and bool(verdict["query_natural"])
        auto = scored[record["id"]] >= threshold_for(record["optimizer"], settings)
        groups[record["optimizer"]].append((scored[record["id"]], correct, auto))
        groups["all"].append((scored[record["id"]], correct, auto))
    for group_name, group in sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        rows.extend(_group_rows(f"{name} {group_name}", group, targets=targets, overall=group_name == "all"))
    return rows


ROLLING_FROM = 5
"""The first round the rolling check tests a prior on (trained on the four before it)."""


def _rolling_prior_rows(judged_rounds: list[int]) -> list[dict[str, Any]]:
    """The judged prior's method held out round by round: a prior trained on the rounds before each
    one (as the shipped prior is trained on the rounds before the next), tested on it: ROC-AUC and
    wrong among auto-approved at the configured thresholds, rule-based score -> blend."""
    settings = load_settings()
    weight = settings.learning.blend_weight
    decided = {
        round_: judged_decisions([judged.judged_round(round_)], agents=settings.agents) for round_ in judged_rounds
    }
    rows = []
    for round_ in [round_ for round_ in judged_rounds if round_ >= ROLLING_FROM]:
        earlier = [example for before in judged_rounds if before < round_ for example in decided[before]]
        tested = decided[round_]
        learned = ConfidenceModel.train(earlier).predict(tested)
        right = [example.approved for example in tested]
        rule = [example.confidence for example in tested]
        blended = [
            blend(example.confidence, chance, weight, core_cap(example.confidence_breakdown))
            for example, chance in zip(tested, learned, strict=True)
        ]
        cells = []
        for scores in (rule, blended):
            auto = [
                ok
                for example, score, ok in zip(tested, scores, right, strict=True)
                if score >= threshold_for(example.optimizer, settings)
            ]
            auc = corpora.roc_auc(
                [s for s, ok in zip(scores, right, strict=True) if ok],
                [s for s, ok in zip(scores, right, strict=True) if not ok],
            )
            cells.append(
                f"ROC-AUC {auc:.3f}, {1 - sum(auto) / max(len(auto), 1):.1%} wrong of {len(auto)} auto-approved"
            )
        rows.append(
            {
                "name": f"judged prior held out: trained on rounds before {round_}, tested on round {round_} "
                "(rule-based -> blend)",
                "value": f"{cells[0]} -> {cells[1]}",
            }
        )
    return rows


def _scores(records: list[dict[str, Any]], *, prior: bool) -> dict[str, float]:
    """Each record's score: rule-based, or (``prior``) blended with the judged prior as a store keeps it."""
    by_optimizer: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_optimizer[record["optimizer"]].append(record)
    model = judged_prior() if prior else None
    weight = load_settings().learning.blend_weight
    scores: dict[str, float] = {}
    for optimizer, group in by_optimizer.items():
        schema = get_optimizer(optimizer).schema
        examples = [schema.model_validate(record["example"]) for record in group]
        confidences = score_batch(optimizer, examples)
        for record, scored in zip(
            group, score_with_model(optimizer, examples, confidences, model, weight), strict=True
        ):
            scores[record["id"]] = scored.confidence
    return scores


def _group_rows(
    name: str, group: list[tuple[float, bool, bool]], *, targets: bool, overall: bool
) -> list[dict[str, Any]]:
    auto = [correct for _, correct, is_auto in group if is_auto]
    queued = [correct for _, correct, is_auto in group if not is_auto]
    auto_error = 1 - sum(auto) / len(auto) if auto else 0.0
    queued_error = 1 - sum(queued) / len(queued) if queued else 0.0
    auc = corpora.roc_auc([s for s, correct, _ in group if correct], [s for s, correct, _ in group if not correct])
    wrong = sum(1 for _, correct, _ in group if not correct)
    return [
        {
            "name": f"{name}: wrong among auto-approved",
            "value": f"{auto_error:.1%} of {len(auto)}",
            "target": f"<= {AUTO_ERROR_TARGET:.0%}" if targets else "",
            "ok": auto_error <= AUTO_ERROR_TARGET if targets else None,
        },
        {"name": f"{name}: wrong among queued", "value": f"{queued_error:.1%} of {len(queued)}"},
        {
            "name": f"{name}: ROC-AUC of confidence for correctness ({wrong} wrong of {len(group)})",
            "value": round(auc, 3),
            "target": f">= {AUC_TARGET}" if targets and overall else "",
            "ok": auc >= AUC_TARGET if targets and overall else None,
        },
    ]
