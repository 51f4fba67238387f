"""SQLite's WAL is checkpointed by a background thread, not inside the commits of the review store."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from approval.store import ReviewStore, checkpoint
from tests.support.review_data import seed_store

WAIT_S = 10.0


def rows_in_database_file(path: Path) -> int:
    """Examples in the database file itself: ``immutable=1`` makes SQLite ignore the WAL (0 while the
    table is still only in the WAL, or while a checkpoint is rewriting the pages we read)."""
    connection = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM examples").fetchone()[0])
    except sqlite3.DatabaseError:
        return 0
    finally:
        connection.close()


def test_the_store_leaves_checkpoints_out_of_its_commits(tmp_path: Path) -> None:
    with ReviewStore(f"sqlite:///{tmp_path / 'review.db'}") as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 8192


def test_committed_examples_reach_the_database_file_in_the_background(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    with ReviewStore(f"sqlite:///{path}") as store:
        seed_store(store, 300, batch=100)
        deadline = time.monotonic() + WAIT_S
        while rows_in_database_file(path) < 300 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert rows_in_database_file(path) == 300


def test_closing_the_store_checkpoints_and_removes_the_wal(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    with ReviewStore(f"sqlite:///{path}") as store:
        seed_store(store, 50)
    assert not path.with_name("review.db-wal").exists()
    assert rows_in_database_file(path) == 50


def test_close_never_waits_forever_for_the_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``close`` right as the thread wakes for a checkpoint (CI hung here once: the thread cleared the
    wake-up ``close`` had just given it and slept again): the thread still stops."""
    monkeypatch.setattr(checkpoint, "COALESCE_S", 0.0005)
    path = tmp_path / "plain.db"
    sqlite3.connect(path).close()
    for attempt in range(300):
        checkpointer = checkpoint.WalCheckpointer(str(path))
        checkpointer.request()
        time.sleep(0.0005 * (attempt % 4))
        closer = threading.Thread(target=checkpointer.close, daemon=True)
        closer.start()
        closer.join(WAIT_S)
        assert not closer.is_alive(), f"close() still waiting after {WAIT_S} s (attempt {attempt})"
