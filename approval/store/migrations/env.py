"""Alembic's entry point for the review store's migrations.

Run only through ``approval.store.schema`` (``synth db upgrade``, or opening a store where that is
safe), which passes the connection to migrate in ``config.attributes["connection"]``: the store's own
engine, with its SQLite pragmas and its transaction, so an upgrade commits as a whole or not at all.
"""

from __future__ import annotations

from alembic import context

from approval.store.schema import compared, models_for


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("Run the review store's migrations through approval.store.schema, not alembic's CLI.")
    context.configure(
        connection=connection,
        target_metadata=models_for(connection.dialect.name),
        include_object=compared,
        # SQLite alters a table by copying it: autogenerate then writes batch operations that do so.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
