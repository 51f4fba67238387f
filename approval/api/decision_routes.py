"""Deciding over HTTP: one example at the version the reviewer saw (409 when it changed since), a
filtered set at the count the reviewer was shown (409 when it changed since), undo, regeneration."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Path
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from approval import Decision, ExampleFilter, ExamplePublic, ReasonCode, RegenerationResult, UndoResult
from approval.api.deps import ReviewDep, review_router
from synth_core.api.deps import ServiceDep, TenantDep
from synth_core.api.errors import error_responses
from synth_core.errors import Fix, InvalidRequestError

router = review_router("/synthetic/review", "review")

Reviewer = Annotated[str, Field(min_length=1, max_length=200, description="Who decides (kept in the audit log).")]
BulkAction = Literal["approve", "reject"]


class DecisionRequest(BaseModel):
    """A decision on one example, at the version the reviewer saw."""

    model_config = ConfigDict(extra="forbid")

    action: Literal["approve", "reject", "edit"]
    reviewer: Reviewer
    expected_version: int = Field(
        ge=1, description="The example's version the reviewer saw; another decision since makes this a 409."
    )
    reason_code: ReasonCode | None = Field(default=None, description="Why it is rejected (reject only).")
    feedback: str | None = Field(default=None, max_length=5000, description="Kept for regeneration.")
    changes: dict[str, Any] = Field(default_factory=dict, description="For an edit: {field: new value}.")


class BulkCountRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    filter: ExampleFilter = Field(default_factory=ExampleFilter)
    action: BulkAction


class BulkCount(BaseModel):
    action: BulkAction
    count: int = Field(description="How many examples the bulk decision would change: pass it as expected_count.")


class BulkRequest(BaseModel):
    """Approve or reject every example that matches ``filter`` and may move, as one bulk decision."""

    model_config = ConfigDict(extra="forbid")

    filter: ExampleFilter = Field(default_factory=ExampleFilter)
    action: BulkAction
    reviewer: Reviewer
    expected_count: int = Field(
        ge=0, description="The count the reviewer was shown (from bulk/count); a different count now is a 409."
    )
    reason_code: ReasonCode | None = None
    feedback: str | None = Field(default=None, max_length=5000)


class BulkResult(BaseModel):
    action: BulkAction
    changed: int


class UndoRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reviewer: Reviewer


class RegenerateRequest(BaseModel):
    """Name rejected examples, or give a filter of rejected ones (not both)."""

    model_config = ConfigDict(extra="forbid")

    reviewer: Reviewer
    example_ids: list[Annotated[str, Field(min_length=1, max_length=128)]] | None = Field(
        default=None, min_length=1, max_length=100
    )
    filter: ExampleFilter | None = None


@router.post("/examples/{example_id}/decision", response_model=ExamplePublic, responses=error_responses(404, 409))
async def decide(
    review: ReviewDep,
    tenant_id: TenantDep,
    body: DecisionRequest,
    example_id: Annotated[str, Path(min_length=1, max_length=128)],
) -> ExamplePublic:
    """Approve, reject or edit one example; the answer is the example as it is now (its new version)."""
    decision = Decision(**body.model_dump(exclude_defaults=True))
    return await run_in_threadpool(review.decide, tenant_id=tenant_id, example_id=example_id, decision=decision)


@router.post("/bulk/count", response_model=BulkCount)
async def bulk_count(review: ReviewDep, tenant_id: TenantDep, body: BulkCountRequest) -> BulkCount:
    """How many examples a bulk decision with this filter would change (the whole set, not a page)."""
    count = await run_in_threadpool(review.bulk_count, tenant_id=tenant_id, filter=body.filter, action=body.action)
    return BulkCount(action=body.action, count=count)


@router.post("/bulk", response_model=BulkResult, responses=error_responses(409))
async def bulk(review: ReviewDep, tenant_id: TenantDep, body: BulkRequest) -> BulkResult:
    """Decide the whole filtered set at once, if it still has the count the reviewer was shown."""
    decision = Decision(**body.model_dump(include={"action", "reviewer", "reason_code", "feedback"}, exclude_none=True))
    changed = await run_in_threadpool(
        review.bulk, tenant_id=tenant_id, filter=body.filter, decision=decision, expected_count=body.expected_count
    )
    return BulkResult(action=body.action, changed=changed)


@router.post("/undo", response_model=UndoResult, responses=error_responses(404, 409))
async def undo(review: ReviewDep, tenant_id: TenantDep, body: UndoRequest) -> UndoResult:
    """Revert the reviewer's last decision (a bulk decision as a whole)."""
    return await run_in_threadpool(review.undo, tenant_id=tenant_id, reviewer=body.reviewer)


@router.post("/regenerate", response_model=RegenerationResult, responses=error_responses(404, 409, 502))
async def regenerate(
    review: ReviewDep, service: ServiceDep, tenant_id: TenantDep, body: RegenerateRequest
) -> RegenerationResult:
    """New examples for rejected ones, from their source content and the reviewers' feedback; they
    wait for review, linked to the example they replace."""
    if (body.example_ids is None) == (body.filter is None):
        raise InvalidRequestError(
            "Name the examples to regenerate, or give a filter of rejected ones.",
            fix=Fix("Pass either example_ids or filter.", field="example_ids"),
        )
    return await run_in_threadpool(
        review.regenerate,
        service,
        tenant_id=tenant_id,
        reviewer=body.reviewer,
        example_ids=body.example_ids,
        filter=body.filter,
    )
