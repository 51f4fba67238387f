"""A queue page as JSON written from the stored JSON (approval/store/page_items.py) is the document
``Page.model_dump_json()`` writes of the same page, on SQLite and PostgreSQL; and page statements kept
for a walk (approval/store/page_statements.py) serve each page with its own cursor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from approval.decision import Decision
from approval.models import ExampleFilter, NewExample, Page, PageRequest
from approval.review import ReviewService
from approval.store import QueueOrder, ReviewStore
from approval.store.page_statements import PageStatements
from approval.store.queue import Cursor
from synth_core.settings import load_settings
from tests.support.review_data import new_examples, seed_store

TENANT = "acme"
ORDERS: tuple[QueueOrder, ...] = ("created", "confidence", "-confidence", "likely_wrong")


def strict(document: bytes) -> Any:
    """JSON as a strict parser reads it: NaN or Infinity would fail here."""

    def refuse(word: str) -> None:
        raise ValueError(f"not strict JSON: {word}")

    return json.loads(document, parse_constant=refuse)


def as_json(store: ReviewStore, **page: Any) -> tuple[bytes, Page]:
    """The page both ways: written from the stored JSON, and read as models."""
    request = PageRequest(**page)
    return store.list_page_json(tenant_id=TENANT, request=request), store.list_page(tenant_id=TENANT, request=request)


def seed_varied(store: ReviewStore, tmp_path: Path) -> list[str]:
    """Examples in every status: an edited one (new payload and version), a rejected one (a reason
    code), a regenerated one (a parent), one with a non-ASCII query, one without a breakdown."""
    ids = seed_store(store, 12, statuses=("pending_review", "auto_approved"))
    service = ReviewService(store, load_settings(home=tmp_path / "home"))
    service.decide(
        tenant_id=TENANT,
        example_id=ids[0],
        decision=Decision(action="edit", reviewer="ann", changes={"query": "un vidéo sur les marées — 潮汐"}),
    )
    service.decide(
        tenant_id=TENANT,
        example_id=ids[2],
        decision=Decision(action="reject", reviewer="ann", reason_code="off_topic", feedback="dogs"),
    )
    service.decide(tenant_id=TENANT, example_id=ids[4], decision=Decision(action="approve", reviewer="bo"))
    child = new_examples(1, start=100)[0].model_copy(
        update={"parent_id": ids[2], "regeneration_attempt": 1, "confidence_breakdown": []}
    )
    store.start_run(run_id="regen", tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
    return ids + store.add_examples(run_id="regen", tenant_id=TENANT, optimizer="modality", examples=[child])


@pytest.mark.parametrize("order", ORDERS)
def test_every_page_is_the_models_page_as_json(store: ReviewStore, tmp_path: Path, order: QueueOrder) -> None:
    seed_varied(store, tmp_path)
    everything = ExampleFilter()
    written, page = as_json(store, filter=everything, limit=5, order=order)
    pages = 0
    while True:
        pages += 1
        assert strict(written) == page.model_dump(mode="json")
        if store.engine.dialect.name == "sqlite":  # stored as the same codec writes it: the very bytes
            assert written == page.model_dump_json().encode()
        if page.next_after is None:
            break
        written, page = as_json(store, filter=everything, limit=5, order=order, after=page.next_after)
    assert pages == 3  # 13 examples, 5 a page


def test_filtered_offset_and_empty_pages_are_the_models_pages(store: ReviewStore, tmp_path: Path) -> None:
    seed_varied(store, tmp_path)
    for chosen, offset in [
        (ExampleFilter(statuses=["rejected"]), 0),
        (ExampleFilter(statuses=["pending_review", "approved"], min_confidence=0.02), 2),
        (ExampleFilter(optimizer="routing"), 0),
        (ExampleFilter(), 40),
    ]:
        written, page = as_json(store, filter=chosen, limit=4, offset=offset)
        assert strict(written) == page.model_dump(mode="json")
    assert strict(as_json(store, filter=ExampleFilter(optimizer="routing"), limit=4)[0])["items"] == []


def test_a_nan_in_a_stored_payload_is_null_as_pydantic_writes_it(tmp_path: Path) -> None:
    # SQLite only: PostgreSQL's jsonb refuses NaN, so no such payload is ever stored there.
    with ReviewStore(f"sqlite:///{tmp_path / 'review.db'}") as store:
        store.start_run(run_id="run-1", tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
        (template,) = new_examples(1)
        odd: NewExample = template.model_copy(
            update={"payload": {**template.payload, "signals": {"score": float("nan"), "top": float("inf")}}}
        )
        store.add_examples(run_id="run-1", tenant_id=TENANT, optimizer="modality", examples=[odd])
        written, page = as_json(store, filter=ExampleFilter(), limit=5)
    assert strict(written)["items"][0]["payload"]["signals"] == {"score": None, "top": None}
    assert written == page.model_dump_json().encode()


def test_a_kept_page_statement_serves_each_page_with_its_own_cursor(store: ReviewStore) -> None:
    seed_store(store, 30)
    statements = PageStatements(size=2)
    pending = ExampleFilter(statuses=["pending_review"])
    walked: list[str] = []
    built = set()
    cursor: Cursor | None = None
    with store.engine.connect() as connection:
        for _ in range(3):
            statement, values = statements.page_ids(
                tenant_id=TENANT,
                example_filter=pending,
                filter_key=pending.model_dump_json(),
                order="created",
                page=(10, 0),
                total=30,
                dialect=store.engine.dialect.name,
                cursor=cursor,
                optimizers=["modality"],
            )
            built.add(id(statement))
            ids = list(connection.execute(statement, values).scalars())
            walked += ids
            cursor = Cursor(ids[-1], ids[-1])
    assert walked == [
        e.id for e in store.list_page(tenant_id=TENANT, request=PageRequest(filter=pending, limit=30)).items
    ]
    assert len(built) == 2  # the first page's, then one for every page after a cursor


def test_page_statements_keep_the_newest_few() -> None:
    statements = PageStatements(size=2)

    def statement_for(limit: int) -> object:
        statement, _ = statements.page_ids(
            tenant_id=TENANT,
            example_filter=ExampleFilter(),
            filter_key="{}",
            order="created",
            page=(limit, 0),
            total=None,
            dialect="sqlite",
            cursor=None,
            optimizers=None,
        )
        return statement

    first, second, third = statement_for(5), statement_for(6), statement_for(7)
    assert statement_for(7) is third and statement_for(6) is second
    assert statement_for(5) is not first  # the oldest was dropped, and is built again
