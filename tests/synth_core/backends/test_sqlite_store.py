"""What only the SQLite store does: persistence, WAL, FTS kept in sync, errors mapped at the boundary."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest

from synth_core.backends.sqlite_store import SqliteStore
from synth_core.backends.text_terms import heuristic_entity_count, topic_key
from synth_core.content import ContentItem
from synth_core.errors import BackendError


def item(item_id: str, title: str, text: str, **extra: object) -> ContentItem:
    fields: dict[str, object] = {
        "id": item_id,
        "profile": "document_text_semantic",
        "modality": "DOCUMENT",
        "title": title,
        "text": text,
        "created_at": datetime(2024, 5, 1, 12, 30, tzinfo=UTC),
        **extra,
    }
    return ContentItem.model_validate(fields)


def test_items_survive_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "content.db"
    original = item("a", "Harbour report", "Cranes at the Port of Rotterdam.", metadata={"pages": 12, "tags": ["x"]})
    with SqliteStore(path) as store:
        store.upsert([original])
    with SqliteStore(path) as store:
        assert store.get(["a"]) == [original]
        assert store.search("rotterdam")[0].id == "a"
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_non_utc_times_come_back_as_the_same_instant(tmp_path: Path) -> None:
    from datetime import timedelta, timezone

    local = datetime(2024, 5, 1, 14, 30, tzinfo=timezone(timedelta(hours=2)))
    with SqliteStore(tmp_path / "c.db") as store:
        store.upsert([item("a", "t", "x", created_at=local)])
        stored = store.get(["a"])[0].created_at
    assert stored == local and stored.utcoffset() == timedelta(0)


def test_search_index_follows_updates(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "c.db") as store:
        store.upsert([item("a", "Glacier survey", "Ice cores from Greenland."), item("b", "Other", "Nothing here.")])
        store.upsert([item("a", "Desert survey", "Sand samples from the Sahara.")])
        assert store.search("glacier") == []
        assert store.search("greenland") == []
        assert [hit.id for hit in store.search("sahara")] == ["a"]
        assert [hit.id for hit in store.search("survey")] == ["a"]  # one hit, not a stale duplicate
        assert store.count() == 2


def test_entity_counts_and_topic_keys_are_computed_at_upsert(tmp_path: Path) -> None:
    rich = item("rich", "Summit", "Angela Merkel met Emmanuel Macron in Berlin with the European Commission.")
    poor = item("poor", "notes", "a few plain lowercase words about nothing in particular.")
    tagged = item("tagged", "Anything", "whatever", metadata={"topic": "Ocean Science"})
    with SqliteStore(tmp_path / "c.db", entity_counter=heuristic_entity_count) as store:
        store.upsert([poor, rich, tagged])
        assert store.sample(1, seed=0, order="entity_rich")[0].id == "rich"
        keys = store.topic_keys(["rich", "poor", "tagged", "missing"])
    assert keys == {
        "rich": topic_key(rich.title, rich.text),
        "poor": topic_key(poor.title, poor.text),
        "tagged": "ocean science",
    }


def test_default_entity_counter_ranks_entity_rich_text_first(tmp_path: Path) -> None:
    rich = item("rich", "Interview", "Serena Williams spoke with Roger Federer at Wimbledon about the ATP Tour.")
    plain = item("plain", "notes", "some notes about tennis written in lower case only.")
    with SqliteStore(tmp_path / "c.db") as store:
        store.upsert([plain, rich])
        assert [i.id for i in store.sample(2, seed=5, order="entity_rich")] == ["rich", "plain"]


def test_a_failing_entity_counter_rolls_the_whole_batch_back(tmp_path: Path) -> None:
    def explode(text: str) -> int:
        if "boom" in text:
            raise ValueError("counter failed")
        return 0

    with SqliteStore(tmp_path / "c.db", entity_counter=explode) as store:
        with pytest.raises(ValueError):
            store.upsert([item("ok", "fine", "fine"), item("bad", "boom", "boom")])
        assert store.count() == 0
        assert store.upsert([item("ok", "fine", "fine")]) == 1


def test_a_file_that_is_not_a_database_raises_backend_error(tmp_path: Path) -> None:
    path = tmp_path / "content.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(BackendError) as raised:
        SqliteStore(path)
    assert str(path) in raised.value.message
    assert raised.value.hint and "store.path" in raised.value.hint


def test_using_a_closed_store_raises_backend_error(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "c.db")
    store.close()
    with pytest.raises(BackendError):
        store.count()


def test_large_upserts_are_batched_and_counted(tmp_path: Path) -> None:
    items = [item(f"id-{i}", f"title {i}", f"text number {i}") for i in range(4500)]
    with SqliteStore(tmp_path / "c.db", entity_counter=lambda text: 0) as store:
        assert store.upsert(iter(items)) == 4500
        assert store.count() == 4500
        assert store.upsert(items[:10]) == 10
        assert store.count() == 4500
        # Every item is searchable exactly once.
        assert [hit.id for hit in store.search("4499")] == ["id-4499"]


def test_an_unwritable_location_raises_backend_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(BackendError) as raised:
        SqliteStore(blocker / "content.db")
    assert raised.value.hint and "writable" in raised.value.hint


def test_per_row_triggers_of_older_stores_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    SqliteStore(path).close()
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TRIGGER content_ai AFTER INSERT ON content BEGIN "
        "INSERT INTO content_fts(rowid, title, text) VALUES (new.rid, new.title, new.text); END"
    )
    old.commit()
    old.close()
    with SqliteStore(path) as store:
        store.upsert([item("a", "Lighthouse", "keeper")])
        assert [hit.id for hit in store.search("lighthouse")] == ["a"]
    triggers = sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    assert triggers == [("content_ad",)]


def test_searching_a_closed_store_raises_backend_error(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "c.db")
    store.upsert([item("a", "Glacier survey", "Ice cores from Greenland.")])
    assert store.search("glacier")
    store.close()
    with pytest.raises(BackendError, match="closed"):
        store.search("glacier")


def test_concurrent_searches_answer_as_sequential_ones_and_see_new_content(tmp_path: Path) -> None:
    words = ["glacier", "harbour", "desert", "forest", "canyon", "island", "volcano", "river"]
    texts = [(f"{words[n % 8]} survey {n}", f"{words[(n * 3) % 8]} and {words[(n * 5) % 8]}") for n in range(80)]
    items = [item(f"i{n}", title, text) for n, (title, text) in enumerate(texts)]
    queries = [f"{a} {b}" for a in words for b in words]
    with SqliteStore(tmp_path / "c.db") as store:
        store.upsert(items)
        expected = [store.search(query, limit=5) for query in queries]
        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = list(pool.map(lambda query: store.search(query, limit=5), queries * 5))
        assert answers == expected * 5
        assert 1 <= len(store._all_readers) <= 4  # connections are reused, one per concurrent search at most
        store.upsert([item("new", "Lagoon survey", "Mangroves.")])
        with ThreadPoolExecutor(max_workers=4) as pool:
            found = list(pool.map(lambda query: [hit.id for hit in store.search(query)], ["lagoon"] * 8))
        assert found == [["new"]] * 8
