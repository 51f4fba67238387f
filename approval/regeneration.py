"""Regeneration from feedback: a rejected example's source content, plus what the reviewer said,
goes back to the engine; the new examples are scored and queued, linked to the rejected one.

Order of work for each rejected example, so that no failure leaves a half-done state:

1. build the request (``build_regeneration_request``) from the example and its lineage's decisions;
2. call ``service.regenerate`` (no store writes yet; an engine error is reported, nothing changes);
3. append a ``regenerate`` decision at the version read in step 1 (someone else deciding meanwhile
   makes this a conflict, and the new examples are dropped);
4. store the new examples (``parent_id`` = the rejected one, ``regeneration_attempt`` + 1), always as
   ``pending_review`` whatever their score, in one transaction: a person rejected the original, so a
   person confirms that the replacement fixes what they said.

An example regenerated ``max_attempts`` times (``review.max_regeneration_attempts``) is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ValidationError

from approval.confidence import score_batch
from approval.decision import WHO_DECIDES, Decision
from approval.models import (
    STATUSES,
    DecisionPublic,
    ExampleFilter,
    ExamplePublic,
    NewExample,
    PageRequest,
    approval_rate,
)
from approval.store import ReviewStore
from synth_core.errors import ConflictError, Fix, InvalidRequestError, SynthError
from synth_core.generators.base import ProgressFn
from synth_core.schemas.api import RegenerationRequest, SyntheticDataResponse
from synth_core.schemas.common import ExampleBase
from synth_core.settings import Settings

FEEDBACK_ACTIONS = ("reject", "edit")
NOT_CORRECTIONS = frozenset({"query", *ExampleBase.BOOKKEEPING_FIELDS})
"""Edited fields that are not label corrections (a rewritten query is something to avoid, not copy)."""
PAGE = 1000


class Regenerator(Protocol):
    """What regeneration needs of ``synth_core.service.GenerationService``."""

    settings: Settings

    def regenerate(
        self, request: RegenerationRequest, *, progress: ProgressFn | None = None
    ) -> SyntheticDataResponse: ...


class RegenerationOutcome(BaseModel):
    example_id: str
    outcome: Literal["regenerated", "refused", "skipped", "failed"]
    attempt: int
    message: str
    new_ids: list[str] = []
    new_statuses: list[str] = []
    new_confidences: list[float] = []


class RegenerationResult(BaseModel):
    outcomes: list[RegenerationOutcome]

    def count(self, outcome: str) -> int:
        return sum(1 for item in self.outcomes if item.outcome == outcome)

    def summary(self) -> dict[str, int]:
        return {name: self.count(name) for name in ("regenerated", "refused", "skipped", "failed")}

    def render_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "example": item.example_id,
                "outcome": item.outcome,
                "attempt": item.attempt,
                "new": item.new_ids,
                "status": item.new_statuses,
                "message": item.message,
            }
            for item in self.outcomes
        ]


class RegenerationStats(BaseModel):
    """Regenerated examples (replacements of rejected ones) and where they stand."""

    regenerated: int
    approved: int
    """Approved by a person or auto-approved."""
    rejected: int
    pending: int
    approval_rate: float | None
    """approved / (approved + rejected): None until one was decided."""


def _undone_ids(decisions: Iterable[DecisionPublic]) -> set[int]:
    return {decision.undoes_id for decision in decisions if decision.action == "undo" and decision.undoes_id}


def build_regeneration_request(
    example: ExamplePublic,
    decisions: Sequence[DecisionPublic],
    *,
    previous_queries: Sequence[str] = (),
    attempt: int | None = None,
    count: int = 1,
) -> RegenerationRequest:
    """The engine request for a rejected ``example``.

    ``decisions`` are those of the example (and of its rejected ancestors, oldest first); undone ones
    are ignored. Reason codes keep their first-seen order; every reject or edit note is passed
    verbatim (several notes are joined by blank lines); corrections are the new values of edited
    label fields; ``avoid_queries`` are the ancestors' and this example's query texts. The seed is
    derived from the example id and the attempt, so each attempt asks the engine for something new.
    """
    undone = _undone_ids(decisions)
    live = [decision for decision in decisions if decision.id not in undone and decision.action != "undo"]
    reason_codes = [decision.reason_code for decision in live if decision.action == "reject" and decision.reason_code]
    if example.reason_code:
        reason_codes.append(example.reason_code)
    notes = [decision.feedback for decision in live if decision.action in FEEDBACK_ACTIONS and decision.feedback]
    corrections: dict[str, Any] = {}
    for decision in live:
        if decision.action == "edit" and decision.diff:
            corrections.update({key: change[1] for key, change in decision.diff.items() if key not in NOT_CORRECTIONS})
    number = attempt if attempt is not None else example.regeneration_attempt + 1
    return RegenerationRequest(
        optimizer=example.optimizer,
        source_content_ids=_source_ids(example),
        tenant_id=example.tenant_id,
        reason_codes=list(dict.fromkeys(reason_codes)),
        feedback="\n\n".join(dict.fromkeys(notes)) or None,
        avoid_queries=list(dict.fromkeys([*previous_queries, example.query])),
        corrections=corrections,
        count=count,
        seed=regeneration_seed(example.id, number),
    )


def regeneration_seed(example_id: str, attempt: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{example_id}:{attempt}".encode()).digest()[:4], "big")


def _source_ids(example: ExamplePublic) -> list[str]:
    if example.source_content_ids:
        return list(example.source_content_ids)
    provenance = example.payload.get("provenance") or {}
    return [str(item) for item in provenance.get("source_content_ids", [])]


def regenerate(
    store: ReviewStore,
    service: Regenerator,
    *,
    tenant_id: str,
    reviewer: str,
    example_ids: Sequence[str] | None = None,
    filter: ExampleFilter | None = None,
    max_attempts: int | None = None,
    settings: Settings | None = None,
) -> RegenerationResult:
    """Regenerate the named rejected examples (or every rejected one matching ``filter``).

    ``max_attempts`` defaults to ``review.max_regeneration_attempts`` from ``settings`` (default: the
    service's settings). New examples always wait for a person, whatever their score.
    """
    if not reviewer.strip():
        raise InvalidRequestError("A reviewer name is required to regenerate.", fix=WHO_DECIDES)
    settings = settings or service.settings
    limit = settings.review.max_regeneration_attempts if max_attempts is None else max_attempts
    targets = _targets(store, tenant_id, example_ids, filter)
    outcomes = [
        _regenerate_one(store, service, target, reviewer=reviewer, settings=settings, limit=limit) for target in targets
    ]
    return RegenerationResult(outcomes=outcomes)


def _targets(
    store: ReviewStore, tenant_id: str, example_ids: Sequence[str] | None, filter: ExampleFilter | None
) -> list[ExamplePublic]:
    if example_ids:
        return [store.get(tenant_id=tenant_id, example_id=example_id) for example_id in dict.fromkeys(example_ids)]
    if filter is None:
        raise InvalidRequestError(
            "Nothing to regenerate was named.",
            fix=Fix("Name the rejected examples to regenerate, or ask for every rejected one.", field="example_ids"),
        )
    rejected = filter.model_copy(update={"statuses": ["rejected"]})
    found: list[ExamplePublic] = []
    after: str | None = None
    while True:
        page = store.list_page(tenant_id=tenant_id, request=PageRequest(filter=rejected, limit=PAGE, after=after))
        found.extend(page.items)
        if page.next_after is None:
            return found
        after = page.next_after


def _lineage(store: ReviewStore, example: ExamplePublic) -> tuple[list[str], list[DecisionPublic]]:
    """The ancestors' queries and the decisions of the ancestors and the example, oldest first."""
    chain = [example]
    seen = {example.id}
    while chain[-1].parent_id and chain[-1].parent_id not in seen:
        parent = store.get(tenant_id=example.tenant_id, example_id=chain[-1].parent_id)
        seen.add(parent.id)
        chain.append(parent)
    chain.reverse()
    decisions = [
        decision for member in chain for decision in store.decisions(tenant_id=example.tenant_id, example_id=member.id)
    ]
    return [member.query for member in chain[:-1]], decisions


def _regenerate_one(
    store: ReviewStore,
    service: Regenerator,
    target: ExamplePublic,
    *,
    reviewer: str,
    settings: Settings,
    limit: int,
) -> RegenerationOutcome:
    from synth_core.registry import get_optimizer  # every generator: loaded when first needed

    attempt = target.regeneration_attempt + 1

    def result(outcome: Any, message: str, **extra: Any) -> RegenerationOutcome:
        return RegenerationOutcome(example_id=target.id, outcome=outcome, attempt=attempt, message=message, **extra)

    if refusal := _refusal(store, target, attempt, limit):
        return result(*refusal)
    previous, decisions = _lineage(store, target)
    request = build_regeneration_request(target, decisions, previous_queries=previous, attempt=attempt)
    try:
        response = service.regenerate(request)
        schema = get_optimizer(target.optimizer).schema
        examples = [schema.model_validate(item) for item in response.data]
    except (SynthError, ValidationError) as exc:
        return result("failed", f"the engine could not regenerate it: {exc}")
    if not examples:
        reasons = "; ".join(sorted({failure.reason for failure in response.failures})) or "no reason given"
        return result("failed", f"the engine returned no example ({reasons})")
    new = _scored(store, target, examples, attempt, settings)
    try:
        noted = Decision(action="regenerate", reviewer=reviewer, expected_version=target.version)
        store.decide(tenant_id=target.tenant_id, example_id=target.id, decision=noted)
    except ConflictError as exc:
        return result("failed", f"someone decided it meanwhile, nothing was stored: {exc}")
    ids = _store_new(store, target, request, response, new)
    return result(
        "regenerated",
        f"{len(ids)} new example(s) queued (attempt {attempt} of {limit})",
        new_ids=ids,
        new_statuses=[item.status for item in new],
        new_confidences=[item.confidence for item in new],
    )


def _refusal(store: ReviewStore, target: ExamplePublic, attempt: int, limit: int) -> tuple[str, str] | None:
    """Why ``target`` is not regenerated now, as (outcome, message); None when it may be."""
    if target.status != "rejected":
        return "skipped", f"it is {target.status}; only rejected examples are regenerated"
    children = store.children(tenant_id=target.tenant_id, parent_id=target.id)
    if children:
        return "skipped", f"already regenerated as {', '.join(child.id for child in children)}; review those"
    if attempt > limit:
        return "refused", (
            f"it has been regenerated {target.regeneration_attempt} time(s), the limit is {limit} "
            "(review.max_regeneration_attempts); edit it by hand or leave it rejected"
        )
    return None


def _scored(
    store: ReviewStore, target: ExamplePublic, examples: list[ExampleBase], attempt: int, settings: Settings
) -> list[NewExample]:
    """The new examples, scored against everything stored (rejected queries included) with the
    configured agents, queued for a person: the score and its breakdown tell the reviewer how the
    replacement compares."""
    known = store.nearby_queries(
        tenant_id=target.tenant_id,
        optimizer=target.optimizer,
        queries=[example.query for example in examples],
        statuses=STATUSES,  # a replacement must not repeat any stored query, least of all a rejected one
    )
    confidences = score_batch(target.optimizer, examples, known_queries=known, agents=settings.agents)
    return [
        NewExample(
            payload=example.model_dump(mode="json"),
            status="pending_review",
            confidence=confidence.score,
            confidence_breakdown=confidence.breakdown(),
            parent_id=target.id,
            regeneration_attempt=attempt,
        )
        for example, confidence in zip(examples, confidences, strict=True)
    ]


def _store_new(
    store: ReviewStore,
    target: ExamplePublic,
    request: RegenerationRequest,
    response: SyntheticDataResponse,
    new: list[NewExample],
) -> list[str]:
    run_id = str(response.metadata.get("run_id") or f"regen-{target.id}-{request.seed}")
    snapshot = {key: value for key, value in response.metadata.items() if key not in ("run_id", "timings")}
    store.start_run(
        run_id=run_id,
        tenant_id=target.tenant_id,
        optimizer=target.optimizer,
        request={**request.model_dump(mode="json"), "regeneration_of": target.id},
        settings_snapshot=snapshot,
    )
    ids = store.add_examples(run_id=run_id, tenant_id=target.tenant_id, optimizer=target.optimizer, examples=new)
    store.finish_run(run_id=run_id, summary={"count": len(ids), "regeneration_of": target.id})
    return ids


def regeneration_stats(store: ReviewStore, *, tenant_id: str, optimizer: str | None = None) -> RegenerationStats:
    """How many examples are regenerations (of one optimizer, or all) and how they were decided."""
    counts = store.stats(tenant_id=tenant_id, optimizer=optimizer)["regeneration"]
    approved, rejected = int(counts["approved"]), int(counts["rejected"])
    return RegenerationStats(
        regenerated=int(counts["regenerated"]),
        approved=approved,
        rejected=rejected,
        pending=int(counts["pending"]),
        approval_rate=approval_rate(approved, rejected),
    )
