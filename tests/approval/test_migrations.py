"""The review store's migrations, on SQLite and PostgreSQL: the first revision builds exactly the
schema of the models, a new store is stamped at the newest revision, and a store made before
migrations existed keeps every decision through an upgrade (issue 15: review work is never lost to
a schema change)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from approval.decision import Decision
from approval.store import ReviewStore, inspect_schema, upgrade_schema
from approval.store.engine import dispose, make_engine, transaction
from approval.store.schema import (
    MIGRATIONS,
    compared,
    head_revision,
    models_for,
    open_schema,
)
from synth_core.cli_support import describe_error
from synth_core.errors import ConfigError
from tests.support.postgres import fresh_database
from tests.support.previous_release_store import (
    EXAMPLE_IDS,
    TENANT,
    baseline_rows,
    migrate,
    write_previous_release_store,
)


@pytest.fixture
def other_url(review_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A second empty database on the same kind of server as ``review_url``."""
    if review_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'other.db'}"
    return fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def engine(review_url: str) -> Iterator[sa.Engine]:
    made = make_engine(review_url)
    yield made
    dispose(made)


def schema_of(url: str) -> set[tuple[Any, ...]]:
    """Every table, column, constraint, index and trigger of the database, as the database states them."""
    engine = make_engine(url)
    try:
        with transaction(engine, write=False) as connection:
            if connection.dialect.name == "sqlite":
                query = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> 'alembic_version'"
                return {tuple(row) for row in connection.exec_driver_sql(query)}
            return postgres_schema(connection)
    finally:
        dispose(engine)


def postgres_schema(connection: sa.Connection) -> set[tuple[Any, ...]]:
    here = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
    queries = [
        "SELECT 'column', table_name, column_name, data_type || coalesce(character_maximum_length::text, ''), "
        "is_nullable, ordinal_position::text "
        "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'alembic_version'",
        "SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid), '', '' FROM pg_constraint "
        "WHERE connamespace = current_schema()::regnamespace AND conrelid <> 'alembic_version'::regclass",
        "SELECT 'index', tablename, indexname, indexdef, coalesce(c.reloptions::text, ''), '' FROM pg_indexes i "
        "JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = current_schema()::regnamespace "
        "WHERE schemaname = current_schema() AND tablename <> 'alembic_version'",
        "SELECT 'trigger', tgrelid::regclass::text, tgname, pg_get_triggerdef(t.oid), '', '' FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = current_schema()::regnamespace "
        "AND NOT tgisinternal",
        "SELECT 'function', proname, pg_get_functiondef(oid), '', '', '' FROM pg_proc "
        "WHERE pronamespace = current_schema()::regnamespace",
    ]
    return {
        tuple(str(value).replace(f"{here}.", "") for value in row)
        for query in queries
        for row in connection.exec_driver_sql(query)
    }


def test_a_new_store_is_created_at_the_newest_revision(review_url: str) -> None:
    ReviewStore(review_url).close()
    state = inspect_schema(review_url)
    assert (state.state, state.revision, state.head) == ("current", head_revision(), head_revision())


def test_the_migrations_build_exactly_the_schema_the_store_creates(review_url: str, other_url: str) -> None:
    made_by_migrations = make_engine(review_url)
    try:
        migrate(made_by_migrations, "head")
        with transaction(made_by_migrations, write=False) as connection:
            context = MigrationContext.configure(connection, opts={"include_object": compared})
            assert compare_metadata(context, models_for(connection.dialect.name)) == []
            assert context.get_current_revision() == head_revision()
    finally:
        dispose(made_by_migrations)
    ReviewStore(other_url).close()  # a new store: the models' create_all, stamped at the newest revision
    assert inspect_schema(other_url).state == "current"
    assert schema_of(review_url) == schema_of(other_url)
    assert len(schema_of(review_url)) > 20  # the comparison saw the tables, not two empty sets


def test_a_store_made_before_migrations_keeps_its_decisions_through_the_upgrade(
    review_url: str, engine: sa.Engine
) -> None:
    write_previous_release_store(engine)
    before = baseline_rows(engine)
    assert inspect_schema(review_url).state == "unversioned"

    result = upgrade_schema(review_url)

    assert (result.before.state, result.revision) == ("unversioned", head_revision())
    assert inspect_schema(review_url).state == "current"
    assert baseline_rows(engine) == before
    with ReviewStore(review_url) as store:
        decided = store.decisions(tenant_id=TENANT)
        log = [(d.id, d.example_id, d.reviewer, d.action, d.to_status, d.feedback) for d in decided]
        assert log == [
            (1, EXAMPLE_IDS[2], "system", "auto_approve", "auto_approved", "confidence 0.950 reached it"),
            (2, EXAMPLE_IDS[0], "ann", "approve", "approved", None),
            (3, EXAMPLE_IDS[1], "bob", "reject", "rejected", "the entity is a verb, not a name"),
            (4, EXAMPLE_IDS[3], "cy", "approve", "approved", "bulk"),
        ]
        assert store.get(tenant_id=TENANT, example_id=EXAMPLE_IDS[1]).reason_code == "entity_problem"
        # The upgraded store keeps working: undo the bulk decision, decide the pending example.
        assert store.undo_last(tenant_id=TENANT, reviewer="cy").examples == 1
        assert store.get(tenant_id=TENANT, example_id=EXAMPLE_IDS[3]).status == "pending_review"
        pending = store.get(tenant_id=TENANT, example_id=EXAMPLE_IDS[4])
        store.decide(
            tenant_id=TENANT,
            example_id=pending.id,
            decision=Decision(action="approve", reviewer="dee", expected_version=pending.version),
        )
        assert [d.reviewer for d in store.decisions(tenant_id=TENANT)][-2:] == ["cy", "dee"]


@pytest.fixture
def next_revision(tmp_path: Path) -> Path:
    """The store's migrations and one more revision after them (an index), as a later release ships."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_next.py").write_text(
        "from alembic import op\n"
        f"revision = '9001'\ndown_revision = {head_revision()!r}\nbranch_labels = None\ndepends_on = None\n\n"
        "def upgrade() -> None:\n    op.create_index('ix_decisions_created', 'decisions', ['created_at'])\n\n"
        "def downgrade() -> None:\n    op.drop_index('ix_decisions_created', 'decisions')\n"
    )
    return scripts


def test_opening_upgrades_sqlite_and_asks_for_synth_db_upgrade_on_postgres(
    review_url: str, engine: sa.Engine, next_revision: Path
) -> None:
    write_previous_release_store(engine)
    before = baseline_rows(engine)
    if engine.dialect.name == "postgresql":
        with pytest.raises(ConfigError) as refused:
            open_schema(engine, scripts=next_revision)
        assert refused.value.fix is not None and refused.value.fix.step == "upgrade_schema"
        assert "'synth db upgrade'" in describe_error(refused.value) and "\n" not in str(refused.value)
        assert inspect_schema(review_url, scripts=next_revision).state == "unversioned"  # nothing changed
        upgrade_schema(review_url, scripts=next_revision)
    else:
        open_schema(engine, scripts=next_revision)
    assert inspect_schema(review_url, scripts=next_revision).revision == "9001"
    assert baseline_rows(engine) == before
    with transaction(engine, write=False) as connection:
        assert "ix_decisions_created" in {index["name"] for index in sa.inspect(connection).get_indexes("decisions")}
    # This version does not know 9001: a newer release made the store.
    with pytest.raises(ConfigError, match="newer version made it"):
        ReviewStore(review_url)


def test_a_store_at_an_unknown_revision_is_refused(review_url: str, engine: sa.Engine) -> None:
    ReviewStore(review_url).close()
    with transaction(engine, write=True) as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00d'")
    with pytest.raises(ConfigError, match=r"revision f00d, which this version of Synth Studio does not know"):
        ReviewStore(review_url)


def test_stores_opened_at_once_on_a_new_database_are_created_once(review_url: str) -> None:
    def open_and_close(_: int) -> str:
        with ReviewStore(review_url) as store:
            return store.url

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert len(list(pool.map(open_and_close, range(4)))) == 4
    assert inspect_schema(review_url).state == "current"


def test_opening_a_current_store_runs_no_ddl(review_url: str) -> None:
    ReviewStore(review_url).close()
    statements: list[str] = []
    engine = make_engine(review_url)
    sa.event.listen(engine, "before_cursor_execute", lambda *args: statements.append(str(args[2])))
    try:
        open_schema(engine)
    finally:
        dispose(engine)
    assert statements and not [s for s in statements if s.lstrip().upper().startswith(("CREATE", "ALTER", "DROP"))]
