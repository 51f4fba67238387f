"""What the Regenerate page shows and does: rejected examples with the reviewer's reason and words,
regeneration in steps (so a caller can show progress), and each rejected example beside its
replacement with the labels that changed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel

from approval.models import ExampleFilter, ExamplePublic
from approval.regeneration import RegenerationOutcome, Regenerator, regenerate
from approval.review import ReviewService
from synth_core.registry import get_optimizer

STEP = 10
"""Examples regenerated per step between two progress reports."""


class RejectedExample(BaseModel):
    example: ExamplePublic
    feedback: str | None


class Replacement(BaseModel):
    original: ExamplePublic
    replacement: ExamplePublic
    changes: dict[str, list[Any]]
    """Training fields that differ, as {field: [before, after]} (the query included)."""


def rejected_page(
    service: ReviewService, *, tenant_id: str, filter: ExampleFilter, limit: int = 25, offset: int = 0
) -> tuple[list[RejectedExample], int]:
    """One page of rejected examples matching ``filter``, each with its rejection feedback; and the total."""
    page = service.list_page(
        tenant_id=tenant_id,
        filter=filter.model_copy(update={"statuses": ["rejected"]}),
        limit=limit,
        offset=offset,
        order="created",
    )
    rows = []
    for example in page.items:
        _, decisions = service.show(tenant_id=tenant_id, example_id=example.id)
        rejection = next((entry for entry in reversed(decisions) if entry.action == "reject"), None)
        rows.append(RejectedExample(example=example, feedback=rejection.feedback if rejection else None))
    # Every one of them, as a bulk decision counts: the page offers to regenerate them all.
    rejected = filter.model_copy(update={"statuses": ["rejected"]})
    return rows, page.total if page.total_exact else service.store.count(tenant_id=tenant_id, filter=rejected)


def regenerate_in_steps(
    service: ReviewService,
    regenerator: Regenerator,
    *,
    tenant_id: str,
    reviewer: str,
    example_ids: Sequence[str] | None = None,
    filter: ExampleFilter | None = None,
    progress: Callable[[int, int], object] = lambda done, total: None,
) -> list[RegenerationOutcome]:
    """Regenerate the named examples, or every rejected one matching ``filter``, ``STEP`` at a time,
    calling ``progress(done, total)`` after each step. Regenerated originals stay rejected, so pages
    of the filter keep their place while the run goes on."""
    rejected = (filter or ExampleFilter()).model_copy(update={"statuses": ["rejected"]})
    total = len(example_ids) if example_ids is not None else service.store.count(tenant_id=tenant_id, filter=rejected)
    outcomes: list[RegenerationOutcome] = []
    after: str | None = None
    for offset in range(0, total, STEP):
        if example_ids is not None:
            ids = list(example_ids[offset : offset + STEP])
        else:
            page = service.list_page(tenant_id=tenant_id, filter=rejected, limit=STEP, after=after, order="created")
            ids = [item.id for item in page.items]
            after = page.next_after
        result = regenerate(
            service.store,
            regenerator,
            tenant_id=tenant_id,
            reviewer=reviewer,
            example_ids=ids,
            settings=service.settings,
        )
        outcomes += result.outcomes
        progress(min(offset + STEP, total), total)
        if example_ids is None and after is None:
            break  # the last page of the filter
    return outcomes


def replacements(
    service: ReviewService, *, tenant_id: str, outcomes: Sequence[RegenerationOutcome]
) -> list[Replacement]:
    pairs = []
    for outcome in outcomes:
        if outcome.outcome != "regenerated" or not outcome.new_ids:
            continue
        original = service.store.get(tenant_id=tenant_id, example_id=outcome.example_id)
        replacement = service.store.get(tenant_id=tenant_id, example_id=outcome.new_ids[0])
        pairs.append(Replacement(original=original, replacement=replacement, changes=_changes(original, replacement)))
    return pairs


def _changes(before: ExamplePublic, after: ExamplePublic) -> dict[str, list[Any]]:
    bookkeeping = set(get_optimizer(before.optimizer).schema.BOOKKEEPING_FIELDS)
    fields = (set(before.payload) | set(after.payload)) - bookkeeping
    return {
        name: [before.payload.get(name), after.payload.get(name)]
        for name in sorted(fields)
        if before.payload.get(name) != after.payload.get(name)
    }
