"""Driving the dashboard in Chromium: open a page, name the reviewer, wait for Streamlit to settle."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.support.dashboard_server import IDLE, WAIT_MS

expect.set_options(timeout=WAIT_MS)


def settle(page: Page) -> None:
    """Wait until Streamlit has finished running the script (its own state attribute says so)."""
    page.wait_for_selector(IDLE, timeout=WAIT_MS)


def open_page(page: Page, url: str, reviewer: str) -> None:
    page.goto(url)
    expect(page.get_by_text("Running unauthenticated")).to_be_visible(timeout=WAIT_MS)
    name = page.get_by_label("Reviewer")
    name.fill(reviewer)
    name.press("Enter")
    expect(name).to_have_value(reviewer)
    settle(page)


def go_to(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNavItems").get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible(timeout=WAIT_MS)
    settle(page)


def focused_example_id(page: Page) -> str:
    """The id in the focus view's caption ('... · id <ID>')."""
    caption = page.get_by_text(re.compile(r"· id \S+$")).first
    expect(caption).to_be_visible(timeout=WAIT_MS)
    return caption.inner_text().rsplit("id ", 1)[1].strip()
