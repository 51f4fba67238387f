"""``synth generate`` writes into the review store through this sink (entry point ``review_store``).

Each batch is scored (``score_batch``: near-duplicates within the batch, the run so far and the
tenant's stored examples) and stored in ONE transaction: a crash leaves whole batches or nothing.
Auto-approval waits for the run: an example at or above the threshold is stored pending and is only
auto-approved by ``finish_run``, in the transaction that marks the run finished, so a run killed
half-way leaves nothing auto-approved (and nothing exportable; see ``approval.store.runs``).

A batch is matched against the stored queries filed under its near-duplicate keys
(``ReviewStore.near_duplicate_candidates``): the tenant's earlier examples and the run's committed
batches, without reading every stored query (approval.dedup).

Once the tenant's reviewers decided enough examples, a learned model's chance of approval is blended
into each score (``approval.learning``: trained or retrained when a run starts), and a random share of
the examples that would be auto-approved (``[learning] audit_share``, seeded by the run) is left for
review instead.
"""

from __future__ import annotations

import math
import os
import random
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from approval.confidence import score_batch, threshold_for
from approval.learning.learner import current_model, draw_audit, score_with_model
from approval.learning.model import ConfidenceModel
from approval.models import DUPLICATE_SCOPE, NewExample
from approval.store import ReviewStore, RunPublic
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.schemas.common import ExampleBase
from synth_core.settings import Settings


@dataclass
class _RunLearning:
    """What a run scores its batches with beyond the rules: the tenant's model (if any), and the
    audit draw (seeded by the run) with the examples drawn so far."""

    model: ConfidenceModel | None
    rng: random.Random
    audit_ids: list[str] = field(default_factory=list)


class ReviewStoreSink:
    """An ``ExampleSink`` (synth_core/sinks.py) over a ``ReviewStore``."""

    def __init__(self, settings: Settings, *, store: ReviewStore | None = None) -> None:
        """``store``: an open store to write to, left open by ``close`` (its opener closes it); by
        default the sink opens the configured one and closes it."""
        self.settings = settings
        self._owns_store = store is None
        self.store = store if store is not None else ReviewStore.from_settings(settings)
        self._thresholds: dict[str, float] = {}
        self._learning: dict[str, _RunLearning] = {}

    def start_run(self, *, run_id: str, request: SyntheticDataRequest, settings_snapshot: dict[str, Any]) -> None:
        override = settings_snapshot.get("threshold")
        self._thresholds[run_id] = threshold_for(
            request.optimizer, self.settings, float(override) if override is not None else None
        )
        self.store.start_run(
            run_id=run_id,
            tenant_id=request.tenant_id,
            optimizer=request.optimizer,
            request=request.model_dump(mode="json"),
            settings_snapshot={**settings_snapshot, "process": this_process()},
        )

    def write_batch(self, *, run_id: str, optimizer: str, tenant_id: str, examples: Sequence[ExampleBase]) -> None:
        if not examples:
            return
        known = self.store.nearby_queries(
            tenant_id=tenant_id,
            optimizer=optimizer,
            queries=[example.query for example in examples],
            statuses=DUPLICATE_SCOPE,
        )
        confidences = score_batch(optimizer, examples, known_queries=known, agents=self.settings.agents)
        learning = self._run_learning(run_id, tenant_id)
        scored = score_with_model(optimizer, examples, confidences, learning.model, self.settings.learning.blend_weight)
        threshold = self._thresholds.get(run_id, math.inf)
        drawn = draw_audit(scored, threshold, self.settings.learning.audit_share, learning.rng)
        batch = [
            NewExample(
                payload=example.model_dump(mode="json"),
                status="pending_review",  # auto-approved, if at all, when the run finishes
                confidence=score.confidence,
                confidence_breakdown=score.breakdown,
                approval_chance=score.approval_chance,
            )
            for example, score in zip(examples, scored, strict=True)
        ]
        ids = self.store.add_examples(run_id=run_id, tenant_id=tenant_id, optimizer=optimizer, examples=batch)
        learning.audit_ids.extend(ids[position] for position in drawn)

    def finish_run(self, *, run_id: str, summary: dict[str, Any]) -> None:
        threshold = self._thresholds.pop(run_id, math.inf)
        learning = self._learning.pop(run_id, None)
        self.store.finish_run(
            run_id=run_id,
            summary=summary,
            auto_approve_at=threshold if math.isfinite(threshold) else None,
            audit_ids=learning.audit_ids if learning is not None else (),
        )

    def _run_learning(self, run_id: str, tenant_id: str) -> _RunLearning:
        """The run's model and audit draw, set up by its first batch (a resumed run's too)."""
        if run_id not in self._learning:
            model = current_model(self.store, tenant_id=tenant_id, settings=self.settings.learning)
            self._learning[run_id] = _RunLearning(model, random.Random(f"audit:{run_id}"))
        return self._learning[run_id]

    def close(self) -> None:
        if self._owns_store:
            self.store.close()


class ResumingSink(ReviewStoreSink):
    """Carries on an interrupted run: the service generates the whole run again (same request, seed and
    run id) and only the examples the run has not stored yet are written, up to its requested count."""

    def __init__(self, settings: Settings, *, store: ReviewStore, run: RunPublic) -> None:
        super().__init__(settings, store=store)
        self._stored = store.run_queries(tenant_id=run.tenant_id, run_id=run.id)
        self._missing = max((run.requested or 0) - run.stored, 0)
        self.written = 0

    def write_batch(self, *, run_id: str, optimizer: str, tenant_id: str, examples: Sequence[ExampleBase]) -> None:
        fresh = [example for example in examples if example.query.casefold() not in self._stored]
        fresh = fresh[: self._missing - self.written]
        super().write_batch(run_id=run_id, optimizer=optimizer, tenant_id=tenant_id, examples=fresh)
        self._stored.update(example.query.casefold() for example in fresh)
        self.written += len(fresh)


def this_process() -> dict[str, Any]:
    """Where a run runs, so that ``synth runs`` can tell a running run from an interrupted one."""
    return {"host": socket.gethostname(), "pid": os.getpid()}
