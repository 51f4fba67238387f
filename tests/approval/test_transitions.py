"""The allowed status changes are exactly the documented ones; everything else is a TransitionError."""

from __future__ import annotations

import itertools

import pytest

from approval.models import STATUSES
from approval.transitions import ALLOWED_TRANSITIONS, allowed_sources, check_transition
from synth_core.errors import TransitionError

DOCUMENTED = {
    ("pending_review", "approved"),
    ("pending_review", "rejected"),
    ("auto_approved", "approved"),
    ("auto_approved", "rejected"),
    ("approved", "rejected"),
    ("rejected", "approved"),
}


@pytest.mark.parametrize(("from_status", "to_status"), list(itertools.product(STATUSES, STATUSES)))
def test_only_documented_moves_are_allowed(from_status: str, to_status: str) -> None:
    if (from_status, to_status) in DOCUMENTED:
        check_transition(from_status, to_status)
    else:
        with pytest.raises(TransitionError, match=f"is {from_status}"):
            check_transition(from_status, to_status)


def test_nothing_moves_back_into_the_queue_or_to_auto_approval() -> None:
    targets = set().union(*ALLOWED_TRANSITIONS.values())
    assert "pending_review" not in targets
    assert "auto_approved" not in targets


@pytest.mark.parametrize("from_status", STATUSES)
def test_an_edit_approves_from_any_status(from_status: str) -> None:
    check_transition(from_status, "approved", action="edit")


def test_approving_an_approved_example_says_where_it_can_go() -> None:
    with pytest.raises(TransitionError) as caught:
        check_transition("approved", "approved", action="approve")
    assert "approved" in caught.value.message
    assert caught.value.hint is not None and "rejected" in caught.value.hint


def test_regenerate_only_notes_a_rejected_example() -> None:
    check_transition("rejected", "rejected", action="regenerate")
    with pytest.raises(TransitionError):
        check_transition("approved", "rejected", action="regenerate")


def test_bulk_sources_follow_the_table() -> None:
    assert allowed_sources("approve") == {"pending_review", "auto_approved", "rejected"}
    assert allowed_sources("reject") == {"pending_review", "auto_approved", "approved"}


def test_unknown_statuses_are_rejected() -> None:
    with pytest.raises(TransitionError, match="Unknown status"):
        check_transition("archived", "approved")
