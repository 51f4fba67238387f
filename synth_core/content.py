"""Content items as the backends store and return them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, Field

ContentModality = Literal["VIDEO", "DOCUMENT", "IMAGE", "AUDIO"]
CONTENT_MODALITIES: tuple[ContentModality, ...] = ("VIDEO", "DOCUMENT", "IMAGE", "AUDIO")


class ContentItem(BaseModel):
    """One piece of searchable content: a video, a document, an image or an audio clip."""

    id: str = Field(min_length=1)
    profile: str
    modality: ContentModality
    title: str
    text: str = Field(description="Description, transcript, caption or abstract.")
    created_at: AwareDatetime
    source: str = ""
    metadata: dict[str, Any] = {}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: higher score is better; rank is 1-based. A plain dataclass, not a model:
    a run makes hundreds of thousands of them, from backends we trust."""

    id: str
    rank: int
    score: float
    modality: ContentModality
    profile: str
