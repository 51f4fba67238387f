"""Relevance and the gain of fusion for cross_modal labels, judged without reading the query.

An item is relevant to a fusion query when it is about every subject the query asks about
(``pairs.about_keys``: its own subjects, not the names it mentions in passing). The
query's wording only decides what the backend returns; whether a returned item is relevant is read
from the item. Pure functions; ``cross_modal`` documents how the labels use them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from synth_core.generators.labels import SUCCESS_TOP_K, reciprocal_rank_fusion


@dataclass(frozen=True)
class FusionScore:
    """nDCG@10 of the primary list, the secondary list and their fusion, over one set of judgements."""

    primary: float
    secondary: float
    fused: float

    @property
    def improvement(self) -> float:
        return max(-1.0, min(1.0, self.fused - self.primary))

    @property
    def agreement(self) -> float:
        """The lower list's nDCG@10 over the higher one's (0 when neither holds anything relevant)."""
        high = max(self.primary, self.secondary)
        return min(self.primary, self.secondary) / high if high > 0 else 0.0


def subject_gain(keys: frozenset[str], subjects: frozenset[str]) -> float:
    """1 when an item carries every subject of the query among its content keys, else 0."""
    return 1.0 if subjects and subjects <= keys else 0.0


def ndcg_at(ids: Sequence[str], gains: Mapping[str, float], ideal: float | None = None) -> float:
    """nDCG@10 of ``ids``; the ideal ranks every judged item of ``gains`` best first, so a list
    scores 1 when no judged item could improve it, and 0 when nothing judged is relevant.
    ``ideal`` is ``ideal_dcg(gains)`` when the caller has it already."""
    best = ideal_dcg(gains) if ideal is None else ideal
    if best <= 0:
        return 0.0
    return sum(gains.get(item_id, 0.0) * _DISCOUNT[rank] for rank, item_id in enumerate(ids[:SUCCESS_TOP_K])) / best


def ideal_dcg(gains: Mapping[str, float]) -> float:
    top = sorted((gain for gain in gains.values() if gain > 0), reverse=True)[:SUCCESS_TOP_K]
    return sum(gain * _DISCOUNT[rank] for rank, gain in enumerate(top))


_DISCOUNT = [1.0 / math.log2(rank + 2) for rank in range(SUCCESS_TOP_K)]
"""1 / log2(rank + 1) for ranks 1..10 (indexed from 0)."""


def fusion_score(primary: Sequence[str], secondary: Sequence[str], gains: Mapping[str, float]) -> FusionScore:
    """nDCG@10 of the primary list, the secondary list and their reciprocal rank fusion (cut to 10)."""
    fused = [item_id for item_id, _ in reciprocal_rank_fusion([primary, secondary])][:SUCCESS_TOP_K]
    ideal = ideal_dcg(gains)
    return FusionScore(ndcg_at(primary, gains, ideal), ndcg_at(secondary, gains, ideal), ndcg_at(fused, gains, ideal))


def overlap_coefficient(first: frozenset[str], second: frozenset[str]) -> float:
    """|A & B| / min(|A|, |B|): how much of the item that says less the other one shares (a caption
    of five keys inside a long description scores high, where Jaccard would not)."""
    return len(first & second) / min(len(first), len(second)) if first and second else 0.0
