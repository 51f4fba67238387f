"""Examples for the entity-aware router (AdvancedRoutingOptimizer's RoutingExperience)."""

from __future__ import annotations

from pydantic import Field

from synth_core.schemas.common import Entity, ExampleBase, Relationship


class RoutingExperienceSchema(ExampleBase):
    """A query with its entities, the agent that should serve it and how well that went.

    ``search_quality`` and ``agent_success`` come from running the query through the backend's
    search (reciprocal rank of the source item); ``processing_time`` is measured, in seconds.
    ``user_satisfaction`` stays None unless a person supplies it.
    """

    entities: list[Entity] = Field(min_length=1)
    relationships: list[Relationship] = []
    enhanced_query: str = Field(description="The query with entities annotated inline: 'Kubernetes(PRODUCT)'.")
    chosen_agent: str
    routing_confidence: float = Field(ge=0.0, le=1.0)
    search_quality: float = Field(ge=0.0, le=1.0)
    agent_success: bool
    user_satisfaction: float | None = Field(None, ge=0.0, le=1.0)
    processing_time: float = Field(ge=0.0)
