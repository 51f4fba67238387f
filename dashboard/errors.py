"""Service errors shown as one readable message on the page, never a traceback; the fix names the
dashboard's own widgets and pages (the CLI names its options, the API returns the fix as JSON)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from synth_core.errors import Fix, Step, SynthError

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
    return error.message if error.fix is None else f"{error.message} {describe_fix(error.fix)}"


def describe_fix(fix: Fix) -> str:
    words = [fix.action]
    if fix.field in WIDGETS:
        words.append(f"(Set {WIDGETS[fix.field]}.)")
    if fix.choices:
        words.append(f"One of: {', '.join(fix.choices)}.")
    if fix.step is not None:
        words.append(f"See {PAGES[fix.step]}.")
    return " ".join(words)


@contextmanager
def shown_errors() -> Iterator[None]:
    """Run a block; a ``SynthError`` from it becomes one ``st.error`` line (its message and fix)."""
    try:
        yield
    except SynthError as exc:
        st.error(describe_error(exc))
