"""The ContentBackend contract, run against every built-in backend (SQLite store and in-memory)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from synth_core.backends.base import ContentBackend
from synth_core.backends.memory import MemoryBackend
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.content import ContentItem

BASE = datetime(2024, 1, 1, tzinfo=UTC)
PROFILE_OF = {"VIDEO": "video_p", "DOCUMENT": "doc_p", "IMAGE": "image_p", "AUDIO": "audio_p"}
SUBJECTS = ["volcano", "marathon", "espresso", "glacier", "violin", "orchard"]


def count_marks(text: str) -> int:
    """A transparent entity counter for tests: every '@' is one entity."""
    return text.count("@")


def make_items(n: int = 40) -> list[ContentItem]:
    modalities = list(PROFILE_OF)
    items = []
    for i in range(n):
        modality = modalities[i % 4]
        subject = SUBJECTS[i % len(SUBJECTS)]
        items.append(
            ContentItem(
                id=f"item-{i:03d}",
                profile=PROFILE_OF[modality],
                modality=modality,
                title=f"{subject.title()} story number {i}",
                text=f"A {modality.lower()} about the {subject} and friends. " + "@" * (i % 7),
                created_at=BASE + timedelta(days=(i * 37) % 400, hours=i),
                source="test",
                metadata={"n": i},
            )
        )
    return items


@pytest.fixture(params=["sqlite", "memory"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ContentBackend]:
    store: SqliteStore | MemoryBackend
    if request.param == "sqlite":
        store = SqliteStore(tmp_path / "content.db", entity_counter=count_marks)
    else:
        store = MemoryBackend(entity_counter=count_marks)
    store.upsert(make_items())
    yield store
    store.close()


def test_counts_profiles_and_filters(backend: ContentBackend) -> None:
    assert backend.count() == 40
    assert backend.profiles() == {"audio_p": 10, "doc_p": 10, "image_p": 10, "video_p": 10}
    assert backend.count(modalities=["VIDEO", "AUDIO"]) == 20
    assert backend.count(profiles=["doc_p"], modalities=["DOCUMENT"]) == 10
    assert backend.count(profiles=["doc_p"], modalities=["VIDEO"]) == 0
    assert backend.count(profiles=[]) == 0


def test_get_keeps_order_and_skips_unknown_ids(backend: ContentBackend) -> None:
    got = backend.get(["item-005", "nope", "item-001"])
    assert [item.id for item in got] == ["item-005", "item-001"]
    assert got[0] == make_items()[5]


def test_upsert_same_id_updates_instead_of_duplicating(backend: ContentBackend) -> None:
    changed = make_items()[3].model_copy(update={"title": "Completely renamed zeppelin"})
    assert backend.upsert([changed]) == 1  # type: ignore[attr-defined]
    assert backend.count() == 40
    assert backend.get(["item-003"])[0].title == "Completely renamed zeppelin"
    assert [hit.id for hit in backend.search("zeppelin")] == ["item-003"]


def test_random_sample_is_seeded_and_honours_filters(backend: ContentBackend) -> None:
    first = [item.id for item in backend.sample(8, seed=7)]
    assert first == [item.id for item in backend.sample(8, seed=7)]
    assert first != [item.id for item in backend.sample(8, seed=8)]
    assert len(set(first)) == 8
    audio = backend.sample(50, seed=1, modalities=["AUDIO"])
    assert len(audio) == 10 and {item.modality for item in audio} == {"AUDIO"}
    rest = backend.sample(50, seed=1, exclude_ids=first)
    assert len(rest) == 32 and not {item.id for item in rest} & set(first)


def test_newest_order_returns_the_newest_items_first(backend: ContentBackend) -> None:
    everything = sorted(make_items(), key=lambda item: item.created_at, reverse=True)
    drawn = backend.sample(5, seed=3, order="newest")
    assert [item.id for item in drawn] == [item.id for item in everything[:5]]
    newest_video = backend.sample(3, seed=3, order="newest", modalities=["VIDEO"], exclude_ids=[drawn[0].id])
    assert all(item.modality == "VIDEO" for item in newest_video)
    assert drawn[0].id not in {item.id for item in newest_video}


def test_entity_rich_order_prefers_more_entities_and_breaks_ties_by_seed(backend: ContentBackend) -> None:
    drawn = backend.sample(6, seed=1, order="entity_rich")
    marks = [count_marks(item.text) for item in drawn]
    assert marks == sorted(marks, reverse=True)
    assert marks[0] == 6  # items 6, 13, 20, 27, 34 carry six marks each: the most
    other_seed = [item.id for item in backend.sample(6, seed=2, order="entity_rich")]
    assert [item.id for item in drawn] != other_seed  # ties at the top are broken by the seed
    assert [item.id for item in drawn] == [item.id for item in backend.sample(6, seed=1, order="entity_rich")]


def test_search_ranks_title_matches_and_filters_by_modality(backend: ContentBackend) -> None:
    hits = backend.search("volcano", limit=20)
    assert hits and all("volcano" in backend.get([hit.id])[0].title.lower() for hit in hits)
    assert [hit.rank for hit in hits] == list(range(1, len(hits) + 1))
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    video_hits = backend.search("volcano", modalities=["VIDEO"])
    assert video_hits and {hit.modality for hit in video_hits} == {"VIDEO"}
    assert backend.search("volcano", limit=2) == hits[:2]


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "title:volcano*", "NEAR(a b", "(((", "-", "", "  "])
def test_search_never_raises_on_odd_input(backend: ContentBackend, query: str) -> None:
    hits = backend.search(query)
    assert isinstance(hits, list)
    if "volcano" in query:
        assert hits  # the word inside the punctuation is still searched


def test_nothing_matches_gives_an_empty_list(backend: ContentBackend) -> None:
    assert backend.search("xylophonist") == []


def test_search_many_answers_each_text_like_search_in_order(backend: ContentBackend) -> None:
    texts = ["volcano", "xylophonist", "", "volcano eruption", "AND OR NOT"]
    answers = list(backend.search_many(texts, limit=3))
    assert [hits for hits, _ in answers] == [backend.search(text, limit=3) for text in texts]
    assert all(seconds >= 0.0 for _, seconds in answers)


def test_both_backends_draw_the_same_items_for_a_seed(tmp_path: Path) -> None:
    items = make_items()
    with SqliteStore(tmp_path / "a.db", entity_counter=count_marks) as store:
        store.upsert(items)
        memory = MemoryBackend(items, entity_counter=count_marks)
        for order in ("random", "newest", "entity_rich"):
            for kwargs in ({}, {"modalities": ["IMAGE", "AUDIO"]}, {"exclude_ids": ["item-000", "item-006"]}):
                left = [item.id for item in store.sample(7, seed=11, order=order, **kwargs)]  # type: ignore[arg-type]
                right = [item.id for item in memory.sample(7, seed=11, order=order, **kwargs)]  # type: ignore[arg-type]
                assert left == right, (order, kwargs)
