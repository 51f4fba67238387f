"""Cross-modal pairs: from the sample's groups first, then formed from shared topics or entities."""

from __future__ import annotations

from synth_core.generators.pairs import StrategyOf, content_keys, content_pairs, formed_pairs, group_pairs
from synth_core.settings import Settings
from tests.synth_core.fixtures import ITEMS, make_context, memory_backend, sample_of


def test_group_pairs_take_every_two_modality_pair_of_each_group(settings: Settings) -> None:
    pairs = group_pairs(make_context(settings, memory_backend()))
    keys = {frozenset(pair.key) for pair in pairs}
    mars = {frozenset(pair) for pair in (("img-mars", "vid-mars"), ("img-mars", "doc-mars"), ("vid-mars", "doc-mars"))}
    assert mars <= keys
    assert all(pair.first.modality != pair.second.modality for pair in pairs)
    assert len(pairs) == 7  # four pairs of two, and three from the Mars triple


def test_formed_pairs_share_something_and_differ_in_modality(settings: Settings) -> None:
    ctx = make_context(settings, memory_backend(), sample_of(groups=()))
    pairs = formed_pairs(ctx)
    assert pairs
    for pair in pairs:
        assert pair.first.modality != pair.second.modality
        assert content_keys(pair.first) & content_keys(pair.second)
    assert len({frozenset(pair.key) for pair in pairs}) == len(pairs)


def test_content_pairs_adds_formed_pairs_only_when_groups_run_short(settings: Settings) -> None:
    ctx = make_context(settings, memory_backend())
    assert len(content_pairs(ctx, needed=10, per_pair=6)) == len(group_pairs(ctx))
    assert len(content_pairs(ctx, needed=1000, per_pair=6)) > len(group_pairs(ctx))


def test_strategy_of_prefers_the_group_strategy(settings: Settings) -> None:
    ctx = make_context(settings, memory_backend())
    strategy = StrategyOf(ctx)
    by_id = {item.id: item for item in ITEMS}
    assert strategy([by_id["doc-bike"], by_id["img-bike"]]) == "cross_modal_pairs"
    assert strategy([by_id["doc-bike"], by_id["vid-cook"]]) == "diverse"
    assert strategy([by_id["doc-tax"]]) == "diverse"
