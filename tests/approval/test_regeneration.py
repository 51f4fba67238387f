"""Regeneration from feedback, end to end: the real engine on the demo corpus, a real review store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from approval.decision import Decision
from approval.models import DecisionPublic, ExampleFilter, ExamplePublic, NewExample, PageRequest
from approval.regeneration import build_regeneration_request, regenerate, regeneration_stats
from approval.review import ReviewService
from approval.sink import ReviewStoreSink
from approval.store import ReviewStore
from synth_core.backends.factory import open_backend
from synth_core.backends.memory import MemoryBackend
from synth_core.cli import cli
from synth_core.ingest import load_demo_corpus
from synth_core.registry import OPTIMIZERS, get_optimizer
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.service import GenerationService
from synth_core.settings import Settings
from tests.approval.builders import make_example

TENANT = "acme"
NOW = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_backend() -> MemoryBackend:
    backend = MemoryBackend()
    load_demo_corpus(backend)
    return backend


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReviewStore]:
    with ReviewStore(f"sqlite:///{tmp_path / 'review.db'}") as opened:
        yield opened


@pytest.fixture
def service(settings: Settings, demo_backend: MemoryBackend, store: ReviewStore) -> GenerationService:
    return GenerationService(settings=settings, backend=demo_backend, sink=ReviewStoreSink(settings, store=store))


def generated(service: GenerationService, store: ReviewStore, count: int = 6) -> list[ExamplePublic]:
    service.generate(SyntheticDataRequest(optimizer="modality", count=count, seed=3, tenant_id=TENANT))
    return store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(), limit=count)).items


def rejected(store: ReviewStore, settings: Settings, example: ExamplePublic, feedback: str) -> ExamplePublic:
    return ReviewService(store, settings).decide(
        tenant_id=TENANT,
        example_id=example.id,
        decision=Decision(action="reject", reviewer="ann", reason_code="unnatural_query", feedback=feedback),
    )


def decision(number: int, action: str, **fields: object) -> DecisionPublic:
    return DecisionPublic.model_validate(
        {
            "id": number,
            "example_id": "ex-1",
            "tenant_id": TENANT,
            "reviewer": "ann",
            "action": action,
            "from_status": "pending_review",
            "to_status": "rejected",
            "created_at": NOW,
            **fields,
        }
    )


def stored(example_payload: dict[str, object], **fields: object) -> ExamplePublic:
    return ExamplePublic.model_validate(
        {
            "id": "ex-1",
            "run_id": "run-1",
            "tenant_id": TENANT,
            "optimizer": "modality",
            "payload": example_payload,
            "status": "rejected",
            "confidence": 0.4,
            "confidence_breakdown": [],
            "version": 3,
            "source_content_ids": ["item-1", "item-2"],
            "created_at": NOW,
            "updated_at": NOW,
            **fields,
        }
    )


def test_the_request_carries_reasons_feedback_corrections_and_what_to_avoid() -> None:
    example = stored(make_example("modality").model_dump(mode="json"), reason_code="wrong_label")
    feedback = 'Ask for the "podcast" plainly;\nno dates, please.'
    decisions = [
        decision(1, "edit", diff={"modality": ["VIDEO", "AUDIO"], "query": ["old words", "new words"]}),
        decision(2, "reject", reason_code="wrong_label", feedback=feedback),
        decision(3, "reject", reason_code="entity_problem", feedback="Name the company."),
        decision(4, "undo", undoes_id=3),
    ]

    request = build_regeneration_request(example, decisions, previous_queries=["an older rejected query"])

    assert request.optimizer == "modality" and request.tenant_id == TENANT
    assert request.source_content_ids == ["item-1", "item-2"]
    assert request.reason_codes == ["wrong_label"]  # the undone rejection does not count
    assert request.feedback == feedback  # verbatim
    assert request.corrections == {"modality": "AUDIO"}  # a rewritten query is not a label correction
    assert request.avoid_queries == ["an older rejected query", example.query]


def test_each_attempt_asks_with_its_own_seed() -> None:
    example = stored(make_example("modality").model_dump(mode="json"))
    first = build_regeneration_request(example, [], attempt=1)
    second = build_regeneration_request(example, [], attempt=2)

    assert first.seed != second.seed
    assert first.seed == build_regeneration_request(example, [], attempt=1).seed


def test_a_rejected_example_is_regenerated_scored_and_linked(
    service: GenerationService, store: ReviewStore, settings: Settings
) -> None:
    original = rejected(store, settings, generated(service, store)[0], "Say which media you want.")

    result = regenerate(store, service, tenant_id=TENANT, reviewer="bob", settings=settings, example_ids=[original.id])

    (outcome,) = result.outcomes
    assert outcome.outcome == "regenerated" and outcome.attempt == 1
    (child_id,) = outcome.new_ids
    child = store.get(tenant_id=TENANT, example_id=child_id)
    assert child.parent_id == original.id and child.regeneration_attempt == 1
    assert child.source_content_ids == original.source_content_ids
    assert child.query != original.query
    get_optimizer("modality").schema.model_validate(child.payload)
    assert child.status == "pending_review" and child.confidence_breakdown
    actions = [(item.action, item.reviewer) for item in store.decisions(tenant_id=TENANT, example_id=original.id)]
    assert actions[-1] == ("regenerate", "bob")
    assert store.get(tenant_id=TENANT, example_id=original.id).status == "rejected"
    assert store.get_run(tenant_id=TENANT, run_id=child.run_id)["request"]["regeneration_of"] == original.id


def test_a_reviewer_correction_reaches_the_new_example(
    service: GenerationService, store: ReviewStore, settings: Settings
) -> None:
    example = generated(service, store)[0]
    label = "AUDIO" if example.payload["modality"] != "AUDIO" else "VIDEO"
    review = ReviewService(store, settings)
    agent = settings.agents.modality_agents[label]
    review.decide(
        tenant_id=TENANT,
        example_id=example.id,
        decision=Decision(action="edit", reviewer="ann", changes={"modality": label, "correct_agent": agent}),
    )
    rejected(store, settings, example, f"It should be {label}.")

    result = regenerate(store, service, tenant_id=TENANT, reviewer="ann", settings=settings, example_ids=[example.id])

    child = store.get(tenant_id=TENANT, example_id=result.outcomes[0].new_ids[0])
    assert child.payload["modality"] == label


def test_an_example_is_regenerated_once_and_at_most_max_attempts_times(
    service: GenerationService, store: ReviewStore, settings: Settings
) -> None:
    original = rejected(store, settings, generated(service, store)[0], "Too vague.")
    first = regenerate(store, service, tenant_id=TENANT, reviewer="ann", settings=settings, example_ids=[original.id])

    again = regenerate(store, service, tenant_id=TENANT, reviewer="ann", settings=settings, example_ids=[original.id])
    assert again.outcomes[0].outcome == "skipped" and "already regenerated" in again.outcomes[0].message

    child = rejected(
        store, settings, store.get(tenant_id=TENANT, example_id=first.outcomes[0].new_ids[0]), "Still vague."
    )
    refused = regenerate(
        store, service, tenant_id=TENANT, reviewer="ann", settings=settings, example_ids=[child.id], max_attempts=1
    )
    (outcome,) = refused.outcomes
    assert outcome.outcome == "refused" and outcome.attempt == 2
    assert "the limit is 1" in outcome.message and "max_regeneration_attempts" in outcome.message
    assert [item.action for item in store.decisions(tenant_id=TENANT, example_id=child.id)][-1] == "reject"

    second = regenerate(store, service, tenant_id=TENANT, reviewer="ann", settings=settings, example_ids=[child.id])
    grandchild = store.get(tenant_id=TENANT, example_id=second.outcomes[0].new_ids[0])
    assert grandchild.regeneration_attempt == 2 and grandchild.parent_id == child.id


def test_only_rejected_examples_are_regenerated(
    service: GenerationService, store: ReviewStore, settings: Settings
) -> None:
    pending = generated(service, store)[0]

    result = regenerate(
        store, service, tenant_id=TENANT, reviewer="ann", example_ids=[pending.id]
    )  # service's settings

    assert result.outcomes[0].outcome == "skipped" and "only rejected" in result.outcomes[0].message
    assert store.children(tenant_id=TENANT, parent_id=pending.id) == []


def test_all_rejected_of_a_filter_are_regenerated(
    service: GenerationService, store: ReviewStore, settings: Settings
) -> None:
    examples = generated(service, store)
    for example in examples[:3]:
        rejected(store, settings, example, "No.")

    result = regenerate(
        store, service, tenant_id=TENANT, reviewer="ann", settings=settings, filter=ExampleFilter(optimizer="modality")
    )

    assert sorted(item.example_id for item in result.outcomes) == sorted(example.id for example in examples[:3])
    assert result.summary()["regenerated"] == 3


def test_regenerated_examples_always_wait_for_a_person(
    service: GenerationService, store: ReviewStore, settings: Settings
) -> None:
    permissive = settings.model_copy(update={"thresholds": dict.fromkeys(OPTIMIZERS, 0.0)})
    target = rejected(store, settings, generated(service, store)[0], "No.")

    result = regenerate(store, service, tenant_id=TENANT, reviewer="a", settings=permissive, example_ids=[target.id])

    assert result.outcomes[0].new_statuses == ["pending_review"]
    assert result.outcomes[0].new_confidences[0] > 0.0


def test_an_engine_failure_is_reported_and_changes_nothing(
    service: GenerationService, store: ReviewStore, settings: Settings
) -> None:
    store.start_run(run_id="run-x", tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
    payload = make_example("modality", run_id="run-x", source_content_ids=("not-in-the-corpus",)).model_dump(
        mode="json"
    )
    (example_id,) = store.add_examples(
        run_id="run-x",
        tenant_id=TENANT,
        optimizer="modality",
        examples=[NewExample(payload=payload, status="pending_review", confidence=0.5)],
    )
    example = rejected(store, settings, store.get(tenant_id=TENANT, example_id=example_id), "No.")

    result = regenerate(store, service, tenant_id=TENANT, reviewer="ann", settings=settings, example_ids=[example.id])

    assert result.outcomes[0].outcome == "failed" and "not-in-the-corpus" in result.outcomes[0].message
    assert [item.action for item in store.decisions(tenant_id=TENANT, example_id=example.id)] == ["reject"]


def test_regeneration_stats_count_replacements_and_their_approvals(
    service: GenerationService, store: ReviewStore, settings: Settings
) -> None:
    first, second, _ = (rejected(store, settings, example, "No.") for example in generated(service, store, 3))
    result = regenerate(
        store,
        service,
        tenant_id=TENANT,
        reviewer="ann",
        settings=settings,
        example_ids=[first.id, second.id],
    )
    approved_id, rejected_id = (outcome.new_ids[0] for outcome in result.outcomes)
    review = ReviewService(store, settings)
    review.decide(tenant_id=TENANT, example_id=approved_id, decision=Decision(action="approve", reviewer="ann"))
    review.decide(
        tenant_id=TENANT,
        example_id=rejected_id,
        decision=Decision(action="reject", reviewer="ann", reason_code="other"),
    )

    stats = regeneration_stats(store, tenant_id=TENANT, optimizer="modality")

    assert (stats.regenerated, stats.approved, stats.rejected, stats.pending) == (2, 1, 1, 0)
    assert stats.approval_rate == 0.5
    assert regeneration_stats(store, tenant_id="someone-else").regenerated == 0


def test_the_regenerate_command_regenerates_and_refuses_in_one_line(settings: Settings) -> None:
    content = open_backend(settings)
    load_demo_corpus(content, settings)
    with ReviewStore(settings.review_url) as review_store:
        sink = ReviewStoreSink(settings, store=review_store)
        GenerationService(settings=settings, backend=content, sink=sink).generate(
            SyntheticDataRequest(optimizer="modality", count=3, seed=3, tenant_id=settings.default_tenant)
        )
        example = review_store.list_page(
            tenant_id=settings.default_tenant, request=PageRequest(filter=ExampleFilter(), limit=1)
        ).items[0]
        ReviewService(review_store, settings).decide(
            tenant_id=settings.default_tenant,
            example_id=example.id,
            decision=Decision(action="reject", reviewer="ann", reason_code="other"),
        )
    runner = CliRunner()

    done = runner.invoke(
        cli, ["regenerate", "--ids", example.id, "--reviewer", "bob", "--json"], obj={"settings": settings}
    )
    assert done.exit_code == 0, done.output
    (outcome,) = json.loads(done.stdout)["outcomes"]
    assert outcome["outcome"] == "regenerated" and len(outcome["new_ids"]) == 1

    again = runner.invoke(cli, ["regenerate", "--all-rejected", "--reviewer", "bob"], obj={"settings": settings})
    assert again.exit_code == 0 and "already regenerated" in again.stdout

    both = runner.invoke(
        cli, ["regenerate", "--all-rejected", "--ids", "x", "--reviewer", "bob"], obj={"settings": settings}
    )
    assert (
        both.exit_code == 2
        and both.stderr == "error: Name the examples to regenerate. Pass either --ids ID... or --all-rejected.\n"
    )


def test_a_teams_agents_config_reaches_the_scoring_of_replacements(
    settings: Settings, demo_backend: MemoryBackend, store: ReviewStore
) -> None:
    renamed = {modality: f"team_{agent}" for modality, agent in settings.agents.modality_agents.items()}
    team = settings.model_copy(update={"agents": settings.agents.model_copy(update={"modality_agents": renamed})})
    service = GenerationService(settings=team, backend=demo_backend, sink=ReviewStoreSink(team, store=store))
    original = rejected(store, team, generated(service, store)[0], "Too vague.")
    assert original.payload["correct_agent"].startswith("team_")

    result = ReviewService(store, team).regenerate(service, tenant_id=TENANT, reviewer="ann", example_ids=[original.id])

    child = store.get(tenant_id=TENANT, example_id=result.outcomes[0].new_ids[0])
    assert child.payload["correct_agent"].startswith("team_")
    (validity,) = [part for part in child.confidence_breakdown if part["name"] == "label_validity"]
    assert "does not serve" not in validity["reason"], validity  # the team's agents, not the bundled ones
