"""The Review page's label filter: the sidebar optimizer's labels, only their valid values, applied in
the queue (count, table and the example in focus)."""

from __future__ import annotations

from collections import Counter

from streamlit.testing.v1 import AppTest

from approval.models import ExampleFilter, LabelFilter, PageRequest
from approval.review import ReviewService

PENDING_MODALITY = ExampleFilter(optimizer="modality", statuses=["pending_review"])


def test_the_label_filter_offers_the_optimizers_labels_and_narrows_the_queue(
    app: AppTest, review: ReviewService
) -> None:
    waiting = review.list_page(tenant_id="default", request=PageRequest(filter=PENDING_MODALITY, limit=1000)).items
    counts = Counter(example.payload["modality"] for example in waiting)
    modality, expected = counts.most_common()[-1]  # the rarest, so the filter visibly narrows the queue
    assert expected < len(waiting)

    app.selectbox(key="sidebar_optimizer").set_value("modality").run()
    assert app.selectbox(key="filter_label_modality").options == ["any label", "modality", "correct_agent"]
    app.selectbox(key="filter_label_modality").set_value("modality").run()
    values = app.selectbox(key="filter_label_modality_modality")
    assert values.options == ["VIDEO", "DOCUMENT", "IMAGE", "AUDIO", "TEXT"]
    values.set_value(modality).run()

    assert not app.exception
    assert any(f"**{expected}** example(s) match" in markdown.value for markdown in app.markdown)
    shown = set(app.dataframe(key="queue_table").value["id"])
    matching = {
        example.id
        for example in review.list_page(
            tenant_id="default",
            request=PageRequest(
                filter=PENDING_MODALITY.model_copy(update={"label": LabelFilter(field="modality", value=modality)}),
                limit=1000,
            ),
        ).items
    }
    assert shown == matching
    assert any(example_id in caption.value for caption in app.caption for example_id in matching)


def test_with_every_optimizer_there_is_no_label_to_choose(app: AppTest) -> None:
    assert not [box for box in app.selectbox if str(box.key).startswith("filter_label")]
    assert any("filter by a label" in caption.value for caption in app.caption)
