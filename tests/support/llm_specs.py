"""Content and query specs for the LLM tests and benchmarks: every task, modality and media flag."""

from __future__ import annotations

from datetime import UTC, datetime

from synth_core.content import ContentItem
from synth_core.schemas.common import Entity
from synth_core.writing.base import QuerySpec

FAKE_KEY = "sk-test-DO-NOT-LEAK-4f9a8b7c6d5e"
"""An API key that must never show up in a log, an error or an export."""


def make_item(i: int, modality: str = "VIDEO") -> ContentItem:
    profiles = {
        "VIDEO": "video_videoprism_base_mv_chunk_30s",
        "DOCUMENT": "document_text_semantic",
        "IMAGE": "image_caption_siglip",
        "AUDIO": "audio_transcript_whisper",
    }
    return ContentItem(
        id=f"{modality.lower()}-{i}",
        profile=profiles[modality],
        modality=modality,  # type: ignore[arg-type]
        title=f"Field notes {i}: how Kestrel Labs restores wetlands",
        text=f"Kestrel Labs engineers explain wetland restoration project {i} in the Danube delta. " * 4,
        created_at=datetime(2024, 1 + i % 12, 5, tzinfo=UTC),
    )


def make_specs(n: int) -> list[QuerySpec]:
    """A mix of every task, target modality and media flag."""
    kestrel = Entity(text="Kestrel Labs", type="ORGANIZATION")
    danube = Entity(text="Danube", type="PLACE")
    specs = []
    for i in range(n):
        task = ("modality", "entity", "workflow", "fusion", "modality")[i % 5]
        target = "TEXT" if i % 5 == 4 else ("VIDEO", "AUDIO", "DOCUMENT", "IMAGE")[i % 4]
        items = (make_item(i, "VIDEO"), make_item(i, "DOCUMENT")) if task == "fusion" else (make_item(i, "VIDEO"),)
        specs.append(
            QuerySpec(
                task=task,  # type: ignore[arg-type]
                items=items,
                target_modality=target,  # type: ignore[arg-type]
                topics=("wetland restoration", f"site {i}"),
                entities=(kestrel, danube),
                intent=("find", "summarize", "report")[i % 3],  # type: ignore[arg-type]
                explicit_media=(True, False, None)[i % 3],
                style=("keyword", "question", "time_constrained")[i % 3],  # type: ignore[arg-type]
            )
        )
    return specs
