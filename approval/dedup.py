"""Near-duplicate queries: token-set Jaccard similarity, found without comparing every pair.

A query becomes the set of its normalized tokens (case-folded words, stopwords dropped; the raw
words when nothing else is left). Two queries' similarity is the Jaccard index of their sets.

Candidate pairs come from *prefix filtering* (Chaudhuri et al. 2006; Xiao et al. 2008): order every
token by how rare it is, index only the first ``|s| - ceil(t * |s|) + 1`` tokens of each set; two
sets with Jaccard >= t must share one of those prefix tokens. Prefixes hold the rare tokens, so the
posting lists stay short and a batch of 10,000 queries costs a few hundred milliseconds instead of
50 million comparisons. Only similarities at or above the threshold are ever reported.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from synth_core.lexicon import STOPWORDS

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

    ``known`` says whether the match is in the known set (e.g. approved examples) rather than the batch.
    """

    similarity: float = 0.0
    index: int | None = None
    known: bool = False


class _PrefixIndex:
    """Prefix-filtering index over token sets, shared by the batch and the known queries."""

    def __init__(self, sets: Sequence[frozenset[str]], threshold: float) -> None:
        self.sets = sets
        self.threshold = threshold
        frequency = Counter(token for tokens in sets for token in tokens)
        # Rare tokens first; ties broken by the token itself so the order is deterministic.
        self.order = {token: rank for rank, (token, _) in enumerate(sorted(frequency.items(), key=_rarity))}
        self.postings: dict[str, list[int]] = {}
        for position, tokens in enumerate(sets):
            for token in self.prefix(tokens):
                self.postings.setdefault(token, []).append(position)

    def prefix(self, tokens: frozenset[str]) -> list[str]:
        length = len(tokens) - math.ceil(self.threshold * len(tokens) - 1e-9) + 1
        return sorted(tokens, key=self.order.__getitem__)[: max(length, 0)]

    def candidates(self, position: int) -> set[int]:
        tokens = self.sets[position]
        low, high = self.threshold * len(tokens), len(tokens) / self.threshold if self.threshold else math.inf
        found: set[int] = set()
        for token in self.prefix(tokens):
            for other in self.postings.get(token, ()):
                if other != position and low - 1e-9 <= len(self.sets[other]) <= high + 1e-9:
                    found.add(other)
        return found


def _rarity(item: tuple[str, int]) -> tuple[int, str]:
    return item[1], item[0]


def best_matches(
    queries: Sequence[str],
    known: Iterable[str] = (),
    *,
    threshold: float = NEAR_DUPLICATE_THRESHOLD,
) -> list[DuplicateMatch]:
    """For each query, its most similar other query in ``queries`` or in ``known`` (ties: the batch
    first, then the lower index), when that similarity is at least ``threshold``."""
    batch_sets = [query_tokens(text) for text in queries]
    known_sets = [query_tokens(text) for text in known]
    index = _PrefixIndex([*batch_sets, *known_sets], threshold)
    size = len(batch_sets)
    matches: list[DuplicateMatch] = []
    for position in range(size):
        best = DuplicateMatch()
        for other in sorted(index.candidates(position)):
            similarity = jaccard(index.sets[position], index.sets[other])
            if similarity >= threshold and similarity > best.similarity:
                in_known = other >= size
                best = DuplicateMatch(similarity, other - size if in_known else other, in_known)
        matches.append(best)
    return matches


def duplicate_clusters(queries: Sequence[str], *, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> list[int]:
    """A cluster number per query: queries linked by a chain of near-duplicates share one.

    The cluster number is the lowest index in the cluster, so it is stable for a stable input order.
    """
    sets = [query_tokens(text) for text in queries]
    index = _PrefixIndex(sets, threshold)
    parent = list(range(len(sets)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for position in range(len(sets)):
        for other in index.candidates(position):
            if other > position and jaccard(sets[position], sets[other]) >= threshold:
                first, second = root(position), root(other)
                if first != second:
                    parent[max(first, second)] = min(first, second)
    return [root(position) for position in range(len(sets))]
