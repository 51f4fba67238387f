"""A search worker: one process that answers batches of FTS5 searches over a content store file.

Why processes: the sqlite3 build Python ships takes a global mutex on every allocation, so FTS5
searches on several threads of one process run one at a time. Worker processes search in parallel
and leave the parent's core free for labelling (``search_pool`` drives them).

The module imports the standard library only: the pool starts it as a script with ``python -I -S``
(no site-packages, nothing of Synth Studio), which takes milliseconds. The store imports
``search_rows`` from here, so the in-process and worker searches run the same statement.

Protocol, over stdin/stdout, pickled: the worker reads a list of ``(match_expression, limit)`` and
writes back a list of ``(rows, elapsed_s)`` in the same order, ``rows`` being
``(id, modality, profile, score)`` tuples best first and ``elapsed_s`` the seconds that search took.
A SQLite error is written back as ``("error", message)`` and ends the worker. End of input ends it.
"""

from __future__ import annotations

import pickle
import sqlite3
import sys
import time
from collections.abc import Sequence
from functools import cache
from typing import Any

Row = tuple[str, str, str, float]
"""(id, modality, profile, score)."""
BM25 = "bm25(content_fts, 2.0, 1.0)"
"""Title matches weigh twice as much as text matches."""


@cache
def search_sql(where: str = "1") -> str:
    """The search statement; ``where`` filters on ``content`` columns (alias ``c``). Parameters: the
    MATCH expression, the filter's values, the limit. Equal scores are ordered by ``rid``; the score
    is computed once per row (ordering by the alias, not by a second ``bm25`` call).

    Without a filter the top hits are chosen inside the FTS index and only they are joined to
    ``content`` (a query matches hundreds of rows of a real corpus: joining every one first made a
    search twice as slow); a filter needs the join first."""
    if where == "1":
        return (
            f"SELECT c.id, c.modality, c.profile, top.score FROM "
            f"(SELECT rowid AS rid, -{BM25} AS score FROM content_fts WHERE content_fts MATCH ? "
            f"ORDER BY score DESC, rowid LIMIT ?) AS top "
            f"JOIN content c ON c.rid = top.rid ORDER BY top.score DESC, top.rid"
        )
    return (
        f"SELECT c.id, c.modality, c.profile, -{BM25} AS score FROM content_fts "
        f"JOIN content c ON c.rid = content_fts.rowid "
        f"WHERE content_fts MATCH ? AND {where} ORDER BY score DESC, c.rid LIMIT ?"
    )


def search_rows(
    db: sqlite3.Connection, expression: str, limit: int, where: str = "1", params: Sequence[Any] = ()
) -> list[Row]:
    """One search (no rows when there is nothing to search for); the store and the workers both
    search through here."""
    if not expression or limit <= 0:
        return []
    return db.execute(search_sql(where), [expression, *params, limit]).fetchall()


def answer(db: sqlite3.Connection, batch: list[tuple[str, int]]) -> list[tuple[list[Row], float]]:
    results = []
    for expression, limit in batch:
        started = time.perf_counter()
        rows = search_rows(db, expression, limit)
        results.append((rows, time.perf_counter() - started))
    return results


def main(uri: str) -> None:
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    try:
        db = sqlite3.connect(uri, uri=True)
        db.execute("PRAGMA busy_timeout=5000")
        while True:
            try:
                batch = pickle.load(source)
            except EOFError:
                return
            pickle.dump(answer(db, batch), sink, protocol=pickle.HIGHEST_PROTOCOL)
            sink.flush()
    except sqlite3.Error as exc:
        pickle.dump(("error", str(exc)), sink, protocol=pickle.HIGHEST_PROTOCOL)
        sink.flush()


if __name__ == "__main__":
    main(sys.argv[1])
