"""The learned confidence model: xgboost over ``features``, trained on decided examples, predicting the
chance that a person approves an example; and how that chance is blended into the rule-based score.

Seeded and shallow: decisions are few (tens to thousands) and a deep model would learn the reviewers'
noise. Saved as xgboost's JSON with the label vocabulary it reads, so a store can keep it as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel

from approval.learning.features import DecidedExample, LabelVocabulary, feature_names, features

if TYPE_CHECKING:
    import xgboost as xgb

SEED = 7
PARAMS: dict[str, Any] = {
    "objective": "binary:logistic",
    "max_depth": 3,
    "eta": 0.08,
    "subsample": 0.9,
    "min_child_weight": 1,
    "seed": SEED,
    "nthread": 1,
}
ROUNDS = 150
LEARNED = "learned"
"""The breakdown entry a blended score adds (it also keeps the rule-based score, ``rule_score``)."""


class ExampleFacts(BaseModel):
    """What the model reads of an example about to be scored (or stored)."""

    optimizer: str
    payload: dict[str, Any]
    confidence: float
    confidence_breakdown: list[dict[str, Any]]


class ConfidenceModel:
    """A trained booster and the label vocabulary its columns were built with."""

    def __init__(self, booster: xgb.Booster, vocabulary: LabelVocabulary, decisions: int, trained_on: str = "") -> None:
        self.booster = booster
        self.vocabulary = vocabulary
        self.decisions = decisions
        self.trained_on = trained_on or f"{decisions} decisions"
        """What the model learned from, as a reviewer reads it in the breakdown."""

    @classmethod
    def train(cls, decided: Sequence[DecidedExample], *, rounds: int = ROUNDS) -> ConfidenceModel:
        """Fit on ``decided`` (approved = 1). Needs both outcomes among them: with one, there is
        nothing to tell apart (``ValueError``)."""
        outcomes = {example.approved for example in decided}
        if len(outcomes) < 2:
            raise ValueError("the decided examples must hold both approvals and rejections")
        vocabulary = LabelVocabulary.learn(example.payload for example in decided)
        matrix = _matrix(decided, vocabulary)
        labels = np.array([example.approved for example in decided], dtype=float)
        xgboost = _xgboost()
        params = {**PARAMS, "monotone_constraints": _rising_with_the_rules(vocabulary)}
        booster = xgboost.train(params, xgboost.DMatrix(matrix, label=labels), num_boost_round=rounds)
        return cls(booster, vocabulary, len(decided))

    def predict(self, examples: Sequence[ExampleFacts | DecidedExample]) -> list[float]:
        """The chance a person approves each example, in [0, 1]."""
        if not examples:
            return []
        probabilities = self.booster.predict(_xgboost().DMatrix(_matrix(examples, self.vocabulary)))
        return [round(float(value), 4) for value in probabilities]

    def dump(self) -> tuple[str, dict[str, Any]]:
        """(the booster as JSON text, what else is needed to load it) for a store to keep."""
        raw = self.booster.save_raw(raw_format="json")
        spec = {
            "vocabulary": self.vocabulary.model_dump(),
            "decisions": self.decisions,
            "feature_names": feature_names(self.vocabulary),
        }
        return bytes(raw).decode("utf-8"), spec

    @staticmethod
    def reads(spec: Mapping[str, Any]) -> bool:
        """Whether a stored model was trained on the features this release computes."""
        vocabulary = LabelVocabulary.model_validate(spec["vocabulary"])
        return spec.get("feature_names") == feature_names(vocabulary)

    @classmethod
    def load(cls, model: str, spec: Mapping[str, Any], trained_on: str = "") -> ConfidenceModel:
        booster = _xgboost().Booster(params={"nthread": 1})
        booster.load_model(bytearray(model.encode("utf-8")))
        return cls(booster, LabelVocabulary.model_validate(spec["vocabulary"]), int(spec["decisions"]), trained_on)


def _rising_with_the_rules(vocabulary: LabelVocabulary) -> str:
    """xgboost's monotone constraints: the chance of approval never falls as the rule-based score or
    a component's score rises (each component scores how right an example looks), whatever a few
    hundred decisions happen to hold; every other column is free."""
    rising = [name == "rule_score" or name.startswith("component:") for name in feature_names(vocabulary)]
    return "(" + ",".join("1" if flag else "0" for flag in rising) + ")"


def _xgboost() -> ModuleType:
    """xgboost, imported when a model is first trained or loaded: every command imports the sink, and
    most never score with a model (half a second saved at each start)."""
    import xgboost

    return xgboost


def rule_score(confidence: float, breakdown: Sequence[Mapping[str, Any]]) -> float:
    """The rule-based score of a stored example: the one a blend kept in its ``learned`` entry, else
    the stored confidence (nothing was blended)."""
    for item in breakdown:
        if item.get("name") == LEARNED and isinstance(item.get("rule_score"), int | float):
            return float(item["rule_score"])
    return confidence


def blend(rule: float, learned: float, weight: float, cap: float = 1.0) -> float:
    """``(1 - weight) * rule + weight * learned``, at most ``cap`` (the rule's ``core_cap``: a learned
    chance never outvotes a failing core check), rounded as confidence scores are."""
    return round(min(cap, 1.0, max(0.0, (1.0 - weight) * rule + weight * learned)), 4)


def learned_entry(rule: float, learned: float, weight: float, trained_on: str) -> dict[str, Any]:
    """The breakdown entry of a blended score: a reviewer reads why the score moved."""
    return {
        "name": LEARNED,
        "score": learned,
        "weight": weight,
        "rule_score": rule,
        "reason": f"{learned:.0%} of examples like this were approved by reviewers (a model trained on "
        f"{trained_on}); blended with the rule-based score {rule:.2f} at weight {weight:.2f}",
    }


def _matrix(examples: Sequence[ExampleFacts | DecidedExample], vocabulary: LabelVocabulary) -> np.ndarray:
    rows = [
        features(
            example.optimizer,
            example.payload,
            rule_score(example.confidence, example.confidence_breakdown),
            example.confidence_breakdown,
            vocabulary,
        )
        for example in examples
    ]
    return np.array(rows, dtype=float)
