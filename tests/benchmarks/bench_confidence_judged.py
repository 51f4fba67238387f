"""Does confidence predict correctness on examples a reader judged? (issue 11)

Reads the judged sample (``tests/data/judged``: generated examples, each marked by a reader as having
right labels and a natural query, or not; method in its README), scores every example with today's
``score_batch`` (per optimizer, the sample as the batch) and the configured thresholds, and reports:

- per optimizer and overall: the error rate among the examples that would be auto-approved (target
  at most 5%) and among those queued for review;
- the ROC-AUC of confidence for correctness (target at least 0.80), overall and per optimizer.

An example is *correct* when its labels are right and its query is one a person could type. The
sample is re-drawn and re-judged when the generator changes what it writes (a new round); every round
on disk is reported, and the targets apply to the latest: earlier rounds show how a confidence change
fares on output the generator no longer writes, and the checks designed while reading one round are
measured fairly only on the next.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from approval.confidence import score_batch
from synth_core.registry import get_optimizer
from synth_core.settings import load_settings
from tests.benchmarks import corpora, judged

AUTO_ERROR_TARGET = 0.05
AUC_TARGET = 0.80


def run() -> list[dict[str, Any]]:
    judged_rounds = [round_ for round_ in judged.rounds() if judged.load_judgments(round_)]
    if not judged_rounds:
        return [{"name": "judged sample", "value": f"skipped: no judged round under {judged.FOLDER}", "ok": False}]
    rows: list[dict[str, Any]] = []
    for round_ in reversed(judged_rounds):
        rows += _round_rows(round_, targets=round_ == judged_rounds[-1])
    return rows


def _round_rows(round_: int, *, targets: bool) -> list[dict[str, Any]]:
    judgments = judged.load_judgments(round_)
    sample = judged.load_sample(round_)
    records = judged.with_derived_signals([record for record in sample if record["id"] in judgments])
    thresholds = load_settings().thresholds
    scored = _scores(records)
    rows = [{"name": f"round {round_}: judged examples", "value": f"{len(records)} of {len(sample)} in the sample"}]
    groups: dict[str, list[tuple[float, bool, bool]]] = defaultdict(list)
    for record in records:
        verdict = judgments[record["id"]]
        correct = bool(verdict["label_correct"]) and bool(verdict["query_natural"])
        auto = scored[record["id"]] >= thresholds.get(record["optimizer"], 0.85)
        groups[record["optimizer"]].append((scored[record["id"]], correct, auto))
        groups["all"].append((scored[record["id"]], correct, auto))
    for name, group in sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        rows.extend(_group_rows(f"round {round_} {name}", group, targets=targets, overall=name == "all"))
    return rows


def _scores(records: list[dict[str, Any]]) -> dict[str, float]:
    by_optimizer: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_optimizer[record["optimizer"]].append(record)
    scores: dict[str, float] = {}
    for optimizer, group in by_optimizer.items():
        schema = get_optimizer(optimizer).schema
        examples = [schema.model_validate(record["example"]) for record in group]
        for record, confidence in zip(group, score_batch(optimizer, examples), strict=True):
            scores[record["id"]] = confidence.score
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
