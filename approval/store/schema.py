"""The review store's schema in a database: create the tables of a new store, refuse an old one."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, inspect, literal, select, union_all
from sqlalchemy.exc import DBAPIError

from approval.store.engine import transaction
from approval.store.tables import Base
from synth_core.errors import ConfigError


def prepare_schema(engine: Engine) -> None:
    """Create what is missing of the tables, then check that the existing ones are the current ones."""
    with transaction(engine, write=True) as connection:
        Base.metadata.create_all(connection)
        check_schema(connection, engine.url.render_as_string(hide_password=True))


def check_schema(connection: Connection, url: str) -> None:
    """Refuse, with what to do, a store whose tables an older version made (``create_all`` adds missing
    tables but never columns): without this, the first write fails with a bare database error.

    One statement names every column of every table and reads no row (a millisecond, where a catalog
    inspection takes 20 on PostgreSQL); the catalog is asked only to name what is missing.
    """
    tables = Base.metadata.sorted_tables
    probes = [select(literal(1)).select_from(select(*table.c).limit(0).subquery()) for table in tables]
    try:
        with connection.begin_nested():
            connection.execute(union_all(*probes))
    except DBAPIError:
        inspector = inspect(connection)
        missing = [
            f"{table.name}.{column}"
            for table in tables
            for column in sorted(set(table.c.keys()) - {found["name"] for found in inspector.get_columns(table.name)})
        ]
        raise ConfigError(
            f"The review store at {url} was made by an older version of Synth Studio (missing: "
            f"{', '.join(missing) or 'unknown'}).",
            hint="The review store has no migrations: export what was approved with the version that made it, "
            "then point review.url at a new database (or move the old file away).",
        ) from None
