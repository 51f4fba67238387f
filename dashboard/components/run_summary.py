"""The end of a generation run: auto-approved vs queued, the confidence histogram, the labels, the
failures with their reasons and a link to the queue filtered to this run."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from dashboard.context import review_service
from synth_core.schemas.api import SyntheticDataResponse


def render_run_summary(response: SyntheticDataResponse, tenant: str) -> None:
    run_id = str(response.metadata.get("run_id", ""))
    report = review_service().run_report(
        tenant_id=tenant, run_id=run_id, optimizer=response.optimizer, examples=response.data
    )
    st.subheader(f"Run {run_id}")
    generated, auto, queued, failed = st.columns(4)
    generated.metric("Generated", response.count)
    auto.metric("Auto-approved", report.auto_approved)
    queued.metric("Waiting for review", report.queued)
    failed.metric("Failures", len(response.failures))
    histogram, labels = st.columns(2)
    histogram.plotly_chart(
        px.bar(
            x=[f"{item.lower:.1f}-{item.upper:.1f}" for item in report.histogram],
            y=[item.count for item in report.histogram],
            labels={"x": "confidence", "y": "examples"},
            title="Confidence",
        ),
        key="run_histogram",
    )
    labels.plotly_chart(
        px.bar(x=list(report.labels), y=list(report.labels.values()), labels={"x": "label", "y": "examples"}),
        key="run_labels",
    )
    if response.failures:
        st.dataframe(
            [
                {"reason": failure.reason, "sources": ", ".join(failure.source_content_ids)}
                for failure in response.failures
            ],
            hide_index=True,
        )
    st.page_link(
        "app_pages/review.py", label=f"Review this run's {report.queued} queued examples", query_params={"run": run_id}
    )
