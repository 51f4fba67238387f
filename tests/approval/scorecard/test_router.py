"""The scorecard's router and metrics on data where the right answer is known."""

from __future__ import annotations

import math
from pathlib import Path

from approval.scorecard.metrics import accuracy, confusion, macro_f1, per_label_f1, stratified_folds
from approval.scorecard.router import QueryRouter, cross_validated_predictions, train_router
from synth_core.settings import load_settings
from tests.approval.scorecard.handmade import NAMES, keyword_separable


def split(records: list[dict]) -> tuple[list[str], list[str]]:
    return [r["query"] for r in records], [r["modality"] for r in records]


def test_a_router_trained_on_keyword_separable_data_routes_unseen_queries_perfectly() -> None:
    texts, labels = split(keyword_separable(30, seed=1))
    real_texts, real_labels = split(keyword_separable(10, seed=2))
    predicted = train_router(texts, labels).predict(real_texts)
    assert macro_f1(real_labels, predicted) == 1.0
    assert accuracy(real_labels, predicted) == 1.0


def test_cross_validation_predicts_every_query_from_the_other_folds() -> None:
    texts, labels = split(keyword_separable(10, seed=3))
    predicted = cross_validated_predictions(texts, labels)
    assert "" not in predicted
    assert macro_f1(labels, predicted) == 1.0


def test_a_saved_router_loads_and_routes_the_same(tmp_path: Path) -> None:
    texts, labels = split(keyword_separable(20, seed=4))
    router = train_router(texts, labels)
    router.save(tmp_path / "router.json")
    loaded = QueryRouter.load(tmp_path / "router.json")
    assert loaded.labels == router.labels
    assert loaded.predict(texts) == router.predict(texts)


def test_one_label_gives_a_router_that_always_answers_it() -> None:
    assert train_router(["play a song", "play another song"], ["AUDIO", "AUDIO"]).predict(["a cat"]) == ["AUDIO"]


def test_f1_per_label_macro_f1_and_the_confusion_matrix() -> None:
    truth = ["A", "A", "B", "B"]
    predicted = ["A", "B", "B", "B"]
    scores = per_label_f1(truth, predicted, ["A", "B", "C"])
    assert (scores["A"], scores["B"]) == (2 / 3, 0.8)
    assert math.isnan(scores["C"])  # neither occurs nor is predicted
    assert macro_f1(truth, predicted, ["A", "B", "C"]) == (2 / 3 + 0.8) / 2  # C never occurs: left out
    assert confusion(truth, predicted, ["A", "B"]) == [[1, 1], [0, 2]]


def test_stratified_folds_spread_each_label_evenly() -> None:
    labels = ["A"] * 10 + ["B"] * 5
    folds = stratified_folds(labels, 5, seed=1)
    for fold in range(5):
        assert [labels[i] for i, f in enumerate(folds) if f == fold].count("A") == 2


def test_with_the_agents_config_a_router_routes_media_words_its_training_data_never_used(tmp_path: Path) -> None:
    """Trained on three media words per modality, the router reads "album", "photograph" and "TV
    show" by the modality the agents config gives them; on n-grams alone it cannot know them."""
    words = {
        "AUDIO": ("song", "track", "tune"),
        "IMAGE": ("painting", "picture", "drawing"),
        "VIDEO": ("movie", "clip", "film"),
    }
    texts, labels = [], []
    for modality, names in words.items():
        for index, name in enumerate(NAMES):
            texts.append(f"find the {names[index % 3]} {name}")
            labels.append(modality)
    unseen = ["find the album Red River", "find the photograph Red River", "find the TV show Red River"]
    expected = ["AUDIO", "IMAGE", "VIDEO"]
    media = load_settings().agents
    router = train_router(texts, labels, media=media)
    assert router.predict(unseen) == expected
    assert train_router(texts, labels).predict(unseen) != expected
    router.save(tmp_path / "router.json")
    loaded = QueryRouter.load(tmp_path / "router.json")
    assert loaded.media == media and loaded.predict(unseen) == expected
