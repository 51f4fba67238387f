"""The quality report's profile of queries and labels: years, media words, entity types, negatives."""

from __future__ import annotations

import pytest

from synth_core.query_profile import query_profile
from tests.approval.builders import make_example


def test_years_media_words_entity_types_and_negatives_are_counted() -> None:
    examples = [
        make_example("routing", query="Kubernetes talk from 2024 at Google", signals={"media_word": "talk"}),
        make_example("routing", query="how does Kubernetes scale pods in a Google cluster video"),
        make_example("routing", query="Kubernetes at Google", chosen_agent="image_search_agent", agent_success=False),
        make_example("routing", query="Google Kubernetes clip", signals={"media_word": None}),
    ]

    profile = query_profile(examples)

    assert profile.year_share == pytest.approx(0.25)
    assert profile.media_words == {"video": 2, "talk": 1}
    assert profile.entity_types == {"PRODUCT": 4, "ORGANIZATION": 4}
    assert profile.negatives == {"agent_success": {"image_search_agent": 1.0, "video_search_agent": 0.0}}


def test_an_empty_run_has_an_empty_profile() -> None:
    profile = query_profile([])

    assert (profile.year_share, profile.media_words, profile.entity_types, profile.negatives) == (0.0, {}, {}, {})
