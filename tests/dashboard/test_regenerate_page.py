"""The Regenerate page: rejected examples with their feedback, regeneration with progress, side by side."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from approval.decision import Decision
from approval.models import ExampleFilter, PageRequest
from approval.review import ReviewService


def reject_two(review: ReviewService) -> list[str]:
    waiting = review.list_page(
        tenant_id="default",
        request=PageRequest(filter=ExampleFilter(optimizer="modality", statuses=["pending_review"]), limit=2),
    ).items
    for example in waiting:
        review.decide(
            tenant_id="default",
            example_id=example.id,
            decision=Decision(action="reject", reviewer="bob", reason_code="wrong_label", feedback="not audio"),
        )
    return [example.id for example in waiting]


def test_rejected_examples_are_listed_with_reason_and_feedback(app: AppTest, review: ReviewService) -> None:
    rejected = reject_two(review)
    app.switch_page("app_pages/regenerate.py").run()
    (table,) = app.dataframe[:1]
    assert set(rejected) <= set(table.value["id"])
    assert set(table.value["feedback"]) == {"not audio"}


def test_regenerating_all_matching_queues_replacements_shown_beside_the_originals(
    app: AppTest, review: ReviewService
) -> None:
    rejected = reject_two(review)
    app.switch_page("app_pages/regenerate.py").run()
    app.button(key="regenerate_all").click().run()
    assert not app.exception
    outcomes = app.session_state["regeneration_outcomes"]
    assert sorted(outcome.example_id for outcome in outcomes) == sorted(rejected)
    regenerated = [outcome for outcome in outcomes if outcome.outcome == "regenerated"]
    assert regenerated, [outcome.message for outcome in outcomes]
    child = review.show(tenant_id="default", example_id=regenerated[0].new_ids[0])[0]
    assert (child.parent_id, child.status) == (regenerated[0].example_id, "pending_review")
    assert child.query in [code.value for code in app.code]
