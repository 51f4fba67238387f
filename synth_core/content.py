"""Content items as the backends store and return them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, Field

ContentModality = Literal["VIDEO", "DOCUMENT", "IMAGE", "AUDIO"]
CONTENT_MODALITIES: tuple[ContentModality, ...] = ("VIDEO", "DOCUMENT", "IMAGE", "AUDIO")
DATE_ESTIMATED = "date_estimated"
"""Metadata key ingest sets (True) when an item had no date and ``created_at`` is a stand-in."""


class ContentItem(BaseModel):
    """One piece of searchable content: a video, a document, an image or an audio clip.

    ``created_at`` is always set; when the source had no date, ingest puts the file's modification
    time there and sets ``metadata["date_estimated"]`` = True (see ``date_known``), so no query
    takes the stand-in for a fact ("videos from 2026").
    """

    id: str = Field(min_length=1)
    profile: str
    modality: ContentModality
    title: str
    text: str = Field(description="Description, transcript, caption or abstract.")
    created_at: AwareDatetime
    source: str = ""
    metadata: dict[str, Any] = {}

    @property
    def date_known(self) -> bool:
        """Whether ``created_at`` is the item's own date, not a stand-in chosen at ingest."""
        return not self.metadata.get(DATE_ESTIMATED, False)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: higher score is better; rank is 1-based. A plain dataclass, not a model:
    a run makes hundreds of thousands of them, from backends we trust."""

    id: str
    rank: int
    score: float
    modality: ContentModality
    profile: str
