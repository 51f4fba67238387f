"""Runs as a user sees them (``synth runs``): running, interrupted, finished or discarded; an
interrupted run is resumed or discarded here.

The store knows whether a run finished (``approval.store.runs``); whether an unfinished one is still
running is a question about its process (the sink records host and pid): alive on this machine =
running, gone = interrupted. A run started on another machine shows as ``unfinished``.

Resuming generates the run again with its stored request, seed and run id (generation is
deterministic for a seed and a content store) and stores only what is missing; auto-approvals and
the run's finish come in one transaction at the end, as for any run.
"""

from __future__ import annotations

import os
import socket
from typing import Literal

from pydantic import BaseModel, Field

from approval.sink import ResumingSink, this_process
from approval.store import ReviewStore, RunPublic
from synth_core.errors import Fix, InvalidRequestError
from synth_core.generators.base import ProgressFn
from synth_core.schemas.api import SyntheticDataRequest, SyntheticDataResponse
from synth_core.settings import Settings

RunState = Literal["running", "interrupted", "unfinished", "finished", "discarded"]


class RunView(BaseModel):
    """A run with its state as seen from this machine."""

    run: RunPublic
    state: RunState

    def row(self) -> dict[str, object]:
        return {
            "run": self.run.id,
            "optimizer": self.run.optimizer,
            "state": self.state,
            "stored": self.run.stored,
            "requested": self.run.requested,
            "seed": self.run.seed,
            "started": f"{self.run.started_at:%Y-%m-%d %H:%M:%S}",
        }


class ResumedRun(BaseModel):
    """What resuming an interrupted run did: the generation's response, and how many examples the run
    had stored before and gained now."""

    run_id: str
    stored_before: int
    added: int
    response: SyntheticDataResponse


class DiscardedRun(BaseModel):
    run_id: str
    deleted: int
    kept: int = Field(description="Examples a person had decided: they stay, and are never exported.")


def process_alive(process: dict[str, object]) -> bool | None:
    """Whether the process a run recorded is alive: None when it ran on another machine (unknowable);
    False when none was recorded (a writer that did not say)."""
    host, pid = process.get("host"), process.get("pid")
    if host is not None and host != socket.gethostname():
        return None
    if not isinstance(pid, int):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def view(run: RunPublic) -> RunView:
    if run.state != "unfinished":
        return RunView(run=run, state=run.state)
    alive = process_alive(run.process)
    state: RunState = "unfinished" if alive is None else ("running" if alive else "interrupted")
    return RunView(run=run, state=state)


def list_runs(store: ReviewStore, *, tenant_id: str, optimizer: str | None = None, limit: int = 50) -> list[RunView]:
    return [view(run) for run in store.list_runs(tenant_id=tenant_id, optimizer=optimizer, limit=limit)]


def resume_run(
    store: ReviewStore,
    settings: Settings,
    *,
    tenant_id: str,
    run_id: str,
    force: bool = False,
    llm_api_base: str | None = None,
    progress: ProgressFn | None = None,
) -> ResumedRun:
    """Generate what an interrupted run is missing, with its own request and seed, and finish it."""
    from synth_core.wiring import LLMOptions, build_service  # the generation side: loaded to resume

    current = _interrupted(store, tenant_id, run_id, force, "resume")
    stored = store.get_run(tenant_id=tenant_id, run_id=run_id)
    request = SyntheticDataRequest.model_validate({**stored["request"], "seed": stored["seed"]})
    snapshot = stored["settings_snapshot"] or {}
    llm = LLMOptions(model=snapshot.get("model"), api_base=llm_api_base) if snapshot.get("generator") == "llm" else None
    run = store.claim_run(tenant_id=tenant_id, run_id=run_id, process=this_process())
    sink = ResumingSink(settings, store=store, run=run)
    with build_service(settings, llm=llm, sink=sink) as service:
        response = service.generate(request, progress=progress, run_id=current.run.id)
    response.metadata["resumed"] = {"stored_before": run.stored, "added": sink.written}
    return ResumedRun(run_id=run_id, stored_before=run.stored, added=sink.written, response=response)


def discard_run(store: ReviewStore, *, tenant_id: str, run_id: str, force: bool = False) -> DiscardedRun:
    """Discard an interrupted run: its undecided examples are deleted, those a person decided kept."""
    _interrupted(store, tenant_id, run_id, force, "discard")
    deleted, kept = store.discard_run(tenant_id=tenant_id, run_id=run_id)
    return DiscardedRun(run_id=run_id, deleted=deleted, kept=kept)


def _interrupted(store: ReviewStore, tenant_id: str, run_id: str, force: bool, verb: str) -> RunView:
    current = view(store.get_run_public(tenant_id=tenant_id, run_id=run_id))
    if current.state in ("finished", "discarded"):
        raise InvalidRequestError(f"Run '{run_id}' is {current.state}; only an interrupted run can be {verb}ed.")
    if current.state != "interrupted" and not force:
        where = current.run.process
        raise InvalidRequestError(
            f"Run '{run_id}' looks {current.state} (pid {where.get('pid')} on {where.get('host')}).",
            fix=Fix(f"Stop it first, or force the {verb}.", field="force"),
        )
    return current
