"""Realism figures where the right answer is known."""

from __future__ import annotations

import random

import pytest

from approval.scorecard.realism import (
    distinct_n,
    distribution_overlap,
    media_words,
    near_duplicate_rate,
    realism_auc,
    roc_auc,
    word_count_distribution,
)
from synth_core.agents import AgentInference
from synth_core.settings import load_settings

WORDS = ["red", "blue", "green", "small", "large", "dog", "cat", "house", "tree", "river"]


def test_roc_auc_counts_ties_half() -> None:
    assert roc_auc([0.1, 0.2, 0.8, 0.9], [False, False, True, True]) == 1.0
    assert roc_auc([0.9, 0.8, 0.2, 0.1], [False, False, True, True]) == 0.0
    assert roc_auc([0.5, 0.5], [True, False]) == 0.5


def test_identical_real_and_synthetic_queries_cannot_be_told_apart() -> None:
    rng = random.Random(3)
    real = [" ".join(rng.choices(WORDS, k=5)) for _ in range(100)]
    assert realism_auc(real, list(real)) == pytest.approx(0.5, abs=0.1)


def test_queries_from_another_vocabulary_are_always_told_apart() -> None:
    rng = random.Random(3)
    real = [" ".join(rng.choices(WORDS, k=5)) for _ in range(100)]
    other = [f"quantum {w} hamiltonian lattice" for w in rng.choices(WORDS, k=100)]
    assert realism_auc(real, other) > 0.95


def test_distinct_n_and_near_duplicates() -> None:
    assert distinct_n(["a b", "a b"], 1) == 0.5
    assert distinct_n(["a b c", "d e f"], 2) == 1.0
    assert near_duplicate_rate(["play the song blue harbor", "play the song blue harbor", "a cat on a mat"]) == 2 / 3
    assert near_duplicate_rate(["play jazz now", "a cat on a mat"]) == 0.0


def test_word_count_distributions_and_their_overlap() -> None:
    first = word_count_distribution(["a b", "a b c"], cap=4)
    assert first == [0.0, 0.0, 0.5, 0.5, 0.0]
    assert distribution_overlap(first, first) == 1.0
    assert distribution_overlap(first, word_count_distribution(["a", "a"], cap=4)) == 0.0


def test_media_words_are_counted_per_hundred_queries() -> None:
    agents = AgentInference(load_settings().agents)
    assert media_words(agents, ["play the song x", "a song and a painting", "hello"]) == pytest.approx(
        {"song": 200 / 3, "painting": 100 / 3}
    )
