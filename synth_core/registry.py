"""The optimizer registry: one entry per optimizer is the single source of truth.

Adding an optimizer = one schema + one generator file + one ``OptimizerSpec`` here.
"""

from __future__ import annotations

from dataclasses import dataclass

from synth_core.errors import UnknownOptimizerError
from synth_core.generators import cross_modal, modality, routing, unified, workflow
from synth_core.generators.base import GeneratorFn
from synth_core.schemas import (
    FusionHistorySchema,
    ModalityExampleSchema,
    RoutingExperienceSchema,
    UnifiedExampleSchema,
    WorkflowExecutionSchema,
)
from synth_core.schemas.common import ExampleBase


@dataclass(frozen=True)
class OptimizerSpec:
    name: str
    description: str
    schema: type[ExampleBase]
    generator: GeneratorFn
    default_strategies: tuple[str, ...]
    default_count: int
    input_fields: tuple[str, ...]
    """Fields a DSPy program reads (``dspy.Example.with_inputs``); the rest are labels."""
    primary_label: str
    """The label field summaries show the distribution of."""


OPTIMIZERS: dict[str, OptimizerSpec] = {
    spec.name: spec
    for spec in (
        OptimizerSpec(
            name="modality",
            description="Per-modality routing: which modality (and agent) serves a query.",
            schema=ModalityExampleSchema,
            generator=modality.generate,
            default_strategies=("diverse", "by_modality"),
            default_count=200,
            input_fields=("query",),
            primary_label="modality",
        ),
        OptimizerSpec(
            name="cross_modal",
            description="Multi-modal fusion: whether fusing two modalities' results helps a query.",
            schema=FusionHistorySchema,
            generator=cross_modal.generate,
            default_strategies=("cross_modal_pairs",),
            default_count=200,
            input_fields=("query", "primary_modality", "secondary_modality"),
            primary_label="primary_modality",
        ),
        OptimizerSpec(
            name="routing",
            description="Entity-based routing: entities, relationships and the agent for a query.",
            schema=RoutingExperienceSchema,
            generator=routing.generate,
            default_strategies=("entity_rich", "diverse"),
            default_count=200,
            input_fields=("query",),
            primary_label="chosen_agent",
        ),
        OptimizerSpec(
            name="workflow",
            description="Multi-agent workflow planning: the agent sequence a query needs.",
            schema=WorkflowExecutionSchema,
            generator=workflow.generate,
            default_strategies=("multi_modal_sequences", "diverse"),
            default_count=200,
            input_fields=("query",),
            primary_label="query_type",
        ),
        OptimizerSpec(
            name="unified",
            description="Unified routing and planning: the routing decision and the workflow plan together.",
            schema=UnifiedExampleSchema,
            generator=unified.generate,
            default_strategies=("diverse", "entity_rich", "temporal_recent"),
            default_count=200,
            input_fields=("query",),
            primary_label="modality",
        ),
    )
}


def get_optimizer(name: str) -> OptimizerSpec:
    """The registry entry for ``name``; an ``UnknownOptimizerError`` naming the valid ones otherwise."""
    try:
        return OPTIMIZERS[name]
    except KeyError:
        valid = ", ".join(OPTIMIZERS)
        raise UnknownOptimizerError(f"Unknown optimizer '{name}'.", hint=f"Choose one of: {valid}.") from None
