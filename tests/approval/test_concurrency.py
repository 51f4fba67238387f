"""Two reviewer processes decide the same queue at once: no decision is lost, every race is reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from approval.store import ReviewStore
from tests.support.review_audit import audit_problems
from tests.support.review_data import seed_store

REPO = Path(__file__).resolve().parents[2]
TENANT = "acme"
QUEUE = 200


def race(url: str, tmp_path: Path, rounds: int) -> list[dict[str, object]]:
    """Run two reviewer processes on the same queue in lockstep rounds; collect their tallies."""
    command = [sys.executable, "-m", "tests.approval.review_worker", "review", url, TENANT]
    workers = [
        subprocess.Popen(
            [*command, reviewer, str(rounds), str(tmp_path)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for reviewer in ("ann", "bob")
    ]
    tallies = []
    for worker in workers:
        out, err = worker.communicate(timeout=240)
        assert worker.returncode == 0, err
        tallies.append(json.loads(out.strip().splitlines()[-1]))
    return tallies


def check_race(store: ReviewStore, tallies: list[dict[str, object]], attempts: int) -> None:
    log = store.decisions(tenant_id=TENANT)
    applied = [d for d in log if d.action in ("approve", "reject")]
    conflicts = [d for d in log if d.action == "conflict"]
    assert [t["errors"] for t in tallies] == [[], []]
    won = sum(int(t["applied"]) for t in tallies)  # type: ignore[call-overload]
    lost = sum(int(t["conflicts"]) for t in tallies)  # type: ignore[call-overload]
    # Both decided every example from the same version: exactly one of them won each time.
    assert won == lost == attempts
    assert len(applied) == won, "every decision that succeeded is in the log"
    assert len(conflicts) == lost, "every lost race is in the log"
    assert audit_problems(store, TENANT) == []


@pytest.mark.parametrize(
    "decisions_each",
    [
        pytest.param(400, id="400-each"),
        pytest.param(1000, id="1000-each", marks=pytest.mark.slow),
        pytest.param(5000, id="5000-each", marks=pytest.mark.slow),
    ],
)
def test_two_processes_deciding_the_same_queue_lose_nothing(
    review_url: str, tmp_path: Path, decisions_each: int
) -> None:
    with ReviewStore(review_url) as store:
        seed_store(store, QUEUE, tenant_id=TENANT)
    rounds = decisions_each // QUEUE
    tallies = race(review_url, tmp_path, rounds)
    with ReviewStore(review_url) as store:
        check_race(store, tallies, attempts=rounds * QUEUE)
