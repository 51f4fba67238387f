"""The Insights page: charts over the whole tenant, calibration, coverage; a clicked bar opens the queue."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from approval.models import ExampleFilter, PageRequest
from approval.review import ReviewService


def test_the_page_shows_charts_calibration_and_coverage(app: AppTest) -> None:
    app.selectbox(key="sidebar_optimizer").set_value("modality").run()
    app.switch_page("app_pages/insights.py").run()
    assert not app.exception
    assert any("Expected calibration error" in markdown.value for markdown in app.markdown)
    assert any("label combinations are thin" in caption.value for caption in app.caption)


def test_the_numbers_add_up_to_the_store(review: ReviewService) -> None:
    total = review.list_page(tenant_id="default", request=PageRequest(filter=ExampleFilter(), limit=1)).total
    assert (
        sum(item.count for item in review.insights.confidence_by_status(tenant_id="default", optimizer=None)) == total
    )
    rows = review.insights.approval_by(tenant_id="default", optimizer=None, group="optimizer")
    assert {row.group for row in rows} == {"modality", "routing"}
    assert sum(row.approved + row.rejected + row.pending for row in rows) == total
    cells = review.insights.label_coverage(tenant_id="default", optimizer="modality")
    kept = review.list_page(
        tenant_id="default",
        request=PageRequest(
            filter=ExampleFilter(optimizer="modality", statuses=["pending_review", "auto_approved", "approved"]),
            limit=1,
        ),
    ).total
    assert sum(cell.count for cell in cells) == kept
    assert all(set(cell.labels) == {"modality", "correct_agent", "modality_features.query_shape"} for cell in cells)


def test_a_clicked_bin_opens_the_queue_filtered_to_it(app: AppTest) -> None:
    app.switch_page("app_pages/insights.py").run()
    clicked = {"status": "pending_review", "min_confidence": 0.5, "max_confidence": 0.6}
    selection = {
        "selection": {"points": [{"customdata": json.dumps(clicked)}], "point_indices": [0], "box": [], "lasso": []}
    }
    app.session_state["confidence_by_status"] = selection
    app.run()
    assert app.query_params["status"] == "pending_review"
    assert app.slider(key="filter_confidence").value == (0.5, 0.6)
