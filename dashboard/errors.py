"""Service errors shown as one readable message on the page, never a traceback; the fix names the
dashboard's own widgets and pages (the CLI names its options, the API returns the fix as JSON)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from synth_core.errors import Step, SynthError

WIDGETS: dict[str, str] = {
    "reviewer": "Reviewer, in the sidebar",
    "tenant_id": "Tenant, in the sidebar",
    "optimizer": "Optimizer, in the sidebar",
    "reason_code": "Reason",
    "changes": "the edit form",
    "expected_version": "the example as it stands now (reload it)",
    "count": "Examples",
    "sample_size": "Sample size",
    "split": "Train share",
}
"""Where on the page each field an error's fix names is set."""

PAGES: dict[Step, str] = {
    "list_examples": "the Review page's queue",
    "list_runs": "the Generate page",
    "review_examples": "the Review page",
    "finish_runs": "'synth runs' on the command line",
    "upgrade_schema": "'synth db upgrade' on the command line",
    "load_content": "'make run' or 'synth ingest' on the command line",
}
"""Where each follow-up step a fix can name is taken."""


def describe_error(error: SynthError) -> str:
    """The error as the page says it: the message, then the fix with the widget and page to use."""
    if error.fix is None:
        return error.message
    fields = {field: f"(Set {widget}.)" for field, widget in WIDGETS.items()}
    steps = {step: f"See {page}." for step, page in PAGES.items()}
    return f"{error.message} {error.fix.said_with(fields, steps)}"


@contextmanager
def shown_errors() -> Iterator[None]:
    """Run a block; a ``SynthError`` from it becomes one ``st.error`` line (its message and fix)."""
    try:
        yield
    except SynthError as exc:
        st.error(describe_error(exc))
