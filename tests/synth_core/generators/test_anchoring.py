"""The anchoring signal: which of a query's own words are its sources' names."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from synth_core.content import ContentItem
from synth_core.generators.anchoring import anchoring
from synth_core.writing.frame_words import frame_words


def item(title: str, text: str = "", **metadata: Any) -> ContentItem:
    return ContentItem(
        id=title or "untitled", profile="video_p", modality="VIDEO", title=title, text=text,
        created_at=datetime(2024, 1, 1, tzinfo=UTC), metadata=metadata,
    )  # fmt: skip


def test_words_of_the_title_and_metadata_names_are_anchored_and_body_words_are_loose() -> None:
    source = item(
        "Junior Tennis Pathways", "Junior development deserves more attention, says the WTA.",
        speakers=["Maria Lopez"], channel="Court Side", tags=["deserves"], resolution="1080p",
    )  # fmt: skip

    found = anchoring("what did Maria Lopez say about development deserves?", [source])

    assert found is not None
    assert found.anchored == ["lopez", "maria"]
    assert found.loose == ["deserves", "development"]  # body text and tags are no names
    assert found.share == 0.5
    assert anchoring("junior tennis pathways on Court Side", [source]).share == 1.0  # type: ignore[union-attr]
    assert anchoring("something 1080p", [source]).loose == ["1080p"]  # type: ignore[union-attr]


def test_the_writers_own_words_and_years_are_left_out() -> None:
    source = item("Cherry Harvest")

    assert {"find", "video", "show"} <= frame_words()
    found = anchoring("find me videos of the Cherry Harvest from 2024", [source])
    assert found is not None and found.loose == [] and found.anchored == ["cherry", "harvest"]
    assert anchoring("show me a video", [source]) is None  # nothing of its own to measure


def test_two_sources_anchor_the_words_of_either() -> None:
    first, second = item("Erasmus Bridge at Night"), item("Rotterdam Harbour", location="Rotterdam")

    found = anchoring("Erasmus Bridge and Rotterdam compared", [first, second])

    assert found is not None and found.anchored == ["bridge", "erasmus", "rotterdam"]
