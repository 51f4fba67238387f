"""Fusion histories: primary/secondary and the gain of fusion, measured by searching each modality."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from synth_core.backends.sqlite_store import SqliteStore
from synth_core.generators import cross_modal
from synth_core.generators.labels import jaccard, rank_of
from synth_core.generators.pairs import content_keys
from synth_core.ingest import load_demo_corpus
from synth_core.schemas.cross_modal import FusionHistorySchema
from synth_core.settings import Settings
from tests.synth_core.fixtures import (
    ITEMS,
    comparable,
    make_context,
    memory_backend,
    revalidate,
    sample_of,
    sqlite_backend,
)

BY_ID = {item.id: item for item in ITEMS}


def test_fusion_gain_by_hand() -> None:
    # Both items first in their lists: fused ranks 1 and 2 -> MRR 0.75 against 0.5 for the primary alone.
    improvement, confidence = cross_modal.fusion_gain(["a", "x"], ["b", "y"], ("a", "b"))
    assert improvement == pytest.approx(0.25) and confidence == pytest.approx(0.75)
    # The secondary item is missing and fusion pushes the primary item from 2nd to 3rd: a loss.
    improvement, confidence = cross_modal.fusion_gain(["x", "a"], ["y"], ("a", "b"))
    assert improvement == pytest.approx((1 / 3) / 2 - (1 / 2) / 2)
    assert confidence == pytest.approx(1 / 6)
    assert cross_modal.mrr_at([1, 11, None]) == pytest.approx(1 / 3)


def test_labels_are_measured_from_each_modality_search(settings: Settings, tmp_path: Path) -> None:
    store = sqlite_backend(tmp_path)
    output = cross_modal.generate(make_context(settings, store), 80)
    assert len(output.examples) == 80
    for example in output.examples:
        assert isinstance(example, FusionHistorySchema)
        revalidate(example)
        first, second = (BY_ID[item_id] for item_id in example.provenance.source_content_ids)
        assert example.primary_modality != example.secondary_modality
        assert {example.primary_modality, example.secondary_modality} == {first.modality, second.modality}
        primary_item = first if first.modality == example.primary_modality else second
        secondary_item = second if primary_item is first else first
        primary = store.search(example.query, limit=10, modalities=[example.primary_modality])
        secondary = store.search(example.query, limit=10, modalities=[example.secondary_modality])
        primary_rank, secondary_rank = rank_of(primary, primary_item.id), rank_of(secondary, secondary_item.id)
        if secondary_rank is not None:  # the primary modality ranks its own item at least as well
            assert primary_rank is not None and primary_rank <= secondary_rank
        improvement, confidence = cross_modal.fusion_gain(
            [hit.id for hit in primary], [hit.id for hit in secondary], (primary_item.id, secondary_item.id)
        )
        assert example.improvement == pytest.approx(improvement)
        assert example.fusion_context.fusion_confidence == pytest.approx(confidence)
        assert example.success == (example.improvement > 0)
        overlap = jaccard(content_keys(first), content_keys(second))
        assert example.fusion_context.content_overlap == pytest.approx(overlap)
        assert 0.0 <= example.fusion_context.modality_agreement <= 1.0
    strategies = Counter(example.provenance.strategy for example in output.examples)
    assert strategies["cross_modal_pairs"] > 0


def test_both_classes_occur_on_the_demo_corpus(settings: Settings, tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "demo.db")
    load_demo_corpus(store, settings)
    items = store.sample(240, seed=3)
    output = cross_modal.generate(make_context(settings, store, sample_of(items, groups=())), 300)
    assert len(output.examples) == 300
    balance = Counter(example.success for example in output.examples)
    assert balance[True] > 0 and balance[False] > 0, balance


def test_without_two_modalities_there_is_nothing_to_fuse(settings: Settings) -> None:
    images = [item for item in ITEMS if item.modality == "IMAGE"]
    output = cross_modal.generate(make_context(settings, memory_backend(images), sample_of(images)), 10)
    assert output.examples == []
    assert len(output.failures) == 1 and "different modalities" in output.failures[0].reason


def test_no_duplicates_and_deterministic(settings: Settings) -> None:
    first = cross_modal.generate(make_context(settings, memory_backend(), seed=4), 60)
    again = cross_modal.generate(make_context(settings, memory_backend(), seed=4), 60)
    queries = [e.query.casefold() for e in first.examples]
    assert len(set(queries)) == len(queries)
    assert [comparable(e) for e in first.examples] == [comparable(e) for e in again.examples]
