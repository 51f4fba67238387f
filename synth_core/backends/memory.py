"""An in-memory ContentBackend for tests and small experiments.

It keeps the SQLite store's semantics: upsert by id (an update keeps the item's place), the same
seeded sampling (same seed and same insertion order -> the same items as ``SqliteStore``) and a
BM25 search with title terms counted twice.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from synth_core.backends.base import SampleOrder, TimedHits, searched_one_by_one
from synth_core.backends.text_terms import key_terms, topic_key, words
from synth_core.content import ContentItem, SearchHit
from synth_core.errors import BackendError

_K1 = 1.2
_B = 0.75


@dataclass
class _Stored:
    item: ContentItem
    entity_count: int
    topic_key: str
    terms: Counter[str]
    length: int


def _fold(word: str) -> str:
    # Stands in for the SQLite store's Porter stemmer, enough for plurals.
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _terms(title: str, text: str) -> Counter[str]:
    terms = Counter(_fold(word) for word in words(text))
    for word in words(title):
        terms[_fold(word)] += 2
    return terms


class MemoryBackend:
    """ContentBackend over a Python dict; ``entity_counter`` as in ``SqliteStore``."""

    def __init__(
        self, items: Iterable[ContentItem] = (), *, entity_counter: Callable[[str], int] | None = None
    ) -> None:
        from synth_core.backends.sqlite_store import default_entity_counter

        self._count_entities = entity_counter or default_entity_counter()
        self._stored: dict[str, _Stored] = {}
        self.upsert(items)

    def upsert(self, items: Iterable[ContentItem]) -> int:
        written = 0
        for item in items:
            terms = _terms(item.title, item.text)
            self._stored[item.id] = _Stored(
                item=item,
                entity_count=self._count_entities(f"{item.title}. {item.text}"),
                topic_key=topic_key(item.title, item.text, item.metadata),
                terms=terms,
                length=sum(terms.values()),
            )
            written += 1
        return written

    def close(self) -> None:
        """Nothing to release; here so both backends can be used the same way."""

    def __enter__(self) -> MemoryBackend:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _matching(
        self, profiles: Sequence[str] | None, modalities: Sequence[str] | None, exclude: Iterable[str] = ()
    ) -> list[_Stored]:
        excluded = set(exclude)
        return [
            stored
            for stored in self._stored.values()
            if (profiles is None or stored.item.profile in profiles)
            and (modalities is None or stored.item.modality in modalities)
            and stored.item.id not in excluded
        ]

    def profiles(self) -> dict[str, int]:
        counts = Counter(stored.item.profile for stored in self._stored.values())
        return dict(sorted(counts.items()))

    def count(self, *, profiles: Sequence[str] | None = None, modalities: Sequence[str] | None = None) -> int:
        return len(self._matching(profiles, modalities))

    def get(self, ids: Sequence[str]) -> list[ContentItem]:
        return [self._stored[item_id].item for item_id in ids if item_id in self._stored]

    def topic_keys(self, ids: Sequence[str]) -> dict[str, str]:
        return {item_id: self._stored[item_id].topic_key for item_id in ids if item_id in self._stored}

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
        if n <= 0:
            return []
        rng = random.Random(seed)
        if order == "random":
            # Mirrors SqliteStore: draw from everything that matches, then drop the excluded items.
            matching = self._matching(profiles, modalities)
            excluded = {item_id for item_id in exclude_ids if item_id in self._stored}
            skip = {i for i, stored in enumerate(matching) if stored.item.id in excluded}
            picks = rng.sample(range(len(matching)), min(len(matching), n + len(excluded)))
            return [matching[i].item for i in picks if i not in skip][:n]
        candidates = self._matching(profiles, modalities, exclude_ids)
        if order in ("newest", "entity_rich"):
            chosen = _top(candidates, n, rng, order)
        else:
            raise BackendError(f"Unknown sample order {order!r}.", hint="Use random, newest or entity_rich.")
        return [stored.item for stored in chosen]

    def search(
        self,
        text: str,
        *,
        limit: int = 10,
        profiles: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
    ) -> list[SearchHit]:
        query = list(dict.fromkeys(_fold(term) for term in key_terms(text)))
        candidates = self._matching(profiles, modalities)
        if not query or not candidates or limit <= 0:
            return []
        scored = _bm25(query, candidates, corpus=list(self._stored.values()))
        return [
            SearchHit(id=s.item.id, rank=rank, score=score, modality=s.item.modality, profile=s.item.profile)
            for rank, (score, s) in enumerate(scored[:limit], start=1)
        ]

    def search_many(self, texts: Sequence[str], *, limit: int = 10) -> Generator[TimedHits, None, None]:
        return searched_one_by_one(self.search, texts, limit=limit)


def _sort_value(stored: _Stored, order: str) -> Any:
    return stored.item.created_at if order == "newest" else stored.entity_count


def _top(candidates: list[_Stored], n: int, rng: random.Random, order: str) -> list[_Stored]:
    """Mirrors ``SqliteStore._top_rids`` step by step, so both draw the same items for a seed."""
    if len(candidates) < n:
        return sorted(candidates, key=lambda s: (_sort_value(s, order), rng.random()), reverse=True)
    boundary = sorted((_sort_value(s, order) for s in candidates), reverse=True)[n - 1]
    above = [s for s in candidates if _sort_value(s, order) > boundary]
    ranked = sorted(above, key=lambda s: (_sort_value(s, order), rng.random()), reverse=True)
    tied = [s for s in candidates if _sort_value(s, order) == boundary]
    return ranked + rng.sample(tied, min(n - len(ranked), len(tied)))


def _bm25(query: list[str], candidates: list[_Stored], *, corpus: list[_Stored]) -> list[tuple[float, _Stored]]:
    # Like FTS5, term statistics come from the whole corpus, not just the filtered candidates.
    total = len(corpus)
    average_length = sum(s.length for s in corpus) / total or 1.0
    frequency = {term: sum(1 for s in corpus if term in s.terms) for term in query}
    scored: list[tuple[float, _Stored]] = []
    for stored in candidates:
        score = 0.0
        for term in query:
            tf = stored.terms.get(term, 0)
            if tf:
                idf = math.log(1 + (total - frequency[term] + 0.5) / (frequency[term] + 0.5))
                score += idf * tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * stored.length / average_length))
        if score > 0:
            scored.append((score, stored))
    scored.sort(key=lambda pair: -pair[0])
    return scored
