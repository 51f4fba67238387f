"""Generation jobs: runs started over HTTP (``POST /synthetic/jobs``) that work in the background.

A job is a run of the review store, registered before it works (``start_run``, with its seed fixed in
the request), so its id is known at once and its state outlives the server:

    queued / running   the run is unfinished and a worker of this server holds it (progress is live);
                       or it is unfinished and its process, another one on this machine, is alive
    interrupted        the run is unfinished and nobody works on it: the server stopped, or a batch
                       could not be stored; it can be resumed (same request and seed, only what is
                       missing is generated) like any interrupted run
    finished / failed  the run finished; a failed one stored nothing and keeps its error in the summary
    discarded          an interrupted run someone dropped

A process on this machine that is alive but holds no such job is this server after a restart in
the same process (a test, an embedding app): its earlier jobs are interrupted, not running.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from approval.models import STATUSES, ExampleFilter
from approval.runs import process_alive, resume_run
from approval.sink import ReviewStoreSink
from approval.store import ReviewStore, RunPublic
from synth_core.errors import ConflictError, Fix, SynthError
from synth_core.generators.base import ProgressFn
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.service import GenerationService, new_run_id
from synth_core.settings import Settings

log = logging.getLogger(__name__)

JobState = Literal["queued", "running", "interrupted", "unfinished", "finished", "failed", "discarded"]


class JobProgress(BaseModel):
    stage: str = Field(description="queued, sampling, a generation stage, or done.")
    done: int = Field(description="Units of the stage done (items sampled, examples written).")
    total: int = Field(description="Units the stage has.")
    stored: int = Field(description="Examples of the job in the review store.")
    requested: int | None = Field(description="Examples the job asked for.")


class JobView(BaseModel):
    """A job as ``GET /synthetic/jobs/{id}`` reports it."""

    job_id: str
    tenant_id: str
    optimizer: str
    state: JobState
    progress: JobProgress
    by_status: dict[str, int] = Field(
        default_factory=dict, description="The job's stored examples per review status (when it ended)."
    )
    quality: dict[str, Any] | None = Field(default=None, description="The run's quality report, once finished.")
    error: dict[str, Any] | None = Field(default=None, description="Why it failed (the one error shape).")
    request: dict[str, Any]
    started_at: datetime
    finished_at: datetime | None


ServiceFactory = Callable[[ReviewStoreSink], GenerationService]
"""Builds the generation service a job runs with, writing through the given sink."""


class JobRunner:
    """Runs jobs on a few worker threads of this process and answers for their state."""

    def __init__(self, store: ReviewStore, settings: Settings, *, service_for: ServiceFactory, workers: int) -> None:
        self.store = store
        self.settings = settings
        self.service_for = service_for
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="synth-job")
        self._live: dict[str, tuple[str, int, int]] = {}
        """job id -> (stage, done, total) of the jobs this runner holds, queued or running."""
        self._tenants: dict[str, str] = {}
        self._lock = threading.Lock()
        self._closing = False

    def close(self) -> None:
        """Stop taking jobs. Jobs not started yet stay registered in the store, unfinished (interrupted
        once this server is gone); a running one carries on until it ends or the resources it uses close
        under it, and is then left unfinished too, never marked failed: it can be resumed."""
        self._closing = True
        self._executor.shutdown(wait=False, cancel_futures=True)

    # -- starting ------------------------------------------------------------------------------------

    def submit(self, request: SyntheticDataRequest) -> str:
        """Register the job's run and queue it; returns the job id. The seed is fixed now, so that a
        resumed job generates the same examples."""
        seed = self.settings.seed if request.seed is None else request.seed
        request = request.model_copy(update={"seed": seed})
        sink = ReviewStoreSink(self.settings, store=self.store)
        service = self.service_for(sink)
        job_id = new_run_id()
        sink.start_run(run_id=job_id, request=request, settings_snapshot=service.run_settings(request, seed))
        self._hold(job_id, request.tenant_id)

        def work(progress: ProgressFn) -> object:
            return service.generate(request, progress=progress, run_id=job_id)

        self._executor.submit(self._work, job_id, work, service)
        return job_id

    def resume(self, *, tenant_id: str, job_id: str) -> JobView:
        """Queue an interrupted job again: what it is missing is generated with its own request and seed."""
        current = self.view(tenant_id=tenant_id, job_id=job_id)
        if current.state != "interrupted":
            raise ConflictError(
                f"Job '{job_id}' is {current.state}; only an interrupted job can be resumed.",
                fix=Fix("Read the job's state first: a running job goes on by itself, an ended one is done."),
            )
        self._hold(job_id, tenant_id)

        def work(progress: ProgressFn) -> object:
            # force: the run's recorded process may be this very one (a restart in the same process)
            return resume_run(
                self.store, self.settings, tenant_id=tenant_id, run_id=job_id, force=True, progress=progress
            )

        self._executor.submit(self._work, job_id, work, None)
        return self.view(tenant_id=tenant_id, job_id=job_id)

    # -- working -------------------------------------------------------------------------------------

    def _hold(self, job_id: str, tenant_id: str) -> None:
        with self._lock:
            self._live[job_id] = ("queued", 0, 0)
            self._tenants[job_id] = tenant_id

    def _track(self, job_id: str, stage: str, done: int, total: int) -> None:
        with self._lock:
            self._live[job_id] = (stage, done, total)

    def _work(self, job_id: str, generate: Callable[[ProgressFn], object], service: GenerationService | None) -> None:
        def progress(stage: str, done: int, total: int) -> None:
            self._track(job_id, stage, done, total)

        try:
            self._track(job_id, "starting", 0, 0)
            generate(progress)
        except Exception as exc:
            if self._closing:  # the server is stopping: the job is interrupted, not failed
                log.warning("job %s stopped with the server: %s", job_id, exc)
            elif isinstance(exc, SynthError):
                self._fail(job_id, exc.to_dict())
            else:  # a bug: logged here, the caller sees only that it failed
                log.exception("job %s failed", job_id)
                self._fail(job_id, {"code": "internal_error", "message": "The job failed inside the server."})
        finally:
            if service is not None:
                service.close()
            with self._lock:
                self._live.pop(job_id, None)
                self._tenants.pop(job_id, None)

    def _fail(self, job_id: str, error: dict[str, Any]) -> None:
        """A job that stored nothing ends as failed, its error kept; one that stored batches stays
        unfinished (interrupted), so that a resume can complete it."""
        with self._lock:
            tenant_id = self._tenants[job_id]
        stored = self.store.count(tenant_id=tenant_id, filter=ExampleFilter(run_id=job_id))
        if stored:
            log.warning("job %s stopped after storing %d examples: %s", job_id, stored, error.get("message"))
            return
        try:
            self.store.finish_run(run_id=job_id, summary={"count": 0, "error": error})
        except SynthError:  # a resumed run that was finished meanwhile: nothing to record
            log.warning("job %s: could not record its failure", job_id)

    # -- reading -------------------------------------------------------------------------------------

    def view(self, *, tenant_id: str, job_id: str) -> JobView:
        """The job's state, progress and, once it ended, its result (NotFoundError for another tenant's)."""
        # What this runner holds is read before the store: a job leaves ``_live`` only after its run is
        # finished in the store, so a job missing here yet unfinished there is truly not running here
        # (read the other way round, a job ending between the two reads looked interrupted).
        with self._lock:
            live = self._live.get(job_id)
        public = self.store.get_run_public(tenant_id=tenant_id, run_id=job_id)
        stored = self.store.get_run(tenant_id=tenant_id, run_id=job_id)
        summary = stored.get("summary") or {}
        state = self._state(public, summary, live)
        # An ended job's progress is what it stored of what it asked for. A run the store has finished
        # has ended even while its runner still holds it (the two are not one step): its statuses count.
        ended = live is None or public.state == "finished"
        stage: str = state
        done, total = public.stored, public.requested or public.stored
        if live is not None and not ended:
            stage, done, total = live
        return JobView(
            job_id=job_id,
            tenant_id=tenant_id,
            optimizer=public.optimizer,
            state=state,
            progress=JobProgress(stage=stage, done=done, total=total, stored=public.stored, requested=public.requested),
            by_status=self._by_status(tenant_id, job_id) if ended and public.stored else {},
            quality=summary.get("quality"),
            error=summary.get("error"),
            request=stored.get("request") or {},
            started_at=public.started_at,
            finished_at=public.finished_at,
        )

    @staticmethod
    def _state(run: RunPublic, summary: dict[str, Any], live: tuple[str, int, int] | None) -> JobState:
        if run.state == "finished":
            return "failed" if summary.get("error") else "finished"
        if run.state == "discarded":
            return "discarded"
        if live is not None:
            return "queued" if live[0] == "queued" else "running"
        alive = process_alive(run.process)
        if alive is None:
            return "unfinished"
        return "running" if alive and run.process.get("pid") != os.getpid() else "interrupted"

    def _by_status(self, tenant_id: str, job_id: str) -> dict[str, int]:
        counts = {
            status: self.store.count(tenant_id=tenant_id, filter=ExampleFilter(run_id=job_id, statuses=[status]))
            for status in STATUSES
        }
        return {status: count for status, count in counts.items() if count}
