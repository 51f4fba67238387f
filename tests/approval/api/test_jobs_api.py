"""Generation jobs over a real HTTP server: 202 and an id at once, progress and result, a failure kept
with its error, and state that survives a restart of the server (it lives in the review store)."""

from __future__ import annotations

import socket
import time
from typing import Any

import httpx

from approval.store import ReviewStore
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.settings import Settings
from tests.security.conftest import running_api

ENDED = ("finished", "failed", "interrupted", "discarded")


def wait_for_end(url: str, job_id: str, tenant: str = "default", timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        body: dict[str, Any] = httpx.get(f"{url}/synthetic/jobs/{job_id}", params={"tenant_id": tenant}).json()
        if body["state"] in ENDED:
            return body
        assert time.monotonic() < deadline, f"job {job_id} still {body['state']}"
        time.sleep(0.1)


def test_a_job_is_accepted_at_once_and_reports_its_result(demo_settings: Settings) -> None:
    with running_api(demo_settings, store_results=False) as url:
        accepted = httpx.post(f"{url}/synthetic/jobs", json={"optimizer": "modality", "count": 40, "seed": 2})
        assert accepted.status_code == 202, accepted.text
        job = accepted.json()
        assert job["state"] == "queued" and accepted.headers["location"] == job["status_url"]
        result = wait_for_end(url, job["job_id"])
        queue = httpx.get(f"{url}/synthetic/review/examples", params={"run_id": job["job_id"]}).json()
    assert result["state"] == "finished", result
    assert result["progress"]["stored"] == 40 == result["progress"]["requested"]
    progress = result["progress"]
    assert (progress["stage"], progress["done"], progress["total"]) == ("finished", 40, 40)
    assert sum(result["by_status"].values()) == 40
    assert result["quality"] is not None and result["error"] is None
    assert result["request"]["seed"] == 2
    assert queue["total"] == 40  # the job's examples wait in the queue like any run's


def test_a_job_that_cannot_be_done_fails_with_its_error_and_stores_nothing(demo_settings: Settings) -> None:
    impossible = {"optimizer": "routing", "count": 100_000, "sample_size": 3, "seed": 1}
    with running_api(demo_settings) as url:
        job = httpx.post(f"{url}/synthetic/jobs", json=impossible).json()
        result = wait_for_end(url, job["job_id"])
    assert result["state"] == "failed"
    assert result["error"]["code"] == "insufficient_content" and result["error"]["fix"]["field"] == "count"
    assert result["progress"]["stored"] == 0


def test_a_finished_job_is_still_there_after_a_restart(demo_settings: Settings) -> None:
    with running_api(demo_settings) as url:
        job = httpx.post(f"{url}/synthetic/jobs", json={"optimizer": "workflow", "count": 10, "seed": 4}).json()
        before = wait_for_end(url, job["job_id"])
    with running_api(demo_settings) as url:
        after = httpx.get(f"{url}/synthetic/jobs/{job['job_id']}").json()
    assert before["state"] == after["state"] == "finished"
    assert after["by_status"] == before["by_status"] and after["progress"]["stored"] == 10


def test_a_job_the_server_died_in_is_interrupted_and_resumes_to_the_end(demo_settings: Settings) -> None:
    """A run registered by a server process that is gone: the next server says so and can carry it on."""
    request = SyntheticDataRequest(optimizer="routing", count=12, seed=8)
    gone = {"host": socket.gethostname(), "pid": 2**22 + 7}  # above Linux's pid_max: no such process
    with ReviewStore.from_settings(demo_settings) as store:
        store.start_run(
            run_id="run-died",
            tenant_id="default",
            optimizer="routing",
            request=request.model_dump(mode="json"),
            settings_snapshot={"seed": 8, "generator": "template", "process": gone},
        )
    with running_api(demo_settings) as url:
        seen = httpx.get(f"{url}/synthetic/jobs/run-died").json()
        resumed = httpx.post(f"{url}/synthetic/jobs/run-died/resume")
        result = wait_for_end(url, "run-died")
        again = httpx.post(f"{url}/synthetic/jobs/run-died/resume")
    assert seen["state"] == "interrupted" and seen["progress"]["stored"] == 0
    assert resumed.status_code == 202, resumed.text
    assert result["state"] == "finished" and result["progress"]["stored"] == 12
    assert again.status_code == 409 and "finished" in again.json()["error"]["message"]


def test_an_unknown_job_is_a_404_in_the_error_shape(demo_settings: Settings) -> None:
    with running_api(demo_settings) as url:
        response = httpx.get(f"{url}/synthetic/jobs/run-nope")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_bad_job_request_is_refused_before_anything_is_registered(demo_settings: Settings) -> None:
    with running_api(demo_settings) as url:
        response = httpx.post(f"{url}/synthetic/jobs", json={"optimizer": "routing", "count": 0})
    assert response.status_code == 422 and response.json()["error"]["fix"]["field"] == "count"
    with ReviewStore.from_settings(demo_settings) as store:
        assert store.list_runs(tenant_id="default") == []
