"""Hand-built, internally consistent examples for every optimizer (clean unless told otherwise)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from synth_core.schemas import (
    FusionHistorySchema,
    ModalityExampleSchema,
    RoutingExperienceSchema,
    UnifiedExampleSchema,
    WorkflowExecutionSchema,
)
from synth_core.schemas.common import ExampleBase

CLEAN_SIGNALS: dict[str, Any] = {
    "explicit_media_cue": True,
    "media_word": "video",
    "modality_ambiguity": 0.1,
    "source_rank": 1,
    "entity_coverage": 1.0,
    "label_checked": True,
    "generator": "llm",
    "retries": 0,
    "fallback_used": False,
    "source_modalities": ["VIDEO"],
    "content_kinds": ["tutorial"],
    "anchoring": {"anchored": ["kubernetes"], "loose": []},
}
# Per optimizer: the signals only some examples carry (the pair's two items, the entities' evidence).
_OWN_SIGNALS: dict[str, dict[str, Any]] = {
    "cross_modal": {"source_modalities": ["VIDEO", "DOCUMENT"]},
    "routing": {
        "entity_evidence": {
            "kubernetes": {"type": "PRODUCT", "source": "gazetteer:product", "strength": 0.9},
            "google": {"type": "ORGANIZATION", "source": "gazetteer:organization", "strength": 0.9},
        }
    },
    "unified": {"entity_evidence": {"kubernetes": {"type": "PRODUCT", "source": "gazetteer:product", "strength": 0.9}}},
}

_FIELDS: dict[str, tuple[type[ExampleBase], dict[str, Any]]] = {
    "modality": (
        ModalityExampleSchema,
        {
            "query": "show me the video about kubernetes autoscaling",
            "modality": "VIDEO",
            "correct_agent": "video_search_agent",
            "success": True,
            "modality_features": {"media_word": "video", "length": 6},
            "synthetic_source": "llm:test:run-1",
        },
    ),
    "cross_modal": (
        FusionHistorySchema,
        {
            "query": "kubernetes autoscaling walkthrough video and the matching design paper",
            "primary_modality": "VIDEO",
            "secondary_modality": "DOCUMENT",
            "fusion_context": {
                "modality_agreement": 0.7,
                "query_ambiguity": 0.4,
                "content_overlap": 0.6,
                "fusion_confidence": 0.8,
            },
            "success": True,
            "improvement": 0.25,
        },
    ),
    "routing": (
        RoutingExperienceSchema,
        {
            "query": "how does Kubernetes scale pods in a Google cluster video",
            "entities": [{"text": "Kubernetes", "type": "PRODUCT"}, {"text": "Google", "type": "ORGANIZATION"}],
            "relationships": [{"source": "Kubernetes", "relation": "co_occurs", "target": "Google"}],
            "enhanced_query": "how does Kubernetes(PRODUCT) scale pods in a Google(ORGANIZATION) cluster video",
            "chosen_agent": "video_search_agent",
            "routing_confidence": 0.9,
            "search_quality": 1.0,
            "agent_success": True,
            "processing_time": 0.01,
        },
    ),
    "workflow": (
        WorkflowExecutionSchema,
        {
            "query": "summarize the video on kubernetes autoscaling",
            "workflow_id": "wf-1",
            "query_type": "summarize",
            "agent_sequence": ["video_search_agent", "summarizer"],
            "task_count": 2,
            "execution_time": 0.02,
            "parallel_efficiency": 0.5,
            "success": True,
            "confidence_score": 0.9,
        },
    ),
    "unified": (
        UnifiedExampleSchema,
        {
            "query": "summarize the Kubernetes autoscaling video",
            "modality": "VIDEO",
            "chosen_agent": "video_search_agent",
            "entities": [{"text": "Kubernetes", "type": "PRODUCT"}],
            "routing_confidence": 1.0,
            "query_type": "summarize",
            "agent_sequence": ["video_search_agent", "summarizer"],
            "requires_orchestration": True,
            "success": True,
        },
    ),
}

OPTIMIZERS = tuple(_FIELDS)


def make_example(
    optimizer: str,
    *,
    signals: dict[str, Any] | None = None,
    run_id: str = "run-1",
    source_content_ids: tuple[str, ...] = ("item-1",),
    **fields: Any,
) -> ExampleBase:
    """A valid example of ``optimizer``; ``fields`` and ``signals`` override the clean defaults."""
    schema, defaults = _FIELDS[optimizer]
    merged_signals = {**CLEAN_SIGNALS, **_OWN_SIGNALS.get(optimizer, {}), **(signals or {})}
    provenance = {
        "run_id": run_id,
        "source_content_ids": list(source_content_ids),
        "profile": "video_videoprism_base_mv_chunk_30s",
        "strategy": "diverse",
        "generator": merged_signals["generator"],
        "model": "test-model",
        "created_at": datetime(2025, 1, 1, tzinfo=UTC),
    }
    return schema.model_validate({**defaults, **fields, "provenance": provenance, "signals": merged_signals})
