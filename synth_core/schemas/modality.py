"""Examples for the per-modality router (ModalityOptimizer)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from synth_core.schemas.common import ExampleBase, QueryModality


class ModalityExampleSchema(ExampleBase):
    """A query and the modality (and agent) that should serve it.

    ``modality`` follows what the query asks for: a request for the paper itself is DOCUMENT, a
    factual question its text answers is TEXT. ``success`` says whether the labelled agent really
    finds the source item for this query in the backend.
    """

    modality: QueryModality
    correct_agent: str
    success: bool
    modality_features: dict[str, Any] = Field(
        default_factory=dict,
        description="Features the router can read: media word, query shape, length, entity count, profile.",
    )
    is_synthetic: bool = True
    synthetic_source: str = Field(description="'template' or 'llm:<model>' and the run id.")
