"""Engines for the review store: SQLite (default) and PostgreSQL, with the same behaviour on both.

SQLite runs in WAL mode with ``synchronous=NORMAL`` (a commit survives a process crash; only a power
loss may drop the last transactions) and a busy timeout, so concurrent writers wait instead of failing.
Write transactions start with ``BEGIN IMMEDIATE``: a deferred transaction that reads first and writes
later can fail at once with "database is locked" when another process wrote in between, without
waiting for the busy timeout. WAL checkpoints run in a background thread after writes
(``approval.store.checkpoint``), not inside the commit of whoever crosses SQLite's threshold. New files use
8 KiB pages: a bulk decision then writes fewer, fuller pages to the WAL (about 10% faster).

On PostgreSQL every round trip to the server counts (0.2-0.5 ms on loopback here, more over a network),
so the engine spends none it does not need: reads run in autocommit (no BEGIN and COMMIT; under the
default READ COMMITTED each statement of a read saw its own snapshot anyway), and a pooled connection is
pinged only after it sat idle (``IDLE_PING_S``), not on every checkout as ``pool_pre_ping`` does.
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import pydantic_core
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, OperationalError

from approval.store.checkpoint import WalCheckpointer
from synth_core.errors import ConfigError, ConflictError, ReviewError, StoreUnavailableError

SQLITE_BUSY_TIMEOUT_MS = 15_000
"""How long a writer waits for another one; longer than the slowest bulk decision we expect."""

SQLITE_CACHE_KIB = 64 * 1024
SQLITE_MMAP_BYTES = 256 * 1024 * 1024
SQLITE_PAGE_BYTES = 8192
"""Only takes effect when the database file is created."""

IDLE_PING_S = 10.0
"""A pooled PostgreSQL connection idle at least this long is pinged before it is used again (a restarted
server, or a proxy's idle timeout, may have closed it); a dead one is replaced without the caller noticing."""

_WRITE = "synth_write"

# pydantic-core's JSON codec is 2-4x faster than the json module on payloads (exports read 100,000s).
_JSON_CODEC: dict[str, Any] = {
    "json_serializer": lambda value: pydantic_core.to_json(value).decode(),
    "json_deserializer": pydantic_core.from_json,
}
_RACE_STATES = {"40001", "40P01"}  # serialization failure, deadlock detected
_CHECKPOINTERS: WeakKeyDictionary[Engine, WalCheckpointer] = WeakKeyDictionary()
_WRITE_MARKS = itertools.count(1)  # next() is atomic: two writers never leave the same mark
_LAST_WRITES: dict[str, int] = {}


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3 (the driver we install), not psycopg2."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    """An engine for ``url``; a SQLite file's folder is created when missing. A missing database driver
    (psycopg for PostgreSQL) is a ConfigError that says what to install."""
    try:
        parsed = make_url(normalize_url(url))
    except ArgumentError as exc:
        raise ConfigError(
            f"Invalid review store URL '{url}': {exc}.", hint="Set review.url to a SQLAlchemy URL."
        ) from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed.render_as_string(hide_password=False), parsed.database)
    if parsed.get_backend_name() == "postgresql":
        try:
            return _postgres_engine(parsed)
        except ImportError as exc:  # psycopg is an optional extra
            raise ConfigError(
                f"The review store (review.url) needs the database driver '{exc.name or exc}', which is not installed.",
                hint="For PostgreSQL install it with: pip install 'synth-studio[postgres]'.",
            ) from None
    raise ConfigError(
        f"Unsupported review store database '{parsed.get_backend_name()}'.",
        hint="Use sqlite:///path/review.db or postgresql+psycopg://user@host/db.",
    )


def _sqlite_engine(url: str, database: str | None) -> Engine:
    on_disk = bool(database) and database != ":memory:" and not str(database).startswith("file:")
    if on_disk:
        Path(str(database)).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False}, **_JSON_CODEC)
    if on_disk:
        _CHECKPOINTERS[engine] = WalCheckpointer(str(Path(str(database)).expanduser()))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from pysqlite so that we can say BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA page_size = {SQLITE_PAGE_BYTES}")
        _use_wal(cursor)
        if on_disk:
            cursor.execute("PRAGMA wal_autocheckpoint = 0")  # the WalCheckpointer's thread does it
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # The queue indexes of 100,000 examples are tens of MB: keep them in memory, not re-read per page.
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        cursor.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL (it stays so). While another connection is creating a new file, SQLite
    answers "database is locked" at once instead of waiting the busy timeout: wait here instead."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            cursor.execute("PRAGMA journal_mode = WAL").fetchall()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)
        else:
            return


def _postgres_engine(url: Any) -> Engine:
    engine = create_engine(url, **_JSON_CODEC)

    @event.listens_for(engine, "checkin")
    def _note_idle(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < IDLE_PING_S:
            return
        try:
            dbapi_connection.execute("SELECT 1")
            dbapi_connection.rollback()
        except Exception:  # any failure means the connection is unusable: the pool connects anew
            raise DisconnectionError("the pooled connection is closed") from None

    return engine


class SerializationConflict(ConflictError):
    """PostgreSQL aborted a transaction that raced another one (SQLSTATE 40001 / 40P01); retry it."""


@contextmanager
def transaction(engine: Engine, *, write: bool, isolation: str | None = None) -> Iterator[Connection]:
    """One transaction: committed when the block ends, rolled back on any error.

    ``isolation`` (e.g. "REPEATABLE READ", or "AUTOCOMMIT" for one statement that is atomic by itself)
    applies to PostgreSQL, where a read without one runs in autocommit; SQLite write transactions are
    serialized by BEGIN IMMEDIATE. Database failures (unreachable server, a lock held past the busy
    timeout) become a ``ReviewError`` that says what to do; our own errors pass through unchanged.
    """
    try:
        with engine.connect() as connection:
            if write:
                connection.execution_options(**{_WRITE: True})
            if connection.dialect.name == "postgresql" and (isolation or not write):
                connection.execution_options(isolation_level=isolation or "AUTOCOMMIT")
            with connection.begin():
                yield connection
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) in _RACE_STATES:
            raise SerializationConflict(f"A concurrent change interfered: {_first_line(exc)}.") from exc
        raise _store_error(exc) from exc
    finally:
        if write:  # once committed or rolled back: a read that saw the change is newer than this mark
            _LAST_WRITES[_database_of(engine)] = next(_WRITE_MARKS)
    if write and (checkpointer := _CHECKPOINTERS.get(engine)) is not None:
        checkpointer.request()


def last_write(engine: Engine) -> int:
    """A mark that changes whenever this process ends a write transaction on ``engine``'s database,
    through any engine on its URL (0 before the first): what a read remembered under one mark is still
    all of this process's writes while the mark stays the same (other processes' writes it cannot see)."""
    return _LAST_WRITES.get(_database_of(engine), 0)


def _database_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def dispose(engine: Engine) -> None:
    """Close the engine's connections and stop its checkpoint thread (SQLite then checkpoints as the
    last connection closes)."""
    engine.dispose()
    checkpointer = _CHECKPOINTERS.pop(engine, None)
    if checkpointer is not None:
        checkpointer.close()


def _store_error(exc: DBAPIError) -> ReviewError:
    if isinstance(exc, OperationalError):
        return StoreUnavailableError(
            f"The review store is unavailable: {_first_line(exc)}.",
            hint="Check review.url and that the database is reachable, then retry.",
        )
    return ReviewError(f"The review store refused the change: {_first_line(exc)}.")


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
