"""What every page shares: the settings, the store and backend (opened once per process with
``st.cache_resource``), and the sidebar's choices of tenant, reviewer and optimizer."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

import streamlit as st

from approval import ReviewService
from synth_core.backends.base import ContentBackend
from synth_core.backends.factory import open_backend
from synth_core.settings import Settings, load_settings

SESSION_KEY = "synth_session"


@dataclass(frozen=True)
class Session:
    """Who works in which tenant on which optimizer (None = every optimizer)."""

    tenant: str
    reviewer: str | None
    optimizer: str | None
    authenticated: bool


def settings() -> Settings:
    """The settings of this browser session: bundled configs, ``--config`` after ``--``, ``SYNTH_*``."""
    if "synth_settings" not in st.session_state:
        parser = argparse.ArgumentParser(add_help=False)
        parser.add_argument("--config", default=None)
        known, _ = parser.parse_known_args(sys.argv[1:])
        st.session_state["synth_settings"] = load_settings(known.config)
    loaded: Settings = st.session_state["synth_settings"]
    return loaded


def review_service() -> ReviewService:
    current = settings()
    return _review_service(current.review_url, current)


def content_backend() -> ContentBackend:
    current = settings()
    return _content_backend(str(current.store_path), current)


@st.cache_resource(show_spinner=False)
def _review_service(review_url: str, _settings: Settings) -> ReviewService:
    """One engine per store URL for the whole process (keyed by the URL, so tests with their own
    temporary stores never share one)."""
    return ReviewService.from_settings(_settings)


@st.cache_resource(show_spinner=False)
def _content_backend(store_path: str, _settings: Settings) -> ContentBackend:
    return open_backend(_settings)


def current_session() -> Session:
    session: Session = st.session_state[SESSION_KEY]
    return session


def set_session(session: Session) -> None:
    st.session_state[SESSION_KEY] = session
