"""The review service: what the CLI, the API and the dashboard call to review examples.

It adds the rules a person's decision needs on top of the store: the reason-code taxonomy, edits
validated against the optimizer's schema and re-scored, and the current version when the caller has
none (a CLI user decides what they see now; a UI passes the version it showed).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ValidationError

from approval.confidence import score_batch
from approval.edit_checks import check_edited_agents
from approval.models import DUPLICATE_SCOPE, DecisionPublic, ExampleFilter, ExamplePublic, Page, UndoResult
from approval.store import QueueOrder, ReviewStore, field_diff
from synth_core.errors import InvalidRequestError
from synth_core.schemas.common import ExampleBase
from synth_core.settings import Settings


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
        self,
        *,
        tenant_id: str,
        filter: ExampleFilter,
        limit: int = 50,
        offset: int = 0,
        order: QueueOrder = "created",
        after: str | None = None,
    ) -> Page:
        return self.store.list_page(
            tenant_id=tenant_id, filter=filter, limit=limit, offset=offset, order=order, after=after
        )

    def show(self, *, tenant_id: str, example_id: str) -> tuple[ExamplePublic, list[DecisionPublic]]:
        """An example and its audit log."""
        example = self.store.get(tenant_id=tenant_id, example_id=example_id)
        return example, self.store.decisions(tenant_id=tenant_id, example_id=example_id)

    def stats(self, *, tenant_id: str, optimizer: str | None = None) -> dict[str, Any]:
        return self.store.stats(tenant_id=tenant_id, optimizer=optimizer)

    # -- deciding -----------------------------------------------------------------------------------

    def approve(
        self,
        *,
        tenant_id: str,
        example_id: str,
        reviewer: str,
        expected_version: int | None = None,
        feedback: str | None = None,
    ) -> ExamplePublic:
        return self._decide(tenant_id, example_id, reviewer, "approve", expected_version, feedback=feedback)

    def reject(
        self,
        *,
        tenant_id: str,
        example_id: str,
        reviewer: str,
        reason_code: str,
        feedback: str | None = None,
        expected_version: int | None = None,
    ) -> ExamplePublic:
        """Reject with a reason code from the taxonomy; ``feedback`` is kept verbatim for regeneration."""
        return self._decide(
            tenant_id, example_id, reviewer, "reject", expected_version, reason_code=reason_code, feedback=feedback
        )

    def _decide(
        self,
        tenant_id: str,
        example_id: str,
        reviewer: str,
        action: Literal["approve", "reject"],
        expected_version: int | None,
        *,
        reason_code: str | None = None,
        feedback: str | None = None,
    ) -> ExamplePublic:
        """One approve/reject decision at the version the reviewer saw (or the current one)."""
        return self.store.decide(
            tenant_id=tenant_id,
            example_id=example_id,
            reviewer=reviewer,
            action=action,
            expected_version=self._version(tenant_id, example_id, expected_version),
            to_status="approved" if action == "approve" else "rejected",
            reason_code=reason_code,
            feedback=feedback,
        )

    def edit(
        self,
        *,
        tenant_id: str,
        example_id: str,
        reviewer: str,
        changes: dict[str, Any],
        feedback: str | None = None,
        expected_version: int | None = None,
    ) -> ExamplePublic:
        """Change fields, validated against the optimizer's schema and re-scored; the example becomes
        approved and the audit log keeps the change as {field: [old, new]}."""
        example = self.store.get(tenant_id=tenant_id, example_id=example_id)
        version = example.version if expected_version is None else expected_version
        edited = validate_edit(example, changes)
        check_edited_agents(changes, self.settings.agents)
        new_payload = edited.model_dump(mode="json")
        diff = field_diff(example.payload, new_payload)
        if not diff:
            raise InvalidRequestError("The edit changes nothing.", hint="Use approve to accept the example as it is.")
        known = self.store.nearby_queries(
            tenant_id=tenant_id,
            optimizer=example.optimizer,
            queries=[edited.query],
            statuses=DUPLICATE_SCOPE,
            exclude_ids=[example.id],  # its own old text is no duplicate of it
        )
        (confidence,) = score_batch(example.optimizer, [edited], known_queries=known, agents=self.settings.agents)
        return self.store.decide(
            tenant_id=tenant_id,
            example_id=example_id,
            reviewer=reviewer,
            action="edit",
            expected_version=version,
            to_status="approved",
            feedback=feedback,
            new_payload=new_payload,
            diff=diff,
            confidence=confidence.score,
            confidence_breakdown=confidence.breakdown(),
        )

    def bulk_count(self, *, tenant_id: str, filter: ExampleFilter, action: str) -> int:
        """How many examples ``bulk`` would change (the whole filtered set, not a page)."""
        scope = self.store.bulk_scope(filter=filter, action=action)
        return 0 if scope is None else self.store.count(tenant_id=tenant_id, filter=scope)

    def bulk(
        self,
        *,
        tenant_id: str,
        filter: ExampleFilter,
        reviewer: str,
        action: str,
        reason_code: str | None = None,
        feedback: str | None = None,
        expected_count: int | None = None,
    ) -> int:
        """Decide the whole filtered set; ``expected_count`` (what ``bulk_count`` showed) makes it refuse
        with a ConflictError when the set has changed since."""
        to_status = {"approve": "approved", "reject": "rejected"}.get(action, action)
        return self.store.bulk_decide(
            tenant_id=tenant_id,
            filter=filter,
            reviewer=reviewer,
            action=action,
            to_status=to_status,
            reason_code=reason_code,
            feedback=feedback,
            expected_count=expected_count,
        )

    def undo(self, *, tenant_id: str, reviewer: str) -> UndoResult:
        """Revert the reviewer's last decision; a bulk decision as a whole."""
        return self.store.undo_last(tenant_id=tenant_id, reviewer=reviewer)

    def _version(self, tenant_id: str, example_id: str, expected_version: int | None) -> int:
        if expected_version is not None:
            return expected_version
        return self.store.get(tenant_id=tenant_id, example_id=example_id).version


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
