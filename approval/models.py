"""Public models of the review store: what every caller sees (tables are never returned).

Vocabulary: a model's *suggestion* carries a confidence score (``auto_approved`` or ``pending_review``);
a person's *decision* moves an example between statuses and is appended to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, NamedTuple, get_args

from pydantic import BaseModel, Field, field_validator

ExampleStatus = Literal["pending_review", "auto_approved", "approved", "rejected"]
STATUSES: tuple[ExampleStatus, ...] = get_args(ExampleStatus)
DUPLICATE_SCOPE: tuple[ExampleStatus, ...] = ("pending_review", "auto_approved", "approved")
"""The stored examples whose queries a new or edited example must not repeat: all but the rejected
ones, which are being replaced, not kept. (A regeneration avoids the rejected ones too: every status.)"""
APPROVED_STATUSES: tuple[ExampleStatus, ...] = ("approved", "auto_approved")
"""Approved by a person or by the confidence score: what exports take and statistics count as approved."""


def approval_rate(approved: int, rejected: int) -> float | None:
    """The approval rate everywhere: approved over decided (approved + rejected); examples still
    waiting for review do not count. None when nothing is decided."""
    decided = approved + rejected
    return approved / decided if decided else None


InitialStatus = Literal["pending_review", "auto_approved"]
"""The statuses the confidence extractor may give a new example; only people approve or reject."""

DecisionAction = Literal["approve", "reject", "edit", "undo", "auto_approve", "regenerate", "conflict"]
"""``conflict`` records an attempt that lost a race (nothing changed); every other action changed the example."""

ReviewerAction = Literal["approve", "reject", "edit", "regenerate"]
"""The actions a caller may pass to ``ReviewStore.decide``."""

ReasonCode = Literal["wrong_label", "unnatural_query", "entity_problem", "duplicate", "off_topic", "other"]
REASON_CODES: tuple[ReasonCode, ...] = get_args(ReasonCode)

SYSTEM_REVIEWER = "system"
"""The reviewer name the store uses for decisions nobody made by hand (auto-approval)."""


class ExamplePublic(BaseModel):
    """One stored example and where it stands in review."""

    id: str
    run_id: str
    tenant_id: str
    optimizer: str
    payload: dict[str, Any] = Field(description="The full example (ExampleBase.model_dump(mode='json')).")
    status: ExampleStatus
    confidence: float
    confidence_breakdown: list[dict[str, Any]] = Field(description="Components: name, score, weight, reason.")
    version: int = Field(description="Bumped by every decision; pass it back as expected_version.")
    parent_id: str | None = None
    source_content_ids: list[str] = []
    regeneration_attempt: int = 0
    reason_code: ReasonCode | None = Field(default=None, description="Why it is rejected (None unless rejected).")
    created_at: datetime
    updated_at: datetime

    @property
    def query(self) -> str:
        return str(self.payload.get("query", ""))


class ExportableRow(NamedTuple):
    """What an export reads of one approved example (``ReviewStore.iter_export_rows``): the payload
    decoded once, nothing validated or converted, so 100,000s of them stream out fast."""

    id: str
    run_id: str
    tenant_id: str
    optimizer: str
    status: str
    confidence: float
    payload: dict[str, Any]
    """The stored payload, without the top-level fields the reader asked to omit."""
    generator: str | None
    """``payload["signals"]["generator"]``, read even when ``signals`` is omitted."""

    @property
    def query(self) -> str:
        return str(self.payload.get("query", ""))


class DecisionPublic(BaseModel):
    """One entry of the append-only audit log: one decision on one example."""

    id: int = Field(description="The decision's id; every example of one bulk decision has an entry with it.")
    example_id: str
    tenant_id: str
    reviewer: str
    action: DecisionAction
    from_status: ExampleStatus
    to_status: ExampleStatus
    reason_code: ReasonCode | None = None
    feedback: str | None = None
    diff: dict[str, Any] | None = Field(default=None, description="Edited fields as {field: [old, new]}.")
    from_version: int | None = None
    to_version: int | None = Field(default=None, description="None for a conflict (nothing changed).")
    undoes_id: int | None = Field(default=None, description="For an undo: the decision it reverted.")
    scope: dict[str, Any] | None = Field(
        default=None,
        description="Set when this entry is part of a bulk decision (or of its undo): the filter it applied "
        "to (ExampleFilter fields). Every example of a bulk decision has an entry with the same id.",
    )
    created_at: datetime


class UndoResult(BaseModel):
    """What ``undo_last`` reverted: one decision on one example, or a whole bulk decision."""

    undone_id: int = Field(description="The id of the decision that was reverted.")
    action: DecisionAction = Field(description="What that decision did (approve, reject, edit, regenerate).")
    examples: int = Field(description="How many examples went back to where they were before it.")
    example: ExamplePublic | None = Field(
        default=None, description="The example as restored, when the decision changed one example (not a bulk one)."
    )


class LabelFilter(BaseModel):
    """One label's value in the example's payload: ``modality`` is ``VIDEO``, ``query_type`` is
    ``compare``. ``approval.labels`` says which fields and values each optimizer has."""

    field: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")
    value: str = Field(min_length=1, max_length=128)


class ExampleFilter(BaseModel):
    """Which examples a queue page, a count or a bulk decision covers (always within one tenant)."""

    optimizer: str | None = None
    statuses: list[ExampleStatus] = []
    min_confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    max_confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    run_id: str | None = None
    text: str | None = Field(default=None, description="Case-insensitive substring of the query.")
    reason_code: ReasonCode | None = None
    label: LabelFilter | None = None


QueueOrder = Literal["created", "confidence", "-confidence", "likely_wrong"]
"""Oldest first (default), least confident first, most confident first, most likely wrong first (the
learned confidence model's lowest chance of approval; the confidence where no model scored it)."""
QUEUE_ORDERS: tuple[str, ...] = get_args(QueueOrder)


@dataclass(frozen=True, kw_only=True)
class PageRequest:
    """Which page of the review queue to read: the examples ``filter`` covers, ``limit`` of them, from
    ``offset`` or right ``after`` an example (the previous page's ``next_after``), in ``order``.

    A plain value, not a pydantic model: the store checks it when it reads the page and says what to
    fix (a limit out of range, an unknown order, both an offset and ``after``) in the review side's own
    errors, whichever interface built it.
    """

    filter: ExampleFilter
    limit: int = 50
    offset: int = 0
    order: QueueOrder = "created"
    after: str | None = None


class Page(BaseModel):
    """One page of the review queue.

    ``total`` is counted for every page, but for one case: a keyset page (``after``) whose filter
    matched more than the limit moments before (``total_exact`` False, "10000+") reuses that count for
    up to 2 seconds, unless the same process changed the store since (approval/store/recent_counts.py).
    """

    items: list[ExamplePublic]
    total: int = Field(
        description="How many examples match, counted up to a limit (10,000; total_exact false when more do). "
        "On a page after another (after=) a count past the limit may be up to 2 s old."
    )
    total_exact: bool = Field(default=True, description="False when more examples match than total says.")
    limit: int
    offset: int
    next_after: str | None = None
    """The example the next page starts after (pass it as ``after``); None on the last page."""

    def total_text(self) -> str:
        """The count for people: "42", or "10000+" when more match than were counted."""
        return str(self.total) if self.total_exact else f"{self.total}+"


class DecidedCount(NamedTuple):
    """How many examples a person decided at one confidence, and how many of them they approved."""

    confidence: float
    decided: int
    approved: int


class NewExample(BaseModel):
    """An example about to be stored, already scored."""

    payload: dict[str, Any]
    status: InitialStatus
    confidence: float = Field(ge=0.0, le=1.0)
    confidence_breakdown: list[dict[str, Any]] = []
    parent_id: str | None = None
    regeneration_attempt: int = Field(default=0, ge=0)
    approval_chance: float | None = Field(
        default=None, ge=0.0, le=1.0, description="The learned model's chance of approval (approval.learning)."
    )

    @field_validator("payload")
    @classmethod
    def _has_query_and_sources(cls, payload: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(payload.get("query"), str) or not payload["query"]:
            raise ValueError("payload needs a non-empty 'query'")
        provenance = payload.get("provenance")
        if not isinstance(provenance, dict) or not provenance.get("source_content_ids"):
            raise ValueError("payload needs provenance.source_content_ids")
        return payload

    @property
    def query(self) -> str:
        return str(self.payload["query"])

    @property
    def source_content_ids(self) -> list[str]:
        return [str(item) for item in self.payload["provenance"]["source_content_ids"]]


class RegenerationCounts(BaseModel):
    """Examples regenerated from rejected ones, by where they stand."""

    regenerated: int
    approved: int = Field(description="Approved by a person or auto-approved.")
    rejected: int
    pending: int
    approval_rate: float | None = Field(description="approved / regenerated; None until one was regenerated.")


class ReviewStats(BaseModel):
    """Where the review of one tenant stands (``ReviewService.stats``)."""

    tenant_id: str
    optimizer: str | None
    total: int
    by_status: dict[str, int]
    by_optimizer: dict[str, dict[str, int]] = Field(description="Optimizer -> status -> examples.")
    mean_confidence: dict[str, float] = Field(description="Per status that has examples.")
    rejection_reasons: dict[str, int]
    decisions_by_action: dict[str, int]
    decisions_by_reviewer: dict[str, int] = Field(description="People only: no system, no conflicts.")
    conflicts: int = Field(description="Attempts that lost a race (nothing changed).")
    regeneration: RegenerationCounts


class DecidedExample(BaseModel):
    """One example a person decided, as the learned confidence learns from it (approval.learning):
    approved (edits included) or rejected. Lists of them are oldest decision first."""

    optimizer: str
    payload: dict[str, Any]
    confidence: float
    confidence_breakdown: list[dict[str, Any]]
    approved: bool


class StoredConfidenceModel(BaseModel):
    """A tenant's learned confidence model as the review store keeps it (approval.learning.model)."""

    tenant_id: str
    decisions: int
    model: str
    features: dict[str, Any]
    evaluation: dict[str, Any]
    trained_at: datetime
