"""What a generation run would draw, shown before anything is generated (the dashboard's Preview):
each sampled item with its modality, profile, title, topics and named entities."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from synth_core.backends.base import ContentBackend
from synth_core.entities import extract_entities
from synth_core.sampling.strategies import sample_content
from synth_core.topics import extract_topics

TOPICS_SHOWN = 5


class PreviewItem(BaseModel):
    id: str
    strategy: str
    modality: str
    profile: str
    title: str
    topics: list[str]
    entities: list[str]


def preview_sample(
    backend: ContentBackend,
    *,
    strategies: Sequence[str],
    sample_size: int,
    seed: int,
    profiles: Sequence[str] | None = None,
) -> list[PreviewItem]:
    """The items ``sample_content`` draws for these options (the same call a run makes)."""
    sample = sample_content(backend, strategies=list(strategies), sample_size=sample_size, seed=seed, profiles=profiles)
    return [
        PreviewItem(
            id=item.id,
            strategy=sample.strategy_of.get(item.id, ""),
            modality=item.modality,
            profile=item.profile,
            title=item.title,
            topics=extract_topics(item.text, top_k=TOPICS_SHOWN, title=item.title),
            entities=[f"{entity.text} ({entity.type})" for entity in extract_entities(f"{item.title}. {item.text}")],
        )
        for item in sample.items
    ]
