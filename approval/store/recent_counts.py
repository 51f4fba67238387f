"""Queue counts remembered for a moment, so that a walk through a long queue does not count it anew for
every page.

A page counts the examples matching its filter up to ``COUNT_LIMIT`` (10,000): 1 ms on SQLite when that
many match, a third of a keyset page's own cost in the store. The count is the same for every page of a
walk, so a keyset page (``after``) takes the count a page of the same tenant and filter made at most
``REUSE_S`` seconds before, as long as this process wrote nothing to the store since (``last_write``).
Only counts that reached the limit are remembered: they read "10000+", which stays true unless the
matching set shrinks below the limit within those seconds through another process; a smaller count is
counted for every page, so an exact total is always this moment's.
"""

from __future__ import annotations

import threading
import time

REUSE_S = 2.0
"""How long a remembered count serves keyset pages."""
MAX_REMEMBERED = 256
"""Counts of this many (tenant, filter) pairs at most; the oldest is forgotten first."""


class RecentCounts:
    """Counts by (tenant, filter) key, each with the write mark (``engine.last_write``) and the time it
    was counted under; a count is reused only under the same mark and within ``REUSE_S``."""

    def __init__(self, reuse_s: float = REUSE_S, size: int = MAX_REMEMBERED) -> None:
        self.reuse_s = reuse_s
        self.size = size
        self._counts: dict[tuple[str, str], tuple[int, int, float]] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str], mark: int) -> int | None:
        with self._lock:
            found = self._counts.get(key)
        if found is None:
            return None
        counted, counted_mark, at = found
        fresh = counted_mark == mark and time.monotonic() - at <= self.reuse_s
        return counted if fresh else None

    def put(self, key: tuple[str, str], mark: int, counted: int) -> None:
        with self._lock:
            self._counts.pop(key, None)
            self._counts[key] = (counted, mark, time.monotonic())
            while len(self._counts) > self.size:
                del self._counts[next(iter(self._counts))]
