"""Regenerate: rejected examples with their reasons and feedback; regenerate one, a selection or all
matching the filter, with progress; each rejected example beside its replacement; how replacements
fare per reason code."""

from __future__ import annotations

import streamlit as st

from approval import REASON_CODES, ExampleFilter
from dashboard.context import content_backend, current_session, review_service, settings
from dashboard.errors import shown_errors
from synth_core.wiring import build_service

RESULT_KEY = "regeneration_outcomes"
ANY_REASON = "any reason"

st.title("Regenerate")
session = current_session()
service = review_service()
reason = st.selectbox("Reason code", [ANY_REASON, *REASON_CODES], key="regenerate_reason")
example_filter = ExampleFilter(optimizer=session.optimizer, reason_code=None if reason == ANY_REASON else reason)

with shown_errors():
    rows, total = service.rejected_page(tenant_id=session.tenant, filter=example_filter, limit=50)
    st.write(f"**{total}** rejected example(s) match (the first {len(rows)} are listed).")
    table = st.dataframe(
        [
            {
                "query": row.example.query,
                "reason": row.example.reason_code,
                "feedback": row.feedback,
                "attempt": row.example.regeneration_attempt,
                "id": row.example.id,
            }
            for row in rows
        ],
        hide_index=True,
        on_select="rerun",
        selection_mode="multi-row",
        key="rejected_table",
    )
    chosen = [rows[index].example.id for index in table.selection.rows]
    selected, everything = st.columns(2)
    run_selected = selected.button(f"Regenerate {len(chosen)} selected", disabled=not chosen, key="regenerate_selected")
    run_all = everything.button(f"Regenerate all {total} matching", disabled=total == 0, key="regenerate_all")
    if (run_selected or run_all) and session.reviewer is None:
        st.warning("Type your name as Reviewer in the sidebar: regeneration is recorded as a decision.")
    elif run_selected or run_all:
        bar = st.progress(0.0, text="Regenerating")
        result = service.regenerate(
            build_service(settings(), backend=content_backend()),
            tenant_id=session.tenant,
            reviewer=session.reviewer or "",
            example_ids=chosen if run_selected else None,
            filter=None if run_selected else example_filter,
            progress=lambda done, of: bar.progress(done / of, text=f"Regenerated {done} of {of}"),
        )
        st.session_state[RESULT_KEY] = result.outcomes

    outcomes = st.session_state.get(RESULT_KEY, [])
    if outcomes:
        st.subheader("Last regeneration")
        st.dataframe([outcome.model_dump() for outcome in outcomes], hide_index=True)
        for pair in service.replacements(tenant_id=session.tenant, outcomes=outcomes):
            before, after = st.columns(2)
            before.caption(f"Rejected ({pair.original.reason_code}) · {pair.original.id}")
            before.code(pair.original.query, language=None, wrap_lines=True)
            after.caption(f"Replacement · confidence {pair.replacement.confidence:.2f} · {pair.replacement.id}")
            after.code(pair.replacement.query, language=None, wrap_lines=True)
            st.json(pair.changes, expanded=False)

    st.subheader("Replacements later approved, per reason code")
    st.dataframe(
        [
            {"reason": row.group, **row.model_dump(exclude={"group"}), "approval rate": row.approval_rate}
            for row in service.insights.regeneration_by_reason(tenant_id=session.tenant, optimizer=session.optimizer)
        ],
        hide_index=True,
    )
