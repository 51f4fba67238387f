"""Queue page statements kept for the next pages of a walk.

A keyset walk through the queue asks for the same page statement page after page, only its cursor
changes. Building it (``select_page_ids``: one branch per optimizer and status, each with the filter's
clauses) and SQLAlchemy's cache key for it took a tenth of a keyset page's CPU in the store (cProfile,
100,000 examples on SQLite). So a statement is kept by everything it is built from but the
cursor, which it holds as bound parameters (``after_cursor``) and is given anew at every execution.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select

from approval.models import ExampleFilter
from approval.store.queue import Cursor, cursor_values, select_page_ids

MAX_KEPT = 256
"""Statements of this many (tenant, filter, order, page, ...) keys at most; the oldest is dropped first."""


class PageStatements:
    """Page statements by what they were built from; safe to share between threads (a statement is
    never changed once built, only executed with parameters)."""

    def __init__(self, size: int = MAX_KEPT) -> None:
        self.size = size
        self._kept: dict[tuple[Any, ...], Select[Any]] = {}
        self._lock = threading.Lock()

    def page_ids(
        self,
        *,
        tenant_id: str,
        example_filter: ExampleFilter,
        filter_key: str,
        order: str,
        page: tuple[int, int],
        total: int | None,
        dialect: str,
        cursor: Cursor | None,
        optimizers: Sequence[str] | None,
    ) -> tuple[Select[Any], dict[str, Any]]:
        """``select_page_ids``'s statement and the parameters to execute it with. ``filter_key``
        identifies ``example_filter`` (its JSON)."""
        stored = tuple(optimizers) if optimizers is not None else None
        key = (tenant_id, filter_key, order, page, total, dialect, cursor is not None, stored)
        with self._lock:
            statement = self._kept.get(key)
        if statement is None:
            statement = select_page_ids(tenant_id, example_filter, order, page, total, dialect, cursor, optimizers)
            with self._lock:
                self._kept[key] = statement
                while len(self._kept) > self.size:
                    del self._kept[next(iter(self._kept))]
        return statement, cursor_values(order, cursor)
