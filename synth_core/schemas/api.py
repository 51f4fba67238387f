"""Request and response contracts shared by the service, the CLI, the API and the dashboard."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from synth_core.sampling.strategies_names import STRATEGIES
from synth_core.settings import SEED_MAX
from synth_core.tenants import TenantId


class SyntheticDataRequest(BaseModel):
    """What to generate. ``profiles`` names profiles explicitly; otherwise up to ``max_profiles`` are
    selected by rules (or by an LLM when one is configured).

    Numbers are strict integers (JSON ``true`` or ``2.0`` is refused, not read as 1 or 2) and seeds
    fit the stores' 64-bit integers, so a bad request fails here, before any work or LLM call."""

    optimizer: str = Field(max_length=64)
    count: int = Field(ge=1, le=100_000, strict=True)
    sample_size: int | None = Field(
        None, ge=1, le=100_000, strict=True, description="Content items to sample; default from settings."
    )
    strategies: list[str] = Field(
        default_factory=list, description=f"Any of {', '.join(STRATEGIES)}; default per optimizer."
    )
    profiles: list[str] | None = Field(None, max_length=50)
    max_profiles: int | None = Field(None, ge=1, le=50, strict=True)
    tenant_id: TenantId = "default"
    seed: int | None = Field(None, ge=0, le=SEED_MAX, strict=True)
    auto_approve_threshold: float | None = Field(
        None, ge=0.0, le=1.0, description="Override the optimizer's auto-approval threshold for this run."
    )


class GenerationFailure(BaseModel):
    """An example that could not be generated, and why."""

    source_content_ids: list[str]
    reason: str


class SyntheticDataResponse(BaseModel):
    optimizer: str
    count: int
    selected_profiles: list[str]
    profile_selection_reasoning: str
    data: list[dict[str, Any]]
    failures: list[GenerationFailure] = []
    metadata: dict[str, Any] = Field(
        default_factory=dict, description="run_id, seed, strategies, sampled_count, timings, quality report."
    )


class RegenerationRequest(BaseModel):
    """Regenerate one rejected example from its source content, guided by the reviewer.

    ``avoid_queries`` are the rejected texts; ``corrections`` are field values the reviewer fixed
    (e.g. {"modality": "AUDIO"}); ``feedback`` is the free text, passed to the LLM signature or
    interpreted by the template writer.
    """

    optimizer: str
    source_content_ids: list[str] = Field(min_length=1)
    tenant_id: TenantId = "default"
    reason_codes: list[str] = []
    feedback: str | None = None
    avoid_queries: list[str] = []
    corrections: dict[str, Any] = {}
    count: int = Field(1, ge=1, le=10, strict=True)
    seed: int | None = Field(None, ge=0, le=SEED_MAX, strict=True)
