"""``synth train``: the scorecard's router trained on a whole dataset and saved for use.

Writes ``router.json`` (xgboost's own JSON model; the label names and feature columns ride along as
booster attributes, see ``QueryRouter.save``) and ``metrics.json``: what it was trained on, its
accuracy and macro-F1 on a held-out fifth of the dataset (a router trained on the other four
fifths), on real queries when a real file is given, and the readiness recommendation (the training
strategy and the DSPy optimizer for the dataset's size). With an LLM, ``dspy_router.json`` too: a
DSPy routing module compiled with the recommended optimizer (``approval.scorecard.dspy_router``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import dspy
from pydantic import BaseModel

from approval.scorecard.build import INPUT_FIELD, router_label, scores
from approval.scorecard.data import RealQueries
from approval.scorecard.dspy_router import CompiledRouter, compile_router
from approval.scorecard.metrics import accuracy, macro_f1, stratified_folds
from approval.scorecard.readiness import Recommendation, recommend
from approval.scorecard.router import SEED, train_router
from synth_core.errors import Fix, InvalidRequestError
from synth_core.registry import OptimizerSpec
from synth_core.settings import AgentsConfig

HELD_OUT_FOLDS = 5
MODEL_FILE, METRICS_FILE = "router.json", "metrics.json"


class TrainResult(BaseModel):
    optimizer: str
    label_field: str
    model_path: str
    metrics_path: str
    trained_on: int
    label_counts: dict[str, int]
    held_out_accuracy: float
    held_out_macro_f1: float
    real_accuracy: float | None = None
    real_macro_f1: float | None = None
    recommendation: Recommendation
    dspy_router: CompiledRouter | None = None
    """The compiled DSPy routing module, when an LLM was given."""

    def render_rows(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = [
            {"figure": "trained on", "value": f"{self.trained_on} examples ({self.label_field})"},
            {"figure": "held-out fifth: accuracy", "value": f"{self.held_out_accuracy:.3f}"},
            {"figure": "held-out fifth: macro-F1", "value": f"{self.held_out_macro_f1:.3f}"},
        ]
        if self.real_macro_f1 is not None and self.real_accuracy is not None:
            rows.append({"figure": "real queries: accuracy", "value": f"{self.real_accuracy:.3f}"})
            rows.append({"figure": "real queries: macro-F1", "value": f"{self.real_macro_f1:.3f}"})
        rec = self.recommendation
        rows.append({"figure": "recommended", "value": f"{rec.strategy}, {' or '.join(rec.optimizers)} ({rec.split})"})
        rows.append({"figure": "model", "value": self.model_path})
        if self.dspy_router is not None:
            compiled = self.dspy_router
            rows.append(
                {
                    "figure": f"DSPy module ({compiled.optimizer})",
                    "value": f"{compiled.program_path}: dev accuracy {compiled.dev_accuracy:.3f} "
                    f"({compiled.trained_on} train / {compiled.validated_on} dev)",
                }
            )
        return rows


def train(
    records: Sequence[Mapping[str, Any]],
    *,
    spec: OptimizerSpec,
    out: Path,
    real: RealQueries | None = None,
    lm: dspy.LM | None = None,
    seed: int = SEED,
    media: AgentsConfig | None = None,
) -> TrainResult:
    """The router (and, with ``lm``, a compiled DSPy routing module) saved in ``out`` with metrics.json;
    ``media``: the agents config whose media words the router reads as features."""
    label_field = router_label(spec)
    usable = [r for r in records if isinstance(r.get(INPUT_FIELD), str) and r.get(label_field) is not None]
    texts, labels = [str(r[INPUT_FIELD]) for r in usable], [str(r[label_field]) for r in usable]
    if len(set(labels)) < 2:
        raise InvalidRequestError(
            f"The dataset has {len(set(labels))} distinct '{label_field}' labels: a router needs at least two.",
            fix=Fix("Give a dataset with examples of at least two labels (the scorecard's readiness checks it)."),
        )
    held_accuracy, held_f1 = _held_out(texts, labels, seed, media)
    router = train_router(texts, labels, seed=seed, media=media)
    out.mkdir(parents=True, exist_ok=True)
    model_path, metrics_path = out / MODEL_FILE, out / METRICS_FILE
    router.save(model_path)
    real_scores = scores(real, router.predict(real.queries), labels) if real is not None else None
    result = TrainResult(
        optimizer=spec.name,
        label_field=label_field,
        model_path=str(model_path),
        metrics_path=str(metrics_path),
        trained_on=len(texts),
        label_counts=dict(sorted(Counter(labels).items())),
        held_out_accuracy=held_accuracy,
        held_out_macro_f1=held_f1,
        real_accuracy=real_scores.accuracy if real_scores else None,
        real_macro_f1=real_scores.macro_f1 if real_scores else None,
        recommendation=recommend(synthetic_count=len(texts), real_count=len(real.queries) if real else 0),
        dspy_router=compile_router(texts, labels, lm=lm, out=out, seed=seed) if lm is not None else None,
    )
    metrics_path.write_text(json.dumps(result.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8")
    return result


def _held_out(
    texts: Sequence[str], labels: Sequence[str], seed: int, media: AgentsConfig | None
) -> tuple[float, float]:
    """Accuracy and macro-F1 on one stratified fifth, of a router trained on the rest."""
    folds = stratified_folds(labels, HELD_OUT_FOLDS, seed)
    train_at = [i for i, fold in enumerate(folds) if fold != 0]
    test_at = [i for i, fold in enumerate(folds) if fold == 0]
    router = train_router([texts[i] for i in train_at], [labels[i] for i in train_at], seed=seed, media=media)
    truth = [labels[i] for i in test_at]
    predicted = router.predict([texts[i] for i in test_at])
    return accuracy(truth, predicted), macro_f1(truth, predicted)
