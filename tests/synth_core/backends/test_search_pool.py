"""The SQLite store's batch search on worker processes: same answers as searching here, in order,
and loud when a worker fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from synth_core.backends import search_pool
from synth_core.backends.search_pool import search_in_workers
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.errors import BackendError
from tests.synth_core.fixtures import ITEMS

WORDS = [word for item in ITEMS for word in item.title.split()]
# Enough texts for many chunks per worker (so answers are read while workers search ahead), with
# texts that match nothing or have nothing to search for mixed in.
TEXTS = [f"{WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)]}" for i in range(900)] + ["", "the of", "zzzq"]


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    with SqliteStore(tmp_path / "content.db") as store:
        store.upsert(ITEMS)
    return tmp_path / "content.db"


def children() -> set[int]:
    found: set[int] = set()
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{task}/children") as listing:
            found.update(int(pid) for pid in listing.read().split())
    return found


@pytest.mark.parametrize("processes", [1, 3])
def test_workers_answer_exactly_what_searching_here_answers(store_path: Path, processes: int) -> None:
    with SqliteStore(store_path, search_processes=0) as here:
        expected = [here.search(text, limit=5) for text in TEXTS]
    with SqliteStore(store_path, search_processes=processes, parallel_from=1) as store:
        answers = list(store.search_many(TEXTS, limit=5))
    assert [hits for hits, _ in answers] == expected
    assert any(expected) and [] in expected
    assert all(seconds >= 0.0 for _, seconds in answers)


def test_small_batches_are_searched_here_without_starting_workers(store_path: Path) -> None:
    before = children()
    with SqliteStore(store_path, parallel_from=1000) as store:
        searches = store.search_many(TEXTS[:10])
        next(searches)
        assert children() == before
        searches.close()


def test_workers_are_stopped_when_the_caller_stops_early(store_path: Path) -> None:
    before = children()
    with SqliteStore(store_path, search_processes=2, parallel_from=1) as store:
        searches = store.search_many(TEXTS)
        next(searches)
        assert len(children() - before) == 2
        searches.close()
    assert children() == before


def test_a_store_the_workers_cannot_open_is_a_backend_error(tmp_path: Path) -> None:
    uri = f"{(tmp_path / 'missing.db').as_uri()}?mode=ro"
    with pytest.raises(BackendError, match="search worker failed: unable to open"):
        list(search_in_workers(uri, [("volcano", 5)], workers=1))


def test_a_worker_that_dies_is_a_backend_error_with_what_it_said(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken_worker.py"
    broken.write_text("import sys\nsys.stderr.write('worker ran out of luck\\n')\nsys.exit(1)\n")
    monkeypatch.setattr(search_pool, "WORKER", broken)
    before = children()
    with SqliteStore(store_path, parallel_from=1) as store, pytest.raises(BackendError, match="out of luck"):
        list(store.search_many(TEXTS))
    assert children() == before
