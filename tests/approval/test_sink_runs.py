"""The sink's near-duplicate index lives per run: seeded from the store, grown batch by batch, per tenant."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from approval.models import ExampleFilter, PageRequest
from approval.sink import ReviewStoreSink
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.settings import Settings, load_settings
from tests.approval.builders import make_example

QUERY = "show me the video about kubernetes autoscaling"


@pytest.fixture
def sink(tmp_path: Path, review_url: str) -> Iterator[ReviewStoreSink]:
    settings: Settings = load_settings(home=tmp_path / "home", review={"url": review_url})
    opened = ReviewStoreSink(settings)
    yield opened
    opened.close()


def write_run(sink: ReviewStoreSink, run_id: str, tenant_id: str, queries: list[str]) -> None:
    request = SyntheticDataRequest(optimizer="modality", count=len(queries), tenant_id=tenant_id, seed=3)
    sink.start_run(run_id=run_id, request=request, settings_snapshot={})
    for query in queries:
        sink.write_batch(
            run_id=run_id, optimizer="modality", tenant_id=tenant_id, examples=[make_example("modality", query=query)]
        )
    sink.finish_run(run_id=run_id, summary={"count": len(queries)})


def confidences(sink: ReviewStoreSink, tenant_id: str, run_id: str) -> list[float]:
    page = sink.store.list_page(tenant_id=tenant_id, request=PageRequest(filter=ExampleFilter(run_id=run_id)))
    return [example.confidence for example in page.items]


def test_a_later_run_of_the_same_sink_is_penalized_for_repeating_an_earlier_one(sink: ReviewStoreSink) -> None:
    write_run(sink, "run-1", "acme", [QUERY])
    write_run(sink, "run-2", "acme", ["show me the video about sourdough baking", QUERY])
    (first,) = confidences(sink, "acme", "run-1")
    fresh, repeated = confidences(sink, "acme", "run-2")
    assert repeated < first and repeated < fresh


def test_runs_of_two_tenants_never_see_each_others_queries(sink: ReviewStoreSink) -> None:
    write_run(sink, "run-a", "a", [QUERY])
    write_run(sink, "run-b", "b", [QUERY])
    assert confidences(sink, "a", "run-a") == confidences(sink, "b", "run-b")


def test_a_run_matches_its_own_earlier_batches(sink: ReviewStoreSink) -> None:
    write_run(sink, "run-1", "acme", [QUERY, "find the sourdough baking clip", QUERY.upper()])
    first, _, third = confidences(sink, "acme", "run-1")
    assert third < first
