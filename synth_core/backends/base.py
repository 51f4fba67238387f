"""The content backend protocol: the only way the engine touches stored content.

Implementations: ``SqliteStore`` (embedded default), ``MemoryBackend`` (tests), ``VespaBackend``.
Each maps its library's errors (sqlite3, pyvespa) to ``BackendError`` at this boundary.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterable, Sequence
from typing import Literal, Protocol, runtime_checkable

from synth_core.content import ContentItem, SearchHit

SampleOrder = Literal["random", "newest", "entity_rich"]
TimedHits = tuple[list[SearchHit], float]
"""One search's hits and the seconds it took."""


@runtime_checkable
class ContentBackend(Protocol):
    """Sample, search, get, count: what sampling and label checks need from a store."""

    def profiles(self) -> dict[str, int]:
        """Item count of every profile that holds content."""
        ...

    def count(self, *, profiles: Sequence[str] | None = None, modalities: Sequence[str] | None = None) -> int:
        """How many items match the filter (None = no filter)."""
        ...

    def get(self, ids: Sequence[str]) -> list[ContentItem]:
        """The items with these ids, in the given order; unknown ids are left out."""
        ...

    def sample(
        self,
        n: int,
        *,
        seed: int,
        order: SampleOrder = "random",
        profiles: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
        exclude_ids: Iterable[str] = (),
    ) -> list[ContentItem]:
        """Up to ``n`` items matching the filter. ``random`` is a seeded uniform sample (same seed,
        same store -> same items); ``newest`` orders by created_at descending; ``entity_rich`` by the
        number of named entities descending (ties broken by the seed)."""
        ...

    def search(
        self,
        text: str,
        *,
        limit: int = 10,
        profiles: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
    ) -> list[SearchHit]:
        """Ranked lexical (BM25) or hybrid search; an empty list when nothing matches."""
        ...

    def search_many(self, texts: Sequence[str], *, limit: int = 10) -> Generator[TimedHits, None, None]:
        """``search(text, limit=limit)`` of every text (no filter), in order, each with the seconds it
        took; lazily, so a backend can search ahead (in parallel) while the caller uses earlier results."""
        ...


def searched_one_by_one(
    search: Callable[..., list[SearchHit]], texts: Sequence[str], *, limit: int
) -> Generator[TimedHits, None, None]:
    """``search_many`` done the plain way: one ``search(text, limit=limit)`` after the other, timed."""
    for text in texts:
        started = time.perf_counter()
        hits = search(text, limit=limit)
        yield hits, time.perf_counter() - started
