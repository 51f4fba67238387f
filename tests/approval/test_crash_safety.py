"""SIGKILL in the middle of a generation run and of a bulk decision: the store opens afterwards, every
committed decision is there, and no half batch or half bulk exists."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from approval.decision import Decision
from approval.models import ExampleFilter
from approval.store import ReviewStore
from tests.support.review_audit import audit_problems
from tests.support.review_data import seed_store

REPO = Path(__file__).resolve().parents[2]
BATCH = 40


def start_worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.approval.review_worker", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def lines_until_hanging(worker: subprocess.Popen[str]) -> list[str]:
    """The worker's output up to the moment it hangs inside an open transaction."""
    assert worker.stdout is not None
    lines: list[str] = []
    for line in worker.stdout:
        if line.strip() == "hanging":
            return lines
        lines.append(line.strip())
    raise AssertionError(f"worker ended without hanging: {lines} {worker.stderr.read() if worker.stderr else ''}")


def kill(worker: subprocess.Popen[str]) -> None:
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL


def test_a_killed_generation_run_leaves_whole_batches(review_url: str, tmp_path: Path) -> None:
    worker = start_worker("sink", review_url, str(tmp_path / "home"), "run-k", str(BATCH), "6", "3")
    printed = lines_until_hanging(worker)
    kill(worker)
    committed = [line for line in printed if line.startswith("committed")]
    assert committed == ["committed 1", "committed 2"]

    with ReviewStore(review_url) as store:
        stored = store.count(tenant_id="acme", filter=ExampleFilter(run_id="run-k"))
        assert stored % BATCH == 0
        assert stored == len(committed) * BATCH
        assert audit_problems(store, "acme") == []
        # The store still takes writes: nothing is left locked by the dead process.
        store.start_run(run_id="run-after", tenant_id="acme", optimizer="modality", request={}, settings_snapshot={})
        assert store.get_run(tenant_id="acme", run_id="run-after")["id"] == "run-after"


def test_a_run_killed_at_any_moment_still_holds_only_whole_batches(review_url: str, tmp_path: Path) -> None:
    worker = start_worker("sink", review_url, str(tmp_path / "home"), "run-k", str(BATCH), "500", "0")
    assert worker.stdout is not None
    seen = 0
    for line in worker.stdout:
        seen += line.startswith("committed")
        if seen == 3:
            break
    time.sleep(0.05)  # somewhere in the next batches: scoring, writing or committing
    kill(worker)
    with ReviewStore(review_url) as store:
        stored = store.count(tenant_id="acme", filter=ExampleFilter(run_id="run-k"))
    assert stored % BATCH == 0
    assert stored >= seen * BATCH


def test_a_killed_bulk_decision_changes_nothing_and_keeps_earlier_decisions(review_url: str) -> None:
    with ReviewStore(review_url) as store:
        seed_store(store, 300)
    worker = start_worker("bulk", review_url, "acme", "5")
    printed = lines_until_hanging(worker)
    kill(worker)
    decided = [line.split()[1] for line in printed if line.startswith("decided")]
    assert len(decided) == 5

    with ReviewStore(review_url) as store:
        for example_id in decided:
            assert store.get(tenant_id="acme", example_id=example_id).status == "approved"
        log = store.decisions(tenant_id="acme")
        assert sorted(d.example_id for d in log) == sorted(decided)
        assert {d.reviewer for d in log} == {"ann"}, "no row of the killed bulk decision survives"
        assert store.count(tenant_id="acme", filter=ExampleFilter(statuses=["pending_review"])) == 300 - 5
        assert audit_problems(store, "acme") == []
        # ... and the bulk decision can simply be run again.
        assert (
            store.bulk_decide(
                tenant_id="acme",
                filter=ExampleFilter(statuses=["pending_review"]),
                decision=Decision(action="reject", reviewer="bob", reason_code="other"),
            )
            == 300 - 5
        )
