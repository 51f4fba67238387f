"""The pieces behind ``bench_router_quality``: hashed text features, an xgboost query router, metrics.

Kept apart from the benchmark so each file reads on its own; nothing here knows where the data comes
from. Features are hashed (crc32, stable across processes) word 1-2-grams and within-word character
3-5-grams, weighted by sublinear TF x IDF (IDF from the fitted texts only) and L2-normalised rows,
so the same vectors serve the classifier and the cosine nearest-neighbour closeness figures.
"""

from __future__ import annotations

import math
import random
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import xgboost as xgb
from scipy import sparse

N_FEATURES = 2**18
CHAR_NGRAMS = (3, 4, 5)
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.lower())


def _hashed_terms(text: str) -> Counter[int]:
    words = tokens(text)
    grams = [f"w:{word}" for word in words]
    grams += [f"b:{a} {b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)]
    for word in words:
        padded = f" {word} "
        grams += [f"c:{padded[i : i + n]}" for n in CHAR_NGRAMS for i in range(len(padded) - n + 1)]
    return Counter(zlib.crc32(gram.encode()) % N_FEATURES for gram in grams)


@dataclass
class HashedTfidf:
    """Sublinear TF x smoothed IDF over hashed n-grams; ``fit`` learns IDF, ``transform`` uses it."""

    idf: np.ndarray | None = None

    def fit(self, texts: Sequence[str]) -> HashedTfidf:
        document_freq = np.zeros(N_FEATURES)
        for text in texts:
            document_freq[list(_hashed_terms(text))] += 1
        self.idf = np.log((1 + len(texts)) / (1 + document_freq)) + 1.0
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        if self.idf is None:
            raise RuntimeError("fit the vectorizer before transforming")
        rows, cols, values = [], [], []
        for row, text in enumerate(texts):
            counts = _hashed_terms(text)
            weights = [(1.0 + math.log(count)) * self.idf[col] for col, count in counts.items()]
            norm = math.sqrt(sum(w * w for w in weights)) or 1.0
            rows += [row] * len(counts)
            cols += list(counts)
            values += [w / norm for w in weights]
        return sparse.csr_matrix((values, (rows, cols)), shape=(len(texts), N_FEATURES), dtype=np.float32)


@dataclass
class QueryRouter:
    """query -> label with xgboost (multi-class softprob) over which hashed n-grams a query contains.

    Presence (0/1) of the n-grams seen in at least ``min_count`` training queries: with two-bin
    histograms xgboost trains in seconds, where TF-IDF values over 2^18 columns take minutes."""

    labels: tuple[str, ...]
    rounds: int = 150
    min_count: int = 3
    seed: int = 0
    columns: np.ndarray | None = None
    booster: xgb.Booster | None = None

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> QueryRouter:
        presence = _presence(texts)
        counts = np.asarray(presence.sum(axis=0)).ravel()
        self.columns = np.flatnonzero(counts >= self.min_count)
        index = {label: i for i, label in enumerate(self.labels)}
        matrix = xgb.DMatrix(presence[:, self.columns], label=[index[label] for label in labels])
        params = {
            "objective": "multi:softprob",
            "num_class": len(self.labels),
            "max_depth": 6,
            "eta": 0.2,
            "colsample_bytree": 0.5,
            "tree_method": "hist",
            "max_bin": 2,
            "nthread": 2,
            "seed": self.seed,
            "verbosity": 0,
        }
        self.booster = xgb.train(params, matrix, num_boost_round=self.rounds)
        return self

    def predict(self, texts: Sequence[str]) -> list[str]:
        if self.booster is None or self.columns is None:
            raise RuntimeError("fit the router before predicting")
        probabilities = self.booster.predict(xgb.DMatrix(_presence(texts)[:, self.columns]))
        return [self.labels[int(i)] for i in np.argmax(probabilities, axis=1)]


def _presence(texts: Sequence[str]) -> sparse.csc_matrix:
    rows, cols = [], []
    for row, text in enumerate(texts):
        terms = _hashed_terms(text)
        rows += [row] * len(terms)
        cols += list(terms)
    values = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(texts), N_FEATURES)).tocsc()


# -- metrics ---------------------------------------------------------------------------------------


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


def macro_f1(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    """Mean F1 over the labels that occur in ``truth`` (scikit-learn's ``labels=present`` convention)."""
    present = [label for label in labels if label in set(truth)]
    scores = per_label_f1(truth, predicted, present)
    return sum(scores.values()) / len(scores) if scores else float("nan")


# -- how close synthetic queries are to real ones --------------------------------------------------


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


def distinct_n(texts: Sequence[str], n: int) -> float:
    grams = [tuple(words[i : i + n]) for words in map(tokens, texts) for i in range(len(words) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 0.0


def question_share(texts: Sequence[str]) -> float:
    """Share of texts that read as questions: a question mark or a leading wh-/aux word."""
    starts = ("what", "who", "when", "where", "which", "why", "how", "is", "are", "do", "does", "did", "can")
    asked = [t for t in texts if t.rstrip().endswith("?") or (tokens(t)[:1] and tokens(t)[0] in starts)]
    return len(asked) / len(texts) if texts else 0.0


def length_summary(texts: Sequence[str]) -> tuple[float, float]:
    """(mean, median) length in words."""
    lengths = sorted(len(tokens(text)) for text in texts)
    return (sum(lengths) / len(lengths), float(lengths[len(lengths) // 2])) if lengths else (0.0, 0.0)


def length_overlap(real: Sequence[str], synthetic: Sequence[str], cap: int = 30) -> float:
    """Overlap (1 - total variation distance) of the two word-length histograms, 0..1."""

    def histogram(texts: Sequence[str]) -> np.ndarray:
        counts = np.bincount([min(len(tokens(t)), cap) for t in texts], minlength=cap + 1).astype(float)
        return counts / counts.sum()

    return float(np.minimum(histogram(real), histogram(synthetic)).sum())
