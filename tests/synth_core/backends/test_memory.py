"""What only the in-memory backend does: BM25-like ranking in pure Python."""

from __future__ import annotations

from datetime import UTC, datetime

from synth_core.backends.memory import MemoryBackend
from synth_core.content import ContentItem


def item(item_id: str, title: str, text: str, modality: str = "DOCUMENT") -> ContentItem:
    return ContentItem.model_validate(
        {
            "id": item_id,
            "profile": "p",
            "modality": modality,
            "title": title,
            "text": text,
            "created_at": datetime(2024, 1, 1, tzinfo=UTC),
        }
    )


def test_title_matches_outrank_text_matches_and_rare_terms_weigh_more() -> None:
    backend = MemoryBackend(
        [
            item("text-only", "A walk", "We saw a lighthouse on the cliff."),
            item("title", "The lighthouse", "A walk on the cliff."),
            item("common", "Cliff cliff", "cliff cliff cliff"),
        ]
    )
    hits = backend.search("lighthouse cliff")
    assert [hit.id for hit in hits][:2] == ["title", "text-only"]
    assert hits[0].score > hits[1].score > 0


def test_plural_and_singular_match_each_other() -> None:
    backend = MemoryBackend([item("a", "Cats at home", "Two cats sleeping.")])
    assert [hit.id for hit in backend.search("cat")] == ["a"]


def test_upsert_replaces_the_search_terms_of_an_item() -> None:
    backend = MemoryBackend([item("a", "Violin recital", "Strings.")])
    backend.upsert([item("a", "Drum solo", "Percussion.")])
    assert backend.search("violin") == []
    assert [hit.id for hit in backend.search("drum")] == ["a"]
    assert backend.count() == 1


def test_an_update_keeps_the_items_place_so_seeded_samples_do_not_move() -> None:
    items = [item(f"i{n}", f"title {n}", "x") for n in range(30)]
    with MemoryBackend(items) as backend:
        before = [i.id for i in backend.sample(10, seed=4)]
        backend.upsert([item("i0", "renamed", "y"), item("i17", "renamed", "y")])
        assert [i.id for i in backend.sample(10, seed=4)] == before
        assert backend.profiles() == {"p": 30}
