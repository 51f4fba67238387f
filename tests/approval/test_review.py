"""The review service: approve, reject with reasons, edit (validated, re-scored, diffed), bulk, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from approval.confidence import score_example
from approval.decision import Decision
from approval.models import ExampleFilter, PageRequest
from approval.review import ReviewService
from approval.store import ReviewStore
from synth_core.errors import InvalidRequestError, UnknownOptimizerError
from synth_core.settings import load_settings
from tests.support.review_data import new_examples, seed_store

TENANT = "acme"


@pytest.fixture
def service(store: ReviewStore, tmp_path: Path) -> Iterator[ReviewService]:
    yield ReviewService(store, load_settings(home=tmp_path / "home"))


def test_approve_and_reject_use_the_current_version(service: ReviewService) -> None:
    first, second = seed_store(service.store, 2)
    assert (
        service.decide(tenant_id=TENANT, example_id=first, decision=Decision(action="approve", reviewer="ann")).status
        == "approved"
    )
    rejected = service.decide(
        tenant_id=TENANT,
        example_id=second,
        decision=Decision(action="reject", reviewer="ann", reason_code="off_topic", feedback="about dogs"),
    )
    assert (rejected.status, rejected.reason_code) == ("rejected", "off_topic")
    _, log = service.show(tenant_id=TENANT, example_id=second)
    assert (log[-1].reason_code, log[-1].feedback) == ("off_topic", "about dogs")


def test_an_edit_is_validated_rescored_diffed_and_approved(service: ReviewService) -> None:
    (example_id,) = seed_store(service.store, 1)
    before = service.store.get(tenant_id=TENANT, example_id=example_id)
    edited = service.decide(
        tenant_id=TENANT,
        example_id=example_id,
        decision=Decision(
            action="edit",
            reviewer="ann",
            feedback="it is a podcast",
            changes={"modality": "AUDIO", "correct_agent": "audio_analysis_agent"},
        ),
    )
    assert edited.status == "approved" and edited.version == 2
    assert (edited.payload["modality"], edited.payload["correct_agent"]) == ("AUDIO", "audio_analysis_agent")
    assert edited.payload["query"] == before.payload["query"]
    (decision,) = service.store.decisions(tenant_id=TENANT, example_id=example_id)
    assert decision.action == "edit"
    assert decision.diff == {
        "correct_agent": ["video_search_agent", "audio_analysis_agent"],
        "modality": ["VIDEO", "AUDIO"],
    }
    assert decision.feedback == "it is a podcast"
    # The stored score is the confidence extractor's verdict on the edited example, not the old one.
    from synth_core.registry import get_optimizer

    rescored = score_example("modality", get_optimizer("modality").schema.model_validate(edited.payload))
    assert edited.confidence == rescored.score != before.confidence
    assert edited.confidence_breakdown == rescored.breakdown()


def test_a_query_edit_updates_the_searchable_text(service: ReviewService) -> None:
    (example_id,) = seed_store(service.store, 1)
    service.decide(
        tenant_id=TENANT,
        example_id=example_id,
        decision=Decision(action="edit", reviewer="ann", changes={"query": "a podcast about tides"}),
    )
    assert service.store.count(tenant_id=TENANT, filter=ExampleFilter(text="podcast about tides")) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"modality": "SMELL"}, "modality"),
        ({"color": "red"}, "Unknown field"),
        ({"provenance": {}}, "cannot be edited"),
        ({}, "at least one field"),
        ({"modality": "VIDEO"}, "changes nothing"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(
    service: ReviewService, changes: dict[str, Any], message: str
) -> None:
    (example_id,) = seed_store(service.store, 1)
    with pytest.raises(InvalidRequestError, match=message):
        service.decide(
            tenant_id=TENANT, example_id=example_id, decision=Decision(action="edit", reviewer="ann", changes=changes)
        )
    assert service.store.get(tenant_id=TENANT, example_id=example_id).version == 1
    assert service.store.decisions(tenant_id=TENANT) == []


def test_undo_of_an_edit_restores_payload_and_score(service: ReviewService) -> None:
    (example_id,) = seed_store(service.store, 1)
    before = service.store.get(tenant_id=TENANT, example_id=example_id)
    service.decide(
        tenant_id=TENANT,
        example_id=example_id,
        decision=Decision(action="edit", reviewer="ann", changes={"query": "Tides Podcast"}),
    )
    assert service.store.count(tenant_id=TENANT, filter=ExampleFilter(text="TIDES podcast")) == 1
    undone = service.undo(tenant_id=TENANT, reviewer="ann")
    assert (undone.action, undone.examples) == ("edit", 1)
    restored = undone.example
    assert restored is not None and restored.payload == before.payload
    assert (restored.status, restored.confidence) == ("pending_review", before.confidence)
    assert restored.confidence_breakdown == before.confidence_breakdown
    assert service.store.count(tenant_id=TENANT, filter=ExampleFilter(text="tides podcast")) == 0
    undo = service.store.decisions(tenant_id=TENANT)[-1]
    assert undo.action == "undo" and undo.diff == {"query": ["Tides Podcast", before.payload["query"]]}


def test_bulk_counts_first_then_decides_the_same_set(service: ReviewService) -> None:
    seed_store(service.store, 120, statuses=("pending_review", "auto_approved"))
    low = ExampleFilter(max_confidence=0.3)
    expected = service.bulk_count(tenant_id=TENANT, filter=low, action="reject")
    changed = service.bulk(
        tenant_id=TENANT, filter=low, decision=Decision(action="reject", reviewer="ann", reason_code="duplicate")
    )
    assert changed == expected == sum(1 for i in range(120) if (i % 100) / 100 <= 0.3)
    assert service.bulk_count(tenant_id=TENANT, filter=low, action="reject") == 0


def test_editing_an_unknown_optimizer_says_so(service: ReviewService) -> None:
    store = service.store
    store.start_run(run_id="run-m", tenant_id=TENANT, optimizer="mystery", request={}, settings_snapshot={})
    store.add_examples(run_id="run-m", tenant_id=TENANT, optimizer="mystery", examples=new_examples(1))
    (example,) = store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter())).items
    with pytest.raises(UnknownOptimizerError):
        service.decide(
            tenant_id=TENANT,
            example_id=example.id,
            decision=Decision(action="edit", reviewer="ann", changes={"query": "x"}),
        )
