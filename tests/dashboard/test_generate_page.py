"""The Generate page: options with the selector's suggestion, a preview, a background run, a summary."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from approval.models import ExampleFilter, PageRequest
from approval.review import ReviewService
from tests.dashboard.conftest import APP


def open_generate(app: AppTest) -> AppTest:
    app.switch_page("app_pages/generate.py").run()
    assert not app.exception
    return app


def test_the_options_show_the_suggested_profiles_and_their_reasoning(app: AppTest) -> None:
    open_generate(app)
    assert app.multiselect(key="profiles").value
    assert any("Rule-based selection" in text.value for text in app.text)
    assert app.button(key="generate") is not None


def test_preview_shows_the_sampled_content_before_anything_is_generated(app: AppTest, review: ReviewService) -> None:
    before = review.list_page(tenant_id="default", request=PageRequest(filter=ExampleFilter(), limit=1)).total
    open_generate(app).number_input(key="sample_size").set_value(12)
    app.button(key="preview").click().run()
    (table,) = app.dataframe
    assert len(table.value) == 12
    assert {"title", "modality", "profile", "topics", "entities"} <= set(table.value.columns)
    assert review.list_page(tenant_id="default", request=PageRequest(filter=ExampleFilter(), limit=1)).total == before


def test_a_run_happens_in_the_background_and_ends_with_its_summary(app: AppTest, review: ReviewService) -> None:
    open_generate(app).selectbox(key="generate_optimizer").set_value("modality")
    app.number_input(key="count").set_value(15)
    app.button(key="generate").click().run()
    job = app.session_state["generation_job"]
    job.wait(timeout=240)
    app.run()
    assert job.error is None and job.response is not None
    run_id = job.response.metadata["run_id"]
    stored = review.list_page(
        tenant_id="default", request=PageRequest(filter=ExampleFilter(run_id=run_id), limit=1)
    ).total
    assert stored == job.response.count == 15
    metrics = {metric.label: metric.value for metric in app.metric}
    assert int(metrics["Auto-approved"]) + int(metrics["Waiting for review"]) == 15
    assert any(run_id in subheader.value for subheader in app.subheader)


def test_with_an_llm_configured_the_cost_estimate_comes_before_generating(
    dashboard_settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SYNTH_LLM__MODEL", "openai/gpt-4o-mini")
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    at.text_input(key="sidebar_reviewer").input("ann").run()
    open_generate(at).selectbox(key="generate_optimizer").set_value("routing")
    at.number_input(key="count").set_value(10).run()
    assert at.button(key="generate").disabled
    at.button(key="estimate").click().run()
    assert not at.exception
    assert at.json, "the estimate is shown"
    assert not at.button(key="generate").disabled
