"""Review-store fixtures: every store test runs on SQLite and on a throwaway PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from approval.store import ReviewStore
from tests.support.postgres import fresh_database, postgres_server

__all__ = ["postgres_server"]  # the session fixture, made visible to the tests below


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def review_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty review database: a SQLite file under tmp_path, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'review.db'}"
    return fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store(review_url: str) -> Iterator[ReviewStore]:
    with ReviewStore(review_url) as opened:
        yield opened
