"""What the learned confidence model sees of a decided example: numbers a store holds for every example.

Five groups, all read from what is stored (the payload and the confidence breakdown), so a model
trained on past decisions scores a new example the same way:

- the rule-based score and each confidence component's score by name (NaN when the optimizer does not
  use it: xgboost learns a branch for missing values);
- the optimizer (one column per registered optimizer: one model serves a tenant's optimizers, because
  what makes a query wrong, a glued fragment or a vague subject, is shared and decisions are few);
- plain facts of the query's words (``query_facts``: length, names, a lower-case run pasted from a
  body, a bare noun after a preposition, how rare its own words are ...);
- what the generator recorded about its sources (``source_facts``: how many of its words come from
  the sources' names, passing mentions, whether entity types were read off the item or guessed ...);
- facts of the labels: booleans and numbers as they are, counts of listed entities and plan steps,
  and one column per label value (modality, agent, intent) seen in the training decisions
  (``LabelVocabulary``, kept with the model).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from approval.confidence import COMPONENTS
from approval.learning.query_facts import QUERY_FEATURES, query_features
from approval.learning.source_facts import SOURCE_FEATURES, source_features
from approval.models import DecidedExample
from synth_core.registry import OPTIMIZERS

LABEL_FIELDS = ("modality", "correct_agent", "primary_modality", "secondary_modality", "chosen_agent", "query_type")
"""Categorical labels: one column per value seen in training."""
FLAG_FIELDS = ("success", "agent_success", "requires_orchestration")
NUMBER_FIELDS = ("improvement", "routing_confidence")
LIST_FIELDS = ("entities", "agent_sequence")
MISSING = math.nan
__all__ = ["DecidedExample", "LabelVocabulary", "feature_names", "features", "query_features"]

MAX_LABEL_VALUES = 64
"""At most this many label-value columns (the most frequent), so a model stays small."""


class LabelVocabulary(BaseModel):
    """The (field, value) pairs that get a column, in column order."""

    pairs: list[tuple[str, str]] = []

    @classmethod
    def learn(cls, payloads: Iterable[Mapping[str, Any]]) -> LabelVocabulary:
        counts: dict[tuple[str, str], int] = {}
        for payload in payloads:
            for pair in _label_pairs(payload):
                counts[pair] = counts.get(pair, 0) + 1
        ranked = sorted(counts, key=lambda pair: (-counts[pair], pair))[:MAX_LABEL_VALUES]
        return cls(pairs=sorted(ranked))


def feature_names(vocabulary: LabelVocabulary) -> list[str]:
    """Column names, in the order ``features`` writes them."""
    return [
        "rule_score",
        *(f"component:{name}" for name in COMPONENTS),
        *(f"optimizer:{name}" for name in OPTIMIZERS),
        *(f"query:{name}" for name in QUERY_FEATURES),
        *(f"source:{name}" for name in SOURCE_FEATURES),
        *(f"label:{name}" for name in (*FLAG_FIELDS, *NUMBER_FIELDS)),
        *(f"count:{name}" for name in LIST_FIELDS),
        *(f"label:{field}={value}" for field, value in vocabulary.pairs),
    ]


def features(
    optimizer: str,
    payload: Mapping[str, Any],
    confidence: float,
    breakdown: Sequence[Mapping[str, Any]],
    vocabulary: LabelVocabulary,
) -> list[float]:
    """One example's row of numbers (``feature_names`` names the columns)."""
    scores = {str(item.get("name")): float(item.get("score", MISSING)) for item in breakdown}
    pairs = set(_label_pairs(payload))
    return [
        float(confidence),
        *(scores.get(name, MISSING) for name in COMPONENTS),
        *(float(optimizer == name) for name in OPTIMIZERS),
        *query_features(str(payload.get("query", ""))),
        *source_features(payload.get("signals")),
        *(_number(payload.get(name)) for name in (*FLAG_FIELDS, *NUMBER_FIELDS)),
        *(_count(payload.get(name)) for name in LIST_FIELDS),
        *(float(pair in pairs) for pair in vocabulary.pairs),
    ]


def _label_pairs(payload: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    for field in LABEL_FIELDS:
        value = payload.get(field)
        if isinstance(value, str):
            yield field, value


def _number(value: Any) -> float:
    if isinstance(value, bool | int | float):
        return float(value)
    return MISSING


def _count(value: Any) -> float:
    return float(len(value)) if isinstance(value, list) else MISSING
