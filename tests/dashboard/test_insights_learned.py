"""The Insights page shows the learned confidence once reviewers decided enough examples."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from approval.decision import Decision
from approval.learning.evaluation import held_out_split
from approval.models import ExampleFilter, PageRequest
from approval.review import ReviewService
from tests.dashboard.conftest import APP


def test_the_page_says_the_judged_prior_stands_in_before_enough_decisions(app: AppTest) -> None:
    app.switch_page("app_pages/insights.py").run()
    assert not app.exception
    assert any("the score blends the model shipped with Synth Studio" in info.value for info in app.info)


def test_the_page_compares_the_learned_confidence_on_held_out_decisions(
    review: ReviewService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SYNTH_LEARNING__MIN_DECISIONS", "20")  # before the app reads its settings
    pending = review.list_page(
        tenant_id="default",
        request=PageRequest(filter=ExampleFilter(statuses=["pending_review"]), limit=40, order="created"),
    ).items
    assert len(pending) >= 20
    for number, example in enumerate(pending):
        rejected = number % 3 == 0
        decision = Decision(
            action="reject" if rejected else "approve",
            reviewer="ann",
            expected_version=example.version,
            reason_code="other" if rejected else None,
        )
        review.store.decide(tenant_id="default", example_id=example.id, decision=decision)
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.run()
    app.switch_page("app_pages/insights.py").run()
    assert not app.exception, app.exception
    shown = [text.value for text in app.markdown]
    trained = held_out_split(len(pending))
    expected = f"trained on the first {trained} decisions and tested on the {len(pending) - trained} after them"
    assert any(expected in text for text in shown), shown
    assert any("most-likely-wrong-first" in caption.value for caption in app.caption)


def test_the_review_page_orders_most_likely_wrong_first_on_request(app: AppTest, review: ReviewService) -> None:
    """The demo run was scored with the judged prior: its chance of approval orders the queue."""
    app.switch_page("app_pages/review.py").run()
    assert not app.exception
    app.toggle(key="order_likely_wrong").set_value(True).run()
    assert not app.exception
    shown = list(app.dataframe[0].value["id"])
    request = PageRequest(filter=ExampleFilter(statuses=["pending_review"]), limit=len(shown), order="likely_wrong")
    expected = review.list_page(tenant_id="default", request=request).items
    assert shown == [example.id for example in expected]
    assert len(shown) > 1
