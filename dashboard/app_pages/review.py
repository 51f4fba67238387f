"""Review: the queue (server-side pages, least confident first or most likely wrong first), one example
in focus with its evidence, and the decisions. ``?example=ID`` opens one example directly."""

from __future__ import annotations

import streamlit as st

from approval import PageRequest, QueueOrder
from dashboard.components.bulk_decision import render_bulk_decision
from dashboard.components.decision_bar import render_decision_bar, show_messages
from dashboard.components.evidence_view import render_evidence, render_example_header
from dashboard.components.queue_filters import queue_filter
from dashboard.context import content_backend, current_session, review_service
from dashboard.errors import shown_errors
from dashboard.review_queue import QueueCursor

PAGE_SIZE = 25

st.title("Review")
session = current_session()
service = review_service()
show_messages(service, session)
example_filter = queue_filter(session)
likely_wrong = st.toggle(
    "Most likely wrong first",
    key="order_likely_wrong",
    help="Order by the learned confidence model's chance of approval (once reviewers decided enough examples).",
)
order: QueueOrder = "likely_wrong" if likely_wrong else "confidence"
cursor = QueueCursor.from_state(st.session_state, st.query_params.get("example"))
cursor.restart_on_change(example_filter.model_dump_json() + order)

with shown_errors():
    wanted = PageRequest(filter=example_filter, limit=PAGE_SIZE, after=cursor.after, order=order)
    page = service.list_page(tenant_id=session.tenant, request=wanted)
    st.write(f"**{page.total_text()}** example(s) match · page {cursor.page_number}")
    previous, following = st.columns(2)
    previous.button("Previous page", key="previous_page", disabled=cursor.after is None, on_click=cursor.back)
    following.button(
        "Next page",
        key="next_page",
        disabled=page.next_after is None,
        on_click=cursor.forward,
        args=(page.next_after,),
    )
    table = st.dataframe(
        [
            {"confidence": item.confidence, "status": item.status, "query": item.query, "id": item.id}
            for item in page.items
        ],
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="queue_table",
        height=250,
    )
    cursor.select_row(table.selection.rows, [item.id for item in page.items])
    focus_id = cursor.focus([item.id for item in page.items])
    if focus_id is None:
        st.info("Nothing to review here: the queue is empty for this filter.")
    else:
        evidence = service.evidence(content_backend(), tenant_id=session.tenant, example_id=focus_id)
        st.divider()
        render_example_header(evidence)
        render_decision_bar(service, session, evidence.example, cursor.next_after(focus_id))
        render_evidence(evidence)
    render_bulk_decision(service, session, example_filter)
