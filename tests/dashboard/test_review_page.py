"""The Review page through the entry file: queue, filters, focus view, decisions, conflicts, bulk."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from approval.decision import Decision
from approval.models import STATUSES, ExampleFilter, PageRequest
from approval.review import ReviewService
from tests.dashboard.conftest import REVIEWER


def pending(review: ReviewService) -> list[str]:
    page = review.list_page(
        tenant_id="default",
        request=PageRequest(filter=ExampleFilter(statuses=["pending_review"]), limit=1000, order="confidence"),
    )
    return [item.id for item in page.items]


def test_the_queue_opens_on_the_least_confident_pending_example(app: AppTest, review: ReviewService) -> None:
    assert not app.exception
    first = pending(review)[0]
    assert any(first in caption.value for caption in app.caption)
    assert app.button(key="approve") is not None


def test_approving_writes_the_decision_with_the_reviewer_and_moves_on(app: AppTest, review: ReviewService) -> None:
    first, second = pending(review)[:2]
    app.button(key="approve").click().run()
    example, decisions = review.show(tenant_id="default", example_id=first)
    assert example.status == "approved"
    assert decisions[-1].reviewer == REVIEWER
    assert any(second in caption.value for caption in app.caption)


def test_rejecting_keeps_the_reason_and_feedback(app: AppTest, review: ReviewService) -> None:
    first = pending(review)[0]
    app.selectbox(key="reject_reason").set_value("unnatural_query")
    app.text_area(key="reject_feedback").input("nobody talks like this")
    app.button(key="FormSubmitter:reject_form-Reject").click().run()
    example, decisions = review.show(tenant_id="default", example_id=first)
    assert (example.status, example.reason_code) == ("rejected", "unnatural_query")
    assert decisions[-1].feedback == "nobody talks like this"


def test_a_decision_on_an_example_someone_else_changed_shows_the_conflict(app: AppTest, review: ReviewService) -> None:
    first = pending(review)[0]
    review.decide(
        tenant_id="default",
        example_id=first,
        decision=Decision(action="reject", reviewer="bob", reason_code="duplicate"),
    )
    app.button(key="approve").click().run()
    assert any("Conflict" in error.value for error in app.error)
    assert any("rejected" in info.value and "bob" in info.value for info in app.info)
    assert review.show(tenant_id="default", example_id=first)[0].status == "rejected"


def test_without_a_reviewer_nothing_can_be_decided(dashboard_settings: object) -> None:
    from tests.dashboard.conftest import APP

    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert any("unauthenticated" in warning.value for warning in at.warning)
    assert not [button for button in at.button if button.key == "approve"]


def test_the_text_filter_narrows_the_queue(app: AppTest, review: ReviewService) -> None:
    example, _ = review.show(tenant_id="default", example_id=pending(review)[-1])
    app.text_input(key="filter_text").input(example.query).run()
    assert any("**1** example(s) match" in markdown.value for markdown in app.markdown)
    assert any(example.id in caption.value for caption in app.caption)


def test_a_deep_link_opens_one_example(dashboard_settings: object, review: ReviewService) -> None:
    from tests.dashboard.conftest import APP

    wanted = pending(review)[-1]
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["example"] = wanted
    at.run()
    assert any(wanted in caption.value for caption in at.caption)


def test_bulk_approval_shows_the_count_then_approves_that_many(app: AppTest, review: ReviewService) -> None:
    waiting = len(pending(review))
    assert any(f"approve **{waiting}** example(s)" in markdown.value for markdown in app.markdown)
    app.button(key="bulk_go").click().run()
    assert pending(review) == []


def test_content_text_shows_literally_never_as_html_or_markdown(
    dashboard_settings: object, review: ReviewService
) -> None:
    from tests.dashboard.conftest import APP

    hostile = "<script>alert(1)</script> **bold** video"
    wanted = pending(review)[0]
    review.decide(
        tenant_id="default",
        example_id=wanted,
        decision=Decision(action="edit", reviewer="bob", changes={"query": hostile}),
    )
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["example"] = wanted
    at.run()
    assert hostile in [code.value for code in at.code]
    assert not [markdown for markdown in at.markdown if "<script>" in markdown.value]


def test_a_service_error_is_one_readable_message(app: AppTest) -> None:
    app.button(key="undo").click().run()
    assert not app.exception
    assert len(app.error) == 1
    assert "Traceback" not in app.error[0].value


def test_pages_turn_forward_and_back_by_keyset(app: AppTest, review: ReviewService) -> None:
    app.multiselect(key="filter_status").set_value(list(STATUSES)).run()
    everything = ExampleFilter(statuses=list(STATUSES))
    page = review.list_page(tenant_id="default", request=PageRequest(filter=everything, limit=1000, order="confidence"))
    queue = [item.id for item in page.items]
    assert len(queue) > 25, "the fixture must hold more than one page"
    app.button(key="next_page").click().run()
    assert any("page 2" in markdown.value for markdown in app.markdown)
    assert any(queue[25] in caption.value for caption in app.caption)  # the second page's first example
    app.button(key="previous_page").click().run()
    assert any("page 1" in markdown.value for markdown in app.markdown)
    assert any(queue[0] in caption.value for caption in app.caption)
