"""Near-duplicate queries: token-set Jaccard similarity, found without comparing every pair.

A query becomes the set of its normalized tokens (case-folded words, stopwords dropped; the raw
words when nothing else is left). Two queries' similarity is the Jaccard index of their sets.

Candidate pairs come from *prefix filtering* (Chaudhuri et al. 2006; Xiao et al. 2008): put every
token in one fixed order, rare tokens first, and index only the first ``|s| - ceil(t * |s|) + 1``
tokens of each set; two sets with Jaccard >= t must share one of those prefix tokens. Prefixes hold
rare tokens, so the posting lists stay short: a batch of 10,000 queries costs well under a second
instead of 50 million comparisons. Identical sets are collapsed first, so repeats cost nothing.

``DuplicateIndex`` keeps known queries indexed across calls. The token order only ever grows: a
token seen for the first time is placed before (rarer than) every known token, which keeps the order
of the tokens of every indexed set unchanged, as prefix filtering requires.

The review store holds too many queries to index in memory for every edit, run or regeneration. It
files each stored query under a few *keys* (``duplicate_keys``; table ``duplicate_keys``, see
approval/store/duplicates.py), and a query to score reads back only the stored queries filed under
one of its keys: every stored query at or above the threshold and a few more, which ``NearbyQueries``
then compares exactly (the same similarities as comparing with the whole store).

A key is a few tokens of a query's *prefix* in one order fixed for good (everyday English frequency
from wordfreq, rarest first; ties by the token). Two sets of sizes n and s with Jaccard >= t share at
least ``o = ceil(t / (1 + t) * (n + s))`` tokens, so their first ``a <= o`` shared tokens in that
order lie within the first ``n - o + a`` tokens of one and ``s - o + a`` of the other: each files
every ``a``-subset of that prefix, for every size s its near-duplicates can have, with
``a = min(o, 3)``. Three rare tokens together are far more selective than one (prefix filtering's
key), so a key's stored queries stay few as the store grows. A key also says which of the two sets is
the larger, so a query's keys for a partner smaller than itself never meet other queries' keys of
the same kind. Changing the threshold, the tokens or the order means filing every stored query again
(a migration).
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from synth_core.lexicon import STOPWORDS
from synth_core.word_frequency import zipf

NEAR_DUPLICATE_THRESHOLD = 0.6
"""Below this Jaccard similarity two queries are not near-duplicates."""

_WORD = re.compile(r"\w+")


def query_tokens(text: str) -> frozenset[str]:
    """The normalized token set of a query: case-folded words without stopwords."""
    words = _WORD.findall(text.casefold())
    content = frozenset(word for word in words if word not in STOPWORDS)
    return content or frozenset(words)


def jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    if not first and not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


@dataclass(frozen=True)
class DuplicateMatch:
    """The most similar other query of one query (similarity 0.0 and index None when none is close).

    ``known`` says whether ``index`` points into the known queries rather than the batch.
    """

    similarity: float = 0.0
    index: int | None = None
    known: bool = False


class _TokenOrder:
    """A total order on tokens that only grows: new tokens go before every token already placed."""

    def __init__(self) -> None:
        self.rank: dict[str, int] = {}
        self._lowest = 0

    def place(self, sets: Iterable[frozenset[str]]) -> None:
        """Place the tokens of ``sets`` not placed yet, the rarer (in ``sets``) the earlier."""
        fresh = Counter(token for tokens in sets for token in tokens if token not in self.rank)
        ordered = sorted(fresh.items(), key=lambda item: (item[1], item[0]))
        start = self._lowest - len(ordered)
        for offset, (token, _) in enumerate(ordered):
            self.rank[token] = start + offset
        self._lowest = start

    def sort(self, tokens: frozenset[str]) -> tuple[str, ...]:
        return tuple(sorted(tokens, key=self.rank.__getitem__))


class _Postings:
    """Prefix postings of sorted token sets, with the length and positional filters.

    Each prefix token's postings are grouped by (set size, the token's position in the set), so both
    filters reject a whole group at once. Positional filter (PPJoin, Xiao et al. 2008): when a probe
    first meets an indexed set at prefix token ``i`` of the probe and ``j`` of the set, no earlier
    token is shared, so they share at most ``1 + min(|x| - i - 1, |y| - j - 1)`` tokens; Jaccard >= t
    needs ``t / (1 + t) * (|x| + |y|)``. A group failing that bound at a token holds no match first met
    there, and a set first met elsewhere was already taken or rightly refused.
    """

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.sets: list[frozenset[str]] = []
        self.postings: dict[str, dict[tuple[int, int], list[int]]] = {}

    def prefix(self, ordered: tuple[str, ...]) -> tuple[str, ...]:
        size = len(ordered)
        return ordered[: max(size - math.ceil(self.threshold * size - 1e-9) + 1, 0)]

    def add(self, tokens: frozenset[str], ordered: tuple[str, ...]) -> int:
        position = len(self.sets)
        self.sets.append(tokens)
        size = len(ordered)
        for index, token in enumerate(self.prefix(ordered)):
            self.postings.setdefault(token, {}).setdefault((size, index), []).append(position)
        return position

    def matches(
        self, tokens: frozenset[str], ordered: tuple[str, ...], skip: int | None = None
    ) -> Iterable[tuple[int, float]]:
        """(position, similarity) of every indexed set at or above the threshold."""
        size = len(tokens)
        low, high = self.threshold * size - 1e-9, size / self.threshold + 1e-9
        share = self.threshold / (1 + self.threshold)
        found: set[int] = set()
        for index, token in enumerate(self.prefix(ordered)):
            for (other_size, other_index), positions in self.postings.get(token, {}).items():
                most_shared = min(size - index, other_size - other_index)  # = 1 + min(the tokens after each)
                if low <= other_size <= high and most_shared >= share * (size + other_size) - 1e-9:
                    found.update(positions)
        found.discard(skip)
        for position in sorted(found):
            similarity = jaccard(tokens, self.sets[position])
            if similarity >= self.threshold:
                yield position, similarity


KEY_TOKENS = 3
"""At most this many tokens make a key (more: fewer false candidates, more keys per query)."""


class QueryKeys(NamedTuple):
    """The keys a query is filed under, and the keys to look up to find its near-duplicates."""

    filed: frozenset[int]
    looked_up: frozenset[int]


@lru_cache(maxsize=8192)  # a batch's keys are looked up, then filed when it is stored
def duplicate_keys(scope: str, query: str, *, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> QueryKeys:
    """The keys of a query (see the module docstring), as signed 64-bit integers; ``scope`` (tenant
    and optimizer) is part of every key."""
    ordered = sorted(query_tokens(query), key=_fixed_rank)
    size = len(ordered)
    filed: set[tuple[int, tuple[str, ...]]] = set()
    for other in range(max(math.ceil(threshold * size - 1e-9), 1), math.floor(size / threshold + 1e-9) + 1):
        shared = math.ceil(threshold / (1 + threshold) * (size + other) - 1e-9)
        tokens = min(shared, KEY_TOKENS)
        larger = (size > other) - (size < other)
        filed.update((larger, subset) for subset in itertools.combinations(ordered[: size - shared + tokens], tokens))
    base = _token_hash(scope)
    return QueryKeys(
        filed=frozenset(_key(base, larger, subset) for larger, subset in filed),
        looked_up=frozenset(_key(base, -larger, subset) for larger, subset in filed),
    )


def _fixed_rank(token: str) -> tuple[int, str]:
    """Rarest first, in half-Zipf steps (wordfreq's lists are frozen; coarse steps keep the order
    stable anyway), then by the token itself."""
    return int(zipf(token) * 2), token


@lru_cache(maxsize=65536)
def _token_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


_MASK = (1 << 64) - 1
_PRIME = 0x100000001B3


def _key(base: int, larger: int, tokens: tuple[str, ...]) -> int:
    """One signed 64-bit key from the scope's hash, which set is larger and the tokens in order
    (FNV-style mixing of each part's hash: the same inputs give the same key in every process)."""
    key = (base ^ (larger + 2)) * _PRIME & _MASK
    for token in tokens:
        key = (key ^ _token_hash(token)) * _PRIME & _MASK
    return key - (1 << 64) if key >= 1 << 63 else key


class NearbyQueries:
    """Known queries matched against a batch the way ``DuplicateIndex`` matches them, when each query
    of the batch comes with its own candidates (``nearby``: its case-folded text -> known queries that
    include every near-duplicate of it), such as the review store finds through the keys above."""

    def __init__(self, nearby: Mapping[str, Sequence[str]], *, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        self.nearby = nearby
        self.threshold = threshold

    def best_matches(self, queries: Sequence[str]) -> list[DuplicateMatch]:
        """As ``DuplicateIndex.best_matches``: the batch first, then the known queries (ties go to the
        batch); a known match has no index."""
        matches = DuplicateIndex(threshold=self.threshold).best_matches(queries)
        sets: dict[str, frozenset[str]] = {}  # a known query is often nearby several of the batch
        for position, text in enumerate(queries):
            tokens = query_tokens(text)
            best = 0.0
            for known in self.nearby.get(text.casefold(), ()):
                if known not in sets:
                    sets[known] = query_tokens(known)
                best = max(best, jaccard(tokens, sets[known]))
            if best >= self.threshold and best > matches[position].similarity:
                matches[position] = DuplicateMatch(best, None, True)
        return matches


class DuplicateIndex:
    """Known queries, indexed once, against which batches are matched (see the module docstring)."""

    def __init__(self, known: Iterable[str] = (), *, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        self.threshold = threshold
        self._order = _TokenOrder()
        self._known = _Postings(threshold)
        self._distinct: dict[frozenset[str], int] = {}
        self._first_position: list[int] = []
        self._size = 0
        self.add(known)

    def __len__(self) -> int:
        return self._size

    def add(self, queries: Iterable[str]) -> None:
        """Make ``queries`` known (e.g. once their batch is committed)."""
        sets = [query_tokens(text) for text in queries]
        self._order.place(sets)
        for tokens in sets:
            if tokens not in self._distinct:
                self._distinct[tokens] = self._known.add(tokens, self._order.sort(tokens))
                self._first_position.append(self._size)
            self._size += 1

    def best_matches(self, queries: Sequence[str]) -> list[DuplicateMatch]:
        """For each query, its most similar other query of the batch or of the known set, when that
        similarity reaches the threshold. Ties go to the batch, then to the earlier query."""
        positions: dict[frozenset[str], list[int]] = {}
        for position, text in enumerate(queries):
            positions.setdefault(query_tokens(text), []).append(position)
        self._order.place(positions)
        batch = _Postings(self.threshold)
        ordered = {tokens: self._order.sort(tokens) for tokens in positions}
        for tokens in positions:
            batch.add(tokens, ordered[tokens])
        firsts = [members[0] for members in positions.values()]
        matches = [DuplicateMatch()] * len(queries)
        for unique, (tokens, members) in enumerate(positions.items()):
            best = self._best_distinct(tokens, ordered[tokens], batch, unique, firsts)
            for position in members:
                twin = next((other for other in members if other != position), None)
                matches[position] = DuplicateMatch(1.0, twin, False) if twin is not None else best
        return matches

    def _best_distinct(
        self, tokens: frozenset[str], ordered: tuple[str, ...], batch: _Postings, unique: int, firsts: list[int]
    ) -> DuplicateMatch:
        best = DuplicateMatch()
        for other, similarity in batch.matches(tokens, ordered, skip=unique):
            if similarity > best.similarity:
                best = DuplicateMatch(similarity, firsts[other], False)
        for other, similarity in self._known.matches(tokens, ordered):
            if similarity > best.similarity:
                best = DuplicateMatch(similarity, self._first_position[other], True)
        return best


def best_matches(
    queries: Sequence[str], known: Iterable[str] = (), *, threshold: float = NEAR_DUPLICATE_THRESHOLD
) -> list[DuplicateMatch]:
    """``DuplicateIndex(known).best_matches(queries)`` for a one-off batch."""
    return DuplicateIndex(known, threshold=threshold).best_matches(queries)


def duplicate_clusters(queries: Sequence[str], *, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> list[int]:
    """A cluster number per query: queries linked by a chain of near-duplicates share one.

    The cluster number is the lowest index in the cluster, so it is stable for a stable input order.
    """
    sets = [query_tokens(text) for text in queries]
    order = _TokenOrder()
    order.place(sets)
    postings = _Postings(threshold)
    parent = list(range(len(sets)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for position, tokens in enumerate(sets):
        ordered = order.sort(tokens)
        # Probing before adding finds each pair once: against every earlier query.
        for other, _ in postings.matches(tokens, ordered):
            first, second = root(position), root(other)
            if first != second:
                parent[max(first, second)] = min(first, second)
        postings.add(tokens, ordered)
    return [root(position) for position in range(len(sets))]
