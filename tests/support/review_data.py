"""Examples for review-store tests and benchmarks, built fast from one valid template example."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from approval.models import ExampleStatus, NewExample
from approval.store import ReviewStore
from tests.approval.builders import make_example

LABEL_BLOCK = 100
TOPICS = ("kubernetes autoscaling", "sourdough baking", "tidal energy", "jazz harmony", "volcano monitoring")


def template_payload(optimizer: str = "modality", *, run_id: str = "run-1") -> dict[str, Any]:
    return make_example(optimizer, run_id=run_id).model_dump(mode="json")


def new_examples(
    count: int,
    *,
    optimizer: str = "modality",
    run_id: str = "run-1",
    statuses: Sequence[ExampleStatus] = ("pending_review",),
    start: int = 0,
    labels: Mapping[str, Sequence[str]] | None = None,
) -> list[NewExample]:
    """``count`` valid examples with distinct queries, cycling through ``statuses``; confidence varies
    with the index (0.00 .. 0.99) so that confidence filters select predictable subsets. ``labels``:
    payload fields that cycle through the values given (``{"modality": ("VIDEO", "AUDIO")}``) instead
    of keeping the template's, one value per block of LABEL_BLOCK examples: each label then spans every
    confidence and status evenly (one cycling with the index would hold a fifth of the confidences, and
    a page in confidence order would first walk past all the others)."""
    template = template_payload(optimizer, run_id=run_id)
    built = []
    for index in range(start, start + count):
        payload = copy.deepcopy(template)
        payload["query"] = f"show me the video about {TOPICS[index % len(TOPICS)]} number {index}"
        payload["provenance"]["source_content_ids"] = [f"item-{index}"]
        for field, values in (labels or {}).items():
            payload[field] = values[index // LABEL_BLOCK % len(values)]
        built.append(
            NewExample.model_construct(
                payload=payload,
                status=statuses[index % len(statuses)],
                confidence=(index % 100) / 100,
                confidence_breakdown=[{"name": "source_rank", "score": 1.0, "weight": 2.0, "reason": "ranks 1st"}],
                parent_id=None,
                regeneration_attempt=0,
            )
        )
    return built


def seed_store(
    store: ReviewStore,
    count: int,
    *,
    tenant_id: str = "acme",
    optimizer: str = "modality",
    run_id: str = "run-1",
    statuses: Sequence[ExampleStatus] = ("pending_review",),
    batch: int = 5000,
    finish: bool = True,
    labels: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """Start ``run_id``, store ``count`` examples in batches and (unless told not to) finish the run, so
    that its approved examples are exportable; returns their ids in order. ``labels``: see new_examples."""
    store.start_run(
        run_id=run_id, tenant_id=tenant_id, optimizer=optimizer, request={"count": count}, settings_snapshot={}
    )
    ids: list[str] = []
    for start in range(0, count, batch):
        size = min(batch, count - start)
        chunk = new_examples(size, optimizer=optimizer, run_id=run_id, statuses=statuses, start=start, labels=labels)
        ids.extend(store.add_examples(run_id=run_id, tenant_id=tenant_id, optimizer=optimizer, examples=chunk))
    if finish:
        store.finish_run(run_id=run_id, summary={"count": count})
    return ids
