"""The learned confidence in the review store: trained when enough decisions accrued, blended into a
run's scores, retrained as decisions accrue, an audit share left for review, a 'likely_wrong' order."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from approval.confidence import Confidence, ConfidenceComponent, combine
from approval.decision import Decision
from approval.learning.learner import AUDIT, Scored, current_model, draw_audit, learned_evaluation
from approval.learning.model import LEARNED
from approval.models import ExampleFilter, PageRequest
from approval.sink import ReviewStoreSink
from approval.store import ReviewStore
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.settings import LearningSettings, Settings, load_settings
from tests.approval.builders import make_example
from tests.approval.learning.decisions import MARKER, query

TENANT = "acme"


@pytest.fixture
def settings(tmp_path: Path, review_url: str) -> Settings:
    """The team's own model: the judged prior off, so below ``min_decisions`` scores are rule-based."""
    learning = {"min_decisions": 30, "judged_prior": False}
    return load_settings(home=tmp_path / "home", review={"url": review_url}, learning=learning)


@pytest.fixture
def sink(settings: Settings) -> Iterator[ReviewStoreSink]:
    opened = ReviewStoreSink(settings)
    yield opened
    opened.close()


def run_batch(sink: ReviewStoreSink, run_id: str, queries: list[str]) -> None:
    request = SyntheticDataRequest(optimizer="modality", count=len(queries), tenant_id=TENANT, seed=3)
    sink.start_run(run_id=run_id, request=request, settings_snapshot={})
    examples = [make_example("modality", query=text) for text in queries]
    sink.write_batch(run_id=run_id, optimizer="modality", tenant_id=TENANT, examples=examples)
    sink.finish_run(run_id=run_id, summary={"count": len(queries)})


def review_everything(store: ReviewStore, run_id: str) -> None:
    """Reviewers reject every example whose query holds the marker word and approve the others."""
    page = store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(run_id=run_id), limit=1000))
    for example in page.items:
        if example.status == "auto_approved":
            continue
        rejected = MARKER in example.query
        decision = Decision(
            action="reject" if rejected else "approve",
            reviewer="ann",
            expected_version=example.version,
            reason_code="unnatural_query" if rejected else None,
        )
        store.decide(tenant_id=TENANT, example_id=example.id, decision=decision)


def queries(count: int, start: int = 0) -> list[str]:
    return [query(index, marked=index % 3 == 0) + f" {index}" for index in range(start, start + count)]


def test_too_few_decisions_keep_the_rule_based_score(sink: ReviewStoreSink) -> None:
    with_threshold = {"threshold": 1.01}
    request = SyntheticDataRequest(optimizer="modality", count=20, tenant_id=TENANT, seed=3)
    sink.start_run(run_id="first", request=request, settings_snapshot=with_threshold)
    examples = [make_example("modality", query=text) for text in queries(20)]
    sink.write_batch(run_id="first", optimizer="modality", tenant_id=TENANT, examples=examples)
    sink.finish_run(run_id="first", summary={})
    review_everything(sink.store, "first")
    assert sink.store.decided_total(tenant_id=TENANT) == 20 < sink.settings.learning.min_decisions

    run_batch(sink, "second", queries(6, start=100))
    stored = sink.store.list_page(
        tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(run_id="second"), limit=10)
    ).items
    assert len(stored) == 6
    for example in stored:
        components = [ConfidenceComponent.model_validate(part) for part in example.confidence_breakdown]
        assert LEARNED not in {component.name for component in components}
        assert example.confidence == combine(components), "the rule-based score of its own components"
    assert sink.store.confidence_model(tenant_id=TENANT) is None


def test_below_min_decisions_the_judged_prior_stands_in(tmp_path: Path, review_url: str) -> None:
    settings = load_settings(home=tmp_path / "home", review={"url": review_url})
    assert settings.learning.judged_prior
    opened = ReviewStoreSink(settings)
    try:
        run_batch(opened, "first", queries(6))
        page = PageRequest(filter=ExampleFilter(run_id="first"), limit=10)
        stored = opened.store.list_page(tenant_id=TENANT, request=page).items
        assert opened.store.confidence_model(tenant_id=TENANT) is None  # no team model: the prior is shipped
    finally:
        opened.close()
    assert len(stored) == 6
    for example in stored:
        learned = next(part for part in example.confidence_breakdown if part["name"] == LEARNED)
        assert "judged examples shipped with Synth Studio" in learned["reason"]
        assert example.confidence == round(0.5 * learned["rule_score"] + 0.5 * learned["score"], 4)


def test_enough_decisions_train_a_model_that_holds_back_what_reviewers_reject(sink: ReviewStoreSink) -> None:
    request = SyntheticDataRequest(optimizer="modality", count=45, tenant_id=TENANT, seed=3)
    sink.start_run(run_id="first", request=request, settings_snapshot={"threshold": 1.01})  # all to review
    examples = [make_example("modality", query=text) for text in queries(45)]
    sink.write_batch(run_id="first", optimizer="modality", tenant_id=TENANT, examples=examples)
    sink.finish_run(run_id="first", summary={})
    review_everything(sink.store, "first")

    run_batch(sink, "second", queries(12, start=300))
    stored_model = sink.store.confidence_model(tenant_id=TENANT)
    assert stored_model is not None and stored_model.decisions == 45
    page = sink.store.list_page(
        tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(run_id="second"), limit=20)
    ).items
    marked = [example for example in page if MARKER in example.query]
    clean = [example for example in page if MARKER not in example.query]
    assert max(example.confidence for example in marked) < min(example.confidence for example in clean)
    assert {example.status for example in marked} == {"pending_review"}
    learned = next(part for part in marked[0].confidence_breakdown if part["name"] == LEARNED)
    assert learned["score"] < 0.2 and learned["rule_score"] > 0.85

    # Most likely wrong first: the marked ones lead the queue, page after page.
    walked, after = [], None
    while True:
        found = sink.store.list_page(
            tenant_id=TENANT,
            request=PageRequest(filter=ExampleFilter(run_id="second"), limit=3, after=after, order="likely_wrong"),
        )
        walked += found.items
        if found.next_after is None:
            break
        after = found.next_after
    assert [example.id for example in walked[: len(marked)]] == [
        example.id for example in sorted(marked, key=lambda example: (chance(example), example.id))
    ]
    assert sorted(example.id for example in walked) == sorted(example.id for example in page)


def chance(example) -> float:  # type: ignore[no-untyped-def]
    return next(part["score"] for part in example.confidence_breakdown if part["name"] == LEARNED)


def test_the_model_is_retrained_as_decisions_accrue(settings: Settings) -> None:
    learning = LearningSettings(min_decisions=30, retrain_every=10)
    with ReviewStore(settings.review_url) as store:
        sink = ReviewStoreSink(settings, store=store)
        request = SyntheticDataRequest(optimizer="modality", count=60, tenant_id=TENANT, seed=3)
        sink.start_run(run_id="first", request=request, settings_snapshot={"threshold": 1.01})
        examples = [make_example("modality", query=text) for text in queries(60)]
        sink.write_batch(run_id="first", optimizer="modality", tenant_id=TENANT, examples=examples)
        sink.finish_run(run_id="first", summary={})
        page = store.list_page(
            tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(run_id="first"), limit=100)
        ).items
        for number, example in enumerate(page):
            rejected = MARKER in example.query
            decision = Decision(
                action="reject" if rejected else "approve",
                reviewer="ann",
                expected_version=example.version,
                reason_code="other" if rejected else None,
            )
            store.decide(tenant_id=TENANT, example_id=example.id, decision=decision)
            if number + 1 in (35, 40, 45):
                current_model(store, tenant_id=TENANT, settings=learning)
        stored = store.confidence_model(tenant_id=TENANT)
        assert stored is not None and stored.decisions == 45  # trained at 35 and 45; 40 was too soon
        evaluation = learned_evaluation(store, tenant_id=TENANT, settings=learning, thresholds={"modality": 0.85})
        assert evaluation is not None and evaluation.tested_on == 12  # the latest 20% of 60


def test_the_audit_share_sends_about_two_percent_of_would_be_auto_approvals_to_review() -> None:
    scored = [Scored(0.95 if index % 2 else 0.5, [], None) for index in range(20_000)]
    drawn = draw_audit(scored, 0.85, 0.02, random.Random(5))
    assert all(scored[position].confidence >= 0.85 for position in drawn)
    assert 0.016 < len(drawn) / 10_000 < 0.024
    assert drawn == draw_audit([Scored(s.confidence, [], None) for s in scored], 0.85, 0.02, random.Random(5))
    assert scored[drawn[0]].breakdown[-1]["name"] == AUDIT


def test_audited_examples_stay_for_review_when_the_run_finishes(tmp_path: Path, review_url: str) -> None:
    learning = {"audit_share": 0.5, "judged_prior": False}
    settings = load_settings(home=tmp_path / "home", review={"url": review_url}, learning=learning)
    settings = settings.model_copy(update={"thresholds": {"modality": 0.85}})  # every clean example clears it
    sink = ReviewStoreSink(settings)
    try:
        clean = [f"show me the video about kubernetes autoscaling part {index}" for index in range(30)]
        run_batch(sink, "audited", clean)
        page = sink.store.list_page(
            tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(run_id="audited"), limit=100)
        ).items
    finally:
        sink.close()
    audited = [e for e in page if AUDIT in {part["name"] for part in e.confidence_breakdown}]
    assert all(example.confidence >= 0.85 for example in page), "every one would be auto-approved"
    assert 5 <= len(audited) <= 25
    assert {example.status for example in audited} == {"pending_review"}
    assert {example.status for example in page if example not in audited} == {"auto_approved"}


def test_no_audit_when_the_share_is_zero() -> None:
    confidence = Confidence(score=0.99, components=[])
    scored = [Scored(confidence.score, [], None) for _ in range(100)]
    assert draw_audit(scored, 0.85, 0.0, random.Random(1)) == []
