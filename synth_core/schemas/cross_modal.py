"""Examples for the fusion router (CrossModalOptimizer)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from synth_core.schemas.common import ExampleBase, QueryModality


class FusionContext(BaseModel):
    """Measured from searching each modality for the query (all in [0, 1])."""

    modality_agreement: float = Field(ge=0.0, le=1.0, description="Lower of the two lists' nDCG@10 over the higher.")
    query_ambiguity: float = Field(ge=0.0, le=1.0, description="How close the two modalities' best scores are.")
    content_overlap: float = Field(ge=0.0, le=1.0, description="Share of the pair's topics/entities both hold (> 0).")
    fusion_confidence: float = Field(ge=0.0, le=1.0, description="nDCG@10 of the fused results.")


class FusionHistorySchema(ExampleBase):
    """Whether fusing a primary and a secondary modality's results helps for this query.

    ``improvement`` is the gain in nDCG@10 (relevant = carries the subjects the query asks about) when
    the two result lists are fused (reciprocal rank fusion) over the primary list alone; ``success`` =
    improvement > 0. See ``synth_core.generators.cross_modal``.
    """

    primary_modality: QueryModality
    secondary_modality: QueryModality
    fusion_context: FusionContext
    success: bool
    improvement: float = Field(ge=-1.0, le=1.0)
