"""Generation jobs over HTTP: start one (202 and its id at once), read its progress and result, resume
one a restart interrupted. A job's state lives in the review store (``approval.jobs``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from approval import JobState, JobView
from approval.api.deps import JobsDep, review_router
from synth_core.api.auth import authorize_generation
from synth_core.api.deps import CallerDep, SettingsDep, TenantDep
from synth_core.api.errors import error_responses
from synth_core.schemas.api import SyntheticDataRequest

router = review_router("/synthetic/jobs", "jobs")

JobId = Annotated[str, Path(min_length=1, max_length=128, description="The id POST /synthetic/jobs returned.")]


class JobAccepted(BaseModel):
    job_id: str
    tenant_id: str
    state: JobState
    status_url: str = Field(description="Where to read its progress and result (GET).")


def _status_url(job_id: str, tenant_id: str) -> str:
    return f"/synthetic/jobs/{job_id}?tenant_id={tenant_id}"


@router.post("", status_code=202, response_model=JobAccepted, responses=error_responses(409))
async def start_job(
    request: SyntheticDataRequest, caller: CallerDep, settings: SettingsDep, jobs: JobsDep, response: Response
) -> JobAccepted:
    """Generate in the background into the review store (same request as /synthetic/generate)."""
    authorize_generation(caller, request, settings)
    job_id = await run_in_threadpool(jobs.submit, request)
    url = _status_url(job_id, request.tenant_id)
    response.headers["Location"] = url
    return JobAccepted(job_id=job_id, tenant_id=request.tenant_id, state="queued", status_url=url)


@router.get("/{job_id}", response_model=JobView, responses=error_responses(404))
async def job_status(jobs: JobsDep, tenant_id: TenantDep, job_id: JobId) -> JobView:
    """State (queued, running, interrupted, finished, failed, ...), progress, and the result once it ended:
    its examples per review status, the quality report, or the error."""
    return await run_in_threadpool(jobs.view, tenant_id=tenant_id, job_id=job_id)


@router.post("/{job_id}/resume", status_code=202, response_model=JobView, responses=error_responses(404, 409))
async def resume_job(jobs: JobsDep, tenant_id: TenantDep, job_id: JobId) -> JobView:
    """Carry on an interrupted job: what it is missing is generated with its own request and seed."""
    return await run_in_threadpool(jobs.resume, tenant_id=tenant_id, job_id=job_id)
