"""The focus view's data: an example with its evidence, confidence in plain words, and edit fields."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from approval.edit_form import changed_values
from approval.models import ExampleFilter, PageRequest
from approval.review import ReviewService
from approval.review_evidence import plain_confidence
from approval.sink import ReviewStoreSink
from synth_core.backends.factory import open_backend
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.schemas.common import ENTITY_TYPES, QUERY_INTENTS, QUERY_MODALITIES
from synth_core.settings import Settings
from synth_core.wiring import build_service


@pytest.fixture
def review(demo_settings: Settings) -> Iterator[ReviewService]:
    sink = ReviewStoreSink(demo_settings)
    build_service(demo_settings, sink=sink).generate(SyntheticDataRequest(optimizer="unified", count=6, seed=3))
    sink.store.close()
    service = ReviewService.from_settings(demo_settings)
    yield service
    service.close()


def first_example_id(review: ReviewService) -> str:
    return review.list_page(tenant_id="default", request=PageRequest(filter=ExampleFilter(), limit=1)).items[0].id


def test_evidence_holds_the_sources_the_search_and_the_entities(review: ReviewService, demo_settings: Settings) -> None:
    example_id = first_example_id(review)
    evidence = review.evidence(open_backend(demo_settings), tenant_id="default", example_id=example_id)
    assert [source.id for source in evidence.sources] == evidence.example.source_content_ids
    assert evidence.hits and [hit.rank for hit in evidence.hits] == sorted(hit.rank for hit in evidence.hits)
    if evidence.source_rank is not None and evidence.source_rank <= len(evidence.hits):
        assert evidence.hits[evidence.source_rank - 1].is_source
    labelled = {entity["text"] for entity in evidence.example.payload["entities"]}
    assert {finding.text for finding in evidence.entities} == labelled
    assert len(evidence.confidence) == len(evidence.example.confidence_breakdown)


def test_confidence_reads_as_sentences_weakest_first() -> None:
    reasons = plain_confidence(
        [
            {"name": "source_rank", "score": 0.9, "weight": 0.3, "reason": "the source ranks 1st"},
            {"name": "media_cue", "score": 0.2, "weight": 0.1, "reason": "no media word"},
        ]
    )
    assert [reason.sentence for reason in reasons] == [
        "Media cue: weak (0.20, weight 0.10). no media word",
        "Source rank: strong (0.90, weight 0.30). the source ranks 1st",
    ]


def test_edit_fields_offer_only_valid_choices(review: ReviewService, demo_settings: Settings) -> None:
    example, _ = review.show(tenant_id="default", example_id=first_example_id(review))
    fields = {field.name: field for field in review.edit_fields(example)}
    assert "provenance" not in fields and "signals" not in fields
    assert fields["modality"].choices == list(QUERY_MODALITIES)
    assert fields["query_type"].choices == list(QUERY_INTENTS)
    assert fields["entities"].choices == list(ENTITY_TYPES)
    assert example.payload["chosen_agent"] in fields["chosen_agent"].choices
    assert fields["requires_orchestration"].kind == "bool"
    submitted = {name: field.value for name, field in fields.items()} | {"modality": "AUDIO"}
    assert changed_values(list(fields.values()), submitted) == (
        {} if example.payload["modality"] == "AUDIO" else {"modality": "AUDIO"}
    )
