"""The review store's schema in a database: created, versioned and upgraded by Alembic migrations.

Every schema change is a revision in ``migrations/versions/``; the database records the one it is at
in Alembic's ``alembic_version`` table. Opening a store (``open_schema``) finds its database in one of
these states and does what is safe:

- ``current``: at the newest revision. Nothing to do; no DDL, one read.
- ``empty``: none of the store's tables. They are created as the models define them and stamped at the
  newest revision (a test checks that this is the schema the migrations build).
- ``unversioned``: made before migrations existed. When its tables are the first revision's, it is
  stamped at that revision (nothing changes) and then treated as ``behind``; an older one is refused.
- ``behind``: SQLite is upgraded on open, in one transaction (its DDL is transactional: an upgrade that
  fails leaves the file as it was). PostgreSQL is refused with one line saying to run
  ``synth db upgrade``: it is shared, other processes of the older version may still use it, and
  changing its schema is its operator's decision.
- ``ahead``: at a revision this version does not know (a newer Synth Studio made it). Refused.

``upgrade_schema`` (``synth db upgrade``) does the same on every database, PostgreSQL included;
``inspect_schema`` (``synth db current``) only reports. Changes run in one write transaction: SQLite's
``BEGIN IMMEDIATE``, and on PostgreSQL an advisory lock, make two processes opening a new store take
turns; the second finds the work done.

A new revision: change tables.py, then on a database at the newest revision generate a draft with
``alembic.command.revision(alembic_config(connection), message=..., autogenerate=True)``, and write it
out in full the way ``0001_baseline.py`` is (SQLite needs batch operations to alter a table).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from pydantic import BaseModel
from sqlalchemy import Connection, Engine, Index, MetaData, column, inspect, literal, select, table, text, union_all
from sqlalchemy.exc import DBAPIError

from approval.store.engine import dispose, make_engine, transaction
from approval.store.tables import Base
from approval.store.text_index import INDEX_NAME
from synth_core.errors import ConfigError, Fix

MIGRATIONS = Path(__file__).with_name("migrations")
BASELINE = "0001"
"""The revision of stores made before migrations existed."""

BASELINE_COLUMNS: dict[str, tuple[str, ...]] = {
    name: tuple(columns.split())
    for name, columns in {
        "runs": "id tenant_id optimizer request seed settings_snapshot summary started_at finished_at "
        "first_example_id last_example_id",
        "examples": "id run_id tenant_id optimizer query_folded status reason_code confidence version parent_id "
        "created_at updated_at",
        "example_payloads": "example_id payload confidence_breakdown source_content_ids regeneration_attempt",
        "decisions": "id example_id tenant_id reviewer action from_status to_status reason_code feedback diff "
        "from_reason_code prior from_version to_version undoes_id scope created_at",
        "bulk_items": "example_id decision_id from_status to_status from_version from_reason_code",
        "exports": "id tenant_id optimizer filter counts file_hash path created_at",
    }.items()
}
"""The tables of ``BASELINE`` and their columns, frozen: what an unversioned store must have."""

SCHEMA_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('synth review schema ' || current_schema()))")
"""PostgreSQL: one process at a time changes the schema of a store (a store is a schema of a database)."""

SchemaStateName = Literal["current", "empty", "unversioned", "behind", "ahead"]


class SchemaState(BaseModel):
    """Where a review store's database stands against this version's migrations."""

    url: str
    state: SchemaStateName
    revision: str | None
    """The revision the database records (None: not versioned)."""
    head: str
    """The newest revision this version knows."""


class SchemaUpgrade(BaseModel):
    """What ``upgrade_schema`` did."""

    url: str
    before: SchemaState
    revision: str


def alembic_config(connection: Connection | None = None, *, scripts: Path = MIGRATIONS) -> Config:
    """Alembic's configuration, built here instead of read from an alembic.ini; ``connection`` is the
    one the migrations run on (env.py)."""
    config = Config()
    config.set_main_option("script_location", str(scripts))
    config.attributes["connection"] = connection
    return config


def models_for(dialect: str) -> MetaData:
    """The models' tables as ``dialect`` creates them: without the indexes meant for the other
    database (``ddl_if``), which Alembic's autogenerate does not leave out by itself (the two
    ``ix_examples_queue`` share a name, so it would compare either). What migrations are compared with."""
    metadata = MetaData()
    for model in Base.metadata.sorted_tables:
        copy = model.to_metadata(metadata)
        for index in [index for index in copy.indexes if not index._column_flag]:
            copy.indexes.discard(index)
        for index in model.indexes:
            ddl_if = index._ddl_if
            if not index._column_flag and (ddl_if is None or ddl_if.dialect in (None, dialect)):
                Index(index.name, *(copy.c[column.name] for column in index.columns), **index.kwargs)
    return metadata


def compared(_object: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any) -> bool:
    """Alembic's ``include_object``: the optional trigram index (text_index.py) is made by the store on
    request, not by a migration."""
    return not (type_ == "index" and name == INDEX_NAME)


@cache
def _script_directory(scripts: Path) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(scripts=scripts))


def head_revision(scripts: Path = MIGRATIONS) -> str:
    head = _script_directory(scripts).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations in {scripts}")
    return head


def open_schema(engine: Engine, *, scripts: Path = MIGRATIONS) -> None:
    """Make the database ready for this version when that is safe (see the module docstring), or
    raise a ConfigError that says what to do."""
    with transaction(engine, write=False) as connection:
        state = read_state(connection, scripts)
    if state.state == "current":
        return
    _refuse_ahead(state)
    _migrate(engine, scripts, upgrade_postgres=False)


def upgrade_schema(url: str, *, scripts: Path = MIGRATIONS) -> SchemaUpgrade:
    """``synth db upgrade``: bring the review store at ``url`` to the newest revision, on any database."""
    engine = make_engine(url)
    try:
        with transaction(engine, write=False) as connection:
            before = read_state(connection, scripts)
        _refuse_ahead(before)
        after = before.head if before.state == "current" else _migrate(engine, scripts, upgrade_postgres=True)
    finally:
        dispose(engine)
    return SchemaUpgrade(url=before.url, before=before, revision=after)


def inspect_schema(url: str, *, scripts: Path = MIGRATIONS) -> SchemaState:
    """``synth db current``: where the review store at ``url`` stands; changes nothing."""
    engine = make_engine(url)
    try:
        with transaction(engine, write=False) as connection:
            return read_state(connection, scripts)
    finally:
        dispose(engine)


def read_state(connection: Connection, scripts: Path = MIGRATIONS) -> SchemaState:
    head = head_revision(scripts)
    revision = MigrationContext.configure(connection).get_current_revision()
    url = connection.engine.url.render_as_string(hide_password=True)
    if revision is None:
        ours = set(inspect(connection).get_table_names()) & set(BASELINE_COLUMNS)
        return SchemaState(url=url, state="unversioned" if ours else "empty", revision=None, head=head)
    if revision == head:
        return SchemaState(url=url, state="current", revision=revision, head=head)
    known = any(script.revision == revision for script in _script_directory(scripts).walk_revisions())
    return SchemaState(url=url, state="behind" if known else "ahead", revision=revision, head=head)


def _refuse_ahead(state: SchemaState) -> None:
    if state.state == "ahead":
        raise ConfigError(
            f"The review store at {state.url} is at schema revision {state.revision}, which this version of "
            f"Synth Studio does not know (its newest is {state.head}): a newer version made it.",
            hint="Upgrade Synth Studio, or point review.url at another database.",
        )


def _migrate(engine: Engine, scripts: Path, *, upgrade_postgres: bool) -> str:
    """Create, stamp or upgrade as the state found inside the write transaction asks; the revision
    the database is at afterwards."""
    with transaction(engine, write=True) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(SCHEMA_LOCK)
        state = read_state(connection, scripts)
        _refuse_ahead(state)
        if state.state == "empty":
            Base.metadata.create_all(connection)
            MigrationContext.configure(connection).stamp(_script_directory(scripts), "head")
            return state.head
        if state.state == "unversioned":
            check_baseline(connection, state.url)
            MigrationContext.configure(connection).stamp(_script_directory(scripts), BASELINE)
            state = read_state(connection, scripts)
        if state.state == "behind":
            if connection.dialect.name == "postgresql" and not upgrade_postgres:
                raise ConfigError(
                    f"The review store at {state.url} is at schema revision {state.revision}; this version of "
                    f"Synth Studio needs {state.head}.",
                    fix=Fix("Back the database up, then upgrade its schema.", step="upgrade_schema"),
                )
            command.upgrade(alembic_config(connection, scripts=scripts), "head")
        return state.head


def check_baseline(connection: Connection, url: str) -> None:
    """Refuse, with what to do, an unversioned store older than the first revision (missing tables or
    columns: no migration leads from there).

    One statement names every column of every table and reads no row (a millisecond, where a catalog
    inspection takes 20 on PostgreSQL); the catalog is asked only to name what is missing.
    """
    probes = [
        select(literal(1)).select_from(select(*map(column, names)).select_from(table(name)).limit(0).subquery())
        for name, names in BASELINE_COLUMNS.items()
    ]
    try:
        with connection.begin_nested():
            connection.execute(union_all(*probes))
    except DBAPIError:
        raise _too_old(connection, url) from None


def _too_old(connection: Connection, url: str) -> ConfigError:
    inspector = inspect(connection)
    found = set(inspector.get_table_names())
    missing: list[str] = []
    for name, names in BASELINE_COLUMNS.items():
        if name not in found:
            missing.append(name)
            continue
        present = {found_column["name"] for found_column in inspector.get_columns(name)}
        missing += [f"{name}.{column_name}" for column_name in names if column_name not in present]
    return ConfigError(
        f"The review store at {url} was made by an older version of Synth Studio (missing: "
        f"{', '.join(missing) or 'unknown'}).",
        hint="It predates the first migration: export what was approved with the version that made it, "
        "then point review.url at a new database (or move the old file away).",
    )
