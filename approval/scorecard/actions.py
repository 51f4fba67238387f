"""The scorecard's three actions on a tenant's data, as the review service offers them: score a dataset,
top up its thin label-grid cells, train a router on it (``ReviewService.scorecard|topup|train``)."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from approval.insights import Insights
from approval.scorecard.build import build_scorecard, router_label
from approval.scorecard.coverage import DEFAULT_CELL_TARGET
from approval.scorecard.data import read_jsonl, real_queries
from approval.scorecard.report import Scorecard
from approval.store import ReviewStore
from synth_core.agents import AgentInference
from synth_core.backends.base import ContentBackend
from synth_core.registry import get_optimizer
from synth_core.settings import Settings
from synth_core.sinks import ExampleSink

if TYPE_CHECKING:
    from approval.scorecard.topup import TopupResult
    from approval.scorecard.train import TrainResult


def scorecard_of(
    store: ReviewStore,
    settings: Settings,
    *,
    tenant_id: str,
    optimizer: str,
    data: Path | None,
    real: Path | None,
    target: int | None,
) -> Scorecard:
    """The scorecard of ``data`` (an export's JSONL) or, without it, of ``optimizer``'s approved
    examples in the store; the router and realism sections need ``real`` (real labelled queries)."""
    spec = get_optimizer(optimizer)
    records = (
        read_jsonl(data, what="dataset")
        if data is not None
        else approved_records(store, tenant_id=tenant_id, optimizer=optimizer)
    )
    queries = real_queries(real, label_field=router_label(spec)) if real is not None else None
    return build_scorecard(
        records,
        spec=spec,
        agents=AgentInference(settings.agents),
        real=queries,
        target=DEFAULT_CELL_TARGET if target is None else target,
        seed=settings.seed,
    )


def approved_records(store: ReviewStore, *, tenant_id: str, optimizer: str) -> list[dict[str, Any]]:
    """The training records an export of ``optimizer`` would write (approved and auto-approved)."""
    spec = get_optimizer(optimizer)
    rows = store.iter_export_rows(tenant_id=tenant_id, optimizer=optimizer, omit_fields=spec.schema.BOOKKEEPING_FIELDS)
    with closing(rows):
        return [row.payload for row in rows]


def topup_thin_cells(
    settings: Settings,
    insights: Insights,
    sink: ExampleSink,
    backend: ContentBackend,
    *,
    tenant_id: str,
    optimizer: str,
    target: int | None,
) -> TopupResult:
    """Generate for the label-grid cells of ``optimizer`` below ``target`` only, sampling ``backend``
    (the caller's, left open) with the configured writer (``approval.scorecard.topup``)."""
    from approval.scorecard.topup import topup
    from synth_core.wiring import build_service  # the generation side: loaded when a top-up runs

    return topup(
        lambda run_sink: build_service(settings, sink=run_sink, backend=backend),
        insights,
        sink,
        tenant_id=tenant_id,
        optimizer=optimizer,
        target=DEFAULT_CELL_TARGET if target is None else target,
        seed=settings.seed,
    )


def train_router(
    settings: Settings,
    *,
    optimizer: str,
    data: Path,
    real: Path | None,
    out: Path | None,
    llm_model: str | None,
    llm_api_base: str | None,
) -> TrainResult:
    """Train ``optimizer``'s router on ``data`` (an export's JSONL) and save it with its metrics in
    ``out`` (default ``<home>/models/<optimizer>/``); with an LLM (``llm_model`` or the settings'),
    also compile a DSPy routing module with the recommended optimizer."""
    from approval.scorecard.train import train

    spec = get_optimizer(optimizer)
    queries = real_queries(real, label_field=router_label(spec)) if real is not None else None
    lm = None
    if llm_model or settings.llm.model:
        from synth_core.llm.client import build_lm

        lm = build_lm(settings, model=llm_model, api_base=llm_api_base)
    return train(
        read_jsonl(data, what="dataset"),
        spec=spec,
        out=out if out is not None else settings.home / "models" / optimizer,
        real=queries,
        lm=lm,
        seed=settings.seed,
        media=settings.agents,
    )
