"""How a job's state is read from its run (approval/jobs.py): the store's state, the runner's live jobs
and whether the recorded process still runs."""

from __future__ import annotations

import os
import socket
import threading
import time
from datetime import UTC, datetime
from typing import Any

import pytest

from approval.jobs import JobRunner
from approval.store import ReviewStore, RunPublic
from synth_core.errors import GenerationError
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.settings import Settings

HERE = socket.gethostname()


def run(state: str = "unfinished", process: dict[str, Any] | None = None) -> RunPublic:
    return RunPublic(
        id="run-x",
        tenant_id="acme",
        optimizer="routing",
        state=state,  # type: ignore[arg-type]
        requested=10,
        stored=0,
        seed=1,
        started_at=datetime.now(UTC),
        finished_at=None,
        process=process or {},
    )


@pytest.mark.parametrize(
    ("stored", "summary", "live", "expected"),
    [
        (run("finished"), {"count": 10}, None, "finished"),
        (run("finished"), {"count": 0, "error": {"code": "insufficient_content"}}, None, "failed"),
        (run("discarded"), {"discarded_at": "x"}, None, "discarded"),
        (run(process={"host": HERE, "pid": os.getpid()}), {}, ("queued", 0, 0), "queued"),
        (run(process={"host": HERE, "pid": os.getpid()}), {}, ("writing queries", 5, 10), "running"),
        # this very process, but no runner of it holds the job: a server restarted in the same process
        (run(process={"host": HERE, "pid": os.getpid()}), {}, None, "interrupted"),
        (run(process={"host": HERE, "pid": 2**22 + 7}), {}, None, "interrupted"),  # no such process
        (run(process={"host": HERE, "pid": os.getppid()}), {}, None, "running"),  # another live process here
        (run(process={"host": "elsewhere", "pid": 1}), {}, None, "unfinished"),  # cannot tell from here
    ],
)
def test_a_jobs_state(stored: RunPublic, summary: dict[str, Any], live: Any, expected: str) -> None:
    assert JobRunner._state(stored, summary, live) == expected


class BlockingService:
    """Stands in for GenerationService: ``generate`` waits for ``release``, then raises ``error``."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.started = threading.Event()
        self.release = threading.Event()

    def run_settings(self, request: SyntheticDataRequest, seed: int) -> dict[str, Any]:
        return {"seed": seed, "generator": "template"}

    def generate(self, request: SyntheticDataRequest, **_: Any) -> None:
        self.started.set()
        self.release.wait(10)
        raise self.error

    def close(self) -> None:
        pass


def wait_until_ended(runner: JobRunner, job_id: str) -> str:
    for _ in range(200):
        state = runner.view(tenant_id="acme", job_id=job_id).state
        if state not in ("queued", "running"):
            return state
        time.sleep(0.02)
    raise AssertionError("the job did not end")


@pytest.mark.parametrize(("closing", "expected"), [(False, "failed"), (True, "interrupted")])
def test_a_job_that_errs_fails_unless_the_server_is_stopping(settings: Settings, closing: bool, expected: str) -> None:
    service = BlockingService(GenerationError("The model is unreachable."))
    with ReviewStore.from_settings(settings) as store:
        runner = JobRunner(store, settings, service_for=lambda sink: service, workers=1)  # type: ignore[arg-type,return-value]
        job_id = runner.submit(SyntheticDataRequest(optimizer="routing", count=5, tenant_id="acme"))
        assert service.started.wait(10)
        assert runner.view(tenant_id="acme", job_id=job_id).state == "running"
        if closing:
            runner.close()
        service.release.set()
        state = wait_until_ended(runner, job_id)
        error = runner.view(tenant_id="acme", job_id=job_id).error
        runner.close()
    assert state == expected
    assert (error is not None and error["code"] == "generation_error") == (expected == "failed")
