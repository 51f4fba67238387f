"""The dashboard in a real Chromium: a whole review session, and two reviewers on one example.

The app runs as users start it (``synth dashboard --demo``) against a temporary home; every wait is on
Streamlit's own state or on what the page shows. Screenshots of each page go to ``.e2e/``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from approval.models import ExampleFilter, PageRequest
from approval.review import ReviewService
from synth_core.settings import load_settings
from tests.support.browser_page import focused_example_id, go_to, open_page, settle
from tests.support.dashboard_server import CHROMIUM, WAIT_MS, RunningDashboard, require_chromium, running_dashboard

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SCREENSHOTS = Path(__file__).resolve().parents[2] / ".e2e"


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningDashboard]:
    require_chromium()
    with running_dashboard(tmp_path_factory.mktemp("browser-home")) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def review(dashboard: RunningDashboard) -> Iterator[ReviewService]:
    service = ReviewService.from_settings(load_settings(home=dashboard.home))
    yield service
    service.close()


def new_page(browser: Browser) -> Page:
    page = browser.new_page(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    page.set_default_timeout(WAIT_MS)
    return page


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def choose(page: Page, label: str, option: str) -> None:
    page.get_by_label(label).first.click()
    page.get_by_role("option", name=option, exact=True).click()
    settle(page)


def test_a_review_session_from_generate_to_export(
    dashboard: RunningDashboard, browser: Browser, review: ReviewService
) -> None:
    page = new_page(browser)
    open_page(page, dashboard.url, "ann")
    choose(page, "Optimizer", "modality")

    go_to(page, "Generate")
    page.get_by_label("Examples").fill("20")
    page.get_by_label("Examples").press("Enter")
    settle(page)
    page.get_by_role("button", name="Generate", exact=True).click()
    run_heading = page.get_by_role("heading", name=re.compile(r"^Run "))
    expect(run_heading).to_be_visible()
    run_id = run_heading.inner_text().removeprefix("Run ").strip()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    run_heading.scroll_into_view_if_needed()
    screenshot(page, "generate")

    page.get_by_role("link", name=re.compile("^Review this run")).click()
    expect(page.get_by_label("Run", exact=True)).to_have_value(run_id)
    settle(page)
    approved_id = focused_example_id(page)
    page.get_by_role("heading", name="Review", level=1).click()
    page.keyboard.press("a")
    expect(page.get_by_text("Approved:")).to_be_visible()
    settle(page)
    example, decisions = review.show(tenant_id="default", example_id=approved_id)
    assert (example.status, decisions[-1].reviewer) == ("approved", "ann")

    rejected_id = focused_example_id(page)
    assert rejected_id != approved_id
    page.get_by_label("Feedback for regeneration").fill("say which city")
    page.get_by_role("button", name="Reject").click()
    expect(page.get_by_text("Rejected:")).to_be_visible()
    settle(page)
    example, decisions = review.show(tenant_id="default", example_id=rejected_id)
    assert (example.status, decisions[-1].feedback) == ("rejected", "say which city")

    edited_id = focused_example_id(page)
    page.get_by_text("example(s) match").scroll_into_view_if_needed()
    screenshot(page, "review")
    page.get_by_role("button", name=re.compile("^Edit")).click()
    page.get_by_test_id("stCheckbox").filter(has_text="success").click()
    page.get_by_role("button", name="Save edit").click()
    expect(page.get_by_text("Edited and approved:")).to_be_visible()
    settle(page)
    example, decisions = review.show(tenant_id="default", example_id=edited_id)
    assert (example.status, decisions[-1].action) == ("approved", "edit")

    page.get_by_text("Bulk decision on everything matching the filter").click()
    waiting = review.bulk_count(
        tenant_id="default", filter=ExampleFilter(run_id=run_id, statuses=["pending_review"]), action="approve"
    )
    expect(page.get_by_text(f"This will approve {waiting} example(s).")).to_be_visible()
    page.get_by_role("button", name=f"Approve {waiting} example(s)").click()
    expect(page.get_by_text(f"Bulk approve: {waiting} example(s).")).to_be_visible()
    settle(page)
    still_waiting = ExampleFilter(run_id=run_id, statuses=["pending_review"])
    assert review.list_page(tenant_id="default", request=PageRequest(filter=still_waiting, limit=1)).total == 0

    go_to(page, "Regenerate")
    page.get_by_role("button", name=re.compile(r"^Regenerate all \d+ matching")).click()
    expect(page.get_by_role("heading", name="Last regeneration")).to_be_visible()
    settle(page)
    screenshot(page, "regenerate")
    (replacement,) = review.store.children(tenant_id="default", parent_id=rejected_id)
    assert replacement.status == "pending_review"

    go_to(page, "Insights")
    expect(page.get_by_text("Expected calibration error")).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    screenshot(page, "insights")

    go_to(page, "Export")
    page.get_by_role("button", name="Prepare the download").click()
    download_button = page.get_by_role("button", name=re.compile(r"^Download "))
    expect(download_button).to_be_visible()
    screenshot(page, "export")
    with page.expect_download() as started:
        download_button.click()
    lines = Path(started.value.path()).read_text(encoding="utf-8").splitlines()
    approved = review.list_page(
        tenant_id="default",
        request=PageRequest(
            filter=ExampleFilter(optimizer="modality", statuses=["approved", "auto_approved"]), limit=1000
        ),
    )
    assert sorted(json.loads(line)["query"] for line in lines) == sorted(item.query for item in approved.items)
    assert approved_id in {item.id for item in approved.items} and rejected_id not in {i.id for i in approved.items}
    page.close()


def test_two_reviewers_deciding_one_example_see_the_conflict(
    dashboard: RunningDashboard, browser: Browser, review: ReviewService
) -> None:
    waiting = review.list_page(
        tenant_id="default",
        request=PageRequest(filter=ExampleFilter(optimizer="routing", statuses=["pending_review"]), limit=1),
    )
    example_id = waiting.items[0].id
    first, second = new_page(browser), new_page(browser)
    for page, reviewer in ((first, "ann"), (second, "bob")):
        open_page(page, f"{dashboard.url}/?example={example_id}", reviewer)
        assert focused_example_id(page) == example_id
    first.get_by_role("button", name="Approve").click()
    expect(first.get_by_text("Approved:")).to_be_visible()
    second.get_by_role("button", name="Approve").click()
    expect(second.get_by_text(re.compile("^Conflict"))).to_be_visible()
    expect(second.get_by_text(re.compile(r"Current state: approved, version \d+ by ann"))).to_be_visible()
    example, _ = review.show(tenant_id="default", example_id=example_id)
    assert example.status == "approved"
    first.close()
    second.close()
