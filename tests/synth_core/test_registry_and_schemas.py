from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from synth_core.errors import UnknownOptimizerError
from synth_core.registry import OPTIMIZERS, get_optimizer
from synth_core.sampling.strategies_names import STRATEGIES
from synth_core.schemas import (
    FusionHistorySchema,
    ModalityExampleSchema,
    RoutingExperienceSchema,
    SyntheticDataRequest,
    UnifiedExampleSchema,
    WorkflowExecutionSchema,
)


def provenance() -> dict[str, object]:
    return {
        "run_id": "run-1",
        "source_content_ids": ["demo-vid-0001"],
        "profile": "video_videoprism_base_mv_chunk_30s",
        "strategy": "diverse",
        "generator": "template",
        "created_at": datetime(2025, 1, 1, tzinfo=UTC),
    }


def signals() -> dict[str, object]:
    return {
        "explicit_media_cue": True,
        "media_word": "video",
        "modality_ambiguity": 0.2,
        "source_rank": 1,
        "entity_coverage": 1.0,
        "label_checked": True,
        "generator": "template",
    }


def test_registry_has_the_five_optimizers_with_their_schemas() -> None:
    assert list(OPTIMIZERS) == ["modality", "cross_modal", "routing", "workflow", "unified"]
    assert get_optimizer("cross_modal").schema is FusionHistorySchema
    assert get_optimizer("workflow").schema is WorkflowExecutionSchema
    for spec in OPTIMIZERS.values():
        assert spec.primary_label in spec.schema.model_fields
        assert set(spec.input_fields) <= set(spec.schema.model_fields)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_says_all_the_rest_of_synth_studio_asks_of_it(name: str) -> None:
    """One entry per optimizer is the single source of truth: a sixth optimizer that leaves something
    out fails here (its confidence weights are checked in tests/approval/test_confidence.py)."""
    spec = get_optimizer(name)
    exported = set(spec.export_fields)
    assert exported and not exported & set(spec.schema.BOOKKEEPING_FIELDS)
    assert set(spec.input_fields) <= exported and spec.primary_label in exported
    assert spec.label_fields and set(spec.label_fields) <= exported
    assert spec.coverage_labels and {path.split(".")[0] for path in spec.coverage_labels} <= exported
    assert spec.default_strategies and set(spec.default_strategies) <= set(STRATEGIES)
    assert spec.default_count > 0 and 0.0 < spec.default_threshold <= 1.0
    assert callable(spec.label_check) and spec.generator is not None
    assert spec.confidence_weights and min(spec.confidence_weights.values()) >= 0.0


def test_unknown_optimizer_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownOptimizerError) as info:
        get_optimizer("modalty")
    assert "modality, cross_modal, routing, workflow, unified" in str(info.value)
    assert info.value.to_dict()["code"] == "unknown_optimizer"


def test_modality_example_round_trips_and_strips_bookkeeping() -> None:
    example = ModalityExampleSchema(
        query="show me the Monaco Grand Prix video",
        modality="VIDEO",
        correct_agent="video_search_agent",
        success=True,
        synthetic_source="template:run-1",
        provenance=provenance(),
        signals=signals(),
    )
    record = example.training_record()
    assert record["modality"] == "VIDEO" and "provenance" not in record and "signals" not in record
    assert ModalityExampleSchema.model_validate(example.model_dump(mode="json")) == example


def test_timestamps_must_be_timezone_aware() -> None:
    naive = {**provenance(), "created_at": datetime(2025, 1, 1)}
    with pytest.raises(ValidationError):
        ModalityExampleSchema(
            query="q",
            modality="VIDEO",
            correct_agent="a",
            success=True,
            synthetic_source="t",
            provenance=naive,
            signals=signals(),
        )


def test_label_fields_are_range_checked() -> None:
    with pytest.raises(ValidationError):
        RoutingExperienceSchema(
            query="find Kubernetes talks",
            entities=[{"text": "Kubernetes", "type": "PRODUCT"}],
            enhanced_query="find Kubernetes(PRODUCT) talks",
            chosen_agent="video_search_agent",
            routing_confidence=1.5,
            search_quality=0.5,
            agent_success=True,
            processing_time=0.01,
            provenance=provenance(),
            signals=signals(),
        )
    with pytest.raises(ValidationError):
        WorkflowExecutionSchema(
            query="q",
            workflow_id="w",
            query_type="find",
            agent_sequence=[],
            task_count=0,
            execution_time=0.1,
            parallel_efficiency=1.0,
            success=True,
            confidence_score=0.5,
            provenance=provenance(),
            signals=signals(),
        )
    with pytest.raises(ValidationError):
        UnifiedExampleSchema.model_validate({"query": "q", "modality": "SMELL"})


@pytest.mark.parametrize("count", [0, 100_001])
def test_request_count_range(count: int) -> None:
    with pytest.raises(ValidationError):
        SyntheticDataRequest(optimizer="modality", count=count)


def test_every_schema_exports_json_schema() -> None:
    for spec in OPTIMIZERS.values():
        schema = spec.schema.model_json_schema()
        assert "query" in schema["properties"] and "provenance" in schema["properties"]
