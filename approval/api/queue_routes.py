"""Reading the review queue over HTTP: a filtered page (keyset with ``after``), one example with its
evidence and audit log, and the tenant's review statistics."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from approval import (
    ExampleEvidence,
    ExampleFilter,
    ExampleStatus,
    Page,
    PageRequest,
    QueueOrder,
    ReasonCode,
    ReviewStats,
)
from approval.api.deps import QueueReadsDep, ReviewDep, review_router
from synth_core.api.deps import BackendDep, TenantDep
from synth_core.api.errors import error_responses
from synth_core.errors import Fix, InvalidRequestError

router = review_router("/synthetic/review", "review")

ExampleId = Annotated[str, Path(min_length=1, max_length=128, description="An example id (from a queue page).")]


async def example_filter(
    optimizer: Annotated[str | None, Query(max_length=64)] = None,
    status: Annotated[list[ExampleStatus] | None, Query(description="Repeat for several statuses.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    max_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    run_id: Annotated[str | None, Query(max_length=128)] = None,
    text: Annotated[str | None, Query(max_length=500, description="Case-insensitive substring of the query.")] = None,
    reason_code: ReasonCode | None = None,
    label_field: Annotated[str | None, Query(max_length=64, description="With label_value: a label's field.")] = None,
    label_value: Annotated[str | None, Query(max_length=128)] = None,
) -> ExampleFilter:
    """The queue filter from query parameters (the same fields as a bulk decision's ``filter``); ``async``
    as it never blocks, so FastAPI calls it in the event loop rather than in a worker thread."""
    if (label_field is None) != (label_value is None):
        raise InvalidRequestError(
            "A label filter needs both a field and a value.", fix=Fix("Pass both, or neither.", field="label_field")
        )
    label = {"field": label_field, "value": label_value} if label_field is not None else None
    try:
        return ExampleFilter.model_validate(
            {
                "optimizer": optimizer,
                "statuses": status or [],
                "min_confidence": min_confidence,
                "max_confidence": max_confidence,
                "run_id": run_id,
                "text": text,
                "reason_code": reason_code,
                "label": label,
            }
        )
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(map(str, problem["loc"]))
        field = "label_field" if where.startswith("label") else str(problem["loc"][0])
        raise InvalidRequestError(
            f"Invalid filter: {where}: {problem['msg']}.", fix=Fix("Correct the filter parameter.", field=field)
        ) from None


FilterDep = Annotated[ExampleFilter, Depends(example_filter)]


@router.get("/examples", response_model=Page)
async def list_examples(
    review: ReviewDep,
    reads: QueueReadsDep,
    tenant_id: TenantDep,
    chosen: FilterDep,
    order: QueueOrder = "created",
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    after: Annotated[
        str | None, Query(max_length=128, description="The previous page's next_after: the page starts after it.")
    ] = None,
) -> Response:
    """One page of the tenant's queue, filtered; ``next_after`` gives the next page, however deep. Read in
    one of the queue's few threads (``QUEUE_READ_THREADS``)."""
    async with reads:
        wanted = PageRequest(filter=chosen, limit=limit, order=order, after=after)
        body = await run_in_threadpool(review.list_page_json, tenant_id=tenant_id, request=wanted)
    # The JSON of a Page, written by the store from the stored JSON (approval/store/page_items.py).
    # Returned as a Page instead, FastAPI would dump it, validate the dump against response_model and
    # serialise that again. response_model still documents the body.
    return Response(content=body, media_type="application/json")


@router.get("/examples/{example_id}", response_model=ExampleEvidence, responses=error_responses(404))
async def show_example(
    review: ReviewDep, backend: BackendDep, tenant_id: TenantDep, example_id: ExampleId
) -> ExampleEvidence:
    """One example with its audit log and its evidence: source items, what a search for its query finds."""
    return await run_in_threadpool(review.evidence, backend, tenant_id=tenant_id, example_id=example_id)


@router.get("/stats", response_model=ReviewStats)
async def stats(
    review: ReviewDep, tenant_id: TenantDep, optimizer: Annotated[str | None, Query(max_length=64)] = None
) -> ReviewStats:
    """Where the tenant's review stands: examples per status and optimizer, decisions, regeneration."""
    return await run_in_threadpool(review.stats, tenant_id=tenant_id, optimizer=optimizer)
