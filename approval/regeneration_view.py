"""What the Regenerate page shows and does: rejected examples with the reviewer's reason and words,
regeneration in steps (so a caller can show progress), and each rejected example beside its
replacement with the labels that changed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel

from approval.models import ExampleFilter, ExamplePublic, PageRequest
from approval.regeneration import RegenerationOutcome, Regenerator, regenerate
from approval.store import ReviewStore
from synth_core.settings import Settings

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
    store: ReviewStore, *, tenant_id: str, filter: ExampleFilter, limit: int = 25, offset: int = 0
) -> tuple[list[RejectedExample], int]:
    """One page of rejected examples matching ``filter``, each with its rejection feedback; and the total."""
    rejected = filter.model_copy(update={"statuses": ["rejected"]})
    page = store.list_page(
        tenant_id=tenant_id, request=PageRequest(filter=rejected, limit=limit, offset=offset, order="created")
    )
    rows = []
    for example in page.items:
        decisions = store.decisions(tenant_id=tenant_id, example_id=example.id)
        rejection = next((entry for entry in reversed(decisions) if entry.action == "reject"), None)
        rows.append(RejectedExample(example=example, feedback=rejection.feedback if rejection else None))
    # Every one of them, as a bulk decision counts: the page offers to regenerate them all.
    rejected = filter.model_copy(update={"statuses": ["rejected"]})
    return rows, page.total if page.total_exact else store.count(tenant_id=tenant_id, filter=rejected)


def regenerate_in_steps(
    store: ReviewStore,
    regenerator: Regenerator,
    *,
    tenant_id: str,
    reviewer: str,
    settings: Settings,
    example_ids: Sequence[str] | None = None,
    filter: ExampleFilter | None = None,
    progress: Callable[[int, int], object] = lambda done, total: None,
) -> list[RegenerationOutcome]:
    """Regenerate the named examples, or every rejected one matching ``filter``, ``STEP`` at a time,
    calling ``progress(done, total)`` after each step. Regenerated originals stay rejected, so pages
    of the filter keep their place while the run goes on."""
    rejected = (filter or ExampleFilter()).model_copy(update={"statuses": ["rejected"]})
    total = len(example_ids) if example_ids is not None else store.count(tenant_id=tenant_id, filter=rejected)
    outcomes: list[RegenerationOutcome] = []
    after: str | None = None
    for offset in range(0, total, STEP):
        if example_ids is not None:
            ids = list(example_ids[offset : offset + STEP])
        else:
            page = store.list_page(
                tenant_id=tenant_id, request=PageRequest(filter=rejected, limit=STEP, after=after, order="created")
            )
            ids = [item.id for item in page.items]
            after = page.next_after
        result = regenerate(
            store, regenerator, tenant_id=tenant_id, reviewer=reviewer, example_ids=ids, settings=settings
        )
        outcomes += result.outcomes
        progress(min(offset + STEP, total), total)
        if example_ids is None and after is None:
            break  # the last page of the filter
    return outcomes


def replacements(store: ReviewStore, *, tenant_id: str, outcomes: Sequence[RegenerationOutcome]) -> list[Replacement]:
    pairs = []
    for outcome in outcomes:
        if outcome.outcome != "regenerated" or not outcome.new_ids:
            continue
        original = store.get(tenant_id=tenant_id, example_id=outcome.example_id)
        replacement = store.get(tenant_id=tenant_id, example_id=outcome.new_ids[0])
        pairs.append(Replacement(original=original, replacement=replacement, changes=_changes(original, replacement)))
    return pairs


def _changes(before: ExamplePublic, after: ExamplePublic) -> dict[str, list[Any]]:
    from synth_core.registry import get_optimizer  # every generator: loaded when first needed

    bookkeeping = set(get_optimizer(before.optimizer).schema.BOOKKEEPING_FIELDS)
    fields = (set(before.payload) | set(after.payload)) - bookkeeping
    return {
        name: [before.payload.get(name), after.payload.get(name)]
        for name in sorted(fields)
        if before.payload.get(name) != after.payload.get(name)
    }
