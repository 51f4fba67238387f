"""`synth generate` writes into the review store through ReviewStoreSink: scored, queued, batch by batch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from approval.confidence import score_batch, threshold_for
from approval.models import ExampleFilter, PageRequest
from approval.sink import ReviewStoreSink
from approval.store import ReviewStore
from synth_core.backends.factory import open_backend
from synth_core.cli import cli
from synth_core.ingest import load_demo_corpus
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.schemas.common import ExampleBase
from synth_core.settings import Settings, load_settings
from synth_core.sinks import load_sink
from tests.approval.builders import make_example

TENANT = "acme"


@pytest.fixture
def sink_settings(tmp_path: Path, review_url: str) -> Settings:
    """The rule-based score as stored (``test_learner`` covers the judged prior's blend), with a modality
    threshold a clean example clears (the calibrated default, 1.0, sends every modality example to a person)."""
    settings = load_settings(home=tmp_path / "home", review={"url": review_url}, learning={"judged_prior": False})
    return settings.model_copy(update={"thresholds": {"modality": 0.85}})


@pytest.fixture
def sink(sink_settings: Settings) -> Iterator[ReviewStoreSink]:
    opened = ReviewStoreSink(sink_settings)
    yield opened
    opened.close()


def request(count: int = 4) -> SyntheticDataRequest:
    return SyntheticDataRequest(optimizer="modality", count=count, tenant_id=TENANT, seed=11)


def example(query: str) -> ExampleBase:
    return make_example("modality", query=query)


def mixed_batch() -> list[ExampleBase]:
    clean = [make_example("modality", query=f"show me the video about kubernetes autoscaling {i}") for i in range(2)]
    doubtful = [
        make_example(
            "modality",
            query=f"anything on glaciers {i}",
            signals={"source_rank": None, "label_checked": False, "explicit_media_cue": False, "media_word": None},
        )
        for i in range(2)
    ]
    return clean + doubtful


def test_a_run_is_scored_queued_and_recorded(sink: ReviewStoreSink) -> None:
    batch = mixed_batch()
    sink.start_run(run_id="run-1", request=request(), settings_snapshot={"seed": 11, "generator": "template"})
    sink.write_batch(run_id="run-1", optimizer="modality", tenant_id=TENANT, examples=batch)
    sink.finish_run(run_id="run-1", summary={"count": 4})

    expected = score_batch("modality", batch, agents=sink.settings.agents)
    threshold = threshold_for("modality", sink.settings)
    stored = sink.store.list_page(
        tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(run_id="run-1"), order="-confidence")
    ).items
    by_query = {example.query: example for example in stored}
    for example, confidence in zip(batch, expected, strict=True):
        saved = by_query[example.query]
        assert saved.confidence == confidence.score
        assert saved.confidence_breakdown == confidence.breakdown()
        assert saved.status == ("auto_approved" if confidence.score >= threshold else "pending_review")
        assert saved.payload == example.model_dump(mode="json")
    assert {e.status for e in stored} == {"auto_approved", "pending_review"}, "a batch mixes high and low scores"
    run = sink.store.get_run(tenant_id=TENANT, run_id="run-1")
    assert run["request"]["seed"] == 11 and run["seed"] == 11
    assert run["summary"] == {"count": 4}


def test_a_later_batch_is_penalized_for_repeating_an_earlier_one(sink: ReviewStoreSink) -> None:
    query = "show me the video about kubernetes autoscaling"
    sink.start_run(run_id="run-1", request=request(), settings_snapshot={})
    for _ in range(2):
        sink.write_batch(run_id="run-1", optimizer="modality", tenant_id=TENANT, examples=[example(query)])
    first, second = sink.store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter())).items
    assert second.confidence < first.confidence
    assert second.status == "pending_review"


def test_a_new_sink_knows_what_an_earlier_run_stored(sink_settings: Settings) -> None:
    query = "show me the video about kubernetes autoscaling"
    for run_id in ("run-1", "run-2"):
        writer = ReviewStoreSink(sink_settings)
        writer.start_run(run_id=run_id, request=request(), settings_snapshot={})
        writer.write_batch(run_id=run_id, optimizer="modality", tenant_id=TENANT, examples=[example(query)])
        writer.close()
    with ReviewStore(sink_settings.review_url) as store:
        first, second = store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter())).items
    assert (first.run_id, second.run_id) == ("run-1", "run-2")
    assert second.confidence < first.confidence


def test_a_run_may_override_the_threshold(sink: ReviewStoreSink) -> None:
    sink.start_run(run_id="strict", request=request(), settings_snapshot={"threshold": 1.01})
    sink.write_batch(run_id="strict", optimizer="modality", tenant_id=TENANT, examples=mixed_batch())
    assert sink.store.count(tenant_id=TENANT, filter=ExampleFilter(statuses=["auto_approved"])) == 0


def test_the_sink_is_registered_for_synth_generate(sink_settings: Settings) -> None:
    loaded = load_sink("review_store", sink_settings)
    assert isinstance(loaded, ReviewStoreSink)
    loaded.close()


def test_synth_generate_writes_into_the_review_store(settings: Settings) -> None:
    load_demo_corpus(open_backend(settings), settings)
    command = ["generate", "--optimizer", "modality", "--count", "6", "--seed", "5", "--json"]
    result = CliRunner().invoke(cli, command, obj={"settings": settings})
    assert result.exit_code == 0, result.output
    response = json.loads(result.stdout)
    run_id = response["metadata"]["run_id"]
    with ReviewStore(settings.review_url) as store:
        page = store.list_page(
            tenant_id=settings.default_tenant, request=PageRequest(filter=ExampleFilter(run_id=run_id))
        )
        run = store.get_run(tenant_id=settings.default_tenant, run_id=run_id)
    assert page.total == response["count"] == 6
    assert sorted(e.query for e in page.items) == sorted(item["query"] for item in response["data"])
    assert run["summary"]["count"] == 6 and run["seed"] == 5


def test_a_run_can_override_the_auto_approval_threshold(demo_settings) -> None:
    from approval.sink import ReviewStoreSink
    from approval.store import ReviewStore
    from synth_core.backends.sqlite_store import SqliteStore
    from synth_core.schemas import SyntheticDataRequest
    from synth_core.service import GenerationService

    # no random audit draw: with threshold 0 every example would be auto-approved but the audited ones
    settings = demo_settings.model_copy(
        update={"learning": demo_settings.learning.model_copy(update={"audit_share": 0.0})}
    )
    with ReviewStore(settings.review_url) as store:
        sink = ReviewStoreSink(settings, store=store)
        service = GenerationService(settings=settings, backend=SqliteStore(settings.store_path), sink=sink)
        for threshold, tenant in ((0.0, "everything"), (1.0, "nothing")):
            service.generate(
                SyntheticDataRequest(
                    optimizer="modality", count=15, seed=2, tenant_id=tenant, auto_approve_threshold=threshold
                )
            )
        assert store.stats(tenant_id="everything")["by_status"]["auto_approved"] == 15
        assert store.stats(tenant_id="nothing")["by_status"]["auto_approved"] == 0


def test_a_sink_closes_only_the_store_it_opened(sink_settings: Settings) -> None:
    closed: list[str] = []

    class Store(ReviewStore):
        def close(self) -> None:
            closed.append(self.url)
            super().close()

    with Store.from_settings(sink_settings) as given:
        ReviewStoreSink(sink_settings, store=given).close()
        assert closed == []  # the opener closes it
    assert closed == [given.url]
