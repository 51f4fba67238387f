"""A decision on one example, as one value: what is done, by whom, why, and at which version.

The status a decision leads to is derived from its action (``transitions.ACTION_TARGET``), never
passed beside it, so no caller can ask to "approve" an example into ``rejected``.

``Decision`` is what a person decides (any interface builds it from its own input). ``Revision``
is what the review service works out of an edit before the store applies it: the validated payload,
what changed, and the new score.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from approval.models import REASON_CODES, ExampleStatus, ReasonCode, ReviewerAction
from approval.transitions import ACTION_TARGET
from synth_core.errors import Fix, InvalidRequestError

WHO_DECIDES = Fix("Say who decides: every decision records a reviewer.", field="reviewer")
NAME_A_CHANGE = Fix("Name each field to change and its new value.", field="changes")


class Decision(BaseModel):
    """One decision on one example (``ReviewService.decide``), or on a filtered set (``bulk``).

    A malformed decision (unknown action, no reviewer, a reject without a reason code, an edit that
    changes nothing) is refused when it is built, with an ``InvalidRequestError``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    action: ReviewerAction
    reviewer: str = Field(description="Who decides; every decision names a person (or 'system').")
    reason_code: ReasonCode | None = Field(default=None, description="Why it is rejected (reject only).")
    feedback: str | None = Field(default=None, description="The reviewer's words, kept for regeneration.")
    changes: dict[str, Any] = Field(
        default_factory=dict, description="For an edit: the fields to change, {field: new value}."
    )
    expected_version: int | None = Field(
        default=None,
        description="The version the reviewer saw; None decides on the current one (a bulk decision is "
        "checked by its count instead).",
    )

    @model_validator(mode="before")
    @classmethod
    def _check(cls, data: Any) -> Any:
        # Raised here, before field validation, so a bad decision is one domain error with a fix,
        # not a pydantic ValidationError an interface would have to translate.
        if isinstance(data, dict):
            check_decision(data)
        return data

    @property
    def to_status(self) -> ExampleStatus:
        """The status this decision moves the example to."""
        return ACTION_TARGET[self.action]

    def at_version(self, version: int) -> Decision:
        return self.model_copy(update={"expected_version": version})


class Revision(BaseModel):
    """An edit's new content, as the review service worked it out before the store applies it."""

    payload: dict[str, Any] = Field(description="The whole edited example, validated by its schema.")
    diff: dict[str, Any] | None = Field(default=None, description="What changed, as {field: [old, new]}.")
    confidence: float | None = Field(default=None, description="The edited example's new score.")
    confidence_breakdown: list[dict[str, Any]] | None = None


def check_decision(data: dict[str, Any]) -> None:
    """Refuse a malformed decision (``data``: the fields given to ``Decision``)."""
    action = data.get("action")
    if action not in ACTION_TARGET:
        raise InvalidRequestError(
            f"Unknown review action '{action}'.",
            fix=Fix("Use a review action (undo reverts a decision).", field="action", choices=tuple(ACTION_TARGET)),
        )
    reviewer = data.get("reviewer")
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise InvalidRequestError("A decision needs a reviewer name.", fix=WHO_DECIDES)
    reason_code = data.get("reason_code")
    if action == "reject" and reason_code not in REASON_CODES:
        raise InvalidRequestError(
            f"Rejecting needs a reason code (got {reason_code!r}).",
            fix=Fix("Say why it is rejected.", field="reason_code", choices=REASON_CODES),
        )
    if action != "reject" and reason_code is not None:
        raise InvalidRequestError(
            f"A reason code only goes with reject, not {action}.",
            fix=Fix("Leave the reason code out, or reject.", field="reason_code"),
        )
    changes = data.get("changes")
    if action == "edit" and not changes:
        raise InvalidRequestError("An edit needs at least one field to change.", fix=NAME_A_CHANGE)
    if action != "edit" and changes:
        raise InvalidRequestError(
            f"Only an edit changes fields, not {action}.", fix=Fix("Leave the changes out, or edit.", field="changes")
        )
