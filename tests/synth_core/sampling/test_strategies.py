"""Every sampling strategy does what its name says, reproducibly, on a corpus written by the test."""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from synth_core.backends.base import ContentBackend
from synth_core.backends.memory import MemoryBackend
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.backends.text_terms import heuristic_entity_count
from synth_core.content import ContentItem
from synth_core.errors import EmptyStoreError, InvalidRequestError
from synth_core.generators.base import ContentSample
from synth_core.generators.pairs import shares_content
from synth_core.ingest import ingest_file
from synth_core.sampling import groups
from synth_core.sampling.strategies import preview_rows, sample_content
from synth_core.sampling.strategies_names import STRATEGIES
from synth_core.settings import load_settings

TOPICS = ["volcano", "marathon", "espresso", "glacier", "satellite", "violin", "chess", "orchard"]
COMPANIONS = dict(
    zip(TOPICS, ["lava", "pacing", "crema", "moraine", "orbit", "bowing", "gambit", "pruning"], strict=True)
)
"""A second word each item of a topic says: two items sharing one lone word need another (``pairs.corroborated``)."""
PROFILES = {
    "VIDEO": ["video_colpali_smol500_mv_frame", "video_videoprism_base_mv_chunk_30s"],
    "DOCUMENT": ["document_text_semantic", "document_colpali_page"],
    "IMAGE": ["image_caption_siglip"],
    "AUDIO": ["audio_transcript_whisper"],
}
MEDIA = {"VIDEO": "footage", "DOCUMENT": "report", "IMAGE": "photo", "AUDIO": "podcast"}
NAMES = "Ada Lovelace, Alan Turing, Grace Hopper and Linus Torvalds met at the Royal Society in London."
BASE = datetime(2023, 1, 1, tzinfo=UTC)


def corpus_rows() -> list[dict[str, object]]:
    rows = []
    for t, topic in enumerate(TOPICS):
        for modality, profiles in PROFILES.items():
            for k in range(4):
                i = len(rows)
                text = f"A {MEDIA[modality]} about the {topic} and {COMPANIONS[topic]}, number {k}. " + (
                    NAMES if k == 0 else "quiet notes."
                )
                rows.append(
                    {
                        "id": f"{modality.lower()}-{topic}-{k}",
                        "profile": profiles[k % len(profiles)],
                        "modality": modality,
                        "title": f"{topic.title()} {MEDIA[modality]} {k}",
                        "text": text,
                        "created_at": (BASE + timedelta(days=(i * 53) % 730, minutes=i)).isoformat(),
                        "metadata": {"topic": topic} if t % 2 else {},
                    }
                )
    return rows


@pytest.fixture(scope="module", params=["sqlite", "memory"])
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ContentBackend]:
    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in corpus_rows()), encoding="utf-8")
    store: SqliteStore | MemoryBackend
    if request.param == "sqlite":
        store = SqliteStore(folder / "content.db", entity_counter=heuristic_entity_count)
    else:
        store = MemoryBackend(entity_counter=heuristic_entity_count)
    report = ingest_file(path, store, load_settings(home=folder / "home"))
    assert report.skipped == 0
    yield store
    store.close()


def everything(backend: ContentBackend) -> list[ContentItem]:
    return backend.sample(10_000, seed=0)


def draw(backend: ContentBackend, *strategies: str, size: int = 24, seed: int = 1, **kw: object) -> ContentSample:
    return sample_content(backend, strategies=list(strategies), sample_size=size, seed=seed, profiles=None, **kw)  # type: ignore[arg-type]


def content_words(item: ContentItem) -> set[str]:
    stop = {"the", "about", "and", "number", "met", "at", "in", "a"}
    return {w for w in re.findall(r"[a-z]+", f"{item.title} {item.text}".lower()) if len(w) > 2} - stop


def test_unknown_strategy_lists_the_valid_ones(backend: ContentBackend) -> None:
    with pytest.raises(InvalidRequestError) as raised:
        draw(backend, "diverse", "newest_first")
    assert "newest_first" in raised.value.message
    assert raised.value.hint and all(name in raised.value.hint for name in STRATEGIES)


def test_bad_sizes_and_empty_stores_fail_clearly(backend: ContentBackend) -> None:
    with pytest.raises(InvalidRequestError):
        draw(backend, "diverse", size=0)
    with pytest.raises(EmptyStoreError):
        draw(MemoryBackend(), "diverse")
    with pytest.raises(EmptyStoreError):
        sample_content(backend, strategies=["diverse"], sample_size=5, seed=1, profiles=["nobody_home"])


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_every_strategy_is_reproducible_and_seed_dependent(backend: ContentBackend, strategy: str) -> None:
    first = draw(backend, strategy, seed=3)
    again = draw(backend, strategy, seed=3)
    assert [i.id for i in first.items] == [i.id for i in again.items]
    assert first.groups == again.groups
    assert len(first.items) == 24 and len({i.id for i in first.items}) == 24
    assert set(first.strategy_of.values()) == {strategy}
    if strategy not in ("temporal_recent", "entity_rich"):  # those two are fixed orders, not draws
        assert {i.id for i in first.items} != {i.id for i in draw(backend, strategy, seed=4).items}


def test_shares_are_split_with_the_remainder_first_and_nothing_drawn_twice(backend: ContentBackend) -> None:
    sample = draw(backend, "temporal_recent", "entity_rich", "diverse", size=11)
    assert Counter(sample.strategy_of.values()) == {"temporal_recent": 4, "entity_rich": 4, "diverse": 3}
    ids = [item.id for item in sample.items]
    assert len(ids) == len(set(ids)) == 11 and set(sample.strategy_of) == set(ids)


def test_temporal_recent_draws_the_newest_items(backend: ContentBackend) -> None:
    all_items = everything(backend)
    median = statistics.median(item.created_at.timestamp() for item in all_items)
    drawn = draw(backend, "temporal_recent", size=10).items
    assert all(item.created_at.timestamp() > median for item in drawn)
    newest = sorted(all_items, key=lambda item: item.created_at, reverse=True)[:10]
    assert [item.id for item in drawn] == [item.id for item in newest]


def test_entity_rich_draws_items_with_more_entities_than_average(backend: ContentBackend) -> None:
    average = statistics.mean(heuristic_entity_count(f"{i.title}. {i.text}") for i in everything(backend))
    drawn = draw(backend, "entity_rich", size=16).items
    assert min(heuristic_entity_count(f"{i.title}. {i.text}") for i in drawn) > average


def test_by_modality_gives_each_modality_an_equal_share(backend: ContentBackend) -> None:
    sample = draw(backend, "by_modality", size=22)
    assert sorted(Counter(item.modality for item in sample.items).values()) == [5, 5, 6, 6]


def test_diverse_takes_equal_turns_over_strata_and_spreads_topics(backend: ContentBackend) -> None:
    sample = draw(backend, "diverse", size=18)
    strata = Counter((item.profile, item.modality) for item in sample.items)
    assert len(strata) == 6 and set(strata.values()) == {3}
    topics = Counter(next(t for t in TOPICS if t in item.title.lower()) for item in sample.items)
    assert len(topics) == len(TOPICS)  # a random draw of 18 from 128 rarely covers all eight


def check_groups(sample: ContentSample, strategy: str, sizes: range) -> None:
    by_id = sample.by_id()
    assert sample.groups and sample.group_strategy == [strategy] * len(sample.groups)
    for group in sample.groups:
        members = [by_id[item_id] for item_id in group]
        assert len(members) in sizes
        assert len({member.modality for member in members}) == len(members)
        assert all(content_words(members[0]) & content_words(member) for member in members[1:])
    grouped = [item_id for group in sample.groups for item_id in group]
    assert len(grouped) == len(set(grouped))


def test_multi_modal_sequences_group_two_to_four_modalities_around_a_topic(backend: ContentBackend) -> None:
    sample = draw(backend, "multi_modal_sequences", size=30)
    check_groups(sample, "multi_modal_sequences", range(2, 5))
    assert any(len(group) > 2 for group in sample.groups)


def test_cross_modal_pairs_are_pairs_of_different_modalities_sharing_a_subject(backend: ContentBackend) -> None:
    sample = draw(backend, "cross_modal_pairs", size=30)
    check_groups(sample, "cross_modal_pairs", range(2, 3))
    # 15: every topic's items also say its companion word, so their lone shared word is corroborated
    # (generators.pairs.corroborated: two items sharing one lone word and nothing else are no pair)
    assert len(sample.groups) == 15
    by_id = sample.by_id()
    assert all(shares_content(by_id[first], by_id[second]) for first, second in sample.groups)  # a topic or name


@pytest.mark.parametrize("strategy", ["multi_modal_sequences", "cross_modal_pairs"])
def test_group_strategies_still_work_when_searches_are_scarce(
    backend: ContentBackend, strategy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(groups, "SEARCH_BUDGET", 1)  # as if the store were huge: 4 searches only
    sample = draw(backend, strategy, size=30)
    check_groups(sample, strategy, range(2, 5))
    assert len(sample.items) >= 20


def test_filters_are_honoured_by_every_strategy(backend: ContentBackend) -> None:
    sample = draw(backend, *STRATEGIES, size=30, modalities=["VIDEO", "AUDIO"])
    assert {item.modality for item in sample.items} == {"VIDEO", "AUDIO"}
    chosen = ["image_caption_siglip", "document_colpali_page"]
    picked = sample_content(backend, strategies=list(STRATEGIES), sample_size=30, seed=2, profiles=chosen)
    assert {item.profile for item in picked.items} == set(chosen)


def test_a_strategy_that_falls_short_passes_its_share_on(backend: ContentBackend) -> None:
    sample = draw(backend, "cross_modal_pairs", "diverse", size=10, modalities=["VIDEO"])
    assert Counter(sample.strategy_of.values()) == {"diverse": 10}  # one modality: no pairs possible


def test_preview_rows_describe_each_item(backend: ContentBackend) -> None:
    sample = draw(backend, "temporal_recent", "by_modality", size=4)
    rows = preview_rows(sample)
    assert [row["id"] for row in rows] == [item.id for item in sample.items]
    assert set(rows[0]) == {"id", "profile", "modality", "strategy", "title", "created_at"}
    assert [row["strategy"] for row in rows] == ["temporal_recent"] * 2 + ["by_modality"] * 2
    assert datetime.fromisoformat(rows[0]["created_at"]) == sample.items[0].created_at
