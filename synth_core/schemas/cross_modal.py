"""Examples for the fusion router (CrossModalOptimizer)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from synth_core.schemas.common import ExampleBase, QueryModality


class FusionContext(BaseModel):
    """Measured from searching each modality for the query (all in [0, 1])."""

    modality_agreement: float = Field(ge=0.0, le=1.0, description="Overlap of the two modalities' top results' topics.")
    query_ambiguity: float = Field(ge=0.0, le=1.0, description="How close the two modalities' best scores are.")
    content_overlap: float = Field(ge=0.0, le=1.0, description="Shared topics/entities of the paired items.")
    fusion_confidence: float = Field(ge=0.0, le=1.0, description="Reciprocal-rank score of the pair after fusion.")


class FusionHistorySchema(ExampleBase):
    """Whether fusing a primary and a secondary modality's results helps for this query.

    ``improvement`` is the gain in finding the content pair when the two result lists are fused
    (reciprocal rank fusion) over the primary list alone; ``success`` = improvement > 0.
    """

    primary_modality: QueryModality
    secondary_modality: QueryModality
    fusion_context: FusionContext
    success: bool
    improvement: float = Field(ge=-1.0, le=1.0)
