"""The review side of the REST API: the queue, decisions, regeneration, export and generation jobs.

It joins ``synth serve`` through the ``synth_studio.api`` entry point (``review = approval.api:review_api``),
as the review commands join the CLI: ``synth_core`` never imports it. Its routes call the same
``ReviewService`` as the CLI and the dashboard, opened once when the app starts, and every route works
in one tenant the caller's token allows (``?tenant_id=``, or the request body's ``tenant_id`` for jobs).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, FastAPI

from approval import ReviewService
from approval.api import decision_routes, export_routes, job_routes, queue_routes
from approval.api.deps import queue_read_slots
from synth_core.settings import Settings


class ReviewApi:
    """An ``ApiPlugin`` (synth_core/api/plugins.py)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.router = APIRouter()
        for module in (queue_routes, decision_routes, export_routes, job_routes):
            self.router.include_router(module.router)

    @contextmanager
    def open(self, app: FastAPI) -> Iterator[object]:
        """One review service and one job runner for the app; jobs sample the app's content backend."""
        with ReviewService.from_settings(self.settings) as review:
            jobs = review.job_runner(app.state.service.backend)
            app.state.review = review
            app.state.jobs = jobs
            app.state.queue_reads = queue_read_slots()
            try:
                yield review
            finally:
                jobs.close()


def review_api(settings: Settings) -> ReviewApi:
    return ReviewApi(settings)
