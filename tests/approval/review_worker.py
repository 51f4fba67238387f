"""A separate process that works on a review store, for the concurrency and crash-safety tests.

python -m tests.approval.review_worker review URL TENANT REVIEWER ROUNDS BARRIER_DIR
    ROUNDS times: reads the whole queue (one snapshot of versions), waits until the other reviewer
    has read it too, then decides every example from that snapshot (approve, or reject what it saw
    approved), and waits for the other to finish the round. Both decide the same examples from the
    same versions at the same time, so each example is won by exactly one of them. Prints one JSON
    line: {"applied": n, "conflicts": n, "errors": [...]}.
python -m tests.approval.review_worker sink URL HOME RUN_ID BATCH_SIZE BATCHES HANG_IN_BATCH
    writes BATCHES batches through ReviewStoreSink, printing "committed N" after each; inside batch
    HANG_IN_BATCH it prints "hanging" once the rows are written but before the commit, and waits to be
    killed.
python -m tests.approval.review_worker bulk URL TENANT SINGLES
    decides SINGLES examples one by one (printing "decided ID" after each commit), then starts a bulk
    rejection of everything pending and prints "hanging" just before its UPDATE, waiting to be killed.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event

from approval.decision import Decision
from approval.models import ExampleFilter, PageRequest
from approval.sink import ReviewStoreSink
from approval.store import ReviewStore
from synth_core.errors import ConflictError, SynthError
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.settings import load_settings
from tests.approval.builders import make_example

HANG_S = 120


def say(line: str) -> None:
    print(line, flush=True)


def hang_before(store: ReviewStore, statement_start: str, *, armed: Any) -> None:
    """Stop forever (until killed) right before the first statement starting with ``statement_start``
    once ``armed()`` is true, inside whatever transaction is open."""

    @event.listens_for(store.engine, "before_cursor_execute")
    def _hang(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith(statement_start) and armed():
            say("hanging")
            time.sleep(HANG_S)


def barrier(folder: str, name: str, reviewer: str, parties: int = 2) -> None:
    """Wait until ``parties`` reviewers have reached the point called ``name``."""
    (Path(folder) / f"{name}.{reviewer}").touch()
    while len(list(Path(folder).glob(f"{name}.*"))) < parties:
        time.sleep(0.002)


def review(url: str, tenant: str, reviewer: str, rounds: int, barrier_dir: str) -> None:
    store = ReviewStore(url)
    applied = conflicts = 0
    errors: list[str] = []
    for round_number in range(rounds):
        snapshot = store.list_page(
            tenant_id=tenant, request=PageRequest(filter=ExampleFilter(), limit=1000, order="created")
        ).items
        barrier(barrier_dir, f"read-{round_number}", reviewer)
        for example in snapshot:
            target = "rejected" if example.status == "approved" else "approved"
            try:
                store.decide(
                    tenant_id=tenant,
                    example_id=example.id,
                    decision=Decision(
                        action="reject" if target == "rejected" else "approve",
                        reviewer=reviewer,
                        reason_code="other" if target == "rejected" else None,
                        expected_version=example.version,
                    ),
                )
                applied += 1
            except ConflictError:
                conflicts += 1
            except SynthError as exc:
                errors.append(str(exc))
        barrier(barrier_dir, f"decided-{round_number}", reviewer)
    say(json.dumps({"applied": applied, "conflicts": conflicts, "errors": errors[:5]}))


def sink(url: str, home: str, run_id: str, batch_size: int, batches: int, hang_in_batch: int) -> None:
    writer = ReviewStoreSink(load_settings(home=Path(home), review={"url": url}))
    current = {"batch": 0}
    hang_before(writer.store, "INSERT INTO EXAMPLE_PAYLOADS", armed=lambda: current["batch"] == hang_in_batch)
    request = SyntheticDataRequest(optimizer="modality", count=batch_size * batches, tenant_id="acme")
    writer.start_run(run_id=run_id, request=request, settings_snapshot={})
    for batch in range(1, batches + 1):
        current["batch"] = batch
        examples = [
            make_example("modality", query=f"show me the video about topic {batch} {index}", run_id=run_id)
            for index in range(batch_size)
        ]
        writer.write_batch(run_id=run_id, optimizer="modality", tenant_id="acme", examples=examples)
        say(f"committed {batch}")
    say("done")


def bulk(url: str, tenant: str, singles: int) -> None:
    store = ReviewStore(url)
    pending = store.list_page(
        tenant_id=tenant, request=PageRequest(filter=ExampleFilter(statuses=["pending_review"]), limit=singles)
    )
    for example in pending.items:
        store.decide(
            tenant_id=tenant,
            example_id=example.id,
            decision=Decision(action="approve", reviewer="ann", expected_version=example.version),
        )
        say(f"decided {example.id}")
    hang_before(store, "UPDATE EXAMPLES", armed=lambda: True)
    store.bulk_decide(
        tenant_id=tenant,
        filter=ExampleFilter(statuses=["pending_review"]),
        decision=Decision(action="reject", reviewer="bob", reason_code="other"),
    )
    say("done")


def main(argv: list[str]) -> None:
    mode, url, *rest = argv
    if mode == "review":
        review(url, rest[0], rest[1], int(rest[2]), rest[3])
    elif mode == "sink":
        sink(url, rest[0], rest[1], int(rest[2]), int(rest[3]), int(rest[4]))
    elif mode == "bulk":
        bulk(url, rest[0], int(rest[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
