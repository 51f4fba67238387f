"""Fusion histories: queries about what a pair shares, labelled by searching each modality and judging
the results against relevance read from the items, never from the query."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from synth_core.backends.memory import MemoryBackend
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.cli_support import describe_error
from synth_core.errors import InsufficientContentError
from synth_core.generators import cross_modal
from synth_core.generators.fusion_relevance import fusion_score, ndcg_at, overlap_coefficient, subject_gain
from synth_core.generators.fusion_subjects import subject_keys
from synth_core.generators.pairs import about_keys, content_keys, shares_content
from synth_core.generators.planning import WrittenJob
from synth_core.ingest import load_demo_corpus
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.schemas.cross_modal import FusionHistorySchema
from synth_core.service import GenerationService
from synth_core.settings import Settings
from tests.synth_core.fixtures import (
    ITEMS,
    comparable,
    interview_and_report_sharing_one_name,
    make_context,
    memory_backend,
    revalidate,
    sample_of,
    sqlite_backend,
)

BY_ID = {item.id: item for item in ITEMS}


def test_ndcg_and_the_gain_of_fusion_by_hand() -> None:
    gains = {"a": 1.0, "b": 1.0, "x": 0.0, "y": 0.0}
    # One relevant item in each list: the primary alone finds half the ideal, fusion finds both on top.
    alone = 1 / (1 + 1 / math.log2(3))
    score = fusion_score(["a", "x"], ["b", "y"], gains)
    assert score.primary == pytest.approx(alone) and score.fused == pytest.approx(1.0)
    assert score.improvement == pytest.approx(1.0 - alone) and score.agreement == pytest.approx(1.0)
    # The primary list already holds everything relevant: fusion can only push it down.
    saturated = fusion_score(["a", "b"], ["x", "y"], gains)
    assert saturated.primary == pytest.approx(1.0) and saturated.improvement < 0 and saturated.agreement == 0.0
    # Nothing relevant anywhere: no gain, no agreement.
    assert fusion_score(["x"], ["y"], {"x": 0.0, "y": 0.0}).improvement == 0.0
    assert ndcg_at(["x", "a"], gains) == pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3)))


def test_relevance_and_overlap_are_read_from_the_items_keys() -> None:
    keys = frozenset({"kubernetes", "paris", "autoscaling"})
    assert subject_gain(keys, frozenset({"kubernetes"})) == 1.0
    assert subject_gain(keys, frozenset({"kubernetes", "rotterdam"})) == 0.0  # every subject, or nothing
    assert subject_gain(keys, frozenset()) == 0.0
    assert overlap_coefficient(keys, frozenset({"paris", "louvre"})) == pytest.approx(0.5)
    assert subject_keys(("Cargo Bikes", "Hip-Hop")) == frozenset({"cargo bike", "hip hop"})


@pytest.fixture
def subjects_seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, tuple[str, ...]]]:
    """The subjects each labelled query was written for (the spec is not part of the example)."""
    seen: dict[str, tuple[str, ...]] = {}
    label = cross_modal._label

    def recording(ctx, agents, done: WrittenJob, ranking, book, strategy):  # type: ignore[no-untyped-def]
        seen[done.text] = done.spec.topics
        return label(ctx, agents, done, ranking, book, strategy)

    monkeypatch.setattr(cross_modal, "_label", recording)
    yield seen


def test_labels_are_measured_against_the_subjects(
    settings: Settings, tmp_path: Path, subjects_seen: dict[str, tuple[str, ...]]
) -> None:
    store = sqlite_backend(tmp_path)
    output = cross_modal.generate(make_context(settings, store), 60)
    assert len(output.examples) == 60
    for example in output.examples:
        assert isinstance(example, FusionHistorySchema)
        revalidate(example)
        first, second = (BY_ID[item_id] for item_id in example.provenance.source_content_ids)
        assert {example.primary_modality, example.secondary_modality} == {first.modality, second.modality}
        subjects = subject_keys(subjects_seen[example.query])
        assert all(text.lower() in example.query.lower() for text in subjects_seen[example.query])
        lists = {m: store.search(example.query, limit=10, modalities=[m]) for m in (first.modality, second.modality)}
        judged = {item.id: about_keys(item) for item in (first, second)}
        judged.update((hit.id, about_keys(BY_ID[hit.id])) for hits in lists.values() for hit in hits)
        gains = {item_id: subject_gain(keys, subjects) for item_id, keys in judged.items()}
        primary = [hit.id for hit in lists[example.primary_modality]]
        secondary = [hit.id for hit in lists[example.secondary_modality]]
        assert ndcg_at(primary, gains) >= ndcg_at(secondary, gains)  # the better list alone is the primary
        score = fusion_score(primary, secondary, gains)
        assert example.improvement == pytest.approx(score.improvement)
        assert example.success == (score.improvement > 0)
        assert example.fusion_context.fusion_confidence == pytest.approx(score.fused)
        assert example.fusion_context.modality_agreement == pytest.approx(score.agreement)
        assert example.fusion_context.content_overlap == pytest.approx(
            overlap_coefficient(content_keys(first), content_keys(second))
        )
        assert example.fusion_context.content_overlap > 0 and shares_content(first, second)


def test_both_classes_occur_on_the_demo_corpus(settings: Settings, tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "demo.db")
    load_demo_corpus(store, settings)
    service = GenerationService(settings=settings, backend=store)
    response = service.generate(SyntheticDataRequest(optimizer="cross_modal", count=200, seed=7))
    balance = Counter(example["success"] for example in response.data)
    # each class at least 20% (issue 11): 66 of 200 of this seed are no gain since a pair linked by
    # one name is narrowed by facets too (29 before; pairs are built on what both items share, so
    # fusion helps unless the query asks for something one item alone carries)
    assert min(balance[True], balance[False]) >= 40, balance
    assert all(example["fusion_context"]["content_overlap"] > 0 for example in response.data)


def test_a_facet_only_one_modality_holds_is_no_gain_and_the_shared_name_is(
    settings: Settings, subjects_seen: dict[str, tuple[str, ...]]
) -> None:
    """Fusion fails for a reason a reader can check: the report names Priyanka Sethi but never
    Hsinchu, so for "Priyanka Sethi in Hsinchu" the documents add nothing to the interview."""
    interview, report = interview_and_report_sharing_one_name()
    items = [interview, report, *ITEMS]
    sample = sample_of(items, groups=((interview.id, report.id),))
    output = cross_modal.generate(make_context(settings, memory_backend(items), sample), 40)
    labelled = {
        example.query: example
        for example in output.examples
        if isinstance(example, FusionHistorySchema) and interview.id in example.provenance.source_content_ids
    }
    facets = [query for query in labelled if len(subjects_seen[query]) == 2]
    alone = [query for query in labelled if subjects_seen[query] == ("Priyanka Sethi",)]
    assert facets and alone
    for query in facets:  # what the interview alone says: the documents' list holds nothing relevant
        assert not labelled[query].success and labelled[query].improvement <= 0, query
        assert labelled[query].primary_modality == "AUDIO"
    assert all(labelled[query].success for query in alone)  # both modalities hold her


def test_too_few_related_pairs_fail_loudly(settings: Settings) -> None:
    related = [BY_ID["img-mars"], BY_ID["vid-mars"], BY_ID["doc-tax"], BY_ID["aud-earn"]]
    service = GenerationService(settings=settings, backend=MemoryBackend(related))
    with pytest.raises(InsufficientContentError, match="share a topic or an entity") as info:
        service.generate(SyntheticDataRequest(optimizer="cross_modal", count=400, seed=3))
    assert info.value.fix is not None and info.value.fix.field == "count"
    assert "fewer examples. Use --count" in describe_error(info.value)  # as the CLI says it


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
