"""WAL checkpoints of a SQLite review store, run by a background thread instead of inside commits.

SQLite's automatic checkpoint runs inside the commit that crosses its threshold (1,000 pages), so the
caller of a large write waits for it: copying a 50,000-example bulk decision's 12,000 pages into the
database file and syncing it is a third of the call. The store's connections turn it off
(``wal_autocheckpoint = 0``) and, after each write transaction, wake this thread, which runs a
PASSIVE checkpoint (it never blocks readers or writers) on a connection of its own, at most every
``COALESCE_S`` seconds so that a burst of small decisions costs a few checkpoints, not one each.

Durability does not change: a commit is in the WAL when it returns, as before (``synchronous=NORMAL``);
a checkpoint only moves committed pages, and SQLite replays an un-checkpointed WAL after a crash.
When the last connection closes, SQLite checkpoints and removes the WAL as it always does.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading

COALESCE_S = 0.2
"""How long the thread waits after a write for more writes before it checkpoints them together."""


class WalCheckpointer:
    """Checkpoints the SQLite database at ``path`` after writes (``request``), until ``close``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._wanted = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def request(self) -> None:
        """A write transaction committed: checkpoint soon (starts the thread on first use)."""
        with self._lock:
            if self._stopping.is_set():
                return
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="synth-wal-checkpoint", daemon=True)
                self._thread.start()
        self._wanted.set()

    def close(self) -> None:
        """Stop the thread (a checkpoint under way finishes first)."""
        with self._lock:
            self._stopping.set()
            thread = self._thread
        self._wanted.set()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        try:
            connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return  # the next request starts a new thread and tries again
        try:
            connection.execute("PRAGMA synchronous = NORMAL")
            while True:
                self._wanted.wait()
                if self._stopping.wait(COALESCE_S):
                    break
                self._wanted.clear()
                # ``close`` sets stopping before it wakes us: had its wake-up come just before the
                # clear above, stopping is already set here (else the wait above would never end).
                if self._stopping.is_set():
                    break
                # Busy (another process is checkpointing) or failed: the next write asks again.
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            connection.close()
