"""Approve, reject, edit, undo and skip for the example in focus, with keyboard shortcuts.

Shortcuts: A approve, X reject, E edit, U undo, J next (Streamlit reserves C and R). Each decision
names the version the reviewer saw: when someone else decided first, the store refuses, the page
shows the conflict and the example's current state, and nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from approval import REASON_CODES, Decision, ExamplePublic, ReviewService
from dashboard.components.edit_form import render_edit_form
from dashboard.context import Session
from dashboard.errors import describe_error
from synth_core.errors import ConflictError, SynthError

MESSAGE_KEY = "review_message"
CONFLICT_KEY = "review_conflict"
ERROR_KEY = "review_error"


def render_decision_bar(
    service: ReviewService, session: Session, example: ExamplePublic, go_next: Callable[[], None]
) -> None:
    """The buttons call back with the example and version they were shown with, so a click always
    decides what the reviewer saw, even when the queue changed underneath."""
    if session.reviewer is None:
        st.warning("Type your name as Reviewer in the sidebar to decide: no decision is anonymous.")
        st.button("Next", shortcut="j", on_click=go_next, key="skip")
        return
    shown = Shown(service, session.tenant, session.reviewer, example.id, example.version, go_next)
    approve, undo, skip, edit = st.columns(4)
    approve.button("Approve", type="primary", shortcut="a", key="approve", on_click=shown.approve)
    undo.button("Undo my last decision", shortcut="u", key="undo", on_click=shown.undo)
    skip.button("Skip", shortcut="j", on_click=go_next, key="skip")
    edit.button("Edit", shortcut="e", key="edit_toggle", on_click=shown.start_editing)
    with st.form("reject_form", clear_on_submit=True):
        st.selectbox("Reason", REASON_CODES, key="reject_reason")
        st.text_area("Feedback for regeneration", key="reject_feedback")
        st.form_submit_button("Reject", shortcut="x", on_click=shown.reject)
    if st.session_state.get("editing") == example.id:
        changes = render_edit_form(service.edit_fields(example), example.id)
        if changes is not None:
            shown.edit(changes)
            st.rerun()


@dataclass(frozen=True)
class Shown:
    """The example as the reviewer saw it, and what each button does to it."""

    service: ReviewService
    tenant: str
    reviewer: str
    example_id: str
    version: int
    go_next: Callable[[], None]

    def approve(self) -> None:
        self._decide("Approved", action="approve")

    def reject(self) -> None:
        reason = st.session_state.get("reject_reason")
        feedback = st.session_state.get("reject_feedback") or None
        self._decide("Rejected", action="reject", reason_code=reason, feedback=feedback)

    def edit(self, changes: dict[str, Any]) -> None:
        self._decide("Edited and approved", action="edit", changes=changes)

    def start_editing(self) -> None:
        st.session_state["editing"] = self.example_id

    def undo(self) -> None:
        try:
            result = self.service.undo(tenant_id=self.tenant, reviewer=self.reviewer)
        except SynthError as exc:
            st.session_state[ERROR_KEY] = describe_error(exc)
            return
        st.session_state[MESSAGE_KEY] = f"Undid your last {result.action} ({result.examples} example(s))."
        if result.example is not None:
            st.session_state["focus_id"] = result.example.id

    def _decide(self, verb: str, **choice: Any) -> None:
        try:
            decision = Decision(reviewer=self.reviewer, expected_version=self.version, **choice)
            decided = self.service.decide(tenant_id=self.tenant, example_id=self.example_id, decision=decision)
        except ConflictError as exc:
            st.session_state[CONFLICT_KEY] = (describe_error(exc), self.example_id)
            st.session_state["focus_id"] = self.example_id
            return
        except SynthError as exc:
            st.session_state[ERROR_KEY] = describe_error(exc)
            return
        st.session_state.pop("editing", None)
        st.session_state[MESSAGE_KEY] = f"{verb}: {decided.query}"
        self.go_next()


def show_messages(service: ReviewService, session: Session) -> None:
    """The outcome of the last action: a confirmation, an error, or a conflict with the current state."""
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        st.success(message)
    error = st.session_state.pop(ERROR_KEY, None)
    if error:
        st.error(error)
    conflict = st.session_state.pop(CONFLICT_KEY, None)
    if conflict:
        text, example_id = conflict
        st.error(f"Conflict: {text} Nothing was changed.")
        current, decisions = service.show(tenant_id=session.tenant, example_id=example_id)
        last = next((entry for entry in reversed(decisions) if entry.action != "conflict"), None)
        by = f" by {last.reviewer} ({last.action})" if last else ""
        st.info(f"Current state: {current.status}, version {current.version}{by}.")
