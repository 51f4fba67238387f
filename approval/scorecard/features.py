"""Hashed text features shared by the scorecard's router and its realism classifier, and the media
words a query names (``media_columns``) for the router.

Each text becomes hashed (crc32, stable across processes and machines) word 1-2-grams and within-word
character 3-5-grams: a router needs no vocabulary file, and a query with a misspelt media word
("Plau me the song") still shares most of its character grams with the right one. ``presence`` (0/1)
feeds xgboost, which trains on two-bin histograms in seconds; ``HashedTfidf`` (sublinear TF x IDF,
L2-normalised rows) feeds the logistic realism classifier, where term weights matter.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from synth_core.agents import AgentInference

N_FEATURES = 2**18
CHAR_NGRAMS = (3, 4, 5)
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokens(text: str) -> list[str]:
    """Lower-cased words (apostrophe forms kept: "i'd", "don't")."""
    return _TOKEN_RE.findall(text.lower())


def hashed_terms(text: str) -> Counter[int]:
    """How often each hashed word 1-2-gram and character 3-5-gram occurs in ``text``."""
    words = tokens(text)
    terms: list[int] = []
    for word in words:
        terms += _word_terms(word)
    terms += [_hashed(f"b:{a} {b}") for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)]
    return Counter(terms)


@lru_cache(maxsize=200_000)
def _word_terms(word: str) -> tuple[int, ...]:
    """A word's own hashed gram and its character grams: words repeat across queries, so each is
    hashed once (a third of a 10,000-query scorecard's time was spent hashing the same words)."""
    padded = f" {word} "
    grams = [f"w:{word}"] + [f"c:{padded[i : i + n]}" for n in CHAR_NGRAMS for i in range(len(padded) - n + 1)]
    return tuple(_hashed(gram) for gram in grams)


@lru_cache(maxsize=200_000)
def _hashed(gram: str) -> int:
    return zlib.crc32(gram.encode()) % N_FEATURES


def presence(texts: Sequence[str]) -> sparse.csc_matrix:
    """One row per text, 1.0 in the column of each hashed n-gram it contains."""
    rows: list[int] = []
    cols: list[int] = []
    for row, text in enumerate(texts):
        terms = hashed_terms(text)
        rows += [row] * len(terms)
        cols += list(terms)
    values = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(texts), N_FEATURES)).tocsc()


def media_columns(texts: Sequence[str], agents: AgentInference) -> sparse.csc_matrix:
    """One row per text, one column per modality of the agents config (in ``sorted`` order): 1.0 where
    the media word the text names ("the *novel* X", "a *TV show* called Y") is that modality's, by
    the same rules as the keyword floor (``AgentInference.detect_media``). What a media word means is
    the team's vocabulary, not something a few thousand synthetic queries can teach for every word
    people use ("novel", "painting"); what the data teaches is how far to trust it."""
    modalities = sorted(modality.upper() for modality in agents.config.media_words)
    rows: list[int] = []
    cols: list[int] = []
    for row, text in enumerate(texts):
        modality, _ = agents.detect_media(text)
        if modality is not None and modality in modalities:
            rows.append(row)
            cols.append(modalities.index(modality))
    values = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(texts), len(modalities))).tocsc()


@dataclass
class HashedTfidf:
    """Sublinear TF x smoothed IDF over hashed n-grams; ``fit`` learns IDF, ``transform`` uses it."""

    idf: np.ndarray | None = None

    def fit(self, texts: Sequence[str]) -> HashedTfidf:
        document_freq = np.zeros(N_FEATURES)
        for text in texts:
            document_freq[list(hashed_terms(text))] += 1
        self.idf = np.log((1 + len(texts)) / (1 + document_freq)) + 1.0
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        if self.idf is None:
            raise RuntimeError("fit the vectorizer before transforming")
        rows: list[int] = []
        cols: list[int] = []
        values: list[float] = []
        for row, text in enumerate(texts):
            counts = hashed_terms(text)
            weights = [(1.0 + math.log(count)) * self.idf[col] for col, count in counts.items()]
            norm = math.sqrt(sum(w * w for w in weights)) or 1.0
            rows += [row] * len(counts)
            cols += list(counts)
            values += [w / norm for w in weights]
        return sparse.csr_matrix((values, (rows, cols)), shape=(len(texts), N_FEATURES), dtype=np.float32)
