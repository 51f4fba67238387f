"""Is a dataset ready for an optimizer, and which training strategy and DSPy optimizer fit its size.

The checks are those an ML pipeline makes before it trains (the cold-start requirements behind the
synthetic data plan): enough samples (10 for a basic optimization, 20 for ensembles), at least two
classes, a label spread in which no class is negligible, and no invalid values. The recommendation
follows the number of real labelled queries (SYNTHETIC below 20, HYBRID from 20 to 50, PURE_REAL from
50) and the training set's size (DSPy's BootstrapFewShot below 50, MIPROv2 or SIMBA up to 200, GEPA
above), each optimizer with the split it expects.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel

BASIC_SAMPLES = 10
ENSEMBLE_SAMPLES = 20
MIN_CLASS_SHARE = 0.05
"""A class below this share of the examples is too rare for a router to learn."""
HYBRID_FROM, PURE_REAL_FROM = 20, 50
MIPRO_FROM, GEPA_ABOVE = 50, 200

Strategy = Literal["SYNTHETIC", "HYBRID", "PURE_REAL"]


class ReadinessCheck(BaseModel):
    name: str
    passed: bool
    detail: str


class Recommendation(BaseModel):
    strategy: Strategy
    strategy_reason: str
    training_examples: int
    optimizers: list[str]
    split: str
    """How to split the training examples for the recommended optimizer(s)."""
    train_share: float
    """The share of the examples the optimizer trains on; the rest validates (``split``)."""


class Readiness(BaseModel):
    checks: list[ReadinessCheck]
    recommendation: Recommendation

    @property
    def ready(self) -> bool:
        return all(check.passed for check in self.checks)


def readiness(
    examples: Sequence[Mapping[str, Any]], *, label_field: str, input_field: str, real_count: int
) -> Readiness:
    labels = [str(example.get(label_field)) for example in examples if example.get(label_field) is not None]
    checks = [
        _enough_samples(len(examples)),
        _two_classes(labels),
        _spread(labels),
        _no_invalid_values(examples, label_field=label_field, input_field=input_field),
    ]
    return Readiness(checks=checks, recommendation=recommend(synthetic_count=len(examples), real_count=real_count))


def recommend(*, synthetic_count: int, real_count: int) -> Recommendation:
    """The training strategy for ``real_count`` real examples, and the optimizer for the training set
    that strategy gives (synthetic only, both, or real only)."""
    if real_count < HYBRID_FROM:
        strategy: Strategy = "SYNTHETIC"
        size, reason = synthetic_count, f"{real_count} real examples (< {HYBRID_FROM}): train on the synthetic data"
    elif real_count < PURE_REAL_FROM:
        strategy, size = "HYBRID", synthetic_count + real_count
        reason = f"{real_count} real examples ({HYBRID_FROM}-{PURE_REAL_FROM - 1}): mix them with the synthetic data"
    else:
        strategy, size = "PURE_REAL", real_count
        reason = f"{real_count} real examples (>= {PURE_REAL_FROM}): train on real data, synthetic for thin cells"
    optimizers, split, share = _optimizer_for(size)
    return Recommendation(
        strategy=strategy,
        strategy_reason=reason,
        training_examples=size,
        optimizers=optimizers,
        split=split,
        train_share=share,
    )


def _optimizer_for(size: int) -> tuple[list[str], str, float]:
    if size < MIPRO_FROM:
        return ["BootstrapFewShot"], "80% train (demos) / 20% dev", 0.8
    if size <= GEPA_ABOVE:
        split = "20% train / 80% validation (MIPROv2 scores instructions on the validation set)"
        return ["MIPROv2", "SIMBA"], split, 0.2
    return ["GEPA"], "50% train / 50% validation (GEPA keeps its Pareto front on the validation set)", 0.5


def _enough_samples(count: int) -> ReadinessCheck:
    level = "ensemble-ready" if count >= ENSEMBLE_SAMPLES else "basic" if count >= BASIC_SAMPLES else "too few"
    detail = f"{count} examples ({level}; basic needs {BASIC_SAMPLES}, ensembles {ENSEMBLE_SAMPLES})"
    return ReadinessCheck(name="enough samples", passed=count >= BASIC_SAMPLES, detail=detail)


def _two_classes(labels: Sequence[str]) -> ReadinessCheck:
    classes = len(set(labels))
    return ReadinessCheck(name="at least two classes", passed=classes >= 2, detail=f"{classes} distinct labels")


def _spread(labels: Sequence[str]) -> ReadinessCheck:
    counts = Counter(labels)
    if not counts:
        return ReadinessCheck(name="label spread", passed=False, detail="no labels")
    rarest, rare_count = min(counts.items(), key=lambda item: (item[1], item[0]))
    share = rare_count / len(labels)
    detail = f"rarest label {rarest} holds {share:.1%} (needs >= {MIN_CLASS_SHARE:.0%})"
    return ReadinessCheck(name="label spread", passed=share >= MIN_CLASS_SHARE, detail=detail)


def _no_invalid_values(examples: Sequence[Mapping[str, Any]], *, label_field: str, input_field: str) -> ReadinessCheck:
    invalid = sum(not _valid(example, label_field, input_field) for example in examples)
    detail = f"{invalid} examples with an empty {input_field}, no {label_field} or a NaN/infinite number"
    return ReadinessCheck(name="no invalid values", passed=invalid == 0, detail=detail)


def _valid(example: Mapping[str, Any], label_field: str, input_field: str) -> bool:
    text = example.get(input_field)
    label = example.get(label_field)
    if not isinstance(text, str) or not text.strip() or label is None or label == "":
        return False
    try:  # the JSON encoder (C) finds a NaN or an infinity at any depth faster than a walk in Python
        json.dumps(example, allow_nan=False, default=str)
    except ValueError:
        return False
    return True
