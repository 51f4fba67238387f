"""Helpers every CLI command shares: settings from the click context, output, errors.

Commands stay thin: parse options, call one service function, ``emit`` the result.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click
from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.table import Table

from synth_core.errors import InvalidRequestError, Step, SynthError
from synth_core.settings import Settings, load_settings
from synth_core.tenants import check_tenant

F = TypeVar("F", bound=Callable[..., Any])
M = TypeVar("M", bound=BaseModel)


def build_model(model: type[M], **fields: Any) -> M:
    """Validate user input into ``model``; a bad value becomes one ``InvalidRequestError`` line."""
    try:
        return model(**fields)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or 'input'}: {error['msg']}" for error in exc.errors()
        )
        raise InvalidRequestError(f"Invalid {model.__name__}: {problems}.", hint="Fix the option and retry.") from None


def get_settings(ctx: click.Context) -> Settings:
    """The settings for this invocation, built once from ``--config`` and the environment."""
    root = ctx.find_root()
    root.ensure_object(dict)
    if "settings" not in root.obj:
        root.obj["settings"] = load_settings(root.obj.get("config_file"))
    settings: Settings = root.obj["settings"]
    return settings


def json_option(func: F) -> F:
    """``--json``: print machine-readable JSON instead of a table."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")(func)


def tenant_option(func: F) -> F:
    """``--tenant``: the tenant to act for (default: settings.default_tenant)."""
    return click.option("--tenant", default=None, help="Tenant id (default from settings).")(func)


def tenant_of(ctx: click.Context, tenant: str | None) -> str:
    """The tenant to act for, refused unless it is a slug (it ends up in paths and queries)."""
    return check_tenant(tenant) if tenant is not None else get_settings(ctx).default_tenant


def to_jsonable(data: Any) -> Any:
    if isinstance(data, BaseModel):
        return data.model_dump(mode="json")
    if isinstance(data, list | tuple):
        return [to_jsonable(item) for item in data]
    if isinstance(data, dict):
        return {key: to_jsonable(value) for key, value in data.items()}
    return data


def print_json(data: Any) -> None:
    click.echo(json.dumps(to_jsonable(data), indent=2, ensure_ascii=False, default=str))


def print_table(
    rows: Sequence[dict[str, Any]], *, title: str | None = None, columns: Sequence[str] | None = None
) -> None:
    """Render rows as a table on stdout (plain, no colour when not a terminal)."""
    console = Console(highlight=False, soft_wrap=False, width=max(140, Console().width))
    table = Table(title=title, show_lines=False)
    cols = list(columns) if columns else (list(rows[0]) if rows else [])
    for col in cols:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(col)) for col in cols))
    console.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def emit(
    data: Any,
    *,
    as_json: bool,
    rows: Sequence[dict[str, Any]] | None = None,
    title: str | None = None,
    columns: Sequence[str] | None = None,
) -> None:
    """Print ``data`` as JSON (``--json``) or ``rows`` as a table (default)."""
    if as_json:
        print_json(data)
    elif rows is not None:
        print_table(rows, title=title, columns=columns)
    else:
        click.echo(str(data))


OPTIONS: dict[str, str] = {
    "reviewer": "--reviewer NAME",
    "reason_code": "--reason",
    "expected_version": "--version",
    "changes": "--set FIELD=VALUE",
    "example_ids": "--ids ID... or --all-rejected",
    "force": "--force",
    "count": "--count",
    "sample_size": "--sample-size",
    "split": "--split",
    "out": "--out",
    "tenant_id": "--tenant",
    "optimizer": "--optimizer",
    "llm_model": "--llm MODEL",
    "field_map": "--map FIELD=COLUMN",
}
"""How the CLI names the fields an error's fix points at (fields that are arguments are named in words)."""

COMMANDS: dict[Step, str] = {
    "list_examples": "synth review list",
    "list_runs": "synth runs",
    "review_examples": "synth review approve",
    "finish_runs": "synth runs resume ID",
    "upgrade_schema": "synth db upgrade",
    "load_content": "synth ingest FILE",
}
"""The command that takes each follow-up step a fix can name."""


def describe_error(error: SynthError) -> str:
    """The error as the CLI says it: the message, then the fix with the option and command to use."""
    if error.fix is None:
        return error.message
    fields = {field: f"Use {option}." for field, option in OPTIONS.items()}
    steps = {step: f"See '{command}'." for step, command in COMMANDS.items()}
    return f"{error.message} {error.fix.said_with(fields, steps)}"


def fail(message: str) -> None:
    """One clear line on stderr."""
    click.echo(f"error: {message}", err=True)


def stderr_console() -> Console:
    return Console(file=sys.stderr, highlight=False)
