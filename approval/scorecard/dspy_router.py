"""``synth train --llm MODEL``: a DSPy routing module (query -> label) compiled with the DSPy optimizer
the readiness check recommends for the dataset's size, on the split that optimizer expects.

Signature apart from strategy: ``RouteQuery`` says what goes in and out; ``compile_router`` picks
the optimizer (BootstrapFewShot under 50 examples, MIPROv2 up to 200 or SIMBA when optuna is not
installed, GEPA above) and scopes the LM
with ``dspy.context`` (never a global ``dspy.configure``). At most ``MAX_COMPILE_EXAMPLES`` examples
(a seeded, label-stratified draw) go to the LLM: an optimizer's cost grows with its trainset and
valset, and a few hundred examples already teach a prompt what the labels mean. The compiled program
is saved with DSPy's own ``save`` (JSON), beside its accuracy on the held-out part of the split.
"""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import dspy
from pydantic import BaseModel

from approval.scorecard.metrics import stratified_folds
from approval.scorecard.readiness import recommend

MAX_COMPILE_EXAMPLES = 300
PROGRAM_FILE = "dspy_router.json"


class RouteQuery(dspy.Signature):
    """Route a user's search query to the one label that serves it."""

    query: str = dspy.InputField()
    choices: str = dspy.InputField(desc="the labels to choose from, comma-separated")
    label: str = dspy.OutputField(desc="exactly one of the choices")


class CompiledRouter(BaseModel):
    optimizer: str
    program_path: str
    trained_on: int
    validated_on: int
    dev_accuracy: float
    """Accuracy of the compiled program on the examples the optimizer did not train on."""


def compile_router(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    lm: dspy.LM,
    out: Path,
    seed: int,
) -> CompiledRouter:
    """The optimizer and split are the readiness recommendation for the examples compiled on."""
    choices = ", ".join(sorted(set(labels)))
    examples = [
        dspy.Example(query=text, choices=choices, label=label).with_inputs("query", "choices")
        for text, label in _drawn(texts, labels, seed)
    ]
    recommendation = recommend(synthetic_count=len(examples), real_count=0)
    train, dev = _split(examples, recommendation.train_share, seed)
    name = next(name for name in recommendation.optimizers if _installed(name))
    with dspy.context(lm=lm):
        program = _optimizer(name, lm, len(train)).compile(dspy.Predict(RouteQuery), **_compile_args(name, train, dev))
        accuracy = sum(_exact(example, _route(program, example)) for example in dev) / len(dev) if dev else 0.0
    out.mkdir(parents=True, exist_ok=True)
    path = out / PROGRAM_FILE
    program.save(str(path))
    return CompiledRouter(
        optimizer=name, program_path=str(path), trained_on=len(train), validated_on=len(dev), dev_accuracy=accuracy
    )


def _drawn(texts: Sequence[str], labels: Sequence[str], seed: int) -> list[tuple[str, str]]:
    """Every example, or a label-stratified seeded draw of ``MAX_COMPILE_EXAMPLES`` of them."""
    pairs = list(zip(texts, labels, strict=True))
    if len(pairs) <= MAX_COMPILE_EXAMPLES:
        return pairs
    folds = stratified_folds(list(labels), -(-len(pairs) // MAX_COMPILE_EXAMPLES), seed)
    return [pair for pair, fold in zip(pairs, folds, strict=True) if fold == 0][:MAX_COMPILE_EXAMPLES]


def _split(examples: list[dspy.Example], train_share: float, seed: int) -> tuple[list[dspy.Example], list]:
    shuffled = list(examples)
    random.Random(seed).shuffle(shuffled)
    cut = max(1, round(len(shuffled) * train_share))
    return shuffled[:cut], shuffled[cut:]


def _installed(name: str) -> bool:
    """MIPROv2 needs optuna (``dspy[optuna]``), which Synth Studio does not install: SIMBA, the other
    optimizer recommended for the same sizes, stands in without it."""
    return name != "MIPROv2" or importlib.util.find_spec("optuna") is not None


def _optimizer(name: str, lm: dspy.LM, train_size: int) -> Any:
    if name == "BootstrapFewShot":
        return dspy.BootstrapFewShot(metric=_exact, max_bootstrapped_demos=4, max_labeled_demos=8)
    if name == "MIPROv2":
        return dspy.MIPROv2(metric=_exact, auto="light", num_threads=1, verbose=False)
    if name == "SIMBA":
        return dspy.SIMBA(metric=_exact, bsize=min(32, train_size), num_threads=1)
    return dspy.GEPA(metric=_exact_with_feedback, auto="light", reflection_lm=lm, num_threads=1)


def _compile_args(name: str, train: list[dspy.Example], dev: list[dspy.Example]) -> dict[str, Any]:
    if name == "BootstrapFewShot":
        return {"trainset": train}
    if name == "MIPROv2":
        return {"trainset": train, "valset": dev or None, "requires_permission_to_run": False}
    if name == "SIMBA":
        return {"trainset": train}
    return {"trainset": train, "valset": dev or None}


def _route(program: Any, example: dspy.Example) -> Any:
    """The program's prediction, or None when the LM's reply cannot be parsed (counted as wrong)."""
    try:
        return program(**example.inputs())
    except Exception:  # a malformed reply is a wrong answer, not a failed evaluation
        return None


def _exact(example: dspy.Example, prediction: Any, trace: Any = None) -> bool:
    predicted = getattr(prediction, "label", None) if prediction is not None else None
    return isinstance(predicted, str) and predicted.strip().upper() == str(example.label).upper()


def _exact_with_feedback(
    gold: dspy.Example, pred: Any, trace: Any = None, pred_name: Any = None, pred_trace: Any = None
) -> dspy.Prediction:
    """GEPA's metric: the score and, when wrong, what the right label was (its reflection reads it)."""
    right = _exact(gold, pred)
    said = getattr(pred, "label", None)
    feedback = "Correct." if right else f"The query {gold.query!r} should be routed to {gold.label}, not {said}."
    return dspy.Prediction(score=float(right), feedback=feedback)
