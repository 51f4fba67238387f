"""The dataset scorecard on the Insights page: without a real file it says what it needs and shows
coverage and readiness; with one, the router and realism charts; the top-up button fills thin cells."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from approval import Decision, ExampleFilter
from approval.review import ReviewService
from tests.approval.scorecard.handmade import keyword_separable


def open_insights(app: AppTest) -> AppTest:
    app.selectbox(key="sidebar_optimizer").set_value("modality").run()
    app.switch_page("app_pages/insights.py").run()
    assert not app.exception, app.exception
    return app


def approve_all_modality(review: ReviewService) -> int:
    decision = Decision(action="approve", reviewer="ann")
    pending = ExampleFilter(optimizer="modality", statuses=["pending_review"])
    return review.bulk(tenant_id="default", filter=pending, decision=decision)


def test_without_a_real_file_the_scorecard_says_what_it_needs_and_shows_coverage_and_readiness(app: AppTest) -> None:
    open_insights(app)
    assert app.text_input(key="scorecard_real").value == ""
    assert any("Router and realism: needs a file of real labelled queries" in info.value for info in app.info)
    assert any("Readiness and recommendation" in markdown.value for markdown in app.markdown)
    assert any("label cells are thin" in caption.value for caption in app.caption)


def test_with_a_real_file_the_router_and_realism_are_charted(
    app: AppTest, review: ReviewService, tmp_path: Path
) -> None:
    assert approve_all_modality(review) > 0
    real = tmp_path / "real.jsonl"
    real.write_text("".join(json.dumps(record) + "\n" for record in keyword_separable(5, seed=2)), encoding="utf-8")
    open_insights(app)
    app.text_input(key="scorecard_real").input(str(real)).run()
    assert not app.exception, app.exception
    charts = {chart.proto.id for chart in app.get("plotly_chart")}
    assert len(charts) >= 4 + 4  # the page's own charts and the scorecard's four
    figures = [row for frame in app.dataframe for row in frame.value.to_dict("records") if "figure" in row]
    assert any(row["figure"] == "train on synthetic, test on real: macro-F1" for row in figures)
    assert not any("Router and realism" in info.value for info in app.info)


def test_a_missing_real_file_is_a_clear_error_not_a_traceback(app: AppTest, tmp_path: Path) -> None:
    open_insights(app)
    app.text_input(key="scorecard_real").input(str(tmp_path / "absent.jsonl")).run()
    assert not app.exception
    assert any("No file of real labelled queries" in error.value for error in app.error)


def test_the_top_up_button_generates_for_thin_cells_only(app: AppTest, review: ReviewService) -> None:
    def cells() -> dict[tuple[str, ...], int]:
        coverage = review.insights.label_coverage(tenant_id="default", optimizer="modality")
        return {tuple(cell.labels.values()): cell.count for cell in coverage}

    before = cells()
    thin = {key for key, count in before.items() if count < 3}
    assert thin, "the fixture's 30 examples should leave some cells below 3"
    open_insights(app)
    app.number_input(key="scorecard_target").set_value(3).run()
    app.button(key="scorecard_topup").click().run()
    assert not app.exception, app.exception
    message = next(message.value for message in app.success if message.value.startswith("Top-up: "))
    stored = int(message.split()[1])
    after = cells()
    assert stored > 0
    assert sum(after.values()) - sum(before.values()) == stored
    assert all(after[key] == count for key, count in before.items() if key not in thin)
