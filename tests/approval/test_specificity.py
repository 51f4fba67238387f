"""The specificity component: a query that names something or uses a rare word scores 1, everyday words less."""

from __future__ import annotations

import pytest

from approval.specificity import FLOOR_SCORE, specificity


@pytest.mark.parametrize(
    "query",
    ["Kubernetes interview", "play Kids in Love by Kygo", "photos from the 1998 final", "a geode slab up close"],
)
def test_a_name_a_number_or_a_rare_word_singles_something_out(query: str) -> None:
    assert specificity(query)[0] == 1.0


@pytest.mark.parametrize(
    "query", ["comprehensive analysis of rock artist", "I'd like to see what there is on voice", "show me a video"]
)
def test_everyday_words_alone_score_low_and_say_which(query: str) -> None:
    score, reason = specificity(query)
    assert FLOOR_SCORE <= score < 0.6
    assert "names nothing" in reason or "nothing in particular" in reason


def test_the_score_falls_with_how_common_the_rarest_word_is() -> None:
    rare, common = specificity("tattoo removal tips")[0], specificity("summary of the game")[0]
    assert 1.0 > rare > common


def test_request_and_media_words_are_not_what_the_query_is_about() -> None:
    assert specificity("Could you show me the video please?")[0] == FLOOR_SCORE
