"""Pydantic schemas: one per optimizer's example, plus the API contracts."""

from synth_core.schemas.api import GenerationFailure, SyntheticDataRequest, SyntheticDataResponse
from synth_core.schemas.common import (
    Entity,
    ExampleBase,
    Provenance,
    QueryIntent,
    QueryModality,
    Relationship,
    Signals,
)
from synth_core.schemas.cross_modal import FusionContext, FusionHistorySchema
from synth_core.schemas.modality import ModalityExampleSchema
from synth_core.schemas.routing import RoutingExperienceSchema
from synth_core.schemas.unified import UnifiedExampleSchema
from synth_core.schemas.workflow import WorkflowExecutionSchema

__all__ = [
    "Entity",
    "ExampleBase",
    "FusionContext",
    "FusionHistorySchema",
    "GenerationFailure",
    "ModalityExampleSchema",
    "Provenance",
    "QueryIntent",
    "QueryModality",
    "Relationship",
    "RoutingExperienceSchema",
    "Signals",
    "SyntheticDataRequest",
    "SyntheticDataResponse",
    "UnifiedExampleSchema",
    "WorkflowExecutionSchema",
]
