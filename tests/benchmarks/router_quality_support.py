"""The benchmark-only pieces of ``bench_router_quality``: closeness figures the product does not show.

The router, the metrics, the realism classifier and the keyword floor are the shipped scorecard's
(``approval.scorecard``); what is left here measures how near each real query's nearest synthetic
query is, against the same words dealt out at random, and a few shares (questions, years).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from approval.scorecard.features import tokens

QUESTION_STARTS = ("what", "who", "when", "where", "which", "why", "how", "is", "are", "do", "does", "did", "can")
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def nearest_similarity(
    queries: sparse.csr_matrix, pool: sparse.csr_matrix, *, exclude_self: bool = False
) -> np.ndarray:
    """For each row of ``queries``, the cosine similarity of its nearest row in ``pool`` (rows are
    L2-normalised, so a dot product is a cosine)."""
    similarities = (queries @ pool.T).toarray()
    if exclude_self:
        np.fill_diagonal(similarities, -1.0)
    return similarities.max(axis=1)


def word_shuffled(texts: Sequence[str], seed: int) -> list[str]:
    """The same words and query lengths, dealt out at random: keeps the vocabulary, loses the phrasing."""
    pooled = [word for text in texts for word in text.split()]
    random.Random(seed).shuffle(pooled)
    shuffled, cursor = [], 0
    for text in texts:
        size = len(text.split())
        shuffled.append(" ".join(pooled[cursor : cursor + size]))
        cursor += size
    return shuffled


def question_share(texts: Sequence[str]) -> float:
    """Share of texts that read as questions: a question mark or a leading wh-/aux word."""
    asked = [t for t in texts if t.rstrip().endswith("?") or (tokens(t)[:1] and tokens(t)[0] in QUESTION_STARTS)]
    return len(asked) / len(texts) if texts else 0.0


def length_summary(texts: Sequence[str]) -> tuple[float, float]:
    """(mean, median) length in words."""
    lengths = sorted(len(tokens(text)) for text in texts)
    return (sum(lengths) / len(lengths), float(lengths[len(lengths) // 2])) if lengths else (0.0, 0.0)


def year_share(texts: Sequence[str]) -> float:
    """Share of texts that name a year (1900-2099)."""
    return sum(bool(_YEAR_RE.search(text)) for text in texts) / len(texts) if texts else 0.0
