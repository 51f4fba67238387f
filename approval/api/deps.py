"""What the review routes share: the review service and job runner the app opened, the threads queue
pages are read in, and their router."""

from __future__ import annotations

from asyncio import Semaphore
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from approval import JobRunner, ReviewService
from synth_core.api.deps import get_caller
from synth_core.api.errors import COMMON_ERRORS, error_responses

QUEUE_READ_THREADS = 2
"""How many queue pages are read at once, each in a worker thread. A page is mostly Python work (rows to
JSON), and Python runs one thread at a time: eight pages read at once by eight threads pass the
interpreter lock to and fro at every database call, which cost each page a third more CPU than two at
a time (8 clients, 100,000 stored examples: 10.5 ms of server CPU a page against 7.5 ms)."""


def queue_read_slots() -> Semaphore:
    """The app's limit on queue pages read at once (one per app: a semaphore serves one event loop)."""
    return Semaphore(QUEUE_READ_THREADS)


async def get_review(request: Request) -> ReviewService:
    review: ReviewService = request.app.state.review
    return review


async def get_jobs(request: Request) -> JobRunner:
    jobs: JobRunner = request.app.state.jobs
    return jobs


async def get_queue_reads(request: Request) -> Semaphore:
    reads: Semaphore = request.app.state.queue_reads
    return reads


ReviewDep = Annotated[ReviewService, Depends(get_review)]
JobsDep = Annotated[JobRunner, Depends(get_jobs)]
QueueReadsDep = Annotated[Semaphore, Depends(get_queue_reads)]


def review_router(prefix: str, tag: str) -> APIRouter:
    """A router behind the token whose routes may answer any of the common errors."""
    return APIRouter(
        prefix=prefix, tags=[tag], dependencies=[Depends(get_caller)], responses=error_responses(*COMMON_ERRORS)
    )
