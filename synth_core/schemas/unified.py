"""Examples for the unified optimizer: one query's routing decision paired with its workflow plan."""

from __future__ import annotations

from pydantic import Field

from synth_core.schemas.common import Entity, ExampleBase, QueryIntent, QueryModality


class UnifiedExampleSchema(ExampleBase):
    """Routing and planning for one query, labelled together.

    - routing half: ``modality`` the query asks for, ``chosen_agent`` that serves it, ``entities`` in
      the query, ``routing_confidence`` (reciprocal rank of the source item for the query);
    - planning half: ``query_type`` (intent), ``agent_sequence`` (the plan), ``requires_orchestration``
      (more than one agent);
    - outcome: ``success`` = the plan is valid for the intent and its first search finds the source.
    """

    modality: QueryModality
    chosen_agent: str
    entities: list[Entity] = []
    routing_confidence: float = Field(ge=0.0, le=1.0)
    query_type: QueryIntent
    agent_sequence: list[str] = Field(min_length=1)
    requires_orchestration: bool
    success: bool
