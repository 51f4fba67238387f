"""Classification metrics over label strings, with scikit-learn's conventions (no scikit-learn)."""

from __future__ import annotations

import random
from collections.abc import Sequence


def accuracy(truth: Sequence[str], predicted: Sequence[str]) -> float:
    return sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth) if truth else float("nan")


def per_label_f1(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, float]:
    """F1 of each label (0 when the label is never predicted right; NaN when it neither occurs nor is
    predicted)."""
    scores: dict[str, float] = {}
    for label in labels:
        hits = sum(t == p == label for t, p in zip(truth, predicted, strict=True))
        predicted_n, true_n = sum(p == label for p in predicted), sum(t == label for t in truth)
        scores[label] = 2 * hits / (predicted_n + true_n) if predicted_n + true_n else float("nan")
    return scores


def macro_f1(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None) -> float:
    """Mean F1 over the labels that occur in ``truth`` (scikit-learn's ``labels=present`` convention):
    a label the real queries never ask for neither helps nor hurts."""
    present = [label for label in (labels or sorted(set(truth))) if label in set(truth)]
    scores = per_label_f1(truth, predicted, present)
    return sum(scores.values()) / len(scores) if scores else float("nan")


def confusion(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    """``matrix[i][j]``: how many queries of ``labels[i]`` were predicted ``labels[j]``."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for t, p in zip(truth, predicted, strict=True):
        if t in index and p in index:
            matrix[index[t]][index[p]] += 1
    return matrix


def stratified_folds(labels: Sequence[str], folds: int, seed: int) -> list[int]:
    """A fold number per example, each label dealt round-robin over the folds after a seeded shuffle,
    so every fold holds its share of every label."""
    assignment = [0] * len(labels)
    rng = random.Random(seed)
    for label in sorted(set(labels)):
        members = [i for i, value in enumerate(labels) if value == label]
        rng.shuffle(members)
        for position, index in enumerate(members):
            assignment[index] = position % folds
    return assignment
