"""The title_coverage signal: how much of its sources' titles a query names."""

from __future__ import annotations

from datetime import UTC, datetime

from synth_core.content import ContentItem
from synth_core.generators.title_coverage import title_coverage


def item(title: str) -> ContentItem:
    return ContentItem(
        id=title or "untitled", profile="video_p", modality="VIDEO", title=title, text=f"{title}. Body text.",
        created_at=datetime(2024, 1, 1, tzinfo=UTC), metadata={},
    )  # fmt: skip


def test_the_share_of_the_titles_content_words_the_query_names() -> None:
    title = item("Why Altitude Training Matters")
    assert title_coverage("why altitude training matters, the video", [title]) == 1.0
    assert title_coverage("training matters papers", [title]) == 2 / 3  # 'why' is a stopword
    assert title_coverage("show me something about coffee", [title]) == 0.0


def test_two_sources_are_averaged_and_an_untitled_one_is_not_counted() -> None:
    assert title_coverage("Cherry Harvest", [item("Cherry Harvest"), item("Erasmus Bridge")]) == 0.5
    assert title_coverage("Cherry Harvest", [item("Cherry Harvest"), item("")]) == 1.0
    assert title_coverage("anything", [item("")]) is None
