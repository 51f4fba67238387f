"""Insights: confidence by status, approval rates, calibration, the learned confidence, label coverage,
the dataset scorecard (with a real-file path and a top-up button) and near-duplicates. Clicking a bar
or bin opens the queue filtered to it."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from approval import DEFAULT_CELL_TARGET, STATUSES, ApprovalRow, before_team_model
from dashboard.components.queue_links import as_filter, clickable_chart
from dashboard.components.scorecard_view import show_scorecard
from dashboard.context import content_backend, current_session, review_service
from dashboard.errors import shown_errors

COLORS = {
    "approved": "#2e7d32",
    "auto_approved": "#81c784",
    "pending_review": "#90a4ae",
    "pending": "#90a4ae",
    "rejected": "#c62828",
}

st.title("Insights")
session = current_session()
service = review_service()
insights = service.insights
tenant, optimizer = session.tenant, session.optimizer


def approval_bars(rows: list[ApprovalRow], title: str, group: str) -> go.Figure:
    figure = go.Figure(layout={"title": title, "barmode": "stack"})
    for outcome, status in (("approved", "approved"), ("rejected", "rejected"), ("pending", "pending_review")):
        figure.add_bar(
            name=outcome,
            marker_color=COLORS[outcome],
            x=[row.group for row in rows],
            y=[getattr(row, outcome) for row in rows],
            customdata=[as_filter(status=status, **{group: row.group}) for row in rows],
        )
    return figure


with shown_errors():
    bins = insights.confidence_by_status(tenant_id=tenant, optimizer=optimizer)
    by_status = go.Figure(layout={"title": "Confidence by status", "barmode": "stack"})
    for status in STATUSES:
        mine = [item for item in bins if item.status == status]
        by_status.add_bar(
            name=status,
            marker_color=COLORS[status],
            x=[f"{item.lower:.1f}-{item.upper:.1f}" for item in mine],
            y=[item.count for item in mine],
            customdata=[
                as_filter(status=status, min_confidence=item.lower, max_confidence=item.upper) for item in mine
            ],
        )
    clickable_chart(by_status, "confidence_by_status")

    left, right = st.columns(2)
    with left:
        rows = insights.approval_by(tenant_id=tenant, optimizer=optimizer, group="optimizer")
        clickable_chart(approval_bars(rows, "By optimizer", "optimizer"), "by_optimizer")
    with right:
        rows = insights.approval_by(tenant_id=tenant, optimizer=optimizer, group="reason_code")
        clickable_chart(approval_bars(rows, "Rejections by reason", "reason"), "by_reason")
    rows = insights.approval_by(tenant_id=tenant, optimizer=optimizer, group="run_id", limit=20)
    clickable_chart(approval_bars(rows, "By run (20 largest)", "run"), "by_run")

    st.subheader("Calibration")
    report = service.calibration(tenant_id=tenant, optimizer=optimizer)
    ece = "n/a" if report.expected_calibration_error is None else f"{report.expected_calibration_error:.3f}"
    threshold = "none" if report.suggested_threshold is None else f"{report.suggested_threshold:.2f}"
    st.write(f"Expected calibration error **{ece}** · suggested threshold **{threshold}**")
    st.text(report.explanation)
    reliability = go.Figure(layout={"title": "Reliability diagram", "xaxis_title": "mean confidence"})
    reliability.add_scatter(x=[0, 1], y=[0, 1], mode="lines", name="perfect", line={"dash": "dot"})
    filled = [item for item in report.bins if item.mean_confidence is not None]
    reliability.add_scatter(
        x=[item.mean_confidence for item in filled],
        y=[item.approval_rate for item in filled],
        mode="lines+markers",
        name="approval rate",
        customdata=[as_filter(min_confidence=item.lower, max_confidence=item.upper) for item in filled],
    )
    clickable_chart(reliability, "reliability")

    st.subheader("Learned confidence")
    learned = service.learned_confidence(tenant_id=tenant, optimizer=optimizer)
    if learned is None:
        st.info(before_team_model(service.settings.learning))
    else:
        st.write(learned.summary())
        points = {
            "rule-based, at the threshold": learned.rule,
            "blended, at the threshold": learned.blended,
            "blended, at the rule's review load": learned.blended_same_load,
        }
        st.dataframe(
            [
                {
                    "score": name,
                    "auto-approved": point.auto_approved,
                    "precision": point.precision,
                    "review load": point.review_load,
                }
                for name, point in points.items()
            ],
            hide_index=True,
        )
        for item in learned.savings:
            st.caption(item.sentence(learned.tested_on))

    st.subheader("Regenerated examples by the reason their original was rejected")
    regenerated = insights.regeneration_by_reason(tenant_id=tenant, optimizer=optimizer)
    st.dataframe(
        [
            {"reason": row.group, **row.model_dump(exclude={"group"}), "approval rate": row.approval_rate}
            for row in regenerated
        ],
        hide_index=True,
    )

    if session.optimizer is None:
        st.info("Pick an optimizer in the sidebar to see its label coverage.")
    else:
        st.subheader("Label coverage")
        cells = insights.label_coverage(tenant_id=session.tenant, optimizer=session.optimizer)
        st.caption(f"{sum(cell.thin for cell in cells)} of {len(cells)} label combinations are thin (marked).")
        st.dataframe([{**cell.labels, "examples": cell.count, "thin": cell.thin} for cell in cells], hide_index=True)

    st.subheader("Dataset scorecard")
    if session.optimizer is None:
        st.info("Pick an optimizer in the sidebar to see its dataset scorecard.")
    else:
        real_file = st.text_input(
            "Real labelled queries (JSONL path; empty: no router or realism figures)", value="", key="scorecard_real"
        )
        target = int(
            st.number_input("Examples per label cell", 1, 100_000, DEFAULT_CELL_TARGET, key="scorecard_target")
        )
        if st.button("Top up the thin cells", key="scorecard_topup"):
            with st.spinner("Generating for the thin label cells"):
                result = service.topup(
                    content_backend(),
                    tenant_id=tenant,
                    optimizer=session.optimizer,
                    target=target,
                )
            st.success(f"Top-up: {result.stored} stored of {result.generated} generated.")
            if result.not_steerable:
                st.warning(
                    f"{len(result.not_steerable)} cells stayed below {target}: this content and writer rarely or "
                    "never write them (a request cannot ask for a label combination)."
                )
        card = service.scorecard(
            tenant_id=tenant,
            optimizer=session.optimizer,
            real=Path(real_file.strip()) if real_file.strip() else None,
            target=target,
        )
        st.caption(
            f"The {card.examples} approved {session.optimizer} examples; the router predicts {card.label_field}."
        )
        show_scorecard(card)

    st.subheader("Near-duplicates among the least confident pending examples")
    for group in insights.near_duplicate_groups(tenant_id=tenant, optimizer=optimizer):
        st.text(" | ".join(group.queries))
