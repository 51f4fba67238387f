"""What the review routes share: the review service and job runner the app opened, and their router."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from approval import JobRunner, ReviewService
from synth_core.api.deps import get_caller
from synth_core.api.errors import COMMON_ERRORS, error_responses


def get_review(request: Request) -> ReviewService:
    review: ReviewService = request.app.state.review
    return review


def get_jobs(request: Request) -> JobRunner:
    jobs: JobRunner = request.app.state.jobs
    return jobs


ReviewDep = Annotated[ReviewService, Depends(get_review)]
JobsDep = Annotated[JobRunner, Depends(get_jobs)]


def review_router(prefix: str, tag: str) -> APIRouter:
    """A router behind the token whose routes may answer any of the common errors."""
    return APIRouter(
        prefix=prefix, tags=[tag], dependencies=[Depends(get_caller)], responses=error_responses(*COMMON_ERRORS)
    )
