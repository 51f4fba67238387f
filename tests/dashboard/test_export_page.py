"""The Export page: what is left out is said first; the download holds exactly the approved set."""

from __future__ import annotations

import io
import json
import zipfile

from streamlit.testing.v1 import AppTest

from approval.decision import Decision
from approval.models import ExampleFilter, PageRequest
from approval.review import ReviewService


def approved_queries(review: ReviewService, optimizer: str) -> set[str]:
    page = review.list_page(
        tenant_id="default",
        request=PageRequest(
            filter=ExampleFilter(optimizer=optimizer, statuses=["approved", "auto_approved"]), limit=1000
        ),
    )
    return {item.query for item in page.items}


def open_export(app: AppTest, optimizer: str) -> AppTest:
    app.switch_page("app_pages/export.py").run()
    app.selectbox(key="export_optimizer").set_value(optimizer).run()
    assert not app.exception
    return app


def test_pending_examples_are_called_out(app: AppTest) -> None:
    open_export(app, "modality")
    assert any("still wait for review" in warning.value for warning in app.warning)


def test_the_download_holds_exactly_the_approved_examples(app: AppTest, review: ReviewService) -> None:
    pending = review.list_page(
        tenant_id="default",
        request=PageRequest(filter=ExampleFilter(optimizer="modality", statuses=["pending_review"]), limit=3),
    ).items
    review.decide(tenant_id="default", example_id=pending[0].id, decision=Decision(action="approve", reviewer="bob"))
    review.decide(
        tenant_id="default",
        example_id=pending[1].id,
        decision=Decision(action="reject", reviewer="bob", reason_code="off_topic"),
    )
    open_export(app, "modality").button(key="export_prepare").click().run()
    download = app.session_state["export_download"]
    exported = {json.loads(line)["query"] for line in download.data.decode().splitlines()}
    assert exported == approved_queries(review, "modality")
    assert pending[0].query in exported and pending[1].query not in exported
    assert not app.exception


def test_a_split_downloads_a_zip_with_the_manifest(app: AppTest, review: ReviewService) -> None:
    review.bulk(
        tenant_id="default",
        filter=ExampleFilter(optimizer="routing", statuses=["pending_review"]),
        decision=Decision(action="approve", reviewer="bob"),
    )
    open_export(app, "routing").checkbox(key="export_do_split").check().run()
    app.radio(key="export_format").set_value("csv")
    app.button(key="export_prepare").click().run()
    names = zipfile.ZipFile(io.BytesIO(app.session_state["export_download"].data)).namelist()
    assert sorted(names) == ["routing.dev.csv", "routing.manifest.json", "routing.train.csv"]
