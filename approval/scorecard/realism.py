"""How close synthetic queries are to real ones: a real-vs-synthetic classifier's cross-validated
ROC-AUC (0.5 = it cannot tell them apart, 1.0 = it always can), and the plain statistics behind it:
length and word-count distributions, the media words each side uses, distinct-n and near-duplicates.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from approval.dedup import duplicate_clusters
from approval.scorecard.features import HashedTfidf, tokens
from synth_core.agents import AgentInference

WORD_COUNT_CAP = 30
"""Word counts at or above this share the last bin of the distribution."""


def roc_auc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """P(a positive scores above a negative), ties counting half (Mann-Whitney U)."""
    values = np.asarray(scores, dtype=float)
    is_positive = np.asarray(positive, dtype=bool)
    n_pos, n_neg = int(is_positive.sum()), int((~is_positive).sum())
    if not n_pos or not n_neg:
        return float("nan")
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    ranks = np.empty(len(values))
    start = 0
    while start < len(values):  # average ranks over ties
        end = start
        while end + 1 < len(values) and sorted_values[end + 1] == sorted_values[start]:
            end += 1
        ranks[order[start : end + 1]] = (start + end) / 2 + 1
        start = end + 1
    return float((ranks[is_positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def logistic_scores(
    train: sparse.csr_matrix, labels: Sequence[bool], test: sparse.csr_matrix, *, l2: float = 1.0
) -> np.ndarray:
    """P(positive) for each ``test`` row from an L2-regularised logistic regression fitted by L-BFGS."""
    target = np.asarray(labels, dtype=float)
    columns = train.shape[1]

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        margin = train @ weights[:columns] + weights[columns]
        probability = 1.0 / (1.0 + np.exp(-margin))
        value = np.logaddexp(0.0, margin).sum() - target @ margin + l2 / 2 * weights[:columns] @ weights[:columns]
        error = probability - target
        gradient = np.concatenate([train.T @ error + l2 * weights[:columns], [error.sum()]])
        return float(value), gradient

    fitted = minimize(loss, np.zeros(columns + 1), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    return np.asarray(1.0 / (1.0 + np.exp(-(test @ fitted.x[:columns] + fitted.x[columns]))))


def realism_auc(real: Sequence[str], synthetic: Sequence[str], *, folds: int = 5, seed: int = 0) -> float:
    """Cross-validated ROC-AUC of a real-vs-synthetic classifier (logistic regression on hashed TF-IDF
    n-grams, fitted per fold). Balanced: as many synthetic texts as real ones, drawn with ``seed``, so
    a large dataset is not told apart merely for being large.

    The same text on both sides always lands in one fold: were a real copy trained on "real" and its
    synthetic twin then tested, the twin would score real and pull the AUC below 0.5 (identical sets
    would read as 0.1, not the 0.5 they are)."""
    drawn = random.Random(seed).sample(list(synthetic), min(len(real), len(synthetic)))
    texts = list(real) + drawn
    is_real = [True] * len(real) + [False] * len(drawn)
    folds = max(2, min(folds, len(drawn), len(real)))
    assignment = grouped_folds([" ".join(tokens(text)) for text in texts], folds, seed)
    scores = np.zeros(len(texts))
    for fold in range(folds):
        train = [i for i, f in enumerate(assignment) if f != fold]
        test = [i for i, f in enumerate(assignment) if f == fold]
        features = HashedTfidf().fit([texts[i] for i in train]).transform(texts)
        used = np.flatnonzero(np.asarray((features[train] != 0).sum(axis=0)).ravel() >= 2)
        scores[test] = logistic_scores(features[train][:, used], [is_real[i] for i in train], features[test][:, used])
    return roc_auc(scores.tolist(), is_real)


def grouped_folds(keys: Sequence[str], folds: int, seed: int) -> list[int]:
    """A fold number per item; items with the same key share a fold (keys dealt after a seeded shuffle)."""
    distinct = sorted(set(keys))
    random.Random(seed).shuffle(distinct)
    fold_of = {key: position % folds for position, key in enumerate(distinct)}
    return [fold_of[key] for key in keys]


def distinct_n(texts: Sequence[str], n: int) -> float:
    """Distinct n-grams over all n-grams: 1.0 when no word sequence repeats, near 0 for a template."""
    grams = [tuple(words[i : i + n]) for words in map(tokens, texts) for i in range(len(words) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 0.0


def near_duplicate_rate(texts: Sequence[str]) -> float:
    """Share of texts with a near-duplicate among the others (the review store's Jaccard rule)."""
    clusters = Counter(duplicate_clusters(list(texts)))
    return sum(size for size in clusters.values() if size > 1) / len(texts) if texts else 0.0


def word_count_distribution(texts: Sequence[str], cap: int = WORD_COUNT_CAP) -> list[float]:
    """Share of texts with 0, 1, ..., ``cap``+ words."""
    counts = np.bincount([min(len(tokens(t)), cap) for t in texts], minlength=cap + 1).astype(float)
    return (counts / counts.sum()).tolist() if texts else counts.tolist()


def distribution_overlap(first: Sequence[float], second: Sequence[float]) -> float:
    """1 - total variation distance of two distributions over the same bins (1.0 = identical)."""
    return float(np.minimum(np.asarray(first), np.asarray(second)).sum())


def media_words(agents: AgentInference, texts: Sequence[str]) -> dict[str, float]:
    """Each media word the texts use ("song", "painting"), per 100 texts."""
    counts = Counter(word for text in texts for _, word in agents.media_mentions(text))
    return {word: 100 * count / len(texts) for word, count in counts.most_common()} if texts else {}


def mean_length(texts: Sequence[str]) -> tuple[float, float]:
    """(mean words, mean characters) per text."""
    if not texts:
        return 0.0, 0.0
    return sum(len(tokens(t)) for t in texts) / len(texts), sum(len(t) for t in texts) / len(texts)
