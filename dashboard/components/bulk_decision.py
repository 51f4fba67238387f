"""Approve or reject everything the filter matches, after showing how many examples that is. The
count shown is passed back: if the set changed in between, the store refuses and nothing changes."""

from __future__ import annotations

import streamlit as st

from approval import REASON_CODES, Decision, ExampleFilter, ReviewService
from dashboard.context import Session
from dashboard.errors import shown_errors


def render_bulk_decision(service: ReviewService, session: Session, example_filter: ExampleFilter) -> None:
    with st.expander("Bulk decision on everything matching the filter"):
        action = st.radio("Action", ["approve", "reject"], horizontal=True, key="bulk_action")
        reason = st.selectbox("Reason", REASON_CODES, key="bulk_reason") if action == "reject" else None
        with shown_errors():
            count = service.bulk_count(tenant_id=session.tenant, filter=example_filter, action=action)
            st.write(f"This will {action} **{count}** example(s).")
            if session.reviewer is None:
                st.warning("Type your name as Reviewer in the sidebar to decide.")
                return
            if st.button(f"{action.capitalize()} {count} example(s)", disabled=count == 0, key="bulk_go"):
                decision = Decision(action=action, reviewer=session.reviewer, reason_code=reason)
                changed = service.bulk(
                    tenant_id=session.tenant, filter=example_filter, decision=decision, expected_count=count
                )
                st.session_state["review_message"] = f"Bulk {action}: {changed} example(s)."
                st.rerun()
