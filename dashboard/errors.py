"""Service errors shown as one readable message on the page, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from synth_core.errors import SynthError


@contextmanager
def shown_errors() -> Iterator[None]:
    """Run a block; a ``SynthError`` from it becomes one ``st.error`` line (its message and hint)."""
    try:
        yield
    except SynthError as exc:
        st.error(str(exc))
