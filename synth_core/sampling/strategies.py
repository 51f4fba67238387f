"""Seeded content sampling with the six strategies.

Each requested strategy gets an equal share of ``sample_size`` (the remainder goes to the first ones),
and a strategy that cannot fill its share passes the shortfall on to the next one. Items are never
drawn twice; ``ContentSample.strategy_of`` records which strategy drew each. Every strategy has its own
``random.Random`` derived from the seed and its name, so the same seed gives the same sample.

- ``diverse``: round-robin over (profile, modality) strata, preferring topics not drawn yet;
- ``temporal_recent``: newest first;  ``entity_rich``: most named entities first;
- ``by_modality``: an equal share for every modality that holds content;
- ``multi_modal_sequences`` / ``cross_modal_pairs``: see :mod:`synth_core.sampling.groups`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from typing import Any

from synth_core.backends.base import ContentBackend
from synth_core.errors import EmptyStoreError, Fix, InvalidRequestError
from synth_core.generators.base import ContentSample
from synth_core.sampling.context import StrategyContext
from synth_core.sampling.groups import cross_modal_pairs, multi_modal_sequences
from synth_core.sampling.strategies_names import STRATEGIES

StrategyFn = Callable[[StrategyContext, int], None]
"""Draws up to ``n`` items into the context (``ctx.accept`` / ``ctx.accept_group``)."""

DIVERSE_POOL_FACTOR = 3


def equal_shares(total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` near-equal integers, the remainder going to the first ones."""
    base, remainder = divmod(total, parts)
    return [base + (1 if index < remainder else 0) for index in range(parts)]


def diverse(ctx: StrategyContext, n: int) -> None:
    """Equal turns for every (profile, modality) stratum; within one, a topic not drawn yet first."""
    counts = ctx.backend.profiles()
    profiles = [p for p in counts if counts[p] > 0 and (ctx.profiles is None or p in ctx.profiles)]
    if not profiles:
        return
    pool_size = math.ceil(n / len(profiles)) * DIVERSE_POOL_FACTOR
    strata: dict[tuple[str, str], list[Any]] = {}
    for profile in sorted(profiles):
        for item in ctx.sample(pool_size, profiles=[profile]):
            strata.setdefault((item.profile, item.modality), []).append(item)
    topics = ctx.topics([item for pool in strata.values() for item in pool])
    order = sorted(strata)
    ctx.rng.shuffle(order)
    used_topics: set[str] = set()
    drawn = 0
    while drawn < n and any(strata.values()):
        for key in order:
            pool = strata[key]
            if not pool:
                continue
            pick = next((i for i, item in enumerate(pool) if topics[item.id] not in used_topics), 0)
            item = pool.pop(pick)
            if ctx.accept(item):
                used_topics.add(topics[item.id])
                drawn += 1
                if drawn >= n:
                    return


def temporal_recent(ctx: StrategyContext, n: int) -> None:
    for item in ctx.sample(n, order="newest"):
        ctx.accept(item)


def entity_rich(ctx: StrategyContext, n: int) -> None:
    for item in ctx.sample(n, order="entity_rich"):
        ctx.accept(item)


def by_modality(ctx: StrategyContext, n: int) -> None:
    """An equal share per modality present; what a small modality cannot give goes to the others."""
    present = [m for m in ctx.scope_modalities() if ctx.backend.count(profiles=ctx.profiles, modalities=[m])]
    if not present:
        return
    drawn = 0
    for modality, share in zip(present, equal_shares(n, len(present)), strict=True):
        drawn += sum(ctx.accept(item) for item in ctx.sample(share, modalities=[modality]))
    if drawn < n:
        for item in ctx.sample(n - drawn, modalities=present):
            ctx.accept(item)


STRATEGY_FUNCTIONS: dict[str, StrategyFn] = {
    "diverse": diverse,
    "temporal_recent": temporal_recent,
    "entity_rich": entity_rich,
    "by_modality": by_modality,
    "multi_modal_sequences": multi_modal_sequences,
    "cross_modal_pairs": cross_modal_pairs,
}
assert set(STRATEGY_FUNCTIONS) == set(STRATEGIES), "strategies_names.STRATEGIES and this table disagree"


def validate_strategies(strategies: Sequence[str]) -> list[str]:
    """The requested strategies without repeats; unknown names fail with the list of valid ones."""
    names = list(dict.fromkeys(strategies))
    if not names:
        raise InvalidRequestError("No sampling strategy given.", hint=f"Name one of: {', '.join(STRATEGIES)}.")
    unknown = [name for name in names if name not in STRATEGY_FUNCTIONS]
    if unknown:
        raise InvalidRequestError(
            f"Unknown sampling strategy {', '.join(map(repr, unknown))}.",
            hint=f"Valid strategies: {', '.join(STRATEGIES)}.",
        )
    return names


def sample_content(
    backend: ContentBackend,
    *,
    strategies: Sequence[str],
    sample_size: int,
    seed: int,
    profiles: Sequence[str] | None,
    modalities: Sequence[str] | None = None,
) -> ContentSample:
    """Draw up to ``sample_size`` items with the named strategies (same seed -> same sample)."""
    names = validate_strategies(strategies)
    if sample_size < 1:
        raise InvalidRequestError(f"sample_size must be at least 1, got {sample_size}.", hint="Ask for 1 or more.")
    profile_list = list(profiles) if profiles is not None else None
    modality_list = list(modalities) if modalities is not None else None
    in_scope = backend.count(profiles=profile_list, modalities=modality_list)
    if in_scope == 0:
        raise EmptyStoreError(
            f"No content to sample (profiles: {_describe(profile_list)}, modalities: {_describe(modality_list)}).",
            fix=Fix("Load content into the content store, or widen the profile filter.", step="load_content"),
        )
    sample = ContentSample(items=[], strategy_of={})
    taken: set[str] = set()
    shortfall = 0
    for name, share in zip(names, equal_shares(sample_size, len(names)), strict=True):
        rng = random.Random(f"{seed}:{name}")
        ctx = StrategyContext(backend, rng, profile_list, modality_list, taken, in_scope)
        STRATEGY_FUNCTIONS[name](ctx, share + shortfall)
        shortfall = share + shortfall - len(ctx.accepted)
        sample.items.extend(ctx.accepted)
        sample.strategy_of.update((item.id, name) for item in ctx.accepted)
        sample.groups.extend(ctx.groups)
        sample.group_strategy.extend(name for _ in ctx.groups)
    return sample


def preview_rows(sample: ContentSample) -> list[dict[str, Any]]:
    """One row per sampled item, for ``synth sample`` (table or JSON)."""
    return [
        {
            "id": item.id,
            "profile": item.profile,
            "modality": item.modality,
            "strategy": sample.strategy_of.get(item.id, ""),
            "title": item.title,
            "created_at": item.created_at.isoformat(),
        }
        for item in sample.items
    ]


def _describe(values: list[str] | None) -> str:
    return "all" if values is None else ", ".join(values) or "none"
