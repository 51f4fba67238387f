"""Content pairs drawn from a sample, for fusion (cross_modal) and compare (workflow) queries.

Pairs come first from the sample's groups (``cross_modal_pairs`` pairs and every two-modality pair
inside a ``multi_modal_sequences`` group) that share a subject; when those cannot carry the
requested count, more are formed from sampled items of different modalities that share subjects
(ranked by the Jaccard overlap of their subjects). Items that share nothing are never paired: a run
that needs more pairs than the sample holds comes up short and says so (``shortage_reason``).

``StrategyOf`` tells which sampling strategy brought an item or a pair in.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from synth_core.content import ContentItem
from synth_core.generators.base import GenerationContext
from synth_core.generators.labels import jaccard
from synth_core.generators.pairs import ContentPair, about_keys, shares_content

PARTNERS_PER_ITEM = 4
"""Formed pairs: each item is paired with at most this many best-overlapping partners."""


def group_pairs(ctx: GenerationContext) -> list[ContentPair]:
    """Every two-modality pair inside the sample's groups that shares a content key, in group order."""
    by_id = ctx.sample.by_id()
    pairs: list[ContentPair] = []
    seen: set[frozenset[str]] = set()
    for index, group in enumerate(ctx.sample.groups):
        strategy = ctx.sample.group_strategy[index] if index < len(ctx.sample.group_strategy) else "group"
        members = [by_id[item_id] for item_id in group if item_id in by_id]
        for first, second in combinations(members, 2):
            key = frozenset((first.id, second.id))
            if first.modality != second.modality and key not in seen and shares_content(first, second):
                seen.add(key)
                pairs.append(ContentPair(first, second, strategy))
    return pairs


def formed_pairs(ctx: GenerationContext, *, exclude: Sequence[ContentPair] = ()) -> list[ContentPair]:
    """Pairs of sampled items of different modalities sharing subjects, best overlap (Jaccard of the
    subjects) first; an inverted index over the subjects keeps this linear in practice."""
    items = ctx.sample.items
    keys = {item.id: about_keys(item) for item in items}
    index: dict[str, list[int]] = {}
    for position, item in enumerate(items):
        for key in keys[item.id]:
            index.setdefault(key, []).append(position)
    taken = {frozenset(pair.key) for pair in exclude}
    scored: list[tuple[float, int, int]] = []
    for position, item in enumerate(items):
        candidates = {other for key in keys[item.id] for other in index[key] if other > position}
        ranked = sorted(
            (
                (jaccard(keys[item.id], keys[items[other].id]), other)
                for other in candidates
                if items[other].modality != item.modality and shares_content(item, items[other])
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )
        scored.extend((overlap, position, other) for overlap, other in ranked[:PARTNERS_PER_ITEM])
    scored.sort(key=lambda triple: (-triple[0], triple[1], triple[2]))
    pairs: list[ContentPair] = []
    for _, first, second in scored:
        a, b = items[first], items[second]
        if frozenset((a.id, b.id)) in taken:
            continue
        taken.add(frozenset((a.id, b.id)))
        pairs.append(ContentPair(a, b, ctx.sample.strategy_of.get(a.id, "formed_pair")))
    return pairs


def content_pairs(ctx: GenerationContext, *, needed: int, per_pair: int) -> list[ContentPair]:
    """The sample's group pairs, topped up with formed pairs when ``needed`` queries would ask more
    than ``per_pair`` of each group pair. Every pair shares at least one content key."""
    pairs = group_pairs(ctx)
    if len(pairs) * per_pair < needed:
        pairs.extend(formed_pairs(ctx, exclude=pairs))
    return pairs


def shortage_reason(ctx: GenerationContext, pairs: Sequence[ContentPair]) -> str:
    """Why the sample cannot carry a run of pair queries, and what to do about it."""
    modalities = sorted({item.modality for item in ctx.sample.items})
    return (
        f"the sample holds {len(pairs)} pairs of items of different modalities that share a topic or an entity "
        f"(sampled: {len(ctx.sample.items)} items of {', '.join(modalities) or 'no modality'}), too few for the "
        "requested count; items that share nothing are never paired. Sample with cross_modal_pairs, raise "
        "--sample-size, add profiles of other modalities, or lower --count"
    )


class StrategyOf:
    """The sampling strategy behind some content: the group's strategy when the items came as a
    group (a cross-modal pair, a multi-modal sequence), else the strategy that drew the first item."""

    def __init__(self, ctx: GenerationContext) -> None:
        self._items = ctx.sample.strategy_of
        self._groups: dict[frozenset[str], str] = {}
        for index, group in enumerate(ctx.sample.groups):
            strategy = ctx.sample.group_strategy[index] if index < len(ctx.sample.group_strategy) else "group"
            for first, second in combinations(group, 2):
                self._groups.setdefault(frozenset((first, second)), strategy)

    def __call__(self, items: Sequence[ContentItem]) -> str:
        if len(items) > 1:
            grouped = self._groups.get(frozenset(item.id for item in items[:2]))
            if grouped is not None:
                return grouped
        return self._items.get(items[0].id, "unknown")
