"""The review side of Synth Studio: what an interface (the CLI, the API, the dashboard) may use.

    from approval import Decision, ExampleFilter, PageRequest, ReviewService

    with ReviewService.from_settings(settings) as service:
        pending = PageRequest(filter=ExampleFilter(statuses=["pending_review"]))
        page = service.list_page(tenant_id="acme", request=pending)
        decision = Decision(action="approve", reviewer="ann", expected_version=page.items[0].version)
        service.decide(tenant_id="acme", example_id=page.items[0].id, decision=decision)

Everything an interface needs is in ``__all__``: the service, the values it takes and the typed results
it returns, the review vocabulary, and the schema commands. The modules behind it (``approval.store``,
scoring, the export writers) are internal; an architecture test keeps interfaces out of them.

The export names load pyarrow, the scorecard's names xgboost, and ``prepare_first_batch`` and the
job names the generation side: they are imported when first used, so a review command does not pay
for them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from approval.calibration import CalibrationReport
from approval.decision import Decision
from approval.edit_form import EditField, changed_values
from approval.insights import ApprovalRow, CoverageCell, DuplicateGroup, Insights, StatusBin
from approval.labels import check_label, label_choices
from approval.learning import LearnedEvaluation, OperatingPoint, ReviewSavings, before_team_model
from approval.models import (
    QUEUE_ORDERS,
    REASON_CODES,
    STATUSES,
    DecisionPublic,
    ExampleFilter,
    ExamplePublic,
    ExampleStatus,
    LabelFilter,
    Page,
    PageRequest,
    QueueOrder,
    ReasonCode,
    RegenerationCounts,
    ReviewStats,
    UndoResult,
)
from approval.regeneration import RegenerationOutcome, RegenerationResult, Regenerator
from approval.regeneration_view import RejectedExample, Replacement
from approval.review import ReviewService
from approval.review_evidence import ExampleEvidence
from approval.run_report import RunReport
from approval.runs import DiscardedRun, ResumedRun, RunView
from approval.store import SchemaState, SchemaUpgrade, inspect_schema, upgrade_schema

if TYPE_CHECKING:
    from approval.export import FORMATS, ExportResult
    from approval.export_download import ExportDownload, ExportReadiness
    from approval.first_batch import FirstBatch, prepare_first_batch
    from approval.jobs import JobProgress, JobRunner, JobState, JobView
    from approval.scorecard import Scorecard
    from approval.scorecard.coverage import DEFAULT_CELL_TARGET
    from approval.scorecard.topup import TopupResult
    from approval.scorecard.train import TrainResult

_LOADED_WHEN_USED = {
    "FORMATS": "approval.export",
    "ExportResult": "approval.export",
    "ExportDownload": "approval.export_download",
    "ExportReadiness": "approval.export_download",
    "FirstBatch": "approval.first_batch",
    "prepare_first_batch": "approval.first_batch",
    "JobProgress": "approval.jobs",
    "JobRunner": "approval.jobs",
    "JobState": "approval.jobs",
    "JobView": "approval.jobs",
    "Scorecard": "approval.scorecard",
    "DEFAULT_CELL_TARGET": "approval.scorecard.coverage",
    "TopupResult": "approval.scorecard.topup",
    "TrainResult": "approval.scorecard.train",
}

__all__ = [
    "DEFAULT_CELL_TARGET",
    "FORMATS",
    "QUEUE_ORDERS",
    "REASON_CODES",
    "STATUSES",
    "ApprovalRow",
    "CalibrationReport",
    "CoverageCell",
    "Decision",
    "DecisionPublic",
    "DiscardedRun",
    "DuplicateGroup",
    "EditField",
    "ExampleEvidence",
    "ExampleFilter",
    "ExamplePublic",
    "ExampleStatus",
    "ExportDownload",
    "ExportReadiness",
    "ExportResult",
    "FirstBatch",
    "Insights",
    "JobProgress",
    "JobRunner",
    "JobState",
    "JobView",
    "LabelFilter",
    "LearnedEvaluation",
    "OperatingPoint",
    "Page",
    "PageRequest",
    "QueueOrder",
    "ReasonCode",
    "RegenerationCounts",
    "RegenerationOutcome",
    "RegenerationResult",
    "Regenerator",
    "RejectedExample",
    "Replacement",
    "ResumedRun",
    "ReviewSavings",
    "ReviewService",
    "ReviewStats",
    "RunReport",
    "RunView",
    "SchemaState",
    "SchemaUpgrade",
    "Scorecard",
    "StatusBin",
    "TopupResult",
    "TrainResult",
    "UndoResult",
    "before_team_model",
    "changed_values",
    "check_label",
    "inspect_schema",
    "label_choices",
    "prepare_first_batch",
    "upgrade_schema",
]


def __getattr__(name: str) -> Any:
    module = _LOADED_WHEN_USED.get(name)
    if module is None:
        raise AttributeError(f"module 'approval' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
