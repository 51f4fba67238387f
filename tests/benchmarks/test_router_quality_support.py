"""The measuring pieces of ``bench_router_quality``: if these are wrong, every figure it prints is."""

from __future__ import annotations

import random

from tests.benchmarks import router_quality_support as rq


def test_keyword_route_takes_the_first_media_word_then_verbs_then_the_question_shape() -> None:
    assert rq.keyword_route("find a soundtrack called The Book of Folly") == "AUDIO"
    assert rq.keyword_route("Find a novel called A Perfect Day.") == "DOCUMENT"
    assert rq.keyword_route("play Rip It Up by Capital Kings") == "AUDIO"
    assert rq.keyword_route("who plays spock in star trek") == "TEXT"
    assert rq.keyword_route("A rider is riding a horse on the beach.") == "IMAGE"


def test_roc_auc_counts_ties_half() -> None:
    assert rq.roc_auc([0.1, 0.2, 0.8, 0.9], [False, False, True, True]) == 1.0
    assert rq.roc_auc([0.9, 0.8, 0.2, 0.1], [False, False, True, True]) == 0.0
    assert rq.roc_auc([0.5, 0.5], [True, False]) == 0.5


def test_stratified_folds_spread_each_label_evenly() -> None:
    labels = ["A"] * 10 + ["B"] * 5
    folds = rq.stratified_folds(labels, 5, seed=1)
    for fold in range(5):
        assert [labels[i] for i, f in enumerate(folds) if f == fold].count("A") == 2


def test_realism_auc_tells_different_texts_apart_and_not_the_same_ones() -> None:
    rng = random.Random(3)
    words = ["red", "blue", "green", "small", "large", "dog", "cat", "house", "tree", "river"]
    real = [" ".join(rng.choices(words, k=5)) for _ in range(100)]
    same = [" ".join(rng.choices(words, k=5)) for _ in range(100)]
    other = [f"quantum {w} hamiltonian lattice" for w in rng.choices(words, k=100)]
    assert rq.realism_auc(real, other) > 0.95
    assert rq.realism_auc(real, same) < 0.7


def test_year_share() -> None:
    assert rq.year_share(["videos from 2024", "play jazz", "the 1951 ballad", "room 12345"]) == 0.5
