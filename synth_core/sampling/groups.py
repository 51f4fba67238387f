"""Strategies that draw groups of items of different modalities around one topic.

- ``multi_modal_sequences``: groups of 2-4 items, each of a different modality, every member sharing
  a word (not a stopword) with the group's first item;
- ``cross_modal_pairs``: pairs of items of two different modalities that share a topic or an entity
  (a content key, ``generators.pairs.content_keys``), so a query can ask about what they share.

Items of a random seed pool that share a topic signature across modalities are grouped without a
search. Otherwise each seed's topic is searched: in the *other* modalities, the seed taking the best
hit of each. A search costs roughly in proportion to the store's size, so the number of searches is
capped (``SEARCH_BUDGET``); when the cap is below the number of groups wanted, a seed's topic is
also searched in the seed's own modality, deeper, and the remaining hits, which all matched the same
topic, form further groups. A pair's seed searches for its own topics and names (its content keys),
so its hits are likely to share one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from synth_core.backends.text_terms import STOPWORDS, key_terms, words
from synth_core.content import ContentItem
from synth_core.generators.pairs import item_subjects, shares_content
from synth_core.sampling.context import StrategyContext

SEARCH_BUDGET = 800_000
"""Searches per call = SEARCH_BUDGET / items in scope (at least MIN_SEARCHES): a 600-item store gets
one search per group, a 100,000-item store eight."""
MIN_SEARCHES = 4
PAIR_SEARCH_FACTOR = 12
"""``cross_modal_pairs`` searches this many times the budget: a pair must share a subject both items
are about, and a lone word only with another specific word both say (``generators.pairs``), which few
of a big store's seeds find (the real corpus, 7,700 items: fewer searches leave a 300-example run
short of subjects); a multi-modal sequence needs only a shared word."""
PARTNER_LIMIT = 6
MAX_LIMIT = 64
SEED_POOL_FACTOR = 2
SEED_POOL_MIN = 100

PAIR_QUERY_KEYS = 3
"""A pair's seed searches for this many of its content keys (its most salient topics and names)."""

SizeFn = Callable[[], int]
SharesFn = Callable[[ContentItem, ContentItem], bool]


def multi_modal_sequences(ctx: StrategyContext, n: int) -> None:
    max_size = min(4, len(ctx.scope_modalities()))

    def size() -> int:
        return min(ctx.rng.randint(2, max_size), n - len(ctx.accepted))

    _draw_groups(ctx, n, size, by_keys=False)


def cross_modal_pairs(ctx: StrategyContext, n: int) -> None:
    _draw_groups(ctx, n, lambda: 2, by_keys=True, budget=SEARCH_BUDGET * PAIR_SEARCH_FACTOR)


def _draw_groups(ctx: StrategyContext, n: int, size: SizeFn, *, by_keys: bool, budget: int = SEARCH_BUDGET) -> None:
    if len(ctx.scope_modalities()) < 2 or n < 2:
        return
    max_searches = max(MIN_SEARCHES, budget // max(ctx.in_scope, 1))
    # With a search to spare per item, each seed only looks for its own partners (some seeds find
    # none). With fewer, each topic also feeds further groups, which takes a second search (in the
    # seed's own modality): half as many topics, each good for an equal share of the items.
    topic_items = 0 if max_searches >= n else math.ceil(n / max(1, max_searches // 2))
    pool = ctx.sample(max(SEED_POOL_MIN, min(n, max_searches) * SEED_POOL_FACTOR))
    topics = ctx.topics(pool)
    words_of = _WordCache()
    shares: SharesFn = shares_content if by_keys else words_of.shared
    _group_by_topic(ctx, pool, topics, n, size, shares)
    searches = 0
    for seed in _cross_modal_first(pool, topics, words_of):
        if n - len(ctx.accepted) < 2 or searches >= max_searches:
            return
        if seed.id in ctx.taken:
            continue
        query = _seed_query(seed, topics[seed.id], by_keys=by_keys)
        candidates, used = _search(ctx, seed, query, topic_items)
        searches += used
        for group in _build_groups([seed, *candidates], size, max(topic_items, 1), shares):
            if n - len(ctx.accepted) < len(group):
                return
            ctx.accept_group(group)


def _group_by_topic(
    ctx: StrategyContext,
    pool: Sequence[ContentItem],
    topics: dict[str, str],
    n: int,
    size: SizeFn,
    shares: SharesFn,
) -> None:
    """Seed-pool items that already share a topic signature across modalities: no search needed."""
    by_topic: dict[str, list[ContentItem]] = {}
    for item in pool:
        if topics[item.id]:
            by_topic.setdefault(topics[item.id], []).append(item)
    for members in by_topic.values():
        if len({item.modality for item in members}) < 2:
            continue
        for group in _build_groups(members, size, 1, shares):  # one group per shared topic
            if n - len(ctx.accepted) >= len(group):
                ctx.accept_group(group)


def _cross_modal_first(pool: Sequence[ContentItem], topics: dict[str, str], words_of: _WordCache) -> list[ContentItem]:
    """The pool, seeds whose topic word also occurs in the pool's items of other modalities first
    (their searches are the likeliest to find partners), the rarer topic first among those (a
    rarer word is more specific, and cheaper to search); stable otherwise."""
    holders: dict[str, list[ContentItem]] = {}
    for item in pool:
        for word in words_of.of(item):
            holders.setdefault(word, []).append(item)

    def priority(item: ContentItem) -> tuple[bool, int]:
        topic = topics[item.id]
        found = holders.get(topic, []) + holders.get(f"{topic}s", [])
        crosses = any(other.modality != item.modality for other in found)
        return (not crosses, len(found))

    return sorted(pool, key=priority)


def _search(ctx: StrategyContext, seed: ContentItem, query: str, topic_items: int) -> tuple[list[ContentItem], int]:
    """Undrawn items matching the seed's topic: the other modalities' best hits, then (when the topic
    must feed ``topic_items`` items and the other modalities had any) the seed's own modality's.
    Returns the items and the number of searches spent."""
    others = [modality for modality in ctx.scope_modalities() if modality != seed.modality]
    limit = min(MAX_LIMIT, topic_items + PARTNER_LIMIT)
    hits = ctx.backend.search(query, limit=limit, profiles=ctx.profiles, modalities=others)
    searches = 1
    if topic_items and hits:
        hits += ctx.backend.search(query, limit=limit, profiles=ctx.profiles, modalities=[seed.modality])
        searches += 1
    ids = [hit.id for hit in hits if hit.id not in ctx.taken and hit.id != seed.id]
    return ctx.backend.get(ids), searches


def _seed_query(seed: ContentItem, topic: str, *, by_keys: bool) -> str:
    """What a seed searches for: its most salient content keys (pairs), else its topic signature or
    its title's key words."""
    if by_keys:
        keys = [subject.text for subject in item_subjects(seed)[:PAIR_QUERY_KEYS]]
        if keys:
            return " ".join(keys)
    return topic or " ".join(key_terms(seed.title, limit=3))


def _build_groups(
    candidates: Sequence[ContentItem], size: SizeFn, max_items: int, shares: SharesFn
) -> list[list[ContentItem]]:
    """Greedy groups in candidate order, until they hold ``max_items`` items: each opens with the
    first remaining item and adds the first items of modalities not in the group yet that share
    something (``shares``) with the opener."""
    remaining = list(candidates)
    groups: list[list[ContentItem]] = []
    grouped = 0
    while len(remaining) > 1 and grouped < max_items:
        opener, remaining = remaining[0], remaining[1:]
        target = size()
        group = [opener]
        left: list[ContentItem] = []
        for candidate in remaining:
            fits = len(group) < target and candidate.modality not in {member.modality for member in group}
            if fits and shares(opener, candidate):
                group.append(candidate)
            else:
                left.append(candidate)
        remaining = left
        if len(group) >= 2:
            groups.append(group)
            grouped += len(group)
    return groups


class _WordCache:
    """Each item's content words (3+ letters, not stopwords or numbers), computed once."""

    def __init__(self) -> None:
        self._words: dict[str, frozenset[str]] = {}

    def of(self, item: ContentItem) -> frozenset[str]:
        found = self._words.get(item.id)
        if found is None:
            found = frozenset(
                word
                for word in set(words(f"{item.title} {item.text}"))
                if len(word) > 2 and word not in STOPWORDS and not word.isdigit()
            )
            self._words[item.id] = found
        return found

    def shared(self, first: ContentItem, second: ContentItem) -> bool:
        return not self.of(first).isdisjoint(self.of(second))
