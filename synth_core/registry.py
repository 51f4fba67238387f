"""The optimizer registry: one entry per optimizer is the single source of truth.

Everything that differs between optimizers lives on its entry: schema, generator, sampling strategies,
default counts, which fields are inputs and labels, its label checks, its default auto-approval
threshold and the weights of its confidence components. Adding an optimizer = one schema + one
generator file + one ``OptimizerSpec`` here (``tests/synth_core/test_registry_and_schemas.py`` and
``tests/approval/test_confidence.py`` check that every entry says all of it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from synth_core import label_checks
from synth_core.errors import UnknownOptimizerError
from synth_core.generators import cross_modal, modality, routing, unified, workflow
from synth_core.generators.base import GeneratorFn
from synth_core.label_checks import LabelCheck
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
    label_check: LabelCheck
    """The checks that the example's labels hang together (``synth_core.label_checks``): the confidence
    score's ``label_validity``."""
    label_fields: tuple[str, ...]
    """The labels an export's manifest counts per value."""
    coverage_labels: tuple[str, ...]
    """The labels (dotted paths into the example) whose combinations a training set should cover
    (Insights' label coverage)."""
    default_threshold: float
    """Auto-approve at or above this confidence unless ``[thresholds]`` in the config says otherwise.
    Calibrated on the judged sample (``python -m tests.benchmarks.judged prior`` prints the values and
    ``approval.learning.judged_prior.calibrated_thresholds`` keeps them; a test checks they match): the
    lowest score at which at most 4% of held-out judged examples were wrong; 1.0 (every example to a
    person) where no score got there."""
    confidence_weights: Mapping[str, float]
    """Each confidence component's weight (``approval.confidence``; 0 = not used, >= 1 = core)."""
    ranks_within_source_modality: bool = True
    """The ``source_rank`` signal is the source's rank among items of its own modality (the labelled
    agent's search), else among all content (routing: the search before any routing). The review's
    evidence lists the same search's hits."""

    @property
    def export_fields(self) -> tuple[str, ...]:
        """The fields an export writes: the schema's, without the bookkeeping (provenance, signals)."""
        return tuple(name for name in self.schema.model_fields if name not in self.schema.BOOKKEEPING_FIELDS)

    def threshold(self, configured: Mapping[str, float]) -> float:
        """The auto-approval threshold: ``configured`` (the config's ``[thresholds]``) or the default."""
        return configured.get(self.name, self.default_threshold)


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
            label_check=label_checks.check_modality,
            label_fields=("modality", "correct_agent", "success"),
            coverage_labels=("modality", "correct_agent", "modality_features.query_shape"),
            default_threshold=1.0,
            confidence_weights=dict(
                label_validity=3.0,
                label_margin=0.0,
                entity_types=0.0,
                media_fit=2.0,
                fluency=2.0,
                specificity=0.0,
                centrality=0.0,
                title_match=2.0,
                anchoring=1.0,
                media_cue=1.0,
                source_rank=0.5,
                entity_coverage=0.25,
                near_duplicate=2.0,
                generator=0.5,
                writing_effort=1.0,
            ),
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
            label_check=label_checks.check_cross_modal,
            label_fields=("primary_modality", "secondary_modality", "success"),
            coverage_labels=("primary_modality", "secondary_modality"),
            default_threshold=1.0,
            confidence_weights=dict(
                label_validity=3.0,
                label_margin=2.0,
                entity_types=0.0,
                media_fit=0.0,
                fluency=2.0,
                specificity=1.0,
                centrality=2.0,
                title_match=0.0,
                anchoring=0.0,
                media_cue=0.0,
                source_rank=0.5,
                entity_coverage=0.25,
                near_duplicate=2.0,
                generator=0.5,
                writing_effort=1.0,
            ),
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
            label_check=label_checks.check_routing,
            label_fields=("chosen_agent", "agent_success"),
            coverage_labels=("chosen_agent", "agent_success"),
            default_threshold=0.97,
            ranks_within_source_modality=False,
            confidence_weights=dict(
                label_validity=3.0,
                label_margin=0.0,
                entity_types=3.0,
                media_fit=2.0,
                fluency=2.0,
                specificity=0.5,
                centrality=1.0,
                title_match=0.0,
                anchoring=2.0,
                media_cue=0.5,
                source_rank=0.5,
                entity_coverage=0.25,
                near_duplicate=2.0,
                generator=0.5,
                writing_effort=1.0,
            ),
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
            label_check=label_checks.check_workflow,
            label_fields=("query_type", "success"),
            coverage_labels=("query_type", "success"),
            default_threshold=1.0,
            confidence_weights=dict(
                label_validity=3.0,
                label_margin=0.0,
                entity_types=0.0,
                media_fit=1.0,
                fluency=2.0,
                specificity=1.0,
                centrality=1.0,
                title_match=2.0,
                anchoring=2.0,
                media_cue=0.0,
                source_rank=0.5,
                entity_coverage=0.25,
                near_duplicate=2.0,
                generator=0.5,
                writing_effort=1.0,
            ),
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
            label_check=label_checks.check_unified,
            label_fields=("modality", "query_type", "requires_orchestration", "success"),
            coverage_labels=("modality", "chosen_agent", "query_type"),
            default_threshold=0.9,
            confidence_weights=dict(
                label_validity=3.0,
                label_margin=0.0,
                entity_types=3.0,
                media_fit=2.0,
                fluency=2.0,
                specificity=1.0,
                centrality=1.0,
                title_match=2.0,
                anchoring=2.0,
                media_cue=1.0,  # unified queries that name no media: judged wrong modality 12 of 15 (round 3)
                source_rank=0.5,
                entity_coverage=2.0,
                near_duplicate=2.0,
                generator=0.5,
                writing_effort=1.0,
            ),
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
