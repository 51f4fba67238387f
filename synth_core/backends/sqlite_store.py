"""The embedded content store: one SQLite file, FTS5 (BM25) search over title and text.

Tables in ``sqlite_schema``: an upsert of an existing id re-indexes it instead of duplicating it.
Searches run on a pool of read-only connections; a big batch of them (``search_many``, the label
checks of a run) on worker processes (``search_pool``).

Every ``sqlite3`` error is turned into ``BackendError`` here, at the boundary.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from synth_core.backends.base import SampleOrder, TimedHits, searched_one_by_one
from synth_core.backends.search_pool import search_in_workers
from synth_core.backends.search_worker import Row, search_rows
from synth_core.backends.sqlite_schema import (
    FTS_DELETE,
    FTS_INSERT,
    IN_BATCH,
    OLD_TEXTS,
    SCHEMA,
    SCHEMA_VERSION,
    UPSERT,
    stored_time,
    time_from_stored,
)
from synth_core.backends.text_terms import fts_match_expression, topic_key
from synth_core.content import ContentItem, SearchHit
from synth_core.errors import BackendError

WRITE_BATCH = 2000
_COLUMNS = "id, profile, modality, title, text, created_at, source, metadata"
_ORDER_COLUMN = {"newest": "created_at", "entity_rich": "entity_count"}
PARALLEL_FROM = 1000
"""``search_many`` batches at least this long go to worker processes (starting and stopping them costs
about 20 ms, some 150 demo-corpus searches); smaller batches are searched in this process."""


def default_entity_counter() -> Callable[[str], int]:
    """Entity count from ``synth_core.patterns.extract_entities``, imported lazily; the capitalised-run
    heuristic when that module is not available."""
    try:
        from synth_core.patterns import extract_entities
    except ImportError:
        from synth_core.backends.text_terms import heuristic_entity_count

        return heuristic_entity_count
    return lambda text: len(extract_entities(text))


def _iso(moment: datetime) -> str:
    return stored_time(moment)


def _hint_for(exc: sqlite3.Error) -> str:
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return "Another process is writing to the store; wait for it to finish and retry."
    if "not a database" in message or "malformed" in message:
        return "The file is not a usable content store; point store.path at another file or delete it."
    if "unable to open" in message or "readonly" in message:
        return "Check that the folder exists and is writable (SYNTH_HOME / store.path)."
    return "Check the store file, or re-create it with `synth ingest`."


class SqliteStore:
    """ContentBackend over one SQLite file (WAL mode); safe to share between threads."""

    def __init__(
        self,
        path: Path | str,
        *,
        entity_counter: Callable[[str], int] | None = None,
        search_processes: int = 2,
        parallel_from: int = PARALLEL_FROM,
    ) -> None:
        self.path = Path(path)
        self._search_processes = search_processes
        self._parallel_from = parallel_from
        self._count_entities = entity_counter or default_entity_counter()
        self._lock = threading.RLock()
        # Searches run outside the lock, each on a read-only connection borrowed from this pool, so
        # threads (API requests) never wait for each other's lock; the pool grows to the largest number
        # of concurrent searches; list pop/append are atomic. Big batches go to worker processes.
        self._readers: list[sqlite3.Connection] = []
        self._all_readers: list[sqlite3.Connection] = []
        self._closed = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackendError(
                f"Cannot create the folder of content store {self.path}: {exc}.",
                hint="Point SYNTH_HOME / store.path at a writable folder.",
            ) from exc
        with self._guard("opening the store"):
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.executescript(SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for reader in self._all_readers:
                reader.close()
            self._readers.clear()
            self._all_readers.clear()
            self._db.close()

    def _open_reader(self) -> sqlite3.Connection:
        with self._guard("opening a search connection"):
            if self._closed:
                raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            reader = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            reader.execute("PRAGMA busy_timeout=5000")
            self._all_readers.append(reader)
            return reader

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                raise self._failure(action, exc) from exc

    def _failure(self, action: str, exc: sqlite3.Error) -> BackendError:
        return BackendError(f"Content store {self.path} failed while {action}: {exc}.", hint=_hint_for(exc))

    # -- writing ---------------------------------------------------------------------------------

    def upsert(self, items: Iterable[ContentItem]) -> int:
        """Insert or update items by id in one transaction; returns how many were written."""
        written = 0
        iterator = iter(items)
        with self._guard("writing content"):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                while batch := list(islice(iterator, WRITE_BATCH)):
                    self._write_batch([self._row(item) for item in batch])
                    written += len(batch)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return written

    def _write_batch(self, rows: list[tuple[Any, ...]]) -> None:
        # External-content FTS5 needs the old text to un-index a row, so read it before overwriting.
        ids = json.dumps([row[0] for row in rows])
        old_texts = self._db.execute(OLD_TEXTS, [ids]).fetchall()
        self._db.executemany(FTS_DELETE, old_texts)
        self._db.executemany(UPSERT, rows)
        self._db.execute(FTS_INSERT, [ids])

    def _row(self, item: ContentItem) -> tuple[Any, ...]:
        return (
            item.id,
            item.profile,
            item.modality,
            item.title,
            item.text,
            _iso(item.created_at),
            item.source,
            json.dumps(item.metadata, ensure_ascii=False, default=str),
            self._count_entities(f"{item.title}. {item.text}"),
            topic_key(item.title, item.text, item.metadata),
        )

    def optimize(self) -> None:
        """Merge the FTS index segments (worth it after a large ingest: searches get faster)."""
        with self._guard("optimizing the search index"):
            self._db.execute("INSERT INTO content_fts(content_fts) VALUES ('optimize')")

    # -- reading ---------------------------------------------------------------------------------

    def profiles(self) -> dict[str, int]:
        with self._guard("counting profiles"):
            rows = self._db.execute("SELECT profile, count(*) FROM content GROUP BY profile ORDER BY profile")
            return {profile: count for profile, count in rows}

    def count(self, *, profiles: Sequence[str] | None = None, modalities: Sequence[str] | None = None) -> int:
        where, params = _filter(profiles, modalities)
        with self._guard("counting content"):
            (total,) = self._db.execute(f"SELECT count(*) FROM content WHERE {where}", params).fetchone()
            return int(total)

    def get(self, ids: Sequence[str]) -> list[ContentItem]:
        found: dict[str, ContentItem] = {}
        with self._guard("reading content"):
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT {_COLUMNS} FROM content WHERE id IN ({marks})", chunk)
                found.update((row[0], _item(row)) for row in rows)
        return [found[item_id] for item_id in ids if item_id in found]

    def topic_keys(self, ids: Sequence[str]) -> dict[str, str]:
        """The stored topic signature of each known id (an extra, not part of the protocol)."""
        keys: dict[str, str] = {}
        with self._guard("reading topics"):
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT id, topic_key FROM content WHERE id IN ({marks})", chunk)
                keys.update(dict(rows))
        return keys

    def sample(
        self,
        n: int,
        *,
        seed: int,
        order: SampleOrder = "random",
        profiles: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
        exclude_ids: Iterable[str] = (),
    ) -> list[ContentItem]:
        if n <= 0:
            return []
        where, params = _filter(profiles, modalities)
        rng = random.Random(seed)
        with self._guard("sampling content"):
            excluded = self._rids_of(exclude_ids)
            if order == "random":
                chosen = self._random_rids(n, rng, where, params, excluded)
            elif order in _ORDER_COLUMN:
                if excluded:
                    # By rid, not id: the filter's index then covers the whole query.
                    where += " AND rid NOT IN (SELECT value FROM json_each(?))"
                    params.append(json.dumps(excluded))
                chosen = self._top_rids(_ORDER_COLUMN[order], n, rng, where, params)
            else:
                raise BackendError(f"Unknown sample order {order!r}.", hint="Use random, newest or entity_rich.")
            return self._items_by_rid(chosen)

    def _random_rids(self, n: int, rng: random.Random, where: str, params: list[Any], excluded: list[int]) -> list[int]:
        """A seeded uniform draw of ``n`` rids matching ``where``, minus the excluded ones."""
        if where == "1":
            # Three queries: min() and max() alone are index look-ups, together they scan.
            (low,) = self._db.execute("SELECT min(rid) FROM content").fetchone()
            (high,) = self._db.execute("SELECT max(rid) FROM content").fetchone()
            (total,) = self._db.execute("SELECT count(*) FROM content").fetchone()
            if total and high - low + 1 == total:
                # No gaps (nothing was ever deleted): draw from the range without reading any rid.
                return _draw(range(low, high + 1), n, rng, excluded)
        # One JSON array instead of 100,000 Python row tuples: several times faster.
        (rids_json,) = self._db.execute(f"SELECT json_group_array(rid) FROM content WHERE {where}", params).fetchone()
        rids: list[int] = json.loads(rids_json)
        rids.sort()  # already in index order as a rule, so this is cheap
        return _draw(rids, n, rng, excluded)

    def _rids_of(self, ids: Iterable[str]) -> list[int]:
        wanted = sorted(set(ids))
        if not wanted:
            return []
        rows = self._db.execute(f"SELECT rid FROM content WHERE {IN_BATCH} ORDER BY rid", [json.dumps(wanted)])
        return [rid for (rid,) in rows]

    def _top_rids(self, column: str, n: int, rng: random.Random, where: str, params: list[Any]) -> list[int]:
        """The ``n`` rows with the largest ``column``; rows tied at the cut are drawn with ``rng``.

        Only the rows above the cut and the rids tied at it are read, so this stays fast on a large
        store; rows are put in rid order first so the same seed always draws the same rows.
        """
        boundary_row = self._db.execute(
            f"SELECT {column} FROM content WHERE {where} ORDER BY {column} DESC LIMIT 1 OFFSET ?", [*params, n - 1]
        ).fetchone()
        if boundary_row is None:  # fewer than n rows: take them all
            rows = sorted(self._db.execute(f"SELECT rid, {column} FROM content WHERE {where}", params))
            return [rid for rid, _ in sorted(rows, key=lambda row: (row[1], rng.random()), reverse=True)]
        boundary = boundary_row[0]
        above = sorted(
            self._db.execute(f"SELECT rid, {column} FROM content WHERE {where} AND {column} > ?", [*params, boundary])
        )
        ranked = [rid for rid, _ in sorted(above, key=lambda row: (row[1], rng.random()), reverse=True)]
        (tied_json,) = self._db.execute(
            f"SELECT json_group_array(rid) FROM content WHERE {where} AND {column} = ?", [*params, boundary]
        ).fetchone()
        tied = sorted(json.loads(tied_json))
        return ranked + rng.sample(tied, min(n - len(ranked), len(tied)))

    def _items_by_rid(self, rids: Sequence[int]) -> list[ContentItem]:
        if not rids:
            return []
        rows = self._db.execute(
            f"SELECT rid, {_COLUMNS} FROM content WHERE rid IN (SELECT value FROM json_each(?))",
            [json.dumps(list(rids))],
        )
        by_rid = {row[0]: _item(row[1:]) for row in rows}
        return [by_rid[rid] for rid in rids if rid in by_rid]

    def search(
        self,
        text: str,
        *,
        limit: int = 10,
        profiles: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
    ) -> list[SearchHit]:
        where, params = _filter(profiles, modalities, alias="c.")
        try:  # no lock (see _readers) and no context manager: this runs once per label check
            reader = self._readers.pop()
        except IndexError:  # none idle
            reader = self._open_reader()
        try:
            rows = search_rows(reader, fts_match_expression(text), limit, where, params)
        except sqlite3.Error as exc:
            raise self._failure("searching content", exc) from exc
        finally:
            self._readers.append(reader)
        return _hits(rows)

    def search_many(self, texts: Sequence[str], *, limit: int = 10) -> Generator[TimedHits, None, None]:
        """``search(text, limit=limit)`` of every text, in order, each with the seconds it took.

        A batch of ``parallel_from`` (``PARALLEL_FROM``) or more runs on ``search_processes`` worker
        processes (``search_worker``), which search ahead while the caller consumes earlier results."""
        if self._search_processes < 1 or len(texts) < self._parallel_from:
            yield from searched_one_by_one(self.search, texts, limit=limit)
            return
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        requests = [(fts_match_expression(text), limit) for text in texts]
        for rows, elapsed in search_in_workers(uri, requests, workers=self._search_processes):
            yield _hits(rows), elapsed


def _draw(population: Sequence[int], n: int, rng: random.Random, excluded: Sequence[int]) -> list[int]:
    """``n`` members of ``population`` not in ``excluded``, uniformly at random: draw enough extra to
    cover the excluded ones, then drop them (``MemoryBackend`` does exactly the same)."""
    skip = set(excluded)
    picks = rng.sample(population, min(len(population), n + len(skip)))
    return [pick for pick in picks if pick not in skip][:n]


def _filter(
    profiles: Sequence[str] | None, modalities: Sequence[str] | None, *, alias: str = ""
) -> tuple[str, list[Any]]:
    """A WHERE fragment and its parameters; None means no filter, an empty list matches nothing."""
    clauses = ["1"]
    params: list[Any] = []
    for column, values in (("profile", profiles), ("modality", modalities)):
        if values is None:
            continue
        values = list(dict.fromkeys(values))
        if not values:
            clauses.append("0")
            continue
        clauses.append(f"{alias}{column} IN ({','.join('?' * len(values))})")
        params.extend(values)
    return " AND ".join(clauses), params


def _hits(rows: Sequence[Row]) -> list[SearchHit]:
    return [
        SearchHit(id=item_id, rank=rank, score=score, modality=modality, profile=profile)  # type: ignore[arg-type]
        for rank, (item_id, modality, profile, score) in enumerate(rows, start=1)
    ]


def _item(row: Sequence[Any]) -> ContentItem:
    item_id, profile, modality, title, text, created_at, source, metadata = row
    return ContentItem(
        id=item_id,
        profile=profile,
        modality=modality,
        title=title,
        text=text,
        created_at=time_from_stored(created_at),
        source=source,
        metadata=json.loads(metadata),
    )
