"""The queue order 'likely_wrong': the learned chance of approval, lowest first, else the confidence;
keyset pages walk it as offset pages do."""

from __future__ import annotations

from approval.models import ExampleFilter, PageRequest
from approval.store import ReviewStore
from tests.support.review_data import new_examples

TENANT = "acme"


def test_keyset_pages_walk_the_likely_wrong_order(store: ReviewStore) -> None:
    store.start_run(run_id="run-1", tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
    examples = new_examples(45, statuses=("pending_review", "auto_approved", "pending_review"))
    for index, example in enumerate(examples):
        if index % 2:  # half scored by a model; its chance runs against the confidence
            example.approval_chance = round(1.0 - example.confidence, 2)
    ids = store.add_examples(run_id="run-1", tenant_id=TENANT, optimizer="modality", examples=examples)
    key = {
        example_id: (example.approval_chance if example.approval_chance is not None else example.confidence)
        for example_id, example in zip(ids, examples, strict=True)
    }
    for queue in (ExampleFilter(optimizer="modality", statuses=["pending_review", "auto_approved"]), ExampleFilter()):
        expected = sorted(ids, key=lambda example_id: (key[example_id], example_id))
        by_offset = [
            e.id
            for offset in range(0, 50, 7)
            for e in store.list_page(
                tenant_id=TENANT, request=PageRequest(filter=queue, limit=7, offset=offset, order="likely_wrong")
            ).items
        ]
        walked: list[str] = []
        after: str | None = None
        while True:
            page = store.list_page(
                tenant_id=TENANT, request=PageRequest(filter=queue, limit=7, after=after, order="likely_wrong")
            )
            walked += [e.id for e in page.items]
            if page.next_after is None:
                break
            after = page.next_after
        assert walked == by_offset == expected
