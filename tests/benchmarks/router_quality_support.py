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


# -- references: keyword rules, cross-validation, a real-vs-synthetic classifier --------------------

KEYWORD_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("VIDEO", ("tv show", "tv series", "television show", "the show", "a show", "trailer", "movie", "movies",
               "video", "videos", "film")),
    ("AUDIO", ("song", "songs", "soundtrack", "album", "playlist", "music", "track", "tune", "radio", "podcast",
               "audiobook")),
    ("IMAGE", ("painting", "photograph", "photo", "picture", "image", "pic")),
    ("DOCUMENT", ("book", "novel", "paper", "article", "report", "pdf", "document")),
)  # fmt: skip
"""The media words people use (SNIPS, SLURP); a fixed list so the reference does not move when
configs/agents.toml does."""
KEYWORD_VERBS = (("AUDIO", ("play", "listen")), ("VIDEO", ("watch",)), ("DOCUMENT", ("read",)))
_QUESTION_STARTS = frozenset(
    ["what", "who", "when", "where", "which", "why", "how", "is", "are", "do", "does", "did", "can"]
)


def first_media_cue(query: str) -> tuple[str, str] | None:
    """(modality, word) of the earliest media word of ``KEYWORD_RULES`` in ``query``, or None."""
    text = f" {' '.join(tokens(query))} "
    found = [(text.find(f" {cue} "), modality, cue) for modality, cues in KEYWORD_RULES for cue in cues]
    hits = sorted(hit for hit in found if hit[0] >= 0)
    return (hits[0][1], hits[0][2]) if hits else None


def keyword_route(query: str) -> str:
    """The modality the first media word of ``query`` names (earliest in the query wins); else the
    first verb that implies one ("play", "watch", "read"); else TEXT when it reads as a question and
    IMAGE when not (a bare caption)."""
    words = tokens(query)
    text = f" {' '.join(words)} "
    for rules in (KEYWORD_RULES, KEYWORD_VERBS):
        found = [(text.find(f" {cue} "), modality) for modality, cues in rules for cue in cues]
        hits = sorted(hit for hit in found if hit[0] >= 0)
        if hits:
            return hits[0][1]
    return "TEXT" if (words[:1] and words[0] in _QUESTION_STARTS) or query.rstrip().endswith("?") else "IMAGE"


def stratified_folds(labels: Sequence[str], folds: int, seed: int) -> list[int]:
    """A fold number per example, each label dealt round-robin over the folds after a seeded shuffle."""
    assignment = [0] * len(labels)
    rng = random.Random(seed)
    for label in sorted(set(labels)):
        members = [i for i, value in enumerate(labels) if value == label]
        rng.shuffle(members)
        for position, index in enumerate(members):
            assignment[index] = position % folds
    return assignment


def cross_validated_predictions(
    texts: Sequence[str], labels: Sequence[str], label_set: tuple[str, ...], *, folds: int = 5, seed: int = 0
) -> list[str]:
    """Each text predicted by a ``QueryRouter`` trained on the other folds (a reference only: it trains
    on the evaluation queries themselves)."""
    assignment = stratified_folds(labels, folds, seed)
    predicted = [""] * len(texts)
    for fold in range(folds):
        train = [i for i, f in enumerate(assignment) if f != fold]
        test = [i for i, f in enumerate(assignment) if f == fold]
        router = QueryRouter(label_set, min_count=2, seed=seed)
        router.fit([texts[i] for i in train], [labels[i] for i in train])
        for index, label in zip(test, router.predict([texts[i] for i in test]), strict=True):
            predicted[index] = label
    return predicted


def roc_auc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """P(a positive scores above a negative), ties counting half (Mann-Whitney U)."""
    values = np.asarray(scores, dtype=float)
    is_positive = np.asarray(positive, dtype=bool)
    n_pos, n_neg = int(is_positive.sum()), int((~is_positive).sum())
    if not n_pos or not n_neg:
        return float("nan")
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values))
    sorted_values = values[order]
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
    from scipy.optimize import minimize

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
    word 1-2-grams and char 3-5-grams, fitted per fold): 0.5 = indistinguishable, 1.0 = always told
    apart. Balanced: as many synthetic texts as real ones, drawn with ``seed``."""
    drawn = random.Random(seed).sample(list(synthetic), min(len(real), len(synthetic)))
    texts = list(real) + drawn
    is_real = [True] * len(real) + [False] * len(drawn)
    assignment = stratified_folds(["real" if flag else "synthetic" for flag in is_real], folds, seed)
    scores = np.zeros(len(texts))
    for fold in range(folds):
        train = [i for i, f in enumerate(assignment) if f != fold]
        test = [i for i, f in enumerate(assignment) if f == fold]
        vectorizer = HashedTfidf().fit([texts[i] for i in train])
        features = vectorizer.transform(texts)
        used = np.flatnonzero(np.asarray((features[train] != 0).sum(axis=0)).ravel() >= 2)
        scores[test] = logistic_scores(features[train][:, used], [is_real[i] for i in train], features[test][:, used])
    return roc_auc(scores.tolist(), is_real)


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def year_share(texts: Sequence[str]) -> float:
    """Share of texts that name a year (1900-2099)."""
    return sum(bool(_YEAR_RE.search(text)) for text in texts) / len(texts) if texts else 0.0
