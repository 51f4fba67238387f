"""``synth topup``: generate for the thin cells of an optimizer's label grid only.

A generation request cannot ask for a label combination (``SyntheticDataRequest`` names an optimizer,
a count, strategies and profiles; the labels follow from the content and the writer). So a top-up
generates with the same ``GenerationService`` as ``synth generate`` and stores, through a filtering
sink, only the examples that land in a cell still below target, until each reaches it. Each round
asks for as many examples as the last round's hit rate says the remaining cells need. A cell that is
still short after the last round is one this content and writer rarely or never produce: it is
reported as not steerable, never padded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from contextlib import closing
from typing import Any

from pydantic import BaseModel

from approval.insights import Insights
from approval.scorecard.coverage import cell_key, deficits
from synth_core.errors import InsufficientContentError
from synth_core.registry import get_optimizer
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.schemas.common import ExampleBase
from synth_core.service import GenerationService
from synth_core.sinks import ExampleSink

ROUNDS = 4
FIRST_HIT_RATE = 0.1
"""The share of generated examples assumed to land in a thin cell before any round has measured it."""
MIN_REQUEST, MAX_REQUEST = 50, 20_000


class TopupCell(BaseModel):
    labels: dict[str, str]
    before: int
    added: int

    @property
    def after(self) -> int:
        return self.before + self.added


class TopupResult(BaseModel):
    optimizer: str
    target: int
    generated: int
    """Examples generated over all rounds (only those in thin cells were stored)."""
    cells: list[TopupCell]
    run_ids: list[str]

    @property
    def stored(self) -> int:
        return sum(cell.added for cell in self.cells)

    @property
    def not_steerable(self) -> list[TopupCell]:
        return [cell for cell in self.cells if cell.after < self.target]

    def render_rows(self) -> list[dict[str, Any]]:
        return [
            {
                **cell.labels,
                "before": cell.before,
                "added": cell.added,
                "after": cell.after,
                "reached": "yes" if cell.after >= self.target else "NOT STEERABLE",
            }
            for cell in self.cells
        ]


class ThinCellSink:
    """An ``ExampleSink`` that passes on only the examples of cells that still need some, and starts
    the inner sink's run only when it has something to store (a round that hits nothing leaves no run)."""

    def __init__(self, inner: ExampleSink, axes: Sequence[str], needed: dict[tuple[str, ...], int]) -> None:
        self.inner = inner
        self.axes = tuple(axes)
        self.needed = needed
        self.added: dict[tuple[str, ...], int] = dict.fromkeys(needed, 0)
        self.seen = 0
        self._pending_start: dict[str, Any] | None = None
        self.started: list[str] = []

    def start_run(self, *, run_id: str, request: SyntheticDataRequest, settings_snapshot: dict[str, Any]) -> None:
        self._pending_start = {"run_id": run_id, "request": request, "settings_snapshot": settings_snapshot}

    def write_batch(self, *, run_id: str, optimizer: str, tenant_id: str, examples: Sequence[ExampleBase]) -> None:
        self.seen += len(examples)
        kept = [example for example in examples if self._take(cell_key(example.model_dump(mode="json"), self.axes))]
        if not kept:
            return
        if self._pending_start is not None:
            self.inner.start_run(**self._pending_start)
            self.started.append(run_id)
            self._pending_start = None
        self.inner.write_batch(run_id=run_id, optimizer=optimizer, tenant_id=tenant_id, examples=kept)

    def finish_run(self, *, run_id: str, summary: dict[str, Any]) -> None:
        if run_id in self.started:
            self.inner.finish_run(run_id=run_id, summary={**summary, "count": sum(self.added.values()), "topup": True})

    def _take(self, key: tuple[str, ...]) -> bool:
        if self.needed.get(key, 0) <= 0:
            return False
        self.needed[key] -= 1
        self.added[key] += 1
        return True


def topup(
    service_for: Callable[[ExampleSink], GenerationService],
    insights: Insights,
    sink: ExampleSink,
    *,
    tenant_id: str,
    optimizer: str,
    target: int,
    seed: int,
    rounds: int = ROUNDS,
) -> TopupResult:
    """Generate into ``sink`` until every thin cell of ``optimizer``'s grid (pending and approved
    examples counted) reaches ``target``, or ``rounds`` rounds have run. ``service_for(sink)``: the
    generation service ``synth generate`` would use, writing into ``sink``."""
    axes = get_optimizer(optimizer).coverage_labels
    cells = insights.label_coverage(tenant_id=tenant_id, optimizer=optimizer)
    needed = deficits(cells, axes, target=target)
    before = {tuple(cell.labels[axis] for axis in axes): cell.count for cell in cells}
    filtering = ThinCellSink(sink, axes, dict(needed))
    hit_rate, generated = FIRST_HIT_RATE, 0
    with closing(service_for(filtering)) as service:
        for round_number in range(rounds):
            remaining = sum(max(0, n) for n in filtering.needed.values())
            if not remaining:
                break
            stored_before, seen_before = sum(filtering.added.values()), filtering.seen
            count = min(MAX_REQUEST, max(MIN_REQUEST, math.ceil(remaining / hit_rate)))
            generated += _generate(
                service, optimizer=optimizer, tenant_id=tenant_id, count=count, seed=seed + round_number
            )
            hits = sum(filtering.added.values()) - stored_before
            hit_rate = max(hits / max(1, filtering.seen - seen_before), 1 / MAX_REQUEST)
    return TopupResult(
        optimizer=optimizer,
        target=target,
        generated=generated,
        cells=[
            TopupCell(labels=dict(zip(axes, key, strict=True)), before=before[key], added=filtering.added[key])
            for key in needed
        ],
        run_ids=filtering.started,
    )


def _generate(service: GenerationService, *, optimizer: str, tenant_id: str, count: int, seed: int) -> int:
    """Generate ``count`` examples (fewer when the content cannot support that many); how many were made."""
    while True:
        request = SyntheticDataRequest(optimizer=optimizer, count=count, tenant_id=tenant_id, seed=seed)
        try:
            return service.generate(request).count
        except InsufficientContentError:
            if count <= MIN_REQUEST:
                return 0
            count = max(MIN_REQUEST, count // 2)
