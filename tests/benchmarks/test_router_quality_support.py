"""The benchmark-only measuring pieces of ``bench_router_quality`` (the shipped ones are tested in
tests/approval/scorecard/)."""

from __future__ import annotations

from tests.benchmarks import router_quality_support as rq


def test_year_share() -> None:
    assert rq.year_share(["videos from 2024", "play jazz", "the 1951 ballad", "room 12345"]) == 0.5


def test_word_shuffled_keeps_the_words_and_the_lengths() -> None:
    texts = ["play the song", "a red bus on a street", "who wrote it"]
    shuffled = rq.word_shuffled(texts, seed=1)
    assert [len(t.split()) for t in shuffled] == [3, 6, 3]
    assert sorted(" ".join(shuffled).split()) == sorted(" ".join(texts).split())


def test_question_share_counts_question_marks_and_leading_question_words() -> None:
    assert rq.question_share(["who plays spock", "a cat on a mat", "this is it?", "play jazz"]) == 0.5
