"""How a job's state is read from its run (approval/jobs.py): the store's state, the runner's live jobs
and whether the recorded process still runs."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime
from typing import Any

import pytest

from approval.jobs import JobRunner
from approval.store import RunPublic

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
