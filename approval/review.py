"""The review service: what the CLI, the API and the dashboard call to review examples, and the
one object they hold (``approval.ReviewService``).

It takes a person's decision through the rules the store alone does not apply (review_decisions.py:
edits validated and re-scored, the current version when the caller has none) and gathers the rest of
the review side behind one set of keyword-only, tenant-scoped methods: the queue, evidence,
regeneration, export, calibration, run reports, runs and the Insights numbers (``service.insights``).
Each method hands over to the module that owns its concern.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from approval.calibration import CalibrationReport, calibrate
from approval.confidence import threshold_for
from approval.decision import Decision
from approval.edit_form import EditField, edit_fields
from approval.insights import Insights
from approval.learning.evaluation import LearnedEvaluation
from approval.learning.learner import learned_evaluation
from approval.models import (
    DecisionPublic,
    ExampleFilter,
    ExamplePublic,
    Page,
    PageRequest,
    ReviewStats,
    UndoResult,
)
from approval.regeneration import RegenerationOutcome, RegenerationResult, Regenerator, regenerate
from approval.regeneration_view import RejectedExample, Replacement, regenerate_in_steps, rejected_page, replacements
from approval.review_decisions import decide_example
from approval.review_evidence import ExampleEvidence, example_evidence
from approval.run_report import RunReport, run_report
from approval.runs import DiscardedRun, ResumedRun, RunView, discard_run, list_runs, resume_run, view
from approval.sink import ReviewStoreSink
from approval.store import ReviewStore
from synth_core.backends.base import ContentBackend
from synth_core.generators.base import ProgressFn
from synth_core.registry import OPTIMIZERS, get_optimizer
from synth_core.settings import Settings
from synth_core.sinks import ExampleSink

if TYPE_CHECKING:
    from approval.export import ExportResult
    from approval.export_download import ExportDownload, ExportReadiness
    from approval.jobs import JobRunner
    from approval.scorecard import Scorecard
    from approval.scorecard.topup import TopupResult
    from approval.scorecard.train import TrainResult


class ReviewService:
    """The review side as an interface sees it: one object per review store, opened once and closed.

    Every method is keyword-only and scoped to one ``tenant_id``; every result is a pydantic model.
    The content backend (evidence) and the generation service (regeneration) are the caller's and
    passed in: the dashboard shares its own, the CLI opens them for one command.
    """

    def __init__(self, store: ReviewStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.insights = Insights(store)

    @classmethod
    def from_settings(cls, settings: Settings) -> ReviewService:
        return cls(ReviewStore.from_settings(settings), settings)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> ReviewService:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------------------

    def list_page(self, *, tenant_id: str, request: PageRequest) -> Page:
        """One page of the review queue and the size of the whole filtered set."""
        return self.store.list_page(tenant_id=tenant_id, request=request)

    def list_page_json(self, *, tenant_id: str, request: PageRequest) -> bytes:
        """``list_page`` as its JSON document (``Page.model_dump_json()``), written from the stored JSON
        without building models: what the REST API sends."""
        return self.store.list_page_json(tenant_id=tenant_id, request=request)

    def show(self, *, tenant_id: str, example_id: str) -> tuple[ExamplePublic, list[DecisionPublic]]:
        """An example and its audit log."""
        example = self.store.get(tenant_id=tenant_id, example_id=example_id)
        return example, self.store.decisions(tenant_id=tenant_id, example_id=example_id)

    def evidence(self, backend: ContentBackend, *, tenant_id: str, example_id: str) -> ExampleEvidence:
        """An example with its audit log and its evidence in ``backend`` (sources, search hits, entities)."""
        return example_evidence(self.store, backend, tenant_id=tenant_id, example_id=example_id)

    def edit_fields(self, example: ExamplePublic) -> list[EditField]:
        """What an edit form offers for ``example``: each editable field, its kind and valid choices."""
        return edit_fields(example, self.settings.agents)

    def stats(self, *, tenant_id: str, optimizer: str | None = None) -> ReviewStats:
        return ReviewStats.model_validate(self.store.stats(tenant_id=tenant_id, optimizer=optimizer))

    # -- deciding -----------------------------------------------------------------------------------

    def decide(self, *, tenant_id: str, example_id: str, decision: Decision) -> ExamplePublic:
        """Apply ``decision`` to one example at the version the reviewer saw (or the current one).

        An edit's changes are validated against the optimizer's schema and re-scored; the example
        becomes approved and the audit log keeps the change as {field: [old, new]}.
        """
        return decide_example(
            self.store, self.settings.agents, tenant_id=tenant_id, example_id=example_id, decision=decision
        )

    def bulk_count(self, *, tenant_id: str, filter: ExampleFilter, action: str) -> int:
        """How many examples ``bulk`` would change (the whole filtered set, not a page)."""
        scope = self.store.bulk_scope(filter=filter, action=action)
        return 0 if scope is None else self.store.count(tenant_id=tenant_id, filter=scope)

    def bulk(
        self, *, tenant_id: str, filter: ExampleFilter, decision: Decision, expected_count: int | None = None
    ) -> int:
        """Decide the whole filtered set; ``expected_count`` (what ``bulk_count`` showed) makes it refuse
        with a ConflictError when the set has changed since."""
        return self.store.bulk_decide(
            tenant_id=tenant_id, filter=filter, decision=decision, expected_count=expected_count
        )

    def undo(self, *, tenant_id: str, reviewer: str) -> UndoResult:
        """Revert the reviewer's last decision; a bulk decision as a whole."""
        return self.store.undo_last(tenant_id=tenant_id, reviewer=reviewer)

    # -- regeneration -------------------------------------------------------------------------------

    def rejected_page(
        self, *, tenant_id: str, filter: ExampleFilter, limit: int = 25, offset: int = 0
    ) -> tuple[list[RejectedExample], int]:
        """One page of rejected examples matching ``filter``, each with its rejection feedback; and the total."""
        return rejected_page(self.store, tenant_id=tenant_id, filter=filter, limit=limit, offset=offset)

    def regenerate(
        self,
        regenerator: Regenerator,
        *,
        tenant_id: str,
        reviewer: str,
        example_ids: Sequence[str] | None = None,
        filter: ExampleFilter | None = None,
        progress: Callable[[int, int], object] | None = None,
    ) -> RegenerationResult:
        """New examples for the named rejected ones (or every rejected one matching ``filter``), from
        their source content and the reviewers' feedback; with ``progress``, in steps, reporting
        ``progress(done, total)`` after each."""
        if progress is None:
            return regenerate(
                self.store,
                regenerator,
                tenant_id=tenant_id,
                reviewer=reviewer,
                example_ids=example_ids,
                filter=filter,
                settings=self.settings,
            )
        outcomes = regenerate_in_steps(
            self.store,
            regenerator,
            tenant_id=tenant_id,
            reviewer=reviewer,
            settings=self.settings,
            example_ids=example_ids,
            filter=filter,
            progress=progress,
        )
        return RegenerationResult(outcomes=outcomes)

    def replacements(self, *, tenant_id: str, outcomes: Sequence[RegenerationOutcome]) -> list[Replacement]:
        """Each regenerated example beside its (first) replacement, with the fields that changed."""
        return replacements(self.store, tenant_id=tenant_id, outcomes=outcomes)

    # -- export -------------------------------------------------------------------------------------

    def export(
        self,
        *,
        tenant_id: str,
        optimizer: str,
        fmt: str,
        out: Path | None = None,
        split: float | None = None,
        include_auto_approved: bool = True,
    ) -> ExportResult:
        """Write the approved examples of ``optimizer`` as ``fmt`` (a file, or train and dev files) with
        a manifest, to ``out`` (default ``<home>/exports/<tenant>/``)."""
        from approval.export import export_dataset  # pyarrow: loaded when an export is made

        return export_dataset(
            self.store,
            tenant_id=tenant_id,
            optimizer=optimizer,
            fmt=fmt,
            out=out,
            split=split,
            include_auto_approved=include_auto_approved,
            settings=self.settings,
        )

    def export_download(
        self,
        *,
        tenant_id: str,
        optimizer: str,
        fmt: str,
        split: float | None = None,
        include_auto_approved: bool = True,
    ) -> ExportDownload:
        """The same export as bytes to download: the data file, or a zip of the split files and the manifest."""
        from approval.export_download import export_download

        return export_download(
            self.store,
            tenant_id=tenant_id,
            optimizer=optimizer,
            fmt=fmt,
            split=split,
            include_auto_approved=include_auto_approved,
            settings=self.settings,
        )

    def export_readiness(self, *, tenant_id: str, optimizer: str) -> ExportReadiness:
        """What an export of ``optimizer`` would leave out now: pending examples and unfinished runs."""
        from approval.export_download import export_readiness

        return export_readiness(self.store, tenant_id=tenant_id, optimizer=optimizer)

    # -- reports ------------------------------------------------------------------------------------

    def calibration(
        self, *, tenant_id: str, optimizer: str | None = None, bins: int = 10, target_error: float = 0.05
    ) -> CalibrationReport:
        """How well confidence predicted people's decisions, and a suggested auto-approval threshold."""
        return calibrate(self.store, tenant_id=tenant_id, optimizer=optimizer, bins=bins, target_error=target_error)

    def learned_confidence(self, *, tenant_id: str, optimizer: str | None = None) -> LearnedEvaluation | None:
        """The learned confidence against the rule-based score on the tenant's latest decisions (a model
        trained on the ones before them): auto-approval precision and review load of each. None below
        ``[learning] min_decisions`` decided examples."""
        if optimizer is not None:
            get_optimizer(optimizer)  # an unknown name is an error, not an empty report
        thresholds = {name: threshold_for(name, self.settings) for name in OPTIMIZERS}
        return learned_evaluation(
            self.store,
            tenant_id=tenant_id,
            settings=self.settings.learning,
            thresholds=thresholds,
            optimizer=optimizer,
        )

    def run_report(
        self, *, tenant_id: str, run_id: str, optimizer: str, examples: Iterable[dict[str, Any]]
    ) -> RunReport:
        """The end-of-run summary: auto-approved vs queued, confidence histogram, labels."""
        return run_report(self.store, tenant_id=tenant_id, run_id=run_id, optimizer=optimizer, examples=examples)

    # -- runs and generation ------------------------------------------------------------------------

    def runs(self, *, tenant_id: str, optimizer: str | None = None, limit: int = 50) -> list[RunView]:
        """The tenant's generation runs, newest first, each running, interrupted, finished or discarded."""
        return list_runs(self.store, tenant_id=tenant_id, optimizer=optimizer, limit=limit)

    def run(self, *, tenant_id: str, run_id: str) -> RunView:
        """One generation run and its state."""
        return view(self.store.get_run_public(tenant_id=tenant_id, run_id=run_id))

    def resume_run(
        self,
        *,
        tenant_id: str,
        run_id: str,
        force: bool = False,
        llm_api_base: str | None = None,
        progress: ProgressFn | None = None,
    ) -> ResumedRun:
        """Generate what an interrupted run is missing (its own request and seed) and finish it."""
        return resume_run(
            self.store,
            self.settings,
            tenant_id=tenant_id,
            run_id=run_id,
            force=force,
            llm_api_base=llm_api_base,
            progress=progress,
        )

    def discard_run(self, *, tenant_id: str, run_id: str, force: bool = False) -> DiscardedRun:
        """Drop an interrupted run: its undecided examples are deleted, those a person decided kept."""
        return discard_run(self.store, tenant_id=tenant_id, run_id=run_id, force=force)

    # -- the dataset scorecard (approval.scorecard: xgboost, loaded when first used) ---------------

    def scorecard(
        self,
        *,
        tenant_id: str,
        optimizer: str,
        data: Path | None = None,
        real: Path | None = None,
        target: int | None = None,
    ) -> Scorecard:
        """The scorecard of ``data`` (an export's JSONL) or, without it, of ``optimizer``'s approved
        examples in the store; the router and realism sections need ``real`` (real labelled queries)."""
        from approval.scorecard.actions import scorecard_of  # xgboost: loaded when a scorecard is made

        return scorecard_of(
            self.store, self.settings, tenant_id=tenant_id, optimizer=optimizer, data=data, real=real, target=target
        )

    def topup(
        self, backend: ContentBackend, *, tenant_id: str, optimizer: str, target: int | None = None
    ) -> TopupResult:
        """Generate for the label-grid cells of ``optimizer`` below ``target`` only, sampling ``backend``
        (the caller's, left open) with the configured writer (``approval.scorecard.topup``)."""
        from approval.scorecard.actions import topup_thin_cells

        return topup_thin_cells(
            self.settings,
            self.insights,
            self.generation_sink(),
            backend,
            tenant_id=tenant_id,
            optimizer=optimizer,
            target=target,
        )

    def train(
        self,
        *,
        optimizer: str,
        data: Path,
        real: Path | None = None,
        out: Path | None = None,
        llm_model: str | None = None,
        llm_api_base: str | None = None,
    ) -> TrainResult:
        """Train ``optimizer``'s router on ``data`` (an export's JSONL) and save it with its metrics in
        ``out`` (default ``<home>/models/<optimizer>/``); with an LLM (``llm_model`` or the settings'),
        also compile a DSPy routing module with the recommended optimizer."""
        from approval.scorecard.actions import train_router

        return train_router(
            self.settings,
            optimizer=optimizer,
            data=data,
            real=real,
            out=out,
            llm_model=llm_model,
            llm_api_base=llm_api_base,
        )

    def job_runner(self, backend: ContentBackend, *, workers: int | None = None) -> JobRunner:
        """Runs generation jobs in the background into this service's store, sampling ``backend`` (the
        caller's, shared and left open); ``workers`` at once (default ``api.job_workers``). Close it."""
        from approval.jobs import JobRunner
        from synth_core.wiring import build_service  # the generation side: loaded when jobs are served

        return JobRunner(
            self.store,
            self.settings,
            service_for=lambda sink: build_service(self.settings, sink=sink, backend=backend),
            workers=workers or self.settings.api.job_workers,
        )

    def generation_sink(self) -> ExampleSink:
        """A sink for ``GenerationService`` that stores runs in this service's store (left open when
        the sink is closed: the service owns it)."""
        return ReviewStoreSink(self.settings, store=self.store)
