"""Could confidence learn from reviewers' decisions? A replay of the judged rounds (issues 11 and 14).

The judged sample (``tests/data/judged``) stands in for reviewer decisions: a model is trained on the
verdicts of the earlier rounds and scored on the latest round, which it never saw, against the
rule-based score on the same examples. Features are what a store holds for every decided example:
the confidence components (by name; 1.0 when an optimizer does not use one), the optimizer, and a few
plain facts of the query (words, own words, whether it names something, its rarest word's Zipf
frequency, question or not). The model is xgboost, seeded, shallow.

Rows: ROC-AUC for correctness on the held-out round of the rule score, the learned probability and
their mean, overall and per optimizer; and the wrong share among the examples each would auto-approve
at the rule threshold's approval rate (same number approved, so the shares compare).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np
import xgboost as xgb

from approval.confidence import COMPONENTS, score_batch
from approval.specificity import specificity
from synth_core.registry import OPTIMIZERS, get_optimizer
from synth_core.word_frequency import zipf
from tests.benchmarks import corpora, judged

SEED = 7
PARAMS = {"objective": "binary:logistic", "max_depth": 3, "eta": 0.08, "subsample": 0.9, "seed": SEED}
ROUNDS = 150


def run() -> list[dict[str, Any]]:
    rounds = [round_ for round_ in judged.rounds() if judged.load_judgments(round_)]
    if len(rounds) < 2:
        return [{"name": "learned confidence", "value": "skipped: needs two judged rounds", "ok": None}]
    train = [row for round_ in rounds[:-1] for row in _rows(round_)]
    test = _rows(rounds[-1])
    features, labels = np.array([r["x"] for r in train]), np.array([r["correct"] for r in train], dtype=float)
    booster = xgb.train(PARAMS, xgb.DMatrix(features, label=labels), num_boost_round=ROUNDS)
    learned = booster.predict(xgb.DMatrix(np.array([r["x"] for r in test])))
    for row, probability in zip(test, learned, strict=True):
        row["learned"] = float(probability)
        row["blend"] = (row["rule"] + float(probability)) / 2
    label = f"trained on rounds {', '.join(map(str, rounds[:-1]))} ({len(train)}), tested on round {rounds[-1]}"
    rows = [{"name": "replay", "value": f"{label} ({len(test)})"}]
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in test:
        groups[row["optimizer"]].append(row)
        groups["all"].append(row)
    for name in [*OPTIMIZERS, "all"]:
        group = groups.get(name, [])
        if not group:
            continue
        aucs = {key: _auc(group, key) for key in ("rule", "learned", "blend")}
        rows.append(
            {"name": f"{name}: ROC-AUC rule / learned / mean", "value": " / ".join(f"{v:.3f}" for v in aucs.values())}
        )
    all_rows = groups["all"]
    approved = sum(1 for row in all_rows if row["auto"])
    for key in ("rule", "learned", "blend"):
        top = sorted(all_rows, key=lambda row: -row[key])[:approved]
        wrong = sum(1 for row in top if not row["correct"]) / max(1, len(top))
        rows.append({"name": f"all: wrong among the {approved} most confident by {key}", "value": f"{wrong:.1%}"})
    return rows


def _rows(round_: int) -> list[dict[str, Any]]:
    judgments = judged.load_judgments(round_)
    records = [record for record in judged.load_sample(round_) if record["id"] in judgments]
    rows: list[dict[str, Any]] = []
    for optimizer in OPTIMIZERS:
        group = [record for record in records if record["optimizer"] == optimizer]
        if not group:
            continue
        schema = get_optimizer(optimizer).schema
        examples = [schema.model_validate(record["example"]) for record in group]
        for record, example, confidence in zip(group, examples, score_batch(optimizer, examples), strict=True):
            verdict = judgments[record["id"]]
            scores = {component.name: component.score for component in confidence.components}
            rows.append(
                {
                    "optimizer": optimizer,
                    "x": [scores.get(name, 1.0) for name in COMPONENTS]
                    + [float(optimizer == name) for name in OPTIMIZERS]
                    + _query_features(example.query),
                    "rule": confidence.score,
                    "auto": confidence.score >= 0.85,
                    "correct": bool(verdict["label_correct"]) and bool(verdict["query_natural"]),
                }
            )
    return rows


def _query_features(query: str) -> list[float]:
    words = [word.strip("?!.,;:\"'()") for word in query.split()]
    words = [word for word in words if word]
    named = sum(1 for word in words[1:] if word[:1].isupper())
    lower = [word.casefold() for word in words if word.isalpha() and word.islower()]
    rarest = min((zipf(word) for word in lower), default=0.0)
    return [
        float(len(words)),
        float(named),
        float(len(lower)),
        rarest,
        specificity(query)[0],
        float(query.rstrip().endswith("?")),
    ]


def _auc(group: list[dict[str, Any]], key: str) -> float:
    return corpora.roc_auc(
        [row[key] for row in group if row["correct"]], [row[key] for row in group if not row["correct"]]
    )
