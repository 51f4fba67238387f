"""The review service: what the CLI, the API and the dashboard call to review examples.

It adds the rules a person's decision needs on top of the store: the reason-code taxonomy, edits
validated against the optimizer's schema and re-scored, and the current version when the caller has
none (a CLI user decides what they see now; a UI passes the version it showed).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from approval.confidence import score_batch
from approval.decision import Decision, Revision
from approval.edit_checks import check_edited_agents
from approval.models import DecisionPublic, ExampleFilter, ExamplePublic, ExampleStatus, Page, UndoResult
from approval.store import QueueOrder, ReviewStore, field_diff
from synth_core.errors import InvalidRequestError
from synth_core.schemas.common import ExampleBase
from synth_core.settings import Settings

DUPLICATE_SCOPE: tuple[ExampleStatus, ...] = ("pending_review", "auto_approved", "approved")


class ReviewService:
    def __init__(self, store: ReviewStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    @classmethod
    def from_settings(cls, settings: Settings) -> ReviewService:
        return cls(ReviewStore.from_settings(settings), settings)

    def close(self) -> None:
        self.store.close()

    # -- reading ------------------------------------------------------------------------------------

    def list_page(
        self, *, tenant_id: str, filter: ExampleFilter, limit: int = 50, offset: int = 0, order: QueueOrder = "created"
    ) -> Page:
        return self.store.list_page(tenant_id=tenant_id, filter=filter, limit=limit, offset=offset, order=order)

    def show(self, *, tenant_id: str, example_id: str) -> tuple[ExamplePublic, list[DecisionPublic]]:
        """An example and its audit log."""
        example = self.store.get(tenant_id=tenant_id, example_id=example_id)
        return example, self.store.decisions(tenant_id=tenant_id, example_id=example_id)

    def stats(self, *, tenant_id: str, optimizer: str | None = None) -> dict[str, Any]:
        return self.store.stats(tenant_id=tenant_id, optimizer=optimizer)

    # -- deciding -----------------------------------------------------------------------------------

    def decide(self, *, tenant_id: str, example_id: str, decision: Decision) -> ExamplePublic:
        """Apply ``decision`` to one example at the version the reviewer saw (or the current one).

        An edit's changes are validated against the optimizer's schema and re-scored; the example
        becomes approved and the audit log keeps the change as {field: [old, new]}.
        """
        if decision.action == "regenerate":
            raise InvalidRequestError(
                "A regenerate decision is recorded by regeneration itself.", hint="Use regenerate instead."
            )
        if decision.action == "edit":
            return self._edit(tenant_id, example_id, decision)
        if decision.expected_version is None:
            current = self.store.get(tenant_id=tenant_id, example_id=example_id)
            decision = decision.at_version(current.version)
        return self.store.decide(tenant_id=tenant_id, example_id=example_id, decision=decision)

    def _edit(self, tenant_id: str, example_id: str, decision: Decision) -> ExamplePublic:
        example = self.store.get(tenant_id=tenant_id, example_id=example_id)
        if decision.expected_version is None:
            decision = decision.at_version(example.version)
        edited = validate_edit(example, decision.changes)
        check_edited_agents(decision.changes, self.settings.agents)
        new_payload = edited.model_dump(mode="json")
        diff = field_diff(example.payload, new_payload)
        if not diff:
            raise InvalidRequestError("The edit changes nothing.", hint="Use approve to accept the example as it is.")
        known = self.store.known_queries(tenant_id=tenant_id, optimizer=example.optimizer, statuses=DUPLICATE_SCOPE)
        if example.status in DUPLICATE_SCOPE and example.query.casefold() in known:
            known.remove(example.query.casefold())  # its own old text is no duplicate of it
        (confidence,) = score_batch(example.optimizer, [edited], known_queries=known, agents=self.settings.agents)
        revision = Revision(
            payload=new_payload,
            diff=diff,
            confidence=confidence.score,
            confidence_breakdown=confidence.breakdown(),
        )
        return self.store.decide(tenant_id=tenant_id, example_id=example_id, decision=decision, revision=revision)

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


def validate_edit(example: ExamplePublic, changes: dict[str, Any]) -> ExampleBase:
    """The example with ``changes`` merged in, validated by its optimizer's schema."""
    from synth_core.registry import get_optimizer  # the registry pulls in every generator: load it late

    schema = get_optimizer(example.optimizer).schema
    if not changes:
        raise InvalidRequestError("An edit needs at least one field to change.", hint="Pass field=value.")
    unknown = sorted(set(changes) - set(schema.model_fields))
    if unknown:
        raise InvalidRequestError(
            f"Unknown field(s) for {example.optimizer}: {', '.join(unknown)}.",
            hint=f"Editable fields: {', '.join(editable_fields(schema))}.",
        )
    bookkeeping = sorted(set(changes) & set(schema.BOOKKEEPING_FIELDS))
    if bookkeeping:
        raise InvalidRequestError(f"{', '.join(bookkeeping)} record how the example was made and cannot be edited.")
    try:
        return schema.model_validate({**example.payload, **changes})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        raise InvalidRequestError(f"The edit is not a valid {example.optimizer} example: {problems}.") from None


def editable_fields(schema: type[ExampleBase]) -> list[str]:
    return [name for name in schema.model_fields if name not in schema.BOOKKEEPING_FIELDS]
