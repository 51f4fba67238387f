"""``synth db``: the review store's schema: where it stands (``current``) and bringing it up to date
(``upgrade``). Opening a store upgrades SQLite by itself; PostgreSQL waits for ``synth db upgrade``."""

from __future__ import annotations

import click

from approval import SchemaState, SchemaUpgrade, inspect_schema, upgrade_schema
from synth_core.cli_support import emit, get_settings, json_option


@click.group()
def db() -> None:
    """The review store's database schema (migrations)."""


@db.command()
@json_option
@click.pass_context
def upgrade(ctx: click.Context, as_json: bool) -> None:
    """Upgrade the review store to this version's schema (a new store is created). Back up first."""
    result = upgrade_schema(get_settings(ctx).review_url)
    if as_json:
        emit(result, as_json=True)
    else:
        click.echo(describe_upgrade(result))


@db.command()
@json_option
@click.pass_context
def current(ctx: click.Context, as_json: bool) -> None:
    """Show the review store's schema revision and whether it needs 'synth db upgrade'."""
    state = inspect_schema(get_settings(ctx).review_url)
    if as_json:
        emit(state, as_json=True)
    else:
        click.echo(describe_state(state))


def describe_upgrade(result: SchemaUpgrade) -> str:
    before = result.before
    where = f"The review store at {result.url}"
    if before.state == "current":
        return f"{where} is already at schema revision {result.revision}."
    if before.state == "empty":
        return f"{where} was created at schema revision {result.revision}."
    since = f"revision {before.revision}" if before.revision else "before migrations"
    return f"{where} was upgraded from {since} to schema revision {result.revision}."


def describe_state(state: SchemaState) -> str:
    where = f"The review store at {state.url}"
    if state.state == "current":
        return f"{where} is at schema revision {state.revision}, the newest this version knows."
    if state.state == "empty":
        return f"{where} is empty: opening it, or 'synth db upgrade', creates it at revision {state.head}."
    if state.state == "ahead":
        return f"{where} is at schema revision {state.revision}, newer than this version knows ({state.head})."
    stands = f"is at schema revision {state.revision}" if state.revision else "was made before migrations"
    return f"{where} {stands}; this version needs schema revision {state.head}: run 'synth db upgrade'."
