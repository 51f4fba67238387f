"""Which status changes a decision may make; everything not listed here is a ``TransitionError``.

    pending_review -> approved | rejected        a person decides a queued example
    auto_approved  -> approved | rejected        a person confirms or overrules the extractor
    approved       -> rejected                   a person changes their mind
    rejected       -> approved                   ... either way
    any status     -> approved  (edit)           an edited example counts as approved
    rejected       -> rejected  (regenerate)     a note that a replacement was generated
    undo                                         restores the status before the undone decision

New examples enter as ``pending_review`` or ``auto_approved`` (the confidence extractor's suggestion);
only a person's decision makes them ``approved`` or ``rejected``.
"""

from __future__ import annotations

from types import MappingProxyType

from approval.models import STATUSES, ExampleStatus, ReviewerAction
from synth_core.errors import TransitionError

ALLOWED_TRANSITIONS: MappingProxyType[ExampleStatus, frozenset[ExampleStatus]] = MappingProxyType(
    {
        "pending_review": frozenset({"approved", "rejected"}),
        "auto_approved": frozenset({"approved", "rejected"}),
        "approved": frozenset({"rejected"}),
        "rejected": frozenset({"approved"}),
    }
)

ACTION_TARGET: MappingProxyType[ReviewerAction, ExampleStatus] = MappingProxyType(
    {"approve": "approved", "reject": "rejected", "edit": "approved", "regenerate": "rejected"}
)
"""The status each action leads to: the one place it is said (``Decision.to_status`` reads it)."""


def allowed_sources(action: ReviewerAction) -> frozenset[ExampleStatus]:
    """The statuses an example may be in for ``action`` to apply (used to scope bulk decisions)."""
    target = ACTION_TARGET[action]
    if action == "edit":
        return frozenset(STATUSES)
    if action == "regenerate":
        return frozenset({"rejected"})
    return frozenset(status for status, targets in ALLOWED_TRANSITIONS.items() if target in targets)


def check_transition(from_status: str, to_status: str, *, action: ReviewerAction | None = None) -> None:
    """Raise ``TransitionError`` unless ``from_status -> to_status`` is allowed (for ``action``)."""
    if from_status not in ALLOWED_TRANSITIONS or to_status not in ALLOWED_TRANSITIONS:
        raise TransitionError(
            f"Unknown status in '{from_status}' -> '{to_status}'.", hint=f"Statuses are: {', '.join(STATUSES)}."
        )
    if action is not None and from_status in allowed_sources(action) and to_status == ACTION_TARGET[action]:
        return
    if action is None and to_status in ALLOWED_TRANSITIONS[from_status]:  # type: ignore[index]
        return
    allowed = sorted(ALLOWED_TRANSITIONS[from_status])  # type: ignore[index]
    raise TransitionError(
        f"Cannot {action or 'move'} an example that is {from_status} (to {to_status}).",
        hint=f"From {from_status} it can go to: {', '.join(allowed)}; 'undo' reverts your last decision.",
    )
